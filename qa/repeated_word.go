package qa

import (
	"strings"
	"unicode"
)

func init() {
	register(&Check{
		Code: "repeated-word", Severity: Warning, Category: Grammar,
		Doc: `a word written twice ("the the")`,
		Run: checkRepeatedWord,
	})
}

// repeatsAllowed are words English does repeat: "had had", "that that".
var repeatsAllowed = map[string]bool{"had": true, "that": true, "is": true}

// checkRepeatedWord flags a word followed, after spaces only, by the same
// word (ignoring case). Numbers and the repeats English allows pass.
func checkRepeatedWord(in *Input, r *Reporter) {
	var ws []wordSpan
	for i := range in.Beads {
		b := &in.Beads[i]
		t := b.Tgt.Text
		ws = appendWords(ws[:0], t)
		for k := 0; k+1 < len(ws); k++ {
			a, c := t[ws[k].Start:ws[k].End], t[ws[k+1].Start:ws[k+1].End]
			if !strings.EqualFold(a, c) || strings.TrimSpace(t[ws[k].End:ws[k+1].Start]) != "" {
				continue
			}
			if unicode.IsDigit([]rune(a)[0]) || repeatsAllowed[strings.ToLower(a)] {
				continue
			}
			r.Flag(b, Tgt, ws[k].Start, ws[k+1].End, "word repeated", a)
		}
	}
}
