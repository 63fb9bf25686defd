package pipeline

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/align-tools/align/corpora"
)

// The guarantee that nothing is lost between reading and writing is
// checked in three steps, each cheap: the sentences of a document hold
// all its text (checkSplit), every sentence goes to exactly one job
// (checkCover), and the units of a job hold all its sentences
// (checkComplete). An error in any is a bug in the splitter, the
// transcript logic or the aligner; the run reports it, naming the file,
// rather than write a corpus with a hole.

// checkSplit verifies that the sentences of d hold every character of
// its text that is not white space, exactly once and in order.
func checkSplit(d *Doc) error {
	if err := sameInk(d.Text, sentencesText(d)); err != nil {
		return fmt.Errorf("pipeline: %s: the sentences do not hold the text as read: %v", d.Path, err)
	}
	return nil
}

// checkComplete verifies that the units of a pair hold every character of
// the sentences of both its documents that is not white space, exactly
// once and in order.
func checkComplete(p *Pair, units []corpora.Unit) error {
	var src, tgt strings.Builder
	for i := range units {
		src.WriteString(units[i].SrcText)
		tgt.WriteString(units[i].TgtText)
	}
	if err := sameInk(sentencesText(p.Src), src.String()); err != nil {
		return fmt.Errorf("pipeline: %s: the corpus does not hold the source text as read: %v", p.Src.Path, err)
	}
	if err := sameInk(sentencesText(p.Tgt), tgt.String()); err != nil {
		return fmt.Errorf("pipeline: %s: the corpus does not hold the target text as read: %v", p.Tgt.Path, err)
	}
	return nil
}

// sentencesText joins the sentences of d.
func sentencesText(d *Doc) string {
	var sb strings.Builder
	for i := range d.Sentences {
		sb.WriteString(d.Sentence(i))
		sb.WriteByte(' ')
	}
	return sb.String()
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
