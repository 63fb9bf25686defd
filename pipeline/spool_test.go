package pipeline

import (
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/qa"
)

// TestSpoolRoundTrip spools units and reads them back, in order and one
// by one, as they were.
func TestSpoolRoundTrip(t *testing.T) {
	units := []corpora.Unit{
		{Doc: "a", Bead: 1, Src: []int{1, 2}, Tgt: []int{1}, SrcText: "Первое. Второе.", TgtText: "First and second.", Score: 0.87654321, Speech: "Речь", Speaker: "N. Pashinyan",
			Notes: []corpora.Note{{Code: "boilerplate", Severity: "info", Message: "m"}, {Code: "split-word", Severity: "error", Message: "x", Side: "tgt", Start: 3, End: 9, Suggestion: "From"}}},
		{Doc: "a", Bead: 2, Tgt: []int{2}, TgtText: "Alone.", Speech: "Речь", Speaker: "N. Pashinyan"},
		{Doc: "b", Bead: 1, Src: []int{1}, SrcText: "Одно.", Score: -0},
		{},
	}
	segs := [][2]spooledSegment{
		{qa.Tgt: {text: "First and\nsecond.", file: "en/a.txt", line: 3, col: 5}, qa.Src: {text: "Первое.  Второе.", file: "ru/a.txt", line: 1, col: 1}},
		{qa.Tgt: {text: "Alone.", file: "en/a.txt", line: 4, col: 9}},
		{qa.Src: {text: "Одно."}},
		{},
	}
	s, err := newSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.remove()
	if err := s.add(encodeUnits(units[:2], segs[:2])); err != nil {
		t.Fatal(err)
	}
	if err := s.add(encodeUnits(units[2:], segs[2:])); err != nil {
		t.Fatal(err)
	}
	if err := s.done(); err != nil {
		t.Fatal(err)
	}
	if s.count() != len(units) {
		t.Fatalf("%d units spooled, want %d", s.count(), len(units))
	}
	check := func(how string, seq int, got *spooled) {
		t.Helper()
		if !reflect.DeepEqual(got.Unit, units[seq]) || got.seg != segs[seq] {
			t.Errorf("%s: unit %d read back as\n%+v %+v\nwant\n%+v %+v", how, seq, got.Unit, got.seg, units[seq], segs[seq])
		}
	}
	n := 0
	err = s.each(func(seq int, u *spooled) error {
		if seq != n {
			t.Fatalf("unit %d read as number %d", n, seq)
		}
		n++
		check("in order", seq, u)
		return nil
	})
	if err != nil || n != len(units) {
		t.Fatalf("each: %v after %d units", err, n)
	}
	for _, seq := range []int{3, 0, 2, 1} {
		u, err := s.unit(seq)
		if err != nil {
			t.Fatal(err)
		}
		check("by number", seq, u)
	}
	if _, err := s.unit(4); err == nil {
		t.Error("a unit past the end was read")
	}
}

// TestSpooledPositions checks that the positions of a segment made again
// from the spool are those of its document, at every offset.
func TestSpooledPositions(t *testing.T) {
	d := corpora.NewDocument("ru/a.txt", language.Russian, "Заголовок\n\nПервая строка, ещё.\r\nВторая — строка.\nТретья.")
	text := d.Text
	// Segments and offsets fall between characters.
	at := func(i int) bool { return i == len(text) || utf8.RuneStart(text[i]) }
	for from := 0; from < len(text); from++ {
		for to := from; to <= len(text) && at(from); to += 7 {
			g := qa.Segment{Text: text[from:to], File: d.Path, Pos: func(off int) (int, int) { return d.Position(from + off) }}
			again := segmentOf(g).segment()
			for off := 0; off <= len(g.Text); off++ {
				if !at(from + off) {
					continue
				}
				l1, c1 := g.Pos(off)
				l2, c2 := again.Pos(off)
				if l1 != l2 || c1 != c2 {
					t.Fatalf("segment %q at %d: %d:%d, want %d:%d", g.Text, off, l2, c2, l1, c1)
				}
			}
		}
	}
	if segmentOf(qa.Segment{Text: "x"}).segment().Pos != nil {
		t.Error("a segment without positions was given some")
	}
}

// TestPositions checks the positions of a document asked in increasing
// order, then at random, against Document.Position.
func TestPositions(t *testing.T) {
	d := &Doc{Document: corpora.NewDocument("ru/a.txt", language.Russian, strings.Repeat("Первая строка, ещё. Вторая — строка.\nТретья.\n\nЧетвёртая ", 20))}
	text := d.Text
	var offs []int
	for i := 0; i <= len(text); i++ {
		if i == len(text) || utf8.RuneStart(text[i]) {
			offs = append(offs, i)
		}
	}
	rng := rand.New(rand.NewSource(1))
	order := append(slices.Clone(offs), offs...)
	for range 2000 {
		order = append(order, offs[rng.Intn(len(offs))])
	}
	p := &positions{d: d}
	for _, off := range order {
		l1, c1 := d.Position(off)
		l2, c2 := p.at(off)
		if l1 != l2 || c1 != c2 {
			t.Fatalf("offset %d: %d:%d, want %d:%d", off, l2, c2, l1, c1)
		}
	}
}
