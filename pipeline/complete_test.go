package pipeline

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/lang"
)

// TestNothingLost splits and aligns random documents and checks that the
// sentences hold every non-space character of the text, and the units
// every character of the sentences, exactly once.
func TestNothingLost(t *testing.T) {
	words := []string{"мир", "дом", "Путин", "В.В.", "т. е.", "16.05.2022", "«да».", "world", "Mr.", "U.S.", "fr om", "...", "?!", "* *", "\t", "\n", "\n\n", "15 000"}
	for seed := int64(0); seed < 200; seed++ {
		rng := rand.New(rand.NewSource(seed))
		gen := func() string {
			var sb strings.Builder
			for i := rng.Intn(60); i >= 0; i-- {
				sb.WriteString(words[rng.Intn(len(words))])
				if rng.Intn(4) == 0 {
					sb.WriteString(". ")
				} else {
					sb.WriteString(" ")
				}
			}
			return sb.String()
		}
		src := Split(corpora.NewDocument("a.txt", language.Russian, gen()), seed%2 == 0)
		tgt := Split(corpora.NewDocument("a.txt", language.English, gen()), seed%2 == 0)
		for _, d := range []*Doc{src, tgt} {
			if err := checkSplit(d); err != nil {
				t.Fatalf("seed %d: %v", seed, err)
			}
		}
		p := AlignPair("a", src, tgt, Options{})
		if err := checkComplete(p, p.Units()); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
	}
}

func TestSameInkReportsLoss(t *testing.T) {
	if err := sameInk("a b\nc", "abc"); err != nil {
		t.Errorf("same characters reported different: %v", err)
	}
	if err := sameInk("a b c", "a c"); err == nil {
		t.Error("a lost character was not reported")
	}
}

func TestSameInkMessages(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{"ab c", "a b c", ""},
		{"ab c", "a b\u00a0d", "character 3 is 'c' in the input and 'd' in the output"},
		{"a b c", "ab", "3 characters in the input, 2 in the output"},
		{" ", "x y", "0 characters in the input, 2 in the output"},
		{"", "", ""},
	} {
		got := ""
		if err := sameInk(c.a, c.b); err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("sameInk(%q, %q) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
}

// TestCheckSplitSpans checks both ways checkSplit judges: by the spans
// alone when they are ordered with white space between them, and by the
// characters otherwise.
func TestCheckSplitSpans(t *testing.T) {
	d := corpora.NewDocument("a.txt", language.English, "One. Two.\n\nOne.")
	for _, c := range []struct {
		name  string
		sents []lang.Sentence
		ok    bool
	}{
		{"ordered", []lang.Sentence{{Start: 0, End: 4}, {Start: 5, End: 9}, {Start: 11, End: 15}}, true},
		{"same characters out of order", []lang.Sentence{{Start: 11, End: 15}, {Start: 5, End: 9}, {Start: 0, End: 4}}, true},
		{"a sentence lost", []lang.Sentence{{Start: 0, End: 4}, {Start: 11, End: 15}}, false},
		{"a sentence twice", []lang.Sentence{{Start: 0, End: 4}, {Start: 0, End: 4}, {Start: 5, End: 9}, {Start: 11, End: 15}}, false},
		{"a character between", []lang.Sentence{{Start: 0, End: 3}, {Start: 5, End: 9}, {Start: 11, End: 15}}, false},
	} {
		err := checkSplit(&Doc{Document: d, Sentences: c.sents})
		if (err == nil) != c.ok {
			t.Errorf("%s: checkSplit = %v, want ok %v", c.name, err, c.ok)
		}
	}
}

// ink returns the characters of s that are not white space.
func ink(s string) []rune {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if !unicode.IsSpace(r) {
			out = append(out, r)
		}
	}
	return out
}

// sameInk reports where a and b first differ once white space is removed.
func sameInk(a, b string) error {
	return sameInkOf(&inkScanner{parts: func(int) string { return a }, n: 1},
		&inkScanner{parts: func(int) string { return b }, n: 1})
}
