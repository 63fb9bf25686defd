package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/corpora/plaintext"
	"github.com/align-tools/align/corpora/tmx"
	"github.com/align-tools/align/lang"
	"github.com/align-tools/align/names"
	"github.com/align-tools/align/qa"
)

// Config is the configuration of Run. The zero value of every field but
// the folders is usable.
type Config struct {
	SrcDir, TgtDir string       // the folders of source and target documents
	OutDir         string       // where the corpus files go; "out" when empty
	Src, Tgt       language.Tag // the languages; ru and en when zero
	Encoding       corpora.Encoding
	Presplit       bool // take every line as one sentence
	Force          bool // overwrite the corpus files of an earlier run
	// PairsFile is a mapping file (transcript.ReadPairs) that overrides
	// the pairing of speeches by content.
	PairsFile string
	Options
	Version string // written into the TMX header

	// Format is the format of every input; when zero it is recognised
	// for each file from its content and extension.
	Format corpora.Format

	// Checks chooses the checks written to flags.json and flags.csv and
	// attached to the units; the zero value runs them all.
	Checks   qa.Config
	Glossary *qa.Glossary // terms the glossary check enforces
	// Translit is the house transliteration scheme names are checked
	// against; the zero value is lang.Wikipedia. Official lists more
	// official spellings of names, one full name each.
	Translit lang.Scheme
	Official []string

	// Jobs is the number of document pairs aligned at once; 0 means
	// GOMAXPROCS.
	Jobs int
	// KeepText bounds the text, in bytes, of the documents kept in
	// memory from the planning of a run to their alignment: the files
	// of the same name planned beyond it are read again when they are
	// aligned. 0 means DefaultKeepText; a negative value keeps none.
	KeepText int
	// Progress, when set, is called as the alignment goes on, with the
	// steps done, the steps in all and the sentences aligned so far: a
	// step is a document pair of the first pass, then one of the second.
	Progress func(done, total, sentences int)

	reviewConfig // filters and the review threshold: review.go

	sample int // source sentences the first pass samples; learnSentences when 0
}

func (c *Config) defaults() {
	if c.OutDir == "" {
		c.OutDir = "out"
	}
	if c.Src == (language.Tag{}) {
		c.Src = language.Russian
	}
	if c.Tgt == (language.Tag{}) {
		c.Tgt = language.English
	}
	if c.Jobs <= 0 {
		c.Jobs = runtime.GOMAXPROCS(0)
	}
}

// Summary is what a run did.
type Summary struct {
	Pairs     []string // names of the documents paired, in order
	SrcAlone  []string // source files with no partner
	TgtAlone  []string // target files with no partner
	SrcSents  int
	TgtSents  int
	BeadTypes map[string]int
	Outputs   []string // the files written
	// Speeches are the speeches paired, with their confidence;
	// SpeechesAlone those left without a counterpart.
	Speeches      []SpeechPair
	SpeechesAlone []SpeechAlone
	Errors        []error  // files that could not be read; the run went on
	Warnings      []string // files left out, guesses to check; each names its file
	Flags         []qa.CodeCount
	Elapsed       time.Duration // how long the run took; not written into any output
	// Stages is how long each step of the run took, in order; like
	// Elapsed, it is printed and written into no output.
	Stages     []Stage
	NameGroups int       // names spelled more than one way (names.json)
	Filtered   *Filtered // what the filters left out; nil when they were off
}

// Stage is one step of a run and how long it took.
type Stage struct {
	Name    string
	Elapsed time.Duration
}

// stopwatch records the stages of a run.
type stopwatch struct {
	last   time.Time
	stages []Stage
}

func (w *stopwatch) lap(name string) {
	now := time.Now()
	w.stages = append(w.stages, Stage{name, now.Sub(w.last)})
	w.last = now
}

// Problems collects the errors of a run that went on past them.
type Problems []error

func (p Problems) Error() string {
	parts := make([]string, len(p))
	for i, e := range p {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Run aligns every pair of documents of cfg.SrcDir and cfg.TgtDir and
// writes the corpus files into cfg.OutDir. It returns a summary, and an
// error of type Problems when some files failed while the others were
// done, or another error when nothing could be done.
func Run(ctx context.Context, cfg Config) (*Summary, error) {
	cfg.defaults()
	start := time.Now()
	watch := stopwatch{last: start}
	srcList, err := listTexts(cfg.SrcDir)
	if err != nil {
		return nil, err
	}
	tgtList, err := listTexts(cfg.TgtDir)
	if err != nil {
		return nil, err
	}
	srcFiles, tgtFiles := srcList.files, tgtList.files
	if err := prepareOut(cfg.OutDir, cfg.Force); err != nil {
		return nil, err
	}
	sum := &Summary{BeadTypes: map[string]int{}}
	sum.Errors = append(append(sum.Errors, srcList.errs...), tgtList.errs...)
	sum.Warnings = append(append(sum.Warnings, srcList.warnings...), tgtList.warnings...)
	batches, err := planSpeeches(ctx, cfg, srcFiles, tgtFiles, sum)
	if err != nil {
		return nil, err
	}
	watch.lap("read and split")

	out, err := newOutputs(cfg)
	if err != nil {
		return nil, err
	}
	defer out.abort()
	// The first pass learns the corpus lexicon and guides the second.
	firstSteps := 0
	first := func(done, n int) {
		firstSteps = n
		if cfg.Progress != nil {
			cfg.Progress(done, n+len(batches), 0)
		}
	}
	if cfg.Options, err = learnJobs(ctx, batches, cfg, first); err != nil {
		return nil, err
	}
	watch.lap("first pass")
	checks, err := qa.NewStream(checkInput(cfg), cfg.Checks)
	if err != nil {
		return nil, err
	}
	sp, err := newSpool(cfg.OutDir)
	if err != nil {
		return nil, err
	}
	defer sp.remove()
	progress := func(done, sentences int) {
		if cfg.Progress != nil {
			cfg.Progress(firstSteps+done, firstSteps+len(batches), sentences)
		}
	}
	findings, docs, err := alignBatches(ctx, cfg, batches, checks, sp, sum, progress)
	if err != nil {
		return nil, err
	}
	watch.lap("alignment")
	// The checks across the corpus read again the few beads they flag.
	more, err := checks.Finish(func(seq int) (qa.Bead, error) {
		u, err := sp.unit(seq)
		if err != nil {
			return qa.Bead{}, err
		}
		return u.bead(), nil
	})
	if err != nil {
		return nil, err
	}
	findings = append(findings, more...)
	qa.Sort(findings)
	groups := checks.NameGroups()
	watch.lap("corpus checks")
	sum.Flags = qa.Counts(findings)
	sum.NameGroups = len(groups)
	sum.Errors = compact(sum.Errors)
	if sum.Outputs, err = out.writeCorpus(spooledUnits(sp, findings, docs), findings, groups, docs.docOf); err != nil {
		return nil, err
	}
	watch.lap("writing")
	sum.Elapsed = time.Since(start)
	sum.Stages = watch.stages
	sum.Filtered = out.review.filtered()
	if len(sum.Errors) > 0 {
		return sum, Problems(sum.Errors)
	}
	return sum, nil
}

// alignBatches is the second pass of Run: it aligns the batches on a
// pool of workers, which also run the checks of one bead or one
// document; the results come back in the order of the batches, so the
// output does not depend on timing. Each batch's units go to the spool
// with the text their checks read, its documents are let go, and its
// sentences are counted into sum. It returns the findings made so far,
// and where each document's units are in the spool. After each batch it
// calls progress with the batches done and the sentences aligned.
func alignBatches(ctx context.Context, cfg Config, batches []*batch, checks *qa.Stream, sp *spool, sum *Summary, progress func(done, sentences int)) ([]qa.Finding, *docIndex, error) {
	type aligned struct {
		units      []corpora.Unit
		checked    *qa.Part
		enc        encodedUnits
		srcN, tgtN int
		err        error
	}
	var findings []qa.Finding
	docs := &docIndex{}
	err := ordered(ctx, len(batches), cfg.Jobs,
		func(i int) aligned {
			js, err := batches[i].jobsOf(cfg)
			if err != nil {
				return aligned{err: err}
			}
			us, s, t, err := alignJobs(js, cfg.Options)
			if err != nil {
				return aligned{err: err}
			}
			beads := beadsOf(us, jobLocator(js))
			segs := make([][2]spooledSegment, len(beads))
			for k := range beads {
				segs[k] = [2]spooledSegment{qa.Src: segmentOf(beads[k].Src), qa.Tgt: segmentOf(beads[k].Tgt)}
			}
			// The checks of one bead or one document are done here, with
			// the alignment; those across the corpus keep what they need.
			return aligned{us, checks.Gather(beads), encodeUnits(us, segs), s, t, nil}
		},
		func(i int, r aligned) error {
			if r.err != nil {
				return r.err
			}
			batches[i] = nil
			findings = append(findings, checks.Add(r.checked)...)
			docs.add(sp.count(), r.units)
			if err := sp.add(r.enc); err != nil {
				return err
			}
			sum.SrcSents += r.srcN
			sum.TgtSents += r.tgtN
			for k := range r.units {
				sum.BeadTypes[r.units[k].Type()]++
			}
			if w := notTranslations(r.units); w != "" {
				sum.Warnings = append(sum.Warnings, w)
			}
			progress(i+1, sum.SrcSents+sum.TgtSents)
			return nil
		})
	if err == nil {
		err = sp.done()
	}
	return findings, docs, err
}

func compact(errs []error) []error {
	var out []error
	for _, e := range errs {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}

// listing is what listTexts found in a folder.
type listing struct {
	files    map[string]string // path by pairing key
	errs     []error           // entries that could not be taken; the run goes on
	warnings []string          // entries left out on purpose
	dups     map[string]bool   // keys of more than one document
}

// maxFolderDepth bounds how deep listTexts goes into subfolders.
const maxFolderDepth = 32

// listTexts returns the documents of dir, in every format corpora reads
// (corpora.Extensions), by pairing key: the path below dir without the
// extension, with "/" between folders, so that ru/2022/putin.txt pairs
// with en/2022/putin.html. Subfolders are searched; symbolic links are
// followed, each folder entered once; hidden files and Office lock files
// (~$name.docx) are left out silently, other files and the resource
// folders of saved pages (talk_files beside talk.html) with a note. Broken
// links, unreadable files and folders, and two documents with the same
// key are errors of the listing, not of the run. The error returned is
// for dir itself: missing, not a folder, unreadable.
func listTexts(dir string) (*listing, error) {
	const what = "give a folder of documents (.txt, .html, .htm, .docx, .odt, .md)"
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("pipeline: %s: no such folder; %s", dir, what)
	case err != nil:
		return nil, fmt.Errorf("pipeline: %w; %s", err, what)
	case !st.IsDir():
		return nil, fmt.Errorf("pipeline: %s is a file, not a folder; %s, or use align pair for two files", dir, what)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("pipeline: cannot read the folder %s: %v; check its permissions", dir, errors.Unwrap(err))
	}
	l := &listing{files: map[string]string{}, dups: map[string]bool{}}
	seen := []os.FileInfo{st}
	l.walkEntries(dir, "", 0, &seen, entries)
	for k := range l.dups {
		delete(l.files, k) // neither document is taken
	}
	return l, nil
}

func (l *listing) walk(dir, prefix string, depth int, seen *[]os.FileInfo) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		l.errs = append(l.errs, fmt.Errorf("pipeline: cannot read the folder %s: %v; check its permissions", dir, errors.Unwrap(err)))
		return
	}
	l.walkEntries(dir, prefix, depth, seen, entries)
}

// walkEntries takes the documents among entries, those of dir, and walks
// its subfolders.
func (l *listing) walkEntries(dir, prefix string, depth int, seen *[]os.FileInfo, entries []os.DirEntry) {
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
			continue
		}
		info, err := os.Stat(path) // follows symbolic links
		if err != nil {
			if e.Type()&fs.ModeSymlink != 0 {
				target, _ := os.Readlink(path)
				l.errs = append(l.errs, fmt.Errorf("pipeline: %s: a symbolic link to %s, which cannot be reached (%v); fix or remove the link", path, target, errors.Unwrap(err)))
			} else {
				l.errs = append(l.errs, fmt.Errorf("pipeline: %s: %v", path, errors.Unwrap(err)))
			}
			continue
		}
		if info.IsDir() {
			if page := savedPage(dir, name); page != "" {
				l.warnings = append(l.warnings, fmt.Sprintf("%s: left out: the images and scripts of the saved page %s", path, page))
				continue
			}
			if depth >= maxFolderDepth {
				l.errs = append(l.errs, fmt.Errorf("pipeline: %s: folders nested more than %d deep; is there a loop of links?", path, maxFolderDepth))
				continue
			}
			if visited(*seen, info) {
				l.warnings = append(l.warnings, fmt.Sprintf("%s: left out: a link to a folder already read", path))
				continue
			}
			*seen = append(*seen, info)
			l.walk(path, prefix+name+"/", depth+1, seen)
			continue
		}
		if !info.Mode().IsRegular() {
			l.warnings = append(l.warnings, fmt.Sprintf("%s: left out: not a regular file", path))
			continue
		}
		if corpora.FormatOf(name) == corpora.AutoFormat {
			l.warnings = append(l.warnings, fmt.Sprintf("%s: left out: not a document align reads (%s)", path, strings.Join(corpora.Extensions, " ")))
			continue
		}
		f, err := os.Open(path)
		if err != nil {
			l.errs = append(l.errs, fmt.Errorf("pipeline: %s: cannot read the file (%v); check its permissions", path, errors.Unwrap(err)))
			continue
		}
		f.Close()
		key := prefix + strings.TrimSuffix(name, filepath.Ext(name))
		if other, ok := l.files[key]; ok {
			l.errs = append(l.errs, fmt.Errorf("pipeline: %s and %s are two documents for %q; keep one of them", other, path, key))
			l.dups[key] = true
			continue
		}
		l.files[key] = path
	}
}

// savedPage returns the name of the web page whose resources the folder
// name of dir holds, as browsers save a page ("talk.html" and
// "talk_files"), or "".
func savedPage(dir, name string) string {
	stem, ok := strings.CutSuffix(name, "_files")
	if !ok {
		return ""
	}
	for _, ext := range []string{".html", ".htm"} {
		if _, err := os.Stat(filepath.Join(dir, stem+ext)); err == nil {
			return stem + ext
		}
	}
	return ""
}

// visited reports whether the folder info is among those seen.
func visited(seen []os.FileInfo, info os.FileInfo) bool {
	for _, s := range seen {
		if os.SameFile(s, info) {
			return true
		}
	}
	return false
}

// WriteTo prints the summary for a person.
func (s *Summary) WriteTo(w io.Writer) (int64, error) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "documents paired: %d\n", len(s.Pairs))
	for _, f := range s.SrcAlone {
		fmt.Fprintf(&sb, "no partner: %s\n", f)
	}
	for _, f := range s.TgtAlone {
		fmt.Fprintf(&sb, "no partner: %s\n", f)
	}
	s.writeSpeeches(&sb)
	fmt.Fprintf(&sb, "sentences: %d source, %d target\n", s.SrcSents, s.TgtSents)
	types := make([]string, 0, len(s.BeadTypes))
	for t := range s.BeadTypes {
		types = append(types, t)
	}
	sort.Strings(types)
	sb.WriteString("beads:")
	for _, t := range types {
		fmt.Fprintf(&sb, " %s %d,", t, s.BeadTypes[t])
	}
	str := strings.TrimSuffix(sb.String(), ",") + "\n"
	sb.Reset()
	sb.WriteString(str)
	writeFlagCounts(&sb, s.Flags)
	if s.NameGroups > 0 {
		fmt.Fprintf(&sb, "names spelled more than one way: %d (see names.json)\n", s.NameGroups)
	}
	if s.Filtered != nil {
		sb.WriteString(s.Filtered.String() + "\n")
	}
	for _, f := range s.Outputs {
		fmt.Fprintf(&sb, "wrote %s\n", f)
	}
	if secs := s.Elapsed.Seconds(); secs > 0 {
		fmt.Fprintf(&sb, "time: %.2f s, %.0f sentences/s", secs, float64(s.SrcSents+s.TgtSents)/secs)
		for i, st := range s.Stages {
			sep := " ("
			if i > 0 {
				sep = ", "
			}
			fmt.Fprintf(&sb, "%s%s %.2f s", sep, st.Name, st.Elapsed.Seconds())
		}
		if len(s.Stages) > 0 {
			sb.WriteString(")")
		}
		sb.WriteString("\n")
	}
	for _, w := range s.Warnings {
		fmt.Fprintf(&sb, "warning: %s\n", w)
	}
	n, err := io.WriteString(w, sb.String())
	return int64(n), err
}

// outputs are the files of one run, written to temporary files until
// commit.
type outputs struct {
	dir    string
	files  []*atomicFile // every file, in the order they are reported
	parts  []part        // the writers of the corpus files
	review *review
}

// part is one writer of the corpus and the files it writes. The parts
// of a run write concurrently, one goroutine each, from the same chunks
// of units, which no part changes.
type part struct {
	files []*atomicFile
	// write writes a chunk of units (only those keep marks when the part
	// is filtered); flush ends the files once every chunk is written.
	write func(units []corpora.Unit, keep []bool) error
	flush func() error
}

// unitWriter is the shape of the corpus writers.
type unitWriter interface {
	Write(*corpora.Unit) error
	Flush() error
}

// writerPart is the part of w, writing files; a filtered part writes
// only the units the filter keeps.
func writerPart(w unitWriter, filtered bool, files ...*atomicFile) part {
	return part{files: files, flush: w.Flush, write: func(units []corpora.Unit, keep []bool) error {
		for i := range units {
			if filtered && !keep[i] {
				continue
			}
			if err := w.Write(&units[i]); err != nil {
				return err
			}
		}
		return nil
	}}
}

func newOutputs(cfg Config) (*outputs, error) {
	o := &outputs{dir: cfg.OutDir}
	open := func(name string) (*atomicFile, error) {
		f, err := createAtomic(filepath.Join(cfg.OutDir, name))
		if err != nil {
			return nil, err
		}
		o.files = append(o.files, f)
		return f, nil
	}
	names := []string{"corpus.tmx", "corpus." + cfg.Src.String(), "corpus." + cfg.Tgt.String(), "corpus.tsv"}
	fs := make([]*atomicFile, len(names))
	for i, n := range names {
		f, err := open(n)
		if err != nil {
			o.abort()
			return nil, err
		}
		fs[i] = f
	}
	o.parts = []part{
		writerPart(tmx.NewWriter(fs[0], tmx.Header{Src: cfg.Src, Tgt: cfg.Tgt, ToolVersion: cfg.Version}), false, fs[0]),
		writerPart(plaintext.NewMosesWriter(fs[1], fs[2]), true, fs[1], fs[2]),
		writerPart(plaintext.NewTSVWriter(fs[3]), true, fs[3]),
	}
	var err error
	if o.review, err = newReview(cfg, open); err != nil {
		o.abort()
		return nil, err
	}
	o.parts = append(o.parts, o.review.parts...)
	return o, nil
}

// unitSource gives the units of a run, with their notes, in order, to
// yield, stopping at its first error. A unit is yield's only during the
// call.
type unitSource func(yield func(u *corpora.Unit) error) error

// sliceSource is the unitSource of units held in memory.
func sliceSource(units []corpora.Unit) unitSource {
	return func(yield func(u *corpora.Unit) error) error {
		for i := range units {
			if err := yield(&units[i]); err != nil {
				return err
			}
		}
		return nil
	}
}

// chunkSize is how many units the corpus writers are given at a time.
const chunkSize = 512

// writeCorpus writes the units, the findings (flags.json, flags.csv) and
// the name variants (names.json), then renames every file into place,
// and returns the files written. docOf gives the document of a unit by
// its number, for the places of the names. The units are read once, in
// chunks that every corpus file's writer takes in turn on a goroutine
// of its own; each file is synced as it is done. When some fail, the
// error is that of reading the units, else that of the first corpus
// file in the order of outputs.files, else that of the findings or
// names.
func (o *outputs) writeCorpus(each unitSource, findings []qa.Finding, groups []names.Group, docOf func(seq int) string) ([]string, error) {
	if err := o.review.begin(o.dir, NameGroups(groups, docOf)); err != nil {
		return nil, err
	}
	defer o.review.end()
	type chunk struct {
		units []corpora.Unit
		keep  []bool
	}
	chans := make([]chan chunk, len(o.parts))
	errs := make([]error, len(o.parts))
	var wg sync.WaitGroup
	for i, p := range o.parts {
		ch := make(chan chunk, 4)
		chans[i] = ch
		wg.Go(func() {
			for c := range ch {
				if errs[i] == nil {
					errs[i] = p.write(c.units, c.keep)
				}
			}
			if errs[i] == nil {
				errs[i] = p.flush()
			}
			for _, f := range p.files {
				if errs[i] == nil {
					errs[i] = f.sync()
				}
			}
		})
	}
	err := o.addFlags(findings)
	if err == nil {
		err = o.addNames(groups)
	}
	var c chunk
	send := func() {
		for _, ch := range chans {
			ch <- c
		}
		c = chunk{}
	}
	readErr := each(func(u *corpora.Unit) error {
		c.units = append(c.units, *u)
		c.keep = append(c.keep, o.review.filter.keep(u))
		if len(c.units) == chunkSize {
			send()
		}
		return nil
	})
	if len(c.units) > 0 {
		send()
	}
	for _, ch := range chans {
		close(ch)
	}
	wg.Wait()
	if readErr != nil {
		return nil, readErr
	}
	for _, e := range errs {
		if e != nil {
			return nil, e
		}
	}
	if err != nil {
		return nil, err
	}
	return o.commit()
}

// commit renames the temporary files into place, syncing those not
// synced yet.
func (o *outputs) commit() ([]string, error) {
	var names []string
	for _, f := range o.files {
		if err := f.commit(); err != nil {
			return nil, err
		}
		names = append(names, f.path)
	}
	o.files = nil
	return names, nil
}

func (o *outputs) abort() {
	for _, f := range o.files {
		f.abort()
	}
	o.files = nil
}
