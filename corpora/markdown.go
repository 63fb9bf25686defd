package corpora

import (
	"bytes"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/language"
)

// readMarkdown reads Markdown (CommonMark) as plain text with headings:
// every heading, paragraph, list item and code block is a paragraph; a
// paragraph wrapped over several lines becomes one line, and a hard line
// break stays one;
// emphasis, link and code markers are left out and the text they mark
// kept; images, raw HTML and thematic breaks are left out. Paragraphs
// know the line of the file where they start.
func readMarkdown(path string, tag language.Tag, src string) *Document {
	source := []byte(src)
	root := goldmark.New().Parser().Parse(text.NewReader(source))
	var lineStarts []int
	lineStarts = append(lineStarts, 0)
	for i, c := range source {
		if c == '\n' {
			lineStarts = append(lineStarts, i+1)
		}
	}
	lineOf := func(n ast.Node) int {
		lines := n.Lines()
		if lines == nil || lines.Len() == 0 {
			return 0
		}
		off := lines.At(0).Start
		return sort.Search(len(lineStarts), func(i int) bool { return lineStarts[i] > off })
	}
	var blocks []block
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Heading:
				blocks = append(blocks, block{kind: Heading, level: c.Level, text: mdInline(c, source), line: lineOf(c)})
			case *ast.Paragraph, *ast.TextBlock:
				blocks = append(blocks, block{text: mdInline(c, source), line: lineOf(c)})
			case *ast.CodeBlock, *ast.FencedCodeBlock:
				var sb strings.Builder
				lines := c.Lines()
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					sb.Write(seg.Value(source))
				}
				blocks = append(blocks, block{text: sb.String(), line: lineOf(c)})
			case *ast.HTMLBlock, *ast.ThematicBreak:
			default:
				walk(c)
			}
		}
	}
	walk(root)
	return newStructured(path, tag, Markdown, blocks)
}

// mdInline returns the text of the inline content of n.
func mdInline(n ast.Node, source []byte) string {
	var sb strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(source)
				if !c.IsRaw() {
					v = util.UnescapePunctuations(v)
					v = util.ResolveNumericReferences(v)
					v = util.ResolveEntityNames(v)
				}
				sb.Write(v)
				switch {
				case c.HardLineBreak():
					sb.WriteByte('\n')
				case c.SoftLineBreak():
					sb.WriteByte(' ') // as CommonMark renders it
				}
			case *ast.String:
				sb.Write(c.Value)
			case *ast.AutoLink:
				sb.Write(c.Label(source))
			case *ast.Image, *ast.RawHTML:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return string(bytes.TrimSpace([]byte(sb.String())))
}
