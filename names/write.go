package names

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/align-tools/align/corpora"
)

// WriteJSON writes groups as one JSON object, {"groups": [...]},
// indented, the form of out/names.json.
func WriteJSON(w io.Writer, groups []Group) error {
	if groups == nil {
		groups = []Group{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(struct {
		Groups []Group `json:"groups"`
	}{groups}); err != nil {
		return fmt.Errorf("names: %w", err)
	}
	return nil
}

// WriteText writes groups for a reader: per group a heading with the
// spellings and the Russian name, the suggestion and why, then one line
// per spelling with its count, the schemes it follows, how it differs
// from the suggestion and where it occurs.
func WriteText(w io.Writer, groups []Group) error {
	bw := bufio.NewWriter(w)
	for i, g := range groups {
		if i > 0 {
			bw.WriteString("\n")
		}
		var ss []string
		for _, s := range g.Spellings {
			ss = append(ss, s.Text)
		}
		fmt.Fprintf(bw, "%s (%s)", strings.Join(ss, " / "), g.Role)
		if g.Russian != "" {
			fmt.Fprintf(bw, " «%s»", g.Russian)
			if g.RussianFrom == "reading" {
				bw.WriteString(" (likely)")
			}
		}
		fmt.Fprintf(bw, "\n  suggested: %s: %s\n", g.Suggested, g.Reason)
		for _, s := range g.Spellings {
			fmt.Fprintf(bw, "  %-16s %3d×  ", s.Text, s.Count)
			switch {
			case s.Other != "":
				fmt.Fprintf(bw, "a different name (%s), not a spelling of «%s»", quoteRu(s.Other), g.Russian)
			case len(s.Schemes) > 0:
				fmt.Fprintf(bw, "schemes: %s", strings.Join(s.Schemes, ", "))
			case g.Russian != "":
				bw.WriteString("no scheme writes it so")
			}
			if s.Diff != s.Text {
				fmt.Fprintf(bw, "; diff: %s", s.Diff)
			}
			bw.WriteString("\n    at ")
			for j, p := range s.Places {
				if j > 0 {
					bw.WriteString(", ")
				}
				bw.WriteString(p.String())
			}
			bw.WriteString("\n")
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("names: %w", err)
	}
	return nil
}

func quoteRu(s string) string {
	if s == "?" {
		return "no Russian reading"
	}
	return "«" + s + "»"
}

// Finding is a spelling of a name that differs from the suggested one,
// at one place: what the pipeline turns into a name-variant note of the
// unit that holds the place.
type Finding struct {
	Place
	Spelling, Suggested string
	Message             string
}

// Code is the code of name findings in notes and reports.
const Code = "name-variant"

// Findings returns a finding for every occurrence of a spelling that is
// not the suggested one of its group, in the order of the groups and of
// the places.
func Findings(groups []Group) []Finding {
	var out []Finding
	for _, g := range groups {
		for _, s := range g.Spellings {
			if s.Text == g.Suggested {
				continue
			}
			msg := fmt.Sprintf("%s is spelled %s elsewhere; suggested %s: %s", s.Text, others(g, s.Text), g.Suggested, g.Reason)
			if len(g.Spellings) == 1 {
				msg = fmt.Sprintf("%s is not the suggested spelling %s: %s", s.Text, g.Suggested, g.Reason)
			}
			if s.Other != "" {
				msg = fmt.Sprintf("%s is a different name (%s) from «%s»; suggested %s: %s", s.Text, quoteRu(s.Other), g.Russian, g.Suggested, g.Reason)
			}
			for _, p := range s.Places {
				out = append(out, Finding{Place: p, Spelling: s.Text, Suggested: g.Suggested, Message: msg})
			}
		}
	}
	return out
}

func others(g Group, not string) string {
	var ss []string
	for _, s := range g.Spellings {
		if s.Text != not {
			ss = append(ss, fmt.Sprintf("%s (%d×)", s.Text, s.Count))
		}
	}
	if len(ss) == 0 {
		return "nowhere else"
	}
	return strings.Join(ss, ", ")
}

// Note returns the finding as a note on the target side of a unit, its
// span given by Start and End (offsets in the text that was added).
func (f Finding) Note() corpora.Note {
	return corpora.Note{
		Code: Code, Severity: "warning", Message: f.Message,
		Side: "tgt", Start: f.Start, End: f.End, Suggestion: f.Suggested,
	}
}
