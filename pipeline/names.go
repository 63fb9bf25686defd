package pipeline

import (
	"path/filepath"
	"sort"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/names"
	"github.com/align-tools/align/qa"
)

// nameVariants groups the spellings of names over all units of a run
// (names), attaches a name-variant note to every unit that holds a
// spelling other than its group's suggestion, and returns the groups and
// those findings in the form of the checks, so that they reach
// flags.json and flags.csv with file, line and column.
func nameVariants(units []corpora.Unit, cfg Config, locate func(u *corpora.Unit, s qa.Side) qa.Segment) ([]names.Group, []qa.Finding) {
	idx := names.NewIndex(names.Options{Scheme: cfg.Translit, Official: cfg.Official, Src: cfg.Src, Tgt: cfg.Tgt})
	segs := make([]qa.Segment, len(units))
	for i := range units {
		u := &units[i]
		if locate != nil {
			segs[i] = locate(u, qa.Tgt)
		}
		seg := segs[i]
		var lineOf func(int) int
		if seg.Pos != nil && seg.Text != "" {
			lineOf = func(off int) int {
				line, _ := seg.Pos(rawOffset(seg.Text, off))
				return line
			}
		}
		file := u.Doc
		if seg.File != "" {
			file = seg.File
		}
		idx.AddPair(file, u.SrcText, u.TgtText, lineOf)
	}
	groups := idx.Groups()
	var out []qa.Finding
	for _, f := range names.Findings(groups) {
		if f.Seq < 0 || f.Seq >= len(units) {
			continue
		}
		u := &units[f.Seq]
		u.Notes = append(u.Notes, f.Note())
		seg := segs[f.Seq]
		qf := qa.Finding{
			Code: names.Code, Severity: qa.Warning, Category: qa.Names,
			File: seg.File, Doc: u.Doc, Bead: u.Bead, Side: qa.Tgt,
			Start: f.Start, End: f.End, Text: u.TgtText[f.Start:f.End],
			Message: f.Message, Suggestion: f.Suggested,
		}
		if seg.Pos != nil && seg.Text != "" {
			qf.Start, qf.End = rawOffset(seg.Text, f.Start), rawOffset(seg.Text, f.End)
			qf.Line, qf.Col = seg.Pos(qf.Start)
		}
		out = append(out, qf)
	}
	return groups, out
}

// rawOffset is the inverse of segmentOffset: the byte offset in raw of
// the character at offset off of corpora.Segment(raw).
func rawOffset(raw string, off int) int {
	return sort.Search(len(raw)+1, func(i int) bool { return segmentOffset(raw, i) >= off })
}

// addNames writes names.json with the others.
func (o *outputs) addNames(groups []names.Group) error {
	f, err := createAtomic(filepath.Join(o.dir, "names.json"))
	if err != nil {
		return err
	}
	o.files = append(o.files, f)
	o.review.report.Names = NameGroups(groups, o.review.report.Units)
	return names.WriteJSON(f, groups)
}
