package plaintext

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/align-tools/align/corpora"
)

// TestReadTSVRowsRoundTrip reads back what TSVWriter wrote.
func TestReadTSVRowsRoundTrip(t *testing.T) {
	units := []corpora.Unit{
		{Doc: "putin", Bead: 1, Src: []int{1}, Tgt: []int{1}, Score: 0.75, SrcText: "Добрый день.", TgtText: "Good afternoon."},
		{Doc: "putin", Bead: 2, Src: []int{2, 3}, Tgt: []int{2}, Score: 0.5, SrcText: "Раз. Два.", TgtText: "One, two.", Speaker: "Путин"},
		{Doc: "putin", Bead: 3, Src: []int{4}, SrcText: "Без пары."},
	}
	var buf bytes.Buffer
	w := NewTSVWriter(&buf)
	for i := range units {
		w.Write(&units[i])
	}
	w.Flush()
	rows, err := ReadTSVRows(&buf, "corpus.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(units) {
		t.Fatalf("%d rows; want %d", len(rows), len(units))
	}
	for i, r := range rows {
		if !reflect.DeepEqual(r.Unit, units[i]) {
			t.Errorf("row %d: %+v; want %+v", i, r.Unit, units[i])
		}
		if r.Line != i+2 {
			t.Errorf("row %d: line %d", i, r.Line)
		}
	}
	// "Добрый день." starts after "putin\t1\t1\t1\t0.75\t" (17 characters): column 18.
	if rows[0].SrcCol != 18 || rows[0].TgtCol != 18+utf8.RuneCountInString("Добрый день.")+1 {
		t.Errorf("columns %d, %d", rows[0].SrcCol, rows[0].TgtCol)
	}
}

func TestReadTSVRowsBitext(t *testing.T) {
	rows, err := ReadTSVRows(strings.NewReader("Раз.\tOne.\r\n\nДва.\tTwo.\tnote\n"), "b.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1].Unit.SrcText != "Два." || rows[1].Unit.TgtText != "Two." || rows[1].Line != 3 || rows[1].TgtCol != 6 {
		t.Fatalf("rows %+v", rows)
	}
}

func TestReadTSVRowsErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"only one column\n", "x.tsv:1: one column"},
		{"document\tsrc\n", "x.tsv:1: the header has no tgt column"},
		{"src\ttgt\tbead\na\tb\tx\n", "x.tsv:2: bead \"x\""},
		{"a\tb\n\xff\tc\n", "x.tsv:2: invalid UTF-8"},
		{"a\t" + strings.Repeat("b", MaxTSVLine+1), "x.tsv:1: a line longer"},
	}
	for _, tt := range tests {
		_, err := ReadTSVRows(strings.NewReader(tt.in), "x.tsv")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%.30q: error %v; want %q", tt.in, err, tt.want)
		}
	}
}

// FuzzReadTSVRows: no panic, and every row's texts sit at their columns.
func FuzzReadTSVRows(f *testing.F) {
	f.Add("document\tbead\tsrc_ids\ttgt_ids\tscore\tsrc\ttgt\tspeech\tspeaker\tflags\nd\t1\t1\t1\t0.5\tА\tA\t\t\t\n")
	f.Add("a\tb\r\nc\td\n")
	f.Add("\uFEFFsrc\ttgt\n\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		rows, err := ReadTSVRows(strings.NewReader(in), "f.tsv")
		if err != nil {
			return
		}
		lines := strings.Split(strings.ReplaceAll(strings.TrimPrefix(in, "\uFEFF"), "\r\n", "\n"), "\n")
		for _, r := range rows {
			line := []rune(lines[r.Line-1])
			for _, c := range []struct {
				col  int
				text string
			}{{r.SrcCol, r.Unit.SrcText}, {r.TgtCol, r.Unit.TgtText}} {
				if c.col < 1 || c.col-1 > len(line) || !strings.HasPrefix(string(line[c.col-1:]), c.text) {
					t.Fatalf("line %d col %d does not hold %q", r.Line, c.col, c.text)
				}
			}
		}
	})
}
