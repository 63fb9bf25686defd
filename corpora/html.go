package corpora

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/language"
)

// readHTML reads a web page: the main text, with headings and paragraphs
// as Paras, and navigation, menus, scripts, styles, forms and footers left
// out. The charset comes from a byte-order mark, then enc when it is not
// Auto, then the page's meta tag, then the bytes themselves.
func readHTML(path string, tag language.Tag, data []byte, enc Encoding) (*Document, error) {
	text, used, warn, err := decodeHTML(data, enc)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("cannot parse the page: %v; give --input-format text to read it as plain text", err)
	}
	blocks := htmlBlocks(root, textLines(text))
	d := newStructured(path, tag, HTML, blocks)
	d.Encoding = used
	if warn != "" {
		d.Warnings = append(d.Warnings, path+": "+warn)
	}
	return d, nil
}

// decodeHTML decodes a page. The result is valid UTF-8.
func decodeHTML(data []byte, enc Encoding) (string, Encoding, string, error) {
	if bomEncoding(data) != Auto || enc != Auto {
		return decode(data, enc)
	}
	label := metaCharset(data)
	if label == "" {
		return decode(data, Auto)
	}
	e, name := charset.Lookup(label)
	if e == nil {
		text, used, _, err := decode(data, Auto)
		return text, used, fmt.Sprintf("the page declares the unknown charset %q; read as %s", label, used), err
	}
	if name == "utf-8" || name == "utf-16le" || name == "utf-16be" {
		if utf8.Valid(data) {
			return string(data), UTF8, "", nil
		}
		text, used, _, err := decode(data, Auto)
		if err != nil {
			return "", used, "", err
		}
		return text, used, fmt.Sprintf("the page declares charset %s but is not in it; read as %s: give --encoding if the text is garbled", label, used), nil
	}
	if utf8.Valid(data) && !isASCII(data) {
		// A page saved again in UTF-8 that kept its old meta tag.
		return string(data), UTF8, fmt.Sprintf("the page declares charset %s but its bytes are valid UTF-8; read as UTF-8: give --encoding %s if the text is garbled", label, label), nil
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", Auto, "", fmt.Errorf("cannot decode the page as %s, the charset it declares: %v; give the right one with --encoding (%s)", name, err, encodingList)
	}
	return string(bytes.ToValidUTF8(out, []byte("\uFFFD"))), Encoding(name), "", nil
}

func isASCII(data []byte) bool {
	for _, b := range data {
		if b >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// metaCharset returns the charset a page declares in its first 16 KB,
// with <meta charset> or <meta http-equiv="Content-Type" content="...;
// charset=...">, or "".
func metaCharset(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data[:min(len(data), 16<<10)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return ""
			case atom.Meta:
			default:
				continue
			}
			var httpEquiv bool
			var content string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					return strings.TrimSpace(string(v))
				case "http-equiv":
					httpEquiv = strings.EqualFold(string(v), "content-type")
				case "content":
					content = string(v)
				}
			}
			if httpEquiv {
				if i := strings.Index(asciiLower(content), "charset="); i >= 0 {
					return strings.Trim(strings.TrimSpace(content[i+len("charset="):]), `"';`)
				}
			}
		}
	}
}

// asciiLower lower-cases the ASCII letters of s, and only them, so that
// byte offsets in the result are those of s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Elements whose content is never the text of the page.
var skipElements = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Form: true, atom.Button: true,
	atom.Select: true, atom.Textarea: true, atom.Iframe: true, atom.Svg: true, atom.Math: true,
	atom.Canvas: true, atom.Menu: true, atom.Object: true, atom.Embed: true, atom.Audio: true,
	atom.Video: true, atom.Map: true, atom.Dialog: true, atom.Label: true, atom.Input: true,
}

// Elements that end a paragraph where they start and end.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Dd: true, atom.Dt: true, atom.Blockquote: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Caption: true, atom.Figcaption: true, atom.Figure: true,
	atom.Address: true, atom.Pre: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Hr: true, atom.Center: true, atom.Details: true, atom.Summary: true, atom.Body: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Hgroup: true,
}

// Roles and class or id words that mark site furniture.
var (
	skipRoles = map[string]bool{"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
		"search": true, "menu": true, "menubar": true, "toolbar": true, "dialog": true, "alert": true}
	skipWords = map[string]bool{"nav": true, "navbar": true, "navigation": true, "menu": true, "breadcrumb": true,
		"breadcrumbs": true, "footer": true, "sidebar": true, "cookie": true, "cookies": true, "share": true,
		"social": true, "advert": true, "ads": true, "skip": true, "pager": true, "pagination": true}
)

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// furniture reports whether n is site furniture: navigation, menus,
// footers, banners, hidden content.
func furniture(n *html.Node, inMain bool) bool {
	if skipElements[n.DataAtom] {
		return true
	}
	if n.DataAtom == atom.Header && !inMain {
		return true
	}
	if _, hidden := attrOK(n, "hidden"); hidden || attr(n, "aria-hidden") == "true" {
		return true
	}
	if skipRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	if style := strings.ReplaceAll(asciiLower(attr(n, "style")), " ", ""); strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	for _, key := range []string{"class", "id"} {
		words := strings.FieldsFunc(strings.ToLower(attr(n, key)), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
		for _, w := range words {
			if skipWords[w] {
				return true
			}
		}
	}
	return false
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// htmlBlocks returns the paragraphs of the page's main text. The main
// text is the page's <main> element (or role="main"), else its
// outermost <article> elements, else the body; when the chosen elements
// hold less than a fifth of the body's text, the body is taken.
func htmlBlocks(root *html.Node, lines []textLine) []block {
	body := findFirst(root, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		body = root
	}
	all := collect([]*html.Node{body}, false, lines)
	mains := findAll(body, func(n *html.Node) bool {
		return n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main")
	})
	if len(mains) == 0 {
		mains = findAll(body, func(n *html.Node) bool { return n.DataAtom == atom.Article })
	}
	if len(mains) == 0 {
		return all
	}
	main := collect(mains, true, lines)
	if 5*textLen(main) < textLen(all) {
		return all
	}
	return main
}

func textLen(bs []block) int {
	n := 0
	for _, b := range bs {
		n += len(strings.TrimSpace(b.text))
	}
	return n
}

func findFirst(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && ok(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, ok); f != nil {
			return f
		}
	}
	return nil
}

// findAll returns the outermost nodes under n that satisfy ok, in
// document order, leaving out those inside furniture.
func findAll(n *html.Node, ok func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if ok(c) {
				out = append(out, c)
				continue
			}
			if !furniture(c, false) {
				walk(c)
			}
		}
	}
	walk(n)
	return out
}

// htmlWalker gathers the text of a tree into blocks.
type htmlWalker struct {
	blocks []block
	cur    strings.Builder
	kind   ParaKind
	level  int
	pre    int  // depth of <pre> elements
	bold   int  // depth of <b> and <strong> elements
	plain  bool // the current block has text outside bold
	link   int  // depth of <a href> elements
	free   bool // the current block has text outside links
	linked bool // the current block has text inside links
	space  bool // white space came after the last text written
	nl     bool // the last thing written is a line break
	inMain bool
	depth  int
	first  string     // the first text node of the current block with a word
	lines  []textLine // the text tokens of the page, with their lines
	next   int        // where in lines to look for the next block's line
}

// textLine is a text token of the page and the line where it starts.
type textLine struct {
	text string
	line int
}

// textLines returns the text tokens of a page that hold more than white
// space, in order, with their 1-based lines. The parser makes its text
// nodes of the same tokens, so a block's first text node can be looked
// up here: html.Parse keeps no positions.
func textLines(page string) []textLine {
	var out []textLine
	z := html.NewTokenizer(strings.NewReader(page))
	line := 1
	skip := false // in the title, a script or a style, never read
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Title, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Textarea:
				skip = tt == html.StartTagToken
			}
		}
		if tt == html.TextToken && !skip {
			t := string(z.Text())
			if strings.TrimSpace(t) != "" {
				// The text starts after the white space it begins with.
				lead := len(raw) - len(strings.TrimLeft(string(raw), " \t\r\n\f"))
				out = append(out, textLine{t, line + bytes.Count(raw[:lead], []byte("\n"))})
			}
		}
		line += bytes.Count(raw, []byte("\n"))
	}
}

// lookAhead bounds how many text tokens lineOf passes over looking for a
// block's text, so that text the parser moved costs little.
const lookAhead = 64

// lineOf returns the line of the page where the text node t starts, or 0
// when it cannot be told. Blocks come in page order, so the search goes
// on from the last one found.
func (w *htmlWalker) lineOf(t string) int {
	if t == "" {
		return 0
	}
	for i := w.next; i < len(w.lines) && i < w.next+lookAhead; i++ {
		if w.lines[i].text == t {
			w.next = i + 1
			return w.lines[i].line
		}
	}
	return 0
}

// maxDepth bounds the nesting the walker follows, so that a hostile page
// cannot exhaust the stack; the parser itself already limits depth, this
// is a second guard.
const maxDepth = 2048

func collect(roots []*html.Node, inMain bool, lines []textLine) []block {
	w := &htmlWalker{inMain: inMain, lines: lines}
	for _, r := range roots {
		w.node(r)
		w.flush()
	}
	return w.blocks
}

func (w *htmlWalker) flush() {
	t := w.cur.String()
	w.cur.Reset()
	w.space, w.nl = false, false
	// A paragraph made only of links ("Go back", a menu without a
	// class that says so) is navigation; headings are kept, since
	// pages link them.
	if strings.TrimSpace(t) != "" && (w.free || !w.linked || w.kind == Heading) {
		kind, level := w.kind, w.level
		if kind == Body && !w.plain && looksLikeHeading(t) {
			kind = Heading
		}
		w.blocks = append(w.blocks, block{kind: kind, level: level, text: t, line: w.lineOf(w.first)})
	}
	w.kind, w.level, w.plain, w.free, w.linked = Body, 0, false, false, false
	w.first = ""
}

// looksLikeHeading reports whether a paragraph set wholly in bold is a
// heading: short, and not ending as a sentence or a speaker label does.
func looksLikeHeading(t string) bool {
	t = strings.TrimSpace(t)
	if utf8.RuneCountInString(t) > 200 || strings.Contains(t, "\n") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".:;,…", r)
}

func (w *htmlWalker) text(s string) {
	if w.first == "" && strings.TrimSpace(s) != "" {
		w.first = s
	}
	if w.pre > 0 {
		w.cur.WriteString(s)
		if strings.TrimSpace(s) != "" {
			w.mark()
		}
		return
	}
	start := -1
	for i, r := range s {
		if isHTMLSpace(r) {
			if start >= 0 {
				w.word(s[start:i])
				start = -1
			}
			w.space = true
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		w.word(s[start:])
	}
}

// word writes a run of text without white space, after a space when
// white space came before it in the paragraph.
func (w *htmlWalker) word(f string) {
	if w.space && w.cur.Len() > 0 && !w.nl {
		w.cur.WriteByte(' ')
	}
	w.cur.WriteString(f)
	w.space, w.nl = false, false
	w.mark()
}

// mark records what the text just written is set in.
func (w *htmlWalker) mark() {
	if w.bold == 0 {
		w.plain = true
	}
	if w.link == 0 {
		w.free = true
	} else {
		w.linked = true
	}
}

func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

func (w *htmlWalker) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.DocumentNode:
	case html.ElementNode:
		if furniture(n, w.inMain) {
			return
		}
	default:
		return
	}
	if w.depth >= maxDepth {
		return
	}
	w.depth++
	defer func() { w.depth-- }()
	a := n.DataAtom
	switch {
	case a == atom.Br:
		if w.nl {
			// Two line breaks in a row end a paragraph, as pages
			// without <p> elements mark them.
			w.flush()
			return
		}
		w.cur.WriteByte('\n')
		w.space, w.nl = false, true
		return
	case a == atom.Img:
		return
	case headingLevel(a) > 0:
		w.flush()
		w.kind, w.level = Heading, headingLevel(a)
		w.children(n)
		w.flush()
		return
	case a == atom.Pre:
		w.flush()
		w.pre++
		w.children(n)
		w.pre--
		w.flush()
		return
	case blockElements[a]:
		w.flush()
		w.children(n)
		w.flush()
		return
	case a == atom.B || a == atom.Strong:
		w.bold++
		w.children(n)
		w.bold--
		return
	case a == atom.A && attr(n, "href") != "":
		w.link++
		w.children(n)
		w.link--
		return
	}
	w.children(n)
}

func (w *htmlWalker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}
