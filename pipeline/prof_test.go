package pipeline

import (
	"testing"

	"github.com/align-tools/align/corpora"
	"golang.org/x/text/language"
)

func BenchmarkProfDoc(b *testing.B) {
	f := "/tmp/c"
	sd, _ := corpora.ReadFile(f+".ru", language.Russian, corpora.UTF8)
	td, _ := corpora.ReadFile(f+".en", language.English, corpora.UTF8)
	for i := 0; i < b.N; i++ {
		AlignPair("x", Split(sd, true), Split(td, true), Options{})
	}
}
