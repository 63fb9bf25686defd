package pipeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/align-tools/align/corpora/tmx"
	"github.com/align-tools/align/internal/shared"
	"github.com/align-tools/align/lang"
)

// sampleDir is the sample the README runs.
func sampleDir(t *testing.T) string {
	root := shared.Root()
	if root == "" {
		t.Fatal("no go.mod above the working directory")
	}
	return filepath.Join(root, "testdata", "speeches")
}

func runSample(t *testing.T, out string) *Summary {
	t.Helper()
	dir := sampleDir(t)
	sum, err := Run(context.Background(), Config{SrcDir: filepath.Join(dir, "ru"), TgtDir: filepath.Join(dir, "en"), OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// TestSampleFlags runs align speeches on the sample and checks the
// findings against what testdata/speeches/README.md says the English
// holds: every planted artifact is found, and no finding of error
// severity falls on anything else.
func TestSampleFlags(t *testing.T) {
	out := t.TempDir()
	runSample(t, out)
	f, err := os.Open(filepath.Join(out, "flags.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	found := map[string]bool{}
	for _, r := range rows[1:] {
		key := filepath.Base(r[col["file"]]) + " " + r[col["code"]] + " " + r[col["text"]]
		found[key] = true
		if r[col["severity"]] == "error" && !planted[key] {
			t.Errorf("error-severity finding on a clean sentence: %v", r)
		}
	}
	for key := range planted {
		if !found[key] {
			t.Errorf("planted artifact not flagged: %s", key)
		}
	}
}

// planted are the artifacts of the sample's English, as "file code text".
var planted = map[string]bool{
	"opening.txt split-word fr om":         true,
	"opening.txt ru-date 16.05.2022":       true,
	"opening.txt ru-number 15 000 000":     true,
	"budget.txt double-punct ..":           true,
	"budget.txt split-word wh ere":         true,
	"budget.txt name-variant Grigorievich": true,
	"closing.txt ru-number 15 000":         true,
	"closing.txt stray-symbol * *":         true,
}

// TestSampleDeterministic runs the sample twice and compares every
// output byte for byte.
func TestSampleDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	sa, sb := runSample(t, a), runSample(t, b)
	if len(sa.Outputs) != len(sb.Outputs) || len(sa.Outputs) == 0 {
		t.Fatalf("outputs differ: %v and %v", sa.Outputs, sb.Outputs)
	}
	for _, p := range sa.Outputs {
		name := filepath.Base(p)
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, name))
		if err != nil {
			t.Fatal(err)
		}
		// Paths of the output folder may appear in no output.
		if bytes.Contains(x, []byte(a)) {
			t.Errorf("%s names the output folder", name)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs on the same input", name)
		}
	}
}

// TestSampleComplete checks that corpus.tsv holds every sentence of the
// sample exactly once.
func TestSampleComplete(t *testing.T) {
	out := t.TempDir()
	sum := runSample(t, out)
	rows := readTSV(t, filepath.Join(out, "corpus.tsv"))
	seen := map[string]bool{}
	var src, tgt int
	for _, r := range rows {
		for side, ids := range map[string]string{"src": r["src_ids"], "tgt": r["tgt_ids"]} {
			if ids == "" {
				continue
			}
			for _, id := range strings.Split(ids, ",") {
				key := r["document"] + " " + side + " " + id
				if seen[key] {
					t.Errorf("%s written twice", key)
				}
				seen[key] = true
				if side == "src" {
					src++
				} else {
					tgt++
				}
			}
		}
	}
	if src != sum.SrcSents || tgt != sum.TgtSents {
		t.Errorf("corpus.tsv holds %d source and %d target sentences; the run read %d and %d", src, tgt, sum.SrcSents, sum.TgtSents)
	}
}

// TestSampleTMXHoldsEverything reads the sample's TMX back and checks
// that its segments of each language hold exactly the characters, other
// than white space, of the input files of that language.
func TestSampleTMXHoldsEverything(t *testing.T) {
	out := t.TempDir()
	runSample(t, out)
	f, err := os.Open(filepath.Join(out, "corpus.tmx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := tmx.Read(f, tmx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]map[rune]int{"ru": {}, "en": {}}
	for _, tu := range m.TUs {
		for _, v := range tu.TUVs {
			for _, r := range ink(v.Text) {
				got[v.Lang][r]++
			}
		}
	}
	for _, l := range []string{"ru", "en"} {
		want := map[rune]int{}
		files, _ := filepath.Glob(filepath.Join(sampleDir(t), l, "*.txt"))
		for _, p := range files {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range ink(lang.Normalize(string(b))) {
				want[r]++
			}
		}
		if len(want) == 0 {
			t.Fatalf("no %s input", l)
		}
		for r, n := range want {
			if got[l][r] != n {
				t.Errorf("%s: %q is %d times in the input and %d times in the TMX", l, r, n, got[l][r])
			}
		}
		for r, n := range got[l] {
			if want[r] == 0 {
				t.Errorf("%s: %q is %d times in the TMX and not in the input", l, r, n)
			}
		}
	}
}
