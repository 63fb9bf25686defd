package pipeline

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/qa"
)

// checkPairs runs the checks (qa) on the aligned pairs of a run, as one
// corpus, attaches every finding to its unit as a corpora.Note (with
// Start and End in the unit's SrcText or TgtText) and returns the
// findings in order. units[i] are the units of pairs[i], one per bead.
func checkPairs(pairs []*Pair, units [][]corpora.Unit, cfg Config) ([]qa.Finding, error) {
	in := &qa.Input{Src: cfg.Src, Tgt: cfg.Tgt, Bilingual: true, Glossary: cfg.Glossary}
	type key struct {
		doc string
		n   int
	}
	where := map[key]*corpora.Unit{}
	for i, p := range pairs {
		for k, b := range p.Beads {
			in.Beads = append(in.Beads, qa.Bead{
				Doc: p.Name, N: k + 1,
				Src:  docSegment(p.Src, b.Src.Start, b.Src.End),
				Tgt:  docSegment(p.Tgt, b.Tgt.Start, b.Tgt.End),
				SrcN: b.Src.End - b.Src.Start, TgtN: b.Tgt.End - b.Tgt.Start,
			})
			where[key{p.Name, k + 1}] = &units[i][k]
		}
	}
	fs, err := qa.Run(in, cfg.Checks)
	if err != nil {
		return nil, err
	}
	beadOf := map[key]*qa.Bead{}
	for i := range in.Beads {
		beadOf[key{in.Beads[i].Doc, in.Beads[i].N}] = &in.Beads[i]
	}
	for _, f := range fs {
		u, b := where[key{f.Doc, f.Bead}], beadOf[key{f.Doc, f.Bead}]
		if u == nil || b == nil {
			continue
		}
		raw := b.Tgt.Text
		if f.Side == qa.Src {
			raw = b.Src.Text
		}
		u.Notes = append(u.Notes, corpora.Note{
			Code: f.Code, Severity: f.Severity.String(), Message: f.Message, Side: f.Side.String(),
			Start: segmentOffset(raw, f.Start), End: segmentOffset(raw, f.End), Suggestion: f.Suggestion,
		})
	}
	return fs, nil
}

// docSegment is the text of sentences [start, end) of d as written,
// spaces and line breaks between them included, with its way back to
// the file.
func docSegment(d *Doc, start, end int) qa.Segment {
	if start >= end {
		return qa.Segment{File: d.Path}
	}
	from, to := d.Sentences[start].Start, d.Sentences[end-1].End
	return qa.Segment{
		Text: d.Text[from:to],
		File: d.Path,
		Pos:  func(off int) (int, int) { return d.Position(from + off) },
	}
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
