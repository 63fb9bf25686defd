package lang

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestNames(t *testing.T) {
	tests := []struct {
		tag  language.Tag
		in   string
		want string // name words as word/role, space-separated
	}{
		{language.English, "Dear Nikol Vovayevich! Dear colleagues!", "Nikol/name Vovayevich/patronymic"},
		{language.English, "Alexander Grigoryevich [Lukashenko] raised a question.", "Alexander/name Grigoryevich/patronymic Lukashenko/name"},
		{language.English, "N. Pashinyan: Thank you, Sadir Nurgojoyevich.", "N./initial Pashinyan/name Sadir/name Nurgojoyevich/patronymic"},
		{language.English, "The CSTO met in Moscow. Moscow's mayor spoke.", "Moscow/name Moscow/name"},
		{language.English, "Pashinyan spoke first. Then it rained.", ""},
		{language.English, "We thank Kassym-Jomart Tokayev's team.", "Kassym-Jomart/name Tokayev/name"},
		{language.English, "Then Dinah'll say We'll see to O'Brien and K here.", "O'Brien/name"},
		{language.Russian, "Как сказал А.Г. Лукашенко, это важно.", "А.Г./initial Лукашенко/name"},
		{language.Russian, "Уважаемый Никол Воваевич! Спасибо, Владимир Владимирович.", "Никол/name Воваевич/patronymic Владимир/name Владимирович/patronymic"},
		{language.Russian, "Благодарю Николу Воваевичу за работу.", "Николу/name Воваевичу/patronymic"},
	}
	for _, tt := range tests {
		var got []string
		for _, n := range Names(tt.tag, tt.in) {
			got = append(got, tt.in[n.Start:n.End]+"/"+n.Role.String())
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Names(%q)\n got %q\nwant %q", tt.in, g, tt.want)
		}
	}
}

func TestNameStem(t *testing.T) {
	groups := [][]string{
		{"Путин", "Путина", "Путину", "Путиным", "Путине"},
		{"Николай", "Николая", "Николаю", "Николаем"},
		{"Никол", "Никола", "Николу", "Николом"},
		{"Воваевич", "Воваевича", "Воваевичу", "Воваевичем"},
		{"Дмитрий", "Дмитрия", "Дмитрию"},
		{"Достоевский", "Достоевского", "Достоевскому"},
	}
	stems := map[string]string{}
	for _, g := range groups {
		for _, w := range g {
			if s := NameStem(w); s != NameStem(g[0]) {
				t.Errorf("NameStem(%q) = %q, NameStem(%q) = %q", w, s, g[0], NameStem(g[0]))
			}
		}
		s := NameStem(g[0])
		if o, dup := stems[s]; dup {
			t.Errorf("%q and %q share stem %q", o, g[0], s)
		}
		stems[s] = g[0]
	}
}

func FuzzNames(f *testing.F) {
	for _, s := range []string{"N. Pashinyan: Thank you, Sadir Nurgojoyevich.", "А.Г. Лукашенко", "A. B. C.", "O'Brien's X-", "Ж.\xff Ё"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, n := range Names(language.English, text) {
			if n.Start < prev || n.End <= n.Start || n.End > len(text) {
				t.Fatalf("Names(%q): span %v out of order or outside the text", text, n)
			}
			prev = n.End
			NameStem(text[n.Start:n.End])
		}
	})
}

// TestNamesBig guards against quadratic work: many sentences that open
// with a name found elsewhere, and a paragraph of initials.
func TestNamesBig(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	text := strings.Repeat("Putin spoke. Then Putin left. ", 20000)
	if n := len(Names(language.English, text)); n != 40000 {
		t.Errorf("%d names, want 40000", n)
	}
	Names(language.English, strings.Repeat("A. ", 60000)+"Smith")
	Names(language.Russian, strings.Repeat(".", 60000))
}
