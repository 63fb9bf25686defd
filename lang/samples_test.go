package lang

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/align-tools/align/internal/shared"
)

// TestSampleSpeeches checks what testdata/speeches/README.md promises:
// every speech with a gold alignment in gold/<name>.align has a Russian
// and an English file, both split under the invariant, Guess recognises
// their language, and the gold covers every sentence of both sides once,
// in order. (The multi-speech page summit.txt has no gold; the transcript
// tests cover it.)
func TestSampleSpeeches(t *testing.T) {
	root := shared.Root()
	if root == "" {
		t.Fatal("no go.mod above the working directory")
	}
	dir := filepath.Join(root, "testdata", "speeches")
	names, err := filepath.Glob(filepath.Join(dir, "gold", "*.align"))
	if err != nil || len(names) < 3 {
		t.Fatalf("want at least three speeches with gold in %s/gold, got %d (%v)", dir, len(names), err)
	}
	for _, goldPath := range names {
		name := strings.TrimSuffix(filepath.Base(goldPath), ".align")
		t.Run(name, func(t *testing.T) {
			counts := map[string]int{}
			for _, side := range []struct {
				dir string
				tag language.Tag
			}{{"ru", language.Russian}, {"en", language.English}} {
				b, err := os.ReadFile(filepath.Join(dir, side.dir, name+".txt"))
				if err != nil {
					t.Fatal(err)
				}
				text := Normalize(string(b))
				ss := Split(side.tag, text)
				if err := checkSentences(text, ss); err != nil {
					t.Fatal(err)
				}
				if len(ss) < 15 || len(ss) > 40 {
					t.Errorf("%s/%s.txt: %d sentences, want 15 to 40", side.dir, name, len(ss))
				}
				if tag, conf := Guess(text); tag != side.tag || conf < 0.9 {
					t.Errorf("%s/%s.txt: Guess = %v, %.2f", side.dir, name, tag, conf)
				}
				counts[side.dir] = len(ss)
			}
			b, err := os.ReadFile(filepath.Join(dir, "gold", name+".align"))
			if err != nil {
				t.Fatal(err)
			}
			next := map[string]int{"ru": 0, "en": 0}
			for n, line := range strings.Fields(string(b)) {
				src, tgt, ok := strings.Cut(line, ":")
				if !ok {
					t.Fatalf("gold/%s.align:%d: %q is not a bead", name, n+1, line)
				}
				for side, list := range map[string]string{"ru": src, "en": tgt} {
					list = strings.Trim(list, "[]")
					if list == "" {
						continue
					}
					for _, f := range strings.Split(list, ",") {
						i, err := strconv.Atoi(f)
						if err != nil || i != next[side] {
							t.Fatalf("gold/%s.align:%d: %s sentence %q, want %d", name, n+1, side, f, next[side])
						}
						next[side]++
					}
				}
			}
			for _, side := range []string{"ru", "en"} {
				if next[side] != counts[side] {
					t.Errorf("gold/%s.align covers %d %s sentences, the file has %d", name, next[side], side, counts[side])
				}
			}
		})
	}
}
