package pipeline

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestExpectedRatio(t *testing.T) {
	if r := ExpectedRatio(language.Russian, language.English); r != 1 {
		t.Errorf("ExpectedRatio(ru, en) = %g, want 1", r)
	}
	if r := ExpectedRatio(language.MustParse("ru-RU"), language.AmericanEnglish); r != 1 {
		t.Errorf("ExpectedRatio(ru-RU, en-US) = %g, want 1: regions do not matter", r)
	}
	if r := ExpectedRatio(language.Japanese, language.English); r != 0 {
		t.Errorf("ExpectedRatio(ja, en) = %g, want 0 (unknown)", r)
	}
	for _, c := range []struct {
		opt  float64
		want float64
	}{{0, 1}, {1.3, 1.3}, {-1, 0}} {
		if got := (Options{Ratio: c.opt}).ratio(language.Russian, language.English); got != c.want {
			t.Errorf("Options{Ratio: %g}.ratio(ru, en) = %g, want %g", c.opt, got, c.want)
		}
	}
}

func TestAnchoredRatio(t *testing.T) {
	var src, tgt []string
	for k := 0; k < 30; k++ {
		src = append(src, strings.Repeat("а", 40))
		tgt = append(tgt, strings.Repeat("b", 50))
	}
	// Outliers (a wrong bead) do not move the median.
	src[3], tgt[3] = "а", strings.Repeat("b", 400)
	if r := anchoredRatio(0, src, tgt); r != 1.25 {
		t.Errorf("anchoredRatio = %g, want 1.25", r)
	}
	if r := anchoredRatio(-1, src, tgt); r != -1 {
		t.Errorf("anchoredRatio kept no caller's choice: %g, want -1", r)
	}
	if r := anchoredRatio(0, src[:minRatioBeads-1], tgt[:minRatioBeads-1]); r != 0 {
		t.Errorf("anchoredRatio of %d beads = %g, want 0 (too few)", minRatioBeads-1, r)
	}
}
