package report

import (
	"bufio"
	"html/template"
	"strings"
	"testing"
)

var escapeProbe = template.Must(template.New("probe").Parse(`<p title="{{.}}" data-x="{{.}}">{{.}}</p>`))

// checkEscaped compares writeEscaped with what html/template writes for s
// in a quoted attribute value and in text.
func checkEscaped(t *testing.T, s string) {
	t.Helper()
	var want strings.Builder
	if err := escapeProbe.Execute(&want, s); err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	w := bufio.NewWriter(&got)
	e := func() { writeEscaped(w, s) }
	w.WriteString(`<p title="`)
	e()
	w.WriteString(`" data-x="`)
	e()
	w.WriteString(`">`)
	e()
	w.WriteString(`</p>`)
	w.Flush()
	if got.String() != want.String() {
		t.Errorf("writeEscaped(%q):\n got %q\nwant %q", s, got.String(), want.String())
	}
}

func TestWriteEscaped(t *testing.T) {
	for _, s := range []string{"", "plain", `<script>alert("x")</script>`, "a&b'c+d", "\x00nul", "bad \xff\xfe utf-8",
		"ёлка — «ёж»", "\uFFFD\uFDD0\uFFFF", "\t\n\r", "&amp;", "+++", "\x00\x80"} {
		checkEscaped(t, s)
	}
}

// FuzzWriteEscaped checks writeEscaped against html/template on any
// string.
func FuzzWriteEscaped(f *testing.F) {
	f.Add("<a href='x'>&\"+\x00</a>")
	f.Add("\xff\xfe\xfd")
	f.Fuzz(checkEscaped)
}
