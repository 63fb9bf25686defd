package pipeline

import (
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/align-tools/align/align"
	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/transcript"
)

// batch is the work of one output document (one Unit.Doc): the jobs of
// its speech pairs. A batch of two files of the same name whose
// documents were not kept in memory (Config.KeepText) holds no jobs, but
// the files, read again when the batch is aligned.
type batch struct {
	name  string
	jobs  []*speechJob // in the order of their first source sentences; nil when not kept
	files *filePair    // the two files of the same name the batch was planned from, or nil
	// sizes are the source sentences of each job, for the sample of the
	// first pass; first holds the first pass's beads of each job of a
	// batch not kept (nil for a job left out of the first pass).
	sizes []int
	first []align.Beads
	self  []bool // the jobs of a batch not kept that learn from themselves
}

// learnsAlone marks job k of b as a long document the first pass left
// out, which learns from itself (Options.selfLearn).
func (b *batch) learnsAlone(k int) {
	if b.jobs != nil {
		b.jobs[k].self = true
		return
	}
	if b.self == nil {
		b.self = make([]bool, len(b.sizes))
	}
	b.self[k] = true
}

// filePair is two files of the same name, one per folder.
type filePair struct{ name, src, tgt string }

// DefaultKeepText is Config.KeepText when it is zero: 16 MiB of text,
// the documents of about 1,600 pairs of the benchmark's corpus. Beyond
// it a run reads files again rather than hold more; parsed, the
// documents take about three times their text.
const DefaultKeepText = 16 << 20

// planSpeeches reads the documents of both folders, recognises the
// speeches in them and decides what to align, in batches sorted by name.
// Documents whose names correspond are paired, and their speeches
// paired inside them, one pair at a time; the other documents, and
// those the mapping file names, are pooled and their speeches paired by
// content (transcript.Pair). The lead and boilerplate paragraphs of a
// document are aligned with those of its counterpart: the document of
// the same name, or the one it shares most speeches with. Files that
// cannot be read are recorded in sum.Errors, in the order of the files.
//
// The documents of pairs of the same name are kept in memory until
// they are aligned as long as their text, with that of the pooled
// documents, stays within cfg.KeepText; the pairs planned after that are
// read again when their batch is aligned, so that memory does not grow
// with the number of documents.
func planSpeeches(ctx context.Context, cfg Config, srcFiles, tgtFiles map[string]string, sum *Summary) ([]*batch, error) {
	var fixed []transcript.Fixed
	if cfg.PairsFile != "" {
		f, err := os.Open(cfg.PairsFile)
		if err != nil {
			return nil, fmt.Errorf("pipeline: --pairs: %w", err)
		}
		fixed, err = transcript.ReadPairs(f, cfg.PairsFile)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	mapped := map[string]bool{} // documents the mapping file names
	for i := range fixed {
		for _, ref := range []*string{&fixed[i].Src, &fixed[i].Tgt} {
			*ref = trimDocExt(*ref)
			doc, _, _ := strings.Cut(*ref, "#")
			mapped[doc] = true
		}
	}
	var byName []filePair
	poolSrc, poolTgt := map[string]string{}, map[string]string{}
	for _, n := range slices.Sorted(maps.Keys(srcFiles)) {
		if t, ok := tgtFiles[n]; ok && !mapped[n] {
			byName = append(byName, filePair{n, srcFiles[n], t})
			continue
		}
		poolSrc[n] = srcFiles[n]
	}
	for n, t := range tgtFiles {
		if _, ok := srcFiles[n]; !ok || mapped[n] {
			poolTgt[n] = t
		}
	}

	var notes readNotes
	var batches []*batch
	var srcAlone, tgtAlone []alonePath
	kept := 0 // bytes of document text kept
	limit := cfg.keepText()

	// The pooled documents are read first: pairing by content needs
	// them all.
	srcDocs, tgtDocs, err := readDocs(ctx, cfg, poolSrc, poolTgt, &notes)
	if err != nil {
		return nil, err
	}
	for _, p := range srcDocs {
		kept += len(p.doc.Text)
	}
	for _, p := range tgtDocs {
		kept += len(p.doc.Text)
	}

	// Files of the same name are read and planned on the pool, a pair
	// at a time, in the order of their names.
	err = ordered(ctx, len(byName), cfg.Jobs,
		func(i int) *pairPlan { return planPair(cfg, byName[i]) },
		func(i int, r *pairPlan) error {
			if r.err != nil {
				return r.err
			}
			notes = append(notes, r.notes...)
			r.sum.detach()
			sum.Speeches = append(sum.Speeches, r.sum.Speeches...)
			sum.SpeechesAlone = append(sum.SpeechesAlone, r.sum.SpeechesAlone...)
			srcAlone, tgtAlone = append(srcAlone, r.srcAlone...), append(tgtAlone, r.tgtAlone...)
			if len(r.jobs) == 0 {
				return nil
			}
			if r.paired {
				sum.Pairs = append(sum.Pairs, byName[i].name)
			}
			b := &batch{name: byName[i].name, jobs: r.jobs, files: &byName[i], sizes: jobSizes(r.jobs)}
			if kept+r.text <= limit || r.failed {
				kept += r.text
			} else {
				b.jobs = nil // read again when aligned
			}
			batches = append(batches, b)
			return nil
		})
	if err != nil {
		return nil, err
	}

	if len(poolSrc) > 0 || len(poolTgt) > 0 {
		pooled, err := planPool(srcDocs, tgtDocs, fixed, sum)
		if err != nil {
			return nil, err
		}
		batches = append(batches, pooled...)
		s, t := alone(flatten(pooled), srcDocs, tgtDocs)
		srcAlone, tgtAlone = append(srcAlone, s...), append(tgtAlone, t...)
	}

	notes.record(sum)
	slices.SortStableFunc(batches, func(a, b *batch) int { return strings.Compare(a.name, b.name) })
	sort.Strings(sum.Pairs)
	sum.SrcAlone = sortedPaths(srcAlone)
	sum.TgtAlone = sortedPaths(tgtAlone)
	return batches, nil
}

// planPool pairs the speeches of the pooled documents by content and
// makes their batches, one per name of their jobs; the speeches paired
// and left alone, and the names paired, are added to sum.
func planPool(srcDocs, tgtDocs map[string]*parsedDoc, fixed []transcript.Fixed, sum *Summary) ([]*batch, error) {
	var ps, pt []*parsedDoc
	for _, n := range slices.Sorted(maps.Keys(srcDocs)) {
		ps = append(ps, srcDocs[n])
	}
	for _, n := range slices.Sorted(maps.Keys(tgtDocs)) {
		pt = append(pt, tgtDocs[n])
	}
	var jobs []*speechJob
	if len(ps) > 0 || len(pt) > 0 {
		var pooled Summary
		var err error
		if jobs, err = pairGroup(&pooled, ps, pt, fixed, false); err != nil {
			return nil, err
		}
		pooled.detach()
		sum.Speeches = append(sum.Speeches, pooled.Speeches...)
		sum.SpeechesAlone = append(sum.SpeechesAlone, pooled.SpeechesAlone...)
	}
	for _, p := range append(ps, pt...) {
		p.paired()
	}
	named := map[string]bool{}
	for _, j := range jobs {
		if !named[j.name] {
			named[j.name] = true
			sum.Pairs = append(sum.Pairs, j.name)
		}
	}
	jobs = append(jobs, leftoverJobs(jobs, srcDocs, tgtDocs)...)
	if err := checkCover(jobs); err != nil {
		return nil, err
	}
	sort.SliceStable(jobs, func(a, b int) bool {
		if jobs[a].name != jobs[b].name {
			return jobs[a].name < jobs[b].name
		}
		return jobs[a].order < jobs[b].order
	})
	var batches []*batch
	for _, js := range groupJobs(jobs) {
		batches = append(batches, &batch{name: js[0].name, jobs: js, sizes: jobSizes(js)})
	}
	return batches, nil
}

// flatten returns the jobs of the batches, which must be kept.
func flatten(batches []*batch) []*speechJob {
	var jobs []*speechJob
	for _, b := range batches {
		jobs = append(jobs, b.jobs...)
	}
	return jobs
}

// detach copies the strings of the speeches of s that may be parts of a
// document's text (a speaker's name as the text writes it), so that the
// summary keeps no document in memory.
func (s *Summary) detach() {
	for i := range s.Speeches {
		p := &s.Speeches[i]
		p.Src, p.Tgt, p.Speaker, p.Reason = strings.Clone(p.Src), strings.Clone(p.Tgt), strings.Clone(p.Speaker), strings.Clone(p.Reason)
	}
	for i := range s.SpeechesAlone {
		a := &s.SpeechesAlone[i]
		a.Ref, a.Speaker, a.Reason = strings.Clone(a.Ref), strings.Clone(a.Speaker), strings.Clone(a.Reason)
	}
}

func (c *Config) keepText() int {
	switch {
	case c.KeepText < 0:
		return 0
	case c.KeepText == 0:
		return DefaultKeepText
	}
	return c.KeepText
}

func jobSizes(jobs []*speechJob) []int {
	sizes := make([]int, len(jobs))
	for k, j := range jobs {
		sizes[k] = len(j.srcIdx)
	}
	return sizes
}

// pairPlan is the plan of two files of the same name.
type pairPlan struct {
	jobs               []*speechJob
	sum                Summary // the speeches paired and left alone
	notes              readNotes
	srcAlone, tgtAlone []alonePath
	text               int  // bytes of the documents' text
	failed             bool // a file could not be read
	paired             bool // the two documents were paired
	err                error
}

// planPair reads, splits and parses two files of the same name, pairs
// their speeches and makes their jobs, sorted as their units will be.
func planPair(cfg Config, fp filePair) *pairPlan {
	r := &pairPlan{}
	sp, sn := readDoc(cfg, fp.src, cfg.Src)
	tp, tn := readDoc(cfg, fp.tgt, cfg.Tgt)
	sn.side, sn.name = 0, fp.name
	tn.side, tn.name = 1, fp.name
	r.notes = readNotes{sn, tn}
	srcDocs, tgtDocs := map[string]*parsedDoc{}, map[string]*parsedDoc{}
	if sp != nil {
		srcDocs[fp.name] = sp
		r.text += len(sp.doc.Text)
	}
	if tp != nil {
		tgtDocs[fp.name] = tp
		r.text += len(tp.doc.Text)
	}
	r.failed = sp == nil || tp == nil
	if sp != nil && tp != nil {
		if r.jobs, r.err = pairGroup(&r.sum, []*parsedDoc{sp}, []*parsedDoc{tp}, nil, true); r.err != nil {
			return r
		}
		sp.paired()
		tp.paired()
		r.paired = len(r.jobs) > 0
	}
	r.jobs = append(r.jobs, leftoverJobs(r.jobs, srcDocs, tgtDocs)...)
	if r.err = checkCover(r.jobs); r.err != nil {
		return r
	}
	r.srcAlone, r.tgtAlone = alone(r.jobs, srcDocs, tgtDocs)
	sort.SliceStable(r.jobs, func(a, b int) bool { return r.jobs[a].order < r.jobs[b].order })
	return r
}

// replan reads the files of a batch not kept again and makes its jobs,
// which must be those planned before.
func (b *batch) replan(cfg Config) ([]*speechJob, error) {
	r := planPair(cfg, *b.files)
	if r.err != nil {
		return nil, r.err
	}
	for _, n := range r.notes {
		if n.err != nil {
			return nil, fmt.Errorf("pipeline: %v (read again to align it, after it was read once); run again", n.err)
		}
	}
	if !slices.Equal(jobSizes(r.jobs), b.sizes) {
		return nil, fmt.Errorf("pipeline: %s and %s changed while the run read them; run again", b.files.src, b.files.tgt)
	}
	for k, j := range r.jobs {
		if b.first != nil {
			j.first = b.first[k]
		}
		j.self = b.self != nil && b.self[k]
	}
	return r.jobs, nil
}

// jobsOf returns the jobs of b, reading its files again when they were
// not kept.
func (b *batch) jobsOf(cfg Config) ([]*speechJob, error) {
	if b.jobs != nil {
		return b.jobs, nil
	}
	return b.replan(cfg)
}

// alonePath is a file nothing was aligned from, by its pairing key.
type alonePath struct{ name, path string }

// alone returns the documents of src and tgt that no job with sentences
// on both sides takes from.
func alone(jobs []*speechJob, src, tgt map[string]*parsedDoc) (srcAlone, tgtAlone []alonePath) {
	usedSrc, usedTgt := map[*parsedDoc]bool{}, map[*parsedDoc]bool{}
	for _, j := range jobs {
		if len(j.srcIdx) > 0 && len(j.tgtIdx) > 0 {
			usedSrc[j.sp], usedTgt[j.tp] = true, true
		}
	}
	for n, p := range src {
		if !usedSrc[p] {
			srcAlone = append(srcAlone, alonePath{n, p.doc.Path})
		}
	}
	for n, p := range tgt {
		if !usedTgt[p] {
			tgtAlone = append(tgtAlone, alonePath{n, p.doc.Path})
		}
	}
	return srcAlone, tgtAlone
}

func sortedPaths(as []alonePath) []string {
	slices.SortFunc(as, func(a, b alonePath) int { return strings.Compare(a.name, b.name) })
	var out []string
	for _, a := range as {
		out = append(out, a.path)
	}
	return out
}

// readNote is what reading one file left to report.
type readNote struct {
	side     int // 0 for the source folder, 1 for the target
	name     string
	err      error
	warnings []string
}

type readNotes []readNote

// record adds the errors and warnings to sum in the order of the files:
// the source folder's by name, then the target folder's.
func (ns readNotes) record(sum *Summary) {
	slices.SortStableFunc(ns, func(a, b readNote) int {
		if a.side != b.side {
			return a.side - b.side
		}
		return strings.Compare(a.name, b.name)
	})
	for _, n := range ns {
		if n.err != nil {
			sum.Errors = append(sum.Errors, n.err)
		}
		sum.Warnings = append(sum.Warnings, n.warnings...)
	}
}

// readDoc reads, splits and parses one file; on failure it returns nil
// and the error in the note.
func readDoc(cfg Config, path string, tag language.Tag) (*parsedDoc, readNote) {
	d, err := corpora.Reader{Encoding: cfg.Encoding, Format: cfg.Format}.ReadFile(path, tag)
	if err != nil {
		return nil, readNote{err: err}
	}
	ws := d.Warnings
	if w := languageWarning(d, tag); w != "" {
		ws = append(ws, w)
	}
	sd := Split(d, cfg.Presplit)
	if err := checkSplit(sd); err != nil {
		return nil, readNote{err: err}
	}
	return parseDoc(sd), readNote{warnings: ws}
}

// readDocs reads, splits and parses the documents of both folders on
// one pool, so that both cores stay busy from the first file to the
// last: the source files, then the target files, each in the order of
// their names. What went wrong is added to notes; files that cannot be
// read are left out of the maps. When ctx is done it returns ctx.Err().
func readDocs(ctx context.Context, cfg Config, srcFiles, tgtFiles map[string]string, notes *readNotes) (src, tgt map[string]*parsedDoc, err error) {
	srcNames, tgtNames := slices.Sorted(maps.Keys(srcFiles)), slices.Sorted(maps.Keys(tgtFiles))
	src, tgt = map[string]*parsedDoc{}, map[string]*parsedDoc{}
	file := func(i int) (path string, tag language.Tag, docs map[string]*parsedDoc, side int, name string) {
		if i < len(srcNames) {
			return srcFiles[srcNames[i]], cfg.Src, src, 0, srcNames[i]
		}
		i -= len(srcNames)
		return tgtFiles[tgtNames[i]], cfg.Tgt, tgt, 1, tgtNames[i]
	}
	type result struct {
		p    *parsedDoc
		note readNote
	}
	// Every document is kept, so nothing is gained by bounding the
	// results that wait; each worker takes the next file as soon as it
	// is free, and a long transcript does not hold the others back.
	results, err := eachParallel(ctx, len(srcNames)+len(tgtNames), cfg.Jobs, func(i int) result {
		path, tag, _, _, _ := file(i)
		p, n := readDoc(cfg, path, tag)
		return result{p, n}
	})
	if err != nil {
		return nil, nil, err
	}
	for i, r := range results {
		_, _, docs, side, name := file(i)
		r.note.side, r.note.name = side, name
		*notes = append(*notes, r.note)
		if r.p != nil {
			docs[name] = r.p
		}
	}
	return src, tgt, nil
}
