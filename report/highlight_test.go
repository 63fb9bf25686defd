package report

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/align-tools/align/corpora"
)

func show(ps []piece) string {
	var sb strings.Builder
	for _, p := range ps {
		if p.Marked {
			sb.WriteString("[" + p.Text + "|" + p.Codes + "]")
		} else {
			sb.WriteString(p.Text)
		}
	}
	return sb.String()
}

func TestHighlight(t *testing.T) {
	n := func(code string, s, e int) corpora.Note {
		return corpora.Note{Code: code, Severity: "warning", Side: "tgt", Start: s, End: e}
	}
	text := "one two three"
	cases := []struct {
		notes []corpora.Note
		want  string
	}{
		{nil, "one two three"},
		{[]corpora.Note{n("a", 4, 7)}, "one [two|a] three"},
		{[]corpora.Note{n("a", 0, 13)}, "[one two three|a]"},
		{[]corpora.Note{n("a", 0, 7), n("b", 4, 13)}, "[one |a][two|a b][ three|b]"},
		{[]corpora.Note{n("a", 4, 7), n("b", 4, 7)}, "one [two|a b] three"},
		{[]corpora.Note{n("a", 5, 99), n("b", 7, 4), n("c", -1, 2)}, "one two three"},
		{[]corpora.Note{{Code: "s", Side: "src", Start: 0, End: 3}}, "one two three"},
	}
	for _, c := range cases {
		if got := show(highlight(text, c.notes, "tgt")); got != c.want {
			t.Errorf("highlight(%v) = %s, want %s", c.notes, got, c.want)
		}
	}
	// A span that cuts a character in two is not drawn.
	if got := show(highlight("Ёж", []corpora.Note{n("a", 1, 2)}, "tgt")); got != "Ёж" {
		t.Errorf("a span inside a character gave %s", got)
	}
}

// TestHighlightInvariant checks over random spans that the pieces
// concatenate to the text and that a piece is marked exactly when some
// valid span covers it.
func TestHighlightInvariant(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	text := "Мы встретились в Ереване, 12 мая."
	for iter := 0; iter < 2000; iter++ {
		var notes []corpora.Note
		for k := rng.Intn(4); k > 0; k-- {
			s, e := rng.Intn(len(text)+4)-2, rng.Intn(len(text)+4)-2
			notes = append(notes, corpora.Note{Code: "c", Side: "src", Start: s, End: e})
		}
		ps := highlight(text, notes, "src")
		var sb strings.Builder
		off := 0
		for _, p := range ps {
			covered := false
			for _, n := range notes {
				if validSpan(text, n) && n.Start <= off && off+len(p.Text) <= n.End {
					covered = true
				}
			}
			if covered != p.Marked {
				t.Fatalf("notes %v: piece %q at %d marked %v, covered %v", notes, p.Text, off, p.Marked, covered)
			}
			sb.WriteString(p.Text)
			off += len(p.Text)
		}
		if sb.String() != text {
			t.Fatalf("notes %v: pieces give %q", notes, sb.String())
		}
	}
}

func TestCharDiff(t *testing.T) {
	show := func(ps []diffPiece) string {
		var sb strings.Builder
		for _, p := range ps {
			switch {
			case p.Added:
				sb.WriteString("{+" + p.Text + "+}")
			case p.Deleted:
				sb.WriteString("[-" + p.Text + "-]")
			default:
				sb.WriteString(p.Text)
			}
		}
		return sb.String()
	}
	cases := []struct{ a, b, want string }{
		{"Yerevan", "Erevan", "[-Ye-]{+E+}revan"},
		{"Tokayev", "Tokaev", "Toka[-y-]ev"},
		{"Yerevan", "Jerewan", "[-Y-]{+J+}ere[-v-]{+w+}an"},
		{"Yerevan", "Yerevan", "Yerevan"},
		{"Yerevan", "", "[-Yerevan-]"},
		{"", "Ереван", "{+Ереван+}"},
		{"Lavrov", "Lavroff", "Lavro[-v-]{+ff+}"},
	}
	for _, c := range cases {
		if got := show(charDiff(c.a, c.b)); got != c.want {
			t.Errorf("charDiff(%q, %q) = %s, want %s", c.a, c.b, got, c.want)
		}
	}
	long := strings.Repeat("a", 400)
	if got := show(charDiff(long, long+"b")); got != long+"{+b+}" {
		t.Errorf("long strings: %s", got[len(got)-10:])
	}
	if got := show(charDiff(long+"xy"+long, long+"z"+long)); got != long+"[-xy-]{+z+}"+long {
		t.Errorf("long strings: %s", got[390:420])
	}
}
