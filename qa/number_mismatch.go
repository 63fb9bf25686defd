package qa

import (
	"strconv"

	"github.com/align-tools/align/lang"
)

func init() {
	register(&Check{
		Code: "number-mismatch", Severity: Warning, Category: Numbers, Bilingual: true,
		Doc: "a number in one language that the other does not state (15 тысяч = 15 thousand = 15,000)",
		Run: checkNumberMismatch,
	})
}

// checkNumberMismatch compares the numbers of the two sides of each
// aligned bead after normalization (lang.NumberMentions): a number
// written with digits on one side must be stated on the other, in
// digits or words ("15 тысяч", "15 thousand" and "15,000" are one
// number; "16.05.2022" and "16 мая 2022" are the same date). Each side
// is matched as a multiset: "5 and 5" needs two fives.
func checkNumberMismatch(in *Input, r *Reporter) {
	for i := range in.Beads {
		b := &in.Beads[i]
		if b.Src.Empty() || b.Tgt.Empty() {
			continue
		}
		sm := lang.NumberMentions(in.srcTag(), b.Src.Text)
		tm := lang.NumberMentions(in.tgtTag(), b.Tgt.Text)
		if len(sm) == 0 && len(tm) == 0 {
			continue
		}
		for _, miss := range unmatched(sm, tm) {
			r.Flag(b, Src, miss.Start, miss.End, "number "+fmtNum(miss.Value)+" is not in the English", "")
		}
		for _, miss := range unmatched(tm, sm) {
			r.Flag(b, Tgt, miss.Start, miss.End, "number "+fmtNum(miss.Value)+" is not in the Russian", "")
		}
	}
}

// unmatched returns the digit mentions of a that b does not state.
func unmatched(a, b []lang.NumberMention) []lang.NumberMention {
	used := make([]bool, len(b))
	var out []lang.NumberMention
	for _, m := range a {
		if !m.Digits {
			continue
		}
		found := false
		for j, o := range b {
			if !used[j] && (o.Is(m.Value) || m.Alt != 0 && o.Is(m.Alt)) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			out = append(out, m)
		}
	}
	return out
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
