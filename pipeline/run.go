package pipeline

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/corpora/plaintext"
	"github.com/align-tools/align/corpora/tmx"
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
	Options
	Version string // written into the TMX header
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
	Errors    []error  // files that could not be read; the run went on
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
func Run(cfg Config) (*Summary, error) {
	cfg.defaults()
	srcFiles, err := listTexts(cfg.SrcDir)
	if err != nil {
		return nil, err
	}
	tgtFiles, err := listTexts(cfg.TgtDir)
	if err != nil {
		return nil, err
	}
	if err := prepareOut(cfg.OutDir, cfg.Force); err != nil {
		return nil, err
	}
	sum := &Summary{BeadTypes: map[string]int{}}
	names := pairNames(srcFiles, tgtFiles, sum)

	out, err := newOutputs(cfg)
	if err != nil {
		return nil, err
	}
	defer out.abort()
	cfg.Options.Lexicon = learnRun(cfg, names, srcFiles, tgtFiles) // first pass; see lexicon.go
	for _, name := range names {
		src, err1 := corpora.ReadFile(srcFiles[name], cfg.Src, cfg.Encoding)
		tgt, err2 := corpora.ReadFile(tgtFiles[name], cfg.Tgt, cfg.Encoding)
		if err := errors.Join(err1, err2); err != nil {
			sum.Errors = append(sum.Errors, err1, err2)
			continue
		}
		p := AlignPair(name, Split(src, cfg.Presplit), Split(tgt, cfg.Presplit), cfg.Options)
		sum.Pairs = append(sum.Pairs, name)
		sum.SrcSents += len(p.Src.Sentences)
		sum.TgtSents += len(p.Tgt.Sentences)
		units := p.Units()
		for i := range units {
			sum.BeadTypes[units[i].Type()]++
			if err := out.write(&units[i]); err != nil {
				return nil, err
			}
		}
	}
	sum.Errors = compact(sum.Errors)
	files, err := out.commit()
	if err != nil {
		return nil, err
	}
	sum.Outputs = files
	if len(sum.Errors) > 0 {
		return sum, Problems(sum.Errors)
	}
	return sum, nil
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

// listTexts returns the .txt files of dir by pairing key.
func listTexts(dir string) (map[string]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w; give a folder of .txt files", err)
	}
	m := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".txt") {
			continue
		}
		m[strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))] = filepath.Join(dir, e.Name())
	}
	return m, nil
}

// pairNames returns the names present on both sides, sorted, and records
// the others in the summary.
func pairNames(src, tgt map[string]string, sum *Summary) []string {
	var names []string
	for n := range src {
		if _, ok := tgt[n]; ok {
			names = append(names, n)
		} else {
			sum.SrcAlone = append(sum.SrcAlone, src[n])
		}
	}
	for n := range tgt {
		if _, ok := src[n]; !ok {
			sum.TgtAlone = append(sum.TgtAlone, tgt[n])
		}
	}
	sort.Strings(names)
	sort.Strings(sum.SrcAlone)
	sort.Strings(sum.TgtAlone)
	return names
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
	for _, f := range s.Outputs {
		fmt.Fprintf(&sb, "wrote %s\n", f)
	}
	n, err := io.WriteString(w, sb.String())
	return int64(n), err
}

// corpus writers of one run, writing to temporary files until commit.
type outputs struct {
	dir   string
	files []*atomicFile
	tmx   *tmx.Writer
	moses *plaintext.MosesWriter
	tsv   *plaintext.TSVWriter
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
	o.tmx = tmx.NewWriter(fs[0], tmx.Header{Src: cfg.Src, Tgt: cfg.Tgt, ToolVersion: cfg.Version})
	o.moses = plaintext.NewMosesWriter(fs[1], fs[2])
	o.tsv = plaintext.NewTSVWriter(fs[3])
	return o, nil
}

func (o *outputs) write(u *corpora.Unit) error {
	if err := o.tmx.Write(u); err != nil {
		return err
	}
	if err := o.moses.Write(u); err != nil {
		return err
	}
	return o.tsv.Write(u)
}

// commit flushes every writer and renames the temporary files into place.
func (o *outputs) commit() ([]string, error) {
	for _, f := range []interface{ Flush() error }{o.tmx, o.moses, o.tsv} {
		if err := f.Flush(); err != nil {
			return nil, err
		}
	}
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
