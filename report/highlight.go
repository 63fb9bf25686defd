package report

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/align-tools/align/corpora"
)

// piece is a run of a segment's text; Marked runs are covered by one or
// more findings, whose messages Title holds, one per line.
type piece struct {
	Text     string
	Marked   bool
	Severity string // the highest severity of the findings covering it
	Title    string
	Codes    string // the codes of those findings, space-separated
}

// validSpan reports whether n points at characters of text: Start and End
// in bounds, in order, on character boundaries.
func validSpan(text string, n corpora.Note) bool {
	return n.Start >= 0 && n.Start < n.End && n.End <= len(text) &&
		(n.Start == len(text) || utf8.RuneStart(text[n.Start])) &&
		(n.End == len(text) || utf8.RuneStart(text[n.End]))
}

// maxMarks bounds the spans drawn on one side of a row, so that a
// pathological unit (thousands of findings on a long sentence) cannot make
// the report quadratic in size; the findings are still listed.
const maxMarks = 100

// highlight cuts text into pieces at the edges of the spans of the notes
// on side. Overlapping spans are merged into runs covered by each set of
// notes; spans that do not fit the text, and those past the first
// maxMarks, are ignored (the finding is still listed beside the row). The
// pieces concatenate to text.
func highlight(text string, notes []corpora.Note, side string) []piece {
	var spans []corpora.Note
	cuts := []int{0, len(text)}
	for _, n := range notes {
		if n.Side == side && validSpan(text, n) && len(spans) < maxMarks {
			spans = append(spans, n)
			cuts = append(cuts, n.Start, n.End)
		}
	}
	if len(spans) == 0 {
		if text == "" {
			return nil
		}
		return []piece{{Text: text}}
	}
	sort.Ints(cuts)
	var out []piece
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		p := piece{Text: text[a:b]}
		var titles, codes []string
		for _, n := range spans {
			if n.Start <= a && b <= n.End {
				p.Marked = true
				if corpora.SeverityRank(n.Severity) > corpora.SeverityRank(p.Severity) || p.Severity == "" {
					p.Severity = n.Severity
				}
				titles = append(titles, n.Code+": "+n.Message)
				codes = append(codes, n.Code)
			}
		}
		p.Title = strings.Join(titles, "\n")
		p.Codes = strings.Join(codes, " ")
		if k := len(out); k > 0 && !p.Marked && !out[k-1].Marked {
			out[k-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}
