package pipeline

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
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
