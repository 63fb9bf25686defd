package qa

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/internal/shared"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestSharedPage runs the checks on the real English page of the CSTO
// summit and compares the positions and codes of the findings with
// testdata/en-page.golden (rewritten with -update; the flagged text is
// left out of the golden file, which holds no text of the page). Every
// finding in it was judged by hand; the README has the table. No
// finding there has error severity and is false.
func TestSharedPage(t *testing.T) {
	dir := shared.Dir(t, "corpus/csto-2022")
	d, err := corpora.ReadFile(filepath.Join(dir, "en-page.txt"), language.English, corpora.Auto)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := Run(TextInput(d), Config{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%d:%d %s %s\n", f.Line, f.Col, f.Severity, f.Code)
	}
	golden := filepath.Join("testdata", "en-page.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("findings on en-page.txt changed; judge them, then run go test -update:\ngot:\n%swant:\n%s", b.String(), want)
	}
}
