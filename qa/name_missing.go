package qa

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/lang"
)

// name-missing flags a capitalized Russian word inside a sentence (a
// name, as Russian capitalizes little else) when no word of the English
// renders it. A word renders it when their match keys (lang.Key) share a
// beginning of four letters or more, or when their beginnings differ by
// at most a third of their letters ("Москве" and "Moscow"), or when
// their consonants agree ("России" and "Russia"). Words in capitals
// (ОДКБ) are abbreviations, translated rather than transliterated, and
// are left to the glossary. Input.NameMatch, when set, decides instead.
//
// Russian capitalizes names that English translates rather than
// transliterates (the Hatter, the United Nations), so a word is flagged
// only when it is a name English transliterates: the corpus renders it
// in at least half of its other occurrences (by a sure match: a shared
// beginning or the edit distance), or it has the ending of a surname
// (-ов, -ин, -ян, -енко, -ич...; not -ский, which adjectives share). It
// is information only: a pronoun may stand for a name.
//
// It compares beads across the corpus: Stream gathers the occurrences
// of the names and flags at once the missing ones with the ending of a
// surname (gatherNameMissing); the others wait for the counts of the
// whole corpus (finishNameMissing).
func init() {
	register(&Check{
		Code: "name-missing", Severity: Info, Category: Names, Bilingual: true,
		Doc: "a Russian name with no rendering in the English of its bead",
	})
}

// nameKey is the group of the case forms of a name (nameGroup) as a
// value: its bytes, padded with zeros (names are Cyrillic, never zero).
type nameKey [5 * utf8.UTFMax]byte

// nameEvent is an occurrence of a name; sure when the English of its
// bead surely renders it.
type nameEvent struct {
	group nameKey
	sure  bool
}

// nameCount counts the occurrences of a name group in the corpus, and
// those surely rendered.
type nameCount struct{ seen, rendered int32 }

// nameMiss is a Russian name with no rendering in its bead (number seq
// in its part, then in the corpus once added) and without the ending of
// a surname.
type nameMiss struct {
	seq        int
	start, end int32
	group      nameKey
}

// namesScratch is what gatherNameMissing reuses from part to part
// (through namesScratchPool). Its caches keep copies of the words, not
// pieces of the texts, and at most maxNamesCache of them.
type namesScratch struct {
	// enKeys caches the match keys of the English words and their
	// consonants; have holds the keys of one bead.
	enKeys map[string][4]string
	have   map[string]bool
	// surname caches surnameRE's answer for the names missed.
	surname map[string]bool
	cache   map[string]nameResult // names repeat in a bead: compare each once
	sw, tw  []wordSpan
	keys    []string
}

type nameResult struct{ found, sure bool }

// maxNamesCache bounds the words a cache of namesScratch holds.
const maxNamesCache = 1 << 14

var namesScratchPool = sync.Pool{New: func() any {
	return &namesScratch{enKeys: map[string][4]string{}, have: map[string]bool{}, surname: map[string]bool{}, cache: map[string]nameResult{}}
}}

// gatherNameMissing reads the beads of in (numbered from first): it
// flags through r the names missed that have the ending of a surname
// and keeps in p the other misses and the occurrences of every name.
func (p *Part) gatherNameMissing(in *Input, r *Reporter) {
	var sc *namesScratch
	defer func() {
		if sc != nil {
			namesScratchPool.Put(sc)
		}
	}()
	for i := range in.Beads {
		b := &in.Beads[i]
		if b.Alone || b.Src.Empty() || b.Tgt.Empty() {
			continue
		}
		s, t := b.Src.Text, b.Tgt.Text
		if sc == nil {
			sc = namesScratchPool.Get().(*namesScratch)
		}
		sc.keys = sc.keys[:0]
		keyed := false
		clear(sc.cache)
		sc.sw = appendWords(sc.sw[:0], s)
		for _, w := range sc.sw {
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
					sc.tw = appendWords(sc.tw[:0], t)
					sc.keys, keyed = sc.appendKeys(sc.keys, t, sc.tw), true
				}
				kr := lang.Key(word)
				res, ok := sc.cache[kr]
				if !ok {
					res.found, res.sure = keyRendered(kr, sc.keys)
					if st := ruAdjectiveStem(word); !res.found && st != "" {
						res.found, res.sure = keyRendered(lang.Key(st), sc.keys)
					}
					sc.cache[kr] = res
				}
				found, sure = res.found, res.sure
			}
			g := nameGroupKey(word)
			p.seen = append(p.seen, nameEvent{g, sure})
			if found {
				continue
			}
			sur, ok := sc.surname[word]
			if !ok {
				sur = surnameRE.MatchString(strings.ToLower(word))
				if len(sc.surname) >= maxNamesCache {
					clear(sc.surname)
				}
				sc.surname[strings.Clone(word)] = sur
			}
			if sur {
				// Flagged whatever the corpus counts.
				r.Flag(b, Src, w.Start, w.End, "the name "+word+" has no rendering in the English", "")
				continue
			}
			p.misses = append(p.misses, nameMiss{i, int32(w.Start), int32(w.End), g})
		}
	}
}

// addNameMissing adds the occurrences and misses of p, whose beads are
// numbered in the corpus from base, to the corpus's.
func (s *Stream) addNameMissing(p *Part, base int) {
	for _, e := range p.seen {
		c := s.nameSeen[e.group]
		c.seen++
		if e.sure {
			c.rendered++
		}
		s.nameSeen[e.group] = c
	}
	for _, m := range p.misses {
		m.seq += base
		s.misses = append(s.misses, m)
	}
}

// finishNameMissing flags the misses of names the corpus usually
// renders.
func (s *Stream) finishNameMissing(f *fetcher, r *Reporter) error {
	for _, m := range s.misses {
		c := s.nameSeen[m.group]
		if c.rendered == 0 || 2*c.rendered < c.seen {
			continue
		}
		b, err := f.bead(m.seq)
		if err != nil {
			return err
		}
		word := b.Src.Text[m.start:m.end]
		r.Flag(b, Src, int(m.start), int(m.end), "the name "+word+" has no rendering in the English", "")
	}
	return nil
}

// appendKeys appends to keys the match keys of the words ws of the
// English t, those of three letters or more, each once, and after each
// its consonants: keyRendered reads them in pairs.
func (p *namesScratch) appendKeys(keys []string, t string, ws []wordSpan) []string {
	clear(p.have)
	for _, w := range ws {
		word := t[w.Start:w.End]
		ks, ok := p.enKeys[word]
		if !ok {
			k1, k2 := lang.Key(softC(word)), lang.Key(enAdjectiveStem(word))
			ks = [4]string{k1, consonants(k1), k2, consonants(k2)}
			if len(p.enKeys) >= maxNamesCache {
				clear(p.enKeys)
			}
			p.enKeys[strings.Clone(word)] = ks
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

// nameGroupKey groups the case forms of a name: its first five
// letters, lower-cased.
func nameGroupKey(w string) nameKey {
	var k nameKey
	out, n := k[:0], 0
	for _, r := range w {
		if n++; n > 5 {
			break
		}
		out = utf8.AppendRune(out, toLower(r))
	}
	return k
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
