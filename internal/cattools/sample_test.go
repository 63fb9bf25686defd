package cattools_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/align-tools/align/internal/cattools"
	"github.com/align-tools/align/internal/shared"
	"github.com/align-tools/align/pipeline"
)

var update = flag.Bool("update", false, "rewrite docs/report.png and docs/report-flagged.png")

// TestReportOnSample runs align speeches on the project's sample speeches
// (testdata/speeches), opens the report in headless Chromium and checks
// that it shows every unit, highlights every finding with a span, that
// j takes the reader to a flagged bead and "flagged only" shows those. Screenshots go to the artifacts
// folder; with -update they also become docs/report.png (the top of the
// page) and docs/report-flagged.png (the flagged beads only) for the
// README.
func TestReportOnSample(t *testing.T) {
	root := shared.Root()
	out := filepath.Join(t.TempDir(), "out")
	_, err := pipeline.Run(context.Background(), pipeline.Config{SrcDir: filepath.Join(root, "testdata", "speeches", "ru"),
		TgtDir: filepath.Join(root, "testdata", "speeches", "en"), OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	units, _, err := pipeline.ReadCorpus(out)
	if err != nil {
		t.Fatal(err)
	}
	spans, flagged := 0, 0
	for _, u := range units {
		if len(u.Notes) > 0 {
			flagged++
		}
		for _, n := range u.Notes {
			if n.Side != "" && n.End > n.Start {
				spans++
			}
		}
	}
	if flagged == 0 || spans == 0 {
		t.Fatalf("the sample gave %d flagged units and %d spans; the test needs some", flagged, spans)
	}

	ctx := cattools.Browser(t, 1100)
	var rows, marks, flaggedRows, shownFlagged int
	var current string
	var top, atFlag []byte
	err = chromedp.Run(ctx,
		chromedp.Navigate("file://"+filepath.Join(out, "report.html")),
		chromedp.WaitVisible("#next", chromedp.ByID),
		chromedp.Evaluate(`document.querySelectorAll('tr.bead').length`, &rows),
		chromedp.Evaluate(`document.querySelectorAll('td.seg mark').length`, &marks),
		chromedp.Evaluate(`document.querySelectorAll('tr.bead.flagged').length`, &flaggedRows),
		chromedp.CaptureScreenshot(&top),
		chromedp.KeyEvent("j"),
		chromedp.Evaluate(`document.querySelector('tr.current').id`, &current),
		// Only the flagged beads, from the top of the table.
		chromedp.Evaluate(`(function(){var e=document.getElementById('f-code');e.value='*';
			e.dispatchEvent(new Event('change'));document.activeElement.blur();
			window.scrollTo(0, document.querySelector('main').offsetTop-90);})()`, nil),
		chromedp.Evaluate(`document.querySelectorAll('tr.bead:not([hidden])').length`, &shownFlagged),
		chromedp.MouseEvent(input.MouseMoved, 1, 1),
		chromedp.CaptureScreenshot(&atFlag),
	)
	if err != nil {
		t.Fatal(err)
	}
	if rows != len(units) || flaggedRows != flagged {
		t.Errorf("the report shows %d rows, %d flagged; the corpus has %d units, %d flagged", rows, flaggedRows, len(units), flagged)
	}
	if shownFlagged != flagged {
		t.Errorf("the filter 'flagged only' shows %d rows, want %d", shownFlagged, flagged)
	}
	if marks < spans {
		t.Errorf("%d highlights for %d finding spans", marks, spans)
	}
	if !strings.HasPrefix(current, "doc-") {
		t.Errorf("j did not select a flagged bead (current %q)", current)
	}
	dir := cattools.Artifacts(t)
	for name, png := range map[string][]byte{"report.png": top, "report-flagged.png": atFlag} {
		if err := os.WriteFile(filepath.Join(dir, "sample-"+name), png, 0o644); err != nil {
			t.Fatal(err)
		}
		if *update {
			os.MkdirAll(filepath.Join(root, "docs"), 0o755)
			if err := os.WriteFile(filepath.Join(root, "docs", name), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Logf("screenshots in %s", dir)
}
