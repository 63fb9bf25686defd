package transcript

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Fixed is one line of a mapping file: a source and a target speech to
// pair, or one of them with "-" to leave it without a counterpart.
type Fixed struct {
	Src, Tgt string // "doc", "doc#2" or "-"
	File     string // the mapping file, for errors
	Line     int
}

// ReadPairs reads a mapping file: one pairing per line, the source and
// the target separated by a tab, each "doc" or "doc.txt" (a document with a single
// speech, or its only speech), "doc#N" (its N-th speech, as `align split
// --structure` numbers them) or "-" (no counterpart). Blank lines and
// lines starting with "#" are skipped. name is the file's name, for
// errors.
func ReadPairs(r io.Reader, name string) ([]Fixed, error) {
	var out []Fixed
	var errs []string
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 {
			errs = append(errs, fmt.Sprintf("%s:%d: want SOURCE<tab>TARGET, got %d tab-separated fields", name, n, len(f)))
			continue
		}
		src, tgt := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		if src == "-" && tgt == "-" || src == "" || tgt == "" {
			errs = append(errs, fmt.Sprintf("%s:%d: give a speech on at least one side (\"-\" means none)", name, n))
			continue
		}
		out = append(out, Fixed{Src: src, Tgt: tgt, File: name, Line: n})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("transcript: %s: %w", name, err)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("transcript: %s", strings.Join(errs, "\n"))
	}
	return out, nil
}

// resolve finds the candidate a mapping reference names; -1 for "-".
func resolve(cands []Candidate, ref string) (int, error) {
	if ref == "-" {
		return -1, nil
	}
	doc, num, hasNum := strings.Cut(ref, "#")
	doc = strings.TrimSuffix(doc, ".txt")
	k := 0
	if hasNum {
		v, err := strconv.Atoi(num)
		if err != nil || v < 1 {
			return 0, fmt.Errorf("%q: the speech number after # must be 1 or more", ref)
		}
		k = v - 1
	}
	found := false
	for i := range cands {
		c := &cands[i]
		if c.Doc != doc {
			continue
		}
		found = true
		if !hasNum && c.Sections > 1 {
			return 0, fmt.Errorf("%q has %d speeches; name one as %s#N (see align split --structure)", doc, c.Sections, doc)
		}
		if c.Section == k {
			return i, nil
		}
	}
	if found {
		return 0, fmt.Errorf("%q: %s has no speech %d (see align split --structure)", ref, doc, k+1)
	}
	return 0, fmt.Errorf("%q: no document %s among the inputs", ref, doc)
}
