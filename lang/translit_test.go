package lang

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/align-tools/align/internal/shared"
)

func TestSchemeTables(t *testing.T) {
	for _, s := range Schemes() {
		tab, err := parseSchemeTable("tables/translit/" + s.String() + ".tsv")
		if err != nil {
			t.Fatal(err)
		}
		if tab.name != s.String() {
			t.Errorf("%s.tsv names scheme %q", s, tab.name)
		}
		for _, r := range "абвгдеёжзийклмнопрстуфхцчшщъыьэюя" {
			if _, ok := tab.letter[r]; !ok {
				t.Errorf("%s: no rule for %c", s, r)
			}
		}
		if tab.title == "" {
			t.Errorf("%s: no title", s)
		}
		got, err := ParseScheme(strings.ToUpper(s.String()))
		if err != nil || got != s {
			t.Errorf("ParseScheme(%q) = %v, %v", strings.ToUpper(s.String()), got, err)
		}
		for _, a := range tab.aliases {
			if got, err := ParseScheme(a); err != nil || got != s {
				t.Errorf("ParseScheme(%q) = %v, %v; want %v", a, got, err, s)
			}
		}
	}
}

func TestParseSchemeError(t *testing.T) {
	_, err := ParseScheme("klingon")
	if err == nil || !strings.Contains(err.Error(), "wikipedia, icao") {
		t.Fatalf("error %v does not list the schemes", err)
	}
}

// iuliiaCounterpart names the reference definition of each scheme in
// ../shared/translit/iuliia.
var iuliiaCounterpart = map[Scheme]string{
	Wikipedia: "wikipedia", ICAO: "icao_doc_9303", BGNPCGN: "bgn_pcgn", GOST779B: "gost_779_alt",
	ISO9: "gost_779", ALALC: "ala_lc", Telegram: "telegram", MVD310: "mvd_310", MVD782: "mvd_782",
	YandexMaps: "yandex_maps", YandexMoney: "yandex_money", Scientific: "scientific",
}

// TestIuliiaSamples checks every sample pair of every reference
// definition. The reference data writes the Latin ë as the Cyrillic ё;
// the standards write ë, and so do our tables.
func TestIuliiaSamples(t *testing.T) {
	dir := shared.Dir(t, "translit/iuliia")
	n := 0
	for _, s := range Schemes() {
		name, ok := iuliiaCounterpart[s]
		if !ok {
			t.Fatalf("%s has no reference definition", s)
		}
		data, err := os.ReadFile(filepath.Join(dir, name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var def struct {
			Samples [][2]string `json:"samples"`
		}
		if err := json.Unmarshal(data, &def); err != nil {
			t.Fatalf("%s.json: %v", name, err)
		}
		if len(def.Samples) == 0 {
			t.Fatalf("%s.json: no samples", name)
		}
		for _, p := range def.Samples {
			want := strings.NewReplacer("ё", "ë", "Ё", "Ë").Replace(p[1])
			if got := s.Translit(p[0]); got != want {
				t.Errorf("%s: %q\n got %q\nwant %q", s, p[0], got, want)
			}
			n++
		}
	}
	t.Logf("%d sample pairs", n)
}

func TestTranslit(t *testing.T) {
	tests := []struct {
		s        Scheme
		in, want string
	}{
		{Wikipedia, "Никол Воваевич Пашинян", "Nikol Vovayevich Pashinyan"},
		{Wikipedia, "Григорьевич", "Grigoryevich"},
		{Wikipedia, "ЩИ", "SHCHI"},
		{Wikipedia, "Садыр Жапаров", "Sadyr Zhaparov"},
		{Wikipedia, "Ёлкин, Ельцин", "Yolkin, Yeltsin"},
		{Wikipedia, "Дмитрий", "Dmitry"},
		{ICAO, "Дмитрий", "Dmitrii"},
		{ICAO, "Касым-Жомарт", "Kasym-Zhomart"},
		{MVD310, "Дмитрий", "Dmitriy"},
		{Telegram, "Жапаров", "Japarov"},
		{Wikipedia, "Putin и Путин", "Putin i Putin"},
		{Wikipedia, "", ""},
		{Wikipedia, "1991 г.", "1991 g."},
	}
	for _, tt := range tests {
		if got := tt.s.Translit(tt.in); got != tt.want {
			t.Errorf("%s.Translit(%q) = %q, want %q", tt.s, tt.in, got, tt.want)
		}
	}
}

func TestCyrillic(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Pashinyan", "Пашинян"},
		{"Nikolay", "Николай"},
		{"Grigoryevich", "Григорьевич"},
		{"Sadyr", "Садыр"},
		{"Putin", "Путин"},
		{"Zhaparov", "Жапаров"},
		{"Yelena", "Елена"},
		{"Kassym", "Кассым"},
		{"Kasym-Zhomart", "Касым-Жомарт"},
		{"PUTIN", "ПУТИН"},
	}
	for _, tt := range tests {
		rs := Cyrillic(tt.in, 5)
		if len(rs) == 0 {
			t.Errorf("Cyrillic(%q) = nothing, want %q first", tt.in, tt.want)
			continue
		}
		if rs[0].Russian != tt.want {
			var got []string
			for _, r := range rs {
				got = append(got, r.Russian)
			}
			t.Errorf("Cyrillic(%q) = %v, want %q first", tt.in, got, tt.want)
		}
		// Invariant: some scheme writes each reading as the word.
		for _, r := range rs {
			if len(r.Schemes) == 0 {
				t.Errorf("Cyrillic(%q): %q has no scheme", tt.in, r.Russian)
			}
			for _, s := range r.Schemes {
				if !strings.EqualFold(s.Translit(r.Russian), tt.in) {
					t.Errorf("Cyrillic(%q): %s writes %q as %q", tt.in, s, r.Russian, s.Translit(r.Russian))
				}
			}
		}
	}
}

func FuzzTranslit(f *testing.F) {
	for _, s := range []string{"Юлия, съешь ещё", "Подъярский", "ИЙ ий", "a\xffб", "Ъ", "е-е-е", "ЁЁ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, s := range Schemes() {
			out := s.Translit(in)
			if utf8.ValidString(in) && !utf8.ValidString(out) {
				t.Fatalf("%s.Translit(%q) = %q: invalid UTF-8", s, in, out)
			}
		}
		if len(in) < 64 {
			for _, r := range Cyrillic(in, 3) {
				if !utf8.ValidString(r.Russian) {
					t.Fatalf("Cyrillic(%q): invalid UTF-8 %q", in, r.Russian)
				}
			}
		}
	})
}

func BenchmarkTranslit(b *testing.B) {
	for _, n := range []int{10, 1000, 100000} {
		text := strings.Repeat("Юлия, съешь ещё этих мягких французских булок. ", n/10+1)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				Wikipedia.Translit(text)
			}
		})
	}
}

func BenchmarkCyrillic(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Cyrillic("Grigoryevich", 5)
	}
}

// TestTablesMatchReference compares every rule of every table with the
// mapping of its reference definition, both ways.
func TestTablesMatchReference(t *testing.T) {
	dir := shared.Dir(t, "translit/iuliia")
	fix := strings.NewReplacer("ё", "ë")
	for _, s := range Schemes() {
		data, err := os.ReadFile(filepath.Join(dir, iuliiaCounterpart[s]+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var def struct {
			Mapping map[string]string `json:"mapping"`
			Prev    map[string]string `json:"prev_mapping"`
			Next    map[string]string `json:"next_mapping"`
			Ending  map[string]string `json:"ending_mapping"`
		}
		if err := json.Unmarshal(data, &def); err != nil {
			t.Fatal(err)
		}
		tab := loadSchemes()[s]
		want := map[string]string{}
		for k, v := range def.Mapping {
			want["letter "+k] = fix.Replace(v)
		}
		for k, v := range def.Prev {
			if utf8.RuneCountInString(k) == 1 {
				want["start "+k] = fix.Replace(v)
			} else {
				want["after "+k] = fix.Replace(v)
			}
		}
		for k, v := range def.Next {
			want["before "+k] = fix.Replace(v)
		}
		for k, v := range def.Ending {
			want["ending "+k] = fix.Replace(v)
		}
		got := map[string]string{}
		for c, v := range tab.letter {
			got["letter "+string(c)] = v
		}
		for c, v := range tab.start {
			got["start "+string(c)] = v
		}
		for p, v := range tab.after {
			got["after "+string(p[:])] = v
		}
		for p, v := range tab.before {
			got["before "+string(p[:])] = v
		}
		for p, v := range tab.ending {
			got["ending "+string(p[:])] = v
		}
		for k, v := range want {
			if g, ok := got[k]; !ok || g != v {
				t.Errorf("%s: rule %s = %q, reference %q", s, k, g, v)
			}
		}
		for k, v := range got {
			if _, ok := want[k]; !ok {
				t.Errorf("%s: rule %s = %q is not in the reference", s, k, v)
			}
		}
	}
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestSchemesGolden shows the positional rules of every scheme on words
// chosen for them: е and ё at the start, after a vowel and after ь or ъ;
// -ий and -ый endings; ъ and ь before vowels; capitals.
func TestSchemesGolden(t *testing.T) {
	words := []string{"Елена", "Маяковский", "Красный", "Подъезд", "Ильич", "Соловьёв", "Артём", "Щукин", "Цой", "Хэмингуэй", "ЮРИЙ"}
	var b strings.Builder
	b.WriteString("scheme")
	for _, w := range words {
		b.WriteString("\t" + w)
	}
	b.WriteString("\n")
	for _, s := range Schemes() {
		b.WriteString(s.String())
		for _, w := range words {
			b.WriteString("\t" + s.Translit(w))
		}
		b.WriteString("\n")
	}
	path := "testdata/schemes.golden.tsv"
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run go test -update to write it", err)
	}
	if b.String() != string(want) {
		t.Errorf("%s differs; got:\n%s", path, b.String())
	}
}

// TestCyrillicLong: a long word is refused quickly, not searched.
func TestCyrillicLong(t *testing.T) {
	if got := Cyrillic(strings.Repeat("shch", 5000), 1); got != nil {
		t.Errorf("a 20,000-letter word has readings: %v", got[0].Russian[:20])
	}
	if got := Cyrillic(strings.Repeat("ya", 24), 1); len(got) == 0 {
		t.Error("a 48-letter word has no reading")
	}
}

// TestTranslitConcurrent: schemes are safe for concurrent use (run with
// -race).
func TestTranslitConcurrent(t *testing.T) {
	done := make(chan string)
	for _, s := range Schemes() {
		go func() {
			out := s.Translit("Подъярский")
			Cyrillic("Podyarsky", 1)
			done <- out
		}()
	}
	for range Schemes() {
		if out := <-done; out == "" {
			t.Error("empty transliteration")
		}
	}
}
