package qa

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRun: no check panics on valid UTF-8 (what every reader gives), and every finding's span is inside its
// segment, on rune boundaries, and holds exactly its Text.
func FuzzRun(f *testing.F) {
	f.Add("В прошлом году 15 тысяч военных.", "Last year 15,000 troops. Fr om the  north..")
	f.Add("«Кто не с нами", "\"who is not with us”  * * &nbsp; <b>x</b>")
	f.Add("", "wh ere 16.05.2022, 1,5 and 15 000; the the. lower.Upper")
	f.Add("ХVII век", "Pаshinyan in the 17th century!..")
	f.Fuzz(func(t *testing.T, src, tgt string) {
		if !utf8.ValidString(src) || !utf8.ValidString(tgt) {
			t.Skip("the readers hand the checks valid UTF-8 only")
		}
		in := &Input{Bilingual: true, Beads: []Bead{
			{Doc: "d", N: 1, Src: Segment{Text: src}, Tgt: Segment{Text: tgt}},
			{Doc: "d", N: 2, Src: Segment{Text: tgt}, Tgt: Segment{Text: src}},
		}}
		fs, err := Run(in, Config{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			seg := in.Beads[f.Bead-1].seg(f.Side).Text
			if f.Start < 0 || f.End > len(seg) || f.Start > f.End || seg[f.Start:f.End] != f.Text {
				t.Fatalf("%s: bad span [%d,%d) of %q", f.Code, f.Start, f.End, seg)
			}
			if !strings.HasPrefix(seg[f.Start:], f.Text) || !validBoundary(seg, f.Start) || !validBoundary(seg, f.End) {
				t.Fatalf("%s: span [%d,%d) splits a character of %q", f.Code, f.Start, f.End, seg)
			}
		}
	})
}

func validBoundary(s string, i int) bool {
	return i == len(s) || i == 0 || s[i]&0xC0 != 0x80
}

// BenchmarkRun sweeps corpus sizes; the checks across the corpus must
// stay near linear.
func BenchmarkRun(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		in := &Input{Bilingual: true}
		for i := range n {
			in.Beads = append(in.Beads, Bead{
				Doc: fmt.Sprintf("doc%d", i/500), N: i%500 + 1,
				Src:  Segment{Text: fmt.Sprintf("Президент Лукашенко сказал, что %d тысяч военных стоят у границы.", i)},
				Tgt:  Segment{Text: fmt.Sprintf("President Lukashenko said that %d thousand troops stand at the border.", i)},
				SrcN: 1, TgtN: 1,
			})
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Run(in, Config{})
			}
		})
	}
}
