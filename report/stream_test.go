package report

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/align-tools/align/corpora"
)

// streamPage writes the page of r with a Stream over a scratch file in
// t.TempDir, giving Add each unit in a variable that is then clobbered:
// the Stream must keep nothing of it.
func streamPage(t testing.TB, r *Report) string {
	t.Helper()
	body, err := os.CreateTemp(t.TempDir(), "rows")
	if err != nil {
		t.Fatal(err)
	}
	defer body.Close()
	s := NewStream(*r, body)
	var u corpora.Unit
	for i := range r.Units {
		u = r.Units[i]
		u.Src, u.Tgt, u.Notes = slices.Clone(u.Src), slices.Clone(u.Tgt), slices.Clone(u.Notes)
		if err := s.Add(&u); err != nil {
			t.Fatal(err)
		}
		clear(u.Src)
		clear(u.Tgt)
		clear(u.Notes)
		u = corpora.Unit{Doc: "clobbered", Speech: "clobbered", Speaker: "clobbered"}
	}
	var page bytes.Buffer
	if err := s.Finish(&page); err != nil {
		t.Fatal(err)
	}
	return page.String()
}

// streamCases are the reports the Stream is compared with Write on.
func streamCases() map[string]*Report {
	cases := map[string]*Report{
		"sample":            sampleReport(),
		"empty":             {},
		"big":               bigReport(3000),
		"generated":         genReport(7, 12, 90),
		"generated-flagged": genReport(3, 40, 0),
		"generated-clean":   genReport(5, 40, 1<<30),
		"generated-last":    genReport(11, 30, 0),
	}
	// Findings on the last unit only: every row before it is widened.
	last := cases["generated-last"]
	for i := range last.Units {
		if i < len(last.Units)-1 {
			last.Units[i].Notes = nil
		}
	}
	last.Units[len(last.Units)-1].Notes = []corpora.Note{{Code: "end", Severity: "info", Message: "the last"}}
	for name, r := range edgeReports() {
		cases["edge-"+name] = r
	}
	return cases
}

// TestStreamMatchesWrite checks that a Stream over a file writes the page
// Write writes, on every test input.
func TestStreamMatchesWrite(t *testing.T) {
	for name, r := range streamCases() {
		t.Run(name, func(t *testing.T) {
			want := render(t, r)
			if got := streamPage(t, r); got != want {
				i := 0
				for i < len(got) && i < len(want) && got[i] == want[i] {
					i++
				}
				t.Errorf("the Stream's page differs from Write's at byte %d of %d:\n got %q\nwant %q",
					i, len(want), excerpt(got, i), excerpt(want, i))
			}
		})
	}
}

func excerpt(s string, i int) string { return s[max(0, i-60):min(len(s), i+60)] }

// TestDocumentComesBack checks a corpus whose units of one document do
// not follow each other: as Write always did, the units that come back
// after another document make a new document of the same name, with its
// own section, heading and entry in the list of documents.
func TestDocumentComesBack(t *testing.T) {
	unit := func(doc string, bead int, notes ...corpora.Note) corpora.Unit {
		return corpora.Unit{Doc: doc, Bead: bead, Src: []int{bead}, Tgt: []int{bead}, Score: 0.9,
			SrcText: "Фраза.", TgtText: "Sentence.", Notes: notes}
	}
	r := &Report{Units: []corpora.Unit{
		unit("a", 1), unit("a", 2), unit("b", 1), unit("a", 3, corpora.Note{Code: "x", Severity: "info", Message: "m"}),
	}}
	page := streamPage(t, r)
	if page != render(t, r) {
		t.Fatal("the Stream's page differs from Write's")
	}
	for _, want := range []string{
		`<section class="doc" id="doc-1" data-doc="a">`,
		`<section class="doc" id="doc-2" data-doc="b">`,
		`<section class="doc" id="doc-3" data-doc="a">`,
		`<h2>a <span class="meta">2 beads · 0 flagged`,
		`<h2>a <span class="meta">1 beads · 1 flagged`,
		`<tr id="doc-3-b3" class="bead flagged"`,
		`3 documents · 4 beads`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if n := strings.Count(page, `<option value="a">a</option>`); n != 2 {
		t.Errorf("document a is listed %d times, want twice", n)
	}
}

// TestWidener checks the rows of units drawn without the findings column
// and widened, given to widener in pieces of every size, against the
// same rows drawn with it.
func TestWidener(t *testing.T) {
	r := genReport(9, 6, 1<<30) // no findings
	draw := func(showNotes bool) string {
		var b bytes.Buffer
		rw := rowWriter{w: bufio.NewWriter(&b), showNotes: showNotes}
		docs := 0
		for i := range r.Units {
			if i == 0 || r.Units[i-1].Doc != r.Units[i].Doc {
				docs++
				rw.startDoc(docs)
			}
			rw.row(&r.Units[i])
		}
		rw.w.Flush()
		return b.String()
	}
	narrow, want := draw(false), draw(true)
	if !strings.Contains(narrow, headingCell) || strings.Contains(narrow, notesCell) {
		t.Fatal("the rows drawn without findings have no speech heading, or have findings cells")
	}
	for _, size := range []int{1, 2, 3, 7, 9, 10, 11, 15, 16, 17, 64, 1000, len(narrow)} {
		var b bytes.Buffer
		bw := bufio.NewWriter(&b)
		x := widener{w: bw}
		for p := narrow; p != ""; {
			n := min(size, len(p))
			x.Write([]byte(p[:n]))
			p = p[n:]
		}
		x.flush()
		bw.Flush()
		if b.String() != want {
			t.Errorf("widened in pieces of %d bytes, the rows differ from the rows drawn with findings", size)
		}
	}
}

// failFile is a scratch file whose writes fail after limit bytes.
type failFile struct {
	memFile
	limit int
}

var errDisk = errors.New("disk full")

func (f *failFile) Write(p []byte) (int, error) {
	if len(f.b)+len(p) > f.limit {
		return 0, errDisk
	}
	return f.memFile.Write(p)
}

// noSeek is a scratch file that cannot seek.
type noSeek struct{ *memFile }

func (noSeek) Seek(int64, int) (int64, error) { return 0, errDisk }

// failRead is a scratch file that cannot be read.
type failRead struct{ memFile }

func (*failRead) Read([]byte) (int, error) { return 0, errDisk }

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errDisk }

func TestStreamErrors(t *testing.T) {
	r := bigReport(3000)
	t.Run("body", func(t *testing.T) {
		s := NewStream(*r, &failFile{limit: 100 << 10})
		var err error
		for i := range r.Units {
			if err = s.Add(&r.Units[i]); err != nil {
				break
			}
		}
		if !errors.Is(err, errDisk) || !strings.HasPrefix(err.Error(), "report: ") {
			t.Fatalf("Add on a full disk: %v, want a report: error wrapping %v", err, errDisk)
		}
		if err2 := s.Add(&r.Units[0]); err2 != err {
			t.Errorf("Add after a failed Add: %v, want the same error", err2)
		}
		if err2 := s.Finish(io.Discard); err2 != err {
			t.Errorf("Finish after a failed Add: %v, want the same error", err2)
		}
	})
	t.Run("body at Finish", func(t *testing.T) {
		s := NewStream(*r, &failFile{limit: 10})
		if err := s.Add(&r.Units[0]); err != nil {
			t.Fatal(err) // the row is still buffered
		}
		if err := s.Finish(io.Discard); !errors.Is(err, errDisk) || !strings.HasPrefix(err.Error(), "report: ") {
			t.Errorf("Finish on a full disk: %v, want a report: error wrapping %v", err, errDisk)
		}
	})
	t.Run("page", func(t *testing.T) {
		s := NewStream(*r, new(memFile))
		for i := range r.Units {
			if err := s.Add(&r.Units[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Finish(failWriter{}); !errors.Is(err, errDisk) || !strings.HasPrefix(err.Error(), "report: ") {
			t.Errorf("Finish to a failing writer: %v, want a report: error wrapping %v", err, errDisk)
		}
	})
	t.Run("misuse", func(t *testing.T) {
		s := NewStream(*r, new(memFile))
		if err := s.Add(&r.Units[0]); err != nil {
			t.Fatal(err)
		}
		if err := s.Finish(io.Discard); err != nil {
			t.Fatal(err)
		}
		if err := s.Add(&r.Units[1]); err == nil || !strings.HasPrefix(err.Error(), "report: ") {
			t.Errorf("Add after Finish: %v, want a report: error", err)
		}
		if err := s.Finish(io.Discard); err == nil || !strings.HasPrefix(err.Error(), "report: ") {
			t.Errorf("Finish twice: %v, want a report: error", err)
		}
	})
	t.Run("seek", func(t *testing.T) {
		s := NewStream(*r, noSeek{new(memFile)})
		if err := s.Add(&r.Units[0]); !errors.Is(err, errDisk) || !strings.HasPrefix(err.Error(), "report: ") {
			t.Errorf("Add with a scratch file that cannot seek: %v, want a report: error wrapping %v", err, errDisk)
		}
	})
	t.Run("reading back", func(t *testing.T) {
		f := &failRead{}
		s := NewStream(*r, f)
		for i := range r.Units {
			if err := s.Add(&r.Units[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Finish(io.Discard); !errors.Is(err, errDisk) || !strings.Contains(err.Error(), "report: reading the rows back") {
			t.Errorf("Finish with a scratch file that cannot be read: %v, want a report: error wrapping %v", err, errDisk)
		}
	})
	t.Run("truncated body", func(t *testing.T) {
		f := new(memFile)
		s := NewStream(*r, f)
		for i := range r.Units {
			if err := s.Add(&r.Units[i]); err != nil {
				t.Fatal(err)
			}
		}
		s.rw.w.Flush()
		f.b = f.b[:len(f.b)/2] // the scratch file lost its end
		if err := s.Finish(io.Discard); !errors.Is(err, io.ErrUnexpectedEOF) || !strings.HasPrefix(err.Error(), "report: ") {
			t.Errorf("Finish with a truncated scratch file: %v, want a report: error wrapping %v", err, io.ErrUnexpectedEOF)
		}
	})
}

// TestStreamMemory checks that a Stream keeps neither the units nor
// their rows: after 100,000 units of one document, a book, the heap has
// not grown by a tenth of the rows written.
func TestStreamMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000 units; skipped with -short")
	}
	body, err := os.CreateTemp(t.TempDir(), "rows")
	if err != nil {
		t.Fatal(err)
	}
	defer body.Close()
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	s := NewStream(Report{}, body)
	for i := range 100_000 {
		u := corpora.Unit{Doc: "book", Bead: i + 1, Src: []int{i + 1}, Tgt: []int{i + 1}, Score: float64(i%100) / 100,
			Speech: fmt.Sprint("chapter ", i/1000), Speaker: fmt.Sprint("speaker ", i%7),
			SrcText: fmt.Sprint("Предложение номер ", i, "."), TgtText: fmt.Sprint("Sentence number ", i, ".")}
		if i%10 == 0 {
			u.Notes = []corpora.Note{{Code: fmt.Sprint("code-", i%5), Severity: "warning", Message: "check it", Side: "tgt", Start: 0, End: 8}}
		}
		if err := s.Add(&u); err != nil {
			t.Fatal(err)
		}
	}
	grown := int64(heap()) - int64(before)
	rows := s.offset()
	if err := s.Finish(io.Discard); err != nil {
		t.Fatal(err)
	}
	if grown > rows/10 {
		t.Errorf("the heap grew by %d bytes over 100,000 units whose rows are %d bytes", grown, rows)
	}
	t.Logf("heap grew by %d bytes; rows %d bytes", grown, rows)
}

// BenchmarkStream compares a Stream over a scratch file with Write over
// the units in memory, on 100,000 units in documents of 50, every tenth
// flagged.
func BenchmarkStream(b *testing.B) {
	const n = 100_000
	r := &Report{}
	for i := range n {
		u := corpora.Unit{Doc: fmt.Sprintf("doc%d", i/50), Bead: i%50 + 1, Src: []int{i + 1}, Tgt: []int{i + 1},
			Score: float64(i%100) / 100, SrcText: "Это предложение номер " + fmt.Sprint(i) + ".", TgtText: "This is sentence number " + fmt.Sprint(i) + "."}
		if i%10 == 0 {
			u.Notes = []corpora.Note{{Code: "number", Severity: "warning", Message: "check the number", Side: "tgt", Start: 24, End: 24 + len(fmt.Sprint(i))}}
		}
		r.Units = append(r.Units, u)
	}
	b.Run("Write", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var cw countWriter
			if err := Write(&cw, r); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(cw))
		}
	})
	// late has the findings of r in its second half only: the rows of the
	// first half are widened when the page is written.
	late := &Report{Units: slices.Clone(r.Units)}
	for i := range n / 2 {
		late.Units[i].Notes = nil
	}
	for _, c := range []struct {
		name string
		r    *Report
	}{{"Stream", r}, {"Stream-widened", late}} {
		b.Run(c.name, func(b *testing.B) {
			body, err := os.CreateTemp(b.TempDir(), "rows")
			if err != nil {
				b.Fatal(err)
			}
			defer body.Close()
			b.ReportAllocs()
			for b.Loop() {
				if err := body.Truncate(0); err != nil {
					b.Fatal(err)
				}
				s := NewStream(*c.r, body)
				for i := range c.r.Units {
					if err := s.Add(&c.r.Units[i]); err != nil {
						b.Fatal(err)
					}
				}
				var cw countWriter
				if err := s.Finish(&cw); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(cw))
			}
		})
	}
}

// memFile is a scratch file in memory, the body of the Stream of Write.
type memFile struct {
	b   []byte
	off int
}

func (m *memFile) Write(p []byte) (int, error) {
	n := copy(m.b[m.off:], p)
	m.b = append(m.b, p[n:]...)
	m.off += len(p)
	return len(p), nil
}

func (m *memFile) Read(p []byte) (int, error) {
	if m.off >= len(m.b) {
		return 0, io.EOF
	}
	n := copy(p, m.b[m.off:])
	m.off += n
	return n, nil
}

func (m *memFile) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekCurrent:
		offset += int64(m.off)
	case io.SeekEnd:
		offset += int64(len(m.b))
	}
	if offset < 0 || offset > int64(len(m.b)) {
		return 0, errors.New("report: seek outside the rows")
	}
	m.off = int(offset)
	return offset, nil
}
