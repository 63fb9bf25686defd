package similarity

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/language"

	"github.com/align-tools/align/lang"
)

// sampleSentences returns the sentences of the sample documents of one
// language (testdata/speeches at the module root).
func sampleSentences(tb testing.TB, sub string, tag language.Tag) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "speeches", sub, "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no sample documents in testdata/speeches/%s", sub)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		text := lang.Normalize(string(b))
		for _, s := range lang.Split(tag, text) {
			out = append(out, text[s.Start:s.End])
		}
	}
	return out
}

// BenchmarkPrepare measures the extraction of the lexicon-free evidence
// of the sample, per sentence of both sides.
func BenchmarkPrepare(b *testing.B) {
	src := sampleSentences(b, "ru", language.Russian)
	tgt := sampleSentences(b, "en", language.English)
	b.ReportAllocs()
	for b.Loop() {
		Prepare(src, tgt, Options{})
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*(len(src)+len(tgt))), "ns/sentence")
}

// BenchmarkScorer measures building a scorer with a lexicon learned
// from the sample and scoring every 1-1 pair of a band around the
// diagonal.
func BenchmarkScorer(b *testing.B) {
	src := sampleSentences(b, "ru", language.Russian)
	tgt := sampleSentences(b, "en", language.English)
	p := Prepare(src, tgt, Options{})
	n := min(len(src), len(tgt))
	lex := Learn(src[:n], tgt[:n])
	b.ReportAllocs()
	for b.Loop() {
		s := p.Scorer(lex, nil)
		for i := range src {
			for j := max(0, i-5); j < min(len(tgt), i+6); j++ {
				s.Similarity(one(i), one(j))
			}
		}
	}
}
