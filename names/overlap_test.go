package names

import "testing"

// TestNameInsideName is a regression test: a capitalised word inside a
// name already found (Connor in O'Connor) that renders a Russian word of
// the bead was added as a second, overlapping name, and AddPair panicked
// on the overlap.
func TestNameInsideName(t *testing.T) {
	x := NewIndex(Options{})
	x.AddPair("d", "Газета цитирует Рори О'Коннора: «Это важно».", "The paper quoted Rory O'Connor saying, \"This matters.\"", nil)
	for i := 1; i < x.occ.len(); i++ {
		a, b := x.place(x.occ.at(i-1)), x.place(x.occ.at(i))
		if a.Start >= b.Start || a.End > b.Start {
			t.Errorf("occurrences %d-%d and %d-%d are out of order or overlap", a.Start, a.End, b.Start, b.End)
		}
	}
}
