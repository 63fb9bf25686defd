package qa

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/lang"
	"github.com/align-tools/align/names"
)

// Segment is a text a check reads: one side of a bead, or a paragraph of
// a text read alone. Text is the text as written in the input (a
// document after the safe normalization of lang.Normalize, a TMX segment
// after XML decoding), never folded for comparison.
type Segment struct {
	Text string
	File string // the input file the text comes from
	// Pos returns the 1-based line and column in File of the byte offset
	// off of Text; nil when the input has no positions. The checks call
	// it from several goroutines at once.
	Pos func(off int) (line, col int)
}

// Empty reports whether the segment has no text.
func (s Segment) Empty() bool { return strings.TrimSpace(s.Text) == "" }

// Bead is one unit the checks see: a source and a target segment that
// the aligner (or the corpus file) paired. Either side may be empty: an
// unaligned sentence, or a text read alone (no source at all).
type Bead struct {
	Doc      string // the document's name
	N        int    // 1-based number of the bead in its document; 0 for a text read alone
	Src, Tgt Segment
	// SrcN and TgtN are the numbers of sentences on each side, 0 for an
	// empty side (bead shape "2-1" is SrcN=2, TgtN=1).
	SrcN, TgtN int
	// Alone marks a paragraph of a text read alone: it has no source
	// side to compare, and the checks between languages skip it.
	Alone bool
}

// Input is everything the checks run on.
type Input struct {
	Beads    []Bead
	Src, Tgt language.Tag // the languages; ru and en when zero
	// Bilingual is set when the beads have source sides, so the checks
	// between the languages run. It is false for a text read alone.
	Bilingual bool
	// Glossary, when not nil, lists terms the glossary check enforces.
	Glossary *Glossary
	// NameMatch, when not nil, tells whether the English text en renders
	// the Russian name ru; the name-missing check uses it in place of its
	// own comparison of match keys. The names package plugs in here.
	// It is called from several goroutines at once.
	NameMatch func(ru, en string) bool
	// Names configures the grouping of name spellings behind the
	// name-variant check (house scheme, official spellings).
	Names names.Options

	namesOnce  sync.Once
	namesSet   atomic.Bool // nameGroups is set
	nameGroups []names.Group
}

// NameGroups returns the names the beads spell in more than one way,
// grouped across all of them (package names), computed once (by Run
// when it runs the name-variant check). Each place's Seq is the index
// of its bead in Beads.
func (in *Input) NameGroups() []names.Group {
	in.namesOnce.Do(func() {
		s := &Stream{src: in.srcTag(), tgt: in.tgtTag()}
		s.indexNames(in)
		s.run(in.Beads)
		// With no check to run, Finish reads no bead.
		if _, err := s.Finish(nil); err != nil {
			panic(err)
		}
		in.setNameGroups(s.NameGroups())
	})
	return in.nameGroups
}

// setNameGroups sets the name groups of in; call it within namesOnce.
func (in *Input) setNameGroups(groups []names.Group) {
	in.nameGroups = groups
	in.namesSet.Store(true)
}

// TextInput makes the input of an English (or other target-language)
// text read alone: one bead per paragraph, target side only.
func TextInput(d *corpora.Document) *Input {
	in := &Input{Tgt: d.Lang}
	for _, p := range lang.Paragraphs(d.Text) {
		start := p.Start
		in.Beads = append(in.Beads, Bead{
			Doc:   d.Name,
			Tgt:   Segment{Text: d.Text[p.Start:p.End], File: d.Path, Pos: func(off int) (int, int) { return d.Position(start + off) }},
			TgtN:  1,
			Alone: true,
		})
	}
	return in
}

// paired returns in without the beads of texts read alone: in itself
// when it has none.
func (in *Input) paired() *Input {
	if !slices.ContainsFunc(in.Beads, func(b Bead) bool { return b.Alone }) {
		return in
	}
	out := &Input{Src: in.Src, Tgt: in.Tgt, Bilingual: in.Bilingual, Glossary: in.Glossary, NameMatch: in.NameMatch, Names: in.Names}
	for _, b := range in.Beads {
		if !b.Alone {
			out.Beads = append(out.Beads, b)
		}
	}
	return out
}

func (in *Input) srcTag() language.Tag {
	if in.Src == (language.Tag{}) {
		return language.Russian
	}
	return in.Src
}

func (in *Input) tgtTag() language.Tag {
	if in.Tgt == (language.Tag{}) {
		return language.English
	}
	return in.Tgt
}

// seg returns the segment of side s of b.
func (b *Bead) seg(s Side) *Segment {
	if s == Src {
		return &b.Src
	}
	return &b.Tgt
}

// runeCount is utf8.RuneCountInString, named for brevity in checks.
func runeCount(s string) int { return utf8.RuneCountInString(s) }
