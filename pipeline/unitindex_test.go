package pipeline

import (
	"testing"

	"github.com/align-tools/align/corpora"
)

// TestUnitIndex finds every unit by its document and bead number, in
// the layout of a run and in others: documents interleaved, beads out of
// order, numbers missing.
func TestUnitIndex(t *testing.T) {
	layouts := map[string][]corpora.Unit{
		"run":         {{Doc: "a", Bead: 1}, {Doc: "a", Bead: 2}, {Doc: "b", Bead: 1}, {Doc: "b", Bead: 2}, {Doc: "b", Bead: 3}},
		"interleaved": {{Doc: "a", Bead: 1}, {Doc: "b", Bead: 1}, {Doc: "a", Bead: 2}, {Doc: "b", Bead: 2}},
		"unordered":   {{Doc: "a", Bead: 2}, {Doc: "a", Bead: 1}, {Doc: "b", Bead: 5}, {Doc: "b", Bead: 3}},
	}
	for name, units := range layouts {
		find := unitIndex(units)
		for i, u := range units {
			if got, ok := find(u.Doc, u.Bead); !ok || got != i {
				t.Errorf("%s: unit %s/%d found at %d, %v; want %d", name, u.Doc, u.Bead, got, ok, i)
			}
		}
		if _, ok := find("a", 9); ok {
			t.Errorf("%s: a bead that is not there was found", name)
		}
		if _, ok := find("c", 1); ok {
			t.Errorf("%s: a document that is not there was found", name)
		}
	}
}
