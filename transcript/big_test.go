package transcript

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/align-tools/align/lang"
)

var surnames = []string{"Ivanov", "Petrov", "Sidorov", "Orlova", "Belova"}

// bigTranscript makes a transcript of n speaker turns, two paragraphs
// each, with a heading every 50 turns (whose speaker then has no turn).
func bigTranscript(n int) string {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		if i%50 == 0 {
			fmt.Fprintf(&sb, "Speech by the Governor of Province %d Ivan Kozlov\n\n", i)
		}
		fmt.Fprintf(&sb, "A. %s: We met %d times this year and agreed on %d points.\n\n", surnames[i%len(surnames)], i, i*3)
		sb.WriteString("The harbour opened in March, and the ferry runs from April.\n\n")
	}
	return sb.String()
}

// TestBigTranscript guards against quadratic work in the recognizer on a
// long transcript (10,000 turns, about 1.3 MB). Skipped under -short.
func TestBigTranscript(t *testing.T) {
	if testing.Short() {
		t.Skip("big input")
	}
	text := bigTranscript(10000)
	st := Parse(language.English, text)
	checkInvariants(t, st)
	if len(st.Sections) != 10200 {
		t.Fatalf("%d sections, want 10000 turns and 200 headings", len(st.Sections))
	}
	st.Assign(lang.Split(language.English, text))
	var sb strings.Builder
	st.WriteTo(&sb)
}

// TestPathologicalParagraph feeds one paragraph of 60,000 colons and
// periods, and 60,000 one-letter lines.
func TestPathologicalParagraph(t *testing.T) {
	for _, text := range []string{strings.Repeat("A. B.: ", 60000), strings.Repeat("A:\n", 60000), strings.Repeat("Speech by ", 60000)} {
		st := Parse(language.English, text)
		checkInvariants(t, st)
	}
}

func BenchmarkParse(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		text := bigTranscript(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Parse(language.English, text)
			}
		})
	}
}

func BenchmarkPair(b *testing.B) {
	for _, n := range []int{10, 100, 500} {
		st := Parse(language.English, bigTranscript(n))
		c := st.Candidates("doc")
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Pair(c, c, nil)
			}
		})
	}
}
