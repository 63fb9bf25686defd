package lang

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func mentionsString(tag language.Tag, s string) string {
	var parts []string
	for _, m := range NumberMentions(tag, s) {
		d := ""
		if !m.Digits {
			d = "w"
		}
		alt := ""
		if m.Alt != 0 {
			alt = fmt.Sprintf("/%g", m.Alt)
		}
		parts = append(parts, fmt.Sprintf("%s=%g%s%s", s[m.Start:m.End], m.Value, alt, d))
	}
	return strings.Join(parts, " | ")
}

func TestNumberMentions(t *testing.T) {
	ru, en := language.Russian, language.English
	tests := []struct {
		tag  language.Tag
		in   string
		want string
	}{
		{en, "about 15,000 troops", "15,000=15000"},
		{en, "15 thousand troops", "15 thousand=15000"},
		{ru, "около 15 тысяч военных", "15 тысяч=15000"},
		{ru, "15 000 военных", "15 000=15000"},
		{en, "15 000 troops", "15 000=15000"},
		{ru, "1,5 млрд долларов", "1,5 млрд=1.5e+09"},
		{en, "1.5 billion dollars", "1.5 billion=1.5e+09"},
		{en, "1,5 billion", "1,5 billion=1.5e+09"},
		{en, "the 30th anniversary", "30th=30"},
		{ru, "к 30-летию Договора", "30-летию=30"},
		{ru, "тридцатилетие Договора и двадцатилетие ОДКБ", "тридцатилетие=30w | двадцатилетие=20w"},
		{ru, "16.05.2022", "16=16 | 05=5 | 2022=2022"},
		{ru, "16 мая 2022 года", "16=16 | мая=5w | 2022=2022"},
		{en, "On May 16, 2022, in Moscow", "May=5w | 16=16 | 2022=2022"},
		{en, "you may go", ""},
		{en, "two documents", "two=2w"},
		{ru, "два документа, пятая часть", "два=2w | пятая=5w"},
		{ru, "пятница", ""},
		{en, "COVID-19 and G7", "19=19 | 7=7"},
		{en, "1,2,3", "1=1 | 2=2 | 3=3"},
		{en, "in 2022 150 people", "2022=2022 | 150=150"},
		{ru, "в XVII веке и в ХХ веке", "XVII=17w | ХХ=20w"},
		{ru, "мебель семнадцатого века, пятнадцатое число", "семнадцатого=17w | пятнадцатое=15w"},
		{en, "I saw a CD and MIX", ""},
		{en, "10.700 tests", "10.700=10.7/10700"},
		{ru, "1,500 тонн", "1,500=1.5/1500"},
		{ru, "от 0,7 до 5,6 миллионов лет", "0,7=0.7/700000 | 5,6 миллионов=5.6e+06"},
		{en, "between 5.6 and 0.7 million years", "5.6=5.6/5.6e+06 | 0.7 million=700000"},
	}
	for _, tt := range tests {
		if got := mentionsString(tt.tag, tt.in); got != tt.want {
			t.Errorf("NumberMentions(%v, %q) = %q; want %q", tt.tag, tt.in, got, tt.want)
		}
	}
}

// TestNumberMentionsSpans checks the invariant on arbitrary text: spans
// are in order, inside the text and do not overlap.
func TestNumberMentionsSpans(t *testing.T) {
	for _, s := range []string{"", "1", "1,", "1.", "1..2", "12 345 678,9 млн.", "30-", "30-й", "3rd4th", "тыс.", "1 2 3 4 000 000"} {
		prev := 0
		for _, m := range NumberMentions(language.Russian, s) {
			if m.Start < prev || m.End < m.Start || m.End > len(s) {
				t.Errorf("%q: bad span %v after %d", s, m.Span, prev)
			}
			prev = m.End
		}
	}
}
