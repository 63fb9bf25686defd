// Package plaintext writes aligned units as line-oriented text: the Moses
// pair of files (one bead per line on each side), TSV with one row per
// unit and its metadata, and JSON Lines.
//
// Every writer has the shape of encoding/csv: NewXWriter, Write for each
// unit, Flush, Error. Segment text is written on one line: line breaks
// and tabs inside a segment become spaces.
package plaintext

import (
	"bufio"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/align-tools/align/corpora"
)

// bufferSize is the size of the writers' buffers.
const bufferSize = 256 << 10

// MosesWriter writes the source and target sides of aligned units to two
// writers, line by line. Units with an empty side are skipped: the two
// files stay line-aligned.
type MosesWriter struct {
	src, tgt *bufio.Writer
	err      error
	Skipped  int // units skipped for an empty side
}

// NewMosesWriter returns a writer to the source file src and the target
// file tgt.
func NewMosesWriter(src, tgt io.Writer) *MosesWriter {
	return &MosesWriter{src: bufio.NewWriterSize(src, bufferSize), tgt: bufio.NewWriterSize(tgt, bufferSize)}
}

// Write writes u, or skips it when a side is empty.
func (w *MosesWriter) Write(u *corpora.Unit) error {
	if w.err != nil {
		return w.err
	}
	if !u.Aligned() {
		w.Skipped++
		return nil
	}
	w.src.WriteString(corpora.Segment(u.SrcText))
	w.src.WriteByte('\n')
	w.tgt.WriteString(corpora.Segment(u.TgtText))
	_, w.err = w.tgt.WriteString("\n")
	return w.err
}

// Flush flushes both files.
func (w *MosesWriter) Flush() error {
	if w.err != nil {
		return w.err
	}
	if w.err = w.src.Flush(); w.err == nil {
		w.err = w.tgt.Flush()
	}
	return w.err
}

// Error reports any error of a previous Write or Flush.
func (w *MosesWriter) Error() error { return w.err }

// TSVHeader lists the columns TSVWriter writes.
var TSVHeader = []string{"document", "bead", "src_ids", "tgt_ids", "score", "src", "tgt", "speech", "speaker", "flags"}

// TSVWriter writes one row per unit, with a header row first.
type TSVWriter struct {
	w       *bufio.Writer
	started bool
	err     error
	num     []byte // scratch for numbers
}

// NewTSVWriter returns a TSV writer to w.
func NewTSVWriter(w io.Writer) *TSVWriter {
	return &TSVWriter{w: bufio.NewWriterSize(w, bufferSize)}
}

// Write writes one row: the columns of TSVHeader, the texts as segments,
// the finding codes joined by commas.
func (w *TSVWriter) Write(u *corpora.Unit) error {
	if w.err != nil {
		return w.err
	}
	if !w.started {
		w.started = true
		w.w.WriteString(strings.Join(TSVHeader, "\t") + "\n")
	}
	b := w.w
	b.WriteString(field(u.Doc))
	b.WriteByte('\t')
	w.num = strconv.AppendInt(w.num[:0], int64(u.Bead), 10)
	w.num = append(w.num, '\t')
	w.num = corpora.AppendIDs(w.num, u.Src)
	w.num = append(w.num, '\t')
	w.num = corpora.AppendIDs(w.num, u.Tgt)
	w.num = append(w.num, '\t')
	w.num = corpora.AppendScore(w.num, u.Score)
	w.num = append(w.num, '\t')
	b.Write(w.num)
	b.WriteString(corpora.Segment(u.SrcText))
	b.WriteByte('\t')
	b.WriteString(corpora.Segment(u.TgtText))
	b.WriteByte('\t')
	b.WriteString(field(u.Speech))
	b.WriteByte('\t')
	b.WriteString(field(u.Speaker))
	b.WriteByte('\t')
	for i, n := range u.Notes {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(n.Code)
	}
	_, w.err = b.WriteString("\n")
	return w.err
}

func field(s string) string { return corpora.Segment(s) }

// Flush flushes the output; a writer that wrote no unit still writes the
// header row.
func (w *TSVWriter) Flush() error {
	if w.err != nil {
		return w.err
	}
	if !w.started {
		w.started = true
		w.w.WriteString(strings.Join(TSVHeader, "\t") + "\n")
	}
	w.err = w.w.Flush()
	return w.err
}

// Error reports any error of a previous Write or Flush.
func (w *TSVWriter) Error() error { return w.err }

// JSONUnit is the form of a unit in JSON Lines.
type JSONUnit struct {
	Doc     string         `json:"document"`
	Bead    int            `json:"bead"`
	Type    string         `json:"type"`
	Src     []int          `json:"src_ids"`
	Tgt     []int          `json:"tgt_ids"`
	Score   float64        `json:"score"`
	SrcText string         `json:"src"`
	TgtText string         `json:"tgt"`
	Speech  string         `json:"speech,omitempty"`
	Speaker string         `json:"speaker,omitempty"`
	Notes   []corpora.Note `json:"flags,omitempty"`
}

// JSONLWriter writes one JSON object per unit and line.
type JSONLWriter struct {
	w    *bufio.Writer
	enc  *json.Encoder
	line []byte // the line being written
	err  error
}

// NewJSONLWriter returns a JSON Lines writer to w.
func NewJSONLWriter(w io.Writer) *JSONLWriter {
	b := bufio.NewWriterSize(w, bufferSize)
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	return &JSONLWriter{w: b, enc: enc}
}

// Write writes one line: the JSONUnit of u as encoding/json encodes it,
// without HTML escaping. A score that is not a finite number is an
// error of encoding/json.
func (w *JSONLWriter) Write(u *corpora.Unit) error {
	if w.err != nil {
		return w.err
	}
	score := corpora.RoundScore(u.Score)
	if math.IsNaN(score) || math.IsInf(score, 0) {
		// encoding/json refuses it; let it say so.
		w.err = w.enc.Encode(JSONUnit{Score: score})
		return w.err
	}
	b := append(w.line[:0], `{"document":`...)
	b = appendString(b, u.Doc)
	b = append(b, `,"bead":`...)
	b = strconv.AppendInt(b, int64(u.Bead), 10)
	b = append(b, `,"type":"`...)
	b = strconv.AppendInt(b, int64(len(u.Src)), 10)
	b = append(b, '-')
	b = strconv.AppendInt(b, int64(len(u.Tgt)), 10)
	b = append(b, `","src_ids":[`...)
	b = corpora.AppendIDs(b, u.Src)
	b = append(b, `],"tgt_ids":[`...)
	b = corpora.AppendIDs(b, u.Tgt)
	b = append(b, `],"score":`...)
	b = appendFloat(b, score)
	b = append(b, `,"src":`...)
	b = appendString(b, corpora.Segment(u.SrcText))
	b = append(b, `,"tgt":`...)
	b = appendString(b, corpora.Segment(u.TgtText))
	if u.Speech != "" {
		b = append(b, `,"speech":`...)
		b = appendString(b, u.Speech)
	}
	if u.Speaker != "" {
		b = append(b, `,"speaker":`...)
		b = appendString(b, u.Speaker)
	}
	if len(u.Notes) > 0 {
		b = append(b, `,"flags":[`...)
		for i, n := range u.Notes {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendNote(b, &n)
		}
		b = append(b, ']')
	}
	b = append(b, "}\n"...)
	w.line = b
	_, w.err = w.w.Write(b)
	return w.err
}

// appendNote appends n as encoding/json encodes a corpora.Note.
func appendNote(b []byte, n *corpora.Note) []byte {
	b = append(b, `{"code":`...)
	b = appendString(b, n.Code)
	b = append(b, `,"severity":`...)
	b = appendString(b, n.Severity)
	b = append(b, `,"message":`...)
	b = appendString(b, n.Message)
	if n.Side != "" {
		b = append(b, `,"side":`...)
		b = appendString(b, n.Side)
	}
	if n.Start != 0 {
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(n.Start), 10)
	}
	if n.End != 0 {
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(n.End), 10)
	}
	if n.Suggestion != "" {
		b = append(b, `,"suggestion":`...)
		b = appendString(b, n.Suggestion)
	}
	return append(b, '}')
}

// appendFloat appends a finite f as encoding/json writes a float64.
func appendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 becomes e-9, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendString appends s as a JSON string, escaped as encoding/json
// escapes it without HTML escaping: quote, backslash and control
// characters, invalid UTF-8 as U+FFFD, U+2028 and U+2029.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2 // a valid two-byte character (Cyrillic): written as it is
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// Flush flushes the output.
func (w *JSONLWriter) Flush() error {
	if w.err != nil {
		return w.err
	}
	w.err = w.w.Flush()
	return w.err
}

// Error reports any error of a previous Write or Flush.
func (w *JSONLWriter) Error() error { return w.err }
