package lang

import (
	"bufio"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Guess tells Russian from English text, so that a pipeline can warn when
// a file sits in the wrong folder. It is deliberately simple and
// explainable; it knows only these two languages.
//
// Two shares are measured, each between 0 (all English) and 1 (all
// Russian):
//
//   - script: Cyrillic letters / (Cyrillic + Latin letters);
//   - words: Russian function words / (Russian + English function words),
//     counting the words of tables/words-ru.txt and tables/words-en.txt
//     ("и", "в", "что"; "the", "of", "and"). When neither kind occurs,
//     this share is 0.5: no evidence either way, which caps the
//     confidence of such text (transliterated Russian, a list of names)
//     at 0.7.
//
// The Russian score is 0.7·script + 0.3·words. Guess returns
// language.Russian when the score is at least 0.5 and language.English
// otherwise, with a confidence of |score − 0.5|·2, between 0 and 1: 1 for
// pure text of one language, near 0 for an even mixture. Text without
// Cyrillic or Latin letters gives language.Und and 0.
func Guess(text string) (language.Tag, float64) {
	var cyr, lat, ruWords, enWords int
	words, longest := functionWordIndex()
	var buf [64]byte
	w := buf[:0]    // the word being read, lower-cased
	inWord := false // a letter was read and no other character since
	letters := 0    // the letters of the word
	word := func() {
		// Lower-casing keeps the number of letters, so a word longer
		// than every function word is none of them.
		if letters <= longest {
			in := words[string(w)]
			if in&inRussian != 0 {
				ruWords++
			}
			if in&inEnglish != 0 {
				enWords++
			}
		}
		w, inWord, letters = buf[:0], false, 0
	}
	for i := 0; i < len(text); {
		// ASCII and the Russian alphabet are read here, without the
		// Unicode tables; letterScript and ToLower answer the rest.
		var r rune
		c := text[i]
		switch {
		case c < utf8.RuneSelf:
			i++
			if l := c | 0x20; 'a' <= l && l <= 'z' {
				lat++
				inWord = true
				if letters++; letters <= longest {
					w = append(w, l)
				}
			} else if inWord {
				word()
			}
			continue
		case (c == 0xD0 || c == 0xD1) && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
			// U+0400 to U+047F, all Cyrillic letters.
			r = rune(c&0x1F)<<6 | rune(text[i+1]&0x3F)
			i += 2
			cyr++
			inWord = true
			if letters++; letters <= longest {
				w = utf8.AppendRune(w, ToLower(r))
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		letter, script := letterScript(r)
		if !letter {
			if inWord {
				word()
			}
			continue
		}
		inWord = true
		if letters++; letters <= longest {
			w = utf8.AppendRune(w, ToLower(r))
		}
		switch script {
		case cyrillic:
			cyr++
		case latin:
			lat++
		}
	}
	if inWord {
		word()
	}
	return guessFrom(cyr, lat, ruWords, enWords)
}

// guessFrom is the verdict of Guess from its counts: Cyrillic and Latin
// letters, Russian and English function words.
func guessFrom(cyr, lat, ruWords, enWords int) (language.Tag, float64) {
	if cyr+lat == 0 {
		return language.Und, 0
	}
	script := float64(cyr) / float64(cyr+lat)
	share := 0.5 // no evidence either way
	if ruWords+enWords > 0 {
		share = float64(ruWords) / float64(ruWords+enWords)
	}
	score := 0.7*script + 0.3*share
	if score >= 0.5 {
		return language.Russian, (score - 0.5) * 2
	}
	return language.English, (0.5 - score) * 2
}

// The scripts Guess counts.
const (
	otherScript = iota
	cyrillic
	latin
)

// letterScript reports whether r is a letter (unicode.IsLetter) and
// whether it is Cyrillic, Latin or neither (unicode.Cyrillic,
// unicode.Latin), answering ASCII and the Cyrillic block without the
// Unicode tables. TestLetterScript checks every rune against them.
func letterScript(r rune) (bool, int) {
	switch {
	case !IsLetter(r):
		return false, otherScript
	case IsCyrillic(r):
		return true, cyrillic
	case IsLatin(r):
		return true, latin
	}
	return true, otherScript
}

// The languages a function word belongs to, as bits.
const (
	inRussian = 1 << iota
	inEnglish
)

// functionWordIndex returns the function words of both tables with the
// languages each belongs to, and the number of letters of the longest.
var functionWordIndex = sync.OnceValues(func() (map[string]uint8, int) {
	index := map[string]uint8{}
	longest := 0
	for l, bit := range map[string]uint8{"ru": inRussian, "en": inEnglish} {
		for w := range functionWords()[l] {
			index[w] |= bit
			longest = max(longest, utf8.RuneCountInString(w))
		}
	}
	return index, longest
})

// functionWords returns the function words of each language, lower case,
// from tables/words-{ru,en}.txt, read once.
var functionWords = sync.OnceValue(func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for _, l := range []string{"ru", "en"} {
		name := "tables/words-" + l + ".txt"
		f, err := tablesFS.Open(name)
		if err != nil {
			panic("lang: missing table " + name)
		}
		set := map[string]bool{}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w := strings.TrimSpace(sc.Text())
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			set[strings.ToLower(w)] = true
		}
		f.Close()
		m[l] = set
	}
	return m
})

// EnglishName returns the English name of a language ("Russian" for ru), or
// the tag itself when it has none.
func EnglishName(t language.Tag) string {
	if n := display.English.Tags().Name(t); n != "" {
		return n
	}
	return t.String()
}
