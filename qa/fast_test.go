package qa

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"

	"github.com/align-tools/align/lang"
)

// TestRuneClasses checks the shortcuts of the character classes against
// the Unicode tables they stand for, over every code point.
func TestRuneClasses(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if isDigit(r) != unicode.IsDigit(r) ||
			toLower(r) != unicode.ToLower(r) ||
			inWord(r) != (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			t.Fatalf("a shortcut disagrees with the Unicode tables on %U", r)
		}
	}
}

// randomTexts returns seeded random texts mixing scripts, cases, marks,
// spaces and invalid UTF-8.
func randomTexts(n int) []string {
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune("aZ09 ,.-'ёЁЖжÄäİıßﬁ\u0301\u00a0\u2028КkΣσς𝔸")
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range rng.Intn(30) {
			if rng.Intn(20) == 0 {
				b.WriteByte(byte(rng.Intn(256)))
				continue
			}
			b.WriteRune(alphabet[rng.Intn(len(alphabet))])
		}
		out[i] = b.String()
	}
	return out
}

// TestFoldText checks foldText against its definition: lower case,
// ё as е, letters and digits only, words separated by one space.
func TestFoldText(t *testing.T) {
	def := func(s string) string {
		var ws []string
		for _, f := range strings.FieldsFunc(strings.ToLower(s), func(c rune) bool {
			return c != 'ё' && !unicode.IsLetter(c) && !unicode.IsDigit(c)
		}) {
			ws = append(ws, strings.ReplaceAll(f, "ё", "е"))
		}
		return strings.Join(ws, " ")
	}
	for _, s := range append(randomTexts(20000), "Ёлки-палки, 15 000!", "") {
		if got, want := foldText(s), def(s); got != want {
			t.Fatalf("foldText(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFoldKey checks that the key of a folded text counts its words,
// and that texts folded alike share a key and others (of random texts)
// do not.
func TestFoldKey(t *testing.T) {
	byKey := map[foldKey]string{}
	for _, s := range append(randomTexts(20000), "Ёлки-палки, 15 000!", "ёлки палки 15 000", "") {
		f := foldText(s)
		k := keyOf(appendFold(nil, s))
		words := 0
		if f != "" {
			words = strings.Count(f, " ") + 1
		}
		if k.words != words {
			t.Fatalf("keyOf(%q).words = %d, want %d", f, k.words, words)
		}
		if other, ok := byKey[k]; ok && other != f {
			t.Fatalf("%q and %q share a key", other, f)
		}
		byKey[k] = f
	}
	if keyOf([]byte("ёлки")) == keyOf([]byte("елки")) {
		t.Fatal("different folded texts share a key")
	}
}

// TestWithinDistance checks the shortcut of withinDistance against the
// edit distance on random keys.
func TestWithinDistance(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	const alpha = "aabcdeiknorstuvyé"
	key := func() string {
		var b strings.Builder
		for range rng.Intn(9) {
			b.WriteByte(alpha[rng.Intn(len(alpha))])
		}
		return b.String()
	}
	for range 100000 {
		a, b, d := key(), key(), rng.Intn(5)
		if got, want := withinDistance(a, b, d), lang.Distance(a, b) <= d; got != want {
			t.Fatalf("withinDistance(%q, %q, %d) = %v, want %v", a, b, d, got, want)
		}
	}
}

// TestSameText checks the shortcut of sameText against its definition.
func TestSameText(t *testing.T) {
	def := func(a, b string) bool {
		return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
	}
	ts := randomTexts(5000)
	for i := 0; i+1 < len(ts); i++ {
		for _, p := range [][2]string{{ts[i], ts[i+1]}, {ts[i], strings.ToUpper(ts[i])}, {" " + ts[i], strings.ToLower(ts[i]) + " "}, {ts[i], ""}} {
			if got, want := sameText(p[0], p[1]), def(p[0], p[1]); got != want {
				t.Fatalf("sameText(%q, %q) = %v, want %v", p[0], p[1], got, want)
			}
		}
	}
}

// TestPrefilters checks that the quick tests that let checks pass over
// a segment never pass over one their patterns match.
func TestPrefilters(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	tokens := []string{"1", "16", "05", "2022", "1999", "000", ".", ".", ".", ",", " ", "a", "\xd0"}
	matched := 0
	for range 200000 {
		var b strings.Builder
		for range 2 + rng.Intn(8) {
			b.WriteString(tokens[rng.Intn(len(tokens))])
		}
		s := b.String()
		if ruDateRE.MatchString(s) {
			matched++
		}
		if ruDateRE.MatchString(s) && !hasDottedDate(s) {
			t.Fatalf("hasDottedDate(%q) = false; ruDateRE matches", s)
		}
		if (spacedThousandsRE.MatchString(s) || decimalCommaRE.MatchString(s)) && !hasDigitsAround(s, ' ') && !hasDigitsAround(s, ',') {
			t.Fatalf("hasDigitsAround(%q) = false; a number pattern matches", s)
		}
	}
	if matched < 20 {
		t.Fatalf("only %d random texts hold a date; the test tests little", matched)
	}
	for _, s := range append(randomTexts(20000), "Пашинян", "Паshinyan", "Ѐa") {
		lat, cyr := false, false
		for _, r := range s {
			lat = lat || unicode.Is(unicode.Latin, r)
			cyr = cyr || unicode.Is(unicode.Cyrillic, r)
		}
		if mixesScripts(s) != (lat && cyr) {
			t.Fatalf("mixesScripts(%q) = %v", s, mixesScripts(s))
		}
	}
}
