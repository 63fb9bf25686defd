package names

import (
	"math"
	"strings"
	"testing"
	"unsafe"
)

// TestOccurrenceSize keeps an occurrence as small as its doc comment
// says: the index holds one per name word of a corpus.
func TestOccurrenceSize(t *testing.T) {
	if got := unsafe.Sizeof(occurrence{}); got != 36 {
		t.Errorf("an occurrence takes %d bytes, want 36", got)
	}
}

// TestOccurrencesBlocks checks the list of occurrences over several
// blocks: all yields every occurrence once, in order, the one at gives,
// and the places read back are those of the texts added.
func TestOccurrencesBlocks(t *testing.T) {
	x := NewIndex(Options{})
	beads := pairedCorpus(3*blockSize/4 + 7) // four name words a bead: three blocks and a bit
	for _, b := range beads {
		x.AddFound(x.Read(b.doc, b.ru, b.en, func(off int) int { return 1 + off }))
	}
	if n := x.occurrences(); n != 4*len(beads) {
		t.Fatalf("%d occurrences, want %d", n, 4*len(beads))
	}
	next := 0
	for i, o := range x.occ.all() {
		if i != next || o != x.occ.at(i) {
			t.Fatalf("all yields occurrence %d (%p) where %d (%p) was due", i, o, next, x.occ.at(next))
		}
		next++
		p := x.place(o)
		b := beads[p.Seq]
		if p.File != b.doc || p.Line != 1+p.Start || p.End <= p.Start || p.End > len(b.en) {
			t.Fatalf("occurrence %d: place %+v does not fit bead %d %q", i, p, p.Seq, b.en)
		}
		if w := b.en[p.Start:p.End]; x.strs.str(o.spelling) != w {
			t.Fatalf("occurrence %d: spelling %q, the text has %q", i, x.strs.str(o.spelling), w)
		}
	}
	if next != x.occurrences() {
		t.Errorf("all yields %d occurrences, want %d", next, x.occurrences())
	}
}

// TestStringsInterned checks that the index keeps one copy of each
// string: the same spelling in two texts is one id and one string.
func TestStringsInterned(t *testing.T) {
	x := NewIndex(Options{})
	x.AddEnglish("a.txt", "Then Sadyr Japarov spoke.", nil)
	x.AddEnglish("a.txt", "Later Sadyr Japarov left.", nil)
	a, b := x.occ.at(0), x.occ.at(2)
	if a.spelling != b.spelling || a.right != b.right || len(x.files) != 1 {
		t.Errorf("ids differ: %+v and %+v", *a, *b)
	}
	if len(x.strs.list) != len(x.strs.ids)+1 {
		t.Errorf("%d strings listed, %d numbered: one copy each, and \"\" as 0", len(x.strs.list), len(x.strs.ids))
	}
}

// TestNarrow checks that a number the index cannot hold stops it rather
// than wrapping round.
func TestNarrow(t *testing.T) {
	if got := narrow(math.MaxInt32); got != math.MaxInt32 {
		t.Errorf("narrow(MaxInt32) = %d", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("narrow(MaxInt32+1) did not panic")
		}
	}()
	narrow(math.MaxInt32 + 1)
}

// TestFileRuns checks that each occurrence reads back the file of its
// text when files come back after others and texts hold no names.
func TestFileRuns(t *testing.T) {
	x := NewIndex(Options{})
	docs := []string{"a.txt", "a.txt", "b.txt", "c.txt", "a.txt", "a.txt"}
	texts := []string{"Then Sadyr spoke.", "nobody", "Then Nikol left.", "none", "Then Sergey came.", "And Yury too."}
	for i := range docs {
		x.AddEnglish(docs[i], texts[i], nil)
	}
	var got []string
	for _, o := range x.occ.all() {
		p := x.place(o)
		got = append(got, p.File+":"+texts[p.Seq][p.Start:p.End])
	}
	want := "a.txt:Sadyr b.txt:Nikol a.txt:Sergey a.txt:Yury"
	if strings.Join(got, " ") != want {
		t.Errorf("places %q, want %q", got, want)
	}
	if len(x.files) != 4 {
		t.Errorf("%d runs of files, want 4: %v", len(x.files), x.files)
	}
}
