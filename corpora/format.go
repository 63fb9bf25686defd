package corpora

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// Format is the format of an input document.
type Format uint8

// The formats Reader reads. AutoFormat lets it decide from the file's
// content and name.
const (
	AutoFormat Format = iota
	Text              // plain text
	HTML              // a web page, as saved from a browser
	DOCX              // a Word document (Office Open XML)
	ODT               // an OpenDocument text (LibreOffice, Google Docs export)
	Markdown          // Markdown (CommonMark)
)

var formatNames = [...]string{AutoFormat: "auto", Text: "text", HTML: "html", DOCX: "docx", ODT: "odt", Markdown: "markdown"}

// FormatList lists the values ParseFormat accepts, for messages and help.
const FormatList = "auto, text, html, docx, odt, markdown"

// String returns the name ParseFormat takes: "auto", "text", "html",
// "docx", "odt" or "markdown".
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("format(%d)", int(f))
}

// ParseFormat parses a format name as given on the command line
// (--input-format). The empty string means AutoFormat; "txt", "htm" and
// "md" are accepted for text, html and markdown.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return AutoFormat, nil
	case "text", "txt", "plain":
		return Text, nil
	case "html", "htm":
		return HTML, nil
	case "docx", "word":
		return DOCX, nil
	case "odt":
		return ODT, nil
	case "markdown", "md":
		return Markdown, nil
	}
	return AutoFormat, fmt.Errorf("corpora: unknown input format %q; use one of %s", s, FormatList)
}

// Extensions are the file name extensions of the formats Reader reads,
// lower case, with the dot. A folder of inputs is made of such files.
var Extensions = []string{".txt", ".text", ".html", ".htm", ".xhtml", ".docx", ".odt", ".md", ".markdown"}

// FormatOf returns the format a file name's extension announces, and
// AutoFormat when the extension is not one of Extensions.
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return Text
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".docx":
		return DOCX
	case ".odt":
		return ODT
	case ".md", ".markdown":
		return Markdown
	}
	return AutoFormat
}

// ErrUnsupported is wrapped by the errors of files in a format align
// does not read (PDF, old Word, RTF, other archives).
var ErrUnsupported = errors.New("unsupported format")

// Sniff recognises the format of a file from its content and, where the
// content leaves it open, its name. Content decides for archives and
// binary formats whatever the extension says: a .txt file that is a Word
// document is read as one. Markdown is recognised by extension only, and
// HTML by extension or by a document that begins like a web page.
func Sniff(name string, data []byte) (Format, error) {
	byExt := FormatOf(name)
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return sniffZip(data)
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return AutoFormat, fmt.Errorf("%w: a Word 97-2003 (.doc) or other old Office file; open it in Word or LibreOffice and save it as .docx", ErrUnsupported)
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return AutoFormat, fmt.Errorf("%w: a PDF; export its text (pdftotext -layout) or save it as .docx, and align that", ErrUnsupported)
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return AutoFormat, fmt.Errorf("%w: an RTF document; save it as .docx or .txt", ErrUnsupported)
	}
	switch byExt {
	case DOCX, ODT:
		return AutoFormat, fmt.Errorf("%w: the name says %s but the file is not a zip archive, as %s files are; it may be damaged or renamed: open and save it again, or give --input-format", ErrUnsupported, byExt, byExt)
	case HTML, Markdown, Text:
		if byExt == Text && looksHTML(data) {
			return HTML, nil
		}
		return byExt, nil
	}
	if looksHTML(data) {
		return HTML, nil
	}
	return Text, nil
}

func sniffZip(data []byte) (Format, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return AutoFormat, fmt.Errorf("%w: a damaged zip archive (%v); open the document and save it again", ErrUnsupported, err)
	}
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			return DOCX, nil
		case "content.xml":
			return ODT, nil
		}
	}
	return AutoFormat, fmt.Errorf("%w: a zip archive that is neither a Word (.docx) nor an OpenDocument (.odt) document; unpack it and align the files inside", ErrUnsupported)
}

// looksHTML reports whether data begins like a web page: after a
// byte-order mark, white space and comments, a doctype or one of the
// html, head, body or meta tags.
func looksHTML(data []byte) bool {
	data = data[:min(len(data), 2048)]
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	for {
		data = bytes.TrimLeft(data, " \t\r\n\f")
		if !bytes.HasPrefix(data, []byte("<!--")) {
			break
		}
		end := bytes.Index(data, []byte("-->"))
		if end < 0 {
			return false
		}
		data = data[end+3:]
	}
	if len(data) == 0 || data[0] != '<' {
		return false // every mark below starts with "<"
	}
	head := strings.ToLower(string(data[:min(len(data), 16)]))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<?xml"} {
		if strings.HasPrefix(head, p) {
			return p != "<?xml" || bytes.Contains(bytes.ToLower(data), []byte("<html"))
		}
	}
	return false
}
