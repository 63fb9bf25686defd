package pipeline

import (
	"runtime"
	"strings"

	"golang.org/x/text/language"

	"github.com/align-tools/align/align"
	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/lang"
	"github.com/align-tools/align/similarity"
)

// Doc is a document split into sentences.
type Doc struct {
	*corpora.Document
	Sentences []lang.Sentence
}

// Sentence returns the text of sentence i as written in the document.
func (d *Doc) Sentence(i int) string {
	s := d.Sentences[i]
	return d.Text[s.Start:s.End]
}

// Split splits a document into sentences; with presplit every line is one
// sentence.
func Split(d *corpora.Document, presplit bool) *Doc {
	var ss []lang.Sentence
	if presplit {
		ss = lang.SplitLines(d.Text)
	} else {
		ss = lang.Split(d.Lang, d.Text)
	}
	return &Doc{Document: d, Sentences: ss}
}

// Options steer the alignment of one pair.
type Options struct {
	// LengthOnly aligns by sentence length alone.
	LengthOnly bool
	// Dict is a bilingual dictionary (similarity.ReadDict); Lexicon is
	// one learned from the corpus (LearnLexicon). Both feed the lexical
	// similarity; either may be nil.
	Dict, Lexicon *similarity.Lexicon
	// Shapes are the bead shapes and priors of the aligner; nil means
	// align.DefaultShapes.
	Shapes []align.Shape
	// Weights are the weights of the lexical evidence; nil means
	// similarity.DefaultWeights.
	Weights *similarity.Weights
	// Ratio is the expected ratio of target to source length in
	// characters (align.Config.Ratio), against which documents that
	// cover only part of each other are recognised; 0 means
	// ExpectedRatio of the documents' languages, a negative value none
	// (the ratio of the documents' totals, always).
	Ratio float64

	onePass bool        // no second pass in AlignPair (a first pass itself)
	guide   align.Beads // the first pass, to search around
	// selfLearn: a long document its corpus's first pass left out is
	// aligned in two passes of its own, the second with the lexicon also
	// learned from the first's confident beads, around its path.
	selfLearn bool
}

// Pair is an aligned document pair.
type Pair struct {
	Name     string
	Src, Tgt *Doc
	Beads    align.Beads
}

// AlignPair aligns two split documents. Without a learned lexicon
// (opt.Lexicon nil) and unless opt.LengthOnly, it aligns twice, as
// hunalign's -realign does: the second pass uses a lexicon learned from
// the confident beads of the first and shape priors re-estimated from it.
// (It keeps the default weights of the evidence: one document's confident
// beads are too few to estimate them, see AlignCorpus.)
// AlignCorpus and Run learn the lexicon over all documents instead.
func AlignPair(name string, src, tgt *Doc, opt Options) *Pair {
	p, _ := alignPair(name, src, tgt, opt, nil)
	return p
}

// alignPair is AlignPair with the lexicon-free evidence prep of an
// earlier pass over the same sentences (nil to extract it); it returns
// the evidence with the pair (nil with LengthOnly).
func alignPair(name string, src, tgt *Doc, opt Options, prep *similarity.Prepared) (*Pair, *similarity.Prepared) {
	ls := make([]int, len(src.Sentences))
	ps := make([]int, len(src.Sentences))
	st := make([]string, len(src.Sentences))
	for i, s := range src.Sentences {
		st[i] = src.Sentence(i)
		ls[i] = charLen(st[i])
		ps[i] = s.Para
	}
	lt := make([]int, len(tgt.Sentences))
	pt := make([]int, len(tgt.Sentences))
	tt := make([]string, len(tgt.Sentences))
	for i, s := range tgt.Sentences {
		tt[i] = tgt.Sentence(i)
		lt[i] = charLen(tt[i])
		pt[i] = s.Para
	}
	// pass aligns once; both passes share the lexicon-free evidence.
	pass := func(opt Options) *Pair {
		cfg := align.Config{SrcPara: ps, TgtPara: pt, LengthOnly: opt.LengthOnly, Shapes: opt.Shapes, Guide: opt.guide,
			Ratio: opt.ratio(src.Lang, tgt.Lang)}
		if !opt.LengthOnly {
			if prep == nil {
				prep = similarity.Prepare(st, tt, similarity.Options{Src: src.Lang, Tgt: tgt.Lang})
			}
			lex := opt.Lexicon
			if opt.Dict != nil {
				lex = similarity.Merge(opt.Dict, opt.Lexicon)
			}
			cfg.Similarity = prep.Scorer(lex, opt.Weights).Similarity
		}
		return &Pair{Name: name, Src: src, Tgt: tgt, Beads: align.Align(ls, lt, cfg)}
	}
	if !opt.LengthOnly && (opt.selfLearn || opt.Lexicon == nil && !opt.onePass) {
		p := pass(opt)
		ss, ts := appendConfident(nil, nil, p)
		if opt.selfLearn {
			// The corpus's lexicon, ratio and weights stay; the
			// document adds what it teaches and its own bead shapes.
			opt.Lexicon = similarity.Merge(opt.Lexicon, similarity.Learn(ss, ts))
			opt.Shapes = align.EstimateShapes(p.Beads, priorWeight)
		} else {
			opt.Lexicon = similarity.Merge(opt.Dict, similarity.Learn(ss, ts))
			opt.Ratio = anchoredRatio(opt.Ratio, ss, ts)
			opt.Dict = nil
			if opt.Shapes == nil {
				opt.Shapes = align.EstimateShapes(p.Beads, priorWeight)
			}
		}
		opt.guide = p.Beads
		if len(st)+len(tt) > bigPair {
			// The first pass's search grids are garbage now: collect
			// them before the second pass allocates its own, which
			// bounds the peak memory of long documents.
			runtime.GC()
		}
	}
	return pass(opt), prep
}

// ratio returns the expected length ratio of the options for documents
// in languages src and tgt.
func (opt Options) ratio(src, tgt language.Tag) float64 {
	switch {
	case opt.Ratio < 0:
		return 0
	case opt.Ratio > 0:
		return opt.Ratio
	}
	return ExpectedRatio(src, tgt)
}

// charsPerEnglish is the length in characters of a text of a language
// per character of its English translation, measured on complete
// translations (align-dev: the median ratio of the 589 Russian-English
// documents is 1.01, nine in ten within 0.8 to 1.25 of it).
var charsPerEnglish = map[language.Base]float64{
	language.MustParseBase("en"): 1,
	language.MustParseBase("ru"): 1,
}

// ExpectedRatio returns the expected ratio of target to source length in
// characters of a translation from src to tgt, or 0 when one of the
// languages is not known.
func ExpectedRatio(src, tgt language.Tag) float64 {
	bs, _ := src.Base()
	bt, _ := tgt.Base()
	fs, ft := charsPerEnglish[bs], charsPerEnglish[bt]
	if fs == 0 || ft == 0 {
		return 0
	}
	return fs / ft
}

// bigPair is the number of sentences from which a document pair is
// long enough for its memory to matter.
const bigPair = 50_000

func charLen(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// Units turns the beads of p into corpus units, in order.
func (p *Pair) Units() []corpora.Unit {
	out := make([]corpora.Unit, len(p.Beads))
	for k, b := range p.Beads {
		u := corpora.Unit{Doc: p.Name, Bead: k + 1, Score: b.Score}
		var st, tt []string
		for i := b.Src.Start; i < b.Src.End; i++ {
			u.Src = append(u.Src, i+1)
			st = append(st, corpora.Segment(p.Src.Sentence(i)))
		}
		for j := b.Tgt.Start; j < b.Tgt.End; j++ {
			u.Tgt = append(u.Tgt, j+1)
			tt = append(tt, corpora.Segment(p.Tgt.Sentence(j)))
		}
		u.SrcText = strings.Join(st, " ")
		u.TgtText = strings.Join(tt, " ")
		out[k] = u
	}
	return out
}
