package report_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/report"
)

func ExampleWrite() {
	units := []corpora.Unit{
		{Doc: "talk", Bead: 1, Src: []int{1}, Tgt: []int{1}, Score: 0.93,
			SrcText: "Мы приехали в Ереван.", TgtText: "We came to Erevan.",
			Notes: []corpora.Note{{Code: "name-variant", Severity: "warning", Message: "spelled Yerevan elsewhere",
				Side: "tgt", Start: 11, End: 17, Suggestion: "Yerevan"}}},
		{Doc: "talk", Bead: 2, Src: []int{2}, Score: 0, SrcText: "<b>Спасибо</b>."},
	}
	var page bytes.Buffer
	if err := report.Write(&page, &report.Report{Units: units}); err != nil {
		panic(err)
	}
	html := page.String()
	fmt.Println("rows:", strings.Count(html, `<tr id="doc-`))
	fmt.Println(strings.Contains(html, `data-codes="name-variant">Erevan</mark>`))
	fmt.Println(strings.Contains(html, `&lt;b&gt;Спасибо&lt;/b&gt;.`))
	// Output:
	// rows: 2
	// true
	// true
}
