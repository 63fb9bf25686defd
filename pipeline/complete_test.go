package pipeline

import (
	"math/rand"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
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
