package lang

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// Pathological inputs: each must finish quickly (a quadratic splitter
// would take minutes on them) and keep the invariant. No timing is
// asserted; BenchmarkSplit gives the figures.

func TestBigSentenceWithoutPunctuation(t *testing.T) {
	text := strings.Repeat("слово без точки ", 1<<20/len("слово без точки "))
	ss := Split(language.Russian, text)
	if len(ss) != 1 {
		t.Fatalf("%d sentences, want 1", len(ss))
	}
	if err := checkSentences(text, ss); err != nil {
		t.Fatal(err)
	}
}

func TestBigPeriods(t *testing.T) {
	for _, c := range []struct {
		name, unit string
	}{
		{"periods", "."},
		{"spaced periods", ". "},
		{"initials", "A. "},
		{"dotted letters", "a.b."},
		{"abbreviations", "т. е. "},
		{"question marks", "? "},
		{"openers", "(«— "},
		{"letters", "Б. в. "},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := strings.Repeat(c.unit, 60000)
			for _, tag := range []language.Tag{language.Russian, language.English} {
				if err := checkSentences(text, Split(tag, text)); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

func TestBigLines(t *testing.T) {
	// 60,000 short lines, 60,000 wrapped lines and 60,000 blank lines.
	for _, unit := range []string{"Да.\n", "the text goes on and on\n", "\n", "- item\n"} {
		text := strings.Repeat(unit, 60000)
		if err := checkSentences(text, Split(language.English, text)); err != nil {
			t.Fatal(err)
		}
		if err := checkSpans(text, Paragraphs(text)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBigSingleLine(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB line: skipped under -short")
	}
	unit := "Мы обсудили торговлю, энергетику и т. д. В.В. Путин открыл заседание 16.05.2022. "
	text := strings.Repeat(unit, 50<<20/len(unit))
	ss := Split(language.Russian, text)
	if want := 2 * strings.Count(text, unit); len(ss) != want {
		t.Fatalf("%d sentences, want %d", len(ss), want)
	}
	if err := checkSentences(text, ss); err != nil {
		t.Fatal(err)
	}
	if n := Normalize(text); len(n) != len(text) {
		t.Fatalf("Normalize changed clean text: %d bytes, want %d", len(n), len(text))
	}
}

// benchText returns about size bytes of speech-like text with paragraphs.
func benchText(size int) string {
	para := "Уважаемые коллеги! В 2021–2022 гг. бюджет Организации вырос на 1.5 процента, т. е. до 15 млн. рублей. " +
		"А.Г. Лукашенко и Н.Пашинян обсудили торговлю, энергетику и т. д. Заявление принято 16.05.2022. «Мы готовы», — сказал он.\n\n"
	return strings.Repeat(para, max(1, size/len(para)))
}

func BenchmarkSplit(b *testing.B) {
	for _, size := range []int{1 << 10, 64 << 10, 1 << 20, 16 << 20} {
		text := benchText(size)
		b.Run(fmt.Sprintf("ru/%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				Split(language.Russian, text)
			}
		})
	}
	for _, c := range []struct{ name, text string }{
		{"periods-60000", strings.Repeat(".", 60000)},
		{"initials-60000", strings.Repeat("A. ", 60000)},
		{"no-punctuation-1MB", strings.Repeat("word ", 1<<20/5)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for b.Loop() {
				Split(language.English, c.text)
			}
		})
	}
}

func BenchmarkNormalize(b *testing.B) {
	for _, size := range []int{64 << 10, 1 << 20} {
		clean := benchText(size)
		dirty := strings.ReplaceAll(strings.ReplaceAll(clean, "\n", "\r\n"), " ", "\u00a0")
		for _, c := range []struct{ name, text string }{{"clean", clean}, {"crlf-nbsp", dirty}} {
			b.Run(fmt.Sprintf("%s/%dKB", c.name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(c.text)))
				b.ReportAllocs()
				for b.Loop() {
					Normalize(c.text)
				}
			})
		}
	}
}
