package lang

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func TestNumbers(t *testing.T) {
	ru, en := language.Russian, language.English
	for _, tc := range []struct {
		tag  language.Tag
		in   string
		want string
	}{
		{ru, "Погибли 15 000 человек.", "15000"},
		{en, "Some 15,000 people died.", "15000"},
		{ru, "Около 15 тысяч человек.", "15000"},
		{en, "About 15 thousand people.", "15000"},
		{ru, "Рост составил 1,5%.", "1.5"},
		{en, "Growth was 1.5%.", "1.5"},
		{en, "1.5 million tonnes", "1500000"},
		{ru, "1,5 млн тонн", "1500000"},
		{ru, "2 млрд рублей", "2000000000"},
		{en, "2 billion roubles", "2000000000"},
		{ru, "Встреча 16.05.2022 в Москве.", "16 5 2022"},
		{ru, "16 мая 2022 г. в Москве", "16 5 2022"},
		{en, "On May 16, 2022 in Moscow", "5 16 2022"},
		{en, "We may meet in May.", ""},
		{ru, "к 30-летию Договора", "30"},
		{en, "the 30th anniversary", "30"},
		{ru, "в 2020 году и 2021 году", "2020 2021"},
		{en, "pages 10, 12 and 14", "10 12 14"},
		{en, "version 1.2.3", "1 2 3"},
		{ru, "007", "7"},
		{en, "no numbers here", ""},
	} {
		got := strings.Join(Numbers(tc.tag, tc.in), " ")
		if got != tc.want {
			t.Errorf("Numbers(%s, %q) = %q, want %q", tc.tag, tc.in, got, tc.want)
		}
	}
}

func TestNumbersTable(t *testing.T) {
	tab := loadNumbers()
	for _, tc := range []struct{ lang, word string }{{"ru", "тысячи"}, {"ru", "млн"}, {"en", "million"}, {"ru", "сентября"}, {"en", "dec"}} {
		if _, ok := tab.lookup(tc.lang, tc.word); !ok {
			t.Errorf("%s %q not in tables/numbers.tsv", tc.lang, tc.word)
		}
	}
}

func FuzzNumbers(f *testing.F) {
	for _, s := range []string{"15 000", "1,5 млн", "16.05.2022", "May 16, 2022", "1.2.3.4", ",,1,,", "9 999 999 999 999 999 999 thousand"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range Numbers(language.Russian, s) {
			if n == "" {
				t.Fatalf("Numbers(%q) holds an empty number", s)
			}
		}
		Numbers(language.English, s)
	})
}
