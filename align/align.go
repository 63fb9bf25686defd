// Package align aligns two sequences of sentences by dynamic programming
// over beads: groups of 0 to 3 consecutive sentences of one side paired
// with 0 to 3 consecutive sentences of the other.
//
// The aligner sees only what it is given: the length of every sentence,
// optionally the paragraph each sentence belongs to, and a similarity
// callback through which callers feed lexical evidence (numbers, names,
// cognates, dictionary words). It imports no other package of the project.
//
// Align guarantees that the beads it returns cover every sentence of both
// sides exactly once and in order: concatenating the Src ranges gives
// 0..len(src) and concatenating the Tgt ranges gives 0..len(tgt).
//
// Align is safe for concurrent use; a Config must not be changed while an
// Align call uses it.
package align

import (
	"fmt"
	"math"
	"strings"
)

// Range is a half-open range [Start, End) of sentence numbers.
type Range struct {
	Start, End int
}

// Len returns the number of sentences in r.
func (r Range) Len() int { return r.End - r.Start }

// Bead is one unit of an alignment: the sentences Src of the source side
// correspond to the sentences Tgt of the target side. One side may be
// empty (an omission or an addition). Score is the aligner's confidence
// in the bead, between 0 and 1.
type Bead struct {
	Src, Tgt Range
	Score    float64
}

// Type returns the bead's shape, such as "1-1" or "2-1".
func (b Bead) Type() string {
	return fmt.Sprintf("%d-%d", b.Src.Len(), b.Tgt.Len())
}

// String formats the bead in vecalign's format: "[1,2]:[3]".
func (b Bead) String() string {
	return formatRange(b.Src) + ":" + formatRange(b.Tgt)
}

func formatRange(r Range) string {
	var sb strings.Builder
	sb.WriteByte('[')
	for i := r.Start; i < r.End; i++ {
		if i > r.Start {
			sb.WriteByte(',')
		}
		fmt.Fprint(&sb, i)
	}
	sb.WriteByte(']')
	return sb.String()
}

// Beads is an alignment.
type Beads []Bead

// String lists the shapes of the beads: "1-1 2-1 0-1".
func (bs Beads) String() string {
	parts := make([]string, len(bs))
	for i, b := range bs {
		parts[i] = b.Type()
	}
	return strings.Join(parts, " ")
}

// Config holds the optional inputs of Align. The zero value aligns by
// sentence length alone.
type Config struct {
	// SrcPara and TgtPara give the paragraph number of every sentence.
	// When both are set, beads that cross a paragraph boundary on one
	// side only cost more.
	SrcPara, TgtPara []int

	// Similarity, when set, returns how alike the source sentences src
	// and the target sentences tgt are, from 0 (no evidence) to 1
	// (certainly translations). It is called only for non-empty ranges.
	Similarity func(src, tgt Range) float64

	// LengthOnly ignores Similarity and paragraphs: the plain length
	// model of Gale and Church.
	LengthOnly bool
}

type shape struct {
	s, t  int
	prior float64 // -log of the prior probability of the shape
}

var shapes = func() []shape {
	p := []struct {
		s, t int
		p    float64
	}{
		{1, 1, 0.89}, {1, 0, 0.005}, {0, 1, 0.005}, {2, 1, 0.045}, {1, 2, 0.045},
		{2, 2, 0.011}, {3, 1, 0.003}, {1, 3, 0.003},
	}
	out := make([]shape, len(p))
	for i, x := range p {
		out[i] = shape{x.s, x.t, -math.Log(x.p)}
	}
	return out
}()

// Align aligns source sentences of lengths src with target sentences of
// lengths tgt. Lengths are in any unit, as long as both sides use the
// same (characters are usual).
func Align(src, tgt []int, cfg Config) Beads {
	n, m := len(src), len(tgt)
	ps := prefix(src)
	pt := prefix(tgt)
	ratio := 1.0
	if ps[n] > 0 && pt[m] > 0 {
		ratio = float64(pt[m]) / float64(ps[n])
	}
	const variance = 6.8
	cost := func(i, j int, sh shape) float64 {
		ls := float64(ps[i] - ps[i-sh.s])
		lt := float64(pt[j] - pt[j-sh.t])
		c := sh.prior + lengthCost(ls, lt, ratio, variance)
		if !cfg.LengthOnly && cfg.Similarity != nil && sh.s > 0 && sh.t > 0 {
			sim := cfg.Similarity(Range{i - sh.s, i}, Range{j - sh.t, j})
			c -= 4 * sim
		}
		if !cfg.LengthOnly && len(cfg.SrcPara) == n && len(cfg.TgtPara) == m {
			c += paraCost(cfg.SrcPara, i-sh.s, i, cfg.TgtPara, j-sh.t, j)
		}
		return c
	}

	band := bandFor(n, m)
	inf := math.Inf(1)
	type cell struct {
		cost float64
		sh   int8
	}
	rows := make([][]cell, n+1)
	lo := make([]int, n+1)
	for i := 0; i <= n; i++ {
		c := i * m / max(n, 1)
		lo[i] = max(0, c-band)
		hi := min(m, c+band)
		rows[i] = make([]cell, hi-lo[i]+1)
		for k := range rows[i] {
			rows[i][k] = cell{inf, -1}
		}
	}
	get := func(i, j int) float64 {
		if i < 0 || j < lo[i] || j-lo[i] >= len(rows[i]) {
			return inf
		}
		return rows[i][j-lo[i]].cost
	}
	rows[0][0] = cell{0, -1}
	for i := 0; i <= n; i++ {
		for k := range rows[i] {
			j := lo[i] + k
			if i == 0 && j == 0 {
				continue
			}
			best, bestSh := inf, -1
			for si, sh := range shapes {
				if sh.s > i || sh.t > j {
					continue
				}
				prev := get(i-sh.s, j-sh.t)
				if math.IsInf(prev, 1) {
					continue
				}
				if c := prev + cost(i, j, sh); c < best {
					best, bestSh = c, si
				}
			}
			rows[i][k] = cell{best, int8(bestSh)}
		}
	}
	var out Beads
	i, j := n, m
	for i > 0 || j > 0 {
		c := rows[i][j-lo[i]]
		if c.sh < 0 {
			panic(fmt.Sprintf("align: no path at %d,%d", i, j))
		}
		sh := shapes[c.sh]
		bc := cost(i, j, sh)
		out = append(out, Bead{
			Src:   Range{i - sh.s, i},
			Tgt:   Range{j - sh.t, j},
			Score: math.Exp(-math.Max(0, bc-shapes[0].prior) / 4),
		})
		i -= sh.s
		j -= sh.t
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

// bandFor returns the half-width of the search band around the diagonal.
func bandFor(n, m int) int {
	d := n - m
	if d < 0 {
		d = -d
	}
	return d + 50 + max(n, m)/4
}

func prefix(xs []int) []int {
	p := make([]int, len(xs)+1)
	for i, x := range xs {
		p[i+1] = p[i] + x
	}
	return p
}

// lengthCost is the Gale-Church cost of pairing lengths ls and lt: the
// negative log probability of the normalised length difference.
func lengthCost(ls, lt, ratio, variance float64) float64 {
	if ls == 0 && lt == 0 {
		return 0
	}
	mean := (ls + lt/ratio) / 2
	z := (ratio*ls - lt) / math.Sqrt(mean*variance*ratio)
	if ls == 0 || lt == 0 {
		z = math.Sqrt(mean) / 2
	}
	pd := 2 * (1 - normCDF(math.Abs(z)))
	if pd < 1e-12 {
		pd = 1e-12
	}
	return -math.Log(pd)
}

func normCDF(z float64) float64 {
	return 0.5 * math.Erfc(-z/math.Sqrt2)
}

// paraCost penalises beads that join sentences of different paragraphs on
// one side only.
func paraCost(sp []int, s0, s1 int, tp []int, t0, t1 int) float64 {
	cross := func(p []int, a, b int) bool { return b-a > 1 && p[a] != p[b-1] }
	cs, ct := cross(sp, s0, s1), cross(tp, t0, t1)
	if cs != ct {
		return 2
	}
	return 0
}
