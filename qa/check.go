package qa

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Check is one check. Run looks at the whole input (most checks walk its
// beads one by one; some compare beads across the corpus) and reports
// what it finds through r, which fills in the code, severity and
// category of the check and the file positions.
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

// Run runs the checks on in and returns the findings, sorted.
func Run(in *Input, cfg Config) ([]Finding, error) {
	for _, code := range append(slices.Clone(cfg.Only), cfg.Skip...) {
		if Lookup(code) == nil {
			return nil, fmt.Errorf("qa: unknown check %q; `align check --list` shows the codes", code)
		}
	}
	var paired *Input // in without the texts read alone, for bilingual checks
	var run []*Reporter
	for _, c := range registry {
		if len(cfg.Only) > 0 && !slices.Contains(cfg.Only, c.Code) || slices.Contains(cfg.Skip, c.Code) {
			continue
		}
		if c.Bilingual && !in.Bilingual {
			continue
		}
		if c.Bilingual && paired == nil {
			paired = in.paired()
		}
		run = append(run, &Reporter{check: c})
	}
	// The checks are independent and only read the input (its lazily
	// built parts are guarded by sync.Once), so they run side by side,
	// at most GOMAXPROCS at a time; the findings are gathered in the
	// order of the registry and then sorted, as if run one by one.
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, r := range run {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			if r.check.Bilingual {
				r.check.Run(paired, r)
			} else {
				r.check.Run(in, r)
			}
		}()
	}
	wg.Wait()
	var out []Finding
	for _, r := range run {
		out = append(out, r.found...)
	}
	if cfg.Ignore != nil {
		out = slices.DeleteFunc(out, cfg.Ignore.Match)
	}
	Sort(out)
	return out, nil
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
	f := Finding{
		Code: r.check.Code, Severity: r.check.Severity, Category: r.check.Category,
		File: seg.File, Doc: b.Doc, Bead: b.N, Side: s,
		Start: start, End: end, Text: seg.Text[start:end],
		Message: msg, Suggestion: suggestion,
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
