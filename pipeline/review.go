package pipeline

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/corpora/plaintext"
	"github.com/align-tools/align/corpora/xliff"
	"github.com/align-tools/align/lang"
	"github.com/align-tools/align/names"
	"github.com/align-tools/align/qa"
	"github.com/align-tools/align/report"
)

// Filter chooses the units the Moses, TSV and JSONL files keep; the TMX,
// the XLIFF and the report keep every unit. The zero value keeps all.
type Filter struct {
	// MinScore drops units scored below it (the score as written, with
	// two decimals); units with one side only score 0, so any MinScore
	// above 0 drops them too.
	MinScore float64
	// Dedupe drops a unit whose source and target text (as segments)
	// are those of an earlier unit.
	Dedupe bool
	// ExcludeCodes drops units with a finding of one of these codes.
	ExcludeCodes []string
}

// Active reports whether f drops anything.
func (f Filter) Active() bool { return f.MinScore > 0 || f.Dedupe || len(f.ExcludeCodes) > 0 }

// Filtered says how many units each filter removed. A unit is counted
// once, under the first filter that removed it, in the order flagged,
// score, duplicate.
type Filtered struct {
	Filter
	Flagged, LowScore, Duplicate int
}

// String says what the filters removed, on one line.
func (f *Filtered) String() string {
	var parts []string
	if len(f.ExcludeCodes) > 0 {
		parts = append(parts, fmt.Sprintf("%d flagged %s", f.Flagged, strings.Join(f.ExcludeCodes, ",")))
	}
	if f.MinScore > 0 {
		parts = append(parts, fmt.Sprintf("%d scored below %s", f.LowScore, corpora.FormatScore(f.MinScore)))
	}
	if f.Dedupe {
		parts = append(parts, fmt.Sprintf("%d duplicates", f.Duplicate))
	}
	return "left out of the Moses, TSV and JSONL files: " + strings.Join(parts, ", ")
}

type filterState struct {
	Filtered
	seen map[string]bool
}

// keep applies the filter to u and counts what it drops.
func (s *filterState) keep(u *corpora.Unit) bool {
	for _, n := range u.Notes {
		if slices.Contains(s.ExcludeCodes, n.Code) {
			s.Flagged++
			return false
		}
	}
	if corpora.RoundScore(u.Score) < s.MinScore {
		s.LowScore++
		return false
	}
	if s.Dedupe {
		key := corpora.Segment(u.SrcText) + "\x00" + corpora.Segment(u.TgtText)
		if s.seen[key] {
			s.Duplicate++
			return false
		}
		if s.seen == nil {
			s.seen = map[string]bool{}
		}
		s.seen[key] = true
	}
	return true
}

// review is the part of a run's files besides TMX, Moses and TSV: the
// JSON Lines corpus (filtered), the XLIFF for review and the HTML report
// (every unit).
type review struct {
	filter filterState
	parts  []part
	report report.Report  // the report's settings; its names are set by begin
	stream *report.Stream // the report being written, from begin to end
	body   *os.File       // the scratch file of the report's rows
}

func newReview(cfg Config, open func(name string) (*atomicFile, error)) (*review, error) {
	r := &review{filter: filterState{Filtered: Filtered{Filter: cfg.Filter}}}
	f, err := open("corpus.jsonl")
	if err != nil {
		return nil, err
	}
	r.parts = append(r.parts, writerPart(plaintext.NewJSONLWriter(f), true, f))
	if !cfg.noXLIFF {
		if f, err = open("review.xlf"); err != nil {
			return nil, err
		}
		x := xliff.NewWriter(f, xliff.Header{Src: cfg.Src, Tgt: cfg.Tgt, ToolVersion: cfg.Version, ReviewBelow: cfg.ReviewBelow})
		r.parts = append(r.parts, writerPart(x, false, f))
	}
	html, err := open("report.html")
	if err != nil {
		return nil, err
	}
	r.parts = append(r.parts, part{files: []*atomicFile{html},
		write: func(units []corpora.Unit, _ []bool) error {
			for i := range units {
				if err := r.stream.Add(&units[i]); err != nil {
					return err
				}
			}
			return nil
		},
		flush: func() error { return r.stream.Finish(html) },
	})
	// No title from the folders: a report rebuilt by Apply is the same
	// page as the run's.
	r.report = report.Report{Src: cfg.Src, Tgt: cfg.Tgt, ReviewBelow: cfg.ReviewBelow}
	return r, nil
}

// begin starts the report, with its table of names, before the units
// are written; its rows wait in a scratch file in dir until end.
func (r *review) begin(dir string, names []report.NameGroup) error {
	body, err := os.CreateTemp(dir, ".report-rows-*")
	if err != nil {
		return fmt.Errorf("pipeline: cannot make a scratch file in %s: %w; check the output folder's permissions and free space", dir, err)
	}
	r.body = body
	rep := r.report
	rep.Names = names
	r.stream = report.NewStream(rep, body)
	return nil
}

// end removes the scratch file of the report.
func (r *review) end() {
	if r.body != nil {
		r.body.Close()
		os.Remove(r.body.Name())
		r.body = nil
	}
}

// NameGroups turns the groups of the names index into the report's name
// table: the suggested spelling first (listed with count 0 when the
// corpus never uses it), then the others in the index's order. docOf
// gives the document of the unit of a place's Seq (the number of the
// unit given to the index), or "" when there is none: each place is
// shown as the document of its unit, or else as its file.
func NameGroups(groups []names.Group, docOf func(seq int) string) []report.NameGroup {
	var out []report.NameGroup
	for _, g := range groups {
		rg := report.NameGroup{Key: g.Russian, Note: "suggested " + g.Suggested + ": " + g.Reason}
		if rg.Key == "" {
			rg.Key = g.Suggested
		}
		rg.Forms = append(rg.Forms, report.NameForm{Text: g.Suggested, Side: "tgt"})
		for _, s := range g.Spellings {
			f := report.NameForm{Text: s.Text, Side: "tgt", Count: s.Count}
			for _, p := range s.Places {
				doc := docOf(p.Seq)
				if doc == "" {
					doc = p.File
				}
				if !slices.Contains(f.Docs, doc) {
					f.Docs = append(f.Docs, doc)
				}
			}
			if s.Text == g.Suggested {
				rg.Forms[0] = f
				continue
			}
			rg.Forms = append(rg.Forms, f)
		}
		out = append(out, rg)
	}
	return out
}

// unitDoc returns the docOf of NameGroups for units held in memory.
func unitDoc(units []corpora.Unit) func(seq int) string {
	return func(seq int) string {
		if seq < 0 || seq >= len(units) {
			return ""
		}
		return units[seq].Doc
	}
}

// filtered returns what the filter removed, or nil when it was off.
func (r *review) filtered() *Filtered {
	if !r.filter.Active() {
		return nil
	}
	f := r.filter.Filtered
	return &f
}

// ReadCorpus reads the units of an earlier run from its folder: from
// corpus.jsonl, or from corpus.tsv when there is no JSON Lines file (the
// units read from TSV have no findings). The units are
// those the run's filters kept.
func ReadCorpus(dir string) ([]corpora.Unit, string, error) {
	for _, name := range []string{"corpus.jsonl", "corpus.tsv"} {
		path := filepath.Join(dir, name)
		f, err := os.Open(path)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, path, fmt.Errorf("pipeline: %w", err)
		}
		defer f.Close()
		if name == "corpus.jsonl" {
			units, err := plaintext.ReadJSONL(f)
			if err != nil {
				return nil, path, fmt.Errorf("pipeline: %s: %w", path, err)
			}
			return units, path, nil
		}
		rows, err := plaintext.ReadTSVRows(f, path)
		if err != nil {
			return nil, path, err
		}
		units := make([]corpora.Unit, len(rows))
		for i, r := range rows {
			units[i] = r.Unit
		}
		return units, path, nil
	}
	return nil, "", fmt.Errorf("pipeline: %s holds neither corpus.jsonl nor corpus.tsv; give the output folder of align speeches", dir)
}

// WriteReport writes dir/report.html from units, replacing any report
// there, and returns the path written. When r.Names is nil, the name
// table is made from the units (their notes are taken as they are).
func WriteReport(dir string, units []corpora.Unit, r report.Report) (string, error) {
	path := filepath.Join(dir, "report.html")
	f, err := createAtomic(path)
	if err != nil {
		return "", err
	}
	r.Units = units
	if r.Names == nil {
		idx := names.NewIndex(names.Options{Src: r.Src, Tgt: r.Tgt})
		for i := range units {
			idx.AddPair(units[i].Doc, units[i].SrcText, units[i].TgtText, nil)
		}
		r.Names = NameGroups(idx.Groups(), unitDoc(units))
	}
	if err := report.Write(f, &r); err != nil {
		f.abort()
		return "", err
	}
	return path, f.commit()
}

// ApplyConfig configures Apply. The zero value of every field but Review
// is usable.
type ApplyConfig struct {
	Review string // the reviewed XLIFF file
	OutDir string // where the corpus files go; the XLIFF's folder when empty
	Filter
	ReviewBelow float64
	Version     string
	// The checks and names are run again on the reviewed text, as Run
	// runs them; give the settings the run had.
	Checks   qa.Config
	Glossary *qa.Glossary
	Translit lang.Scheme
	Official []string
}

// Applied is what Apply did.
type Applied struct {
	Units    int // trans-units read
	Edited   int // units whose source or target text the reviewer changed
	Rejected int // units the reviewer rejected (state "x-rejected")
	Filtered *Filtered
	Outputs  []string
}

// WriteTo prints what Apply did for a person.
func (a *Applied) WriteTo(w io.Writer) (int64, error) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "units: %d, edited %d, rejected %d\n", a.Units, a.Edited, a.Rejected)
	if a.Filtered != nil {
		sb.WriteString(a.Filtered.String() + "\n")
	}
	for _, f := range a.Outputs {
		fmt.Fprintf(&sb, "wrote %s\n", f)
	}
	n, err := io.WriteString(w, sb.String())
	return int64(n), err
}

// RejectedCode is the code of the note Apply puts on the halves of a
// rejected unit.
const RejectedCode = "rejected"

// Apply reads a reviewed XLIFF file (as align speeches wrote it, then
// edited in a CAT tool) and writes the corpus files again, all but the
// XLIFF itself: edited sources and targets replace the old text, and a
// rejected unit is split into a unit of its source sentences and one of
// its target sentences, so no text is lost and no wrong pair is kept.
// The checks and the names are run again on the reviewed text, and
// flags.json, flags.csv and names.json written again too. Edits are
// counted against corpus.jsonl of OutDir when it is there.
func Apply(cfg ApplyConfig) (*Applied, error) {
	f, err := os.Open(cfg.Review)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	defer f.Close()
	x, err := xliff.Read(f, xliff.Limits{})
	if err != nil {
		return nil, fmt.Errorf("pipeline: %s: %w", cfg.Review, err)
	}
	if err := checkCoverage(x.Entries); err != nil {
		return nil, fmt.Errorf("pipeline: %s: %w", cfg.Review, err)
	}
	if cfg.OutDir == "" {
		cfg.OutDir = filepath.Dir(cfg.Review)
	}
	before := map[string]*corpora.Unit{}
	if old, _, err := ReadCorpus(cfg.OutDir); err == nil {
		for i := range old {
			before[fmt.Sprint(old[i].Doc, "\x00", old[i].Bead)] = &old[i]
		}
	}
	a := &Applied{Units: len(x.Entries)}
	var units []corpora.Unit
	bead := map[string]int{}
	next := func(u corpora.Unit) {
		bead[u.Doc]++
		u.Bead = bead[u.Doc]
		units = append(units, u)
	}
	for _, e := range x.Entries {
		u := e.Unit
		u.SrcText, u.TgtText = corpora.Segment(u.SrcText), corpora.Segment(u.TgtText)
		if old := before[fmt.Sprint(u.Doc, "\x00", u.Bead)]; old != nil &&
			(corpora.Segment(old.SrcText) != u.SrcText || corpora.Segment(old.TgtText) != u.TgtText) {
			a.Edited++
		}
		if !e.Rejected() {
			next(u)
			continue
		}
		a.Rejected++
		note := corpora.Note{Code: RejectedCode, Severity: "info", Message: "rejected in review; the sentences are kept unaligned"}
		if len(u.Src) > 0 || u.SrcText != "" {
			next(corpora.Unit{Doc: u.Doc, Src: u.Src, SrcText: u.SrcText, Speech: u.Speech, Speaker: u.Speaker, Notes: []corpora.Note{note}})
		}
		if len(u.Tgt) > 0 || u.TgtText != "" {
			next(corpora.Unit{Doc: u.Doc, Tgt: u.Tgt, TgtText: u.TgtText, Speech: u.Speech, Speaker: u.Speaker, Notes: []corpora.Note{note}})
		}
	}
	if err := os.MkdirAll(cfg.OutDir, 0o755); err != nil {
		return nil, fmt.Errorf("pipeline: cannot make the output folder: %w", err)
	}
	run := Config{OutDir: cfg.OutDir, Src: x.Src, Tgt: x.Tgt, Version: cfg.Version,
		Checks: cfg.Checks, Glossary: cfg.Glossary, Translit: cfg.Translit, Official: cfg.Official,
		reviewConfig: reviewConfig{Filter: cfg.Filter, ReviewBelow: cfg.ReviewBelow, noXLIFF: true}}
	run.defaults()
	// The findings of the run are found again on the reviewed text; notes
	// that are not findings (boilerplate, rejected) stay.
	for i := range units {
		units[i].Notes = slices.DeleteFunc(slices.Clone(units[i].Notes), func(n corpora.Note) bool {
			return n.Code == names.Code || qa.Lookup(n.Code) != nil
		})
	}
	findings, groups, err := checkUnits(units, run, nil)
	if err != nil {
		return nil, err
	}
	out, err := newOutputs(run)
	if err != nil {
		return nil, err
	}
	defer out.abort()
	if a.Outputs, err = out.writeCorpus(sliceSource(units), findings, groups, unitDoc(units)); err != nil {
		return nil, err
	}
	a.Filtered = out.review.filtered()
	return a, nil
}

// checkCoverage checks that the trans-units of every document hold its
// source and target sentences once each, with no number missing below the
// highest: a unit deleted or duplicated in a CAT tool would otherwise lose
// or double sentences in the corpus. (Units may come in any order: speeches
// paired by content need not follow the sentence order of both sides.)
func checkCoverage(entries []xliff.Entry) error {
	type key struct {
		doc  string
		side int
	}
	seen := map[key]map[int]int{} // sentence number → bead holding it
	var order []key
	for _, e := range entries {
		for side, ids := range [2][]int{e.Src, e.Tgt} {
			k := key{e.Doc, side}
			if seen[k] == nil {
				seen[k] = map[int]int{}
				order = append(order, k)
			}
			for _, id := range ids {
				if b, dup := seen[k][id]; dup {
					return fmt.Errorf("document %q: %s sentence %d is in more than one trans-unit (%d and %d); give the review file as align wrote it, with every unit once",
						e.Doc, sideName(side), id, b, e.Bead)
				}
				seen[k][id] = e.Bead
			}
		}
	}
	for _, k := range order {
		top := 0
		for id := range seen[k] {
			top = max(top, id)
		}
		for id := 1; id < top; id++ {
			if _, ok := seen[k][id]; !ok {
				return fmt.Errorf("document %q: %s sentence %d is in no trans-unit; was a unit deleted? Give the review file with every unit (reject a unit with state x-rejected instead)",
					k.doc, sideName(k.side), id)
			}
		}
	}
	return nil
}

func sideName(side int) string { return [2]string{"source", "target"}[side] }

// reviewConfig is the part of Config this file adds; it is embedded in
// Config.
type reviewConfig struct {
	Filter
	// ReviewBelow is the score under which the XLIFF and the report mark
	// a unit for review; zero means 0.5.
	ReviewBelow float64
	noXLIFF     bool // Apply writes every file but the XLIFF it reads
}
