package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/lang"
)

func init() {
	register(&Check{
		Code: "homoglyph", Severity: Error, Category: Script,
		Doc: `a word mixing Latin and Cyrillic letters (a Cyrillic "а" inside "Pashinyan")`,
		Run: checkHomoglyph,
	})
}

// latinOf maps Cyrillic letters to the Latin letters that look the same.
var latinOf = map[rune]rune{
	'а': 'a', 'в': 'B', 'е': 'e', 'ё': 'ë', 'к': 'k', 'м': 'M', 'н': 'H', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 'T',
	'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h', 'ԛ': 'q', 'ԝ': 'w',
	'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T',
	'У': 'Y', 'Х': 'X', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
}

// cyrillicOf maps Latin letters to the Cyrillic letters that look the
// same, for a Latin letter inside a Russian word.
var cyrillicOf = map[rune]rune{}

func init() {
	for c, l := range latinOf {
		if _, ok := cyrillicOf[l]; !ok && unicode.Is(unicode.Latin, l) && l != 'ë' {
			cyrillicOf[l] = c
		}
	}
	// Lower-case "в", "м", "н", "т" do not look like "B", "M", "H", "T";
	// the upper-case letters do.
	for _, l := range "BMHT" {
		cyrillicOf[l] = map[rune]rune{'B': 'В', 'M': 'М', 'H': 'Н', 'T': 'Т'}[l]
	}
}

// checkHomoglyph flags words that mix Latin and Cyrillic letters, on
// both sides: in an English word the Cyrillic letters are the intruders,
// in a Russian word the Latin ones; the word is written in the script of
// most of its letters. The suggestion replaces the intruders by their
// look-alikes when every one has a look-alike. Accented Latin vowels in
// a Russian word mark the stress ("замóк"): a warning, suggesting the
// Cyrillic vowel with a combining accent.
func checkHomoglyph(in *Input, r *Reporter) {
	var ws []wordSpan
	for i := range in.Beads {
		b := &in.Beads[i]
		for _, s := range []Side{Tgt, Src} {
			t := b.seg(s).Text
			if !mixesScripts(t) {
				continue // no word of it can
			}
			ws = appendWords(ws[:0], t)
			for _, w := range ws {
				word := t[w.Start:w.End]
				lat, cyr := 0, 0
				for _, c := range word {
					switch {
					case lang.IsLatin(c):
						lat++
					case lang.IsCyrillic(c):
						cyr++
					}
				}
				if lat == 0 || cyr == 0 {
					continue
				}
				toLatin := lat > cyr || lat == cyr && s == Tgt
				if !toLatin && stressOnly(word) {
					// "замóк": a stress mark written with an accented Latin
					// vowel; Cyrillic with U+0301 is the usual way.
					r.Flag(b, s, w.Start, w.End, "stress mark written with an accented Latin letter", withCombiningStress(word)).Severity = Warning
					continue
				}
				var sb strings.Builder
				ok := true
				for _, c := range word {
					switch {
					case toLatin && unicode.Is(unicode.Cyrillic, c):
						if l, found := latinOf[c]; found && (unicode.IsUpper(l) == unicode.IsUpper(c)) {
							c = l
						} else if l, found := latinOf[unicode.ToLower(c)]; found && unicode.IsLower(l) && unicode.IsUpper(c) {
							c = unicode.ToUpper(l)
						} else {
							ok = false
						}
					case !toLatin && unicode.Is(unicode.Latin, c):
						if k, found := cyrillicOf[c]; found {
							c = k
						} else if k, found := cyrillicOf[unicode.ToUpper(c)]; found && unicode.IsLower(c) {
							c = unicode.ToLower(k)
						} else {
							ok = false
						}
					}
					sb.WriteRune(c)
				}
				msg := "Cyrillic letters inside a Latin word"
				if !toLatin {
					msg = "Latin letters inside a Cyrillic word"
				}
				sugg := ""
				if ok {
					sugg = sb.String()
				}
				r.Flag(b, s, w.Start, w.End, msg, sugg)
			}
		}
	}
}

// mixesScripts reports whether s has both Latin and Cyrillic letters.
func mixesScripts(s string) bool {
	lat, cyr := false, false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			lat = lat || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
			i++
		} else if (c == 0xD0 || c == 0xD1) && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// U+0400 to U+047F: Cyrillic letters, most of a Russian text.
			cyr = true
			i += 2
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			lat = lat || lang.IsLatin(r)
			cyr = cyr || lang.IsCyrillic(r)
			i += n
		}
		if lat && cyr {
			return true
		}
	}
	return false
}

// stressedVowels maps accented Latin vowels used as stress marks in
// Russian words to their Cyrillic look-alikes.
var stressedVowels = map[rune]rune{'á': 'а', 'é': 'е', 'ó': 'о', 'ú': 'у', 'ý': 'у', 'Á': 'А', 'É': 'Е', 'Ó': 'О'}

// stressOnly reports whether every Latin letter of word is an accented
// vowel standing for a stressed Cyrillic one.
func stressOnly(word string) bool {
	for _, c := range word {
		if _, ok := stressedVowels[c]; !ok && unicode.Is(unicode.Latin, c) {
			return false
		}
	}
	return true
}

func withCombiningStress(word string) string {
	var b strings.Builder
	for _, c := range word {
		if k, ok := stressedVowels[c]; ok {
			b.WriteRune(k)
			b.WriteRune('\u0301')
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}
