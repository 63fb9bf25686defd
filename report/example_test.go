package report_test

import (
	"bytes"
	"fmt"
	"os"
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

func ExampleStream() {
	// The rows go to a scratch file; the caller removes it.
	body, err := os.CreateTemp("", "report-rows")
	if err != nil {
		panic(err)
	}
	defer os.Remove(body.Name())
	defer body.Close()

	s := report.NewStream(report.Report{Title: "Talks"}, body)
	for i, text := range []string{"Добрый день.", "Спасибо."} {
		u := corpora.Unit{Doc: "talk", Bead: i + 1, Src: []int{i + 1}, Score: 0, SrcText: text}
		if err := s.Add(&u); err != nil { // u may be reused once Add returns
			panic(err)
		}
	}
	var page bytes.Buffer
	if err := s.Finish(&page); err != nil {
		panic(err)
	}
	fmt.Println("rows:", strings.Count(page.String(), `<tr id="doc-`))
	fmt.Println(strings.Contains(page.String(), "<title>Talks</title>"))
	// Output:
	// rows: 2
	// true
}
