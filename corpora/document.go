package corpora

import (
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/align-tools/align/lang"
)

// Document is one input document, decoded and normalized.
//
// Text is plain text whatever the input format: for HTML, Word and
// Markdown input it holds the paragraphs of the document, each on its own
// lines, separated by one blank line, with markup left out. Paras lists
// those paragraphs in order; their spans never overlap, are trimmed and
// never hold a blank line, and every non-space byte of Text is in one of
// them. Since they are separated by blank lines, every paragraph
// lang.Paragraphs finds, and so every sentence lang.Split finds, lies
// inside one Para: ParaAt(s.Start) is the structural paragraph of a
// sentence s (a Para may hold several lang paragraphs when it has line
// breaks).
type Document struct {
	Path     string       // the file as it was named
	Name     string       // the file name without folder and extension: the pairing key
	Lang     language.Tag // the document's language
	Encoding Encoding     // the encoding the file was read in; empty for Word files
	Format   Format       // the format the file was read as
	Text     string       // the normalized text

	// Paras are the paragraphs of Text, in order. For plain text they
	// are the paragraphs lang.Paragraphs finds; for the other formats,
	// those of the document's structure, headings included.
	Paras []Para

	// Warnings are things the reader guessed or left out that the user
	// may want to check (an encoding recognised without a byte-order
	// mark, a charset declared wrongly). Each names the file.
	Warnings []string

	lineStarts []int // byte offsets in Text where lines start
}

// ParaKind tells what a paragraph is in the document's structure.
type ParaKind uint8

// The kinds of paragraph. Plain text has only Body paragraphs; the kinds
// come from the markup of the other formats.
const (
	Body     ParaKind = iota // ordinary text, list items and table cells included
	Heading                  // a heading: HTML h1-h6, a Word heading style, a Markdown heading
	Footnote                 // the text of a footnote or endnote, kept after the body
)

var kindNames = [...]string{Body: "body", Heading: "heading", Footnote: "footnote"}

// String returns "body", "heading" or "footnote".
func (k ParaKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Para is one paragraph of a Document: a byte span of Text, trimmed of
// white space, with its kind.
type Para struct {
	Start, End int
	Kind       ParaKind
	// Level is the heading level, 1 for the top; 0 for a paragraph that
	// is not a heading, and for a heading recognised only because the
	// whole paragraph is set in bold.
	Level int
	// Line is the 1-based line of the input file where the paragraph's
	// markup starts, for HTML and Markdown; 0 when the format has no
	// lines to speak of (Word files). For plain text it is the line of
	// Text, which is that of the file.
	Line int
}

// NewDocument makes a Document from plain text already decoded. The text
// is normalized with lang.Normalize.
func NewDocument(path string, tag language.Tag, text string) *Document {
	d := &Document{
		Path:   path,
		Name:   strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)),
		Lang:   tag,
		Format: Text,
		Text:   lang.Normalize(text),
	}
	d.index()
	paras := lang.Paragraphs(d.Text)
	d.Paras = make([]Para, 0, len(paras))
	for _, p := range paras {
		line, _ := d.Position(p.Start)
		d.Paras = append(d.Paras, Para{Start: p.Start, End: p.End, Line: line})
	}
	return d
}

// block is one paragraph as a structured reader finds it, before
// normalization.
type block struct {
	kind  ParaKind
	level int
	text  string
	line  int
}

// newStructured makes a Document of the given format from the blocks a
// reader found. Each block is normalized on its own, its lines trimmed and
// blank lines dropped, so that a paragraph never holds a blank line; empty
// blocks are dropped.
func newStructured(path string, tag language.Tag, f Format, blocks []block) *Document {
	d := &Document{
		Path:   path,
		Name:   strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)),
		Lang:   tag,
		Format: f,
	}
	var sb strings.Builder
	for _, b := range blocks {
		t := cleanBlock(lang.Normalize(b.text))
		if t == "" {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		start := sb.Len()
		sb.WriteString(t)
		d.Paras = append(d.Paras, Para{Start: start, End: sb.Len(), Kind: b.kind, Level: b.level, Line: b.line})
	}
	d.Text = sb.String()
	d.index()
	return d
}

// cleanBlock trims every line of s and drops the blank ones.
func cleanBlock(s string) string {
	if !strings.Contains(s, "\n") {
		return strings.TrimSpace(s)
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func (d *Document) index() {
	d.lineStarts = append(make([]int, 0, strings.Count(d.Text, "\n")+1), 0)
	for i := 0; i < len(d.Text); i++ {
		if d.Text[i] == '\n' {
			d.lineStarts = append(d.lineStarts, i+1)
		}
	}
}

// Position returns the 1-based line and column (in characters) of the byte
// offset off of d.Text. For plain text the lines are those of the input
// file; for the other formats they are lines of Text, and Locate says
// where the offset is in terms a reader of the document understands.
func (d *Document) Position(off int) (line, col int) {
	if off > len(d.Text) {
		off = len(d.Text)
	}
	if off < 0 {
		off = 0
	}
	i := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
	start := 0
	if i < 0 {
		i = 0 // a Document made without NewDocument: no lines known
	} else {
		start = d.lineStarts[i]
	}
	return i + 1, utf8.RuneCountInString(d.Text[start:off]) + 1
}

// Location is where a byte offset of a Document's Text is, in terms its
// user understands: a line and column for plain text, a paragraph number
// and the paragraph's text for HTML, Word and Markdown documents.
type Location struct {
	Format    Format
	Line, Col int // as Position returns them
	Para      int // 1-based number of the paragraph, 0 when the offset is before the first
	Kind      ParaKind
	ParaText  string // the paragraph's text on one line, shortened to about 60 characters
	ParaLine  int    // Para.Line of the paragraph, 0 when unknown
}

// String formats l as "12:5" for plain text, and as
// `paragraph 4 (line 40) "Thank you, colleagues…"` for the other formats
// (the line is left out when unknown).
func (l Location) String() string {
	if l.Format == Text || l.Para == 0 {
		return strconv.Itoa(l.Line) + ":" + strconv.Itoa(l.Col)
	}
	var sb strings.Builder
	if l.Kind == Heading {
		sb.WriteString("heading ")
	} else if l.Kind == Footnote {
		sb.WriteString("footnote paragraph ")
	} else {
		sb.WriteString("paragraph ")
	}
	sb.WriteString(strconv.Itoa(l.Para))
	if l.ParaLine > 0 {
		sb.WriteString(" (line " + strconv.Itoa(l.ParaLine) + ")")
	}
	sb.WriteString(" “" + l.ParaText + "”")
	return sb.String()
}

// ParaAt returns the index in d.Paras of the paragraph holding the byte
// offset off of d.Text, or -1 when off is before the first. An offset
// between two paragraphs belongs to the one before. A sentence's
// paragraph, and so whether it is a heading, is d.Paras[d.ParaAt(s.Start)].
// (This index is not lang.Sentence.Para, which counts the paragraphs of
// lang.Paragraphs.)
func (d *Document) ParaAt(off int) int {
	return sort.Search(len(d.Paras), func(i int) bool { return d.Paras[i].Start > off }) - 1
}

// Locate returns the location of the byte offset off of d.Text. An offset
// between two paragraphs belongs to the one before.
func (d *Document) Locate(off int) Location {
	loc := Location{Format: d.Format}
	loc.Line, loc.Col = d.Position(off)
	i := d.ParaAt(off)
	if i < 0 {
		return loc
	}
	p := d.Paras[i]
	loc.Para = i + 1
	loc.Kind = p.Kind
	loc.ParaLine = p.Line
	loc.ParaText = excerpt(d.Text[p.Start:p.End], 60)
	return loc
}

// excerpt returns s on one line, cut after about n characters at a word
// boundary, with an ellipsis when cut.
func excerpt(s string, n int) string {
	s = Segment(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, count := len(s), 0
	for i := range s {
		if count == n {
			cut = i
			break
		}
		count++
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut/2 {
		cut = sp
	}
	return s[:cut] + "…"
}
