package pipeline

import (
	"context"
	"slices"
	"strings"

	"github.com/align-tools/align/align"
	"github.com/align-tools/align/similarity"
)

// DocPair is a pair of split documents to align.
type DocPair struct {
	Name     string
	Src, Tgt *Doc
}

// confident is the score from which a 1-1 bead of the first pass is
// trusted to teach the lexicon.
const confident = 0.9

// LearnLexicon aligns the pairs once with opt and learns a lexicon from
// the confident 1-1 beads of all of them together (as hunalign's
// -realign does, but across the whole corpus); a corpus of more than
// learnSentences source sentences is learned from a sample
// (firstPassSample). The result, merged with
// opt.Dict, is what a second pass should use as Options.Lexicon. With
// opt.LengthOnly it returns nil.
func LearnLexicon(pairs []DocPair, opt Options) *similarity.Lexicon {
	if opt.LengthOnly {
		return nil
	}
	_, second := learn(pairs, opt)
	return second.Lexicon
}

// Learner learns a lexicon from document pairs given one at a time, so
// that a run need not hold all its documents: it keeps only the text of
// the confident beads.
type Learner struct {
	opt      Options
	src, tgt []string
}

// NewLearner returns a Learner that aligns with opt.
func NewLearner(opt Options) *Learner {
	opt.onePass = true
	return &Learner{opt: opt}
}

// Add aligns one pair and keeps its confident 1-1 beads.
func (l *Learner) Add(dp DocPair) {
	if l.opt.LengthOnly {
		return
	}
	l.src, l.tgt = appendConfident(l.src, l.tgt, AlignPair(dp.Name, dp.Src, dp.Tgt, l.opt))
}

// Lexicon returns the lexicon learned so far, merged with the
// dictionary of the options; nil with LengthOnly.
func (l *Learner) Lexicon() *similarity.Lexicon {
	if l.opt.LengthOnly {
		return nil
	}
	return similarity.Merge(l.opt.Dict, similarity.Learn(l.src, l.tgt))
}

// learnJobs is the first pass of Run: it aligns the jobs that
// firstPassSample picks, keeps their beads to guide their second pass,
// and learns the lexicon of the whole corpus and the weights of the
// evidence from the confident beads of all of them (as AlignCorpus does
// for document pairs). It returns the options of the second pass; with
// LengthOnly, the options unchanged. The short jobs left out are aligned
// once, by the second pass, with the bead shapes estimated over the
// sample; the long ones are marked to learn from themselves.
// The files of a batch not kept in memory are read again for the first
// pass, and only the beads of its jobs are kept. After each batch it
// calls progress with the batches done and the batches the first pass
// aligns from.
func learnJobs(ctx context.Context, batches []*batch, cfg Config, progress func(done, n int)) (Options, error) {
	opt := cfg.Options
	if opt.LengthOnly || len(batches) == 0 {
		return opt, nil
	}
	first := opt
	first.onePass = true
	var sizes []int
	for _, b := range batches {
		sizes = append(sizes, b.sizes...)
	}
	want := learnSentences
	if cfg.sample > 0 {
		want = cfg.sample
	}
	pick := firstPassSample(sizes, want)
	// The batches with jobs picked, and which.
	type picks struct {
		b    *batch
		jobs []int
	}
	var picked []picks
	total, n := 0, 0
	for _, b := range batches {
		var ks []int
		for k, size := range b.sizes {
			switch {
			case pick[n]:
				ks = append(ks, k)
			case size >= longDoc:
				b.learnsAlone(k)
			}
			n++
		}
		if len(ks) > 0 {
			picked = append(picked, picks{b, ks})
			total += len(ks)
		}
	}
	type result struct {
		beads    align.Beads
		prep     *similarity.Prepared
		src, tgt []string
		pairs    []similarity.PreparedPair
	}
	type results struct {
		jobs []*speechJob // nil for a batch not kept
		rs   []result
		err  error
	}
	var src, tgt []string
	var pairs []similarity.PreparedPair
	var all align.Beads
	err := ordered(ctx, len(picked), cfg.Jobs,
		func(i int) results {
			p := picked[i]
			jobs, err := p.b.jobsOf(cfg)
			if err != nil {
				return results{err: err}
			}
			out := results{rs: make([]result, len(p.jobs))}
			if p.b.jobs != nil {
				out.jobs = jobs
			}
			for k, jk := range p.jobs {
				j := jobs[jk]
				s, _ := masked(j.sp, j.srcIdx)
				t, _ := masked(j.tp, j.tgtIdx)
				pair, prep := alignPair(j.name, s, t, first, nil)
				ss, ts := appendConfident(nil, nil, pair)
				out.rs[k] = result{pair.Beads, prep, ss, ts, appendPrepared(nil, pair, prep)}
			}
			return out
		},
		func(i int, r results) error {
			if r.err != nil {
				return r.err
			}
			p := picked[i]
			for k, jk := range p.jobs {
				res := r.rs[k]
				if r.jobs != nil {
					r.jobs[jk].first, r.jobs[jk].prep = res.beads, res.prep
				} else {
					if p.b.first == nil {
						p.b.first = make([]align.Beads, len(p.b.sizes))
					}
					p.b.first[jk] = res.beads
				}
				src, tgt = append(src, res.src...), append(tgt, res.tgt...)
				pairs = append(pairs, res.pairs...)
				all = append(all, res.beads...)
			}
			progress(i+1, len(picked))
			return nil
		})
	if err != nil {
		return opt, err
	}
	return secondPass(opt, src, tgt, pairs, all, total < len(sizes)), nil
}

// secondPass returns the options of the second pass after a first pass
// with opt: the lexicon and the weights learned from the confident beads
// it found (their texts src and tgt, their evidence pairs), and the
// expected length ratio. When the first pass left documents out
// (sampled), those take the bead shapes estimated over all its beads.
func secondPass(opt Options, src, tgt []string, pairs []similarity.PreparedPair, all align.Beads, sampled bool) Options {
	opt.Lexicon = similarity.Merge(opt.Dict, similarity.Learn(src, tgt))
	// The weights are estimated on the evidence the first pass extracted.
	w := similarity.EstimateWeightsPrepared(pairs, opt.Lexicon)
	opt.Weights = &w
	opt.Dict = nil
	opt.onePass = true
	opt.Ratio = anchoredRatio(opt.Ratio, src, tgt)
	if opt.Shapes == nil && sampled {
		opt.Shapes = align.EstimateShapes(all, priorWeight)
	}
	return opt
}

// learnSentences is how many source sentences the first pass of a
// corpus aligns, about, when the corpus holds more: a lexicon and
// weights learned from that many are close to those learned from all,
// and the other documents are aligned in one pass instead of two.
const learnSentences = 50_000

// firstPassSample returns which of the documents of sizes (in source
// sentences) the first pass aligns: all when they hold at most want
// sentences together. Else the long documents (longDoc sentences or
// more), whose names and terms the lexicon learns mostly from their own
// beads, as long as they hold at most twice want sentences together (the
// first always), and every k-th of the others, from the middle of the
// first k, with k the number that leaves about want sentences in all (at
// least a quarter of want from the short documents). The long documents
// left out learn from themselves (Options.selfLearn), so that the first
// pass of a corpus of many books stays within its bound.
func firstPassSample(sizes []int, want int) []bool {
	pick := make([]bool, len(sizes))
	total, long, picked := 0, 0, 0
	for i, n := range sizes {
		total += n
		if n < longDoc {
			continue
		}
		long += n
		if picked == 0 || want <= 0 || picked+n <= 2*want {
			picked += n
			pick[i] = true
		}
	}
	short := total - long
	budget := max(want-picked, want/4)
	k := 1
	if want > 0 && total > want && short > budget {
		k = (short + budget - 1) / budget
	}
	seen := 0
	for i, n := range sizes {
		if n >= longDoc {
			continue
		}
		pick[i] = seen%k == k/2 || k == 1
		seen++
	}
	return pick
}

// longDoc is the size, in source sentences, from which a document is
// always in the first pass.
const longDoc = 500

// minRatioBeads is how many confident beads the expected length ratio
// is estimated from, at least.
const minRatioBeads = 20

// anchoredRatio returns the expected length ratio for a second pass:
// r when the caller chose one (r != 0), else the median ratio of target
// to source length of the confident 1-1 beads src[k], tgt[k] of a first
// pass, a robust estimate that, unlike the documents' totals, does not
// count what one side holds and the other lacks. With fewer than
// minRatioBeads beads it returns r.
func anchoredRatio(r float64, src, tgt []string) float64 {
	if r != 0 || len(src) < minRatioBeads || len(src) != len(tgt) {
		return r
	}
	rs := make([]float64, 0, len(src))
	for k := range src {
		ls, lt := charLen(src[k]), charLen(tgt[k])
		if ls > 0 && lt > 0 {
			rs = append(rs, float64(lt)/float64(ls))
		}
	}
	if len(rs) < minRatioBeads {
		return r
	}
	slices.Sort(rs)
	return rs[len(rs)/2]
}

// learn is the first pass of AlignCorpus: it aligns the pairs that
// firstPassSample picks and returns their beads (nil for the others)
// and the options of the second pass (secondPass). With LengthOnly, or
// no pairs, it returns no beads and opt unchanged.
func learn(pairs []DocPair, opt Options) ([]align.Beads, Options) {
	if opt.LengthOnly || len(pairs) == 0 {
		return nil, opt
	}
	first := opt
	first.onePass = true
	sizes := make([]int, len(pairs))
	for k, dp := range pairs {
		sizes[k] = len(dp.Src.Sentences)
	}
	pick := firstPassSample(sizes, learnSentences)
	var src, tgt []string
	var evidence []similarity.PreparedPair
	var all align.Beads
	beads := make([]align.Beads, len(pairs))
	for k, dp := range pairs {
		if !pick[k] {
			continue
		}
		p, prep := alignPair(dp.Name, dp.Src, dp.Tgt, first, nil)
		src, tgt = appendConfident(src, tgt, p)
		evidence = appendPrepared(evidence, p, prep)
		beads[k] = p.Beads
		all = append(all, p.Beads...)
	}
	return beads, secondPass(opt, src, tgt, evidence, all, slices.Contains(pick, false))
}

// priorWeight is how many beads the default shape priors count for
// against those of a first pass.
const priorWeight = 100

func appendConfident(src, tgt []string, p *Pair) ([]string, []string) {
	for _, b := range p.Beads {
		if isConfident(b) {
			// Copies, so that the documents can be freed.
			src = append(src, strings.Clone(p.Src.Sentence(b.Src.Start)))
			tgt = append(tgt, strings.Clone(p.Tgt.Sentence(b.Tgt.Start)))
		}
	}
	return src, tgt
}

// isConfident reports whether b is a 1-1 bead a first pass may learn
// from.
func isConfident(b align.Bead) bool {
	return b.Src.Len() == 1 && b.Tgt.Len() == 1 && b.Score >= confident
}

// appendPrepared appends the confident beads of p, in the order
// appendConfident gives their texts, as sentences of prep, the evidence
// p was aligned with.
func appendPrepared(out []similarity.PreparedPair, p *Pair, prep *similarity.Prepared) []similarity.PreparedPair {
	for _, b := range p.Beads {
		if isConfident(b) {
			out = append(out, similarity.PreparedPair{P: prep, Src: b.Src.Start, Tgt: b.Tgt.Start})
		}
	}
	return out
}

// AlignCorpus aligns a set of document pairs in two passes: the first
// learns a lexicon from the confident beads of the pairs (LearnLexicon),
// the second aligns every pair with it, around the first pass's path.
// In a corpus larger than learnSentences, the short pairs the first pass
// leaves out are aligned by the second alone, and the long ones learn
// from themselves (Options.selfLearn). With opt.LengthOnly there is one
// pass. The pairs are returned in the order given.
func AlignCorpus(pairs []DocPair, opt Options) []*Pair {
	first, opt := learn(pairs, opt)
	out := make([]*Pair, len(pairs))
	for k, dp := range pairs {
		o := opt
		switch {
		case first != nil && first[k] != nil:
			// The second pass: shape priors re-estimated from the first,
			// and its search around the first pass's path.
			o.Shapes = align.EstimateShapes(first[k], priorWeight)
			o.guide = first[k]
		case first != nil && len(dp.Src.Sentences) >= longDoc:
			o.selfLearn = true // a long document the sample left out
		}
		out[k] = AlignPair(dp.Name, dp.Src, dp.Tgt, o)
	}
	return out
}
