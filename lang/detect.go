package lang

import (
	"bufio"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
)

// Guess tells Russian from English text, so that a pipeline can warn when
// a file sits in the wrong folder. It is deliberately simple and
// explainable; it knows only these two languages.
//
// Two shares are measured, each between 0 (all English) and 1 (all
// Russian):
//
//   - script: Cyrillic letters / (Cyrillic + Latin letters);
//   - words: Russian function words / (Russian + English function words),
//     counting the words of tables/words-ru.txt and tables/words-en.txt
//     ("и", "в", "что"; "the", "of", "and"). When neither kind occurs,
//     this share is 0.5: no evidence either way, which caps the
//     confidence of such text (transliterated Russian, a list of names)
//     at 0.7.
//
// The Russian score is 0.7·script + 0.3·words. Guess returns
// language.Russian when the score is at least 0.5 and language.English
// otherwise, with a confidence of |score − 0.5|·2, between 0 and 1: 1 for
// pure text of one language, near 0 for an even mixture. Text without
// Cyrillic or Latin letters gives language.Und and 0.
func Guess(text string) (language.Tag, float64) {
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
	if cyr+lat == 0 {
		return language.Und, 0
	}
	script := float64(cyr) / float64(cyr+lat)
	share := 0.5 // no evidence either way
	if ruWords+enWords > 0 {
		share = float64(ruWords) / float64(ruWords+enWords)
	}
	score := 0.7*script + 0.3*share
	if score >= 0.5 {
		return language.Russian, (score - 0.5) * 2
	}
	return language.English, (0.5 - score) * 2
}

// functionWords returns the function words of each language, lower case,
// from tables/words-{ru,en}.txt, read once.
var functionWords = sync.OnceValue(func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for _, l := range []string{"ru", "en"} {
		name := "tables/words-" + l + ".txt"
		f, err := tablesFS.Open(name)
		if err != nil {
			panic("lang: missing table " + name)
		}
		set := map[string]bool{}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w := strings.TrimSpace(sc.Text())
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			set[strings.ToLower(w)] = true
		}
		f.Close()
		m[l] = set
	}
	return m
})
