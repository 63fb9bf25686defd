package pipeline

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/qa"
)

// spool keeps the units of a run on disk, in order, from their
// alignment until the corpus files are written from them, so that a run
// holds neither its units nor its documents. With each unit it keeps
// the text its checks read on each side (the sentences as the input
// file has them) and where that text starts in the file, so that the
// beads the checks see can be made again (spooled.bead).
type spool struct {
	f      *os.File
	w      *bufio.Writer
	size   int64
	starts []int64 // where each unit's record starts
}

// spooled is a unit as the spool keeps it.
type spooled struct {
	corpora.Unit
	seg [2]spooledSegment // by qa.Side
}

// spooledSegment is one side of a unit as the checks read it: a
// qa.Segment whose positions are kept as the line and column of its
// first character.
type spooledSegment struct {
	text, file string
	line, col  int // 0 when the text has no positions
}

// newSpool makes the spool in dir, as a hidden temporary file.
func newSpool(dir string) (*spool, error) {
	f, err := os.CreateTemp(dir, ".align-spool-*")
	if err != nil {
		return nil, fmt.Errorf("pipeline: cannot make a scratch file in %s: %w; check the output folder's permissions and free space", dir, err)
	}
	return &spool{f: f, w: bufio.NewWriterSize(f, 256<<10)}, nil
}

// count returns the number of units spooled.
func (s *spool) count() int { return len(s.starts) }

// remove deletes the spool's file.
func (s *spool) remove() {
	s.f.Close()
	os.Remove(s.f.Name())
}

// add appends the units of a batch, encoded by encodeUnits, to the
// spool.
func (s *spool) add(e encodedUnits) error {
	for _, n := range e.sizes {
		s.starts = append(s.starts, s.size)
		s.size += int64(n)
	}
	if _, err := s.w.Write(e.data); err != nil {
		return s.fail(err)
	}
	return nil
}

func (s *spool) fail(err error) error {
	return fmt.Errorf("pipeline: scratch file %s: %w; check the free space of the output folder", s.f.Name(), err)
}

// done flushes what was added, after the last add.
func (s *spool) done() error {
	if err := s.w.Flush(); err != nil {
		return s.fail(err)
	}
	return nil
}

// unit reads unit seq (0-based) back, after done.
func (s *spool) unit(seq int) (*spooled, error) {
	if seq < 0 || seq >= len(s.starts) {
		return nil, fmt.Errorf("pipeline: no unit %d in the spool of %d", seq, len(s.starts))
	}
	end := s.size
	if seq+1 < len(s.starts) {
		end = s.starts[seq+1]
	}
	buf := make([]byte, end-s.starts[seq])
	if _, err := s.f.ReadAt(buf, s.starts[seq]); err != nil {
		return nil, s.fail(err)
	}
	var d spoolDecoder
	u, err := d.decode(buf)
	if err != nil {
		return nil, s.fail(err)
	}
	return u, nil
}

// each reads the units back in order, after done, and calls f with each
// and its number. The unit is f's until the next call.
func (s *spool) each(f func(seq int, u *spooled) error) error {
	r := bufio.NewReaderSize(io.NewSectionReader(s.f, 0, s.size), 256<<10)
	var d spoolDecoder
	var buf []byte
	for seq := range s.starts {
		end := s.size
		if seq+1 < len(s.starts) {
			end = s.starts[seq+1]
		}
		n := int(end - s.starts[seq])
		if cap(buf) < n {
			buf = make([]byte, n)
		}
		buf = buf[:n]
		if _, err := io.ReadFull(r, buf); err != nil {
			return s.fail(err)
		}
		u, err := d.decode(buf)
		if err != nil {
			return s.fail(err)
		}
		if err := f(seq, u); err != nil {
			return err
		}
	}
	return nil
}

// encodedUnits are units encoded for the spool: one record after
// another, and the size of each.
type encodedUnits struct {
	data  []byte
	sizes []int
}

// encodeUnits encodes units with the segments the checks read of them
// (segs[i] are those of units[i]); a worker encodes its batch, and the
// spool only writes it.
func encodeUnits(units []corpora.Unit, segs [][2]spooledSegment) encodedUnits {
	var e encodedUnits
	for i := range units {
		n := len(e.data)
		e.data = appendUnit(e.data, &units[i], &segs[i])
		e.sizes = append(e.sizes, len(e.data)-n)
	}
	return e
}

func appendUnit(b []byte, u *corpora.Unit, seg *[2]spooledSegment) []byte {
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	num := func(n int) { b = binary.AppendVarint(b, int64(n)) }
	ids := func(xs []int) {
		num(len(xs))
		for _, x := range xs {
			num(x)
		}
	}
	str(u.Doc)
	num(u.Bead)
	ids(u.Src)
	ids(u.Tgt)
	str(u.SrcText)
	str(u.TgtText)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(u.Score))
	str(u.Speech)
	str(u.Speaker)
	num(len(u.Notes))
	for _, n := range u.Notes {
		str(n.Code)
		str(n.Severity)
		str(n.Message)
		str(n.Side)
		num(n.Start)
		num(n.End)
		str(n.Suggestion)
	}
	for _, g := range seg {
		str(g.text)
		str(g.file)
		num(g.line)
		num(g.col)
	}
	return b
}

// spoolDecoder decodes units of the spool. The strings a run repeats
// from unit to unit (document, speech, speaker, file) are shared with
// the unit before when they are the same.
type spoolDecoder struct {
	last spooled
	buf  []byte
	err  error
}

var errSpool = errors.New("a unit of the spool is cut short")

func (d *spoolDecoder) decode(buf []byte) (*spooled, error) {
	d.buf, d.err = buf, nil
	prev := d.last
	u := &d.last
	*u = spooled{}
	u.Doc = d.same(prev.Doc)
	u.Bead = d.num()
	u.Src = d.ids()
	u.Tgt = d.ids()
	u.SrcText = d.str()
	u.TgtText = d.str()
	if len(d.buf) < 8 {
		return nil, errSpool
	}
	u.Score = math.Float64frombits(binary.LittleEndian.Uint64(d.buf))
	d.buf = d.buf[8:]
	u.Speech = d.same(prev.Speech)
	u.Speaker = d.same(prev.Speaker)
	if n := d.num(); n > 0 && n <= len(d.buf) {
		u.Notes = make([]corpora.Note, n)
		for k := range u.Notes {
			nt := &u.Notes[k]
			nt.Code, nt.Severity, nt.Message, nt.Side = d.str(), d.str(), d.str(), d.str()
			nt.Start, nt.End = d.num(), d.num()
			nt.Suggestion = d.str()
		}
	}
	for k := range u.seg {
		g := &u.seg[k]
		g.text = d.str()
		g.file = d.same(prev.seg[k].file)
		g.line, g.col = d.num(), d.num()
	}
	if d.err != nil || len(d.buf) != 0 {
		return nil, errSpool
	}
	return u, nil
}

func (d *spoolDecoder) num() int {
	n, k := binary.Varint(d.buf)
	if k <= 0 {
		d.err = errSpool
		return 0
	}
	d.buf = d.buf[k:]
	return int(n)
}

func (d *spoolDecoder) bytes() []byte {
	n, k := binary.Uvarint(d.buf)
	if k <= 0 || n > uint64(len(d.buf)-k) {
		d.err = errSpool
		d.buf = nil
		return nil
	}
	b := d.buf[k : k+int(n)]
	d.buf = d.buf[k+int(n):]
	return b
}

func (d *spoolDecoder) str() string { return string(d.bytes()) }

// same returns the next string, which is prev itself when equal.
func (d *spoolDecoder) same(prev string) string {
	b := d.bytes()
	if string(b) == prev {
		return prev
	}
	return string(b)
}

func (d *spoolDecoder) ids() []int {
	n := d.num()
	if n < 0 || n > len(d.buf) {
		d.err = errSpool
		return nil
	}
	if n == 0 {
		return nil
	}
	xs := make([]int, n)
	for k := range xs {
		xs[k] = d.num()
	}
	return xs
}

// segmentOf returns the spooled form of a segment of the checks.
func segmentOf(g qa.Segment) spooledSegment {
	s := spooledSegment{text: g.Text, file: g.File}
	if g.Pos != nil {
		s.line, s.col = g.Pos(0)
	}
	return s
}

// segment returns the segment of the checks again, with positions
// computed from those of its first character as corpora.Document
// computes them: lines end at "\n", columns count characters from 1.
func (g spooledSegment) segment() qa.Segment {
	s := qa.Segment{Text: g.text, File: g.file}
	if g.line > 0 {
		text, line, col := g.text, g.line, g.col
		s.Pos = func(off int) (int, int) {
			return advance(line, col, text[:max(0, min(off, len(text)))])
		}
	}
	return s
}
