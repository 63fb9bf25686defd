package transcript

import (
	"testing"
	"unicode"
)

// checkInvariants checks the invariants documented on Structure.
func checkInvariants(t testing.TB, st *Structure) {
	t.Helper()
	covered := make([]bool, len(st.Text))
	prevEnd := 0
	for i, b := range st.Blocks {
		if b.Start < prevEnd || b.End < b.Start || b.End > len(st.Text) {
			t.Fatalf("block %d %v out of order or outside the text", i, b.Span)
		}
		prevEnd = b.End
		for k := b.Start; k < b.End; k++ {
			covered[k] = true
		}
		switch b.Kind {
		case Lead, Boilerplate:
			if b.Section != -1 {
				t.Fatalf("block %d: %v in section %d", i, b.Kind, b.Section)
			}
		case Heading, Speech:
			if b.Section < 0 || b.Section >= len(st.Sections) {
				t.Fatalf("block %d: %v with section %d of %d", i, b.Kind, b.Section, len(st.Sections))
			}
			sec := st.Sections[b.Section]
			if i < sec.First || i >= sec.End {
				t.Fatalf("block %d lies outside its section %d [%d,%d)", i, b.Section, sec.First, sec.End)
			}
			if b.Kind == Heading && i != sec.First {
				t.Fatalf("heading block %d is not the first of section %d", i, b.Section)
			}
		default:
			t.Fatalf("block %d: kind %v", i, b.Kind)
		}
	}
	for k, r := range st.Text {
		if !covered[k] && !unicode.IsSpace(r) {
			t.Fatalf("byte %d (%q) is in no block", k, r)
		}
	}
	prev := 0
	for k, sec := range st.Sections {
		if sec.First < prev || sec.End <= sec.First || sec.End > len(st.Blocks) {
			t.Fatalf("section %d [%d,%d) out of order", k, sec.First, sec.End)
		}
		prev = sec.End
		for i := sec.First; i < sec.End; i++ {
			b := st.Blocks[i]
			if b.Section != k && b.Kind != Boilerplate {
				t.Fatalf("section %d holds block %d of kind %v, section %d", k, i, b.Kind, b.Section)
			}
		}
		if st.Blocks[sec.First].Section != k || st.Blocks[sec.End-1].Section != k {
			t.Fatalf("section %d does not start and end with its own blocks", k)
		}
	}
}

// checkPairing checks the invariants documented on Pairing.
func checkPairing(t testing.TB, p *Pairing, nsrc, ntgt int) {
	t.Helper()
	seenS := make([]int, nsrc)
	seenT := make([]int, ntgt)
	for k, m := range p.Matches {
		if k > 0 && p.Matches[k-1].Src >= m.Src {
			t.Fatalf("matches not sorted by source")
		}
		if m.Confidence < 0 || m.Confidence > 1 {
			t.Fatalf("confidence %v out of [0,1]", m.Confidence)
		}
		seenS[m.Src]++
		seenT[m.Tgt]++
	}
	for k, a := range p.SrcAlone {
		if k > 0 && p.SrcAlone[k-1].Index >= a.Index {
			t.Fatalf("SrcAlone not sorted")
		}
		seenS[a.Index]++
	}
	for k, a := range p.TgtAlone {
		if k > 0 && p.TgtAlone[k-1].Index >= a.Index {
			t.Fatalf("TgtAlone not sorted")
		}
		seenT[a.Index]++
	}
	for i, n := range seenS {
		if n != 1 {
			t.Fatalf("source candidate %d appears %d times", i, n)
		}
	}
	for j, n := range seenT {
		if n != 1 {
			t.Fatalf("target candidate %d appears %d times", j, n)
		}
	}
}
