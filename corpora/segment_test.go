package corpora

import (
	"strings"
	"testing"
	"unicode"
)

// segmentDef is what Segment is defined to return.
func segmentDef(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestSegment(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u0085b",
		"a\u2009b", "a\u3000b", "a\u1680b", "a\u2028b", "a\u205fb", "Как дела?", "a\xffb", "a\xe2b", "a\xe2\x80",
		"\xc2", "«Да» — нет.", "a\u200bb", "a \u00a0b", "\u00a0"} {
		got, want := Segment(s), segmentDef(s)
		if got != want {
			t.Errorf("Segment(%q) = %q, want %q", s, got, want)
		}
		if isSegment(s) != (s == want) {
			t.Errorf("isSegment(%q) = %v, want %v", s, isSegment(s), s == want)
		}
	}
}

// FuzzSegment checks Segment and isSegment against the definition.
func FuzzSegment(f *testing.F) {
	f.Add("Мы  приехали\tв Ереван.\u00a0")
	f.Add("a \xe3\x80\x80b")
	f.Fuzz(func(t *testing.T, s string) {
		want := segmentDef(s)
		if got := Segment(s); got != want {
			t.Errorf("Segment(%q) = %q, want %q", s, got, want)
		}
		if isSegment(s) != (s == want) {
			t.Errorf("isSegment(%q) = %v, want %v", s, isSegment(s), s == want)
		}
	})
}

// TestSegmentEverySpace checks isSegment on every white space character
// of Unicode, between letters: none is a segment.
func TestSegmentEverySpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) && r != ' ' && isSegment("a"+string(r)+"b") {
			t.Errorf("isSegment takes %U for a segment", r)
		}
	}
}

// BenchmarkSegment runs Segment over one-line sentences (returned as they
// are) and over text with line breaks (rebuilt), in MB/s.
func BenchmarkSegment(b *testing.B) {
	for _, c := range []struct{ name, text string }{
		{"ru", "Мы собрались здесь в непростое время, и снега в горах вдвое больше, чем в прошлом году."},
		{"en", "We have gathered here at a difficult time, and there is twice as much snow in the mountains."},
		{"lines", "We have gathered here\nat a difficult time,  and there is\ttwice as much snow."},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for b.Loop() {
				Segment(c.text)
			}
		})
	}
}
