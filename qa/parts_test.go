package qa

import (
	"reflect"
	"runtime"
	"testing"
)

// TestPartsSameAsWhole runs the checks on an input of several parts
// (partSize beads each) side by side, then on one goroutine, where every
// check reads the beads in one pass: the findings must be the same, in
// the same order.
func TestPartsSameAsWhole(t *testing.T) {
	src, tgt := speechBeads(t)
	in := func() *Input {
		in := benchInput(src, tgt, 3*partSize+100)
		// The artifacts of the case files, spread over the parts.
		for _, c := range Checks() {
			for _, tc := range readCases(t, "testdata/"+c.Code+".txt").cases {
				for _, b := range tc.beads {
					if b.Src.Text != "" && b.Tgt.Text != "" {
						k := len(in.Beads) * 7919 % len(in.Beads)
						in.Beads[k].Src, in.Beads[k].Tgt = b.Src, b.Tgt
					}
				}
			}
		}
		return in
	}
	parts, err := Run(in(), Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	whole, err := Run(in(), Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(whole) == 0 {
		t.Fatal("no findings: the input lost its artifacts")
	}
	if !reflect.DeepEqual(parts, whole) {
		t.Errorf("%d findings in parts, %d in one pass; they differ", len(parts), len(whole))
	}
}
