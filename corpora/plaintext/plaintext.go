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
	"strconv"
	"strings"

	"github.com/align-tools/align/corpora"
)

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
	return &MosesWriter{src: bufio.NewWriter(src), tgt: bufio.NewWriter(tgt)}
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
}

// NewTSVWriter returns a TSV writer to w.
func NewTSVWriter(w io.Writer) *TSVWriter {
	return &TSVWriter{w: bufio.NewWriter(w)}
}

// Write writes one row.
func (w *TSVWriter) Write(u *corpora.Unit) error {
	if w.err != nil {
		return w.err
	}
	if !w.started {
		w.started = true
		w.w.WriteString(strings.Join(TSVHeader, "\t") + "\n")
	}
	codes := make([]string, len(u.Notes))
	for i, n := range u.Notes {
		codes[i] = n.Code
	}
	row := []string{
		field(u.Doc), strconv.Itoa(u.Bead), corpora.FormatIDs(u.Src), corpora.FormatIDs(u.Tgt),
		corpora.FormatScore(u.Score), corpora.Segment(u.SrcText), corpora.Segment(u.TgtText),
		field(u.Speech), field(u.Speaker), strings.Join(codes, ","),
	}
	_, w.err = w.w.WriteString(strings.Join(row, "\t") + "\n")
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
	w   *bufio.Writer
	enc *json.Encoder
	err error
}

// NewJSONLWriter returns a JSON Lines writer to w.
func NewJSONLWriter(w io.Writer) *JSONLWriter {
	b := bufio.NewWriter(w)
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	return &JSONLWriter{w: b, enc: enc}
}

// Write writes one line.
func (w *JSONLWriter) Write(u *corpora.Unit) error {
	if w.err != nil {
		return w.err
	}
	score, _ := strconv.ParseFloat(corpora.FormatScore(u.Score), 64)
	w.err = w.enc.Encode(JSONUnit{
		Doc: u.Doc, Bead: u.Bead, Type: u.Type(), Src: nonNil(u.Src), Tgt: nonNil(u.Tgt), Score: score,
		SrcText: corpora.Segment(u.SrcText), TgtText: corpora.Segment(u.TgtText),
		Speech: u.Speech, Speaker: u.Speaker, Notes: u.Notes,
	})
	return w.err
}

func nonNil(xs []int) []int {
	if xs == nil {
		return []int{}
	}
	return xs
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
