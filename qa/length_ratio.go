package qa

import (
	"fmt"
	"math"
	"slices"
)

func init() {
	register(&Check{
		Code: "length-ratio", Severity: Warning, Category: Omission, Bilingual: true,
		Doc: "a bead whose English is far shorter or longer than the document's usual ratio",
		Run: checkLengthRatio,
	})
}

// The model of a document: the median and spread of ln(English length /
// Russian length) over its beads with both sides. With fewer than
// minRatioBeads beads the defaults below stand in (English runs a little
// shorter than Russian in characters).
const (
	minRatioBeads   = 8
	defaultRatioMed = -0.05
	defaultRatioMAD = 0.15
	minRatioChars   = 40 // the longer side; shorter beads vary too much to judge
	minRatioDiff    = 25 // characters between the two sides' lengths
)

// checkLengthRatio flags the beads with both sides whose length ratio is
// far from the document's: more than four robust deviations (1.4826 ×
// the median absolute deviation) and at least a factor of 1.8 from the
// median. A part of the sentence may be missing on the shorter side.
func checkLengthRatio(in *Input, r *Reporter) {
	byDoc := map[string][]int{}
	var docs []string
	for i := range in.Beads {
		b := &in.Beads[i]
		if b.Src.Empty() || b.Tgt.Empty() {
			continue
		}
		if _, ok := byDoc[b.Doc]; !ok {
			docs = append(docs, b.Doc)
		}
		byDoc[b.Doc] = append(byDoc[b.Doc], i)
	}
	for _, doc := range docs {
		idx := byDoc[doc]
		lr := make([]float64, len(idx))
		for k, i := range idx {
			lr[k] = logRatio(&in.Beads[i])
		}
		med, mad := defaultRatioMed, defaultRatioMAD
		if len(idx) >= minRatioBeads {
			med = median(lr)
			dev := make([]float64, len(lr))
			for k, x := range lr {
				dev[k] = math.Abs(x - med)
			}
			mad = max(median(dev), 0.05)
		}
		limit := max(4*1.4826*mad, math.Log(1.8))
		for k, i := range idx {
			b := &in.Beads[i]
			d := lr[k] - med
			if math.Abs(d) <= limit {
				continue
			}
			ls, lt := runeCount(b.Src.Text), runeCount(b.Tgt.Text)
			if max(ls, lt) < minRatioChars || max(ls-lt, lt-ls) < minRatioDiff {
				continue
			}
			ratio := math.Exp(lr[k])
			usual := math.Exp(med)
			if d < 0 {
				r.FlagAll(b, Tgt, fmt.Sprintf("the English is %.1f times the Russian's length, the document's usual ratio is %.2f: a part may be missing from the English", ratio, usual))
			} else {
				r.FlagAll(b, Src, fmt.Sprintf("the English is %.1f times the Russian's length, the document's usual ratio is %.2f: a part may be missing from the Russian side or added in the English", ratio, usual))
			}
		}
	}
}

func logRatio(b *Bead) float64 {
	return math.Log(float64(runeCount(b.Tgt.Text)+10) / float64(runeCount(b.Src.Text)+10))
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
