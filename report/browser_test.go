package report

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/align-tools/align/internal/cattools"
)

func countIn(ctx context.Context, t *testing.T, selector string) int {
	t.Helper()
	var n int
	if err := chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll(`+quoteJS(selector)+`).length`, &n)); err != nil {
		t.Fatal(err)
	}
	return n
}

func quoteJS(s string) string { return "'" + strings.ReplaceAll(s, "'", `\'`) + "'" }

// setValue sets a form field and fires the event a person's input would.
func setValue(id, value string) chromedp.Action {
	return chromedp.Evaluate(`(function(){var e=document.getElementById(`+quoteJS(id)+`);e.value=`+quoteJS(value)+
		`;e.dispatchEvent(new Event('change'));})()`, nil)
}

// TestBrowser opens the sample report from disk in headless Chromium and
// works it as a reviewer would: rows and highlights are there, filters
// hide what they should, j moves to the next flagged bead, and markup in
// a document stays text. It saves a screenshot as a test artifact
// ($ALIGN_ARTIFACTS or a temporary folder). docs/report.png, the report
// of the project's sample, is written by internal/cattools'
// TestReportOnSample.
func TestBrowser(t *testing.T) {
	ctx := cattools.Browser(t, 1000)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	if err := os.WriteFile(path, []byte(render(t, sampleReport())), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx, chromedp.Navigate("file://"+path), chromedp.WaitVisible("#next", chromedp.ByID)); err != nil {
		t.Fatal(err)
	}
	if n := countIn(ctx, t, "tr.bead"); n != 8 {
		t.Errorf("%d rows, want 8", n)
	}
	if n := countIn(ctx, t, "td.seg mark"); n != 6 {
		t.Errorf("%d highlights, want 6", n)
	}
	if n := countIn(ctx, t, "svg rect"); n < 10 {
		t.Errorf("%d bars in the charts", n)
	}
	var text string
	chromedp.Run(ctx, chromedp.Text("#doc-2-b1", &text, chromedp.ByID))
	if !strings.Contains(text, `<script>alert("ru")</script>`) {
		t.Errorf("the row with markup reads %q; the markup should show as text", text)
	}

	// Filter by a code: only its row stays, and the other document hides.
	var shown string
	err := chromedp.Run(ctx, setValue("f-code", "number-mismatch"), chromedp.Text("#shown", &shown, chromedp.ByID))
	if err != nil {
		t.Fatal(err)
	}
	if n := countIn(ctx, t, "tr.bead:not([hidden])"); n != 1 || shown != "1 of 8 beads" {
		t.Errorf("filtered by number-mismatch: %d rows shown (%q), want 1", n, shown)
	}
	if n := countIn(ctx, t, "#doc-2[hidden]"); n != 1 {
		t.Error("the document with no matching row is still shown")
	}
	// Severity and score filters.
	chromedp.Run(ctx, setValue("f-code", ""), setValue("f-sev", "warning"))
	if n := countIn(ctx, t, "tr.bead:not([hidden])"); n != 3 {
		t.Errorf("severity warning: %d rows, want 3", n)
	}
	chromedp.Run(ctx, setValue("f-sev", ""), setValue("f-min", "0.8"))
	if n := countIn(ctx, t, "tr.bead:not([hidden])"); n != 3 {
		t.Errorf("score from 0.8: %d rows, want 3", n)
	}
	// A click on a chart bar sets the filter.
	chromedp.Run(ctx, chromedp.KeyEvent("\x1b"), chromedp.Click(`g[data-set="type=1-0"]`, chromedp.ByQuery))
	if n := countIn(ctx, t, "tr.bead:not([hidden])"); n != 1 {
		t.Errorf("click on the 1-0 bar: %d rows, want 1", n)
	}
	// Escape resets; j and k walk the flagged beads.
	var current string
	err = chromedp.Run(ctx, chromedp.KeyEvent("\x1b"), chromedp.KeyEvent("j"), chromedp.KeyEvent("j"),
		chromedp.Evaluate(`document.querySelector('tr.current').id`, &current))
	if err != nil {
		t.Fatal(err)
	}
	if n := countIn(ctx, t, "tr.bead:not([hidden])"); n != 8 {
		t.Errorf("after Escape %d rows, want 8", n)
	}
	if current != "doc-1-b3" {
		t.Errorf("after j j the current bead is %s, want doc-1-b3", current)
	}
	chromedp.Run(ctx, chromedp.KeyEvent("k"), chromedp.Evaluate(`document.querySelector('tr.current').id`, &current))
	if current != "doc-1-b2" {
		t.Errorf("after k the current bead is %s, want doc-1-b2", current)
	}

	// A screenshot of the page as it opens.
	var png []byte
	err = chromedp.Run(ctx, chromedp.KeyEvent("\x1b"),
		chromedp.Evaluate(`document.activeElement.blur(); window.scrollTo(0,0)`, nil),
		chromedp.MouseEvent(input.MouseMoved, 1, 1),
		chromedp.CaptureScreenshot(&png))
	if err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(cattools.Artifacts(t), "report.png")
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot)
}
