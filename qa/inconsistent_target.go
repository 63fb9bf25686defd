package qa

import (
	"strings"
	"unicode"
)

func init() {
	register(&Check{
		Code: "inconsistent-target", Severity: Warning, Category: Consistency, Bilingual: true,
		Doc: "the same Russian sentence translated differently elsewhere in the corpus",
		Run: checkInconsistentTarget,
	})
}

// minConsistencyWords is the shortest sentence the consistency checks
// compare: shorter ones ("Спасибо.") are translated by context.
const minConsistencyWords = 4

// checkInconsistentTarget groups the aligned beads by their Russian
// (compared by foldText) and flags, in a group with more than one
// English, every bead whose English differs from the most frequent one
// (the first one on a tie), naming that one as the suggestion.
func checkInconsistentTarget(in *Input, r *Reporter) {
	inconsistent(in, r, Src)
}

// inconsistent flags the beads whose side other than by differs from
// the majority among the beads sharing the same text on side by.
func inconsistent(in *Input, r *Reporter, by Side) {
	other := Tgt
	if by == Tgt {
		other = Src
	}
	groups := map[string][]int{}
	var order []string
	for i := range in.Beads {
		b := &in.Beads[i]
		if b.Src.Empty() || b.Tgt.Empty() {
			continue
		}
		k := foldText(b.seg(by).Text)
		if len(strings.Fields(k)) < minConsistencyWords {
			continue
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	for _, k := range order {
		idx := groups[k]
		if len(idx) < 2 {
			continue
		}
		count := map[string]int{}
		best, bestN := "", 0
		for _, i := range idx {
			o := foldText(in.Beads[i].seg(other).Text)
			count[o]++
			if count[o] > bestN {
				best, bestN = o, count[o]
			}
		}
		if len(count) < 2 {
			continue
		}
		var bestText string
		for _, i := range idx {
			if foldText(in.Beads[i].seg(other).Text) == best {
				bestText = in.Beads[i].seg(other).Text
				break
			}
		}
		for _, i := range idx {
			b := &in.Beads[i]
			if foldText(b.seg(other).Text) == best {
				continue
			}
			msg := "the same Russian is translated differently elsewhere"
			if by == Tgt {
				msg = "the same English translates a different Russian elsewhere"
			}
			r.FlagAll(b, other, msg).Suggestion = strings.Join(strings.Fields(bestText), " ")
		}
	}
}

// foldText is the comparison key of a sentence: lower case, letters and
// digits only, words separated by one space, ё as е.
func foldText(s string) string {
	var b strings.Builder
	space := false
	for _, c := range strings.ToLower(s) {
		switch {
		case c == 'ё':
			c = 'е'
			fallthrough
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(c)
		default:
			space = true
		}
	}
	return b.String()
}
