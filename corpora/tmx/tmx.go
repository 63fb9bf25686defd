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
	"strconv"
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
	srcLang  string // the languages, escaped for xml:lang
	tgtLang  string
	num      []byte // scratch for numbers
	started  bool
	err      error
	Replaced int // characters XML cannot hold, replaced so far
}

// NewWriter returns a writer that writes to w.
func NewWriter(w io.Writer, h Header) *Writer {
	return &Writer{w: bufio.NewWriterSize(w, 256<<10), h: h, srcLang: attr(h.Src.String()), tgtLang: attr(h.Tgt.String())}
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
	w.num = strconv.AppendInt(w.num[:0], int64(len(u.Src)), 10)
	w.num = append(w.num, '-')
	w.num = strconv.AppendInt(w.num, int64(len(u.Tgt)), 10)
	w.propBytes("x-bead", w.num)
	w.num = corpora.AppendScore(w.num[:0], u.Score)
	w.propBytes("x-score", w.num)
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
		b.WriteString("      <note>")
		w.Replaced += WriteNoteText(b, &n)
		b.WriteString("</note>\n")
	}
	if len(u.Src) > 0 {
		w.tuv(w.srcLang, u.SrcText)
	}
	if len(u.Tgt) > 0 {
		w.tuv(w.tgtLang, u.TgtText)
	}
	_, w.err = b.WriteString("    </tu>\n")
	return w.err
}

// prop writes a prop; typ is one of the writer's own types, which need
// no escaping.
func (w *Writer) prop(typ, val string) {
	w.w.WriteString("      <prop type=\"")
	w.w.WriteString(typ)
	w.w.WriteString("\">")
	w.text(val)
	w.w.WriteString("</prop>\n")
}

// propBytes writes a prop of a value that needs no escaping.
func (w *Writer) propBytes(typ string, val []byte) {
	w.w.WriteString("      <prop type=\"")
	w.w.WriteString(typ)
	w.w.WriteString("\">")
	w.w.Write(val)
	w.w.WriteString("</prop>\n")
}

// tuv writes a tuv; lang is the language, escaped.
func (w *Writer) tuv(lang, seg string) {
	w.w.WriteString("      <tuv xml:lang=\"")
	w.w.WriteString(lang)
	w.w.WriteString("\"><seg>")
	w.text(corpora.Segment(seg))
	w.w.WriteString("</seg></tuv>\n")
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

// text writes s escaped, counting the characters replaced.
func (w *Writer) text(s string) { w.Replaced += WriteText(w.w, s) }

func attr(s string) string {
	s, _ = XMLSafe(s)
	var sb strings.Builder
	xml.EscapeText(&sb, []byte(s))
	return sb.String()
}

// WriteText writes s to w as XML character data (or an attribute value):
// the characters XMLSafe replaces become U+FFFD, then the rest is escaped
// as encoding/xml.EscapeText escapes it (& < > " ' and tab, line feed and
// carriage return as character references). It returns how many
// characters it replaced, as XMLSafe counts them.
func WriteText(w *bufio.Writer, s string) int {
	replaced, last := 0, 0
	for i := 0; i < len(s); {
		c, size := s[i], 1
		var esc string
		switch {
		case c < utf8.RuneSelf:
			if esc = xmlEscapes[c]; esc == "" {
				i++
				continue
			}
			if esc == "\uFFFD" {
				replaced++
			}
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			// Two bytes of U+0080-U+07FF (Cyrillic), all of which XML
			// holds: the common case, without decoding.
			i += 2
			continue
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if (r != utf8.RuneError || size > 1) && xmlChar(r) {
				i += size
				continue
			}
			esc = "\uFFFD"
			replaced++
		}
		w.WriteString(s[last:i])
		w.WriteString(esc)
		i += size
		last = i
	}
	w.WriteString(s[last:])
	return replaced
}

// WriteNoteText writes the text of a finding as the notes of TMX and
// XLIFF show it, "severity code: message", escaped as WriteText escapes
// it, and returns how many characters it replaced.
func WriteNoteText(w *bufio.Writer, n *corpora.Note) int {
	// The parts are joined by ASCII, so escaping them one by one is
	// escaping the whole text: no character spans two parts.
	r := WriteText(w, n.Severity)
	w.WriteByte(' ')
	r += WriteText(w, n.Code)
	w.WriteString(": ")
	return r + WriteText(w, n.Message)
}

// xmlEscapes are the replacements of WriteText for ASCII: those of
// xml.EscapeText, and U+FFFD for the control characters XML cannot hold.
var xmlEscapes = func() (t [utf8.RuneSelf]string) {
	for c := range 0x20 {
		t[c] = "\uFFFD"
	}
	t['"'], t['\''], t['&'], t['<'], t['>'] = "&#34;", "&#39;", "&amp;", "&lt;", "&gt;"
	t['\t'], t['\n'], t['\r'] = "&#x9;", "&#xA;", "&#xD;"
	return t
}()

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
