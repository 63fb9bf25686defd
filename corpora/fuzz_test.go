package corpora

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// The fuzz targets check that no input makes a reader panic, that
// decoded text is always valid UTF-8, and that every document read keeps
// the invariants of Document (checkInvariants). Their seed corpora are in
// testdata/fuzz/<target>, written from the samples by go test -update.

// fuzzSeeds returns the seeds of each target: the samples of testdata
// and a few hostile inputs.
func fuzzSeeds(t testing.TB) map[string][][]byte {
	html := []byte(readTestdata(t, "council-en.html"))
	html1251 := []byte(readTestdata(t, "council-ru.html"))
	md := []byte(readTestdata(t, "council-en.md"))
	docXML := []byte(readTestdata(t, "docx/document.xml"))
	odtXML := []byte(readTestdata(t, "odt/content.xml"))
	return map[string][][]byte{
		"FuzzDecode": {[]byte(ruSample), html1251, []byte("\xFF\xFEa\x00"), []byte("a\x00b\x00c\x00"), []byte("\xEF\xBB\xBFok\xff")},
		"FuzzReadHTML": {html, html1251, []byte("<p>a<b>b<p>c</b>d<br><br>e<h2>f</h2>"),
			[]byte("<meta charset=utf-16><table><td>x<td><pre>  y\n z</pre>")},
		"FuzzReadMarkdown": {md, []byte("# a\n\n* b\n  * c\n\n```\nd\n```\n[e](f) ![g](h) <i>j</i>")},
		"FuzzReadDOCX":     {docXML, []byte(`<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>a</w:t></w:r></w:p></w:p>`)},
		"FuzzReadODT":      {odtXML, []byte(`<text:p xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">a<text:s text:c="999999"/>b</text:p>`)},
		"FuzzRead":         {sampleDOCX(t), sampleODT(t), html, md, []byte("PK\x03\x04junk")},
	}
}

// TestFuzzSeeds writes the seed corpora with -update, and checks that
// each target has its seeds committed.
func TestFuzzSeeds(t *testing.T) {
	for name, seeds := range fuzzSeeds(t) {
		dir := filepath.Join("testdata", "fuzz", name)
		if *update {
			os.MkdirAll(dir, 0o755)
			for i, s := range seeds {
				content := "go test fuzz v1\n[]byte(" + strconv.Quote(string(s)) + ")\n"
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed%d", i)), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		entries, err := os.ReadDir(dir)
		if err != nil || len(entries) < len(seeds) {
			t.Errorf("%s holds %d seeds, want %d (%v); run go test -update", dir, len(entries), len(seeds), err)
		}
	}
}

func checkDoc(t *testing.T, d *Document, err error) {
	if err != nil {
		return
	}
	checkInvariants(t, d)
	for _, off := range []int{-1, 0, len(d.Text) / 2, len(d.Text), len(d.Text) + 1} {
		l := d.Locate(off)
		if !utf8.ValidString(l.String()) {
			t.Fatalf("Locate(%d) = %q, not valid UTF-8", off, l.String())
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds(f)["FuzzDecode"] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, enc := range []Encoding{Auto, UTF8, UTF16LE, UTF16BE, Windows1251, KOI8R, CP866, Windows1252} {
			s, _, err := Decode(data, enc)
			if err == nil && !utf8.ValidString(s) {
				t.Fatalf("Decode(%s) gave invalid UTF-8", enc)
			}
		}
	})
}

func FuzzReadHTML(f *testing.F) {
	for _, s := range fuzzSeeds(f)["FuzzReadHTML"] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Reader{Format: HTML}.Read("f.html", language.English, data)
		checkDoc(t, d, err)
	})
}

func FuzzReadMarkdown(f *testing.F) {
	for _, s := range fuzzSeeds(f)["FuzzReadMarkdown"] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Reader{Format: Markdown}.Read("f.md", language.English, data)
		checkDoc(t, d, err)
	})
}

// FuzzReadDOCX fuzzes the body of a Word document, zipped with the
// styles and notes of the sample, since random bytes are seldom a zip
// archive.
func FuzzReadDOCX(f *testing.F) {
	for _, s := range fuzzSeeds(f)["FuzzReadDOCX"] {
		f.Add(s)
	}
	styles, notes := readTestdata(f, "docx/styles.xml"), readTestdata(f, "docx/footnotes.xml")
	f.Fuzz(func(t *testing.T, body []byte) {
		data := zipParts(t, "word/document.xml", string(body), "word/styles.xml", styles, "word/footnotes.xml", notes)
		d, err := Reader{Format: DOCX}.Read("f.docx", language.English, data)
		checkDoc(t, d, err)
	})
}

// FuzzReadODT fuzzes the content of an OpenDocument text.
func FuzzReadODT(f *testing.F) {
	for _, s := range fuzzSeeds(f)["FuzzReadODT"] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		data := zipParts(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", string(content))
		d, err := Reader{Format: ODT}.Read("f.odt", language.Russian, data)
		checkDoc(t, d, err)
	})
}

// FuzzRead fuzzes whole files, the format recognised from the content.
func FuzzRead(f *testing.F) {
	for _, s := range fuzzSeeds(f)["FuzzRead"] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Reader{MaxSize: 1 << 20}.Read("f", language.Russian, data)
		checkDoc(t, d, err)
	})
}
