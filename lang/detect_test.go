package lang

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/align-tools/align/internal/shared"
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

// guessReference counts as Guess first did, with the Unicode tables for
// every character and strings.ToLower for every word; Guess must agree
// with it.
func guessReference(text string) (language.Tag, float64) {
	var cyr, lat, ruWords, enWords int
	words := functionWords()
	start := -1
	word := func(end int) {
		w := strings.ToLower(text[start:end])
		if words["ru"][w] {
			ruWords++
		}
		if words["en"][w] {
			enWords++
		}
		start = -1
	}
	for i, r := range text {
		if !unicode.IsLetter(r) {
			if start >= 0 {
				word(i)
			}
			continue
		}
		if start < 0 {
			start = i
		}
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.Is(unicode.Latin, r):
			lat++
		}
	}
	if start >= 0 {
		word(len(text))
	}
	return guessFrom(cyr, lat, ruWords, enWords)
}

func TestLetterScript(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		letter, script := letterScript(r)
		want := otherScript
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			want = cyrillic
		case unicode.Is(unicode.Latin, r):
			want = latin
		}
		if l := unicode.IsLetter(r); letter != l || l && script != want {
			t.Fatalf("letterScript(%U) = %v, %d; want %v, %d", r, letter, script, l, want)
		}
	}
}

func TestToLower(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := ToLower(r), unicode.ToLower(r); got != want {
			t.Fatalf("ToLower(%U) = %U, want %U", r, got, want)
		}
	}
}

func TestHasLower(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{{"", false}, {"NATO", false}, {"ОДКБ", false}, {"Nato", true}, {"Путин", true}, {"2022", false}} {
		if got := HasLower(c.s); got != c.want {
			t.Errorf("HasLower(%q) = %v", c.s, got)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if s := "AB" + string(r); HasLower(s) != (strings.ToUpper(s) != s) {
			t.Fatalf("HasLower(%q) = %v", s, HasLower(s))
		}
	}
}

// TestGuessAgrees compares Guess with guessReference on random mixtures
// of words of both tables, capitals, letters of other scripts and
// invalid UTF-8.
func TestGuessAgrees(t *testing.T) {
	var pieces []string
	for _, l := range []string{"ru", "en"} {
		for w := range functionWords()[l] {
			pieces = append(pieces, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
		}
	}
	sort.Strings(pieces) // map order must not decide what is tested
	pieces = append(pieces, " ", " ", ". ", "\n", "Путин", "Kassym-Jomart", "ΑΒΓ", "İstanbul", "\xff", "ǅ", "ё", "Ё", "café", "123", "КОТОРЫЙ", "Ⅻ", "Ⓐ", "\u0485", "ﬁ")
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 2000; n++ {
		var sb strings.Builder
		for k := rng.Intn(40); k >= 0; k-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
			if rng.Intn(3) == 0 {
				sb.WriteByte(' ')
			}
		}
		text := sb.String()
		gt, gc := Guess(text)
		wt, wc := guessReference(text)
		if gt != wt || gc != wc {
			t.Fatalf("Guess(%q) = %v %v, reference %v %v", text, gt, gc, wt, wc)
		}
	}
}

// TestGuessAgreesOnAlignDev compares Guess with guessReference on every
// document of ../shared/align-dev, whole and line by line.
func TestGuessAgreesOnAlignDev(t *testing.T) {
	dir := shared.Dir(t, "align-dev")
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.[re][un]"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no documents in %s", dir)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range append([]string{string(b)}, strings.Split(string(b), "\n")...) {
			gt, gc := Guess(text)
			wt, wc := guessReference(text)
			if gt != wt || gc != wc {
				t.Fatalf("%s: Guess(%.60q) = %v %v, reference %v %v", f, text, gt, gc, wt, wc)
			}
		}
	}
}

func TestAppendLower(t *testing.T) {
	for _, s := range []string{"", "ABC abc", "ПУТИН Ёлка ЀЏ", "İstanbul", "ǅ", "\xff\xfeA", "ΑΒΓ", "Ⓐ", "K"} {
		if got, want := string(AppendLower([]byte("x"), s)), "x"+strings.ToLower(s); got != want {
			t.Errorf("AppendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestIsNormalTwoBytes compares isNormal, which passes over two-byte
// Cyrillic letters without decoding them, with the plain loop on every
// pair of bytes that starts with D0 or D1, alone and followed by text.
func TestIsNormalTwoBytes(t *testing.T) {
	plain := func(s string) bool {
		stable := true
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == '\r' || r == utf8.RuneError && n == 1 || isInvisible(r) || mapSpace(r) != r {
				return false
			}
			stable = stable && stableNFC(r)
			i += n
		}
		return stable || norm.NFC.IsNormalString(s)
	}
	for _, lead := range []byte{0xD0, 0xD1} {
		for b := 0; b < 256; b++ {
			for _, s := range []string{string([]byte{lead, byte(b)}), string([]byte{lead, byte(b)}) + "é\u0301", "a" + string([]byte{lead, byte(b)}) + "\u0308"} {
				if got, want := isNormal(s), plain(s); got != want {
					t.Fatalf("isNormal(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}

// BenchmarkGuess measures Guess on the sample speeches of both languages.
func BenchmarkGuess(b *testing.B) {
	root := shared.Root()
	if root == "" {
		b.Fatal("no go.mod above the working directory")
	}
	files, err := filepath.Glob(filepath.Join(root, "testdata", "speeches", "*", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no sample speeches: %v", err)
	}
	var texts []string
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Guess(t)
		}
	}
}

func TestEnglishName(t *testing.T) {
	for tag, want := range map[string]string{"ru": "Russian", "en": "English", "uk": "Ukrainian", "de": "German"} {
		if got := EnglishName(language.Make(tag)); got != want {
			t.Errorf("EnglishName(%s) = %q, want %q", tag, got, want)
		}
	}
}
