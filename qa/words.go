package qa

import (
	"bufio"
	_ "embed"
	"os"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/align-tools/align/lang"
)

//go:embed tables/words-en.txt
var wordsEN string

// SystemWordList is read, when present, as an extra English word list
// (Debian package wamerican). Only its lower-case entries of three
// letters or more are used: the short ones are mostly abbreviations
// ("fr", "om") that would hide split words.
const SystemWordList = "/usr/share/dict/words"

// englishWords is the project's word list and, when present, the system
// one, lower-cased.
var englishWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(wordsEN, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			m[strings.ToLower(w)] = true
		}
	}
	if f, err := os.Open(SystemWordList); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			w := sc.Text()
			if utf8.RuneCountInString(w) >= 3 && w == strings.ToLower(w) && !strings.ContainsAny(w, "'") {
				m[w] = true
			}
		}
	}
	return m
})

// isEnglishWord reports whether the lower-case word w is in the word
// lists, directly or as a regular inflection of a listed word.
func isEnglishWord(w string) bool {
	m := englishWords()
	if m[w] {
		return true
	}
	try := func(stem string) bool { return len(stem) >= 3 && m[stem] }
	for _, suf := range []string{"s", "es", "ed", "ing", "ly", "er", "est", "ers", "ings", "ness", "ment", "ments"} {
		if !strings.HasSuffix(w, suf) {
			continue
		}
		st := w[:len(w)-len(suf)]
		if try(st) || try(st+"e") {
			return true
		}
		// A doubled final consonant: "stopped", "planning".
		if n := len(st); n >= 4 && st[n-1] == st[n-2] && try(st[:n-1]) {
			return true
		}
	}
	for _, p := range [][2]string{{"ies", "y"}, {"ied", "y"}, {"ily", "y"}, {"ier", "y"}, {"iest", "y"}} {
		if strings.HasSuffix(w, p[0]) && try(w[:len(w)-len(p[0])]+p[1]) {
			return true
		}
	}
	return false
}

// appendLower appends strings.ToLower(s) to b.
func appendLower(b []byte, s string) []byte {
	for _, r := range s {
		b = utf8.AppendRune(b, toLower(r))
	}
	return b
}

// isLatinWord reports whether s is made of Latin letters only.
func isLatinWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !lang.IsLatin(r) {
			return false
		}
	}
	return true
}

// isCyrillicWord reports whether s is made of Cyrillic letters only.
func isCyrillicWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !lang.IsCyrillic(r) {
			return false
		}
	}
	return true
}
