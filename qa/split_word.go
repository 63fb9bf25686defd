package qa

import (
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/lang"
)

// split-word flags two Latin words separated by one space when joined
// they make a word (of the word lists, or used elsewhere in the corpus)
// and one of them is not a word on its own: it is not in the word lists
// and the corpus never uses it outside this pair. The second half must
// start in lower case, so two names ("Jo Mart") never join; a join
// known from the corpus only must be written there in lower case
// (unless the first half has a capital), and when both halves have four
// letters or more the corpus must write the join twice. "fr om" is
// caught; "a mile" is not, since "a" and "mile" are words.
//
// It compares beads across the corpus: Stream gathers the candidates
// and counts every lower-cased Latin word of the target sides
// (gatherSplit, addSplit), then finishSplit judges the candidates.
func init() {
	register(&Check{
		Code: "split-word", Severity: Error, Category: Spelling,
		Doc: `a word split by a space ("Fr om", "wh ere")`,
	})
}

// wordSeen counts how often the corpus writes a word: in any case, and
// in lower case.
type wordSeen struct{ count, lower int32 }

// partSplit is a candidate of a part: two words that may be one split
// by a space, its halves given by their index in Part.wordList.
type partSplit struct {
	seq             int   // the bead's number in the part
	start, mid, end int32 // start of the first half, end of it, end of the second
	a, c            int32
	capital         bool // the first half is not written in lower case
}

// splitCand is a candidate of the corpus; its halves are those of pair
// (an index in Stream.splitPairs).
type splitCand struct {
	seq             int // the bead's number in the corpus
	start, mid, end int32
	pair            int32
	capital         bool
}

// splitPair is the halves of candidates (indices in Stream.wordList)
// and the number of candidates that have them.
type splitPair struct{ a, c, n int32 }

// minCountedJoin is the length in bytes of the shortest join whose
// corpus count finishSplit may read although the word lists hold it:
// the joins of two halves of four letters or more.
const minCountedJoin = 8

// gatherSplit counts the lower-cased Latin words of the target sides of
// the beads (numbered from first) and finds the candidates: two Latin
// words separated by one space, the second starting in lower case, the
// first not an abbreviation, four letters or more together, and one of
// them not in the word lists (when both are, neither is a fragment, and
// finishSplit would pass them whatever the corpus counts).
//
// The words the word lists hold as they are, shorter than
// minCountedJoin, are not counted: finishSplit reads no count of them
// (a half in the lists is no fragment, and a join in the lists counts
// only when both halves are long). Most words of a text are such words.
func (p *Part) gatherSplit(beads []Bead) {
	sc := splitScratchPool.Get().(*splitScratch)
	defer func() {
		clear(sc.ids)
		splitScratchPool.Put(sc)
	}()
	ids, ws, wid, listed, buf := sc.ids, sc.ws[:0], sc.wid[:0], sc.listed[:0], sc.buf[:0]
	defer func() { sc.ws, sc.wid, sc.listed, sc.buf = ws, wid, listed, buf }()
	listedWords := englishWords()
	id := func(w []byte) int32 {
		k, ok := ids[string(w)]
		if !ok {
			k = int32(len(p.wordList))
			s := string(w)
			ids[s] = k
			p.wordList = append(p.wordList, s)
			p.wordCounts = append(p.wordCounts, wordSeen{})
		}
		return k
	}
	inLists := func(k int) bool {
		if listed[k] == 0 {
			listed[k] = -1
			if wid[k] == -2 || isEnglishWord(p.wordList[wid[k]]) {
				listed[k] = 1
			}
		}
		return listed[k] > 0
	}
	// half returns the index in p.wordList of the lower-cased Latin word
	// s, the k-th of its bead.
	half := func(k int, s string) int32 {
		if wid[k] == -2 {
			wid[k] = id(appendLower(buf[:0], s)) // now listed, still not counted
		}
		return wid[k]
	}
	// lowerLen returns the length of the lower-cased Latin word s, the
	// k-th of its bead (the Kelvin sign K is longer than k).
	lowerLen := func(k int, s string) int {
		if wid[k] >= 0 {
			return len(p.wordList[wid[k]])
		}
		return len(appendLower(buf[:0], s))
	}
	for i := range beads {
		t := beads[i].Tgt.Text
		ws = appendWords(ws[:0], t)
		wid = wid[:0]
		for _, w := range ws {
			s := t[w.Start:w.End]
			if !isLatinWord(s) {
				wid = append(wid, -1)
				continue
			}
			buf = appendLower(buf[:0], s)
			if len(buf) < minCountedJoin && listedWords[string(buf)] {
				wid = append(wid, -2)
				continue
			}
			k := id(buf)
			p.wordCounts[k].count++
			if string(buf) == s {
				p.wordCounts[k].lower++
			}
			wid = append(wid, k)
		}
		listed = slices.Grow(listed[:0], len(ws))[:len(ws)]
		clear(listed)
		for k := 0; k+1 < len(ws); k++ {
			w1, w2 := ws[k], ws[k+1]
			if w2.Start != w1.End+1 || t[w1.End] != ' ' {
				continue
			}
			if wid[k] == -1 || wid[k+1] == -1 {
				continue
			}
			s1, s2 := t[w1.Start:w1.End], t[w2.Start:w2.End]
			if r2, _ := utf8.DecodeRuneInString(s2); !unicode.IsLower(r2) {
				continue
			}
			if len(s1) > 1 && !lang.HasLower(s1) {
				continue // an abbreviation
			}
			if lowerLen(k, s1)+lowerLen(k+1, s2) < 4 || inLists(k) && inLists(k+1) {
				continue
			}
			a, c := half(k, s1), half(k+1, s2)
			p.splits = append(p.splits, partSplit{i, int32(w1.Start), int32(w1.End), int32(w2.End), a, c, s1 != p.wordList[a]})
		}
	}
}

// splitScratch is what gatherSplit reuses from part to part.
type splitScratch struct {
	ids map[string]int32 // word -> index in Part.wordList
	ws  []wordSpan
	// By word of a bead: its index in Part.wordList; -1 when it is not
	// a Latin word, -2 when it is a short word of the lists, not
	// counted.
	wid []int32
	// By word of a bead: 1 in the word lists, -1 not, 0 not asked yet.
	listed []int8
	buf    []byte
}

var splitScratchPool = sync.Pool{New: func() any { return &splitScratch{ids: map[string]int32{}} }}

// addSplit adds the word counts and the candidates of p, whose beads are
// numbered in the corpus from base, to the corpus's.
func (s *Stream) addSplit(p *Part, base int) {
	s.wordIDs = s.wordIDs[:0]
	for k, w := range p.wordList {
		j, ok := s.words[w]
		if !ok {
			j = int32(len(s.wordList))
			s.words[w] = j
			s.wordList = append(s.wordList, w)
			s.wordCounts = append(s.wordCounts, wordSeen{})
		}
		s.wordCounts[j].count += p.wordCounts[k].count
		s.wordCounts[j].lower += p.wordCounts[k].lower
		s.wordIDs = append(s.wordIDs, j)
	}
	for _, cd := range p.splits {
		key := [2]int32{s.wordIDs[cd.a], s.wordIDs[cd.c]}
		pr, ok := s.pairs[key]
		if !ok {
			pr = int32(len(s.splitPairs))
			s.pairs[key] = pr
			s.splitPairs = append(s.splitPairs, splitPair{a: key[0], c: key[1]})
		}
		s.splitPairs[pr].n++
		s.splits = append(s.splits, splitCand{base + cd.seq, cd.start, cd.mid, cd.end, pr, cd.capital})
	}
}

// finishSplit judges the candidates by the counts of the corpus.
func (s *Stream) finishSplit(f *fetcher, r *Reporter) error {
	counts := func(w string) (count, lower int) {
		if k, ok := s.words[w]; ok {
			return int(s.wordCounts[k].count), int(s.wordCounts[k].lower)
		}
		return 0, 0
	}
	for _, cd := range s.splits {
		pr := s.splitPairs[cd.pair]
		a, c, n := s.wordList[pr.a], s.wordList[pr.c], int(pr.n)
		// One half must be a fragment: not in the word lists, and
		// written by the corpus no more often than in this pair.
		frag := func(w string, k int32) bool { return !isEnglishWord(w) && int(s.wordCounts[k].count) <= n }
		if !frag(a, pr.a) && !frag(c, pr.c) {
			continue
		}
		j := a + c
		// The corpus vouches for the join when it writes it as a word:
		// in lower case, unless the split word starts with a capital
		// ("a dam" is not "Adam").
		written, inLower := counts(j)
		inCorpus := inLower
		if cd.capital {
			inCorpus = written
		}
		if !isEnglishWord(j) && inCorpus == 0 {
			continue
		}
		// Two long halves are often two words ("grape vine"): then the
		// corpus must write the join at least twice.
		if len(a) >= 4 && len(c) >= 4 && inCorpus < 2 {
			continue
		}
		b, err := f.bead(cd.seq)
		if err != nil {
			return err
		}
		t := b.Tgt.Text
		sugg := t[cd.start:cd.mid] + t[cd.mid+1:cd.end]
		r.Flag(b, Tgt, int(cd.start), int(cd.end), "a word is split by a space", sugg)
	}
	return nil
}
