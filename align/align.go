// Package align aligns two sequences of sentences by dynamic programming
// over beads: groups of 0 to 3 consecutive sentences of one side paired
// with 0 to 3 consecutive sentences of the other.
//
// The aligner sees only what it is given: the length of every sentence,
// optionally the paragraph each sentence belongs to, and a similarity
// callback through which callers feed lexical evidence (numbers, names,
// cognates, dictionary words). It imports no other package of the project.
//
// The model is probabilistic. The cost of a bead is its negative log
// probability: the prior of its shape, the length model of Gale and
// Church (with the length ratio estimated from the two documents), a
// paragraph term, minus the lexical evidence (a log-likelihood ratio)
// that Config.Similarity returns. The best path minimises the sum.
//
// Documents that hold different amounts of content (quotations or an
// abridged translation against the full text) are recognised by their
// lengths when the caller gives the expected length ratio
// (Config.Ratio, see Coverage): the length model then uses that ratio,
// and the surplus sentences of the longer side are expected, between
// the paragraphs of the shorter side, as unmatched beads.
//
// Long documents are aligned coarse to fine: blocks of sentences are
// aligned first (by length), and the sentence-level search runs only in a
// band around the block path, moved once where the best path runs along
// its edge; time and memory grow linearly with the length of the
// documents, not with the product of their lengths.
//
// The score of a bead is its posterior probability under the model,
// computed by the forward-backward algorithm over the band.
//
// Align guarantees that the beads it returns cover every sentence of both
// sides exactly once and in order: concatenating the Src ranges gives
// 0..len(src) and concatenating the Tgt ranges gives 0..len(tgt); no bead
// is empty on both sides. Every Score is in [0, 1].
//
// Align is safe for concurrent use; a Config must not be changed while an
// Align call uses it.
package align

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync"
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
// in the bead, between 0 and 1: the posterior probability, under the
// model, that the bead belongs to the true alignment.
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
	// When both are set and informative (some paragraph holds two
	// sentences), beads that cross a paragraph boundary on one side only
	// cost more.
	SrcPara, TgtPara []int

	// Similarity, when set, returns the lexical evidence that the source
	// sentences src and the target sentences tgt translate each other:
	// a log-likelihood ratio in nats (log P(evidence | translations) -
	// log P(evidence | unrelated)); 0 means no evidence either way,
	// negative values are evidence against. It is called only for
	// non-empty ranges of at most 4 sentences a side, from several
	// goroutines at once: it must be safe for concurrent use.
	Similarity func(src, tgt Range) float64

	// LengthOnly ignores Similarity and paragraphs: the plain length
	// model of Gale and Church.
	LengthOnly bool

	// Guide, when it is an alignment of the same two documents (an
	// earlier pass), replaces the full search of a short document and
	// the coarse levels of a long one: the search starts in a band
	// around it, and moves where the best path runs along its edge.
	Guide Beads

	// Shapes are the bead shapes allowed and their priors; nil means
	// DefaultShapes. At most 4 sentences a side; 1-0 and 0-1 are always
	// allowed.
	Shapes []Shape

	// Ratio is the expected ratio of target to source length in a
	// translation (in the unit of the lengths: about 1 for Russian and
	// English in characters); 0 means unknown, and the ratio is that of
	// the two documents' totals. When the totals depart from Ratio by
	// more than a factor of CoverageSlack, the documents do not hold the
	// same content (quotations or an abridged translation against the
	// full text): see Coverage.
	Ratio float64
}

// CoverageSlack is how far the ratio of two documents' lengths may
// depart from Config.Ratio before Align takes them for partial: the
// document ratios of complete Russian-English translations of align-dev
// lie within a factor of 1.35 of their median.
const CoverageSlack = 1.6

// Coverage describes how the lengths of two documents compare with the
// expected ratio r: the share of the target (Tgt) and of the source
// (Src) that the other side covers, 1 when it covers all of it. At most
// one of them is below 1, and only when the totals depart from r by
// more than CoverageSlack; with r <= 0 or an empty side both are 1.
//
// Align uses it so: the length model takes r rather than the totals'
// ratio; the surplus sentences of the longer side are expected in the
// gaps between the paragraphs of the shorter side (between its sentences
// when its paragraphs say nothing), so at a gap the prior of the beads
// that leave a sentence of the longer side unmatched (0-1 when the
// target is longer) is raised to u/(u+gaps), u the expected number of
// surplus sentences, while inside a paragraph every shape keeps its
// prior; and those beads cost their prior alone, since an unmatched
// sentence's length says nothing about a counterpart.
func Coverage(srcTotal, tgtTotal int, r float64) (src, tgt float64) {
	if r <= 0 || srcTotal <= 0 || tgtTotal <= 0 {
		return 1, 1
	}
	d := float64(tgtTotal) / float64(srcTotal)
	switch {
	case d > r*CoverageSlack:
		return 1, r / d
	case d < r/CoverageSlack:
		return d / r, 1
	}
	return 1, 1
}

// Shape is a bead shape, Src sentences against Tgt, with its prior
// probability.
type Shape struct {
	Src, Tgt int
	Prob     float64
}

// maxShapes bounds len(Config.Shapes).
const maxShapes = 16

// DefaultShapes returns the shapes Align uses when Config.Shapes is nil,
// with priors in the manner of Gale and Church, widened to 2-2, 3-1 and
// 4-1 beads.
func DefaultShapes() []Shape {
	return []Shape{
		{1, 1, 0.89}, {1, 0, 0.005}, {0, 1, 0.005}, {2, 1, 0.045}, {1, 2, 0.045},
		{2, 2, 0.011}, {3, 1, 0.003}, {1, 3, 0.003}, {4, 1, 0.001}, {1, 4, 0.001},
	}
}

// EstimateShapes re-estimates the priors of DefaultShapes from an
// alignment of the same document (a first pass): the share of every
// shape among the beads, smoothed towards the default priors as if they
// had been seen in weight beads. Shapes not among the defaults are
// ignored.
func EstimateShapes(bs Beads, weight float64) []Shape {
	out := DefaultShapes()
	count := make([]float64, len(out))
	total := 0.0
	for _, b := range bs {
		for k, sh := range out {
			if sh.Src == b.Src.Len() && sh.Tgt == b.Tgt.Len() {
				count[k]++
				total++
			}
		}
	}
	for k := range out {
		out[k].Prob = (count[k] + weight*out[k].Prob) / (total + weight)
	}
	return out
}

type shape struct {
	s, t  int
	prior float64 // -log of the prior probability of the shape
	// inner is the prior cost of a bead that starts inside a paragraph
	// of the shorter side of partial documents (see Coverage): that of
	// the shapes before Coverage changed them. Otherwise it is prior.
	inner float64
}

// compile checks the shapes of a Config and turns them into costs. The
// 1-0 and 0-1 shapes are always kept, so that every pair of documents has
// a path; shapes with more than 4 sentences a side or a probability that
// is not positive are dropped.
func compile(in []Shape) []shape {
	if in == nil {
		in = DefaultShapes()
	}
	var out []shape
	has := map[[2]int]bool{}
	for _, x := range in {
		if x.Src < 0 || x.Tgt < 0 || x.Src > 4 || x.Tgt > 4 || x.Src+x.Tgt == 0 || !(x.Prob > 0) ||
			has[[2]int{x.Src, x.Tgt}] || len(out) == maxShapes-2 {
			continue
		}
		has[[2]int{x.Src, x.Tgt}] = true
		out = append(out, shape{x.Src, x.Tgt, -math.Log(x.Prob), -math.Log(x.Prob)})
	}
	for _, st := range [][2]int{{1, 0}, {0, 1}} {
		if !has[st] {
			out = append(out, shape{st[0], st[1], -math.Log(1e-4), -math.Log(1e-4)})
		}
	}
	return out
}

// variance is Gale and Church's variance of the length difference per
// unit of length.
const variance = 6.8

// maxCells bounds the search at one level: a problem with more cells
// than this is first solved on blocks of sentences.
const maxCells = 50_000

// maxCellsPartial bounds the search at one level for partial documents
// (Coverage): their passages lie anywhere along the longer side, where
// blocks aligned by length alone cannot find them, so the search covers
// every cell up to this size.
const maxCellsPartial = 2_000_000

// blockSize is how many units of one level make a unit of the coarser
// level.
const blockSize = 4

// model holds what the cost of a bead depends on.
type model struct {
	cfg       Config
	ps, pt    []int // prefix sums of lengths
	ratio     float64
	para      bool
	lexicalOK bool
	shapes    []shape
	wide      float64   // weight of the wide component of the length model
	lengths   costTable // the length cost tabulated for wide; nil for none
	maxCells  int64     // the largest problem searched whole
	// spareSrc and spareTgt: that side is longer than the other covers
	// (Coverage); its unmatched sentences cost their prior alone.
	spareSrc, spareTgt bool
	// insidePara are the paragraphs of the shorter side when it is
	// partial and they are informative: a paragraph of quotations is one
	// passage, so the beads that start inside it, and the longer side's
	// sentences left out there, keep the priors they would have in
	// complete documents (shape.inner); between paragraphs the priors
	// are those that Coverage raised.
	insidePara []int
}

// priorOf returns the prior cost of shape s-t among shapes.
func priorOf(shapes []shape, s, t int) float64 {
	for _, sh := range shapes {
		if sh.s == s && sh.t == t {
			return sh.prior
		}
	}
	return -math.Log(1e-4)
}

// withPrior returns shapes with the prior of shape s-t raised to at
// least p (0 < p < 1), the other priors scaled so that the sum is kept.
func withPrior(shapes []Shape, s, t int, p float64) []Shape {
	if !(p > 0 && p < 1) {
		return shapes
	}
	// The shape comes first, so that compile keeps it whatever else.
	out := make([]Shape, 1, len(shapes)+1)
	total, old := 0.0, 0.0
	for _, sh := range shapes {
		if sh.Prob > 0 {
			total += sh.Prob
		}
		if sh.Src == s && sh.Tgt == t && sh.Prob > old {
			old = sh.Prob
		}
	}
	if total <= 0 || old/total >= p {
		return shapes
	}
	// The others share total*(1-p) in proportion to their priors.
	scale := (1 - p) * total / (total - old)
	for _, sh := range shapes {
		if sh.Src == s && sh.Tgt == t {
			continue
		}
		sh.Prob *= scale
		out = append(out, sh)
	}
	out[0] = Shape{s, t, p * total}
	return out
}

// Align aligns source sentences of lengths src with target sentences of
// lengths tgt. Lengths are in any unit, as long as both sides use the
// same (characters are usual). Negative lengths count as 0.
func Align(src, tgt []int, cfg Config) Beads {
	n, m := len(src), len(tgt)
	md := &model{cfg: cfg, ps: prefix(src), pt: prefix(tgt), ratio: 1, maxCells: maxCells}
	if md.ps[n] > 0 && md.pt[m] > 0 {
		md.ratio = float64(md.pt[m]) / float64(md.ps[n])
	}
	shapes := cfg.Shapes
	if shapes == nil {
		shapes = DefaultShapes()
	}
	if cs, ct := Coverage(md.ps[n], md.pt[m], cfg.Ratio); cs < 1 || ct < 1 {
		md.ratio = cfg.Ratio
		md.maxCells = maxCellsPartial
		// u sentences of the longer side are expected unmatched, in
		// the gaps between the passages of the shorter side: its
		// paragraphs when they are informative, else its sentences.
		// With gap lengths geometric of mean u/gaps, a gap goes on
		// with probability u/(u+gaps): the prior of the unmatched
		// shape at a gap.
		short, surplus, sh := n, (1-ct)*float64(m), [2]int{0, 1}
		md.spareTgt, md.insidePara = true, cfg.SrcPara
		if cs < 1 {
			short, surplus, sh = m, (1-cs)*float64(n), [2]int{1, 0}
			md.spareTgt, md.spareSrc, md.insidePara = false, true, cfg.TgtPara
		}
		if cfg.LengthOnly || len(md.insidePara) != short || !informative(md.insidePara) {
			md.insidePara = nil
		}
		gaps := short + 1
		if p := md.insidePara; p != nil {
			gaps = 2 // before the first paragraph and after the last
			for k := 1; k < len(p); k++ {
				if p[k-1] != p[k] {
					gaps++
				}
			}
		}
		md.shapes = compile(withPrior(shapes, sh[0], sh[1], surplus/(surplus+float64(gaps))))
		orig := compile(shapes)
		for k := range md.shapes {
			md.shapes[k].inner = priorOf(orig, md.shapes[k].s, md.shapes[k].t)
		}
	}
	if md.shapes == nil {
		md.shapes = compile(shapes)
	}
	md.lexicalOK = !cfg.LengthOnly && cfg.Similarity != nil
	if !cfg.LengthOnly {
		md.wide = wideShare
	}
	md.lengths = lengthTable(md.wide)

	md.para = !cfg.LengthOnly && len(cfg.SrcPara) == n && len(cfg.TgtPara) == m &&
		informative(cfg.SrcPara) && informative(cfg.TgtPara)
	if n == 0 && m == 0 {
		return nil
	}
	su, tu := identity(n), identity(m)
	var lo, hi []int
	if path := guidePath(cfg.Guide, n, m); path != nil {
		lo, hi = around(path, 1, n, m, guideMargin)
	} else {
		lo, hi = md.region(su, tu, 0)
	}
	// Search the band; where the best path runs along its edge, the band
	// was too narrow there: search again around that path.
	var prev *grid
	for iter := 0; ; iter++ {
		g := md.search(su, tu, lo, hi, true, prev)
		if iter == maxRecenter || !g.onEdge() {
			g.backward()
			return g.beads()
		}
		lo, hi = around(g.path, 1, n, m, margin)
		prev = g.costsOnly()
	}
}

// guidePath returns the path of unit positions of beads, from the end
// back to the start as search makes them, or nil when the beads do not
// cover n source and m target sentences in order.
func guidePath(bs Beads, n, m int) [][2]int {
	if len(bs) == 0 {
		return nil
	}
	path := make([][2]int, 0, len(bs)+1)
	path = append(path, [2]int{0, 0})
	i, j := 0, 0
	for _, b := range bs {
		if b.Src.Start != i || b.Tgt.Start != j || b.Src.End < i || b.Tgt.End < j {
			return nil
		}
		i, j = b.Src.End, b.Tgt.End
		path = append(path, [2]int{i, j})
	}
	if i != n || j != m {
		return nil
	}
	for a, b := 0, len(path)-1; a < b; a, b = a+1, b-1 {
		path[a], path[b] = path[b], path[a]
	}
	return path
}

// margin is the half-width, in sentences, of the band around a path.
const margin = 8

// guideMargin is the half-width of the band around Config.Guide, which
// is closer to the answer than a coarse path.
const guideMargin = 4

// maxRecenter bounds how many times the band moves.
const maxRecenter = 1

// region returns the search region (for every unit position i of the
// source, the target positions lo[i]..hi[i]) of the problem with unit
// boundaries su and tu, solving it coarsely first when it is big.
func (md *model) region(su, tu []int, depth int) (lo, hi []int) {
	n, m := len(su)-1, len(tu)-1
	if int64(n+1)*int64(m+1) <= md.maxCells || n <= 1 || m <= 1 || depth > 20 {
		lo, hi = make([]int, n+1), make([]int, n+1)
		for i := range hi {
			hi[i] = m
		}
		return lo, hi
	}
	cs, ct := coarsen(su), coarsen(tu)
	clo, chi := md.region(cs, ct, depth+1)
	var prev *grid
	for iter := 0; ; iter++ {
		g := md.search(cs, ct, clo, chi, false, prev)
		if iter == maxRecenter || !g.onEdge() {
			return around(g.path, blockSize, n, m, margin)
		}
		clo, chi = around(g.path, 1, len(cs)-1, len(ct)-1, margin)
		prev = g.costsOnly()
	}
}

// around returns the band of half-width margin around path (unit
// positions of a coarser level, scale units of this level each), in a
// problem of n by m units: the union of the rectangles of the path's
// beads, widened. Every row is one interval, both ends never decrease
// from row to row, and consecutive rows overlap, so a path of 1-0 and
// 0-1 steps always exists from (0,0) to (n,m).
func around(path [][2]int, scale, n, m, margin int) (lo, hi []int) {
	lo, hi = make([]int, n+1), make([]int, n+1)
	for i := range lo {
		lo[i], hi[i] = m, 0
	}
	for k := len(path) - 1; k > 0; k-- {
		a, b := path[k], path[k-1] // a before b
		i0, i1 := min(a[0]*scale, n), min(b[0]*scale, n)
		j0, j1 := min(a[1]*scale, m), min(b[1]*scale, m)
		for i := i0; i <= i1; i++ {
			lo[i] = min(lo[i], j0)
			hi[i] = max(hi[i], j1)
		}
	}
	wlo, whi := make([]int, n+1), make([]int, n+1)
	for i := range lo {
		a, b := max(0, i-margin), min(n, i+margin)
		wlo[i] = max(0, lo[a]-margin)
		whi[i] = min(m, hi[b]+margin)
	}
	wlo[0], whi[n] = 0, m
	return wlo, whi
}

// onEdge reports whether the best path runs along the edge of the band
// where the band could be wider.
func (g *grid) onEdge() bool {
	m := len(g.tu) - 1
	for _, p := range g.path {
		i, j := p[0], p[1]
		if (j == g.lo[i] && j > 0) || (j == g.hi[i] && j < m) {
			return true
		}
	}
	return false
}

// coarsen groups the units with boundaries u into blocks of blockSize.
func coarsen(u []int) []int {
	n := len(u) - 1
	out := make([]int, 0, n/blockSize+2)
	for i := 0; i < n; i += blockSize {
		out = append(out, u[i])
	}
	return append(out, u[n])
}

func identity(n int) []int {
	u := make([]int, n+1)
	for i := range u {
		u[i] = i
	}
	return u
}

// prior returns the prior cost of a bead of shape sh that starts at
// sentences s0 and t0.
func (md *model) prior(sh *shape, s0, t0 int) float64 {
	if md.insidePara == nil {
		return sh.prior
	}
	k := s0 // the position of the bead on the shorter side
	if md.spareSrc {
		k = t0
	}
	if k > 0 && k < len(md.insidePara) && md.insidePara[k-1] == md.insidePara[k] {
		return sh.inner
	}
	return sh.prior
}

// cost is the cost of the bead pairing sentences [s0,s1) with [t0,t1)
// with a shape of prior cost prior; lexical evidence counts when lex is
// set.
func (md *model) cost(s0, s1, t0, t1 int, prior float64, lex bool) float64 {
	ls := float64(md.ps[s1] - md.ps[s0])
	lt := float64(md.pt[t1] - md.pt[t0])
	if (s1 == s0 && md.spareTgt) || (t1 == t0 && md.spareSrc) {
		return prior
	}
	c := prior + md.lengthCost(ls, lt)
	if s1 > s0 && t1 > t0 {
		if lex && md.lexicalOK {
			c -= md.cfg.Similarity(Range{s0, s1}, Range{t0, t1})
		}
		if md.para {
			c += paraCost(md.cfg.SrcPara, s0, s1, md.cfg.TgtPara, t0, t1)
		}
	}
	return c
}

// grid is the result of a search: for every cell of the region, the
// best cost, the shape that reached it and (at the finest level) the
// soft-min cost of all paths reaching it.
type grid struct {
	md       *model
	su, tu   []int
	lo, hi   []int
	off      []int // offset of row i in the flat arrays
	best     []float64
	from     []int8
	fwd, bwd []float64
	costs    []float32 // at the finest level, the cost of every shape into every cell
	path     [][2]int  // unit positions from (n,m) back to (0,0)
}

// costsOnly returns g with what a later search of the same level reads
// (the region and the costs) and without the rest, which the collector
// may take.
func (g *grid) costsOnly() *grid {
	return &grid{md: g.md, su: g.su, tu: g.tu, lo: g.lo, hi: g.hi, off: g.off, costs: g.costs}
}

func (g *grid) at(i, j int) int {
	if i < 0 || j < g.lo[i] || j > g.hi[i] {
		return -1
	}
	return g.off[i] + j - g.lo[i]
}

// search runs the dynamic programme over the region; with posterior it
// also computes forward and backward soft-min costs for the scores.
func (md *model) search(su, tu []int, lo, hi []int, posterior bool, prev *grid) *grid {
	n, m := len(su)-1, len(tu)-1
	shapes := md.shapes
	g := &grid{md: md, su: su, tu: tu, lo: lo, hi: hi, off: make([]int, n+2)}
	for i := 0; i <= n; i++ {
		g.off[i+1] = g.off[i] + max(0, hi[i]-lo[i]+1)
	}
	size := g.off[n+1]
	inf := math.Inf(1)

	// Lexical evidence is used at the finest level only: the coarse
	// levels align blocks by length.
	lex := posterior
	g.best = make([]float64, size)
	g.from = make([]int8, size)
	if posterior {
		g.fwd = make([]float64, size)
	}
	g.fillCosts(lex, prev)
	var done chan struct{}
	if posterior && size >= concurrentCells {
		bwd := make([]float64, size)
		done = make(chan struct{})
		go func() {
			defer close(done)
			g.fillBackward(bwd, nil)
		}()
		defer func() { <-done; g.bwd = bwd }()
	}
	var alts [maxShapes]float64
	for i := 0; i <= n; i++ {
		for j := lo[i]; j <= hi[i]; j++ {
			k := g.off[i] + j - lo[i]
			if i == 0 && j == 0 {
				g.best[k], g.from[k] = 0, -1
				if posterior {
					g.fwd[k] = 0
				}
				continue
			}
			best, bestSh := inf, -1
			na := 0
			for si, sh := range shapes {
				p := g.at(i-sh.s, j-sh.t)
				if p < 0 || math.IsInf(g.best[p], 1) {
					continue
				}
				c := float64(g.costs[k*len(shapes)+si])
				if v := g.best[p] + c; v < best {
					best, bestSh = v, si
				}
				if posterior {
					alts[na] = g.fwd[p] + c
					na++
				}
			}
			g.best[k], g.from[k] = best, int8(bestSh)
			if posterior {
				g.fwd[k] = softmin(alts[:na])
			}
		}
	}
	if math.IsInf(g.best[g.at(n, m)], 1) {
		panic(fmt.Sprintf("align: internal error: no path through the region (%d x %d)", n, m))
	}
	i, j := n, m
	g.path = append(g.path, [2]int{i, j})
	for i > 0 || j > 0 {
		sh := shapes[g.from[g.at(i, j)]]
		i, j = i-sh.s, j-sh.t
		g.path = append(g.path, [2]int{i, j})
	}
	return g
}

// fillCosts computes the cost of every shape into every cell of the
// region, in parallel over rows (costs do not depend on one another);
// a shape whose start lies outside the region costs +Inf. The costs of
// beads that prev (an earlier search of the same level, or nil) held are
// copied from it rather than computed again.
func (g *grid) fillCosts(lex bool, prev *grid) {
	shapes := g.md.shapes
	n := len(g.su) - 1
	g.costs = make([]float32, g.off[n+1]*len(shapes))
	workers := min(runtime.GOMAXPROCS(0), max(1, g.off[n+1]/20000))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		rows := func() {
			// Interleaved chunks of rows keep the workers' loads even.
			const chunk = 64
			for r0 := w * chunk; r0 <= n; r0 += workers * chunk {
				for i := r0; i < min(r0+chunk, n+1); i++ {
					for j := g.lo[i]; j <= g.hi[i]; j++ {
						k := g.off[i] + j - g.lo[i]
						pk := -1
						if prev != nil {
							pk = prev.at(i, j)
						}
						for si, sh := range shapes {
							c := float32(math.Inf(1))
							if pk >= 0 && prev.at(i-sh.s, j-sh.t) >= 0 {
								c = prev.costs[pk*len(shapes)+si] // the same bead
							} else if g.at(i-sh.s, j-sh.t) >= 0 {
								s0, t0 := g.su[i-sh.s], g.tu[j-sh.t]
								c = float32(g.md.cost(s0, g.su[i], t0, g.tu[j], g.md.prior(&shapes[si], s0, t0), lex))
							}
							g.costs[k*len(shapes)+si] = c
						}
					}
				}
			}
		}
		if workers == 1 {
			rows() // a small grid: no goroutine
			break
		}
		wg.Go(rows)
	}
	wg.Wait()
}

// backward computes the soft-min cost of all paths from every cell to
// the end, unless search did it already.
func (g *grid) backward() {
	if g.bwd != nil {
		g.best = nil
		return
	}
	// The best costs are not needed once the path is known: their
	// memory holds the backward costs.
	g.bwd, g.best = g.best, nil
	g.fillBackward(g.bwd, g.fwd)
}

// fillBackward computes the backward costs into bwd. With the forward
// costs fwd, the cells they cannot reach (infinite cost) get +Inf
// without a look; without, every cell is computed. Either way the
// reachable cells get the same costs: a cell reached from a reachable
// one by a finite cost is reachable.
func (g *grid) fillBackward(bwd, fwd []float64) {
	shapes := g.md.shapes
	n, m := len(g.su)-1, len(g.tu)-1
	var alts [maxShapes]float64
	for i := n; i >= 0; i-- {
		for j := g.hi[i]; j >= g.lo[i]; j-- {
			k := g.off[i] + j - g.lo[i]
			if i == n && j == m {
				bwd[k] = 0
				continue
			}
			if fwd != nil && math.IsInf(fwd[k], 1) {
				bwd[k] = math.Inf(1)
				continue
			}
			na := 0
			for si, sh := range shapes {
				if i+sh.s > n || j+sh.t > m {
					continue
				}
				p := g.at(i+sh.s, j+sh.t)
				if p < 0 || math.IsInf(bwd[p], 1) {
					continue
				}
				alts[na] = bwd[p] + float64(g.costs[p*len(shapes)+si])
				na++
			}
			bwd[k] = softmin(alts[:na])
		}
	}
}

// concurrentCells is the size of a grid from which the backward costs
// are computed on another goroutine while the forward pass runs: a long
// document's two passes take one core each. A variable for tests.
var concurrentCells = 1 << 18

// beads turns the best path into beads scored by their posterior
// probability.
func (g *grid) beads() Beads {
	shapes := g.md.shapes
	n, m := len(g.su)-1, len(g.tu)-1
	total := g.fwd[g.at(n, m)]
	out := make(Beads, 0, len(g.path)-1)
	for k := len(g.path) - 1; k > 0; k-- {
		a, b := g.path[k], g.path[k-1]
		k := g.at(b[0], b[1])
		c := float64(g.costs[k*len(shapes)+int(g.from[k])])
		post := math.Exp(-(g.fwd[g.at(a[0], a[1])] + c + g.bwd[g.at(b[0], b[1])] - total))
		if math.IsNaN(post) {
			post = 0
		}
		out = append(out, Bead{
			Src:   Range{g.su[a[0]], g.su[b[0]]},
			Tgt:   Range{g.tu[a[1]], g.tu[b[1]]},
			Score: math.Min(1, math.Max(0, post)),
		})
	}
	return out
}

// softmin returns -log(sum(exp(-x))) of xs; +Inf when xs is empty.
func softmin(xs []float64) float64 {
	if len(xs) == 0 {
		return math.Inf(1)
	}
	m := xs[0]
	for _, x := range xs[1:] {
		if x < m { // costs are never NaN
			m = x
		}
	}
	if math.IsInf(m, 1) {
		return m
	}
	s := 0.0
	for _, x := range xs {
		if x-m < 36 { // exp(-36) is below float64's precision next to 1
			s += math.Exp(m - x)
		}
	}
	return m - math.Log(s)
}

func informative(para []int) bool {
	for i := 1; i < len(para); i++ {
		if para[i] == para[i-1] {
			return true
		}
	}
	return false
}

func prefix(xs []int) []int {
	p := make([]int, len(xs)+1)
	for i, x := range xs {
		p[i+1] = p[i] + max(x, 0)
	}
	return p
}

// lengthCost is the Gale-Church cost of pairing lengths ls and lt: the
// negative log probability of the normalised length difference
// (ratio*ls - lt) / sqrt(variance * ratio * mean length), under a
// Gaussian mixed with weight md.wide with a Gaussian wideScale times as
// wide (wide = 0 is the plain model).
func (md *model) lengthCost(ls, lt float64) float64 {
	if ls == 0 && lt == 0 {
		return 0
	}
	ratio := md.ratio
	mean := (ls + lt/ratio) / 2
	z := math.Abs(ratio*ls-lt) / math.Sqrt(mean*variance*ratio)
	if md.lengths != nil {
		return md.lengths.at(z)
	}
	return lengthCostZ(z, md.wide)
}

// lengthTable returns the tabulated length cost of weight wide, or nil
// when that weight has no table.
func lengthTable(wide float64) costTable {
	switch wide {
	case 0:
		return plainTable()
	case wideShare:
		return wideTable()
	}
	return nil
}

// costTable tabulates a length cost over |z| in steps of 1/costStep, to
// be read with linear interpolation (the error is below 1e-4 nats).
type costTable []float64

const (
	costStep = 64
	costMaxZ = 64
)

func newCostTable(wide float64) costTable {
	t := make(costTable, costMaxZ*costStep+2)
	for k := range t {
		t[k] = lengthCostZ(float64(k)/costStep, wide)
	}
	return t
}

func (t costTable) at(z float64) float64 {
	x := z * costStep
	if x >= float64(len(t)-2) {
		return t[len(t)-1]
	}
	k := int(x)
	f := x - float64(k)
	return t[k]*(1-f) + t[k+1]*f
}

var (
	plainTable = sync.OnceValue(func() costTable { return newCostTable(0) })
	wideTable  = sync.OnceValue(func() costTable { return newCostTable(wideShare) })
)

// lengthCostZ is the cost of a normalised length difference |z|.
func lengthCostZ(z, wide float64) float64 {
	// Gale and Church's two-tailed probability, under a mixture with a
	// wide component: free and abridged translations make the length
	// difference heavy-tailed, and a pure Gaussian would let length
	// overrule lexical evidence there.
	pd := (1-wide)*2*(1-normCDF(math.Abs(z))) + wide*2*(1-normCDF(math.Abs(z)/wideScale))
	if pd < 1e-12 {
		pd = 1e-12
	}
	return -math.Log(pd)
}

// wideShare and wideScale are the weight and the scale of the wide
// component of the length model.
const (
	wideShare = 0.1
	wideScale = 3.0
)

func normCDF(z float64) float64 {
	return 0.5 * math.Erfc(-z/math.Sqrt2)
}

// paraCost penalises beads that join sentences of different paragraphs
// on one side only.
func paraCost(sp []int, s0, s1 int, tp []int, t0, t1 int) float64 {
	cross := func(p []int, a, b int) bool { return b-a > 1 && p[a] != p[b-1] }
	cs, ct := cross(sp, s0, s1), cross(tp, t0, t1)
	if cs != ct {
		return 2
	}
	return 0
}
