package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/lang"
)

func init() {
	register(&Check{
		Code: "split-word", Severity: Error, Category: Spelling,
		Doc: `a word split by a space ("Fr om", "wh ere")`,
		Run: checkSplitWord,
	})
}

// checkSplitWord flags two Latin words separated by one space when
// joined they make a word (of the word lists, or used elsewhere in the
// corpus) and one of them is not a word on its own: it is not in the
// word lists and the corpus never uses it outside this pair. The second
// half must start in lower case, so two names ("Jo Mart") never join; a
// join known from the corpus only must be written there in lower case
// (unless the first half has a capital), and when both halves have four
// letters or more the corpus must write the join twice. "fr om" is
// caught; "a mile" is not, since "a" and "mile" are words.
func checkSplitWord(in *Input, r *Reporter) {
	// The beads are read in parts side by side; the counts of the pairs
	// add up, and the candidates are judged in the order of the beads.
	parts := make([]splitPart, (len(in.Beads)+partSize-1)/partSize)
	inParallel(len(in.Beads), func(lo, hi int) {
		parts[lo/partSize].read(in, lo, hi)
	})
	pairs := map[string]int{}
	for _, p := range parts {
		for k, n := range p.pairs {
			pairs[k] += n
		}
	}
	// The corpus counts of the words the candidates ask about.
	var ask []string
	for _, p := range parts {
		for _, cd := range p.cands {
			ask = append(ask, cd.a, cd.c, cd.a+cd.c)
		}
	}
	v := countWords(in, ask)
	count := func(w string) int { n, _ := v.counts(w); return n }
	for _, p := range parts {
		for _, cd := range p.cands {
			n := pairs[cd.a+" "+cd.c]
			// One half must be a fragment: not in the word lists, and
			// written by the corpus no more often than in this pair.
			frag := func(w string) bool { return !isEnglishWord(w) && count(w) <= n }
			if !frag(cd.a) && !frag(cd.c) {
				continue
			}
			t := cd.b.Tgt.Text
			j := cd.a + cd.c
			capital := t[cd.start:cd.mid] != cd.a
			// The corpus vouches for the join when it writes it as a word:
			// in lower case, unless the split word starts with a capital
			// ("a dam" is not "Adam").
			written, inLower := v.counts(j)
			inCorpus := inLower
			if capital {
				inCorpus = written
			}
			if !isEnglishWord(j) && inCorpus == 0 {
				continue
			}
			// Two long halves are often two words ("grape vine"): then the
			// corpus must write the join at least twice.
			if len(cd.a) >= 4 && len(cd.c) >= 4 && inCorpus < 2 {
				continue
			}
			sugg := t[cd.start:cd.mid] + t[cd.mid+1:cd.end]
			r.Flag(cd.b, Tgt, cd.start, cd.end, "a word is split by a space", sugg)
		}
	}
}

// splitPart is what checkSplitWord finds in a part of the beads.
type splitPart struct {
	cands []splitCand
	pairs map[string]int // "a c" -> times the candidates' halves a and c occur
}

// splitCand is two words that may be one split by a space.
type splitCand struct {
	b               *Bead
	start, mid, end int    // start of the first half, end of it, end of the second
	a, c            string // the lower-cased halves
}

// read finds the candidates of the beads [lo, hi) of in: two Latin words
// separated by one space, the second starting in lower case, the first
// not an abbreviation, four letters or more together, and one of them
// not in the word lists (when both are, neither is a fragment, and
// checkSplitWord would pass them whatever the corpus counts).
func (p *splitPart) read(in *Input, lo, hi int) {
	p.pairs = map[string]int{}
	var ws []wordSpan
	var listed []int8 // by word of a bead: 1 in the word lists, -1 not, 0 not asked yet
	inLists := func(k int, w string) bool {
		if listed[k] == 0 {
			listed[k] = -1
			if isEnglishWord(w) {
				listed[k] = 1
			}
		}
		return listed[k] > 0
	}
	for i := lo; i < hi; i++ {
		b := &in.Beads[i]
		t := b.Tgt.Text
		ws = appendWords(ws[:0], t)
		listed = append(listed[:0], make([]int8, len(ws))...)
		for k := 0; k+1 < len(ws); k++ {
			w1, w2 := ws[k], ws[k+1]
			if w2.Start != w1.End+1 || t[w1.End] != ' ' {
				continue
			}
			s1, s2 := t[w1.Start:w1.End], t[w2.Start:w2.End]
			if r2, _ := utf8.DecodeRuneInString(s2); !unicode.IsLower(r2) {
				continue
			}
			if !isLatinWord(s1) || !isLatinWord(s2) {
				continue
			}
			if len(s1) > 1 && !lang.HasLower(s1) {
				continue // an abbreviation
			}
			a, c := strings.ToLower(s1), strings.ToLower(s2)
			if len(a)+len(c) < 4 || inLists(k, a) && inLists(k+1, c) {
				continue
			}
			p.cands = append(p.cands, splitCand{b, w1.Start, w1.End, w2.End, a, c})
			p.pairs[a+" "+c]++
		}
	}
}
