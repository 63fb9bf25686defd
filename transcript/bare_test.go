package transcript

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
)

// bareReference is the bare form as first computed; appendBare must
// agree with it.
func bareReference(t string) string {
	t = strings.ToLower(strings.Join(strings.Fields(t), " "))
	return strings.TrimFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func TestBareAgrees(t *testing.T) {
	pieces := []string{" ", "  ", "\n", "\t", "\u00a0", "\u2003", "*", "* *", "!", "«", "»", ".", "Thank", "you", "СПАСИБО",
		"за", "Внимание", "16", "мая", "2022", "\xff", "İ", "Ⓐ", "Ⅻ", "٣", "ǅ", "K", "…", "—"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 5000; n++ {
		var sb strings.Builder
		for k := rng.Intn(12); k >= 0; k-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := sb.String()
		want := bareReference(s)
		for _, limit := range []int{0, 5, max(len(want)-1, 0), len(want), len(s) * 4} {
			got, ok := appendBare([]byte("x"), s, limit)
			if ok != (len(want) <= limit) || ok && string(got) != "x"+want || !ok && string(got) != "x" {
				t.Fatalf("appendBare(%q, %d) = %q, %v; bare is %q", s, limit, got, ok, want)
			}
		}
	}
}

// TestWordRuneKeepsCase checks what appendBare relies on: a rune and its
// lower case are both letters or digits, or neither.
func TestWordRuneKeepsCase(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		l := unicode.ToLower(r)
		if isWordRune(r) != (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			t.Fatalf("isWordRune(%U) = %v", r, isWordRune(r))
		}
		if isWordRune(r) != (unicode.IsLetter(l) || unicode.IsDigit(l)) {
			t.Fatalf("%U: isWordRune %v, but its lower case %U differs", r, isWordRune(r), l)
		}
		if isSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
}
