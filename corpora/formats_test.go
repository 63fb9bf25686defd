package corpora

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/align-tools/align/lang"
)

var update = flag.Bool("update", false, "rewrite the golden files and the generated documents under testdata")

// zipParts makes a zip archive of parts given as name, content pairs, in
// that order, with a fixed time, as Word and LibreOffice write them.
func zipParts(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		method := zip.Deflate
		if parts[i] == "mimetype" {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: parts[i], Method: method, Modified: time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sampleDOCX builds the Word document of testdata/docx: headings by
// style, a footnote and an endnote, tracked changes, a table, a text box,
// fields and hidden text.
func sampleDOCX(t testing.TB) []byte {
	return zipParts(t,
		"[Content_Types].xml", readTestdata(t, "docx/content_types.xml"),
		"word/document.xml", readTestdata(t, "docx/document.xml"),
		"word/styles.xml", readTestdata(t, "docx/styles.xml"),
		"word/footnotes.xml", readTestdata(t, "docx/footnotes.xml"),
		"word/endnotes.xml", readTestdata(t, "docx/endnotes.xml"))
}

// sampleODT builds the OpenDocument text of testdata/odt.
func sampleODT(t testing.TB) []byte {
	return zipParts(t,
		"mimetype", "application/vnd.oasis.opendocument.text",
		"content.xml", readTestdata(t, "odt/content.xml"))
}

// TestGeneratedDocuments keeps testdata/council-en.docx and
// council-ru.odt, which the command's tests and the fuzz seeds use, in
// step with their sources: -update writes them, and the test checks that
// they read as what the sources build.
func TestGeneratedDocuments(t *testing.T) {
	for name, build := range map[string]func(testing.TB) []byte{"council-en.docx": sampleDOCX, "council-ru.odt": sampleODT} {
		data := build(t)
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		committed, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v; run go test -update", err)
		}
		want, err := Reader{}.Read(name, language.English, data)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Reader{}.Read(name, language.English, committed)
		if err != nil {
			t.Fatal(err)
		}
		if dump(got) != dump(want) {
			t.Errorf("%s does not read as its sources in testdata; run go test -update", path)
		}
	}
}

// dump shows a document's paragraphs, one a line: kind and level, the
// source line, and the text with line breaks shown as ⏎.
func dump(d *Document) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "format %s, encoding %q\n", d.Format, d.Encoding)
	for _, w := range d.Warnings {
		fmt.Fprintf(&sb, "warning: %s\n", w)
	}
	for _, p := range d.Paras {
		kind := p.Kind.String()
		if p.Kind == Heading {
			kind += fmt.Sprint(p.Level)
		}
		fmt.Fprintf(&sb, "%-9s %3d  %s\n", kind, p.Line, strings.ReplaceAll(d.Text[p.Start:p.End], "\n", "⏎"))
	}
	return sb.String()
}

// checkInvariants checks what Document promises: valid UTF-8, Paras in
// order, trimmed, without blank lines, separated by blank lines, and
// covering every non-space byte of Text.
func checkInvariants(t testing.TB, d *Document) {
	t.Helper()
	if !utf8.ValidString(d.Text) {
		t.Fatalf("%s: text is not valid UTF-8", d.Path)
	}
	prev := 0
	for i, p := range d.Paras {
		if p.Start < prev || p.End < p.Start || p.End > len(d.Text) {
			t.Fatalf("%s: para %d [%d,%d) out of order or bounds (prev end %d, len %d)", d.Path, i, p.Start, p.End, prev, len(d.Text))
		}
		if strings.TrimSpace(d.Text[prev:p.Start]) != "" {
			t.Fatalf("%s: text %q before para %d belongs to no paragraph", d.Path, d.Text[prev:p.Start], i)
		}
		s := d.Text[p.Start:p.End]
		if s == "" || strings.TrimSpace(s) != s || strings.Contains(s, "\n\n") {
			t.Fatalf("%s: para %d %q is empty, untrimmed or holds a blank line", d.Path, i, s)
		}
		prev = p.End
	}
	if strings.TrimSpace(d.Text[prev:]) != "" {
		t.Fatalf("%s: text %q after the last para belongs to no paragraph", d.Path, d.Text[prev:])
	}
	for _, p := range lang.Paragraphs(d.Text) {
		i := d.ParaAt(p.Start)
		if i < 0 || p.End > d.Paras[i].End {
			t.Fatalf("%s: paragraph %q of lang.Paragraphs crosses the paragraphs of the document", d.Path, d.Text[p.Start:p.End])
		}
	}
}

// TestFormats reads each sample document of testdata and compares its
// paragraphs with the golden file testdata/golden/<name>.paras.
func TestFormats(t *testing.T) {
	docs := []struct {
		name string
		tag  language.Tag
		data func(testing.TB) []byte
		want []string // substrings the text must hold
		not  []string // substrings it must not hold
	}{
		{name: "council-en.html", tag: language.English,
			want: []string{"Good afternoon, colleagues!", "T. Barrow: Thank you, Anna.", "The new dam near Lakeford."},
			not:  []string{"tracking", "cookies", "Home", "Go back", "Related news", "press@example.org", "font-family", "Events"}},
		{name: "council-ru.html", tag: language.Russian,
			want: []string{"Добрый день, уважаемые коллеги!", "Т.Барроу: Спасибо, Анна.", "ещё 2,5 миллиона"},
			not:  []string{"Главная", "Счётчик", "Пресс-служба", "Назад", "Архив"}},
		{name: "council-en.md", tag: language.English,
			want: []string{"Good afternoon, colleagues!", "see the report for details", "request *today*"},
			not:  []string{"https://", "comment", "dam.jpg", "**"}},
		{name: "council-en.docx", tag: language.English, data: sampleDOCX,
			want: []string{"Good afternoon, colleagues!", "The river will rise early.", "repaired 14 kilometres of dams (see table 1).", "Lakeford is the seat of the Council."},
			not:  []string{"dear", "hidden remark", "SEQ", "DOCPROPERTY", "in the mountains"}},
		{name: "council-ru.odt", tag: language.Russian, data: sampleODT,
			want: []string{"Добрый день, коллеги!", "Снега в горах   вдвое больше,\nчем", "Лейкфорд — место заседаний Совета."},
			not:  []string{"уважаемые", "Проверить", "Оглавление", "Рисунок", "Совета речного бассейна 1"}},
	}
	for _, tc := range docs {
		t.Run(tc.name, func(t *testing.T) {
			var data []byte
			if tc.data != nil {
				data = tc.data(t)
			} else {
				data = []byte(readTestdata(t, tc.name))
			}
			d, err := Reader{}.Read(tc.name, tc.tag, data)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, d)
			for _, s := range tc.want {
				if !strings.Contains(d.Text, s) {
					t.Errorf("text lacks %q", s)
				}
			}
			for _, s := range tc.not {
				if strings.Contains(d.Text, s) {
					t.Errorf("text holds %q, which should have been left out", s)
				}
			}
			golden := filepath.Join("testdata", "golden", tc.name+".paras")
			got := dump(d)
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v; run go test -update", err)
			}
			if got != string(want) {
				t.Errorf("paragraphs differ from %s (run go test -update and review the diff):\n%s", golden, got)
			}
		})
	}
}

// TestHeadings checks that each sample gives its speech headings as
// Heading paragraphs, so that the transcript logic can find the speeches.
func TestHeadings(t *testing.T) {
	cases := []struct {
		name     string
		tag      language.Tag
		data     func(testing.TB) []byte
		headings []string // "level text"
	}{
		{"council-en.html", language.English, nil, []string{
			"1 Meeting of the River Basin Council",
			"2 Opening remarks by the Chair of the Council Anna Whitfield",
			"2 Speech by the Governor of the Northern Region Thomas Barrow",
			"0 Speech by the Governor of the Southern Region Maria Ostrova"}},
		{"council-ru.html", language.Russian, nil, []string{
			"1 Заседание Совета речного бассейна",
			"2 Вступительное слово Председателя Совета А.Уитфилд",
			"2 Выступление губернатора Северного региона Т.Барроу",
			"0 Выступление губернатора Южного региона М.Островой"}},
		{"council-en.md", language.English, nil, []string{
			"1 Meeting of the River Basin Council",
			"2 Opening remarks by the Chair of the Council Anna Whitfield",
			"2 Speech by the Governor of the Northern Region Thomas Barrow"}},
		{"council-en.docx", language.English, sampleDOCX, []string{
			"1 Meeting of the River Basin Council",
			"1 Opening remarks by the Chair of the Council Anna Whitfield",
			"0 Speech by the Governor of the Northern Region Thomas Barrow",
			"2 Closing\tremarks"}},
		{"council-ru.odt", language.Russian, sampleODT, []string{
			"1 Заседание Совета речного бассейна",
			"2 Вступительное слово Председателя Совета А.Уитфилд"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var data []byte
			if tc.data != nil {
				data = tc.data(t)
			} else {
				data = []byte(readTestdata(t, tc.name))
			}
			d, err := Reader{}.Read(tc.name, tc.tag, data)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range d.Paras {
				if p.Kind == Heading {
					got = append(got, fmt.Sprint(p.Level, " ", d.Text[p.Start:p.End]))
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.headings, "\n") {
				t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.headings, "\n"))
			}
		})
	}
}

// TestHTMLStructure checks how markup becomes paragraphs.
func TestHTMLStructure(t *testing.T) {
	cases := []struct{ name, html, want string }{
		{"br br ends a paragraph", "<div>One<br>two<br><br>Three<br> <br>Four</div>", "body One⏎two|body Three|body Four"},
		{"link-only paragraphs are navigation", `<p><a href="/">Go back</a></p><p>See <a href="/r">the report</a>.</p><h2><a href="/s">Speech</a></h2>`, "body See the report.|heading2 Speech"},
		{"anchors without href are text", `<p><a name="x">Anchor text</a></p>`, "body Anchor text"},
		{"hidden", `<p style="display: none">Popup</p><p hidden>Hidden</p><p aria-hidden="true">Icon</p><p>Shown</p>`, "body Shown"},
		{"pre keeps spaces", "<pre>a   b\n  c</pre>", "body a   b⏎c"},
		{"inline spacing", "<p>Good<b>bye</b>, <i>dear</i>\n\tfriends &amp; foes&nbsp;!</p>", "body Goodbye, dear friends & foes !"},
		{"bold paragraph is a heading, bold label is not", "<p><b>Speech by the Chair</b></p><p><b>A. Whitfield:</b></p><p><b>Thank you.</b></p>", "heading0 Speech by the Chair|body A. Whitfield:|body Thank you."},
		{"main wins over body", "<body><div>Menu text that is long enough to matter here</div><main><p>" + strings.Repeat("Main text. ", 10) + "</p></main></body>", "body " + strings.TrimSpace(strings.Repeat("Main text. ", 10))},
		{"a small main loses", "<body><main><p>Short.</p></main><div>" + strings.Repeat("Body text. ", 10) + "</div></body>", "body Short.|body " + strings.TrimSpace(strings.Repeat("Body text. ", 10))},
		{"header in article kept, site header not", "<header>Site</header><article><header><h1>Title</h1></header><p>Text.</p></article>", "heading1 Title|body Text."},
		{"class words", `<div class="top-nav">Nav</div><div id="sidebar-left">Side</div><div class="navigate">Kept</div>`, "body Kept"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Reader{Format: HTML}.Read("a.html", language.English, []byte(tc.html))
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, d)
			var got []string
			for _, p := range d.Paras {
				k := p.Kind.String()
				if p.Kind == Heading {
					k += fmt.Sprint(p.Level)
				}
				got = append(got, k+" "+strings.ReplaceAll(d.Text[p.Start:p.End], "\n", "⏎"))
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("got  %s\nwant %s", g, tc.want)
			}
		})
	}
}

// TestSentencesKnowHeadings checks the way the transcript logic finds
// headings: every sentence lang.Split finds in a document lies inside
// the paragraph ParaAt gives.
func TestSentencesKnowHeadings(t *testing.T) {
	d, err := Reader{}.Read("council-en.html", language.English, []byte(readTestdata(t, "council-en.html")))
	if err != nil {
		t.Fatal(err)
	}
	headings := 0
	for _, s := range lang.Split(language.English, d.Text) {
		i := d.ParaAt(s.Start)
		if i < 0 || s.End > d.Paras[i].End {
			t.Errorf("sentence %q is not inside one paragraph (ParaAt %d)", d.Text[s.Start:s.End], i)
			continue
		}
		if d.Paras[i].Kind == Heading {
			headings++
		}
	}
	if headings != 4 {
		t.Errorf("%d sentences in headings, want 4", headings)
	}
}

// TestDOCXWithoutStyles checks that headings are found by style id in a
// document that has no styles part, as some generators write them.
func TestDOCXWithoutStyles(t *testing.T) {
	body := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Speech</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr><w:r><w:t>Text.</w:t></w:r></w:p></w:body></w:document>`
	d, err := Reader{}.Read("a.docx", language.English, zipParts(t, "word/document.xml", body))
	if err != nil {
		t.Fatal(err)
	}
	if got := dump(d); !strings.Contains(got, "heading2    0  Speech\nbody        0  Text.") {
		t.Errorf("got\n%s", got)
	}
}
