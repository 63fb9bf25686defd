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
		// Only mentions written with digits (ASCII ones) are matched:
		// with none on either side there is nothing to flag.
		if !hasASCIIDigit(b.Src.Text) && !hasASCIIDigit(b.Tgt.Text) {
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

func hasASCIIDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isASCIIDigit(s[i]) {
			return true
		}
	}
	return false
}

// unmatched returns the digit mentions of a that b does not state, each
// mention of b stating one mention of a at most.
func unmatched(a, b []lang.NumberMention) []lang.NumberMention {
	byValue := map[string][]int{} // value -> mentions of b stating it, in order
	for j, o := range b {
		byValue[numKey(o.Value)] = append(byValue[numKey(o.Value)], j)
		if o.Alt != 0 {
			byValue[numKey(o.Alt)] = append(byValue[numKey(o.Alt)], j)
		}
	}
	used := make([]bool, len(b))
	take := func(v float64) bool {
		js := byValue[numKey(v)]
		for len(js) > 0 && used[js[0]] {
			js = js[1:]
		}
		byValue[numKey(v)] = js
		if len(js) == 0 {
			return false
		}
		used[js[0]] = true
		return true
	}
	var out []lang.NumberMention
	for _, m := range a {
		if m.Digits && !take(m.Value) && (m.Alt == 0 || !take(m.Alt)) {
			out = append(out, m)
		}
	}
	return out
}

// numKey is a value rounded to nine significant digits, so that values
// read two ways ("1,5 млрд", "1.5 billion") meet.
func numKey(v float64) string { return strconv.FormatFloat(v, 'g', 9, 64) }

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
