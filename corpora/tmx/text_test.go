package tmx

import (
	"bufio"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/align-tools/align/corpora"
)

// checkWriteText compares WriteText with its definition: XMLSafe, then
// encoding/xml.EscapeText.
func checkWriteText(t *testing.T, s string) {
	t.Helper()
	safe, n := XMLSafe(s)
	var want strings.Builder
	xml.EscapeText(&want, []byte(safe))
	var got strings.Builder
	w := bufio.NewWriter(&got)
	m := WriteText(w, s)
	w.Flush()
	if got.String() != want.String() || m != n {
		t.Errorf("WriteText(%q) = %q, %d replaced; want %q, %d", s, got.String(), m, want.String(), n)
	}
}

func TestWriteText(t *testing.T) {
	for _, s := range []string{"", "plain", `<a href="x">'&'</a>`, "tab\there\nline\r\n", "\x00\x01\x1f\x7f",
		"bad \xff\xfe utf-8 \xe2\x80", "\uFFFD\uFFFE\uFFFF\U0010FFFF", "\xed\xa0\x80 surrogate", "ёлка — «ёж» 🙂", "\xc1\x80 \xc2", "\xdf\xbf\xdf", "\u0080\xc2\xc2\x80"} {
		checkWriteText(t, s)
	}
}

// FuzzWriteText checks WriteText against XMLSafe and xml.EscapeText.
func FuzzWriteText(f *testing.F) {
	f.Add("a<b>&\"c'\t\n\r\x00\xff")
	f.Add("\uFFFE\xed\xa0\x80ж")
	f.Fuzz(checkWriteText)
}

// FuzzWriteNoteText checks that writing the parts of a note one by one
// writes what WriteText writes for the joined text, replacements counted
// the same.
func FuzzWriteNoteText(f *testing.F) {
	f.Add("warning", "split-word", "\"Mos cow\" <b>")
	f.Add("\xe2\x80", "\xa8x", "\xff")
	f.Fuzz(func(t *testing.T, sev, code, msg string) {
		var want, got strings.Builder
		ww, gw := bufio.NewWriter(&want), bufio.NewWriter(&got)
		n := WriteText(ww, sev+" "+code+": "+msg)
		m := WriteNoteText(gw, &corpora.Note{Severity: sev, Code: code, Message: msg})
		ww.Flush()
		gw.Flush()
		if got.String() != want.String() || m != n {
			t.Errorf("WriteNoteText(%q, %q, %q) = %q, %d; want %q, %d", sev, code, msg, got.String(), m, want.String(), n)
		}
	})
}
