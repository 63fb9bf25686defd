package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/align-tools/align/corpora"
)

// bigReport has n units of two documents, every tenth flagged.
func bigReport(n int) *Report {
	r := &Report{}
	for i := 0; i < n; i++ {
		u := corpora.Unit{Doc: fmt.Sprintf("doc%d", i*2/n), Bead: i + 1, Src: []int{i + 1}, Tgt: []int{i + 1},
			Score: float64(i%100) / 100, SrcText: "Это предложение номер " + fmt.Sprint(i) + ".", TgtText: "This is sentence number " + fmt.Sprint(i) + "."}
		if i%10 == 0 {
			u.Notes = []corpora.Note{{Code: "number", Severity: "warning", Message: "check the number", Side: "tgt", Start: 24, End: 24 + len(fmt.Sprint(i))}}
		}
		r.Units = append(r.Units, u)
	}
	return r
}

func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{100, 10_000} {
		r := bigReport(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var cw countWriter
				if err := Write(&cw, r); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(cw))
			}
		})
	}
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)

// TestPathological renders a unit with a 1 MB sentence carrying 20,000
// overlapping findings: the page stays linear in size.
func TestPathological(t *testing.T) {
	if testing.Short() {
		t.Skip("big input; skipped with -short")
	}
	text := strings.Repeat("слово ", 1<<20/len("слово "))
	u := corpora.Unit{Doc: "big", Bead: 1, Src: []int{1}, Tgt: []int{1}, SrcText: text, TgtText: "word", Score: 0.5}
	for i := 0; i < 20_000; i++ {
		u.Notes = append(u.Notes, corpora.Note{Code: "c", Severity: "info", Message: "m", Side: "src", Start: 12 * (i % 1000), End: 12*(i%1000) + 24})
	}
	var buf bytes.Buffer
	if err := Write(&buf, &Report{Units: []corpora.Unit{u}}); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 4*len(text)+200*len(u.Notes)+1<<20 {
		t.Errorf("the page is %d bytes for a %d-byte sentence and %d findings", buf.Len(), len(text), len(u.Notes))
	}
	if n := strings.Count(buf.String(), "<mark"); n > 2*maxMarks {
		t.Errorf("%d highlights drawn, want at most %d", n, 2*maxMarks)
	}
}
