package qa

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/align-tools/align/names"
)

// Stream runs the checks over a corpus given in parts, so the corpus
// need not be in memory at once.
//
// The parts are gathered (Gather), side by side if the caller likes,
// then added in the order of their beads (Add), then the findings that
// compare beads across the corpus are decided (Finish). What a Part and
// the Stream keep is small per bead and never a piece of a bead's text:
// fold keys, word counts, offsets, bead numbers, the few words the
// checks across the corpus compare (cloned). Finish reads back through
// a callback only the beads its findings point at or quote.
//
// The union of the findings of every Add and of Finish, sorted (Sort),
// is what Run returns on the same beads, however the corpus is cut into
// parts that hold whole documents (TestStreamSameAsRun).
//
// Gather may be called from several goroutines at once; Add, Finish and
// NameGroups from one goroutine at a time.
type Stream struct {
	src, tgt  language.Tag
	bilingual bool
	glossary  *Glossary
	nameMatch func(ru, en string) bool
	ignore    *Ignore

	local []*Check // the checks that look at one bead or one document at a time
	// The checks across the corpus that run, nil when they do not.
	inconsistent []*Check // inconsistent-source, inconsistent-target
	split        *Check
	nameMissing  *Check
	nameVariant  *Check

	next    int    // the number of the next bead Add expects
	lastDoc string // the document of the last bead added
	done    bool   // Finish was called

	folds []beadFolds // inconsistent-*: the beads with a sentence of minConsistencyWords words
	// split-word: the lower-cased Latin words of the target sides, but
	// the short ones of the word lists (see gatherSplit), with their
	// counts (words gives the index in wordList and wordCounts), the pairs of
	// halves of the candidates (pairs gives the index in splitPairs),
	// the candidates.
	words      map[string]int32
	wordList   []string
	wordCounts []wordSeen
	wordIDs    []int32 // scratch of addSplit
	pairs      map[[2]int32]int32
	splitPairs []splitPair
	splits     []splitCand
	nameSeen   map[nameKey]nameCount // name-missing: occurrences of each name group
	misses     []nameMiss            // name-missing: names not rendered, judged by the counts
	index      *names.Index          // the names of the corpus (NameGroups, name-variant); nil when not asked
	groups     []names.Group
}

// Part is what Gather learned from one part of the corpus: the findings
// that are final already and what the checks across the corpus need of
// it. It keeps no text of the beads.
type Part struct {
	n                 int // beads, numbered from 0 until Add numbers them in the corpus
	firstDoc, lastDoc string
	found             []Finding // the findings of the checks of one bead or document

	folds      []beadFolds
	wordList   []string // the lower-cased Latin words of the target sides that split-word counts, each once
	wordCounts []wordSeen
	splits     []partSplit
	seen       []nameEvent
	misses     []nameMiss
	nameFound  []names.Found // the names of each bead, for the index
}

// NewStream prepares the checks cfg chooses (same validation and errors
// as Run). in gives the settings: Src, Tgt, Bilingual, Glossary,
// NameMatch, Names; in.Beads is not read.
func NewStream(in *Input, cfg Config) (*Stream, error) {
	s, err := newStream(in, cfg)
	if err != nil {
		return nil, err
	}
	s.indexNames(in)
	return s, nil
}

// newStream is NewStream without the names index, which only
// NameGroups and the name-variant check need.
func newStream(in *Input, cfg Config) (*Stream, error) {
	for _, code := range append(slices.Clone(cfg.Only), cfg.Skip...) {
		if Lookup(code) == nil {
			return nil, fmt.Errorf("qa: unknown check %q; `align check --list` shows the codes", code)
		}
	}
	s := &Stream{src: in.srcTag(), tgt: in.tgtTag(), bilingual: in.Bilingual, glossary: in.Glossary, nameMatch: in.NameMatch, ignore: cfg.Ignore}
	for _, c := range registry {
		if len(cfg.Only) > 0 && !slices.Contains(cfg.Only, c.Code) || slices.Contains(cfg.Skip, c.Code) {
			continue
		}
		if c.Bilingual && !in.Bilingual {
			continue
		}
		switch c.Code {
		case "inconsistent-source", "inconsistent-target":
			s.inconsistent = append(s.inconsistent, c)
		case "split-word":
			s.split = c
			s.words, s.pairs = map[string]int32{}, map[[2]int32]int32{}
		case "name-missing":
			s.nameMissing = c
			s.nameSeen = map[nameKey]nameCount{}
		case names.Code:
			s.nameVariant = c
			s.indexNames(in)
		default:
			s.local = append(s.local, c)
		}
	}
	return s, nil
}

// indexNames makes the names index of the stream, once.
func (s *Stream) indexNames(in *Input) {
	if s.index != nil {
		return
	}
	opts := in.Names
	opts.Src, opts.Tgt = s.src, s.tgt
	s.index = names.NewIndex(opts)
}

// input is an input of the beads of a part with the settings of s.
func (s *Stream) input(beads []Bead) *Input {
	return &Input{Beads: beads, Src: s.src, Tgt: s.tgt, Bilingual: s.bilingual, Glossary: s.glossary, NameMatch: s.nameMatch}
}

// Gather runs the checks on one part of the corpus: consecutive beads
// of whole documents (all beads with the same Doc are in one part). It
// may be called from several goroutines at once on different parts, in
// any order, before it is known where in the corpus the part will
// stand; it does its work on the calling goroutine (the caller
// parallelizes).
func (s *Stream) Gather(beads []Bead) *Part {
	p := &Part{n: len(beads)}
	if len(beads) == 0 {
		return p
	}
	p.firstDoc, p.lastDoc = strings.Clone(beads[0].Doc), strings.Clone(beads[len(beads)-1].Doc)
	in := s.input(beads)
	paired := in // without the texts read alone, for bilingual checks
	if s.bilingual {
		paired = in.paired()
	}
	r := &Reporter{}
	for _, c := range s.local {
		r.check = c
		if c.Bilingual {
			c.Run(paired, r)
		} else {
			c.Run(in, r)
		}
	}
	if len(s.inconsistent) > 0 {
		p.folds = gatherFolds(beads)
	}
	if s.split != nil {
		p.gatherSplit(beads)
	}
	if s.nameMissing != nil {
		r.check = s.nameMissing
		p.gatherNameMissing(in, r)
	}
	if s.index != nil {
		p.nameFound = gatherNames(s.index, beads)
	}
	p.found = r.found
	return p
}

// Add takes in a gathered part, in the order of the corpus: its beads
// are numbered in the corpus from where the part added before ended (the
// first part's from 0), and these are the numbers Finish asks for. Add
// panics when a document spans two parts. It returns the findings of the
// part that are final already: those of the checks that look at one
// bead, or one document, at a time. Add empties p, so that it holds
// nothing more.
func (s *Stream) Add(p *Part) []Finding {
	if s.done {
		panic("qa: Stream.Add after Finish")
	}
	if p.n == 0 {
		return nil
	}
	if s.next > 0 && p.firstDoc == s.lastDoc {
		panic(fmt.Sprintf("qa: Stream.Add: document %q spans two parts; a part must hold whole documents", p.firstDoc))
	}
	base := s.next
	s.next += p.n
	s.lastDoc = p.lastDoc
	for _, f := range p.folds {
		f.seq += base
		s.folds = append(s.folds, f)
	}
	if s.split != nil {
		s.addSplit(p, base)
	}
	if s.nameMissing != nil {
		s.addNameMissing(p, base)
	}
	if s.index != nil {
		s.index.AddFound(p.nameFound...)
	}
	out := p.found
	*p = Part{}
	if s.ignore != nil {
		out = slices.DeleteFunc(out, s.ignore.Match)
	}
	return out
}

// Finish returns the findings of the checks that compare beads across
// the corpus, once every part is added. bead returns a bead of the
// corpus by its number, with the texts, file and positions Gather saw;
// Finish calls it only for the beads its findings point at or quote
// (few in a corpus), each once. An error of bead is returned as is.
func (s *Stream) Finish(bead func(seq int) (Bead, error)) ([]Finding, error) {
	if s.done {
		return nil, fmt.Errorf("qa: Stream.Finish called twice")
	}
	s.done = true
	f := &fetcher{get: bead, beads: map[int]*Bead{}}
	r := &Reporter{}
	var err error
	for _, c := range s.inconsistent {
		r.check = c
		by := Src
		if c.Code == "inconsistent-source" {
			by = Tgt
		}
		if err = s.finishInconsistent(f, r, by); err != nil {
			return nil, err
		}
	}
	s.folds = nil
	if s.split != nil {
		r.check = s.split
		if err = s.finishSplit(f, r); err != nil {
			return nil, err
		}
		s.words, s.wordList, s.wordCounts, s.pairs, s.splitPairs, s.splits = nil, nil, nil, nil, nil, nil
	}
	if s.nameMissing != nil {
		r.check = s.nameMissing
		if err = s.finishNameMissing(f, r); err != nil {
			return nil, err
		}
		s.nameSeen, s.misses = nil, nil
	}
	if s.index != nil {
		s.groups = s.index.Groups()
		s.index = nil
	}
	if s.nameVariant != nil {
		r.check = s.nameVariant
		for _, nf := range names.Findings(s.groups) {
			if nf.Seq < 0 || nf.Seq >= s.next {
				continue
			}
			b, err := f.bead(nf.Seq)
			if err != nil {
				return nil, err
			}
			r.Flag(b, Tgt, nf.Start, nf.End, nf.Message, nf.Suggested)
		}
	}
	out := r.found
	if s.ignore != nil {
		out = slices.DeleteFunc(out, s.ignore.Match)
	}
	Sort(out)
	return out, nil
}

// NameGroups returns, after Finish, what Input.NameGroups returns for
// the whole corpus; each place's Seq is the bead's number in the
// corpus.
func (s *Stream) NameGroups() []names.Group { return s.groups }

// fetcher reads back the beads Finish needs, each once.
type fetcher struct {
	get   func(seq int) (Bead, error)
	beads map[int]*Bead
}

func (f *fetcher) bead(seq int) (*Bead, error) {
	if b, ok := f.beads[seq]; ok {
		return b, nil
	}
	b, err := f.get(seq)
	if err != nil {
		return nil, err
	}
	f.beads[seq] = &b
	return &b, nil
}
