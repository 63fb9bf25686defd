package qa

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Glossary lists terms and how they must be translated, read from a
// TSV file (--glossary FILE): one term a line, the Russian term, a tab,
// the English rendering; several accepted renderings are separated by
// "|"; an optional third column is a note shown with the finding. Blank
// lines and lines starting with "#" are comments. Example:
//
//	ОДКБ	CSTO	Collective Security Treaty Organization
//	Совет коллективной безопасности	Collective Security Council
//
// A Russian term matches whatever inflection the text uses: each of its
// words matches a word of the text that starts with the same stem
// (the word less its last two letters when it is longer than four). An
// English rendering matches case-insensitively at word boundaries,
// allowing a plural or possessive ending.
type Glossary struct {
	Terms []Term
}

// Term is one glossary entry.
type Term struct {
	Src  string   // the Russian term
	Tgt  []string // accepted English renderings
	Note string
	Line int // line in the glossary file
}

// ParseGlossary reads a glossary; name is used in error messages.
func ParseGlossary(r io.Reader, name string) (*Glossary, error) {
	g := &Glossary{}
	err := eachRule(r, name, func(n int, line string) error {
		cols := strings.Split(line, "\t")
		if len(cols) < 2 || strings.TrimSpace(cols[0]) == "" || strings.TrimSpace(cols[1]) == "" {
			return fmt.Errorf("qa: %s:%d: a glossary line is the Russian term, a tab and the English term; got %q", name, n, line)
		}
		t := Term{Src: strings.TrimSpace(cols[0]), Line: n}
		for _, alt := range strings.Split(cols[1], "|") {
			if alt = strings.TrimSpace(alt); alt != "" {
				t.Tgt = append(t.Tgt, alt)
			}
		}
		if len(cols) > 2 {
			t.Note = strings.TrimSpace(strings.Join(cols[2:], " "))
		}
		g.Terms = append(g.Terms, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// eachRule calls f with every line of a rule file (glossary, ignore
// file) that is not blank nor a comment ("#"), with its 1-based number,
// without its line end and a leading byte-order mark.
func eachRule(r io.Reader, name string, f func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if err := f(n, line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("qa: %s: %w; a line is longer than 1 MiB?", name, err)
	}
	return nil
}

// wordSpan is a word of a text: a maximal run of letters and digits.
type wordSpan struct {
	Start, End int
}

// words returns the words of s in order; apostrophes and hyphens end a
// word.
func words(s string) []wordSpan { return appendWords(nil, s) }

// appendWords appends the words of s to dst, as words returns them, so
// that a check can reuse one slice for every segment.
func appendWords(dst []wordSpan, s string) []wordSpan {
	start := -1
	for i := 0; i < len(s); {
		var w bool
		n := 1
		if c := s[i]; c < utf8.RuneSelf {
			w = isASCIIAlnum(c)
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			w = inWord(r)
		}
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			dst = append(dst, wordSpan{start, i})
			start = -1
		}
		i += n
	}
	if start >= 0 {
		dst = append(dst, wordSpan{start, len(s)})
	}
	return dst
}

// inWord reports whether r belongs to a word: a letter, a digit or a
// combining mark. The letters of ASCII and of the Russian alphabet are
// answered without the Unicode tables.
func inWord(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return isASCIIAlnum(byte(r))
	case isRussianLetter(r):
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isRussianLetter reports whether r is a letter of the Russian alphabet
// (А-я, Ё, ё), all of them Cyrillic letters.
func isRussianLetter(r rune) bool { return r >= 'А' && r <= 'я' || r == 'ё' || r == 'Ё' }

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// stem returns the part of a lower-cased Russian word that stays under
// inflection, roughly: the word less its last two letters when longer
// than four letters, less one when longer than three.
func stem(w string) string {
	n := utf8.RuneCountInString(w)
	cut := 0
	switch {
	case n > 4:
		cut = 2
	case n > 3:
		cut = 1
	}
	rs := []rune(w)
	return string(rs[:n-cut])
}

// findSrcTerm finds the Russian term in text and returns its span.
func findSrcTerm(text, term string) (int, int, bool) {
	tw := words(term)
	if len(tw) == 0 {
		return 0, 0, false
	}
	stems := make([]string, len(tw))
	exact := make([]bool, len(tw))
	for i, w := range tw {
		word := term[w.Start:w.End]
		lw := strings.ToLower(word)
		// An all-caps abbreviation (ОДКБ) does not inflect in writing.
		exact[i] = word == strings.ToUpper(word) && utf8.RuneCountInString(word) > 1
		if exact[i] {
			stems[i] = lw
		} else {
			stems[i] = stem(lw)
		}
	}
	xs := words(text)
	for i := 0; i+len(tw) <= len(xs); i++ {
		ok := true
		for j := range tw {
			w := strings.ToLower(text[xs[i+j].Start:xs[i+j].End])
			if exact[j] && w != stems[j] || !exact[j] && !strings.HasPrefix(w, stems[j]) {
				ok = false
				break
			}
		}
		if ok {
			return xs[i].Start, xs[i+len(tw)-1].End, true
		}
	}
	return 0, 0, false
}

// containsTgtTerm reports whether text holds term as words, ignoring
// case, allowing "s", "es" or "'s" after its last word.
func containsTgtTerm(text, term string) bool {
	lt, lterm := strings.ToLower(text), strings.ToLower(term)
	for off := 0; ; {
		i := strings.Index(lt[off:], lterm)
		if i < 0 {
			return false
		}
		i += off
		end := i + len(lterm)
		before, _ := utf8.DecodeLastRuneInString(lt[:i])
		rest := lt[end:]
		for _, suf := range []string{"'s", "’s", "es", "s"} {
			if strings.HasPrefix(rest, suf) {
				rest = rest[len(suf):]
				break
			}
		}
		after, _ := utf8.DecodeRuneInString(rest)
		if (i == 0 || !isWordRune(before)) && (rest == "" || !isWordRune(after)) {
			return true
		}
		off = i + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
