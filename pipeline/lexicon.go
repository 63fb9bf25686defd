package pipeline

import (
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

// LearnLexicon aligns every pair once with opt and learns a lexicon from
// the confident 1-1 beads of all of them together (as hunalign's
// -realign does, but across the whole corpus). The result, merged with
// opt.Dict, is what a second pass should use as Options.Lexicon. With
// opt.LengthOnly it returns nil.
func LearnLexicon(pairs []DocPair, opt Options) *similarity.Lexicon {
	lex, _ := learn(pairs, opt)
	return lex
}

// learn is LearnLexicon that also returns the shape priors estimated
// from the first pass of every pair.
func learn(pairs []DocPair, opt Options) (*similarity.Lexicon, [][]align.Shape) {
	if opt.LengthOnly {
		return nil, nil
	}
	var src, tgt []string
	shapes := make([][]align.Shape, len(pairs))
	for k, dp := range pairs {
		p := AlignPair(dp.Name, dp.Src, dp.Tgt, opt)
		src, tgt = appendConfident(src, tgt, p)
		shapes[k] = align.EstimateShapes(p.Beads, priorWeight)
	}
	return similarity.Merge(opt.Dict, similarity.Learn(src, tgt)), shapes
}

// priorWeight is how many beads the default shape priors count for
// against those of a first pass.
const priorWeight = 100

func appendConfident(src, tgt []string, p *Pair) ([]string, []string) {
	for _, b := range p.Beads {
		if b.Src.Len() == 1 && b.Tgt.Len() == 1 && b.Score >= confident {
			src = append(src, p.Src.Sentence(b.Src.Start))
			tgt = append(tgt, p.Tgt.Sentence(b.Tgt.Start))
		}
	}
	return src, tgt
}

// AlignCorpus aligns a set of document pairs in two passes: the first
// learns a lexicon from the confident beads of all pairs (LearnLexicon),
// the second aligns every pair with it. With opt.LengthOnly there is one
// pass. The pairs are returned in the order given.
func AlignCorpus(pairs []DocPair, opt Options) []*Pair {
	var shapes [][]align.Shape
	if !opt.LengthOnly {
		opt.Lexicon, shapes = learn(pairs, opt)
		opt.Dict = nil
	}
	out := make([]*Pair, len(pairs))
	for k, dp := range pairs {
		o := opt
		if shapes != nil {
			o.Shapes = shapes[k]
		}
		out[k] = AlignPair(dp.Name, dp.Src, dp.Tgt, o)
	}
	return out
}
