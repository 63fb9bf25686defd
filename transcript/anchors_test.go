package transcript

import (
	"math"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/lang"
)

// anchorsReference is the anchors of text as first computed, a set of
// strings from strings.Fields; anchorIndex.anchors must give the same.
func anchorsReference(text string) map[string]bool {
	set := map[string]bool{}
	words := strings.Fields(text)
	for k, w := range words {
		core, _ := trimWord(w)
		if core == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(core)
		if unicode.IsDigit(r) {
			num := strings.Map(func(r rune) rune {
				if unicode.IsDigit(r) {
					return r
				}
				return -1
			}, core)
			if k+1 < len(words) && len(num) <= 3 && len(words[k+1]) == 3 && strings.Trim(words[k+1], "0123456789") == "" {
				num += words[k+1]
			}
			set["#"+num] = true
			continue
		}
		if key := lang.Key(core); len(key) >= 5 {
			set[key[:5]] = true
		}
	}
	return set
}

// containmentReference is containment over string sets, weights counted
// as idfWeights counts them.
func containmentReference(a, b map[string]bool, side []map[string]bool) float64 {
	df := map[string]int{}
	for _, s := range side {
		for k := range s {
			df[k]++
		}
	}
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var have, shared float64
	m := 0
	for _, k := range keys {
		if df[k] == 0 {
			continue
		}
		w := math.Log(float64(len(side)+1) / float64(df[k]))
		have += w
		m++
		if b[k] {
			shared += w
		}
	}
	if have == 0 {
		return 0
	}
	return shared / have * float64(m) / float64(m+1)
}

// anchorOf returns the anchor of a string anchorsReference gives.
func anchorOf(rare *rareAnchors, s string) anchor {
	if num, ok := strings.CutPrefix(s, "#"); ok {
		return rare.number([]byte(num))
	}
	var a anchor
	for i := 0; i < 5; i++ {
		a = a<<8 | anchor(s[i])
	}
	return a
}

func TestAnchorsAgree(t *testing.T) {
	pieces := []string{"Казахстане", "Kazakhstan", "санкции", "sanctions", "15", "000", "15,000", "(2022)", "1.5", "٣٤", "«Путина»",
		"Putin,", "экстремизм", "extremism", "the", "и", "12", "345", "1234", "12a", "a1", "—", "...", "ЖУМАБЕКОВОЙ", "Zhumabekova", "О.С.Дубровин"}
	spaces := []string{" ", "  ", "\n", "\t", "\u00a0", "\u2003"}
	rng := rand.New(rand.NewSource(1))
	gen := func() string {
		var sb strings.Builder
		for k := rng.Intn(30); k >= 0; k-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
			sb.WriteString(spaces[rng.Intn(len(spaces))])
		}
		return sb.String()
	}
	for n := 0; n < 300; n++ {
		texts := []string{gen(), gen(), gen(), gen()}

		var rare rareAnchors
		var sets [][]anchor
		var refs []map[string]bool
		for _, text := range texts {
			got := rare.anchors(text)
			ref := anchorsReference(text)
			var want []anchor
			for s := range ref {
				want = append(want, anchorOf(&rare, s))
			}
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("anchors(%q) = %x, want %x", text, got, want)
			}
			sets = append(sets, got)
			refs = append(refs, ref)
		}
		w := anchorWeights(sets[:2], idfWeights(sets[2:]))
		for a := 0; a < 2; a++ {
			for b := 2; b < 4; b++ {
				got := containment(sets[a], w[a], sets[b])
				want := containmentReference(refs[a], refs[b], refs[2:])
				if math.Abs(got-want) > 1e-12 {
					t.Fatalf("containment(%q, %q) = %v, want %v", texts[a], texts[b], got, want)
				}
			}
		}
	}
}

// TestNumberAnchors checks that numbers keep apart what differs: leading
// zeros, length, other digits.
func TestNumberAnchors(t *testing.T) {
	var rare rareAnchors
	seen := map[anchor]string{}
	for _, num := range []string{"0", "00", "7", "007", "15000", "150000", "999999999999999", "9999999999999999", "1234567890123456789", "٣", "٣٤", "12٣"} {
		a := rare.number([]byte(num))
		if other, ok := seen[a]; ok {
			t.Errorf("%q and %q share the anchor %x", num, other, a)
		}
		seen[a] = num
		if again := rare.number([]byte(num)); again != a {
			t.Errorf("%q: anchor %x, then %x", num, a, again)
		}
	}
}

func TestNextFieldIsFields(t *testing.T) {
	pieces := []string{"a", "ж", " ", "\u00a0", "\u0085", "\u1680", "\u2003", "\u2028", "\u3000", "\u2010", "\xe2", "\xe2\x80", "\xc2", "\xd0", "\x80", "\t\n", "\u00e9"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 5000; n++ {
		var sb strings.Builder
		for k := rng.Intn(10); k >= 0; k-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := sb.String()
		var got []string
		for start, end := nextField(text, 0); start < end; start, end = nextField(text, end) {
			got = append(got, text[start:end])
		}
		if want := strings.Fields(text); !slices.Equal(got, want) {
			t.Fatalf("fields of %q: %q, want %q", text, got, want)
		}
	}
}

// TestIDFWeights compares the merged counts of idfWeights with counts
// kept in a map, for every number of sets up to nine.
func TestIDFWeights(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n <= 9; n++ {
		sets := make([][]anchor, n)
		df := map[anchor]int{}
		for i := range sets {
			for k := rng.Intn(30); k > 0; k-- {
				sets[i] = append(sets[i], anchor(rng.Intn(40)))
			}
			slices.Sort(sets[i])
			sets[i] = slices.Compact(sets[i])
			for _, a := range sets[i] {
				df[a]++
			}
		}
		w := idfWeights(sets)
		if len(w.anchors) != len(df) || !slices.IsSorted(w.anchors) {
			t.Fatalf("%d sets: %d anchors %v, want %d sorted", n, len(w.anchors), w.anchors, len(df))
		}
		for i, a := range w.anchors {
			if want := math.Log(float64(n+1) / float64(df[a])); w.weight[i] != want {
				t.Errorf("%d sets: anchor %d weighs %v, want %v", n, a, w.weight[i], want)
			}
		}
		for i, s := range sets {
			ws := anchorWeights([][]anchor{s}, w)[0]
			for k, a := range s {
				if at, _ := slices.BinarySearch(w.anchors, a); ws[k] != w.weight[at] {
					t.Errorf("%d sets: set %d anchor %d weighs %v, want %v", n, i, a, ws[k], w.weight[at])
				}
			}
		}
	}
}

// TestContainmentLongB checks containment against a long list, which it
// searches rather than walks, with a map of b's anchors.
func TestContainmentLongB(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 200; n++ {
		var a, b []anchor
		for k := rng.Intn(6); k > 0; k-- {
			a = append(a, anchor(rng.Intn(1000)))
		}
		for k := 100 + rng.Intn(400); k > 0; k-- {
			b = append(b, anchor(rng.Intn(1000)))
		}
		slices.Sort(a)
		a = slices.Compact(a)
		slices.Sort(b)
		b = slices.Compact(b)
		aw := make([]float64, len(a))
		inB := map[anchor]bool{}
		for _, k := range b {
			inB[k] = true
		}
		var have, shared float64
		m := 0
		for i := range a {
			if rng.Intn(4) > 0 {
				aw[i] = rng.Float64() + 0.1
				have += aw[i]
				m++
				if inB[a[i]] {
					shared += aw[i]
				}
			}
		}
		want := 0.0
		if have > 0 {
			want = shared / have * float64(m) / float64(m+1)
		}
		if got := containment(a, aw, b); math.Abs(got-want) > 1e-12 {
			t.Fatalf("containment(%v, %v, %d anchors) = %v, want %v", a, aw, len(b), got, want)
		}
	}
}
