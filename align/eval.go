package align

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// ParseBead parses one bead in vecalign's format, such as "[1,2]:[3]" or
// "[4]:[]", optionally followed by a tab and the bead's score. The
// sentence numbers of each side must be consecutive and increasing.
func ParseBead(s string) (Bead, error) {
	s, rest, hasScore := strings.Cut(s, "\t")
	var score float64
	if hasScore {
		f := strings.Fields(rest)
		if len(f) > 0 {
			v, err := strconv.ParseFloat(f[0], 64)
			if err != nil || v < 0 || v > 1 {
				return Bead{}, fmt.Errorf("align: bead %q: score %q is not a number in [0, 1]", s, f[0])
			}
			score = v
		}
	}
	l, r, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok {
		return Bead{}, fmt.Errorf("align: bead %q: want two lists joined by a colon, such as [1,2]:[3]", s)
	}
	src, err := parseList(l)
	if err != nil {
		return Bead{}, fmt.Errorf("align: bead %q: %v", s, err)
	}
	tgt, err := parseList(r)
	if err != nil {
		return Bead{}, fmt.Errorf("align: bead %q: %v", s, err)
	}
	return Bead{Src: src, Tgt: tgt, Score: score}, nil
}

func parseList(s string) (Range, error) {
	s = strings.TrimSpace(s)
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' {
		return Range{}, fmt.Errorf("%q is not a bracketed list", s)
	}
	body := strings.TrimSpace(s[1 : len(s)-1])
	if body == "" {
		return Range{}, nil
	}
	var r Range
	for k, f := range strings.Split(body, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 || n > 1<<40 {
			return Range{}, fmt.Errorf("%q is not a sentence number", f)
		}
		if k == 0 {
			r = Range{n, n + 1}
			continue
		}
		if n != r.End {
			return Range{}, fmt.Errorf("sentence numbers must be consecutive: %d after %d", n, r.End-1)
		}
		r.End++
	}
	return r, nil
}

// ReadBeads reads an alignment in vecalign's format, one bead a line;
// blank lines are skipped. Errors name the line (name is the file name
// to show).
func ReadBeads(r io.Reader, name string) (Beads, error) {
	var out Beads
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		b, err := ParseBead(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		out = append(out, b)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("align: %s: %v", name, err)
	}
	return out, nil
}

// Counts are the tallies of comparing a predicted alignment with a gold
// one, with the definitions of vecalign's scorer:
//
//   - precision is over all predicted beads, including 1-0 and 0-1;
//   - recall is over the gold beads whose two sides are not empty;
//   - a bead is strictly right when it equals a gold bead, laxly right
//     when it overlaps one on both sides.
//
// A gold bead with two or more sentences on both sides is coarse: it says
// that two groups correspond, not how their sentences do. It is scored
// leniently: it is found (strictly and laxly) when no predicted bead links
// one of its sentences to a sentence outside it, and a predicted bead
// that lies inside it is right.
type Counts struct {
	Pred         int    // predicted beads
	PredStrict   int    // of which strictly right
	PredLax      int    // of which laxly right
	Gold         int    // gold beads with both sides non-empty
	GoldStrict   int    // of which found strictly
	GoldLax      int    // of which found laxly
	Sentences    int    // sentences of both sides
	PredDetailed []bool // for every predicted bead, whether it is strictly right (Score only)
}

// Add returns the sum of c and d (without details).
func (c Counts) Add(d Counts) Counts {
	return Counts{
		Pred: c.Pred + d.Pred, PredStrict: c.PredStrict + d.PredStrict, PredLax: c.PredLax + d.PredLax,
		Gold: c.Gold + d.Gold, GoldStrict: c.GoldStrict + d.GoldStrict, GoldLax: c.GoldLax + d.GoldLax,
		Sentences: c.Sentences + d.Sentences,
	}
}

// PRF is precision, recall and their harmonic mean.
type PRF struct{ P, R, F1 float64 }

func prf(tp, pred, found, gold int) PRF {
	var x PRF
	if pred > 0 {
		x.P = float64(tp) / float64(pred)
	}
	if gold > 0 {
		x.R = float64(found) / float64(gold)
	}
	if x.P+x.R > 0 {
		x.F1 = 2 * x.P * x.R / (x.P + x.R)
	}
	return x
}

// Strict returns strict precision, recall and F1.
func (c Counts) Strict() PRF { return prf(c.PredStrict, c.Pred, c.GoldStrict, c.Gold) }

// Lax returns lax precision, recall and F1.
func (c Counts) Lax() PRF { return prf(c.PredLax, c.Pred, c.GoldLax, c.Gold) }

// Score compares pred with gold. Both must cover the same sentences. The
// returned PredDetailed holds, for every predicted bead, whether it is
// strictly right.
func Score(gold, pred Beads) Counts {
	c := Counts{Pred: len(pred), PredDetailed: make([]bool, len(pred))}
	exact := make(map[[4]int]bool, len(gold))
	for _, g := range gold {
		exact[key(g)] = true
		c.Sentences += g.Src.Len() + g.Tgt.Len()
	}
	// gi finds the gold bead holding source (or target) sentence k.
	srcOf := owners(gold, func(b Bead) Range { return b.Src })
	tgtOf := owners(gold, func(b Bead) Range { return b.Tgt })
	// A coarse gold bead is broken when a predicted bead links one of its
	// sentences with a sentence outside it.
	broken := make([]bool, len(gold))
	for k, p := range pred {
		inside := -1 // the coarse gold bead p lies in, if any
		for _, g := range touched(p, srcOf, tgtOf) {
			if coarse(gold[g]) && within(p, gold[g]) {
				inside = g
				continue
			}
			if coarse(gold[g]) {
				broken[g] = true
			}
		}
		switch {
		case inside >= 0 && len(touched(p, srcOf, tgtOf)) == 1:
			c.PredStrict++
			c.PredLax++
			c.PredDetailed[k] = true
		case exact[key(p)]:
			c.PredStrict++
			c.PredLax++
			c.PredDetailed[k] = true
		case p.Src.Len() > 0 && p.Tgt.Len() > 0 && overlapsGold(p, gold, srcOf):
			c.PredLax++
		}
	}
	predExact := make(map[[4]int]bool, len(pred))
	for _, p := range pred {
		predExact[key(p)] = true
	}
	predSrc := owners(pred, func(b Bead) Range { return b.Src })
	for g, b := range gold {
		if b.Src.Len() == 0 || b.Tgt.Len() == 0 {
			continue
		}
		c.Gold++
		switch {
		case coarse(b):
			if !broken[g] {
				c.GoldStrict++
				c.GoldLax++
			}
		case predExact[key(b)]:
			c.GoldStrict++
			c.GoldLax++
		case overlapsGold(b, pred, predSrc):
			c.GoldLax++
		}
	}
	return c
}

// key identifies a bead by the sentences it holds, as the lists of the
// vecalign format do: an empty side is the empty list wherever it stands,
// so a predicted [5]:[] equals the gold [5]:[].
func key(b Bead) [4]int {
	k := [4]int{b.Src.Start, b.Src.End, b.Tgt.Start, b.Tgt.End}
	if b.Src.Len() == 0 {
		k[0], k[1] = 0, 0
	}
	if b.Tgt.Len() == 0 {
		k[2], k[3] = 0, 0
	}
	return k
}

func coarse(b Bead) bool { return b.Src.Len() >= 2 && b.Tgt.Len() >= 2 }

// within reports whether p's sentences all lie inside g.
func within(p, g Bead) bool {
	in := func(a, b Range) bool { return a.Len() == 0 || (a.Start >= b.Start && a.End <= b.End) }
	return in(p.Src, g.Src) && in(p.Tgt, g.Tgt)
}

// owners maps every sentence number to the index of the bead holding it.
func owners(bs Beads, side func(Bead) Range) map[int]int {
	m := map[int]int{}
	for k, b := range bs {
		r := side(b)
		for i := r.Start; i < r.End; i++ {
			m[i] = k
		}
	}
	return m
}

// touched returns the gold beads holding a sentence of p, in order.
func touched(p Bead, srcOf, tgtOf map[int]int) []int {
	var out []int
	add := func(g int) {
		for _, x := range out {
			if x == g {
				return
			}
		}
		out = append(out, g)
	}
	for i := p.Src.Start; i < p.Src.End; i++ {
		if g, ok := srcOf[i]; ok {
			add(g)
		}
	}
	for j := p.Tgt.Start; j < p.Tgt.End; j++ {
		if g, ok := tgtOf[j]; ok {
			add(g)
		}
	}
	sort.Ints(out)
	return out
}

// overlapsGold reports whether some bead of others overlaps b on both
// sides.
func overlapsGold(b Bead, others Beads, srcOf map[int]int) bool {
	for i := b.Src.Start; i < b.Src.End; i++ {
		g, ok := srcOf[i]
		if !ok {
			continue
		}
		o := others[g].Tgt
		if o.Start < b.Tgt.End && b.Tgt.Start < o.End {
			return true
		}
	}
	return false
}

// TopPrecision returns the strict precision of the share frac (0..1) of
// beads with the highest scores; right[k] says whether bead k is right.
// Ties are broken by position, so the result is deterministic.
func TopPrecision(scores []float64, right []bool, frac float64) float64 {
	idx := make([]int, len(scores))
	for k := range idx {
		idx[k] = k
	}
	sort.SliceStable(idx, func(a, b int) bool { return scores[idx[a]] > scores[idx[b]] })
	n := int(float64(len(idx))*frac + 0.5)
	if n == 0 {
		return 0
	}
	ok := 0
	for _, k := range idx[:n] {
		if right[k] {
			ok++
		}
	}
	return float64(ok) / float64(n)
}
