package corpora

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/language"
)

// readZipDoc reads a Word (DOCX) or OpenDocument (ODT) document. No part
// of the archive is expanded beyond max bytes, so that a zip bomb is
// refused rather than filling the memory.
func readZipDoc(path string, tag language.Tag, f Format, data []byte, max int64) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a %s document: %v; open it and save it again, or give --input-format", f, err)
	}
	a := &archive{zr: zr, max: max}
	var blocks []block
	switch f {
	case DOCX:
		blocks, err = docxBlocks(a)
	case ODT:
		blocks, err = odtBlocks(a)
	}
	if err != nil {
		return nil, err
	}
	return newStructured(path, tag, f, blocks), nil
}

// archive reads the parts of a zip archive with a bound on their size.
type archive struct {
	zr  *zip.Reader
	max int64
}

var errNoPart = errors.New("no such part")

func (a *archive) open(name string) (*zip.File, error) {
	for _, f := range a.zr.File {
		if f.Name == name {
			return f, nil
		}
	}
	return nil, errNoPart
}

// read returns the bytes of the part name, refusing a part that expands
// beyond a.max.
func (a *archive) read(name string) ([]byte, error) {
	f, err := a.open(name)
	if err != nil {
		return nil, err
	}
	if f.UncompressedSize64 > uint64(a.max) {
		return nil, a.tooBig(name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("cannot open %s in the archive: %v; the document may be damaged: open and save it again", name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, a.max+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s in the archive: %v; the document may be damaged: open and save it again", name, err)
	}
	if int64(len(b)) > a.max {
		return nil, a.tooBig(name)
	}
	return b, nil
}

func (a *archive) tooBig(name string) error {
	return fmt.Errorf("%s expands to more than %d MB; the archive is damaged or hostile, or the document too big: split it", name, a.max>>20)
}

// xmlDecoder returns a decoder for a part of an archive. encoding/xml
// resolves no external entities, so a hostile part cannot reach files.
func xmlDecoder(b []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.CharsetReader = charset.NewReaderLabel
	return d
}

func xmlError(part string, err error) error {
	return fmt.Errorf("%s: %v; the document is damaged: open it and save it again", part, err)
}

// paraBuilder gathers the text of one paragraph.
type paraBuilder struct {
	sb    strings.Builder
	kind  ParaKind
	level int
	bold  bool // some text set in bold
	plain bool // some text not set in bold
}

func (p *paraBuilder) block() block {
	b := block{kind: p.kind, level: p.level, text: p.sb.String()}
	if b.kind == Body && p.bold && !p.plain && looksLikeHeading(b.text) {
		b.kind = Heading
	}
	return b
}

const wordNS = "/wordprocessingml/2006/main"

// isW reports whether n is in the WordprocessingML namespace,
// transitional or strict.
func isW(n xml.Name) bool {
	return strings.HasSuffix(n.Space, wordNS) || n.Space == "http://purl.oclc.org/ooxml/wordprocessingml/main"
}

func wAttr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space == "" || isW(a.Name)) {
			return a.Value, true
		}
	}
	return "", false
}

// on reports whether a toggle property such as <w:b/> is on: present,
// and with no val or a true one.
func on(se xml.StartElement) bool {
	v, ok := wAttr(se, "val")
	return !ok || v == "1" || v == "true" || v == "on"
}

// docxBlocks returns the paragraphs of the body of a Word document, then
// those of its footnotes and endnotes.
func docxBlocks(a *archive) ([]block, error) {
	main := "word/document.xml"
	doc, err := a.read(main)
	if errors.Is(err, errNoPart) {
		return nil, fmt.Errorf("not a Word document: it has no %s; open it and save it as .docx", main)
	}
	if err != nil {
		return nil, err
	}
	levels, err := docxStyles(a)
	if err != nil {
		return nil, err
	}
	blocks, err := docxPart(main, doc, levels, Body)
	if err != nil {
		return nil, err
	}
	for _, part := range []string{"word/footnotes.xml", "word/endnotes.xml"} {
		b, err := a.read(part)
		if errors.Is(err, errNoPart) {
			continue
		}
		if err != nil {
			return nil, err
		}
		notes, err := docxPart(part, b, levels, Footnote)
		if err != nil {
			return nil, err
		}
		blocks = append(blocks, notes...)
	}
	return blocks, nil
}

// docxStyles returns the heading level of each paragraph style of the
// document that is a heading: by name ("heading 1", "Title"), by outline
// level, or by being based on such a style.
func docxStyles(a *archive) (map[string]int, error) {
	const part = "word/styles.xml"
	b, err := a.read(part)
	if errors.Is(err, errNoPart) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	type style struct {
		level   int
		basedOn string
	}
	styles := map[string]*style{}
	d := xmlDecoder(b)
	var cur *style
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, xmlError(part, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || !isW(se.Name) {
			continue
		}
		switch se.Name.Local {
		case "style":
			id, _ := wAttr(se, "styleId")
			cur = &style{}
			styles[id] = cur
		case "name":
			if cur != nil {
				v, _ := wAttr(se, "val")
				v = strings.ToLower(v)
				if n, ok := strings.CutPrefix(v, "heading "); ok {
					if l, err := strconv.Atoi(n); err == nil && l > 0 && l < 10 {
						cur.level = l
					}
				} else if v == "title" {
					cur.level = 1
				}
			}
		case "outlineLvl":
			if cur != nil && cur.level == 0 {
				v, _ := wAttr(se, "val")
				if l, err := strconv.Atoi(v); err == nil && l >= 0 && l < 9 {
					cur.level = l + 1
				}
			}
		case "basedOn":
			if cur != nil {
				cur.basedOn, _ = wAttr(se, "val")
			}
		}
	}
	levels := map[string]int{}
	for id, s := range styles {
		// Follow basedOn a bounded number of steps: a cycle in a
		// hostile file must not hang the reader.
		for i := 0; s != nil && i < 16; i++ {
			if s.level > 0 {
				levels[id] = s.level
				break
			}
			s = styles[s.basedOn]
		}
	}
	return levels, nil
}

// styleLevel returns the heading level of the paragraph style id: from
// the styles of the document, or, for a document without styles.xml,
// from the id itself ("Heading2", "Title").
func styleLevel(levels map[string]int, id string) int {
	if levels != nil {
		return levels[id]
	}
	lower := strings.ToLower(id)
	if lower == "title" {
		return 1
	}
	if n, ok := strings.CutPrefix(lower, "heading"); ok {
		if l, err := strconv.Atoi(strings.TrimSpace(n)); err == nil && l > 0 && l < 10 {
			return l
		}
	}
	return 0
}

// docxPart returns the paragraphs of one part (the body, footnotes or
// endnotes). Tracked changes are taken as accepted: insertions are kept,
// deletions and text moved away are left out. Hidden text, field codes,
// and the fallback copies of drawings are left out too.
func docxPart(part string, b []byte, levels map[string]int, kind ParaKind) ([]block, error) {
	d := xmlDecoder(b)
	var (
		blocks []block
		stack  []*paraBuilder // paragraphs open; text boxes nest them
		skip   int            // depth inside an element whose text is left out
		inRPr  bool
		inPPr  bool
		inT    bool
		runOn  struct{ bold, hidden bool }
		joinUp bool // the last paragraph's mark was deleted: it joins the next
	)
	cur := func() *paraBuilder {
		if len(stack) == 0 {
			return nil
		}
		return stack[len(stack)-1]
	}
	write := func(s string) {
		p := cur()
		if p == nil || runOn.hidden {
			return
		}
		p.sb.WriteString(s)
		if strings.TrimSpace(s) != "" {
			if runOn.bold {
				p.bold = true
			} else {
				p.plain = true
			}
		}
	}
	var pending *paraBuilder // a paragraph whose mark was deleted
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, xmlError(part, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			if t.Name.Local == "Fallback" && !isW(t.Name) {
				skip = 1 // mc:Fallback repeats what mc:Choice holds
				continue
			}
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "del", "moveFrom", "instrText", "delText", "delInstrText":
				if inPPr && inRPr && t.Name.Local == "del" {
					// <w:pPr><w:rPr><w:del/> marks a deleted paragraph mark.
					joinUp = true
					continue
				}
				skip = 1
			case "footnote", "endnote":
				if v, _ := wAttr(t, "type"); v == "separator" || v == "continuationSeparator" || v == "continuationNotice" {
					skip = 1
				}
			case "p":
				p := &paraBuilder{kind: kind}
				if pending != nil && len(stack) == 0 {
					p, pending = pending, nil
				}
				stack = append(stack, p)
			case "pStyle":
				if p := cur(); p != nil && kind == Body {
					v, _ := wAttr(t, "val")
					if l := styleLevel(levels, v); l > 0 {
						p.kind, p.level = Heading, l
					}
				}
			case "outlineLvl":
				if p := cur(); p != nil && kind == Body {
					v, _ := wAttr(t, "val")
					if l, err := strconv.Atoi(v); err == nil && l >= 0 && l < 9 {
						p.kind, p.level = Heading, l+1
					}
				}
			case "r":
				runOn.bold, runOn.hidden = false, false
			case "rPr":
				inRPr = true
			case "pPr":
				inPPr = true
			case "t":
				inT = true
			case "b":
				if inRPr {
					runOn.bold = on(t)
				}
			case "vanish":
				if inRPr {
					runOn.hidden = on(t)
				}
			case "tab", "ptab":
				if !inPPr { // in pPr, <w:tab> is a tab stop
					write("\t")
				}
			case "br", "cr":
				write("\n")
			case "noBreakHyphen":
				write("-")
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if !isW(t.Name) {
				continue
			}
			switch t.Name.Local {
			case "rPr":
				inRPr = false
			case "pPr":
				inPPr = false
			case "t":
				inT = false
			case "p":
				if len(stack) == 0 {
					continue
				}
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if joinUp && len(stack) == 0 {
					joinUp = false
					p.sb.WriteByte(' ')
					pending = p
					continue
				}
				joinUp = false
				blocks = append(blocks, p.block())
			case "r":
				runOn.bold, runOn.hidden = false, false
			}
		case xml.CharData:
			if skip == 0 && inT {
				// Text is only in <w:t>; other character data is
				// indentation between elements.
				write(string(t))
			}
		}
	}
	if pending != nil {
		blocks = append(blocks, pending.block())
	}
	return blocks, nil
}
