package qa

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
)

// Ignore is a list of findings a reviewer has accepted, read from an
// ignore file (align check --ignore FILE, align speeches --ignore FILE).
//
// The file is tab-separated, one rule a line: code, file, line, text.
// Trailing columns may be left out; an empty column or "*" matches
// anything. A file matches by its full path, by a trailing part of it
// ("en/putin.txt") or, when the rule names no folder, by its base name.
// Text matches the flagged characters exactly. Blank lines and lines
// starting with "#" are comments. Example:
//
//	# code	file	line	text
//	split-word	en-page.txt	25	Fr om
//	double-space	*	*	*
type Ignore struct {
	rules []ignoreRule
}

type ignoreRule struct {
	code, file, text string
	line             int // 0: any
	hasText          bool
}

// ParseIgnore reads an ignore file; name is used in error messages.
func ParseIgnore(r io.Reader, name string) (*Ignore, error) {
	ig := &Ignore{}
	err := eachRule(r, name, func(n int, line string) error {
		cols := strings.Split(line, "\t")
		if len(cols) > 4 {
			return fmt.Errorf("qa: %s:%d: %d columns; an ignore rule has at most 4, tab-separated: code, file, line, text", name, n, len(cols))
		}
		var rule ignoreRule
		rule.code = column(cols, 0)
		if rule.code != "" && Lookup(rule.code) == nil {
			return fmt.Errorf("qa: %s:%d: unknown check %q; `align check --list` shows the codes", name, n, rule.code)
		}
		rule.file = filepath.ToSlash(column(cols, 1))
		if l := column(cols, 2); l != "" {
			v, err := strconv.Atoi(l)
			if err != nil || v < 1 {
				return fmt.Errorf("qa: %s:%d: line %q is not a line number; give a number, or * for any line", name, n, l)
			}
			rule.line = v
		}
		if len(cols) == 4 && cols[3] != "*" && cols[3] != "" {
			rule.text, rule.hasText = cols[3], true
		}
		ig.rules = append(ig.rules, rule)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ig, nil
}

func column(cols []string, i int) string {
	if i >= len(cols) || cols[i] == "*" {
		return ""
	}
	return strings.TrimSpace(cols[i])
}

// Match reports whether some rule of ig silences f.
func (ig *Ignore) Match(f Finding) bool {
	for _, r := range ig.rules {
		if r.code != "" && r.code != f.Code {
			continue
		}
		if r.line != 0 && r.line != f.Line {
			continue
		}
		if r.hasText && r.text != f.Text {
			continue
		}
		if r.file != "" && !fileMatch(r.file, filepath.ToSlash(f.File)) {
			continue
		}
		return true
	}
	return false
}

func fileMatch(pattern, file string) bool {
	if pattern == file || strings.HasSuffix(file, "/"+pattern) {
		return true
	}
	return !strings.Contains(pattern, "/") && pattern == filepath.Base(file)
}

// Len returns the number of rules.
func (ig *Ignore) Len() int { return len(ig.rules) }
