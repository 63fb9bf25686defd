package qa

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"
)

func TestIgnore(t *testing.T) {
	ig, err := ParseIgnore(strings.NewReader("\uFEFF# accepted\n\nsplit-word\ten/page.txt\t3\tFr om\ndouble-space\n*\t*\t9\n"), "ignore.tsv")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		f    Finding
		want bool
	}{
		{Finding{Code: "split-word", File: "/data/en/page.txt", Line: 3, Text: "Fr om"}, true},
		{Finding{Code: "split-word", File: "/data/en/page.txt", Line: 3, Text: "wh ere"}, false},
		{Finding{Code: "split-word", File: "/data/ru/page.txt", Line: 3, Text: "Fr om"}, false},
		{Finding{Code: "split-word", File: "/data/en/page.txt", Line: 4, Text: "Fr om"}, false},
		{Finding{Code: "double-space", File: "x.txt", Line: 1}, true},
		{Finding{Code: "markup", File: "x.txt", Line: 9}, true},
		{Finding{Code: "markup", File: "x.txt", Line: 8}, false},
	}
	for _, tt := range tests {
		if got := ig.Match(tt.f); got != tt.want {
			t.Errorf("Match(%v) = %v; want %v", tt.f, got, tt.want)
		}
	}
	for _, bad := range []struct{ in, want string }{
		{"no-such-code\n", "ignore.tsv:1: unknown check"},
		{"markup\tf\tx\n", "ignore.tsv:1: line \"x\""},
		{"a\tb\tc\td\te\n", "ignore.tsv:1: 5 columns"},
	} {
		if _, err := ParseIgnore(strings.NewReader(bad.in), "ignore.tsv"); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: error %v; want %q", bad.in, err, bad.want)
		}
	}
}

func TestGlossary(t *testing.T) {
	g, err := ParseGlossary(strings.NewReader("# ru\ten\nОДКБ\tCSTO | Collective Security Treaty Organization\tthe alliance\n"), "g.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := []Term{{Src: "ОДКБ", Tgt: []string{"CSTO", "Collective Security Treaty Organization"}, Note: "the alliance", Line: 2}}
	if !reflect.DeepEqual(g.Terms, want) {
		t.Errorf("terms %+v; want %+v", g.Terms, want)
	}
	if _, err := ParseGlossary(strings.NewReader("ОДКБ\n"), "g.tsv"); err == nil || !strings.Contains(err.Error(), "g.tsv:1:") {
		t.Errorf("error %v", err)
	}
	for _, tt := range []struct {
		text, term string
		ok         bool
	}{
		{"заседание Совета коллективной безопасности", "Совет коллективной безопасности", true},
		{"Советом Безопасности ООН", "Совет коллективной безопасности", false},
		{"страны ОДКБ", "ОДКБ", true},
		{"страны ОДКБР", "ОДКБ", false},
	} {
		if _, _, ok := findSrcTerm(tt.text, tt.term); ok != tt.ok {
			t.Errorf("findSrcTerm(%q, %q) = %v", tt.text, tt.term, ok)
		}
	}
	for _, tt := range []struct {
		text, term string
		ok         bool
	}{
		{"the CSTO's leaders", "CSTO", true},
		{"the CSTOX", "CSTO", false},
		{"two Collective Security Councils", "Collective Security Council", true},
	} {
		if ok := containsTgtTerm(tt.text, tt.term); ok != tt.ok {
			t.Errorf("containsTgtTerm(%q, %q) = %v", tt.text, tt.term, ok)
		}
	}
}

// TestWriters: JSON round-trips, CSV has the header and one row per
// finding with the flagged text exactly.
func TestWriters(t *testing.T) {
	fs := []Finding{
		{Code: "split-word", Severity: Error, Category: Spelling, File: "a.txt", Line: 3, Col: 1, Text: "Fr om", Message: "m", Suggestion: "From", Start: 0, End: 5},
		{Code: "markup", Severity: Error, Category: Markup, File: "a.tmx", Line: 7, Col: 9, Doc: "d", Bead: 2, Side: Src, Text: "<b>, \"x\"", Message: "m", Start: 3, End: 6},
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, fs); err != nil {
		t.Fatal(err)
	}
	back, err := ReadJSON(&buf)
	if err != nil || !reflect.DeepEqual(back, fs) {
		t.Errorf("JSON round trip: %v\n%+v", err, back)
	}
	buf.Reset()
	if err := WriteCSV(&buf, fs); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 3 || !reflect.DeepEqual(rows[0], CSVHeader) || rows[2][6] != fs[1].Text || rows[2][11] != "src" {
		t.Errorf("CSV: %v %q", err, rows)
	}
	buf.Reset()
	WriteJSON(&buf, nil)
	if strings.TrimSpace(buf.String()) != "[]" {
		t.Errorf("no findings: %q", buf.String())
	}
}

// TestRunDeterministic runs the checks twice on the same input and
// compares the findings.
func TestRunDeterministic(t *testing.T) {
	mk := func() *Input {
		return &Input{Bilingual: true, Beads: []Bead{
			{Doc: "d", N: 1, Src: Segment{Text: "Встреча 16 мая прошла в Москве.."}, Tgt: Segment{Text: "The meeting took place  in Moscow on May 17.."}, SrcN: 1, TgtN: 1},
			{Doc: "d", N: 2, Src: Segment{Text: "Спасибо."}, SrcN: 1},
		}}
	}
	a, _ := Run(mk(), Config{})
	b, _ := Run(mk(), Config{})
	if len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Errorf("runs differ or found nothing:\n%v\n%v", a, b)
	}
}
