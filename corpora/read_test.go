package corpora

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"
)

const ruSample = "Добрый день, уважаемые коллеги! Мы собрались здесь в непростое время.\nСнега в горах вдвое больше, чем в прошлом году, и река поднимется рано.\n"

// TestBadInput feeds the reader what users feed align and checks that
// each gets an error naming the file, saying what is wrong and what to
// do, and wrapping the right sentinel.
func TestBadInput(t *testing.T) {
	cp1251, _ := charmap.Windows1251.NewEncoder().Bytes([]byte(ruSample))
	cases := []struct {
		name   string
		file   string
		data   []byte
		r      Reader
		is     error    // errors.Is target, nil for any
		line   int      // the FileError's line
		substr []string // in the message
	}{
		{name: "empty", file: "ru/a.txt", data: nil, is: ErrEmpty, substr: []string{"ru/a.txt", "empty"}},
		{name: "whitespace", file: "ru/a.txt", data: []byte(" \n\t\r\n  \u00a0\n"), is: ErrEmpty, substr: []string{"only white space"}},
		{name: "binary", file: "ru/a.txt", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), is: ErrNotText, substr: []string{"binary", "NUL"}},
		{name: "controls", file: "ru/a.txt", data: bytes.Repeat([]byte("\x01\x02ab\x03"), 100), is: ErrNotText, substr: []string{"control characters"}},
		{name: "pdf", file: "ru/a.txt", data: []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), is: ErrUnsupported, substr: []string{"PDF", "pdftotext"}},
		{name: "doc", file: "ru/a.doc", data: []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"), is: ErrUnsupported, substr: []string{".docx"}},
		{name: "rtf", file: "ru/a.txt", data: []byte(`{\rtf1\ansi hello}`), is: ErrUnsupported, substr: []string{"RTF"}},
		{name: "other zip", file: "ru/a.docx", data: zipParts(t, "readme.txt", "hello"), is: ErrUnsupported, substr: []string{"neither a Word"}},
		{name: "docx not zip", file: "ru/a.docx", data: []byte("just text"), is: ErrUnsupported, substr: []string{"not a zip archive", "--input-format"}},
		{name: "utf-8 forced on cp1251", file: "ru/a.txt", data: append([]byte("First line\n"), cp1251...), r: Reader{Encoding: UTF8}, line: 2, substr: []string{"ru/a.txt:2:", "invalid UTF-8", "--encoding"}},
		{name: "stray byte in utf-8", file: "ru/a.txt", data: []byte(ruSample + "Третья строка с ошибкой \xff здесь.\n"), line: 3, substr: []string{"ru/a.txt:3:", "otherwise in UTF-8"}},
		{name: "html without text", file: "en/a.html", data: []byte("<html><body><nav>Home | News</nav><script>x()</script></body></html>"), is: ErrEmpty, substr: []string{"no text found", "--input-format"}},
		{name: "docx damaged xml", file: "en/a.docx", data: zipParts(t, "word/document.xml", "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body><w:p>"), substr: []string{"word/document.xml", "damaged"}},
		{name: "docx without body", file: "en/a.docx", data: zipParts(t, "word/styles.xml", "<x/>", "word/document.xml", ""), is: ErrEmpty, substr: []string{"no text found"}},
		{name: "zip bomb", file: "en/a.docx", data: zipParts(t, "word/document.xml", "<w:document>"+strings.Repeat(" ", 4<<20)+"</w:document>"), r: Reader{MaxSize: 1 << 20}, substr: []string{"expands to more than 1 MB"}},
		{name: "page too big", file: "en/a.html", data: []byte("<p>" + strings.Repeat("x", 2<<20)), r: Reader{MaxSize: 1 << 20}, substr: []string{"more than the 1 MB align parses as HTML", "--input-format text"}},
		{name: "unknown forced format", file: "en/a.txt", data: []byte("x"), r: Reader{Format: Format(99)}, substr: []string{"unknown input format"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := tc.r.Read(tc.file, language.Russian, tc.data)
			if err == nil {
				t.Fatalf("no error; read %q", d.Text)
			}
			var fe *FileError
			if !errors.As(err, &fe) || fe.Path != tc.file {
				t.Errorf("error %v is not a FileError naming %s", err, tc.file)
			} else if fe.Line != tc.line {
				t.Errorf("line %d, want %d", fe.Line, tc.line)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v does not wrap %v", err, tc.is)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "corpora: "+tc.file) {
				t.Errorf("message %q does not start with the package and file", msg)
			}
			for _, s := range tc.substr {
				if !strings.Contains(msg, s) {
					t.Errorf("message %q lacks %q", msg, s)
				}
			}
		})
	}
}

// TestEncodings checks that the encoding is recognised and the text
// decoded right, with a warning only where the reader guessed.
func TestEncodings(t *testing.T) {
	must := func(b []byte, err error) []byte {
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	en := "The café in Montréal served crème brûlée.\nIt was “good”.\n"
	enRu := "The President (in Russian, Президент) spoke for an hour about the floods of the spring.\n"
	cases := []struct {
		name string
		data []byte
		want Encoding
		text string
		warn bool
	}{
		{"utf-8", []byte(ruSample), UTF8, ruSample, false},
		{"utf-8 bom", append([]byte("\xEF\xBB\xBF"), ruSample...), UTF8, ruSample, false},
		{"windows-1251", must(charmap.Windows1251.NewEncoder().Bytes([]byte(ruSample))), Windows1251, ruSample, false},
		{"koi8-r", must(charmap.KOI8R.NewEncoder().Bytes([]byte(ruSample))), KOI8R, ruSample, false},
		{"cp866", must(charmap.CodePage866.NewEncoder().Bytes([]byte(ruSample))), CP866, ruSample, false},
		{"windows-1252", must(charmap.Windows1252.NewEncoder().Bytes([]byte(en))), Windows1252, en, false},
		{"english in windows-1251 with a russian name", must(charmap.Windows1251.NewEncoder().Bytes([]byte(enRu))), Windows1251, enRu, false},
		{"utf-16le bom", must(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(ruSample))), UTF16LE, ruSample, false},
		{"utf-16be bom", must(unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(ruSample))), UTF16BE, ruSample, false},
		{"utf-16le no bom", must(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(ruSample))), UTF16LE, ruSample, true},
		{"utf-16be no bom", must(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(ruSample))), UTF16BE, ruSample, true},
		{"utf-8 bom against the flag", append([]byte("\xEF\xBB\xBF"), ruSample...), UTF8, ruSample, true},
		{"utf-16le no bom english", must(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte("Good afternoon, colleagues!\n"))), UTF16LE, "Good afternoon, colleagues!\n", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Reader{}
			if strings.Contains(tc.name, "against the flag") {
				r.Encoding = Windows1251
			}
			d, err := r.Read("a.txt", language.Russian, tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if d.Encoding != tc.want {
				t.Errorf("encoding %s, want %s", d.Encoding, tc.want)
			}
			if d.Text != tc.text {
				t.Errorf("text %q, want %q", d.Text, tc.text)
			}
			if got := len(d.Warnings) > 0; got != tc.warn {
				t.Errorf("warnings %q; want some: %v", d.Warnings, tc.warn)
			}
			for _, w := range d.Warnings {
				if !strings.HasPrefix(w, "a.txt: ") || !strings.Contains(w, "--encoding") {
					t.Errorf("warning %q does not name the file or say what to do", w)
				}
			}
		})
	}
}

// TestHTMLCharset checks the charset rules of web pages: the meta tag
// decides, except when the page contradicts it.
func TestHTMLCharset(t *testing.T) {
	body := "<p>" + strings.TrimSpace(ruSample) + "</p>"
	cp1251, _ := charmap.Windows1251.NewEncoder().Bytes([]byte(body))
	koi, _ := charmap.KOI8R.NewEncoder().Bytes([]byte(body))
	cases := []struct {
		name string
		data []byte
		want Encoding
		warn bool
	}{
		{"meta charset", append([]byte(`<html><head><meta charset="windows-1251"></head><body>`), cp1251...), Windows1251, false},
		{"http-equiv koi8-r", append([]byte(`<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=koi8-r"></head><body>`), koi...), KOI8R, false},
		{"no meta", append([]byte(`<html><body>`), cp1251...), Windows1251, false},
		{"declared utf-8, is cp1251", append([]byte(`<html><head><meta charset="utf-8"></head><body>`), cp1251...), Windows1251, true},
		{"declared cp1251, is utf-8", []byte(`<html><head><meta charset="windows-1251"></head><body>` + body), UTF8, true},
		{"unknown charset", []byte(`<html><head><meta charset="x-martian"></head><body>` + body), UTF8, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Reader{}.Read("a.html", language.Russian, tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if d.Encoding != tc.want {
				t.Errorf("encoding %s, want %s", d.Encoding, tc.want)
			}
			if !strings.Contains(d.Text, "уважаемые коллеги") {
				t.Errorf("text %q garbled", d.Text)
			}
			if got := len(d.Warnings) > 0; got != tc.warn {
				t.Errorf("warnings %q; want some: %v", d.Warnings, tc.warn)
			}
		})
	}
}

// TestSniff checks that content decides over the extension for archives
// and web pages, and the extension otherwise.
func TestSniff(t *testing.T) {
	docx := zipParts(t, "word/document.xml", "<x/>")
	cases := []struct {
		name string
		data string
		want Format
	}{
		{"a.txt", "plain words", Text},
		{"a", "plain words", Text},
		{"a.txt", "\uFEFF  <!-- saved --> <!DOCTYPE html><html><body>x", HTML},
		{"a", "<html><body>x", HTML},
		{"a.htm", "no tags at all", HTML},
		{"a.md", "# Title", Markdown},
		{"a.txt", "# Title", Text},
		{"a.txt", string(docx), DOCX},
		{"a.html", string(docx), DOCX},
		{"a.zip", string(zipParts(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>")), ODT},
		{"a.txt", "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body>x", HTML},
		{"a.txt", "<?xml version='1.0'?><tmx/>", Text},
	}
	for _, tc := range cases {
		got, err := Sniff(tc.name, []byte(tc.data))
		if err != nil || got != tc.want {
			t.Errorf("Sniff(%s, %.30q) = %v, %v; want %v", tc.name, tc.data, got, err, tc.want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range []Format{AutoFormat, Text, HTML, DOCX, ODT, Markdown} {
		got, err := ParseFormat(f.String())
		if err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %v, %v", f.String(), got, err)
		}
		if !strings.Contains(FormatList, f.String()) {
			t.Errorf("FormatList lacks %s", f)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil || !strings.Contains(err.Error(), FormatList) {
		t.Errorf("ParseFormat(pdf) = %v; want an error listing the formats", err)
	}
	for _, ext := range Extensions {
		if FormatOf("a"+ext) == AutoFormat {
			t.Errorf("extension %s has no format", ext)
		}
	}
}

// TestMixedLineEndings checks that CRLF, LF and lone CR each end a line,
// so that the lines Position gives are those an editor shows.
func TestMixedLineEndings(t *testing.T) {
	d, err := Reader{}.Read("a.txt", language.English, []byte("one\r\ntwo\nthree\rfour"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "one\ntwo\nthree\nfour" {
		t.Fatalf("text %q", d.Text)
	}
	if line, col := d.Position(strings.Index(d.Text, "our")); line != 4 || col != 2 {
		t.Errorf("Position = %d:%d, want 4:2", line, col)
	}
}

// TestLocate checks that locations point at what the user sees.
func TestLocate(t *testing.T) {
	text := NewDocument("a.txt", language.English, "First paragraph.\n\nSecond one,\nwith two lines.\n")
	if got := text.Locate(strings.Index(text.Text, "two")).String(); got != "4:6" {
		t.Errorf("plain text location %q, want 4:6", got)
	}
	if loc := text.Locate(strings.Index(text.Text, "two")); loc.Para != 2 {
		t.Errorf("plain text paragraph %d, want 2", loc.Para)
	}
	d, err := Reader{}.Read("a.html", language.English, []byte(readTestdata(t, "council-en.html")))
	if err != nil {
		t.Fatal(err)
	}
	off := strings.Index(d.Text, "You have the floor")
	if off < 0 {
		off = strings.Index(d.Text, "you have the floor")
	}
	got := d.Locate(off).String()
	want := "paragraph 6 (line 24) “I propose that we start with the reports of the regions.…”"
	if got != want {
		t.Errorf("HTML location %q, want %q", got, want)
	}
	if got := d.Locate(0).String(); !strings.HasPrefix(got, "heading 1 (line 18) “Meeting") {
		t.Errorf("location of the title %q", got)
	}
	md, err := Reader{}.Read("a.md", language.English, []byte(readTestdata(t, "council-en.md")))
	if err != nil {
		t.Fatal(err)
	}
	if got := md.Locate(strings.Index(md.Text, "deep as")).String(); got != "paragraph 5 (line 10) “We have gathered here at a difficult time. The snow in the…”" {
		t.Errorf("Markdown location %q", got)
	}
}

// TestHugeLine reads a 50 MB file on one line.
func TestHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB input; skipped under -short")
	}
	data := bytes.Repeat([]byte("Снега в горах вдвое больше "), 50<<20/len("Снега в горах вдвое больше "))
	path := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := Reader{}.ReadFile(path, language.Russian)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Paras) != 1 || d.Encoding != UTF8 {
		t.Errorf("%d paragraphs in %s; want 1 in utf-8", len(d.Paras), d.Encoding)
	}
	if line, _ := d.Position(len(d.Text)); line != 1 {
		t.Errorf("last line %d, want 1", line)
	}
	if _, err := (Reader{MaxSize: 10 << 20}).ReadFile(path, language.Russian); err == nil || !strings.Contains(err.Error(), "split it") {
		t.Errorf("a file above MaxSize: %v", err)
	}
}

// TestReadFileErrors checks the errors of files that cannot be opened.
func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadFile(filepath.Join(dir, "missing.txt"), language.Russian, Auto); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadFile(dir, language.Russian, Auto); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: %v", err)
	}
	path := filepath.Join(dir, "locked.txt")
	if err := os.WriteFile(path, []byte("text"), 0o000); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		t.Skip("running as root, which reads files whatever their permissions; the unreadable-file case is not tested")
	}
	_, err := ReadFile(path, language.Russian, Auto)
	if err == nil || !strings.Contains(err.Error(), "permission denied") || !strings.Contains(err.Error(), path) {
		t.Errorf("unreadable file: %v", err)
	}
}

// TestReadFileUnreadable reads a file whose read fails even for root (on
// Linux, /proc/self/mem reads at offset 0 fail with an I/O error): the
// error names the file.
func TestReadFileUnreadable(t *testing.T) {
	if _, err := os.Stat("/proc/self/mem"); err != nil {
		t.Skip("no /proc/self/mem to stand for an unreadable file on this system")
	}
	path := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.Symlink("/proc/self/mem", path); err != nil {
		t.Fatal(err)
	}
	_, err := ReadFile(path, language.Russian, Auto)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "cannot read") {
		t.Errorf("unreadable file: %v", err)
	}
}

// TestReadAllSizes reads data whose size was announced right, too small
// or too large, and data beyond the limit.
func TestReadAllSizes(t *testing.T) {
	data := strings.Repeat("абв", 700) // 4200 bytes
	for _, c := range []struct {
		size, limit int64
		want        int
	}{
		{4200, 1 << 20, 4200},
		{0, 1 << 20, 4200},
		{100, 1 << 20, 4200},
		{1 << 16, 1 << 20, 4200},
		{4200, 1000, 1001},
		{0, 4199, 4200},
		{0, 4200, 4200},
	} {
		got, err := readAll(iotest.OneByteReader(strings.NewReader(data)), c.size, c.limit)
		if err != nil || len(got) != c.want || string(got) != data[:c.want] {
			t.Errorf("readAll(size %d, limit %d) = %d bytes, %v; want %d bytes", c.size, c.limit, len(got), err, c.want)
		}
	}
}
