// Package xliff writes aligned units as XLIFF 1.2 for review in a CAT
// tool, and reads the reviewed file back.
//
// The writer has the shape of encoding/csv: NewWriter, Write for each
// unit, Flush, Error. Each document becomes one <file> (units of one
// document must be written one after the other), each unit one
// <trans-unit> with xml:space="preserve", its findings as <note>s, and
// a target state: "needs-review-translation" when the unit is flagged or
// its score is below the review threshold, "needs-translation" when it has
// no target, "translated" otherwise. What the corpus needs to be rebuilt
// (sentence numbers, score, bead type, speech, finding codes and spans)
// travels in attributes of the namespace Namespace, which XLIFF 1.2 allows
// and CAT tools keep.
//
// Read parses such a file back. It never resolves entities or reads a
// DTD (a DOCTYPE is refused), and it bounds the input size, the nesting
// depth and the number of units, so a hostile file can neither read local
// files nor exhaust memory. The output is always well-formed XML;
// characters XML 1.0 cannot hold are replaced by U+FFFD and counted.
package xliff

import (
	"bufio"
	"io"
	"strconv"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/corpora/tmx"
)

// Namespace is the namespace of align's own attributes, written with the
// prefix "al".
const Namespace = "urn:align-tools:align:1"

// DefaultReviewBelow is the score below which a unit is marked for review
// when Header.ReviewBelow is zero.
const DefaultReviewBelow = 0.5

// Target states the writer uses, and the one a reviewer sets to reject a
// unit (XLIFF 1.2 allows custom states prefixed with "x-").
const (
	StateTranslated       = "translated"
	StateNeedsReview      = "needs-review-translation"
	StateNeedsTranslation = "needs-translation"
	StateRejected         = "x-rejected"
)

// Header describes the whole file.
type Header struct {
	Src, Tgt    language.Tag
	ToolVersion string // written as the tool-version of each file's header
	// ReviewBelow is the score under which a unit is marked for review;
	// zero means DefaultReviewBelow, a negative value marks none for its
	// score alone.
	ReviewBelow float64
}

func (h Header) reviewBelow() float64 {
	if h.ReviewBelow == 0 {
		return DefaultReviewBelow
	}
	return h.ReviewBelow
}

// State returns the target state the writer gives u under h. The score
// is compared as written, rounded to two decimals.
func (h Header) State(u *corpora.Unit) string {
	switch {
	case len(u.Tgt) == 0 || len(u.Src) == 0:
		return StateNeedsTranslation
	case len(u.Notes) > 0 || corpora.RoundScore(u.Score) < h.reviewBelow():
		return StateNeedsReview
	}
	return StateTranslated
}

// Writer writes an XLIFF 1.2 document.
type Writer struct {
	w        *bufio.Writer
	h        Header
	num      []byte // scratch for numbers
	started  bool
	doc      string
	inFile   bool
	err      error
	Replaced int // characters XML cannot hold, replaced so far
}

// NewWriter returns a writer that writes to w.
func NewWriter(w io.Writer, h Header) *Writer {
	return &Writer{w: bufio.NewWriterSize(w, 256<<10), h: h}
}

func (w *Writer) start() {
	w.started = true
	w.w.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	w.w.WriteString("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" xmlns:al=\"" + Namespace + "\">\n")
}

func (w *Writer) openFile(doc string) {
	ver := w.h.ToolVersion
	if ver == "" {
		ver = "dev"
	}
	b := w.w
	b.WriteString("  <file original=\"")
	w.text(doc)
	b.WriteString("\" source-language=\"")
	w.text(w.h.Src.String())
	b.WriteString("\" target-language=\"")
	w.text(w.h.Tgt.String())
	b.WriteString("\" datatype=\"plaintext\">\n    <header>\n      <tool tool-id=\"align\" tool-name=\"align\" tool-version=\"")
	w.text(ver)
	b.WriteString("\"/>\n    </header>\n    <body>\n")
	w.doc, w.inFile = doc, true
}

func (w *Writer) closeFile() {
	w.w.WriteString("    </body>\n  </file>\n")
	w.inFile = false
}

// Write writes one unit as a trans-unit.
func (w *Writer) Write(u *corpora.Unit) error {
	if w.err != nil {
		return w.err
	}
	if !w.started {
		w.start()
	}
	if w.inFile && u.Doc != w.doc {
		w.closeFile()
	}
	if !w.inFile {
		w.openFile(u.Doc)
	}
	b := w.w
	b.WriteString("      <trans-unit id=\"")
	w.writeInt(u.Bead)
	b.WriteString("\" xml:space=\"preserve\" al:type=\"")
	w.writeInt(len(u.Src))
	b.WriteByte('-')
	w.writeInt(len(u.Tgt))
	b.WriteString("\" al:score=\"")
	w.num = corpora.AppendScore(w.num[:0], u.Score)
	b.Write(w.num)
	b.WriteString("\" al:src=\"")
	w.writeIDs(u.Src)
	b.WriteString("\" al:tgt=\"")
	w.writeIDs(u.Tgt)
	b.WriteByte('"')
	if u.Speech != "" {
		b.WriteString(" al:speech=\"")
		w.text(u.Speech)
		b.WriteByte('"')
	}
	if u.Speaker != "" {
		b.WriteString(" al:speaker=\"")
		w.text(u.Speaker)
		b.WriteByte('"')
	}
	b.WriteString(">\n        <source>")
	w.text(u.SrcText)
	b.WriteString("</source>\n        <target state=\"")
	b.WriteString(w.h.State(u))
	b.WriteString("\">")
	w.text(u.TgtText)
	b.WriteString("</target>\n")
	for _, n := range u.Notes {
		annotates := "general"
		switch n.Side {
		case "src":
			annotates = "source"
		case "tgt":
			annotates = "target"
		}
		b.WriteString("        <note from=\"align\" priority=\"")
		w.writeInt(priority(n.Severity))
		b.WriteString("\" annotates=\"")
		b.WriteString(annotates)
		b.WriteString("\" al:code=\"")
		w.text(n.Code)
		b.WriteString("\" al:severity=\"")
		w.text(n.Severity)
		b.WriteByte('"')
		if n.Side != "" {
			b.WriteString(" al:side=\"")
			w.text(n.Side)
			b.WriteString("\" al:start=\"")
			w.writeInt(n.Start)
			b.WriteString("\" al:end=\"")
			w.writeInt(n.End)
			b.WriteByte('"')
		}
		if n.Suggestion != "" {
			b.WriteString(" al:suggestion=\"")
			w.text(n.Suggestion)
			b.WriteByte('"')
		}
		b.WriteByte('>')
		w.Replaced += tmx.WriteNoteText(b, &n)
		b.WriteString("</note>\n")
	}
	_, w.err = b.WriteString("      </trans-unit>\n")
	return w.err
}

func (w *Writer) writeInt(n int) {
	w.num = strconv.AppendInt(w.num[:0], int64(n), 10)
	w.w.Write(w.num)
}

// writeIDs writes sentence numbers as corpora.FormatIDs formats them.
func (w *Writer) writeIDs(ids []int) {
	w.num = corpora.AppendIDs(w.num[:0], ids)
	w.w.Write(w.num)
}

// priority maps a severity to XLIFF's note priority, 1 (high) to 10:
// 1 for an error, 2 for a warning, 3 for the others.
func priority(sev string) int {
	if r := corpora.SeverityRank(sev); r >= 2 {
		return 4 - r
	}
	return 3
}

// Flush finishes the document and flushes it to the underlying writer.
// A writer that wrote no unit writes an empty <file>, since XLIFF 1.2
// requires one.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	if !w.started {
		w.start()
	}
	if !w.inFile {
		w.openFile("")
	}
	w.closeFile()
	w.w.WriteString("</xliff>\n")
	w.err = w.w.Flush()
	return w.err
}

// Error reports any error of a previous Write or Flush.
func (w *Writer) Error() error { return w.err }

// text writes s escaped, counting the characters replaced.
func (w *Writer) text(s string) { w.Replaced += tmx.WriteText(w.w, s) }
