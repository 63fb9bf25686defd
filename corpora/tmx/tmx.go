// Package tmx writes aligned units as TMX 1.4b, the translation memory
// exchange format CAT tools import.
//
// The writer follows the shape of encoding/csv: NewWriter, Write for each
// unit, Flush, Error. Its output is valid against the TMX 1.4b DTD:
// UTF-8, every required header attribute, props and notes before the
// tuvs, the source tuv first, xml:lang on every tuv. Characters that XML
// 1.0 cannot hold are replaced by U+FFFD; Write reports how many.
package tmx

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
)

// Header describes the whole memory.
type Header struct {
	Src, Tgt language.Tag
	// ToolVersion is written as creationtoolversion.
	ToolVersion string
	// Created, when not zero, is written as creationdate.
	Created time.Time
}

// Writer writes a TMX document.
type Writer struct {
	w        *bufio.Writer
	h        Header
	started  bool
	err      error
	Replaced int // characters XML cannot hold, replaced so far
}

// NewWriter returns a writer that writes to w.
func NewWriter(w io.Writer, h Header) *Writer {
	return &Writer{w: bufio.NewWriter(w), h: h}
}

func (w *Writer) start() {
	w.started = true
	ver := w.h.ToolVersion
	if ver == "" {
		ver = "dev"
	}
	fmt.Fprintf(w.w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n")
	fmt.Fprintf(w.w, "  <header creationtool=\"align\" creationtoolversion=\"%s\" segtype=\"sentence\" o-tmf=\"align\" adminlang=\"en\" srclang=\"%s\" datatype=\"plaintext\"",
		attr(ver), attr(w.h.Src.String()))
	if !w.h.Created.IsZero() {
		fmt.Fprintf(w.w, " creationdate=\"%s\"", w.h.Created.UTC().Format("20060102T150405Z"))
	}
	fmt.Fprintf(w.w, "/>\n  <body>\n")
}

// Write writes one unit as a tu. Units with one empty side are written
// with the tuv of the other side only, so no sentence is lost.
func (w *Writer) Write(u *corpora.Unit) error {
	if w.err != nil {
		return w.err
	}
	if !w.started {
		w.start()
	}
	b := w.w
	b.WriteString("    <tu>\n")
	w.prop("x-document", u.Doc)
	w.prop("x-bead", u.Type())
	w.prop("x-score", corpora.FormatScore(u.Score))
	if u.Speech != "" {
		w.prop("x-speech", u.Speech)
	}
	if u.Speaker != "" {
		w.prop("x-speaker", u.Speaker)
	}
	for _, n := range u.Notes {
		w.prop("x-flag", n.Code)
	}
	for _, n := range u.Notes {
		fmt.Fprintf(b, "      <note>%s</note>\n", w.text(n.Severity+" "+n.Code+": "+n.Message))
	}
	if len(u.Src) > 0 {
		w.tuv(w.h.Src, u.SrcText)
	}
	if len(u.Tgt) > 0 {
		w.tuv(w.h.Tgt, u.TgtText)
	}
	_, w.err = b.WriteString("    </tu>\n")
	return w.err
}

func (w *Writer) prop(typ, val string) {
	fmt.Fprintf(w.w, "      <prop type=\"%s\">%s</prop>\n", attr(typ), w.text(val))
}

func (w *Writer) tuv(tag language.Tag, seg string) {
	fmt.Fprintf(w.w, "      <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", attr(tag.String()), w.text(corpora.Segment(seg)))
}

// Flush finishes the document and flushes it to the underlying writer.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	if !w.started {
		w.start()
	}
	w.w.WriteString("  </body>\n</tmx>\n")
	w.err = w.w.Flush()
	return w.err
}

// Error reports any error of a previous Write or Flush.
func (w *Writer) Error() error { return w.err }

func (w *Writer) text(s string) string {
	s, n := XMLSafe(s)
	w.Replaced += n
	var sb strings.Builder
	xml.EscapeText(&sb, []byte(s))
	return sb.String()
}

func attr(s string) string {
	s, _ = XMLSafe(s)
	var sb strings.Builder
	xml.EscapeText(&sb, []byte(s))
	return sb.String()
}

// XMLSafe replaces the characters that XML 1.0 cannot hold, and bytes
// that are not UTF-8, by U+FFFD, and returns the result and how many it
// replaced.
func XMLSafe(s string) (string, int) {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !xmlChar(r) {
			n++ // a byte of invalid UTF-8, or a character XML cannot hold
		}
		i += size
	}
	if n == 0 {
		return s, 0
	}
	// strings.Map hands each byte of invalid UTF-8 over as U+FFFD.
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return '\uFFFD'
	}, s), n
}

func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
