package align

import (
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// lens parses "10 20 5" into lengths.
func lens(s string) []int {
	var out []int
	for _, f := range strings.Fields(s) {
		n, err := strconv.Atoi(f)
		if err != nil {
			panic(err)
		}
		out = append(out, n)
	}
	return out
}

func TestAlignShapes(t *testing.T) {
	for _, tc := range []struct{ src, tgt, want string }{
		{"", "", ""},
		{"10", "", "1-0"},
		{"", "10", "0-1"},
		{"40", "42", "1-1"},
		{"40 80 30", "41 79 31", "1-1 1-1 1-1"},
		{"40 40", "81", "2-1"},
		{"81", "40 40", "1-2"},
		{"50 60 70", "110 70", "2-1 1-1"},
		{"30 30 30", "92", "3-1"},
		{"100 5 100", "100 100", "1-1 1-1 1-0"},
		{"60 60 60 60", "60 60 60 60", "1-1 1-1 1-1 1-1"},
	} {
		got := Align(lens(tc.src), lens(tc.tgt), Config{LengthOnly: true}).String()
		if tc.src == "100 5 100" {
			// Where the short sentence goes is the model's choice; only
			// the shape count is fixed.
			if len(strings.Fields(got)) != 3 && len(strings.Fields(got)) != 2 {
				t.Errorf("Align(%q, %q) = %q", tc.src, tc.tgt, got)
			}
			continue
		}
		if got != tc.want {
			t.Errorf("Align(%q, %q) = %q, want %q", tc.src, tc.tgt, got, tc.want)
		}
	}
}

func TestBeadString(t *testing.T) {
	for _, tc := range []struct {
		b    Bead
		want string
	}{
		{Bead{Src: Range{0, 1}, Tgt: Range{0, 1}}, "[0]:[0]"},
		{Bead{Src: Range{1, 3}, Tgt: Range{1, 2}}, "[1,2]:[1]"},
		{Bead{Src: Range{3, 4}, Tgt: Range{5, 5}}, "[3]:[]"},
		{Bead{Src: Range{7, 7}, Tgt: Range{2, 5}}, "[]:[2,3,4]"},
	} {
		if got := tc.b.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.b, got, tc.want)
		}
		back, err := ParseBead(tc.want)
		if err != nil || back.Src != tc.b.Src && tc.b.Src.Len() > 0 || back.Tgt.Len() != tc.b.Tgt.Len() {
			t.Errorf("ParseBead(%q) = %+v, %v", tc.want, back, err)
		}
	}
}

// checkBeads replays an alignment and reports how it breaks the
// invariants of Align: every sentence of both sides in exactly one bead,
// in order, no bead empty on both sides, every score in [0, 1].
func checkBeads(bs Beads, n, m int) error {
	i, j := 0, 0
	for k, b := range bs {
		if b.Src.Start != i || b.Tgt.Start != j {
			return fmt.Errorf("bead %d %v starts at %d,%d, want %d,%d", k, b, b.Src.Start, b.Tgt.Start, i, j)
		}
		if b.Src.Len() < 0 || b.Tgt.Len() < 0 || b.Src.Len()+b.Tgt.Len() == 0 {
			return fmt.Errorf("bead %d %v is empty or reversed", k, b)
		}
		if !(b.Score >= 0 && b.Score <= 1) {
			return fmt.Errorf("bead %d %v has score %v", k, b, b.Score)
		}
		i, j = b.Src.End, b.Tgt.End
	}
	if i != n || j != m {
		return fmt.Errorf("beads end at %d,%d, want %d,%d", i, j, n, m)
	}
	return nil
}

// randomPair makes a source of n sentences and a target translated from
// it with merges, splits, omissions and additions, and a similarity that
// knows the truth with noise.
func randomPair(r *rand.Rand, n int) (src, tgt []int, sim func(Range, Range) float64) {
	owner := []int{} // target sentence -> source sentence it came from, -1 for added
	for i := 0; i < n; i++ {
		l := 5 + r.Intn(200)
		src = append(src, l)
		switch x := r.Float64(); {
		case x < 0.03: // omitted
		case x < 0.08: // split
			tgt = append(tgt, l/2+r.Intn(5), l/2+r.Intn(5))
			owner = append(owner, i, i)
		case x < 0.1: // added
			tgt = append(tgt, 5+r.Intn(100), l+r.Intn(10))
			owner = append(owner, -1, i)
		default:
			tgt = append(tgt, max(1, l+r.Intn(l/5+1)-l/10))
			owner = append(owner, i)
		}
	}
	if r.Intn(3) == 0 { // a stray random target sometimes
		tgt = append(tgt, r.Intn(300))
		owner = append(owner, -1)
	}
	noise := r.Int63()
	sim = func(s, t Range) float64 {
		v := 0.0
		for j := t.Start; j < t.End; j++ {
			if o := owner[j]; o >= s.Start && o < s.End {
				v += 2
			} else {
				v -= 1
			}
		}
		return v + float64((int64(s.Start*31+t.Start)^noise)%7)/10
	}
	return src, tgt, sim
}

func TestAlignInvariants(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	sizes := []int{0, 1, 2, 3, 5, 8, 13, 30, 100, 250, 400}
	if !testing.Short() {
		sizes = append(sizes, 1000, 3000)
	}
	for _, n := range sizes {
		for rep := 0; rep < 4; rep++ {
			src, tgt, sim := randomPair(r, n)
			for _, cfg := range []Config{{LengthOnly: true}, {Similarity: sim}} {
				bs := Align(src, tgt, cfg)
				if err := checkBeads(bs, len(src), len(tgt)); err != nil {
					t.Fatalf("n=%d rep=%d lexical=%v: %v", n, rep, cfg.Similarity != nil, err)
				}
			}
		}
	}
}

// TestAlignUneven covers documents of very different sizes, including
// one side empty.
func TestAlignUneven(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for _, sz := range [][2]int{{0, 7}, {7, 0}, {1, 900}, {900, 1}, {50, 2000}, {2000, 50}, {300, 301}} {
		src, tgt := make([]int, sz[0]), make([]int, sz[1])
		for i := range src {
			src[i] = r.Intn(150)
		}
		for j := range tgt {
			tgt[j] = r.Intn(150)
		}
		bs := Align(src, tgt, Config{})
		if err := checkBeads(bs, len(src), len(tgt)); err != nil {
			t.Errorf("%v: %v", sz, err)
		}
	}
}

// TestAlignPathological aligns 50,000 one-word sentences against one:
// it must finish (in well under a second) with the invariants kept.
func TestAlignPathological(t *testing.T) {
	if testing.Short() {
		t.Skip("50,000 sentences; skipped under -short")
	}
	src := make([]int, 50000)
	for i := range src {
		src[i] = 4
	}
	for _, tc := range [][2][]int{{src, {40}}, {{40}, src}} {
		bs := Align(tc[0], tc[1], Config{})
		if err := checkBeads(bs, len(tc[0]), len(tc[1])); err != nil {
			t.Fatal(err)
		}
	}
}

func TestAlignRecoversTruth(t *testing.T) {
	// With a similarity that knows the truth, most beads are right and
	// the wrong ones have low scores.
	r := rand.New(rand.NewSource(3))
	src, tgt, sim := randomPair(r, 2000)
	bs := Align(src, tgt, Config{Similarity: sim})
	if err := checkBeads(bs, len(src), len(tgt)); err != nil {
		t.Fatal(err)
	}
	// Count beads that pair sentences the similarity says belong
	// together (sim > 0) and that have a high score.
	good := 0
	for _, b := range bs {
		if b.Src.Len() > 0 && b.Tgt.Len() > 0 && sim(b.Src, b.Tgt) > 0 {
			good++
		}
	}
	if good < len(src)*8/10 {
		t.Errorf("only %d of %d beads are supported by the similarity", good, len(bs))
	}
}

func TestAlignDeterministic(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	src, tgt, sim := randomPair(r, 5000)
	a := Align(src, tgt, Config{Similarity: sim})
	b := Align(src, tgt, Config{Similarity: sim})
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs on the same input differ")
	}
}

func TestParagraphs(t *testing.T) {
	sp, tp := []int{0, 0, 1, 1}, []int{0, 1, 1, 2}
	for _, tc := range []struct {
		s0, s1, t0, t1 int
		want           float64
	}{
		{0, 2, 0, 1, 0}, // one source paragraph to one target sentence
		{0, 2, 0, 2, 2}, // the target crosses a boundary, the source does not
		{1, 3, 0, 2, 0}, // both cross
		{1, 3, 1, 2, 2}, // the source crosses alone
		{2, 4, 1, 3, 0},
	} {
		if got := paraCost(sp, tc.s0, tc.s1, tp, tc.t0, tc.t1); got != tc.want {
			t.Errorf("paraCost(%d-%d, %d-%d) = %v, want %v", tc.s0, tc.s1, tc.t0, tc.t1, got, tc.want)
		}
	}
	// Presplit input (every sentence its own paragraph) carries no
	// paragraph information and changes nothing.
	if informative([]int{0, 1, 2}) || !informative([]int{0, 0, 1}) {
		t.Error("informative is wrong")
	}
	a := Align(lens("40 40"), lens("80"), Config{SrcPara: []int{0, 1}, TgtPara: []int{0}}).String()
	if a != "2-1" {
		t.Errorf("presplit paragraphs: %q, want 2-1", a)
	}
}

func TestEstimateShapes(t *testing.T) {
	bs := Align(lens("40 40 40 40"), lens("80 80"), Config{LengthOnly: true})
	sh := EstimateShapes(bs, 0)
	for _, s := range sh {
		want := 0.0
		if s.Src == 2 && s.Tgt == 1 {
			want = 1
		}
		if s.Prob != want {
			t.Errorf("shape %d-%d: prob %v, want %v", s.Src, s.Tgt, s.Prob, want)
		}
	}
	// Shapes with zero probability are dropped, 1-0 and 0-1 are kept, so
	// any pair still aligns.
	got := Align(lens("40 40 40"), lens("80 80"), Config{Shapes: sh})
	if err := checkBeads(got, 3, 2); err != nil {
		t.Error(err)
	}
}

func FuzzAlign(f *testing.F) {
	f.Add([]byte{10, 20, 30}, []byte{30, 30}, false)
	f.Add([]byte{}, []byte{1, 1, 1, 1}, true)
	f.Fuzz(func(t *testing.T, a, b []byte, lexical bool) {
		src, tgt := make([]int, len(a)), make([]int, len(b))
		for i, x := range a {
			src[i] = int(x)
		}
		for j, x := range b {
			tgt[j] = int(x)
		}
		cfg := Config{LengthOnly: !lexical}
		if lexical {
			cfg.Similarity = func(s, t Range) float64 {
				return float64(int(a[s.Start])-int(b[t.Start])) / 16
			}
			cfg.SrcPara, cfg.TgtPara = make([]int, len(a)), make([]int, len(b))
			for i := range a {
				cfg.SrcPara[i] = int(a[i]) / 64
			}
			for j := range b {
				cfg.TgtPara[j] = int(b[j]) / 32
			}
			// An expected ratio of 0 (the totals'), 1 or 2: documents
			// whose totals depart from it are aligned as partial.
			cfg.Ratio = float64(len(a) % 3)
		}
		if err := checkBeads(Align(src, tgt, cfg), len(src), len(tgt)); err != nil {
			t.Fatal(err)
		}
	})
}

func ExampleAlign() {
	// Lengths in characters: the second and third source sentences were
	// merged into one target sentence.
	src := []int{42, 30, 35, 60}
	tgt := []int{44, 68, 58}
	beads := Align(src, tgt, Config{})
	fmt.Println(beads)
	for _, b := range beads {
		fmt.Println(b)
	}
	// Output:
	// 1-1 2-1 1-1
	// [0]:[0]
	// [1,2]:[1]
	// [3]:[2]
}

func BenchmarkAlign(b *testing.B) {
	for _, n := range []int{100, 1000, 10000, 100000} {
		for _, lexical := range []bool{false, true} {
			name := fmt.Sprintf("n=%d/lexical=%v", n, lexical)
			b.Run(name, func(b *testing.B) {
				if n > 10000 && testing.Short() {
					b.Skip("big; skipped under -short")
				}
				r := rand.New(rand.NewSource(int64(n)))
				src, tgt, sim := randomPair(r, n)
				cfg := Config{LengthOnly: !lexical}
				if lexical {
					cfg.Similarity = sim
				}
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					Align(src, tgt, cfg)
				}
				b.ReportMetric(float64(len(src)+len(tgt))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
			})
		}
	}
}

func TestAlignGuide(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	src, tgt, sim := randomPair(r, 3000)
	first := Align(src, tgt, Config{Similarity: sim})
	second := Align(src, tgt, Config{Similarity: sim, Guide: first})
	if err := checkBeads(second, len(src), len(tgt)); err != nil {
		t.Fatal(err)
	}
	same := 0
	for k := range second {
		if k < len(first) && first[k].Src == second[k].Src && first[k].Tgt == second[k].Tgt {
			same++
		}
	}
	if same < len(second)*9/10 {
		t.Errorf("guided by itself, only %d of %d beads are kept", same, len(second))
	}
	// A guide for other documents is ignored.
	bad := Align(src, tgt, Config{Similarity: sim, Guide: first[:len(first)/2]})
	if err := checkBeads(bad, len(src), len(tgt)); err != nil {
		t.Fatal(err)
	}
	if guidePath(first[:len(first)/2], len(src), len(tgt)) != nil {
		t.Error("guidePath accepted beads that do not cover the documents")
	}
}

// TestConcurrentBackward aligns a long pair with the backward pass run
// beside the forward one and after it, and wants the same beads and
// scores.
func TestConcurrentBackward(t *testing.T) {
	if testing.Short() {
		t.Skip("long; skipped under -short")
	}
	r := rand.New(rand.NewSource(9))
	src, tgt, sim := randomPair(r, 9000)
	cfg := Config{Similarity: sim}
	beside := Align(src, tgt, cfg)
	defer func(n int) { concurrentCells = n }(concurrentCells)
	concurrentCells = math.MaxInt
	after := Align(src, tgt, cfg)
	if len(beside) != len(after) {
		t.Fatalf("%d beads beside, %d after", len(beside), len(after))
	}
	for k := range after {
		if beside[k] != after[k] {
			t.Fatalf("bead %d: %+v beside, %+v after", k, beside[k], after[k])
		}
	}
}
