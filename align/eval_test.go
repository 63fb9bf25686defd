package align

import (
	"fmt"
	"strings"
	"testing"
)

// beads parses space-separated beads: "[0]:[0] [1,2]:[1] [3]:[]".
func beads(s string) Beads {
	var out Beads
	for _, f := range strings.Fields(s) {
		b, err := ParseBead(f)
		if err != nil {
			panic(err)
		}
		out = append(out, b)
	}
	return out
}

func TestParseBeadErrors(t *testing.T) {
	for _, s := range []string{"", "[0][0]", "[0:[1]", "[a]:[0]", "[0,2]:[1]", "[-1]:[0]", "[0]:[0]\tx", "[0]:[0]\t2", "[9223372036854775807]:[0]"} {
		if _, err := ParseBead(s); err == nil {
			t.Errorf("ParseBead(%q): no error", s)
		}
	}
	b, err := ParseBead(" [4, 5]:[]\t0.93")
	if err != nil || b.String() != "[4,5]:[]" || b.Score != 0.93 {
		t.Errorf("ParseBead with spaces and a score = %v, %v", b, err)
	}
}

func TestReadBeadsError(t *testing.T) {
	_, err := ReadBeads(strings.NewReader("[0]:[0]\n\n[1]-[1]\n"), "doc.align")
	if err == nil || !strings.Contains(err.Error(), "doc.align:3:") {
		t.Errorf("error %v does not name line 3", err)
	}
}

// TestScore checks the counts (pred, strict, lax / gold, strict, lax).
func TestScore(t *testing.T) {
	for _, tc := range []struct{ gold, pred, want string }{
		{"[0]:[0] [1]:[1]", "[0]:[0] [1]:[1]", "2 2 2 / 2 2 2"},
		{"[0]:[0] [1]:[1]", "[0,1]:[0,1]", "1 0 1 / 2 0 2"},
		{"[0,1]:[0]", "[0]:[0] [1]:[]", "2 0 1 / 1 0 1"},
		{"[0]:[0] [1]:[]", "[0,1]:[0]", "1 0 1 / 1 0 1"},                    // gold 1-0 is not in recall
		{"[0]:[0] [1]:[]", "[0]:[0] [1]:[]", "2 2 2 / 1 1 1"},               // a right 1-0 counts in precision
		{"[0]:[] []:[0]", "[0]:[0]", "1 0 0 / 0 0 0"},                       // no gold bead to recall
		{"[0,1,2]:[0,1]", "[0]:[0] [1,2]:[1]", "2 2 2 / 1 1 1"},             // coarse: beads inside are right
		{"[0,1,2]:[0,1] [3]:[2]", "[0,1]:[0] [2,3]:[1,2]", "2 1 2 / 2 0 1"}, // a bead leaving the coarse bead breaks it
		{"[0,1]:[0,1] [2]:[2]", "[0,1]:[0] [2]:[1,2]", "2 1 2 / 2 0 1"},
		{"[0]:[0] [1]:[1] [2]:[2]", "[0]:[1] [1]:[0] [2]:[2]", "3 1 1 / 3 1 1"},
	} {
		c := Score(beads(tc.gold), beads(tc.pred))
		got := fmt.Sprintf("%d %d %d / %d %d %d", c.Pred, c.PredStrict, c.PredLax, c.Gold, c.GoldStrict, c.GoldLax)
		if got != tc.want {
			t.Errorf("Score(gold %s, pred %s) = %s, want %s", tc.gold, tc.pred, got, tc.want)
		}
	}
}

func TestPRF(t *testing.T) {
	c := Counts{Pred: 4, PredStrict: 3, PredLax: 4, Gold: 5, GoldStrict: 3, GoldLax: 5}
	s := c.Strict()
	if fmt.Sprintf("%.3f %.3f %.3f", s.P, s.R, s.F1) != "0.750 0.600 0.667" {
		t.Errorf("Strict() = %+v", s)
	}
	if l := c.Lax(); l.F1 != 1 {
		t.Errorf("Lax() = %+v", l)
	}
	if z := (Counts{}).Strict(); z.F1 != 0 {
		t.Errorf("empty counts: %+v", z)
	}
}

func TestTopPrecision(t *testing.T) {
	scores := []float64{0.9, 0.1, 0.8, 0.7, 0.95, 0.2, 0.6, 0.85, 0.75, 0.65}
	right := []bool{true, false, true, true, true, true, true, true, true, true}
	if got := TopPrecision(scores, right, 0.9); got != 1 {
		t.Errorf("TopPrecision(0.9) = %v, want 1 (the one error has the lowest score)", got)
	}
	if got := TopPrecision(scores, right, 1); got != 0.9 {
		t.Errorf("TopPrecision(1) = %v, want 0.9", got)
	}
}

func ExampleScore() {
	gold := Beads{{Src: Range{0, 1}, Tgt: Range{0, 1}}, {Src: Range{1, 3}, Tgt: Range{1, 2}}}
	pred := Beads{{Src: Range{0, 1}, Tgt: Range{0, 1}}, {Src: Range{1, 2}, Tgt: Range{1, 2}}, {Src: Range{2, 3}, Tgt: Range{2, 2}}}
	c := Score(gold, pred)
	s := c.Strict()
	fmt.Printf("P %.2f R %.2f F1 %.2f\n", s.P, s.R, s.F1)
	// Output:
	// P 0.33 R 0.50 F1 0.40
}

func FuzzParseBead(f *testing.F) {
	for _, s := range []string{"[0]:[0]", "[1,2]:[3]", "[]:[4]", "[5]:[]\t0.5", "[1,,2]:[3]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseBead(s)
		if err != nil {
			return
		}
		back, err := ParseBead(b.String())
		if err != nil || back.Src.Len() != b.Src.Len() || back.Tgt.Len() != b.Tgt.Len() ||
			(b.Src.Len() > 0 && back.Src != b.Src) || (b.Tgt.Len() > 0 && back.Tgt != b.Tgt) {
			t.Fatalf("%q parsed as %v, which reads back as %v, %v", s, b, back, err)
		}
	})
}
