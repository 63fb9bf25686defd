package corpora

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

const (
	odtTextNS   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	odtOfficeNS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	odtSVGNS    = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
)

// odtBlocks returns the paragraphs of an OpenDocument text: headings
// (text:h, with their outline level) and paragraphs in order, then the
// footnotes and endnotes. Tracked changes are taken as accepted: the
// deleted text, which ODF keeps aside in text:tracked-changes, is left
// out; annotations, tables of contents and note citations are left out.
func odtBlocks(a *archive) ([]block, error) {
	const part = "content.xml"
	b, err := a.read(part)
	if errors.Is(err, errNoPart) {
		return nil, fmt.Errorf("not an OpenDocument text: it has no %s; open it and save it as .odt or .docx", part)
	}
	if err != nil {
		return nil, err
	}
	d := xmlDecoder(b)
	var (
		blocks, notes []block
		stack         []*paraBuilder
		inNote        int // depth of text:note elements
		skip          int
	)
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
			switch t.Name.Space {
			case odtOfficeNS:
				if t.Name.Local == "annotation" {
					skip = 1
				}
			case odtSVGNS:
				if t.Name.Local == "title" || t.Name.Local == "desc" {
					skip = 1
				}
			case odtTextNS:
				switch t.Name.Local {
				case "tracked-changes", "note-citation", "table-of-content", "alphabetical-index", "illustration-index":
					skip = 1
				case "note":
					inNote++
				case "p", "h":
					p := &paraBuilder{}
					if inNote > 0 {
						p.kind = Footnote
					} else if t.Name.Local == "h" {
						p.kind, p.level = Heading, 1
						for _, at := range t.Attr {
							if at.Name.Local == "outline-level" {
								if l, err := strconv.Atoi(at.Value); err == nil && l > 0 && l < 11 {
									p.level = l
								}
							}
						}
					}
					stack = append(stack, p)
				case "s":
					n := 1
					for _, at := range t.Attr {
						if at.Name.Local == "c" {
							if c, err := strconv.Atoi(at.Value); err == nil && c > 0 {
								n = min(c, 64)
							}
						}
					}
					if len(stack) > 0 {
						stack[len(stack)-1].sb.WriteString(strings.Repeat(" ", n))
					}
				case "tab":
					if len(stack) > 0 {
						stack[len(stack)-1].sb.WriteByte('\t')
					}
				case "line-break":
					if len(stack) > 0 {
						stack[len(stack)-1].sb.WriteByte('\n')
					}
				}
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if t.Name.Space != odtTextNS {
				continue
			}
			switch t.Name.Local {
			case "note":
				inNote--
			case "p", "h":
				if len(stack) == 0 {
					continue
				}
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if p.kind == Footnote {
					notes = append(notes, p.block())
				} else {
					blocks = append(blocks, p.block())
				}
			}
		case xml.CharData:
			if skip == 0 && len(stack) > 0 {
				// Inside text:p, character data is text; ODF keeps
				// runs of spaces as text:s, so white space in it is
				// collapsed as the format says.
				stack[len(stack)-1].sb.WriteString(collapseSpace(string(t)))
			}
		}
	}
	return append(blocks, notes...), nil
}

// collapseSpace replaces every run of white space in s by one space.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, " \t\n\r") {
		return s
	}
	var sb strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			if !space {
				sb.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		sb.WriteRune(r)
	}
	return sb.String()
}
