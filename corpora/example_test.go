package corpora_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
)

// A saved web page read as paragraphs: the menu and the script are left
// out, the heading is marked as one, and an offset is located by
// paragraph.
func ExampleReader_Read() {
	page := `<html><head><meta charset="utf-8"><script>track()</script></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<h2>Speech by the Chair</h2>
<p><b>A. Whitfield:</b> Good afternoon, colleagues!</p>
<p>We have gathered here at a difficult time.</p>
</body></html>`
	d, err := corpora.Reader{}.Read("en/council.html", language.English, []byte(page))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range d.Paras {
		fmt.Printf("%s %d: %s\n", p.Kind, p.Level, d.Text[p.Start:p.End])
	}
	fmt.Println(d.Locate(len(d.Text) - 5))
	// Output:
	// heading 2: Speech by the Chair
	// body 0: A. Whitfield: Good afternoon, colleagues!
	// body 0: We have gathered here at a difficult time.
	// paragraph 3 (line 5) “We have gathered here at a difficult time.”
}

// Files align cannot read get an error naming them and saying what to
// do.
func ExampleReader_Read_errors() {
	_, err := corpora.Reader{}.Read("ru/speech.doc", language.Russian, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
	fmt.Println(err)
	// Output:
	// corpora: ru/speech.doc: unsupported format: a Word 97-2003 (.doc) or other old Office file; open it in Word or LibreOffice and save it as .docx
}
