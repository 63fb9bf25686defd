package pipeline

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/align-tools/align/internal/testfs"
)

// TestInterruptKeepsEarlierOutputs cancels a run after its first
// document and checks that the corpus of an earlier run is left as it
// was, with no temporary or partial file beside it.
func TestInterruptKeepsEarlierOutputs(t *testing.T) {
	dir := sampleDir(t)
	out := t.TempDir()
	runSample(t, out)
	before := snapshot(t, out)

	ctx, cancel := context.WithCancel(context.Background())
	cfg := Config{
		SrcDir: filepath.Join(dir, "ru"), TgtDir: filepath.Join(dir, "en"), OutDir: out, Force: true, Jobs: 1,
		Progress: func(done, total, _ int) { cancel() },
	}
	_, err := Run(ctx, cfg)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run after cancel: err = %v, want context.Canceled", err)
	}
	after := snapshot(t, out)
	if len(after) != len(before) {
		t.Errorf("files before: %d, after: %d", len(before), len(after))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed by the interrupted run", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("the interrupted run left %s", name)
		}
	}
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = b
	}
	return m
}

// TestRunGoesOnPastUnreadableFile puts a file that cannot be read (even
// by root) beside a good pair: the run names it in a Problems error and
// writes the good pair.
func TestRunGoesOnPastUnreadableFile(t *testing.T) {
	if _, err := os.Stat("/proc/self/mem"); err != nil {
		t.Skip("no /proc/self/mem to stand for an unreadable file on this system")
	}
	tmp := t.TempDir()
	testfs.Write(t, tmp, map[string]string{
		"ru/a.txt": "Первое предложение. Второе предложение.\n",
		"en/a.txt": "The first sentence. The second sentence.\n",
		"en/b.txt": "A partner for the unreadable file.\n",
	})
	if err := os.Symlink("/proc/self/mem", filepath.Join(tmp, "ru", "b.txt")); err != nil {
		t.Fatal(err)
	}
	sum, err := Run(context.Background(), Config{SrcDir: filepath.Join(tmp, "ru"), TgtDir: filepath.Join(tmp, "en"), OutDir: filepath.Join(tmp, "out")})
	var probs Problems
	if !errors.As(err, &probs) || !strings.Contains(err.Error(), filepath.Join(tmp, "ru", "b.txt")) {
		t.Fatalf("err = %v, want a Problems error naming ru/b.txt", err)
	}
	rows := readTSV(t, filepath.Join(tmp, "out", "corpus.tsv"))
	if sum == nil || len(rows) == 0 || rows[0]["document"] != "a" {
		t.Errorf("the good pair was not written: %v", rows)
	}
}
