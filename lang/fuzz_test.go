package lang

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// The fuzz targets check the invariants of split.go and normalize.go on
// any input. Their seed corpora are in testdata/fuzz/<FuzzName>/.

func FuzzSplit(f *testing.F) {
	f.Add("В.В. Путин открыл заседание. Затем выступил Mr. Smith.", true)
	f.Fuzz(func(t *testing.T, text string, russian bool) {
		tag := language.English
		if russian {
			tag = language.Russian
		}
		if err := checkSentences(text, Split(tag, text)); err != nil {
			t.Fatal(err)
		}
		// Normalized text splits under the same invariant.
		n := Normalize(text)
		if err := checkSentences(n, Split(tag, n)); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzSplitLines(f *testing.F) {
	f.Add("one\n\n two \r\nthree")
	f.Fuzz(func(t *testing.T, text string) {
		ss := SplitLines(text)
		if err := checkSentences(text, ss); err != nil {
			t.Fatal(err)
		}
		for i, s := range ss {
			if s.Para != i || strings.Contains(text[s.Start:s.End], "\n") {
				t.Fatalf("sentence %d %v: paragraph %d or holds a line break", i, s, s.Para)
			}
		}
	})
}

func FuzzParagraphs(f *testing.F) {
	f.Add("Title\nThe text of a paragraph that is\nwrapped over lines and goes on\nfor a while.\n\n- item")
	f.Fuzz(func(t *testing.T, text string) {
		ps := Paragraphs(text)
		if err := checkSpans(text, ps); err != nil {
			t.Fatal(err)
		}
		for i, p := range ps {
			if strings.Contains(text[p.Start:p.End], "\n\n") {
				t.Fatalf("paragraph %d %v crosses a blank line", i, p)
			}
		}
	})
}

func FuzzNormalize(f *testing.F) {
	f.Add("\ufeffa\r\nb\rc\u00a0d\u00ade\u0308")
	f.Fuzz(func(t *testing.T, text string) {
		if err := checkNormalized(text, Normalize(text)); err != nil {
			t.Fatal(err)
		}
	})
}
