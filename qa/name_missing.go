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
	// The beads are read in parts side by side; the counts of the parts
	// add up, and their misses are taken in the order of the beads.
	parts := make([]namesPart, (len(in.Beads)+partSize-1)/partSize)
	inParallel(len(in.Beads), func(lo, hi int) {
		parts[lo/partSize].read(in, lo, hi)
	})
	rendered := map[string]int{} // name group -> times it is surely rendered
	seen := map[string]int{}     // name group -> times it occurs
	for _, p := range parts {
		for g, n := range p.seen {
			seen[g] += n
		}
		for g, n := range p.rendered {
			rendered[g] += n
		}
	}
	for _, p := range parts {
		for _, m := range p.misses {
			word := m.b.Src.Text[m.start:m.end]
			usual := rendered[m.group] > 0 && 2*rendered[m.group] >= seen[m.group]
			if !usual && !m.surname {
				continue
			}
			r.Flag(m.b, Src, m.start, m.end, "the name "+word+" has no rendering in the English", "")
		}
	}
}

// namesPart is what checkNameMissing learns from a part of the beads.
type namesPart struct {
	misses   []nameMiss
	rendered map[string]int // name group -> times it is surely rendered
	seen     map[string]int // name group -> times it occurs
	// enKeys caches the match keys of the English words of the part
	// and their consonants; have holds the keys of one bead.
	enKeys map[string][4]string
	have   map[string]bool
	// surname caches surnameRE's answer for the names missed.
	surname map[string]bool
}

// nameMiss is a Russian name with no rendering in its bead.
type nameMiss struct {
	b          *Bead
	start, end int
	group      string
	surname    bool // it has the ending of a surname (surnameRE)
}

// read reads the beads [lo, hi) of in.
func (p *namesPart) read(in *Input, lo, hi int) {
	p.rendered, p.seen = map[string]int{}, map[string]int{}
	p.enKeys, p.have, p.surname = map[string][4]string{}, map[string]bool{}, map[string]bool{}
	var sw, tw []wordSpan
	var keys []string
	type result struct{ found, sure bool }
	cache := map[string]result{} // names repeat: compare each once
	for i := lo; i < hi; i++ {
		b := &in.Beads[i]
		if b.Src.Empty() || b.Tgt.Empty() {
			continue
		}
		s, t := b.Src.Text, b.Tgt.Text
		keys = keys[:0]
		keyed := false
		clear(cache)
		sw = appendWords(sw[:0], s)
		for _, w := range sw {
			word := s[w.Start:w.End]
			if !isRussianName(s, w.Start, word) {
				continue
			}
			var found, sure bool
			if in.NameMatch != nil {
				found = in.NameMatch(word, t)
				sure = found
			} else {
				if !keyed {
					// The keys of the English words, once a name asks.
					tw = appendWords(tw[:0], t)
					keys, keyed = p.appendKeys(keys, t, tw), true
				}
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
			p.seen[g]++
			if sure {
				p.rendered[g]++
			}
			if !found {
				sur, ok := p.surname[word]
				if !ok {
					sur = surnameRE.MatchString(strings.ToLower(word))
					p.surname[word] = sur
				}
				p.misses = append(p.misses, nameMiss{b, w.Start, w.End, g, sur})
			}
		}
	}
}

// appendKeys appends to keys the match keys of the words ws of the
// English t, those of three letters or more, each once, and after each
// its consonants: keyRendered reads them in pairs.
func (p *namesPart) appendKeys(keys []string, t string, ws []wordSpan) []string {
	clear(p.have)
	for _, w := range ws {
		word := t[w.Start:w.End]
		ks, ok := p.enKeys[word]
		if !ok {
			k1, k2 := lang.Key(softC(word)), lang.Key(enAdjectiveStem(word))
			ks = [4]string{k1, consonants(k1), k2, consonants(k2)}
			p.enKeys[word] = ks
		}
		for j := 0; j < len(ks); j += 2 {
			if k := ks[j]; len(k) >= 3 && !p.have[k] {
				p.have[k] = true
				keys = append(keys, k, ks[j+1])
			}
		}
	}
	return keys
}

// surnameRE matches the endings of Russian (and neighbouring) surnames,
// in any case form.
var surnameRE = regexp.MustCompile(`(?:ов|ев|ёв|ин|ын|ян|енко|ук|юк|ич|швили|дзе|ова|ева|ёва|ина|ына)(?:а|у|ым|ом|е|ой|ого|ому|им|их|ы|ем)?$`)

// nameGroup groups the case forms of a name: its first five letters,
// lower-cased.
func nameGroup(w string) string {
	var b [5 * utf8.UTFMax]byte
	out, n := b[:0], 0
	for _, r := range w {
		if n++; n > 5 {
			break
		}
		out = utf8.AppendRune(out, toLower(r))
	}
	return string(out)
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
	if !unicode.IsUpper(first) || !isCyrillicWord(word) || utf8.RuneCountInString(word) < 3 || !lang.HasLower(word) {
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
//
// keys holds each English key followed by its consonants.
func keyRendered(kr string, keys []string) (found, sure bool) {
	sr := consonants(kr)
	for i := 0; i+1 < len(keys); i += 2 {
		ke, se := keys[i], keys[i+1]
		p := 0
		for p < len(kr) && p < len(ke) && kr[p] == ke[p] {
			p++
		}
		n := min(len(kr), len(ke))
		if p >= 4 || p >= 3 && p >= n-1 || n >= 4 && withinDistance(kr[:n], ke[:n], n/3) {
			return true, true
		}
		// The consonants: vowels are where schemes and inflection differ.
		m := min(len(sr), len(se))
		if !found && m >= 2 && withinDistance(sr[:m], se[:m], m/4) {
			found = true
		}
	}
	return found, false
}

// withinDistance reports whether lang.Distance(a, b) <= d. Most pairs
// of keys are far apart, and a lower bound of the distance, cheap to
// compute, tells so without computing it: every edit changes the count
// of at most two letters by one, so the distance is at least half the
// sum of the differences of the letter counts (and at least the
// difference of the lengths, which that sum includes).
func withinDistance(a, b string, d int) bool {
	var count [26]int
	ok := true
	for i := 0; i < len(a) && ok; i++ {
		c := a[i] - 'a'
		ok = c < 26
		if ok {
			count[c]++
		}
	}
	for i := 0; i < len(b) && ok; i++ {
		c := b[i] - 'a'
		ok = c < 26
		if ok {
			count[c]--
		}
	}
	if ok {
		diff := 0
		for _, n := range count {
			diff += max(n, -n)
		}
		if (diff+1)/2 > d {
			return false
		}
	}
	return lang.Distance(a, b) <= d
}

// consonants drops the vowels of a match key.
func consonants(k string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y':
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
