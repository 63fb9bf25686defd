package lang

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/internal/shared"
)

func TestKey(t *testing.T) {
	for _, group := range [][]string{
		{"Григорьевич", "Grigoryevich", "Grigorievich"},
		{"Садыр", "Sadyr", "Sadir"},
		{"Жапаров", "Japarov", "Zhaparov"},
		{"Лукашенко", "Lukashenko"},
		{"Рахмон", "Rakhmon", "Rahmon"},
	} {
		for _, w := range group[1:] {
			if Key(w) != Key(group[0]) {
				t.Errorf("Key(%q) = %q, Key(%q) = %q; want them equal", w, Key(w), group[0], Key(group[0]))
			}
		}
	}
	if Key("Vladimir") == Key("Vladislav") {
		t.Error("Vladimir and Vladislav share a key")
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "abc", 3}, {"sadyr", "sadir", 1}, {"nikol", "nikolai", 2},
		{"kitten", "sitting", 3}, {"никол", "николай", 2}, {"ё", "е", 1}, {"flaw", "lawn", 2},
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetry)", c.b, c.a, got, c.want)
		}
	}
}

// keyReference is key as first written, with Romanize and a
// strings.Replacer; key must agree with it.
func keyReference(word string) string {
	r := Romanize(word)
	var b strings.Builder
	for _, c := range r {
		if unicode.IsLetter(c) {
			b.WriteRune(c)
		}
	}
	k := referenceFolds.Replace(b.String())
	out := make([]byte, 0, len(k))
	for i := 0; i < len(k); i++ {
		if i > 0 && k[i] == k[i-1] {
			continue
		}
		out = append(out, k[i])
	}
	return string(out)
}

var referenceFolds = strings.NewReplacer(keyFolds...)

func TestKeyTables(t *testing.T) {
	for r := range romanKey {
		if r < utf8.RuneSelf {
			t.Errorf("romanKey holds the ASCII %q, which key does not look up", r)
		}
	}
}

// TestKeyAgrees compares key with keyReference on every word of
// ../shared/align-dev, on random strings of the letters that the folds
// and the table touch, and on every rune alone.
func TestKeyAgrees(t *testing.T) {
	check := func(w string) {
		t.Helper()
		if got, want := key(w), keyReference(w); got != want {
			t.Fatalf("key(%q) = %q, want %q", w, got, want)
		}
	}
	for r := rune(0); r <= 0x3000; r++ {
		check(string(r))
		check("a" + string(r) + string(r))
	}
	letters := []string{"s", "h", "c", "d", "z", "k", "t", "y", "u", "i", "a", "e", "o", "w", "x", "p", "q", "S", "H", "Щ", "щ", "ж", "Х", "ц", "ч", "ш", "ю", "я", "ь", "ъ", "ё", "й", "і", "ґ", "ә", "-", "'", "1", "\xff", "ß", "İ", "Ⱥ", "\U00010410", "\u0800"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		var sb strings.Builder
		for k := rng.Intn(9); k >= 0; k-- {
			sb.WriteString(letters[rng.Intn(len(letters))])
		}
		check(sb.String())
	}
	dir := shared.Dir(t, "align-dev")
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.[re][un]"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.Fields(string(b)) {
			if !seen[w] {
				seen[w] = true
				check(w)
			}
		}
	}
	if len(seen) < 1000 {
		t.Fatalf("only %d words in %s", len(seen), dir)
	}
}

// BenchmarkKey measures Key on words it has seen (the cache) and the key
// computed afresh.
func BenchmarkKey(b *testing.B) {
	words := []string{"Казахстане", "Kazakhstan", "санкции", "sanctions", "Жумабековой", "Zhumabekova", "Григорьевич", "Shchukin"}
	b.Run("cached", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			Key(words[i%len(words)])
		}
	})
	b.Run("computed", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			key(words[i%len(words)])
		}
	})
}
