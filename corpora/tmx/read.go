package tmx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
)

// Limits bound what Read accepts, so that a hostile or broken file
// cannot exhaust memory. The zero value of each field means its default.
type Limits struct {
	MaxBytes   int64 // the whole file; default 256 MiB
	MaxSegment int   // the text of one seg, in bytes; default 1 MiB
	MaxDepth   int   // element nesting; default 32
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = 256 << 20
	}
	if l.MaxSegment <= 0 {
		l.MaxSegment = 1 << 20
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = 32
	}
	return l
}

// Memory is a translation memory as Read found it.
type Memory struct {
	SrcLang string // the header's srclang
	TUs     []TU
}

// TU is one translation unit.
type TU struct {
	Line  int // line of the <tu> tag in the file
	Props []Prop
	Notes []string
	TUVs  []TUV
}

// Prop is a <prop type="...">value</prop> of a unit.
type Prop struct {
	Type, Value string
}

// TUV is one language variant of a unit: the text of its <seg>, with
// the way back to the file. Inline codes (bpt, ept, it, ph, ut) and
// sub-flows (sub) are left out of Text; the text of hi is kept.
type TUV struct {
	Lang   string
	Text   string
	pieces []piece
	lines  *lineIndex
}

// piece is a stretch of Text that comes from one run of character data
// of the file: Text[off:...] was decoded from raw.
type piece struct {
	off    int    // offset in Text
	rawOff int    // offset of raw in the file
	raw    string // the character data as written, entities and CDATA included
}

// Prop returns the value of the first prop of type typ, or "".
func (tu *TU) Prop(typ string) string {
	for _, p := range tu.Props {
		if p.Type == typ {
			return p.Value
		}
	}
	return ""
}

// Variant returns the first variant whose language has the base
// language of tag ("en-GB" for en), or nil.
func (tu *TU) Variant(tag language.Tag) *TUV {
	want, _ := tag.Base()
	for i := range tu.TUVs {
		t, err := language.Parse(tu.TUVs[i].Lang)
		if err != nil {
			continue
		}
		if b, _ := t.Base(); b == want {
			return &tu.TUVs[i]
		}
	}
	return nil
}

// Position returns the 1-based line and column (in characters) in the
// file of the byte offset off of v.Text.
func (v *TUV) Position(off int) (line, col int) {
	if v.lines == nil || len(v.pieces) == 0 {
		return 0, 0
	}
	i := sort.Search(len(v.pieces), func(i int) bool { return v.pieces[i].off > off }) - 1
	if i < 0 {
		i = 0
	}
	p := v.pieces[i]
	return v.lines.position(p.rawOff + rawOffset(p.raw, off-p.off))
}

// rawOffset maps the offset n of the text decoded from raw back to an
// offset of raw, stepping over entities, CDATA markers and CR LF.
func rawOffset(raw string, n int) int {
	i, j := 0, 0
	cdata := false
	for i < len(raw) {
		switch {
		case !cdata && strings.HasPrefix(raw[i:], "<![CDATA["):
			i += len("<![CDATA[")
			cdata = true
			continue
		case cdata && strings.HasPrefix(raw[i:], "]]>"):
			i += 3
			cdata = false
			continue
		}
		if j >= n {
			break
		}
		switch {
		case !cdata && raw[i] == '&':
			e := strings.IndexByte(raw[i:], ';')
			if e < 0 {
				return i
			}
			ent := raw[i : i+e+1]
			i += e + 1
			j += utf8.RuneLen(entityRune(ent))
		case raw[i] == '\r':
			i++
			if i < len(raw) && raw[i] == '\n' {
				i++
			}
			j++
		default:
			_, sz := utf8.DecodeRuneInString(raw[i:])
			i += sz
			j += sz
		}
	}
	return i
}

// entityRune returns the character an XML entity stands for.
func entityRune(ent string) rune {
	var v struct {
		S string `xml:",chardata"`
	}
	if xml.Unmarshal([]byte("<a>"+ent+"</a>"), &v) == nil {
		if r, _ := utf8.DecodeRuneInString(v.S); r != utf8.RuneError {
			return r
		}
	}
	return utf8.RuneError
}

type lineIndex struct {
	text   string
	starts []int
}

func newLineIndex(text string) *lineIndex {
	li := &lineIndex{text: text, starts: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

func (li *lineIndex) position(off int) (int, int) {
	off = max(0, min(off, len(li.text)))
	i := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	return i + 1, utf8.RuneCountInString(li.text[li.starts[i]:off]) + 1
}

// Read reads a TMX document. It does not resolve external entities nor
// the entities a DOCTYPE declares (only XML's own and character
// references), and it refuses files, segments and nesting beyond lim.
// The file may be UTF-8 (with or without BOM) or UTF-16 with a BOM.
// Errors name the line and say what to do.
func Read(r io.Reader, lim Limits) (*Memory, error) {
	lim = lim.withDefaults()
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("tmx: %w", err)
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, fmt.Errorf("tmx: the file is larger than %d MiB; split the memory into smaller files", lim.MaxBytes>>20)
	}
	text, _, err := corpora.Decode(data, corpora.Auto)
	if err != nil {
		return nil, fmt.Errorf("tmx: %w", err)
	}
	lines := newLineIndex(text)
	d := xml.NewDecoder(strings.NewReader(text))
	d.Strict = true
	// The text is already UTF-8, whatever the declaration says.
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	rd := &reader{d: d, lim: lim, lines: lines, text: text}
	m, err := rd.read()
	if err != nil {
		line, _ := lines.position(int(d.InputOffset()))
		return nil, fmt.Errorf("tmx: line %d: %w", line, err)
	}
	return m, nil
}

type reader struct {
	d     *xml.Decoder
	lim   Limits
	lines *lineIndex
	text  string
	depth int
}

var errNotTMX = errors.New("not a TMX document (no <tmx> root element); give a TMX 1.4 file")

func (rd *reader) token() (xml.Token, error) {
	t, err := rd.d.Token()
	if err != nil {
		return nil, err
	}
	switch t.(type) {
	case xml.StartElement:
		rd.depth++
		if rd.depth > rd.lim.MaxDepth {
			return nil, fmt.Errorf("elements nested deeper than %d; this is not a TMX memory", rd.lim.MaxDepth)
		}
	case xml.EndElement:
		rd.depth--
	}
	return t, nil
}

func (rd *reader) read() (*Memory, error) {
	m := &Memory{}
	sawRoot := false
	for {
		off := rd.d.InputOffset()
		t, err := rd.token()
		if err == io.EOF {
			if !sawRoot {
				return nil, errNotTMX
			}
			return m, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "tmx":
			sawRoot = true
		case "header":
			if !sawRoot {
				return nil, errNotTMX
			}
			m.SrcLang = attrOf(se, "srclang")
		case "tu":
			if !sawRoot {
				return nil, errNotTMX
			}
			line, _ := rd.lines.position(int(off))
			tu, err := rd.readTU(line)
			if err != nil {
				return nil, err
			}
			m.TUs = append(m.TUs, tu)
		default:
			if !sawRoot {
				return nil, errNotTMX
			}
		}
	}
}

func attrOf(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// readTU reads the content of a <tu> up to its end tag.
func (rd *reader) readTU(line int) (TU, error) {
	tu := TU{Line: line}
	for {
		t, err := rd.token()
		if err != nil {
			return tu, unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.EndElement:
			return tu, nil
		case xml.StartElement:
			switch t.Name.Local {
			case "prop":
				v, err := rd.plainText()
				if err != nil {
					return tu, err
				}
				tu.Props = append(tu.Props, Prop{Type: attrOf(t, "type"), Value: v})
			case "note":
				v, err := rd.plainText()
				if err != nil {
					return tu, err
				}
				tu.Notes = append(tu.Notes, v)
			case "tuv":
				lang := attrOf(t, "lang") // xml:lang; Name.Local is "lang"
				v, err := rd.readTUV(lang)
				if err != nil {
					return tu, err
				}
				tu.TUVs = append(tu.TUVs, v)
			default:
				if err := rd.skip(); err != nil {
					return tu, err
				}
			}
		}
	}
}

func unexpectedEOF(err error) error {
	if err == io.EOF {
		return errors.New("the file ends inside a <tu>; it is cut short")
	}
	return err
}

// plainText reads the character data of an element up to its end tag.
func (rd *reader) plainText() (string, error) {
	var b strings.Builder
	for {
		t, err := rd.token()
		if err != nil {
			return "", unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.CharData:
			if b.Len()+len(t) > rd.lim.MaxSegment {
				return "", fmt.Errorf("an element holds more than %d bytes of text", rd.lim.MaxSegment)
			}
			b.Write(t)
		case xml.StartElement:
			if err := rd.skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			return b.String(), nil
		}
	}
}

func (rd *reader) skip() error {
	for depth := 1; depth > 0; {
		t, err := rd.token()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// readTUV reads a <tuv> up to its end tag.
func (rd *reader) readTUV(lang string) (TUV, error) {
	v := TUV{Lang: lang, lines: rd.lines}
	for {
		t, err := rd.token()
		if err != nil {
			return v, unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.EndElement:
			return v, nil
		case xml.StartElement:
			if t.Name.Local != "seg" {
				if err := rd.skip(); err != nil {
					return v, err
				}
				continue
			}
			if err := rd.readSeg(&v); err != nil {
				return v, err
			}
		}
	}
}

// readSeg reads the text of a <seg> into v, keeping where each run of
// character data stands in the file.
func (rd *reader) readSeg(v *TUV) error {
	var b strings.Builder
	skipDepth := 0 // >0 inside an inline code or a sub-flow
	for {
		off := int(rd.d.InputOffset())
		t, err := rd.token()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.CharData:
			if skipDepth > 0 {
				continue
			}
			if b.Len()+len(t) > rd.lim.MaxSegment {
				return fmt.Errorf("a segment holds more than %d bytes of text; is this a memory?", rd.lim.MaxSegment)
			}
			end := int(rd.d.InputOffset())
			v.pieces = append(v.pieces, piece{off: b.Len(), rawOff: off, raw: rd.text[off:end]})
			b.Write(t)
		case xml.StartElement:
			switch {
			case skipDepth > 0:
				skipDepth++
			case t.Name.Local == "hi":
			default: // bpt, ept, it, ph, ut, sub: codes, not text
				skipDepth = 1
			}
		case xml.EndElement:
			switch {
			case skipDepth > 0:
				skipDepth--
			case t.Name.Local == "seg":
				v.Text = b.String()
				return nil
			}
		}
	}
}
