package report

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/align-tools/align/corpora"
)

// Stream writes a report from units given one at a time, in order, for a
// corpus too big to hold. The rows of the units go to body as they come;
// Finish writes the page to w: the head, which needs the figures of every
// unit, then each document's heading (its figures) followed by its rows
// copied from body, then the tail. The page is byte for byte the one
// Write writes for the same units.
//
// A Stream keeps the figures of the corpus, one small record per document
// (its name and figures, for the list of documents and its heading), the
// sets of speeches, finding codes and severities, and copies of the
// strings it keeps: never a unit, nor a row once it is written to body
// (which a bufio.Writer buffers). Its memory grows with the number of
// documents and of distinct codes and speeches, not of units.
//
// Every row of the page has a findings column when some unit has
// findings: the rows written before the first such unit have none, and
// Finish adds it to them as it copies them. The name table comes from the
// Report given to NewStream, so it is made before the units are given.
//
// A Stream is not safe for concurrent use.
type Stream struct {
	v    *view
	t    tally
	rw   rowWriter // writes the rows to body, through out
	out  *offsetWriter
	body io.ReadWriteSeeker
	// narrow is the number of bytes of rows, at the start of body, drawn
	// without the findings column before a unit with findings came; zero
	// when none came. Finish widens them.
	narrow int64
	start  int64 // where in body the rows of the last document start
	names  []NameGroup
	err    error // the first error, returned from then on
	done   bool  // Finish was called
}

// NewStream returns a Stream that writes the page of r; r.Units is not
// read: the units are given to Add. body is a scratch file the caller
// provides (and removes afterwards), written from its start; the rows are
// read back from it by Finish. Its earlier content, if any, is ignored.
func NewStream(r Report, body io.ReadWriteSeeker) *Stream {
	s := newStream(&r)
	s.body = body
	s.out = &offsetWriter{w: body}
	s.rw = rowWriter{w: bufio.NewWriterSize(s.out, 256<<10), below: s.v.below, srcLang: s.v.SrcLang, tgtLang: s.v.TgtLang}
	if _, err := body.Seek(0, io.SeekStart); err != nil {
		s.err = fmt.Errorf("report: the scratch file of the rows: %w", err)
	}
	return s
}

// newStream returns a Stream with no body: one that counts units, for
// Write.
func newStream(r *Report) *Stream {
	return &Stream{v: newView(r), t: newTally(), names: r.Names}
}

// Add draws the row of u, the next unit. The units of one document must
// follow each other: a unit whose document is not that of the unit
// before starts a new document, even when an earlier one has its name
// (the page then lists two documents of that name, as Write does). Add
// keeps nothing of u: u may be changed or reused once Add returns.
func (s *Stream) Add(u *corpora.Unit) error {
	if s.done {
		return errors.New("report: Add after Finish; give every unit before finishing the page")
	}
	if s.err != nil {
		return s.err
	}
	v := s.v
	docs, showNotes := len(v.Docs), v.ShowNotes
	if docs > 0 && v.Docs[docs-1].Name != u.Doc {
		s.endDoc()
	}
	s.count(u)
	if len(v.Docs) > docs {
		s.rw.startDoc(len(v.Docs))
	}
	if v.ShowNotes && !showNotes {
		// The rows so far have no findings column, which every row of the
		// page will have: Finish adds it to them.
		s.rw.showNotes = true
		s.narrow = s.offset()
	}
	s.rw.row(u)
	if s.out.err != nil {
		s.err = fmt.Errorf("report: writing the rows to the scratch file: %w", s.out.err)
		return s.err
	}
	return nil
}

// count adds u, the next unit, to the figures of the page: to those of
// its document, which it starts when the unit before is of another, and
// to those of the corpus.
func (s *Stream) count(u *corpora.Unit) {
	v := s.v
	if len(v.Docs) == 0 || v.Docs[len(v.Docs)-1].Name != u.Doc {
		v.Docs = append(v.Docs, docView{Name: strings.Clone(u.Doc)})
	}
	v.Units++
	if len(u.Notes) > 0 {
		v.ShowNotes = true
	}
	s.t.add(u, &v.Docs[len(v.Docs)-1], v.below)
}

// offset is the size of the rows drawn so far.
func (s *Stream) offset() int64 { return s.out.n + int64(s.rw.w.Buffered()) }

// endDoc records the size of the rows of the last document, if any.
func (s *Stream) endDoc() {
	if len(s.v.Docs) == 0 {
		return
	}
	end := s.offset()
	s.v.Docs[len(s.v.Docs)-1].size = end - s.start
	s.start = end
}

// Finish writes the page to w, after the last Add. It may be called once;
// after an error part of the page may have been written.
func (s *Stream) Finish(w io.Writer) error {
	if s.done {
		return errors.New("report: Finish called twice; a Stream writes one page")
	}
	s.done = true
	if s.err != nil {
		return s.err
	}
	s.endDoc()
	if err := s.rw.w.Flush(); err != nil {
		return fmt.Errorf("report: writing the rows to the scratch file: %w", err)
	}
	if _, err := s.body.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("report: reading the rows back: %w", err)
	}
	wide := widener{}
	var buf []byte
	var pos int64 // in body
	return s.finish(w, func(bw *bufio.Writer, _ int, d *docView) error {
		n := d.size
		if k := min(n, s.narrow-pos); k > 0 {
			if buf == nil {
				buf = make([]byte, 32<<10)
			}
			wide.w = bw
			if err := copyRows(&wide, s.body, k, buf); err != nil {
				return err
			}
			wide.flush()
			pos += k
			n -= k
		}
		pos += n
		return copyRows(bw, s.body, n, nil)
	})
}

// finish writes the page of the units counted to w, with rows writing
// the rows of each document, the i-th d, after its heading.
func (s *Stream) finish(w io.Writer, rows func(bw *bufio.Writer, i int, d *docView) error) error {
	v := s.v
	v.finish(&s.t, s.names)
	bw := bufio.NewWriterSize(w, 256<<10)
	t := page()
	if err := t.ExecuteTemplate(bw, "head", v); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	head := rowWriter{w: bw}
	for i := range v.Docs {
		d := &v.Docs[i]
		head.docHead(v, i, d)
		if err := rows(bw, i, d); err != nil {
			return err
		}
		bw.WriteString(sectionEnd)
	}
	if err := t.ExecuteTemplate(bw, "tail", v); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// copyRows copies n bytes of rows from body to w, with buf as the buffer
// when w does not read by itself (bufio.Writer does).
func copyRows(w io.Writer, body io.Reader, n int64, buf []byte) error {
	r := readErr{r: io.LimitReader(body, n)}
	got, err := io.CopyBuffer(w, &r, buf)
	switch {
	case r.err != nil:
		return fmt.Errorf("report: reading the rows back from the scratch file: %w", r.err)
	case err != nil:
		return fmt.Errorf("report: %w", err)
	case got < n:
		return fmt.Errorf("report: the scratch file of the rows lost %d of its bytes; was it changed while the page was written? %w", n-got, io.ErrUnexpectedEOF)
	}
	return nil
}

// readErr reads from r, keeping its first error but io.EOF: it tells the
// errors of reading the rows from those of writing the page.
type readErr struct {
	r   io.Reader
	err error
}

func (e *readErr) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF && e.err == nil {
		e.err = err
	}
	return n, err
}

// offsetWriter writes to w, counting the bytes written and keeping the
// first error.
type offsetWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *offsetWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

// widener writes rows drawn without the findings column as they are drawn
// with it: the cell of a speech heading row spans one more column, and
// every bead row ends with an empty findings cell (the rows drawn before
// the first unit with findings have none). Text in rows is escaped, so
// '>' only ends tags, and the tags it changes are found whole between
// two '>'.
type widener struct {
	w    *bufio.Writer
	held []byte // the end of what was given, which may begin a tag to change
}

func (x *widener) Write(p []byte) (int, error) {
	all := append(x.held, p...)
	buf := all
	for {
		i := bytes.IndexByte(buf, '>')
		if i < 0 {
			break
		}
		seg := buf[:i+1]
		switch {
		case bytes.HasSuffix(seg, []byte(rowEnd)):
			x.w.Write(seg[:len(seg)-len(rowEnd)])
			x.w.WriteString(emptyNotesCell + rowEnd)
		case bytes.HasSuffix(seg, []byte(headingCell)):
			x.w.Write(seg[:len(seg)-len(headingCell)])
			x.w.WriteString(headingCellNotes)
		default:
			x.w.Write(seg)
		}
		buf = buf[i+1:]
	}
	// What may begin a tag to change is shorter than the longest of them.
	k := max(0, len(buf)-max(len(rowEnd), len(headingCell))+1)
	x.w.Write(buf[:k])
	x.held = append(all[:0], buf[k:]...) // keeps the memory of all for the next pieces
	return len(p), nil
}

// flush writes what x holds back: the rows given end there.
func (x *widener) flush() {
	x.w.Write(x.held)
	x.held = x.held[:0]
}
