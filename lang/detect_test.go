package lang

import (
	"fmt"
	"testing"

	"golang.org/x/text/language"
)

func TestGuess(t *testing.T) {
	for _, c := range []struct {
		text    string
		want    language.Tag
		minConf float64
		maxConf float64
	}{
		{"Уважаемые коллеги! Сегодня мы подводим итоги года.", language.Russian, 0.9, 1},
		{"Dear colleagues! Today we sum up the results of the year.", language.English, 0.9, 1},
		// Russian text quoting Latin names stays Russian.
		{"Министр встретился с представителями NATO и OSCE в Вене, и это было важно.", language.Russian, 0.5, 1},
		// English text with a Russian name in Cyrillic stays English.
		{"The President quoted the word «безопасность» in his speech to the members of the council.", language.English, 0.5, 1},
		// Transliterated Russian: Latin script, no English function words.
		// The script decides, with a lower confidence than real English.
		{"Uvazhaemye kollegi, segodnya podvodim itogi goda", language.English, 0.5, 0.9},
		// An even mixture gives a low confidence, either way (Und here
		// accepts either language).
		{"Мы готовы. We are ready.", language.Und, 0, 0.3},
		{"", language.Und, 0, 0},
		{"12 345 — 16.05.2022 !?", language.Und, 0, 0},
	} {
		got, conf := Guess(c.text)
		if c.want == language.Und && c.text != "" && got != language.Und {
			got = language.Und // either language is right
		}
		if got != c.want || conf < c.minConf || conf > c.maxConf {
			t.Errorf("Guess(%q) = %v, %.2f; want %v with confidence in [%.2f, %.2f]", c.text, got, conf, c.want, c.minConf, c.maxConf)
		}
	}
}

func ExampleGuess() {
	tag, conf := Guess("Dear colleagues, the meeting is open.")
	fmt.Printf("%v %.2f\n", tag, conf)
	tag, conf = Guess("Уважаемые коллеги, заседание открыто, и мы начинаем.")
	fmt.Printf("%v %.2f\n", tag, conf)
	// Output:
	// en 1.00
	// ru 1.00
}
