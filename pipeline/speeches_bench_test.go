package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/align-tools/align/internal/shared"
)

// BenchmarkPlanSpeeches measures the "read and split" stage of a run:
// listing both folders, reading, splitting and parsing every document
// and pairing the speeches, over 5 to 500 pairs of documents (copies of
// testdata/speeches under other names).
func BenchmarkPlanSpeeches(b *testing.B) {
	root := shared.Root()
	if root == "" {
		b.Fatal("no go.mod above the working directory")
	}
	sample := filepath.Join(root, "testdata", "speeches")
	for _, copies := range []int{1, 10, 100} {
		dir := b.TempDir()
		pairs := 0
		for _, side := range []string{"ru", "en"} {
			if err := os.MkdirAll(filepath.Join(dir, side), 0o755); err != nil {
				b.Fatal(err)
			}
			files, err := filepath.Glob(filepath.Join(sample, side, "*.txt"))
			if err != nil || len(files) == 0 {
				b.Fatalf("no sample speeches in %s: %v", filepath.Join(sample, side), err)
			}
			for _, f := range files {
				data, err := os.ReadFile(f)
				if err != nil {
					b.Fatal(err)
				}
				for c := 0; c < copies; c++ {
					name := fmt.Sprintf("%03d-%s", c, filepath.Base(f))
					if err := os.WriteFile(filepath.Join(dir, side, name), data, 0o644); err != nil {
						b.Fatal(err)
					}
				}
			}
			pairs = len(files) * copies
		}
		b.Run(fmt.Sprintf("pairs=%d", pairs), func(b *testing.B) {
			cfg := Config{SrcDir: filepath.Join(dir, "ru"), TgtDir: filepath.Join(dir, "en")}
			cfg.defaults()
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				src, err := listTexts(cfg.SrcDir)
				if err != nil {
					b.Fatal(err)
				}
				tgt, err := listTexts(cfg.TgtDir)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := planSpeeches(context.Background(), cfg, src.files, tgt.files, &Summary{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRunOneLine runs a pair of documents written on one line each,
// 1,000 to 10,000 sentences: the time per sentence should not grow with
// the length of the line (the positions of the units' segments are
// counted from one to the next, not from the start of the line).
func BenchmarkRunOneLine(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		dir := b.TempDir()
		var ru, en strings.Builder
		for i := range n {
			fmt.Fprintf(&ru, "В этом году город построил %d новых домов. ", i+1)
			fmt.Fprintf(&en, "This year the city built %d new houses. ", i+1)
		}
		for side, text := range map[string]string{"ru": ru.String(), "en": en.String()} {
			if err := os.MkdirAll(filepath.Join(dir, side), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, side, "line.txt"), []byte(text+"\n"), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("sentences=%d", n), func(b *testing.B) {
			cfg := Config{SrcDir: filepath.Join(dir, "ru"), TgtDir: filepath.Join(dir, "en"), OutDir: filepath.Join(dir, "out"), Force: true}
			for i := 0; i < b.N; i++ {
				if _, err := Run(context.Background(), cfg); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/sentence")
		})
	}
}
