package qa

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity says how sure a check is that something must be fixed.
type Severity int

// The severities, from the least to the most severe.
const (
	Info    Severity = iota // worth a look; often fine
	Warning                 // probably wrong; a reviewer decides
	Error                   // wrong as it stands
)

var severityNames = []string{"info", "warning", "error"}

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity parses "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("qa: unknown severity %q; use info, warning or error", s)
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// Category groups checks for a reader of the report.
type Category string

// The categories of checks.
const (
	Spelling     Category = "spelling"
	Punctuation  Category = "punctuation"
	Spacing      Category = "spacing"
	Markup       Category = "markup"
	Script       Category = "script"
	Typography   Category = "typography"
	Grammar      Category = "grammar"
	Numbers      Category = "numbers"
	Omission     Category = "omission"
	Untranslated Category = "untranslated"
	Names        Category = "names"
	Consistency  Category = "consistency"
	Terminology  Category = "terminology"
)

// Side names the side of a bead a finding points at.
type Side int

// The sides of a bead.
const (
	Tgt Side = iota // the translation (English)
	Src             // the original (Russian)
)

// String returns "src" or "tgt".
func (s Side) String() string {
	if s == Src {
		return "src"
	}
	return "tgt"
}

// MarshalText writes "src" or "tgt".
func (s Side) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads "src" or "tgt".
func (s *Side) UnmarshalText(b []byte) error {
	switch string(b) {
	case "src":
		*s = Src
	case "tgt":
		*s = Tgt
	default:
		return fmt.Errorf("qa: unknown side %q; use src or tgt", b)
	}
	return nil
}

// Finding is one thing a check flagged.
//
// Start and End are the byte span of the flagged characters in the text
// of the segment (Side of bead Bead of document Doc); Text is exactly
// those characters. Line and Col (1-based, Col in characters) place
// Start in the input file File. Line and Col are 0 when the input has no
// file positions.
type Finding struct {
	Code       string   `json:"code"`
	Severity   Severity `json:"severity"`
	Category   Category `json:"category"`
	File       string   `json:"file"`
	Line       int      `json:"line"`
	Col        int      `json:"column"`
	Doc        string   `json:"document,omitempty"`
	Bead       int      `json:"bead,omitempty"` // 1-based bead number; 0 when the input has no beads
	Side       Side     `json:"side"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Text       string   `json:"text"`
	Message    string   `json:"message"`
	Suggestion string   `json:"suggestion,omitempty"`
}

// String formats f as "file:line:col: severity code: message: «text»".
func (f Finding) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: %s %s: %s", f.File, f.Line, f.Col, f.Severity, f.Code, f.Message)
	if f.Text != "" {
		fmt.Fprintf(&b, ": %s", quoteText(f.Text))
	}
	if f.Suggestion != "" {
		fmt.Fprintf(&b, " (suggest %s)", quoteText(f.Suggestion))
	}
	return b.String()
}

// quoteText shows flagged text so that spaces at its ends stay visible.
func quoteText(s string) string {
	if len(s) > 120 {
		s = s[:strings.LastIndex(s[:117], " ")+1] + "…"
	}
	return "«" + strings.ReplaceAll(s, "\n", "⏎") + "»"
}

// compareFindings orders findings by file, line, column, code and span:
// the order of every output.
func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		cmp.Compare(a.Doc, b.Doc),
		cmp.Compare(a.Bead, b.Bead),
		cmp.Compare(a.Side, b.Side),
		cmp.Compare(a.Start, b.Start),
		cmp.Compare(a.End, b.End),
		cmp.Compare(a.Code, b.Code),
		cmp.Compare(a.Message, b.Message),
	)
}

// Sort puts findings in the order every output uses.
func Sort(fs []Finding) { slices.SortStableFunc(fs, compareFindings) }

// Counts returns how many findings each code has, as "code count" pairs
// sorted by code.
func Counts(fs []Finding) []CodeCount {
	m := map[string]int{}
	for _, f := range fs {
		m[f.Code]++
	}
	out := make([]CodeCount, 0, len(m))
	for c, n := range m {
		out = append(out, CodeCount{c, n})
	}
	slices.SortFunc(out, func(a, b CodeCount) int { return cmp.Compare(a.Code, b.Code) })
	return out
}

// CodeCount is the number of findings of one code.
type CodeCount struct {
	Code  string
	Count int
}
