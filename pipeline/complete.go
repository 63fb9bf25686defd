package pipeline

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/align-tools/align/corpora"
)

// checkComplete verifies that the units of a pair hold every character of
// both documents that is not white space, exactly once and in order. It
// is the guarantee that nothing is lost between reading and writing; an
// error here is a bug in the splitter or the aligner, and the run reports
// it rather than write a corpus with a hole.
func checkComplete(p *Pair, units []corpora.Unit) error {
	var src, tgt strings.Builder
	for i := range units {
		src.WriteString(units[i].SrcText)
		tgt.WriteString(units[i].TgtText)
	}
	if err := sameInk(p.Src.Text, src.String()); err != nil {
		return fmt.Errorf("pipeline: %s: the corpus does not hold the source text as read: %v", p.Src.Path, err)
	}
	if err := sameInk(p.Tgt.Text, tgt.String()); err != nil {
		return fmt.Errorf("pipeline: %s: the corpus does not hold the target text as read: %v", p.Tgt.Path, err)
	}
	return nil
}

// sameInk reports where a and b first differ once white space is removed.
func sameInk(a, b string) error {
	ra, rb := ink(a), ink(b)
	n := min(len(ra), len(rb))
	for i := 0; i < n; i++ {
		if ra[i] != rb[i] {
			return fmt.Errorf("character %d is %q in the input and %q in the output", i+1, ra[i], rb[i])
		}
	}
	if len(ra) != len(rb) {
		return fmt.Errorf("%d characters in the input, %d in the output", len(ra), len(rb))
	}
	return nil
}

func ink(s string) []rune {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if !unicode.IsSpace(r) {
			out = append(out, r)
		}
	}
	return out
}
