package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
	v := in.words()
	type cand struct {
		b          *Bead
		start, mid int // start of the first half, end of it
		end        int
		a, c, j    string // lower-cased halves and their join
	}
	var cands []cand
	pairs := map[string]int{}
	for i := range in.Beads {
		b := &in.Beads[i]
		t := b.Tgt.Text
		ws := words(t)
		for k := 0; k+1 < len(ws); k++ {
			w1, w2 := ws[k], ws[k+1]
			if w2.Start != w1.End+1 || t[w1.End] != ' ' {
				continue
			}
			s1, s2 := t[w1.Start:w1.End], t[w2.Start:w2.End]
			if !isLatinWord(s1) || !isLatinWord(s2) {
				continue
			}
			if r2, _ := utf8.DecodeRuneInString(s2); !unicode.IsLower(r2) {
				continue
			}
			if len(s1) > 1 && s1 == strings.ToUpper(s1) {
				continue // an abbreviation
			}
			a, c := strings.ToLower(s1), strings.ToLower(s2)
			j := a + c
			if len(j) < 4 {
				continue
			}
			cands = append(cands, cand{b, w1.Start, w1.End, w2.End, a, c, j})
			pairs[a+" "+c]++
		}
	}
	for _, cd := range cands {
		n := pairs[cd.a+" "+cd.c]
		t := cd.b.Tgt.Text
		capital := t[cd.start:cd.mid] != cd.a
		// The corpus vouches for the join when it writes it as a word:
		// in lower case, unless the split word starts with a capital
		// ("a dam" is not "Adam").
		inCorpus := v.lower[cd.j]
		if capital {
			inCorpus = v.count[cd.j]
		}
		if !isEnglishWord(cd.j) && inCorpus == 0 {
			continue
		}
		// Two long halves are often two words ("grape vine"): then the
		// corpus must write the join at least twice.
		if len(cd.a) >= 4 && len(cd.c) >= 4 && inCorpus < 2 {
			continue
		}
		frag := func(w string) bool { return !isEnglishWord(w) && v.count[w] <= n }
		if !frag(cd.a) && !frag(cd.c) {
			continue
		}
		sugg := t[cd.start:cd.mid] + t[cd.mid+1:cd.end]
		r.Flag(cd.b, Tgt, cd.start, cd.end, "a word is split by a space", sugg)
	}
}
