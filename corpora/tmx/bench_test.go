package tmx_test

import (
	"fmt"
	"io"
	"testing"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/corpora/tmx"
)

// BenchmarkWrite writes n units, copies of corpora.SampleUnits, to
// io.Discard.
func BenchmarkWrite(b *testing.B) {
	sample := corpora.SampleUnits()
	for _, n := range []int{100, 10_000} {
		units := make([]corpora.Unit, n)
		for i := range units {
			units[i] = sample[i%len(sample)]
			units[i].Bead = i + 1
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w := tmx.NewWriter(io.Discard, tmx.Header{Src: language.Russian, Tgt: language.English})
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
