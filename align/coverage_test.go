package align

import (
	"fmt"
	"math"
	"math/rand"
	"testing"
)

func TestCoverage(t *testing.T) {
	for _, c := range []struct {
		src, tgt int
		r        float64
		cs, ct   float64
	}{
		{100, 100, 1, 1, 1},
		{100, 150, 1, 1, 1}, // within the slack: a free translation
		{100, 70, 1, 1, 1},  // within the slack the other way
		{100, 60, 1, 0.6, 1},
		{100, 400, 1, 1, 0.25},
		{400, 100, 1, 0.25, 1},
		{100, 800, 2, 1, 0.25},
		{100, 400, 0, 1, 1}, // no expected ratio: the totals are the ratio
		{0, 400, 1, 1, 1},
		{100, 0, 1, 1, 1},
	} {
		cs, ct := Coverage(c.src, c.tgt, c.r)
		if math.Abs(cs-c.cs) > 1e-9 || math.Abs(ct-c.ct) > 1e-9 {
			t.Errorf("Coverage(%d, %d, %g) = %g, %g; want %g, %g", c.src, c.tgt, c.r, cs, ct, c.cs, c.ct)
		}
		if cs < 1 && ct < 1 {
			t.Errorf("Coverage(%d, %d, %g): both sides partial", c.src, c.tgt, c.r)
		}
	}
}

func TestWithPrior(t *testing.T) {
	in := DefaultShapes()
	sum := func(ss []Shape) float64 {
		s := 0.0
		for _, x := range ss {
			s += x.Prob
		}
		return s
	}
	out := withPrior(in, 0, 1, 0.6)
	if out[0] != (Shape{0, 1, 0.6 * sum(in)}) {
		t.Errorf("withPrior: first shape %+v, want 0-1 with 0.6 of the mass", out[0])
	}
	if len(out) != len(in) || math.Abs(sum(out)-sum(in)) > 1e-9 {
		t.Errorf("withPrior: %d shapes summing to %g, want %d summing to %g", len(out), sum(out), len(in), sum(in))
	}
	// The other shapes keep their proportions.
	if r0, r1 := in[0].Prob/in[3].Prob, out[1].Prob/out[4].Prob; math.Abs(r0-r1) > 1e-9 {
		t.Errorf("withPrior changed the proportion of 1-1 to 2-1 beads: %g, was %g", r1, r0)
	}
	// A prior already above p is kept.
	if got := withPrior(in, 1, 1, 0.5); &got[0] != &in[0] {
		t.Error("withPrior lowered a prior")
	}
}

// partialPair makes a source document that quotes passages of a target
// document: the target has m sentences, the source translates the
// passages (first, length) in order, one paragraph each. sim gives a
// little lexical evidence for the true pairs and against the others, as
// names and numbers do.
func partialPair(r *rand.Rand, m int, passages [][2]int) (src, tgt, para []int, want Beads, sim func(Range, Range) float64) {
	for j := 0; j < m; j++ {
		tgt = append(tgt, 20+r.Intn(180))
	}
	owner := map[int]int{} // source sentence -> target sentence
	j := 0
	for p, ps := range passages {
		for ; j < ps[0]; j++ {
			want = append(want, Bead{Src: Range{len(src), len(src)}, Tgt: Range{j, j + 1}})
		}
		for ; j < ps[0]+ps[1]; j++ {
			owner[len(src)] = j
			want = append(want, Bead{Src: Range{len(src), len(src) + 1}, Tgt: Range{j, j + 1}})
			src = append(src, int(float64(tgt[j])*(0.85+0.3*r.Float64())))
			para = append(para, p)
		}
	}
	for ; j < m; j++ {
		want = append(want, Bead{Src: Range{len(src), len(src)}, Tgt: Range{j, j + 1}})
	}
	sim = func(s, t Range) float64 {
		v := 0.0
		for i := s.Start; i < s.End; i++ {
			if o := owner[i]; o >= t.Start && o < t.End {
				v += 2
			} else {
				v -= 1
			}
		}
		return v
	}
	return src, tgt, para, want, sim
}

func TestAlignPartial(t *testing.T) {
	for seed := int64(1); seed <= 5; seed++ {
		r := rand.New(rand.NewSource(seed))
		src, tgt, para, want, sim := partialPair(r, 120, [][2]int{{10, 6}, {40, 3}, {70, 8}, {100, 4}})
		cfg := Config{Similarity: sim, SrcPara: para, TgtPara: make([]int, len(tgt)), Ratio: 1}
		for j := range cfg.TgtPara {
			cfg.TgtPara[j] = j / 5
		}
		got := Align(src, tgt, cfg)
		if err := checkBeads(got, len(src), len(tgt)); err != nil {
			t.Fatal(err)
		}
		right := 0
		for k := range got {
			if k < len(want) && got[k].Src == want[k].Src && got[k].Tgt == want[k].Tgt {
				right++
			}
		}
		if right != len(want) || len(got) != len(want) {
			t.Errorf("seed %d: %d of %d beads right: %v", seed, right, len(want), got)
		}
		// Without the expected ratio, the totals make the target look
		// like a translation five times as wordy, and the source
		// sentences swallow the target's.
		old := Align(src, tgt, Config{Similarity: sim, SrcPara: cfg.SrcPara, TgtPara: cfg.TgtPara})
		wide := 0
		for _, b := range old {
			if b.Src.Len() > 0 && b.Tgt.Len() > 1 {
				wide++
			}
		}
		if wide == 0 {
			t.Errorf("seed %d: without Ratio, no wide bead: the test no longer shows the problem", seed)
		}
	}
}

func TestAlignPartialSource(t *testing.T) {
	// The mirror case: the source is the full text, the target quotes.
	r := rand.New(rand.NewSource(9))
	part, full, para, want, sim := partialPair(r, 90, [][2]int{{5, 5}, {50, 6}})
	cfg := Config{
		Similarity: func(s, t Range) float64 { return sim(t, s) },
		TgtPara:    para, SrcPara: make([]int, len(full)), Ratio: 1,
	}
	got := Align(full, part, cfg)
	if err := checkBeads(got, len(full), len(part)); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("got %d beads, want %d: %v", len(got), len(want), got)
	}
	for k := range got {
		if got[k].Src != want[k].Tgt || got[k].Tgt != want[k].Src {
			t.Fatalf("bead %d is %v, want %v", k, got[k], Bead{Src: want[k].Tgt, Tgt: want[k].Src})
		}
	}
}

func ExampleCoverage() {
	// Quotations of 1,200 characters against a 4,000-character speech,
	// in languages whose translations are about as long as the original.
	src, tgt := Coverage(1200, 4000, 1)
	fmt.Printf("source covered %.2f, target covered %.2f\n", src, tgt)
	// A complete translation that is a little wordier.
	src, tgt = Coverage(1200, 1500, 1)
	fmt.Printf("source covered %.2f, target covered %.2f\n", src, tgt)
	// Output:
	// source covered 1.00, target covered 0.30
	// source covered 1.00, target covered 1.00
}
