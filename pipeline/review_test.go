package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/corpora/plaintext"
	"github.com/align-tools/align/internal/cattools"
	"github.com/align-tools/align/report"
)

func TestFilter(t *testing.T) {
	flag := func(code string) []corpora.Note { return []corpora.Note{{Code: code}} }
	units := []corpora.Unit{
		{SrcText: "a", TgtText: "A", Score: 0.9},
		{SrcText: "a", TgtText: "A", Score: 0.9},                           // duplicate
		{SrcText: "b", TgtText: "B", Score: 0.1},                           // low
		{SrcText: "c", TgtText: "C", Score: 0.1, Notes: flag("x")},         // flagged first
		{SrcText: "a", TgtText: "A", Score: 0.2},                           // low, not a duplicate
		{SrcText: "d", TgtText: "D", Score: 0.9, Notes: flag("y")},         // kept: y not excluded
		{SrcText: "e", TgtText: "E", Score: 0.497},                         // kept: written 0.50
		{SrcText: " a ", TgtText: "A\n", Score: 0.9, Notes: flag("other")}, // duplicate as segments
	}
	s := filterState{Filtered: Filtered{Filter: Filter{MinScore: 0.5, Dedupe: true, ExcludeCodes: []string{"x", "z"}}}}
	var kept []string
	for i := range units {
		if s.keep(&units[i]) {
			kept = append(kept, units[i].SrcText)
		}
	}
	if got := strings.Join(kept, "|"); got != "a|d|e" {
		t.Errorf("kept %s, want a|d|e", got)
	}
	if s.Flagged != 1 || s.LowScore != 2 || s.Duplicate != 2 {
		t.Errorf("counts %+v", s.Filtered)
	}
	want := "left out of the Moses, TSV and JSONL files: 1 flagged x,z, 2 scored below 0.50, 2 duplicates"
	if got := s.Filtered.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if (Filter{}).Active() {
		t.Error("the zero Filter is active")
	}
}

const (
	ruVisit = "Мы прибыли в Казань рано утром.\n\nГород встретил нас солнцем.\n\nНас ждала большая программа.\n"
	enVisit = "We arrived in Kazan early in the morning.\n\nThe city greeted us with sunshine.\n\nA big programme awaited us.\n"
)

func runVisit(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for side, text := range map[string]string{"ru": ruVisit, "en": enVisit} {
		os.MkdirAll(filepath.Join(dir, side), 0o755)
		if err := os.WriteFile(filepath.Join(dir, side, "visit.txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	if _, err := Run(context.Background(), Config{SrcDir: filepath.Join(dir, "ru"), TgtDir: filepath.Join(dir, "en"), OutDir: out}); err != nil {
		t.Fatal(err)
	}
	cattools.ValidateTMX(t, filepath.Join(out, "corpus.tmx"))
	return out
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestApply edits one target and rejects one unit of the XLIFF a run
// wrote, applies it, and checks the corpus files hold the edit, the
// rejected unit's sentences unaligned, and every other sentence as before.
func TestApply(t *testing.T) {
	out := runVisit(t)
	xlf := filepath.Join(out, "review.xlf")
	x := read(t, xlf)
	for _, r := range [][2]string{
		{">We arrived in Kazan early in the morning.<", ">We reached Kazan early in the morning.<"},
		{`<target state="translated">The city greeted us with sunshine.`, `<target state="x-rejected">The city greeted us with sunshine.`},
	} {
		if !strings.Contains(x, r[0]) {
			t.Fatalf("review.xlf lacks %s:\n%s", r[0], x)
		}
		x = strings.Replace(x, r[0], r[1], 1)
	}
	os.WriteFile(xlf, []byte(x), 0o644)

	a, err := Apply(ApplyConfig{Review: xlf})
	if err != nil {
		t.Fatal(err)
	}
	if a.Units != 3 || a.Edited != 1 || a.Rejected != 1 {
		t.Errorf("applied %+v, want 3 units, 1 edited, 1 rejected", a)
	}
	if got, want := read(t, filepath.Join(out, "corpus.en")), "We reached Kazan early in the morning.\nA big programme awaited us.\n"; got != want {
		t.Errorf("corpus.en:\n%s\nwant\n%s", got, want)
	}
	units, _, err := ReadCorpus(out)
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, u := range units {
		types = append(types, u.Type())
	}
	if got := strings.Join(types, " "); got != "1-1 1-0 0-1 1-1" {
		t.Errorf("bead types after apply: %s", got)
	}
	if units[1].Notes[0].Code != RejectedCode || units[2].TgtText != "The city greeted us with sunshine." || units[3].Bead != 4 {
		t.Errorf("rejected unit not split as expected: %+v", units[1:])
	}
	if read(t, xlf) != x {
		t.Error("apply rewrote the XLIFF it read")
	}
	cattools.ValidateTMX(t, filepath.Join(out, "corpus.tmx"))
	tmx := read(t, filepath.Join(out, "corpus.tmx"))
	if !strings.Contains(tmx, "We reached Kazan") || !strings.Contains(tmx, "rejected in review") {
		t.Error("corpus.tmx does not hold the review")
	}
	if !strings.Contains(read(t, filepath.Join(out, "report.html")), "We reached Kazan") {
		t.Error("report.html does not show the edit")
	}
}

func TestReadCorpusJSONLAndTSVAgree(t *testing.T) {
	out := runVisit(t)
	j, _, err := ReadCorpus(out)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(filepath.Join(out, "corpus.tsv"))
	defer f.Close()
	rows, err := plaintext.ReadTSVRows(f, "corpus.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var ts []corpora.Unit
	for _, r := range rows {
		ts = append(ts, r.Unit)
	}
	if len(j) != len(ts) || len(j) != 3 {
		t.Fatalf("%d units from JSONL, %d from TSV, want 3", len(j), len(ts))
	}
	for i := range j {
		if j[i].SrcText != ts[i].SrcText || j[i].TgtText != ts[i].TgtText || j[i].Score != ts[i].Score {
			t.Errorf("unit %d differs: %+v / %+v", i, j[i], ts[i])
		}
	}
}

// TestReportNames checks that the names of a run reach the report's
// table, with the suggested spelling first, and that every other spelling
// is a highlighted name-variant finding, in the XLIFF too.
func TestReportNames(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"ru/a.txt": "Президент Токаев прибыл в Ереван.\n\nТокаев встретился с Пашиняном.\n",
		"en/a.txt": "President Tokaev arrived in Yerevan.\n\nTokayev met Pashinyan.\n",
		"ru/b.txt": "Пашинян и Токаев обсудили торговлю в Ереване.\n",
		"en/b.txt": "Pashinian and Tokayev discussed trade in Erevan.\n",
	}
	for name, text := range files {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	out := filepath.Join(dir, "out")
	if _, err := Run(context.Background(), Config{SrcDir: filepath.Join(dir, "ru"), TgtDir: filepath.Join(dir, "en"), OutDir: out}); err != nil {
		t.Fatal(err)
	}
	page := read(t, filepath.Join(out, "report.html"))
	for _, want := range []string{
		`<td rowspan="2" class="key">Токаев<div class="why">suggested Tokayev`,
		`<td class="form">Tokayev <span class="tag">reference</span></td>`,
		`<td class="form">Toka<del title="not in this spelling">y</del>ev</td>`,
		`data-codes="name-variant">Tokaev</mark>`,
		`data-codes="name-variant">Erevan</mark>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("report.html lacks %s", want)
		}
	}
	if n := strings.Count(read(t, filepath.Join(out, "review.xlf")), `al:code="name-variant"`); n != 3 {
		t.Errorf("review.xlf holds %d name-variant notes, want 3 (Tokaev, Pashinian, Erevan)", n)
	}
	// align report rebuilds the same page from corpus.jsonl.
	units, _, err := ReadCorpus(out)
	if err != nil {
		t.Fatal(err)
	}
	again := filepath.Join(dir, "again")
	os.MkdirAll(again, 0o755)
	if _, err := WriteReport(again, units, report.Report{}); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(again, "report.html")) != page {
		t.Error("the report rebuilt from corpus.jsonl differs from the run's")
	}
	// Applying the review finds them again, once each.
	if _, err := Apply(ApplyConfig{Review: filepath.Join(out, "review.xlf"), OutDir: filepath.Join(dir, "applied")}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(read(t, filepath.Join(dir, "applied", "report.html")), `data-codes="name-variant">`); n != 3 {
		t.Errorf("after apply the report has %d name highlights, want 3", n)
	}
}

// TestApplyUnchanged checks that applying a review nobody edited writes
// the corpus files byte for byte as the run did.
func TestApplyUnchanged(t *testing.T) {
	out := runVisit(t)
	files := []string{"corpus.tmx", "corpus.ru", "corpus.en", "corpus.tsv", "corpus.jsonl", "report.html"}
	before := map[string]string{}
	for _, f := range files {
		before[f] = read(t, filepath.Join(out, f))
	}
	if _, err := Apply(ApplyConfig{Review: filepath.Join(out, "review.xlf")}); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if read(t, filepath.Join(out, f)) != before[f] {
			t.Errorf("%s changed although the review did not", f)
		}
	}
}

func TestApplyRefusesMissingUnits(t *testing.T) {
	out := runVisit(t)
	xlf := filepath.Join(out, "review.xlf")
	x := read(t, xlf)
	i := strings.Index(x, `<trans-unit id="2"`)
	j := strings.Index(x, `<trans-unit id="3"`)
	if i < 0 || j < 0 {
		t.Fatalf("review.xlf lacks units 2 and 3:\n%s", x)
	}
	os.WriteFile(xlf, []byte(x[:i]+x[j:]), 0o644)
	_, err := Apply(ApplyConfig{Review: xlf})
	if err == nil || !strings.Contains(err.Error(), "source sentence 2 is in no trans-unit") {
		t.Errorf("Apply of a review with a unit deleted: %v", err)
	}
	os.WriteFile(xlf, []byte(x[:j]+x[i:]), 0o644) // unit 2 twice
	_, err = Apply(ApplyConfig{Review: xlf})
	if err == nil || !strings.Contains(err.Error(), "source sentence 2 is in more than one trans-unit (2 and 2)") {
		t.Errorf("Apply of a review with a unit twice: %v", err)
	}
}
