package plaintext_test

import (
	"fmt"
	"io"
	"testing"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/corpora/plaintext"
)

// BenchmarkWrite writes n units, copies of corpora.SampleUnits, to
// io.Discard with each writer.
func BenchmarkWrite(b *testing.B) {
	type writer interface {
		Write(*corpora.Unit) error
		Flush() error
	}
	sample := corpora.SampleUnits()
	writers := []struct {
		name string
		new  func() writer
	}{
		{"moses", func() writer {
			return plaintext.NewMosesWriter(io.Discard, io.Discard)
		}},
		{"tsv", func() writer {
			return plaintext.NewTSVWriter(io.Discard)
		}},
		{"jsonl", func() writer {
			return plaintext.NewJSONLWriter(io.Discard)
		}},
	}
	for _, n := range []int{100, 10_000} {
		units := make([]corpora.Unit, n)
		for i := range units {
			units[i] = sample[i%len(sample)]
			units[i].Bead = i + 1
		}
		for _, wr := range writers {
			b.Run(fmt.Sprintf("%s/%d", wr.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					w := wr.new()
					for i := range units {
						w.Write(&units[i])
					}
					if err := w.Flush(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
