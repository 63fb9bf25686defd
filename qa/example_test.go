package qa_test

import (
	"fmt"

	"github.com/align-tools/align/qa"
)

func ExampleRun() {
	in := &qa.Input{Bilingual: true, Beads: []qa.Bead{{
		Doc: "talk", N: 1,
		Src: qa.Segment{Text: "В прошлом году у границы находилось 15 тысяч военных."},
		Tgt: qa.Segment{Text: "Last year 16,000 troops were stationed at the border.."},
	}}}
	fs, err := qa.Run(in, qa.Config{})
	if err != nil {
		panic(err)
	}
	for _, f := range fs {
		fmt.Printf("%s %s %s %q %q\n", f.Side, f.Code, f.Severity, f.Text, f.Suggestion)
	}
	// Output:
	// tgt number-mismatch warning "16,000" ""
	// tgt double-punct error ".." "."
	// src number-mismatch warning "15 тысяч" ""
}
