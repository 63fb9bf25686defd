package lang

import "testing"

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
