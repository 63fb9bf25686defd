package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/lang"
)

func init() {
	register(&Check{
		Code: "name-missing", Severity: Info, Category: Names, Bilingual: true,
		Doc: "a Russian name with no rendering in the English of its bead",
		Run: checkNameMissing,
	})
}

// checkNameMissing flags a capitalized Russian word inside a sentence (a
// name, as Russian capitalizes little else) when no word of the English
// renders it. A word renders it when their match keys (lang.Key) share a
// beginning of four letters or more, or when their beginnings differ by
// at most a third of their letters ("Москве" and "Moscow"), or when
// their consonants agree ("России" and "Russia"). Words in capitals (ОДКБ) are abbreviations, translated
// rather than transliterated, and are left to the glossary.
// Input.NameMatch, when set, decides instead.
//
// It is information only: Russian capitalizes words that English
// translates (an adjective of a country), and a pronoun may stand for a
// name.
func checkNameMissing(in *Input, r *Reporter) {
	for i := range in.Beads {
		b := &in.Beads[i]
		if b.Src.Empty() || b.Tgt.Empty() {
			continue
		}
		s, t := b.Src.Text, b.Tgt.Text
		var keys []string
		for _, w := range words(t) {
			if k := lang.Key(t[w.Start:w.End]); len(k) >= 3 {
				keys = append(keys, k)
			}
		}
		for _, w := range words(s) {
			word := s[w.Start:w.End]
			if !isRussianName(s, w.Start, word) {
				continue
			}
			var found bool
			if in.NameMatch != nil {
				found = in.NameMatch(word, t)
			} else {
				found = keyRendered(lang.Key(word), keys)
			}
			if !found {
				r.Flag(b, Src, w.Start, w.End, "the name "+word+" has no rendering in the English", "")
			}
		}
	}
}

// isRussianName reports whether word, at byte start of s, looks like a
// name: Cyrillic, capitalized, not in capitals, at least three letters,
// not the first word of a sentence.
func isRussianName(s string, start int, word string) bool {
	first, _ := utf8.DecodeRuneInString(word)
	if !isCyrillicWord(word) || !unicode.IsUpper(first) || utf8.RuneCountInString(word) < 3 || word == strings.ToUpper(word) {
		return false
	}
	// The first word of a sentence: nothing but quotes, dashes or an
	// initial's period... before it, back to the start or a sentence end.
	k := start
	for k > 0 {
		c, n := utf8.DecodeLastRuneInString(s[:k])
		if unicode.IsSpace(c) || strings.ContainsRune("\"«„“—–-(", c) {
			k -= n
			continue
		}
		if strings.ContainsRune(".!?…:", c) {
			// "В. Путин": a period after an initial does not end a sentence.
			before := s[:k-n]
			b, m := utf8.DecodeLastRuneInString(before)
			if unicode.IsUpper(b) {
				p, _ := utf8.DecodeLastRuneInString(before[:len(before)-m])
				if !unicode.IsLetter(p) {
					return true
				}
			}
			return false
		}
		return true
	}
	return false
}

// keyRendered reports whether some English key renders the Russian key.
func keyRendered(kr string, keys []string) bool {
	for _, ke := range keys {
		p := 0
		for p < len(kr) && p < len(ke) && kr[p] == ke[p] {
			p++
		}
		if p >= 4 || p >= 3 && p >= min(len(kr), len(ke))-1 {
			return true
		}
		n := min(len(kr), len(ke))
		if n >= 4 && editDistance(kr[:n], ke[:n]) <= n/3 {
			return true
		}
		// The consonants: vowels are where schemes and inflection differ.
		sr, se := consonants(kr), consonants(ke)
		n = min(len(sr), len(se))
		if n >= 2 && editDistance(sr[:n], se[:n]) <= n/4 {
			return true
		}
	}
	return false
}

// consonants drops the vowels of a match key.
func consonants(k string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("aeiouy", r) {
			return -1
		}
		return r
	}, k)
}

// editDistance is the Levenshtein distance of two byte strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
