package lang

import (
	"bufio"
	"embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Span is a byte range [Start, End) of a text.
type Span struct {
	Start, End int
}

// Sentence is one sentence of a text: a byte span with no leading or
// trailing white space, and the number of the paragraph it belongs to
// (0-based, counted over the whole text).
type Sentence struct {
	Start, End int
	Para       int
}

// Paragraphs splits text into paragraphs. A paragraph is a run of
// non-blank lines when the text separates paragraphs by blank lines, and
// a single line otherwise. Spans are trimmed of white space; blank
// paragraphs are not returned.
func Paragraphs(text string) []Span {
	blankSep := strings.Contains(text, "\n\n") || hasBlankLine(text)
	var out []Span
	start := -1 // start of current paragraph, -1 when none
	end := 0
	pos := 0
	for pos <= len(text) {
		nl := strings.IndexByte(text[pos:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = pos + nl
		}
		line := text[pos:lineEnd]
		blank := strings.TrimSpace(line) == ""
		if blank || !blankSep {
			if start >= 0 {
				out = append(out, trimSpan(text, start, end))
				start = -1
			}
		}
		if !blank {
			if start < 0 {
				start = pos
			}
			end = lineEnd
		}
		if nl < 0 {
			break
		}
		pos = lineEnd + 1
	}
	if start >= 0 {
		out = append(out, trimSpan(text, start, end))
	}
	return out
}

func hasBlankLine(text string) bool {
	for _, line := range strings.Split(text, "\n") {
		if line != "" && strings.TrimSpace(line) == "" {
			return true
		}
	}
	return false
}

func trimSpan(text string, start, end int) Span {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return Span{start, end}
}

// Split splits text into sentences by the rules of the language tag
// (abbreviations, initials, numbers). Sentences never cross a paragraph
// boundary. Every byte of text that is not white space belongs to
// exactly one sentence, and the sentences are in text order.
func Split(tag language.Tag, text string) []Sentence {
	rules := rulesFor(tag)
	var out []Sentence
	for p, para := range Paragraphs(text) {
		for _, s := range rules.splitParagraph(text, para) {
			out = append(out, Sentence{Start: s.Start, End: s.End, Para: p})
		}
	}
	return out
}

// SplitLines takes every non-blank line of text as one sentence, as is
// (apart from surrounding white space), and every line as its own
// paragraph. It is the reading of presplit text.
func SplitLines(text string) []Sentence {
	var out []Sentence
	pos := 0
	for pos < len(text) {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		sp := trimSpan(text, pos, end)
		if sp.Start < sp.End {
			out = append(out, Sentence{Start: sp.Start, End: sp.End, Para: len(out)})
		}
		pos = end + 1
	}
	return out
}

//go:embed tables/abbrev-*.txt
var abbrevFS embed.FS

type rules struct {
	abbrev map[string]bool // lower-cased abbreviations without the final period
}

var loadRules = sync.OnceValue(func() map[string]*rules {
	m := map[string]*rules{}
	for _, l := range []string{"ru", "en"} {
		r := &rules{abbrev: map[string]bool{}}
		f, err := abbrevFS.Open("tables/abbrev-" + l + ".txt")
		if err != nil {
			panic("lang: missing abbreviation table for " + l)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			r.abbrev[strings.ToLower(strings.TrimSuffix(line, "."))] = true
		}
		f.Close()
		m[l] = r
	}
	return m
})

func rulesFor(tag language.Tag) *rules {
	base, _ := tag.Base()
	m := loadRules()
	if r, ok := m[base.String()]; ok {
		return r
	}
	return m["en"]
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '»', '”', '’', ')', ']', '}', '“':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '«', '“', '„', '‘', '(', '[', '—', '–', '-', '*', '•':
		return true
	}
	return false
}

// splitParagraph returns the sentence spans inside one paragraph.
func (ru *rules) splitParagraph(text string, para Span) []Span {
	var out []Span
	start := para.Start
	i := para.Start
	for i < para.End {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != '.' && r != '?' && r != '!' && r != '…' && r != '\n' {
			i += n
			continue
		}
		if r == '\n' {
			// A line break inside a paragraph ends a sentence when the next
			// line starts a list item.
			j := skipSpace(text, i+1, para.End)
			if j < para.End && startsListItem(text[j:para.End]) {
				out = appendSpan(out, text, start, i)
				start = j
			}
			i += n
			continue
		}
		// Extend over a run of terminal punctuation and closers.
		end := i + n
		for end < para.End {
			r2, n2 := utf8.DecodeRuneInString(text[end:])
			if r2 == '.' || r2 == '?' || r2 == '!' || r2 == '…' || isCloser(r2) {
				end += n2
				continue
			}
			break
		}
		next := skipSpace(text, end, para.End)
		if next == end && end < para.End {
			// No space after: decimals, dates, URLs, "U.S.".
			i = end
			continue
		}
		if next >= para.End {
			break
		}
		if r == '.' && ru.noBreakAfter(text, start, i) {
			i = end
			continue
		}
		nr, _ := utf8.DecodeRuneInString(text[next:])
		if unicode.IsLower(nr) {
			i = end
			continue
		}
		if !(unicode.IsUpper(nr) || unicode.IsDigit(nr) || isOpener(nr) || unicode.IsPunct(nr)) {
			i = end
			continue
		}
		out = appendSpan(out, text, start, end)
		start = next
		i = next
	}
	return appendSpan(out, text, start, para.End)
}

func appendSpan(out []Span, text string, start, end int) []Span {
	sp := trimSpan(text, start, end)
	if sp.Start < sp.End {
		out = append(out, sp)
	}
	return out
}

func skipSpace(text string, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// noBreakAfter reports whether the period at dot ends an abbreviation or
// an initial rather than a sentence.
func (ru *rules) noBreakAfter(text string, start, dot int) bool {
	w := dot
	for w > start {
		r, n := utf8.DecodeLastRuneInString(text[start:w])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		w -= n
	}
	word := text[w:dot]
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r) // an initial: "N. Pashinyan", "В. Путин"
	}
	if strings.Contains(word, ".") {
		// "U.S", "В.В", "т.е": letters joined by periods.
		parts := strings.Split(word, ".")
		short := true
		for _, p := range parts {
			if utf8.RuneCountInString(p) > 2 {
				short = false
			}
		}
		if short {
			return true
		}
		word = parts[len(parts)-1]
	}
	return ru.abbrev[strings.ToLower(word)]
}

func startsListItem(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '•', '*', '–', '—':
		return true
	}
	if unicode.IsDigit(r) {
		j := n
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		return j < len(s) && (s[j] == '.' || s[j] == ')')
	}
	return false
}
