package report

import (
	"testing"

	"github.com/align-tools/align/corpora"
)

// edgeReports are reports of awkward text for the goldens of
// TestEdgeGolden: every character HTML escaping touches, in every place
// a unit's text is drawn; scores at the edges of the classes; speech and
// speaker headings; severities the report does not know; a page with no
// findings column.
func edgeReports() map[string]*Report {
	nasty := "a&b<c>d\"e'f+g\x00h\xffi · ·"
	units := []corpora.Unit{
		{Doc: nasty, Bead: 1, Src: []int{1}, Tgt: []int{1}, Score: 0.495, Speech: "· " + nasty, Speaker: nasty + " ·",
			SrcText: "Первое " + nasty, TgtText: "First " + nasty},
		{Doc: nasty, Bead: 2, Src: []int{2}, Tgt: []int{2}, Score: 0.4949, Speech: "· " + nasty, Speaker: nasty + " ·",
			SrcText: "Второе.", TgtText: "Second."},
		{Doc: nasty, Bead: 3, Src: []int{3}, Tgt: []int{3, 4}, Score: 0.795, Speaker: "Chair",
			SrcText: "Третье.", TgtText: "Third. Fourth."},
		{Doc: nasty, Bead: 4, Src: []int{4}, Tgt: []int{5}, Score: 0.7949, Speaker: "Chair"},
		{Doc: nasty, Bead: 5, Tgt: []int{6}, Score: 0.9, TgtText: "Alone " + nasty},
		{Doc: "second", Bead: -1, Src: []int{1}, Score: 1, Speech: "·", SrcText: "Одно."},
		{Doc: "second", Bead: 2, Src: []int{2}, Tgt: []int{1}, Score: 1, Speech: "Talk", SrcText: "Два.", TgtText: "Two."},
		{Doc: "", Bead: 1, Src: []int{1}, Tgt: []int{1}, Score: 0.8, SrcText: "Без имени.", TgtText: "No name."},
	}
	flagged := make([]corpora.Unit, len(units))
	copy(flagged, units)
	flagged[0].Notes = []corpora.Note{
		{Code: "c" + nasty, Severity: nasty, Message: "m" + nasty, Side: "tgt", Start: 0, End: 5, Suggestion: "s" + nasty},
		{Code: "two", Severity: "error", Message: "", Side: "tgt", Start: 3, End: 8},
		{Code: "edge", Severity: "info", Message: "the end", Side: "src", Start: len(units[0].SrcText) - 2, End: len(units[0].SrcText)},
		{Code: "nospan", Severity: "warning", Message: "no side"},
	}
	flagged[4].Notes = []corpora.Note{{Code: "alone", Severity: "", Message: "one side", Side: "src", Start: 0, End: 1}}
	flagged[6].Notes = []corpora.Note{
		{Code: "b", Severity: "info", Message: "x", Side: "src", Start: 0, End: 2},
		{Code: "a", Severity: "warning", Message: "y", Side: "src", Start: 0, End: 2},
	}
	return map[string]*Report{
		"plain":   {Title: nasty, Units: units, ReviewBelow: 0.5},
		"flagged": {Units: flagged, ReviewBelow: 0.3, Names: []NameGroup{{Key: nasty, Note: nasty, Forms: []NameForm{{Text: "Ab+c", Side: "src", Count: 0}, {Text: "A<c", Side: "x", Count: 2, Docs: []string{nasty, "b"}}}}}},
	}
}

// TestEdgeGolden compares the reports of edgeReports with their goldens,
// testdata/edge-<name>.html.
func TestEdgeGolden(t *testing.T) {
	for name, r := range edgeReports() {
		golden(t, "edge-"+name+".html", render(t, r))
	}
}
