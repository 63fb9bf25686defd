package transcript

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestCueTable parses the embedded cue table and checks that every kind
// has entries in both languages and that the language sets hold only
// their own cues.
func TestCueTable(t *testing.T) {
	sets, err := parseCues(cuesTSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{"ru", "en"} {
		c := sets[l]
		if len(c.headings) == 0 || len(c.closing) == 0 || len(c.boiler) == 0 || len(c.title.exact)+len(c.title.prefix) == 0 {
			t.Errorf("%s: empty cue kinds", l)
		}
	}
	if sets["en"].isClosing("Спасибо за внимание.") || !sets["ru"].isClosing("Спасибо за внимание.") {
		t.Error("closing formulas leak between languages")
	}
	if cuesFor(language.German) != sets[""] && cuesFor(language.German) != loadCues()[""] {
		t.Error("a language without a table must get every cue")
	}
	for _, bad := range []string{
		"heading\tru",              // two columns
		"unknown\tru\tx",           // unknown kind
		"heading\tde\tx",           // unknown language
		"heading\tru\tВыступление", // not lower case
	} {
		if _, err := parseCues(bad); err == nil || !strings.Contains(err.Error(), "cues.tsv:1:") {
			t.Errorf("%q: error %v", bad, err)
		}
	}
}

// TestSameKey checks the cross-script matching of surnames.
func TestSameKey(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Лукашенко", "Lukashenko", true},
		{"Жапаров", "Japarov", true},
		{"Жапарова", "Japarov", true},
		{"Путина", "Putin", true},
		{"Путиным", "Putin", true},
		{"Жумабековой", "Zhumabekova", true},
		{"Пашинян", "Pashinyan", true},
		{"Рахмон", "Rakhmon", true},
		{"Токаев", "Tokayev", true},
		{"Зась", "Zas", true},
		{"Цхай", "Tskhay", true},
		{"Путин", "Lukashenko", false},
		{"Зась", "Zasulich", false},
		{"Ли", "Lin", false},
	} {
		speaker := func(s string) Speaker { return Speaker{Name: s, Surname: s} }
		if got := SameKey(speaker(c.a).Key(), speaker(c.b).Key()); got != c.same {
			t.Errorf("SameKey(%s, %s) = %v", c.a, c.b, got)
		}
	}
}

// TestParseLabel checks what is and is not a speaker label.
func TestParseLabel(t *testing.T) {
	c := cuesFor(language.Und)
	for _, c2 := range []struct{ in, name string }{
		{"N. Pashinyan: Thank you.", "N. Pashinyan"},
		{"Н.Пашинян: Спасибо.", "Н.Пашинян"},
		{"К.-Ж.Токаев: Уважаемые коллеги!", "К.-Ж.Токаев"},
		{"Vladimir Putin: Good afternoon.", "Vladimir Putin"},
		{"В.В. Путин: Добрый день.", "В.В. Путин"},
		{"Question: When?", "Question"},
		{"Вопрос: Когда?", "Вопрос"},
		{"Note: the harbour was closed.", ""},
		{"Dear Chairman: thank you.", ""},
		{"E-mail: a@b.example", ""},
		{"10:30 Start", ""},
		{"Moscow, 16 May: the talks", ""},
		{"The first: strengthen", ""},
		{"N.: nothing", ""},
	} {
		_, sp, ok := c.parseLabel(c2.in)
		if ok != (c2.name != "") || sp.Name != c2.name {
			t.Errorf("parseLabel(%q) = %q, %v; want %q", c2.in, sp.Name, ok, c2.name)
		}
	}
}
