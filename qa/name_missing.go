package qa

import (
	"regexp"
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
// Russian capitalizes names that English translates rather than
// transliterates (the Hatter, the United Nations), so a word is flagged
// only when it is a name English transliterates: the corpus renders it
// in at least half of its other occurrences (by a sure match: a shared
// beginning or the edit distance), or it has the ending of a surname
// (-ов, -ин, -ян, -енко, -ич...; not -ский, which adjectives share). It
// is information only: a pronoun may stand for a name.
func checkNameMissing(in *Input, r *Reporter) {
	type miss struct {
		b          *Bead
		start, end int
		group      string
	}
	var misses []miss
	rendered := map[string]int{} // name group -> times it is surely rendered
	seen := map[string]int{}     // name group -> times it occurs
	for i := range in.Beads {
		b := &in.Beads[i]
		if b.Src.Empty() || b.Tgt.Empty() {
			continue
		}
		s, t := b.Src.Text, b.Tgt.Text
		var keys []string
		have := map[string]bool{}
		for _, w := range words(t) {
			for _, k := range []string{lang.Key(softC(t[w.Start:w.End])), lang.Key(enAdjectiveStem(t[w.Start:w.End]))} {
				if len(k) >= 3 && !have[k] {
					have[k] = true
					keys = append(keys, k)
				}
			}
		}
		type result struct{ found, sure bool }
		cache := map[string]result{} // names repeat: compare each once
		for _, w := range words(s) {
			word := s[w.Start:w.End]
			if !isRussianName(s, w.Start, word) {
				continue
			}
			var found, sure bool
			if in.NameMatch != nil {
				found = in.NameMatch(word, t)
				sure = found
			} else {
				kr := lang.Key(word)
				res, ok := cache[kr]
				if !ok {
					res.found, res.sure = keyRendered(kr, keys)
					if st := ruAdjectiveStem(word); !res.found && st != "" {
						res.found, res.sure = keyRendered(lang.Key(st), keys)
					}
					cache[kr] = res
				}
				found, sure = res.found, res.sure
			}
			g := nameGroup(word)
			seen[g]++
			if sure {
				rendered[g]++
			}
			if !found {
				misses = append(misses, miss{b, w.Start, w.End, g})
			}
		}
	}
	for _, m := range misses {
		word := m.b.Src.Text[m.start:m.end]
		usual := rendered[m.group] > 0 && 2*rendered[m.group] >= seen[m.group]
		if !usual && !surnameRE.MatchString(strings.ToLower(word)) {
			continue
		}
		r.Flag(m.b, Src, m.start, m.end, "the name "+word+" has no rendering in the English", "")
	}
}

// surnameRE matches the endings of Russian (and neighbouring) surnames,
// in any case form.
var surnameRE = regexp.MustCompile(`(?:ов|ев|ёв|ин|ын|ян|енко|ук|юк|ич|швили|дзе|ова|ева|ёва|ина|ына)(?:а|у|ым|ом|е|ой|ого|ому|им|их|ы|ем)?$`)

// nameGroup groups the case forms of a name: its first five letters,
// lower-cased.
func nameGroup(w string) string {
	rs := []rune(strings.ToLower(w))
	return string(rs[:min(len(rs), 5)])
}

// softC writes the soft English "c" (before e, i, y) as "s", so that
// "Alice" meets "Алиса"; lang.Key makes every other "c" a "k".
func softC(w string) string {
	lw := strings.ToLower(w)
	if !strings.Contains(lw, "c") {
		return lw
	}
	b := []byte(lw)
	for i := 0; i+1 < len(b); i++ {
		if b[i] == 'c' && (b[i+1] == 'e' || b[i+1] == 'i' || b[i+1] == 'y') {
			b[i] = 's'
		}
	}
	return string(b)
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
		if c == '-' && !unicode.IsSpace(prevRune(s[:k-n])) {
			return false // "Нью-Йорка": part of a compound
		}
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

// keyRendered reports whether some English key renders the Russian
// key, and whether one does surely: a shared beginning of four letters,
// or beginnings that differ by at most a third of their letters. Keys
// whose consonants agree are a render, not a sure one.
func keyRendered(kr string, keys []string) (found, sure bool) {
	for _, ke := range keys {
		p := 0
		for p < len(kr) && p < len(ke) && kr[p] == ke[p] {
			p++
		}
		n := min(len(kr), len(ke))
		if p >= 4 || p >= 3 && p >= n-1 || n >= 4 && lang.Distance(kr[:n], ke[:n]) <= n/3 {
			return true, true
		}
		// The consonants: vowels are where schemes and inflection differ.
		sr, se := consonants(kr), consonants(ke)
		m := min(len(sr), len(se))
		if m >= 2 && lang.Distance(sr[:m], se[:m]) <= m/4 {
			found = true
		}
	}
	return found, false
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

func prevRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// ruAdjectiveStem returns the stem of a Russian adjective made from a
// name ("Европейский" -> "Европ", "Казахстанской" -> "Казахстан"), or ""
// when the word is not one.
func ruAdjectiveStem(w string) string {
	lw := strings.ToLower(w)
	for _, suf := range []string{"ейск", "ийск", "ск", "цк"} {
		if i := strings.LastIndex(lw, suf); i >= 6 {
			return lw[:i]
		}
	}
	return ""
}

// enAdjectiveStem strips the ending of an English adjective made from a
// name ("European" -> "europ", "Kazakh" stays).
func enAdjectiveStem(w string) string {
	lw := softC(w)
	for _, suf := range []string{"ean", "ian", "ese", "ish", "an"} {
		if s, ok := strings.CutSuffix(lw, suf); ok && len(s) >= 3 {
			return s
		}
	}
	return lw
}
