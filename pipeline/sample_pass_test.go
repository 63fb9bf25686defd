package pipeline

import (
	"slices"
	"testing"
)

func TestFirstPassSample(t *testing.T) {
	count := func(sizes []int, pick []bool) (docs, sents int) {
		for i, ok := range pick {
			if ok {
				docs++
				sents += sizes[i]
			}
		}
		return docs, sents
	}
	// A corpus within the budget is aligned whole.
	small := []int{10, 20, 30}
	if d, _ := count(small, firstPassSample(small, 100)); d != 3 {
		t.Errorf("within the budget: %d of 3 documents picked", d)
	}
	// Many short documents: about the budget, spread evenly.
	var many []int
	for i := 0; i < 1000; i++ {
		many = append(many, 10+i%7)
	}
	pick := firstPassSample(many, 2000)
	_, s := count(many, pick)
	if s < 1500 || s > 2500 {
		t.Errorf("1,000 short documents, budget 2,000: %d sentences picked", s)
	}
	if !pick[len(pick)/2] && !pick[len(pick)/2+1] && !pick[len(pick)/2-1] && !pick[len(pick)/2+2] && !pick[len(pick)/2-2] {
		t.Error("no document picked in the middle of the corpus")
	}
	// Long documents are in up to twice the budget, and the short ones
	// still sampled.
	mixed := append([]int{5000, 3, 4000}, many...)
	pick = firstPassSample(mixed, 5000)
	if !pick[0] || !pick[2] {
		t.Error("a long document was left out within twice the budget")
	}
	if d, _ := count(mixed[3:], pick[3:]); d == 0 || d == len(many) {
		t.Errorf("%d of %d short documents picked next to long ones", d, len(many))
	}
	// Beyond twice the budget, long documents are left out to learn from
	// themselves; the first is always in.
	books := []int{9000, 600, 800, 3000, 700}
	pick = firstPassSample(books, 1000)
	if want := []bool{true, false, false, false, false}; !slices.Equal(pick, want) {
		t.Errorf("long documents over the budget: picked %v, want %v", pick, want)
	}
	pick = firstPassSample(books[1:], 1000)
	if want := []bool{true, true, false, false}; !slices.Equal(pick, want) {
		t.Errorf("long documents over the budget: picked %v, want %v", pick, want)
	}
	pick = firstPassSample(mixed, 2000)
	// The same sizes give the same picks.
	again := firstPassSample(mixed, 2000)
	for i := range pick {
		if pick[i] != again[i] {
			t.Fatal("two calls picked differently")
		}
	}
}
