package qa

import (
	"strings"
	"testing"
	"time"
)

// TestBig runs the checks on pathological segments of a megabyte; a
// quadratic check would not finish within the test timeout. The time of
// each is logged (go test -v), not asserted. Skipped under -short.
func TestBig(t *testing.T) {
	if testing.Short() {
		t.Skip("big inputs are skipped under -short")
	}
	const mb = 1 << 20
	inputs := map[string]string{
		"periods":        strings.Repeat(".", mb),
		"no spaces":      strings.Repeat("a.Bc,d", mb/6),
		"names":          strings.Repeat("Иванов Петров ", mb/26),
		"english names":  strings.Repeat("Ivanov Petrov ", mb/14),
		"quotes":         strings.Repeat("\"“«", mb/7),
		"split words":    strings.Repeat("ab cd ", mb/6),
		"numbers":        strings.Repeat("1 000 000,5 ", mb/12),
		"spaced periods": strings.Repeat(". ", mb/2),
		"tags":           strings.Repeat("<a href='x' ", mb/12),
	}
	for name, s := range inputs {
		in := &Input{Bilingual: true, Beads: []Bead{
			{Doc: "d", N: 1, Src: Segment{Text: s}, Tgt: Segment{Text: s}, SrcN: 1, TgtN: 1},
			{Doc: "d", N: 2, Src: Segment{Text: inputs["names"]}, Tgt: Segment{Text: inputs["english names"]}, SrcN: 1, TgtN: 1},
		}}
		start := time.Now()
		if _, err := Run(in, Config{}); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %v", name, time.Since(start))
	}
}
