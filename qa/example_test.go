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

func ExampleStream() {
	docs := [][]qa.Bead{
		{{Doc: "a", N: 1, Src: qa.Segment{Text: "Стороны подписали соглашение о сотрудничестве."}, Tgt: qa.Segment{Text: "The parties signed an agreement on cooperation."}}},
		{{Doc: "b", N: 1, Src: qa.Segment{Text: "Стороны подписали соглашение о сотрудничестве."}, Tgt: qa.Segment{Text: "The sides signed a cooperation accord.."}}},
		{{Doc: "c", N: 1, Src: qa.Segment{Text: "Стороны подписали соглашение о сотрудничестве."}, Tgt: qa.Segment{Text: "The parties signed an agreement on cooperation."}}},
	}
	s, err := qa.NewStream(&qa.Input{Bilingual: true}, qa.Config{})
	if err != nil {
		panic(err)
	}
	// Each document is gathered alone (it could be on any goroutine),
	// its beads numbered across the corpus, then added in order; Finish
	// reads back the beads its findings need.
	var all []qa.Bead
	for _, doc := range docs {
		p := s.Gather(doc)
		all = append(all, doc...)
		for _, f := range s.Add(p) {
			fmt.Printf("add: %s %s %q\n", f.Doc, f.Code, f.Text)
		}
	}
	fs, err := s.Finish(func(seq int) (qa.Bead, error) { return all[seq], nil })
	if err != nil {
		panic(err)
	}
	for _, f := range fs {
		fmt.Printf("finish: %s %s %q -> %q\n", f.Doc, f.Code, f.Text, f.Suggestion)
	}
	// Output:
	// add: b double-punct ".."
	// finish: b inconsistent-target "The sides signed a cooperation accord.." -> "The parties signed an agreement on cooperation."
}
