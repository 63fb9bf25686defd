package pipeline

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/names"
	"github.com/align-tools/align/qa"
)

// checkUnits runs the checks (qa) on the units of a run as one corpus,
// attaches every finding to its unit as a corpora.Note (Start and End
// in the unit's SrcText or TgtText) and returns the findings in order,
// with the names spelled more than one way for names.json.
// locate gives the text of one side of a unit as it stands in its input
// file, with positions; when it is nil, or returns a segment with no
// text for a side that has some, the unit's own text is checked and the
// findings have no line and column.
func checkUnits(units []corpora.Unit, cfg Config, locate func(u *corpora.Unit, s qa.Side) qa.Segment) ([]qa.Finding, []names.Group, error) {
	in := checkInput(cfg)
	in.Beads = beadsOf(units, locate)
	fs, err := qa.Run(in, cfg.Checks)
	if err != nil {
		return nil, nil, err
	}
	where := unitIndex(units)
	for _, f := range fs {
		i, ok := where(f.Doc, f.Bead)
		if !ok {
			continue
		}
		u := &units[i]
		u.Notes = append(u.Notes, noteOf(f, in.Beads[i].Src.Text, in.Beads[i].Tgt.Text))
	}
	return fs, in.NameGroups(), nil
}

// checkInput is the input of the checks of a run, without beads.
func checkInput(cfg Config) *qa.Input {
	return &qa.Input{Src: cfg.Src, Tgt: cfg.Tgt, Bilingual: true, Glossary: cfg.Glossary,
		Names: names.Options{Scheme: cfg.Translit, Official: cfg.Official}}
}

// beadsOf returns the beads the checks read of units: with the text of
// each side as it stands in its input file, with positions, when locate
// finds it; else the unit's own text, and the findings have no line and
// column.
func beadsOf(units []corpora.Unit, locate func(u *corpora.Unit, s qa.Side) qa.Segment) []qa.Bead {
	beads := make([]qa.Bead, 0, len(units))
	for i := range units {
		u := &units[i]
		seg := func(s qa.Side, text string) qa.Segment {
			if locate != nil {
				if g := locate(u, s); g.Text != "" || text == "" {
					return g
				}
			}
			return qa.Segment{Text: text}
		}
		beads = append(beads, qa.Bead{
			Doc: u.Doc, N: u.Bead,
			Src: seg(qa.Src, u.SrcText), Tgt: seg(qa.Tgt, u.TgtText),
			SrcN: len(u.Src), TgtN: len(u.Tgt),
		})
	}
	return beads
}

// noteOf is the note of finding f on its unit, whose sides the checks
// read as src and tgt: its span is moved onto the unit's text, which
// corpora.Segment makes of theirs.
func noteOf(f qa.Finding, src, tgt string) corpora.Note {
	raw := tgt
	if f.Side == qa.Src {
		raw = src
	}
	return corpora.Note{
		Code: f.Code, Severity: f.Severity.String(), Message: f.Message, Side: f.Side.String(),
		Start: segmentOffset(raw, f.Start), End: segmentOffset(raw, f.End), Suggestion: f.Suggestion,
	}
}

// docIndex tells the document of a unit of a run by its number, from
// where each document's units start: the units of a document follow one
// another, numbered from 1.
type docIndex struct {
	starts []int
	names  []string
	first  map[string]int // the number of each document's first unit
}

// add records the units of a batch, numbered from seq.
func (x *docIndex) add(seq int, units []corpora.Unit) {
	if x.first == nil {
		x.first = map[string]int{}
	}
	for k := range units {
		d := units[k].Doc
		if len(x.names) > 0 && x.names[len(x.names)-1] == d {
			continue
		}
		x.starts = append(x.starts, seq+k)
		x.names = append(x.names, d)
		if _, ok := x.first[d]; !ok {
			x.first[d] = seq + k
		}
	}
}

// docOf returns the document of unit seq, or "".
func (x *docIndex) docOf(seq int) string {
	i := sort.SearchInts(x.starts, seq+1) - 1
	if seq < 0 || i < 0 {
		return ""
	}
	return x.names[i]
}

// seqOf returns the number of the unit of a document and bead number.
func (x *docIndex) seqOf(doc string, bead int) (int, bool) {
	start, ok := x.first[doc]
	seq := start + bead - 1
	return seq, ok && bead >= 1 && x.docOf(seq) == doc
}

// bead returns the bead the checks read of u.
func (u *spooled) bead() qa.Bead {
	return qa.Bead{
		Doc: u.Doc, N: u.Bead,
		Src: u.seg[qa.Src].segment(), Tgt: u.seg[qa.Tgt].segment(),
		SrcN: len(u.Src), TgtN: len(u.Tgt),
	}
}

// spooledUnits gives the units of the spool with the notes of their
// findings, added in the order of findings (sorted).
func spooledUnits(sp *spool, findings []qa.Finding, docs *docIndex) unitSource {
	// The findings by the number of their unit, in their order.
	type ref struct{ seq, k int }
	refs := make([]ref, 0, len(findings))
	for k, f := range findings {
		if seq, ok := docs.seqOf(f.Doc, f.Bead); ok {
			refs = append(refs, ref{seq, k})
		}
	}
	slices.SortFunc(refs, func(a, b ref) int { return cmp.Or(cmp.Compare(a.seq, b.seq), cmp.Compare(a.k, b.k)) })
	return func(yield func(u *corpora.Unit) error) error {
		next := 0
		return sp.each(func(seq int, u *spooled) error {
			for next < len(refs) && refs[next].seq < seq {
				next++
			}
			for ; next < len(refs) && refs[next].seq == seq; next++ {
				u.Notes = append(u.Notes, noteOf(findings[refs[next].k], u.seg[qa.Src].text, u.seg[qa.Tgt].text))
			}
			return yield(&u.Unit)
		})
	}
}

// unitIndex returns a function that finds the unit of a document and
// bead number. The units of a run hold the beads of each document
// together and in order, numbered from 1, so the unit is found from
// where its document starts; for units laid out otherwise, a map of
// every unit is made the first time it is needed.
func unitIndex(units []corpora.Unit) func(doc string, bead int) (int, bool) {
	var docs docIndex
	docs.add(0, units)
	type key struct {
		doc string
		n   int
	}
	var all map[key]int
	return func(doc string, bead int) (int, bool) {
		if i, ok := docs.seqOf(doc, bead); ok && i < len(units) && units[i].Bead == bead {
			return i, true
		}
		if all == nil {
			all = make(map[key]int, len(units))
			for i := range units {
				all[key{units[i].Doc, units[i].Bead}] = i
			}
		}
		i, ok := all[key{doc, bead}]
		return i, ok
	}
}

// jobLocator finds the text of the units of a run in their documents:
// a unit's sentence numbers are those of the whole source and target
// documents of the jobs named as the unit's document. A unit whose
// sentences are not consecutive in the document (a speech interrupted by
// another) is checked in its own text, without positions.
func jobLocator(jobs []*speechJob) func(u *corpora.Unit, s qa.Side) qa.Segment {
	type docs struct{ src, tgt *positions }
	byName := map[string]*docs{}
	for _, j := range jobs {
		d := byName[j.name]
		if d == nil {
			d = &docs{}
			byName[j.name] = d
		}
		if j.sp != nil && d.src == nil {
			d.src = &positions{d: j.sp.doc}
		}
		if j.tp != nil && d.tgt == nil {
			d.tgt = &positions{d: j.tp.doc}
		}
	}
	return func(u *corpora.Unit, s qa.Side) qa.Segment {
		p := byName[u.Doc]
		if p == nil {
			return qa.Segment{}
		}
		pos, ids := p.tgt, u.Tgt
		if s == qa.Src {
			pos, ids = p.src, u.Src
		}
		if pos == nil {
			return qa.Segment{}
		}
		d := pos.d
		if len(ids) == 0 || ids[0] < 1 || ids[len(ids)-1] > len(d.Sentences) {
			return qa.Segment{File: d.Path}
		}
		for k := 1; k < len(ids); k++ {
			if ids[k] != ids[k-1]+1 {
				return qa.Segment{File: d.Path}
			}
		}
		return docSegment(pos, ids[0]-1, ids[len(ids)-1])
	}
}

// docSegment is the text of sentences [start, end) of a document as
// written, spaces and line breaks between them included, with its way
// back to the file.
func docSegment(pos *positions, start, end int) qa.Segment {
	d := pos.d
	if start >= end {
		return qa.Segment{File: d.Path}
	}
	from, to := d.Sentences[start].Start, d.Sentences[end-1].End
	return qa.Segment{
		Text: d.Text[from:to],
		File: d.Path,
		Pos:  func(off int) (int, int) { return pos.at(from + off) },
	}
}

// positions answers Document.Position for the offsets of a document
// asked in mostly increasing order, as those of the segments of its
// units are, counting only the text between one offset and the next:
// Position counts from the start of the line every time, which on a
// document written on one line makes asking for every segment take time
// quadratic in its length. It may be used from several goroutines.
type positions struct {
	d         *Doc
	mu        sync.Mutex
	off       int // the offset answered last
	line, col int // its position; line is 0 before the first answer
}

func (p *positions) at(off int) (line, col int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	off = max(0, min(off, len(p.d.Text)))
	if p.line == 0 || off < p.off {
		p.line, p.col = p.d.Position(off)
	} else {
		p.line, p.col = advance(p.line, p.col, p.d.Text[p.off:off])
	}
	p.off = off
	return p.line, p.col
}

// advance returns the position after text of the position line, col,
// as corpora.Document counts positions: lines end at "\n", columns count
// characters from 1.
func advance(line, col int, text string) (int, int) {
	if k := strings.LastIndexByte(text, '\n'); k >= 0 {
		return line + strings.Count(text, "\n"), utf8.RuneCountInString(text[k+1:]) + 1
	}
	return line, col + utf8.RuneCountInString(text)
}

// segmentOffset maps a byte offset of raw to the offset of the same
// character in corpora.Segment(raw), which makes every run of white
// space one space and trims the ends.
func segmentOffset(raw string, off int) int {
	n := 0
	space, started := false, false
	for i := 0; i < len(raw) && i < off; {
		r, sz := utf8.DecodeRuneInString(raw[i:])
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && started {
				n++
			}
			space, started = false, true
			n += sz
		}
		i += sz
	}
	if space && started && off < len(raw) {
		n++ // the character at off follows the collapsed space
	}
	return n
}

// addFlags writes flags.json and flags.csv among the outputs of the run;
// they are renamed into place with the corpus files.
func (o *outputs) addFlags(fs []qa.Finding) error {
	for _, name := range []string{"flags.json", "flags.csv"} {
		f, err := createAtomic(filepath.Join(o.dir, name))
		if err != nil {
			return err
		}
		o.files = append(o.files, f)
		if name == "flags.json" {
			err = qa.WriteJSON(f, fs)
		} else {
			err = qa.WriteCSV(f, fs)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// writeFlagCounts adds the line "flags: code n, ..." of the summary.
func writeFlagCounts(sb *strings.Builder, counts []qa.CodeCount) {
	sb.WriteString("flags:")
	if len(counts) == 0 {
		sb.WriteString(" none")
	}
	for i, c := range counts {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(sb, " %s %d", c.Code, c.Count)
	}
	sb.WriteByte('\n')
}
