package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestKeepTextSameOutput checks that documents read again, because the
// memory for documents is spent, give the same corpus files as documents
// kept, with the first pass sampling the corpus and without, and that no
// scratch file is left.
func TestKeepTextSameOutput(t *testing.T) {
	dir := filepath.Join("..", "testdata", "speeches")
	for _, sample := range []int{0, 40} {
		var want map[string][]byte
		for _, keep := range []int{0, -1, 8000} {
			out := t.TempDir()
			cfg := Config{SrcDir: filepath.Join(dir, "ru"), TgtDir: filepath.Join(dir, "en"), OutDir: out, KeepText: keep, sample: sample}
			if kept, all := keptBatches(t, cfg); keep == 8000 && (kept == 0 || kept == all) {
				t.Fatalf("KeepText %d keeps %d of %d batches; want some but not all", keep, kept, all)
			}
			if _, err := Run(context.Background(), cfg); err != nil {
				t.Fatal(err)
			}
			got := readFiles(t, out)
			for name := range got {
				if strings.HasPrefix(name, ".") {
					t.Errorf("the run left %s in the output folder", name)
				}
			}
			if want == nil {
				want = got
				continue
			}
			for name, data := range want {
				if !bytes.Equal(got[name], data) {
					t.Errorf("sample %d, KeepText %d: %s differs from the run that kept every document", sample, keep, name)
				}
			}
		}
	}
}

// TestReadAgainChanged checks that a file changed between its planning
// and its alignment stops the run with an error naming it.
func TestReadAgainChanged(t *testing.T) {
	tmp := t.TempDir()
	for _, side := range []string{"ru", "en"} {
		os.MkdirAll(filepath.Join(tmp, side), 0o755)
		data, err := os.ReadFile(filepath.Join("..", "testdata", "speeches", side, "budget.txt"))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(tmp, side, "budget.txt"), data, 0o644)
	}
	cfg := Config{SrcDir: filepath.Join(tmp, "ru"), TgtDir: filepath.Join(tmp, "en"), KeepText: -1}
	cfg.defaults()
	src, _ := listTexts(cfg.SrcDir)
	tgt, _ := listTexts(cfg.TgtDir)
	batches, err := planSpeeches(context.Background(), cfg, src.files, tgt.files, &Summary{})
	if err != nil {
		t.Fatal(err)
	}
	if len(batches) != 1 || batches[0].jobs != nil {
		t.Fatalf("%d batches, the first with jobs kept: %v; want one batch to read again", len(batches), batches[0].jobs != nil)
	}
	if _, err := batches[0].jobsOf(cfg); err != nil {
		t.Fatalf("read again unchanged: %v", err)
	}
	os.WriteFile(filepath.Join(tmp, "ru", "budget.txt"), []byte("Одно предложение.\n"), 0o644)
	_, err = batches[0].jobsOf(cfg)
	if err == nil || !strings.Contains(err.Error(), "changed while the run read them") {
		t.Fatalf("read again changed: %v; want an error saying the files changed", err)
	}
	os.Remove(filepath.Join(tmp, "en", "budget.txt"))
	if _, err = batches[0].jobsOf(cfg); err == nil || !strings.Contains(err.Error(), "budget.txt") {
		t.Fatalf("read again removed: %v; want an error naming the file", err)
	}
}

// keptBatches plans cfg's run and counts the batches kept in memory.
func keptBatches(t *testing.T, cfg Config) (kept, all int) {
	t.Helper()
	cfg.defaults()
	src, _ := listTexts(cfg.SrcDir)
	tgt, _ := listTexts(cfg.TgtDir)
	batches, err := planSpeeches(context.Background(), cfg, src.files, tgt.files, &Summary{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range batches {
		if b.jobs != nil {
			kept++
		}
	}
	return kept, len(batches)
}

// readFiles returns the files of dir by name.
func readFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = data
	}
	return out
}

// TestLongDocumentsLearnAlone runs a corpus of three long documents
// with a first pass too small for them all: the first is in it, the
// others learn from themselves, kept in memory or read again, with the
// same corpus files either way.
func TestLongDocumentsLearnAlone(t *testing.T) {
	tmp := t.TempDir()
	for d := range 3 {
		var ru, en strings.Builder
		for i := range 520 {
			n := d*1000 + i + 1
			fmt.Fprintf(&ru, "В %d году город построил %d новых домов.\n", 1500+n, n)
			fmt.Fprintf(&en, "In %d the city built %d new houses.\n", 1500+n, n)
		}
		for side, text := range map[string]string{"ru": ru.String(), "en": en.String()} {
			os.MkdirAll(filepath.Join(tmp, side), 0o755)
			if err := os.WriteFile(filepath.Join(tmp, side, fmt.Sprintf("book%d.txt", d)), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	var want map[string][]byte
	for _, keep := range []int{0, -1} {
		cfg := Config{SrcDir: filepath.Join(tmp, "ru"), TgtDir: filepath.Join(tmp, "en"), OutDir: filepath.Join(tmp, fmt.Sprint("out", keep)), KeepText: keep, sample: 300}
		cfg.defaults()
		src, _ := listTexts(cfg.SrcDir)
		tgt, _ := listTexts(cfg.TgtDir)
		batches, err := planSpeeches(context.Background(), cfg, src.files, tgt.files, &Summary{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := learnJobs(context.Background(), batches, cfg, func(int, int) {}); err != nil {
			t.Fatal(err)
		}
		var alone []bool
		for _, b := range batches {
			js, err := b.jobsOf(cfg)
			if err != nil {
				t.Fatal(err)
			}
			alone = append(alone, len(js) == 1 && js[0].self)
		}
		if !slices.Equal(alone, []bool{false, true, true}) {
			t.Fatalf("KeepText %d: documents learning alone %v, want the second and third", keep, alone)
		}
		sum, err := Run(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		if sum.SrcSents != 3*520 || sum.BeadTypes["1-1"] < 3*500 {
			t.Errorf("KeepText %d: %d source sentences, %d 1-1 beads", keep, sum.SrcSents, sum.BeadTypes["1-1"])
		}
		got := readFiles(t, cfg.OutDir)
		if want == nil {
			want = got
			continue
		}
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("KeepText %d: %s differs from the run that kept every document", keep, name)
			}
		}
	}
}
