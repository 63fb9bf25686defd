package qa

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Check is one check. Most checks look at one bead, or one document, at
// a time: Run reads the beads of in, which holds whole documents of the
// corpus (all of it, or a part: see Stream), and reports what it finds
// through r, which fills in the code, severity and category of the
// check and the file positions. The checks that compare beads across
// the corpus (consistency, split words, names) have no Run: Stream
// gathers what they need part by part and decides in Finish.
type Check struct {
	Code     string // stable: it names the check in outputs and ignore files
	Severity Severity
	Category Category
	// Bilingual checks need source sides; they do not run on a text
	// read alone.
	Bilingual bool
	Doc       string // one line for the list of checks
	Run       func(in *Input, r *Reporter)
}

var registry []*Check

// register adds a check; every check file calls it from init.
func register(c *Check) {
	for _, o := range registry {
		if o.Code == c.Code {
			panic("qa: check " + c.Code + " registered twice")
		}
	}
	registry = append(registry, c)
	slices.SortFunc(registry, func(a, b *Check) int { return strings.Compare(a.Code, b.Code) })
}

// Checks returns the registered checks, sorted by code.
func Checks() []*Check { return slices.Clone(registry) }

// Lookup returns the check with the given code, or nil.
func Lookup(code string) *Check {
	for _, c := range registry {
		if c.Code == code {
			return c
		}
	}
	return nil
}

// Config chooses the checks Run runs. The zero value runs them all.
type Config struct {
	// Only, when not empty, lists the codes to run.
	Only []string
	// Skip lists codes not to run.
	Skip []string
	// Ignore drops the findings a reviewer has accepted.
	Ignore *Ignore
}

// Run runs the checks on in and returns the findings, sorted. It runs
// them as a Stream: the beads are cut into parts of whole documents
// near partSize beads, gathered side by side on up to GOMAXPROCS
// goroutines and added in order. A document whose beads are not
// together in in makes one part of all the beads it spans.
func Run(in *Input, cfg Config) ([]Finding, error) {
	s, err := newStream(in, cfg)
	if err != nil {
		return nil, err
	}
	if s.nameVariant != nil && in.namesSet.Load() {
		// The names of in are grouped already.
		s.index, s.groups = nil, in.nameGroups
	}
	out := s.run(in.Beads)
	fs, err := s.Finish(func(seq int) (Bead, error) { return in.Beads[seq], nil })
	if err != nil {
		return nil, err
	}
	out = append(out, fs...)
	if s.nameVariant != nil {
		groups := s.NameGroups()
		in.namesOnce.Do(func() { in.setNameGroups(groups) })
	}
	Sort(out)
	return out, nil
}

// partSize is the number of beads Run and Input.NameGroups put in a
// part, give or take a document.
const partSize = 2048

// run gathers the beads in parts side by side and adds them in order,
// returning the findings of Add.
func (s *Stream) run(beads []Bead) []Finding {
	cuts := cutParts(beads, partSize)
	parts := make([]*Part, len(cuts)-1)
	workers := min(runtime.GOMAXPROCS(0), len(parts))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1)) - 1
				if k >= len(parts) {
					return
				}
				parts[k] = s.Gather(beads[cuts[k]:cuts[k+1]])
			}
		}()
	}
	wg.Wait()
	// The fold keys of every part, in one allocation.
	n := 0
	for _, p := range parts {
		n += len(p.folds)
	}
	s.folds = slices.Grow(s.folds, n)
	var out []Finding
	for _, p := range parts {
		out = append(out, s.Add(p)...)
	}
	return out
}

// cutParts returns where the parts of beads start, and len(beads) last:
// at the first start of a document at or after every size beads, where
// no document of the beads before comes again after.
func cutParts(beads []Bead, size int) []int {
	cuts := []int{0}
	if len(beads) == 0 {
		return cuts
	}
	// The last bead of each document: a cut at i is whole when every
	// document before i ends before i.
	last := map[string]int{}
	for i := range beads {
		if i+1 == len(beads) || beads[i+1].Doc != beads[i].Doc {
			last[beads[i].Doc] = i
		}
	}
	end := 0 // the last bead of the documents seen so far
	for i := range beads {
		if i > 0 && beads[i].Doc != beads[i-1].Doc && end < i && i-cuts[len(cuts)-1] >= size {
			cuts = append(cuts, i)
		}
		if i == 0 || beads[i].Doc != beads[i-1].Doc {
			end = max(end, last[beads[i].Doc])
		}
	}
	return append(cuts, len(beads))
}

// Reporter collects the findings of one check.
type Reporter struct {
	check *Check
	found []Finding
}

// Flag reports the characters [start, end) of side s of bead b, with a
// message and a suggested replacement for them (empty when there is
// none). It returns the finding so a check can lower or raise its
// severity.
func (r *Reporter) Flag(b *Bead, s Side, start, end int, msg, suggestion string) *Finding {
	seg := b.seg(s)
	start = max(0, min(start, len(seg.Text)))
	end = max(start, min(end, len(seg.Text)))
	// The text and the suggestion are copied: a finding must not keep
	// the text of its document alive (Stream keeps findings of parts).
	f := Finding{
		Code: r.check.Code, Severity: r.check.Severity, Category: r.check.Category,
		File: seg.File, Doc: b.Doc, Bead: b.N, Side: s,
		Start: start, End: end, Text: strings.Clone(seg.Text[start:end]),
		Message: msg, Suggestion: strings.Clone(suggestion),
	}
	if seg.Pos != nil {
		f.Line, f.Col = seg.Pos(start)
	}
	r.found = append(r.found, f)
	return &r.found[len(r.found)-1]
}

// FlagAll reports the whole of side s of bead b.
func (r *Reporter) FlagAll(b *Bead, s Side, msg string) *Finding {
	t := b.seg(s).Text
	return r.Flag(b, s, 0, len(t), msg, "")
}
