package tmx

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
)

// TestReadRoundTrip writes units and reads them back: the texts, props
// and notes survive, and every position points at the text's characters
// in the file.
func TestReadRoundTrip(t *testing.T) {
	units := []corpora.Unit{
		{Doc: "putin", Bead: 1, Src: []int{1}, Tgt: []int{1}, SrcText: "Коллеги, добрый день!", TgtText: "Colleagues, good afternoon!", Score: 0.9},
		{Doc: "putin", Bead: 2, Src: []int{2, 3}, Tgt: []int{2}, SrcText: "Цены & тарифы <выросли>.", TgtText: "Prices & tariffs \"rose\" by 5 < 6.",
			Notes: []corpora.Note{{Code: "number-mismatch", Severity: "warning", Message: "number 5 is not in the Russian"}}},
		{Doc: "putin", Bead: 3, Src: []int{4}, SrcText: "Без перевода."},
	}
	var buf bytes.Buffer
	w := NewWriter(&buf, Header{Src: language.Russian, Tgt: language.English})
	for i := range units {
		w.Write(&units[i])
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	file := buf.String()
	m, err := Read(strings.NewReader(file), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if m.SrcLang != "ru" || len(m.TUs) != len(units) {
		t.Fatalf("srclang %q, %d units; want ru, %d", m.SrcLang, len(m.TUs), len(units))
	}
	lines := strings.Split(file, "\n")
	for i, tu := range m.TUs {
		u := units[i]
		if tu.Prop("x-document") != u.Doc || tu.Prop("x-bead") != u.Type() {
			t.Errorf("unit %d: props %v", i, tu.Props)
		}
		if len(tu.Notes) != len(u.Notes) {
			t.Errorf("unit %d: notes %q", i, tu.Notes)
		}
		for _, side := range []struct {
			tag  language.Tag
			want string
		}{{language.Russian, u.SrcText}, {language.English, u.TgtText}} {
			v := tu.Variant(side.tag)
			if side.want == "" {
				if v != nil {
					t.Errorf("unit %d: unexpected %v variant", i, side.tag)
				}
				continue
			}
			if v == nil || v.Text != side.want {
				t.Fatalf("unit %d %v: got %+v; want %q", i, side.tag, v, side.want)
			}
			// Every character of the text is found at its position, as
			// written (escaped when XML escapes it).
			for off, r := range v.Text {
				line, col := v.Position(off)
				rest := string([]rune(lines[line-1])[col-1:])
				esc := map[rune]string{'&': "&amp;", '<': "&lt;", '>': "&gt;", '"': "&#34;"}[r]
				if !strings.HasPrefix(rest, string(r)) && (esc == "" || !strings.HasPrefix(rest, esc)) {
					t.Errorf("unit %d: %q at %d:%d, file has %q", i, r, line, col, rest[:min(len(rest), 10)])
				}
			}
		}
	}
}

func TestReadEntitiesAndCodes(t *testing.T) {
	const file = `<?xml version="1.0"?>
<tmx version="1.4"><header srclang="ru"/><body>
<tu><tuv xml:lang="en"><seg>A&#160;b <![CDATA[<c>]]> d<bpt i="1">&lt;b&gt;</bpt>e<ept i="1">&lt;/b&gt;</ept> <hi>f</hi></seg></tuv></tu>
</body></tmx>`
	m, err := Read(strings.NewReader(file), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	v := m.TUs[0].Variant(language.English)
	if want := "A\u00a0b <c> de f"; v.Text != want {
		t.Fatalf("text %q; want %q", v.Text, want)
	}
	for _, c := range []struct {
		sub  string
		line int
		col  int
	}{{"A", 3, 29}, {"b", 3, 36}, {"<c>", 3, 47}, {"d", 3, 54}, {"e", 3, 81}, {"f", 3, 114}} {
		off := strings.Index(v.Text, c.sub)
		if l, col := v.Position(off); l != c.line || col != c.col {
			t.Errorf("%q at %d:%d; want %d:%d", c.sub, l, col, c.line, c.col)
		}
	}
	if m.TUs[0].Line != 3 {
		t.Errorf("tu line %d; want 3", m.TUs[0].Line)
	}
}

// TestReadHostile: external entities are not fetched, declared entities
// are not expanded, and sizes are bounded.
func TestReadHostile(t *testing.T) {
	tests := []struct {
		name, file string
		lim        Limits
		want       string
	}{
		{"external entity", `<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tmx><header/><body><tu><tuv xml:lang="en"><seg>&x;</seg></tuv></tu></body></tmx>`, Limits{}, "entity"},
		{"billion laughs", `<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><tmx><body><tu><tuv xml:lang="en"><seg>&b;</seg></tuv></tu></body></tmx>`, Limits{}, "entity"},
		{"too big", `<tmx>` + strings.Repeat(" ", 2000) + `</tmx>`, Limits{MaxBytes: 1000}, "larger than"},
		{"long segment", `<tmx><body><tu><tuv xml:lang="en"><seg>` + strings.Repeat("a", 2000) + `</seg></tuv></tu></body></tmx>`, Limits{MaxSegment: 1000}, "more than 1000 bytes"},
		{"deep", `<tmx><body><tu><tuv xml:lang="en"><seg>` + strings.Repeat("<hi>", 100) + `</seg></tuv></tu></body></tmx>`, Limits{}, "nested deeper"},
		{"not tmx", `<html><body>hello</body></html>`, Limits{}, "not a TMX"},
		{"cut short", `<tmx><body><tu><tuv xml:lang="en"><seg>abc`, Limits{}, "line 1"},
		{"binary", "\x00\x01\x02tmx", Limits{}, "binary"},
	}
	for _, tt := range tests {
		_, err := Read(strings.NewReader(tt.file), tt.lim)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "tmx: ") {
			t.Errorf("%s: error %v; want one that says %q", tt.name, err, tt.want)
		}
	}
}

// FuzzRead: Read never panics, and the positions of every variant's
// text are inside the file, in order.
func FuzzRead(f *testing.F) {
	f.Add(`<tmx version="1.4"><header srclang="ru"/><body><tu><prop type="x-bead">1-1</prop><tuv xml:lang="ru"><seg>Привет &amp; пока</seg></tuv><tuv xml:lang="en"><seg>Hi<ph>x</ph> &#38; <![CDATA[bye]]></seg></tuv></tu></body></tmx>`)
	f.Add("<tmx>\r\n<body><tu><tuv xml:lang=\"en\"><seg>a\r\nb</seg></tuv></tu></body></tmx>")
	f.Add(`<tmx><tu><tuv><seg><hi>x</hi><sub>y</sub>z</seg></tuv></tu></tmx>`)
	f.Fuzz(func(t *testing.T, file string) {
		m, err := Read(strings.NewReader(file), Limits{MaxBytes: 1 << 16})
		if err != nil {
			return
		}
		nlines := strings.Count(file, "\n") + 1
		for _, tu := range m.TUs {
			for _, v := range tu.TUVs {
				pl, pc := 0, 0
				for off := range v.Text {
					l, c := v.Position(off)
					if l < 1 || l > nlines || c < 1 || l < pl || l == pl && c < pc {
						t.Fatalf("position %d:%d of offset %d after %d:%d", l, c, off, pl, pc)
					}
					pl, pc = l, c
				}
				if !utf8.ValidString(v.Text) {
					t.Fatalf("invalid UTF-8 text %q", v.Text)
				}
			}
		}
	})
}
