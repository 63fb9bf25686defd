package lang

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/align-tools/align/internal/shared"
)

// TestAlignDevAgreement measures how well Split recovers the sentence
// lines of ../shared/align-dev: the lines of each document are joined by
// a space into one paragraph, split again, and the boundaries compared.
//
// Recall is the share of line boundaries that Split finds; precision the
// share of Split's boundaries that are line boundaries. The lines are the
// segments of the sources (a WMT segment or a UN paragraph may hold
// several sentences), so a boundary inside a line is often right, and
// precision understates the splitter. Run with -v to see the figures; the
// test fails only below a floor set well under the measured values, to
// catch regressions, not to tune to these documents.
func TestAlignDevAgreement(t *testing.T) {
	dir := shared.Dir(t, "align-dev")
	for _, l := range []struct {
		ext       string
		tag       language.Tag
		minRecall float64
	}{{"ru", language.Russian, 0.98}, {"en", language.English, 0.98}} {
		files, err := filepath.Glob(filepath.Join(dir, "*", "*."+l.ext))
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(files)
		var gold, found, hit, exact, lines, goldP, hitP int
		var misses []string
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var parts []string
			for _, line := range strings.Split(Normalize(string(b)), "\n") {
				if line = strings.TrimSpace(line); line != "" {
					parts = append(parts, strings.Join(strings.Fields(line), " "))
				}
			}
			text := strings.Join(parts, " ")
			want := map[int]bool{}
			punct := map[int]bool{} // boundaries after a line that ends a sentence
			off := 0
			for _, p := range parts[:max(len(parts)-1, 0)] {
				off += len(p) + 1
				want[off] = true
				if endsSentence(p) {
					punct[off] = true
					goldP++
				}
			}
			ends := map[int]bool{}
			off = 0
			for _, p := range parts {
				off += len(p)
				ends[off] = true
				off++
			}
			gold += len(want)
			lines += len(parts)
			ss := Split(l.tag, text)
			starts := map[int]bool{}
			for i, s := range ss {
				if i > 0 {
					found++
					starts[s.Start] = true
					if want[s.Start] {
						hit++
					}
					if punct[s.Start] {
						hitP++
					}
				}
				if (s.Start == 0 || want[s.Start]) && ends[s.End] {
					exact++
				}
			}
			for b := range punct {
				if !starts[b] && len(misses) < 400 {
					misses = append(misses, "missed: "+text[max(0, b-40):b]+" ‖ "+text[b:min(len(text), b+30)])
				}
			}
			for b := range starts {
				if !want[b] && len(misses) < 800 {
					misses = append(misses, "extra: "+text[max(0, b-40):b]+" ‖ "+text[b:min(len(text), b+30)])
				}
			}
		}
		if gold == 0 {
			t.Fatalf("%s: no documents in %s", l.ext, dir)
		}
		recall := float64(hit) / float64(gold)
		precision := float64(hit) / float64(max(found, 1))
		recallP := float64(hitP) / float64(max(goldP, 1))
		t.Logf("%s: %d documents, %d lines: boundary recall %.4f (%.4f after lines ending in . ! ? …), precision %.4f; lines recovered exactly %.4f",
			l.ext, len(files), lines, recall, recallP, precision, float64(exact)/float64(lines))
		if testing.Verbose() && os.Getenv("ALIGNDEV_MISSES") != "" {
			sort.Strings(misses)
			for _, m := range misses {
				t.Log(m)
			}
		}
		if recallP < l.minRecall {
			t.Errorf("%s: boundary recall after sentence-final punctuation %.4f is below %.2f", l.ext, recallP, l.minRecall)
		}
	}
}

// endsSentence reports whether a line ends with terminal punctuation,
// closing quotes and brackets aside.
func endsSentence(line string) bool {
	for line != "" {
		r, n := utf8.DecodeLastRuneInString(line)
		switch {
		case isTerminal(r):
			return true
		case isCloser(r):
			line = line[:len(line)-n]
		default:
			return false
		}
	}
	return false
}
