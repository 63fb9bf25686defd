package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sampleReport is a small review of two speeches written for these tests:
// clean pairs, flagged spans of every severity (two overlapping), a low
// score, unaligned sentences, markup in the text and name variants.
func sampleReport() *Report {
	units := []corpora.Unit{
		{Doc: "summit", Bead: 1, Src: []int{1}, Tgt: []int{1}, Score: 0.94, Speech: "Opening", Speaker: "Chair",
			SrcText: "Уважаемые коллеги, добрый день!", TgtText: "Dear colleagues, good afternoon!"},
		{Doc: "summit", Bead: 2, Src: []int{2, 3}, Tgt: []int{2}, Score: 0.72, Speech: "Opening",
			SrcText: "Мы собрались в Ереване. Это символично.", TgtText: "We have gathered in Erevan, which is symbolic.",
			Notes: []corpora.Note{{Code: "name-variant", Severity: "warning", Message: "spelt Yerevan in 4 other places", Side: "tgt", Start: 20, End: 26, Suggestion: "Yerevan"}}},
		{Doc: "summit", Bead: 3, Src: []int{4}, Tgt: []int{3}, Score: 0.31, Speech: "Opening",
			SrcText: "Товарооборот вырос на 12 процентов.", TgtText: "Trade grew by 21 percent.",
			Notes: []corpora.Note{
				{Code: "number-mismatch", Severity: "error", Message: "12 in the source, 21 in the translation", Side: "tgt", Start: 14, End: 16},
				{Code: "number-mismatch", Severity: "error", Message: "12 in the source, 21 in the translation", Side: "src", Start: 41, End: 43},
				{Code: "low-score", Severity: "info", Message: "the aligner is unsure of this pair"},
			}},
		{Doc: "summit", Bead: 4, Src: []int{5}, Score: 0,
			SrcText: "Эта фраза осталась без перевода."},
		{Doc: "summit", Bead: 5, Src: []int{6}, Tgt: []int{4}, Score: 0.88,
			SrcText: "Спасибо за внимание.", TgtText: "Thank you for your attention.",
			Notes: []corpora.Note{
				{Code: "calque", Severity: "info", Message: "a stock phrase; \"Thank you\" alone is usual", Side: "tgt", Start: 0, End: 29},
				{Code: "split-word", Severity: "warning", Message: "overlaps the other finding", Side: "tgt", Start: 10, End: 18},
			}},
		{Doc: "press", Bead: 1, Src: []int{1}, Tgt: []int{1}, Score: 0.83,
			SrcText: "Пресс-служба сообщает: <script>alert(\"ru\")</script> & всё.", TgtText: "The press office reports: <script>alert('en')</script> & that's all."},
		{Doc: "press", Bead: 2, Tgt: []int{2}, Score: 0,
			TgtText: "A sentence the translator added."},
		{Doc: "press", Bead: 3, Src: []int{2}, Tgt: []int{3}, Score: 0.55,
			SrcText: "Делегация прибыла в Ереван.", TgtText: "The delegation arrived in Yerevan.",
			Notes: []corpora.Note{{Code: "bad-span", Severity: "warning", Message: "a span outside the text is listed, not drawn", Side: "tgt", Start: 30, End: 99}}},
	}
	return &Report{
		Title: "Review of the sample", Src: language.Russian, Tgt: language.English, Units: units,
		Names: []NameGroup{
			{Key: "Ереван", Note: "suggested Yerevan: the official spelling", Forms: []NameForm{
				{Text: "Yerevan", Side: "tgt", Count: 4, Docs: []string{"press", "summit"}},
				{Text: "Erevan", Side: "tgt", Count: 1, Docs: []string{"summit"}},
				{Text: "Jerewan", Side: "tgt", Count: 1, Docs: []string{"summit"}},
			}},
		},
	}
}

func render(t testing.TB, r *Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestGolden(t *testing.T) {
	got := render(t, sampleReport())
	golden(t, "sample.html", got)
	if again := render(t, sampleReport()); again != got {
		t.Error("two renderings of the same report differ")
	}
}

// golden compares a page with testdata/name, which -update rewrites.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run go test -update to write it", err)
	}
	if got != string(want) {
		t.Errorf("the report differs from %s; run go test -update and review the diff", path)
	}
}

// TestEscaped checks that markup in documents shows as text: the page
// holds exactly one <script> element, its own.
func TestEscaped(t *testing.T) {
	page := render(t, sampleReport())
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("the page holds %d <script> tags, want only its own", n)
	}
	for _, want := range []string{`&lt;script&gt;alert(&#34;ru&#34;)&lt;/script&gt; &amp; всё.`, `&lt;script&gt;alert(&#39;en&#39;)&lt;/script&gt;`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not show %s as text", want)
		}
	}
}

// TestSelfContained checks that the page refers to nothing outside it.
func TestSelfContained(t *testing.T) {
	page := render(t, sampleReport())
	for _, re := range []string{`(?i)<link\b`, `(?i)\bsrc\s*=`, `(?i)https?://`, `(?i)@import`, `(?i)url\(`} {
		if m := regexp.MustCompile(re).FindString(page); m != "" {
			t.Errorf("the page refers to an outside resource: %q", m)
		}
	}
}

func TestRowsAndMarks(t *testing.T) {
	page := render(t, sampleReport())
	if n := strings.Count(page, `<tr id="doc-`); n != 8 {
		t.Errorf("%d bead rows, want 8", n)
	}
	for _, want := range []string{
		`<mark class="sev-warning" title="name-variant: spelt Yerevan in 4 other places" data-codes="name-variant">Erevan</mark>`,
		`<mark class="sev-error" title="number-mismatch: 12 in the source, 21 in the translation" data-codes="number-mismatch">21</mark>`,
		`<mark class="sev-error" title="number-mismatch: 12 in the source, 21 in the translation" data-codes="number-mismatch">12</mark>`,
		`<del title="not in this spelling">Y</del><ins>J</ins>ere`,
		`data-set="code=number-mismatch"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

func TestEmptyReport(t *testing.T) {
	page := render(t, &Report{})
	if !strings.Contains(page, "The corpus has no beads.") || !strings.Contains(page, "No findings.") {
		t.Error("an empty report does not say it is empty")
	}
	clean := render(t, &Report{Units: []corpora.Unit{{Doc: "d", Bead: 1, Src: []int{1}, Tgt: []int{1}, SrcText: "Да.", TgtText: "Yes.", Score: 1}}})
	if !strings.Contains(render(t, sampleReport()), `<tr class="heading"><td colspan="6">Opening · Chair</td></tr>`) {
		t.Error("the first row of a speech has no heading")
	}
	if strings.Contains(clean, "<th>Findings</th>") || !strings.Contains(render(t, sampleReport()), "<th>Findings</th>") {
		t.Error("the findings column should be drawn exactly when some unit has findings")
	}
}
