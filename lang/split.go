package lang

import (
	"bufio"
	"embed"
	"fmt"
	"io"
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

// The results of Paragraphs, Split and SplitLines share one invariant,
// which the tests and fuzz targets check on every result: the spans are
// in text order, do not overlap, lie inside the text, start and end on a
// rune boundary, begin and end with a character that is not white space
// (unicode.IsSpace), and every byte of the text that is not part of a
// white-space character belongs to exactly one span. Paragraph numbers of
// sentences start at 0 and grow by one at each new paragraph. All three
// run in time linear in the length of the text.

// Paragraphs splits text into paragraphs. The text is cut into blocks at
// blank lines (lines holding only white space). Inside a block, each line
// is its own paragraph (the usual layout of transcripts and web pages:
// one paragraph per line), except that two lines are joined into one
// paragraph when
//
//   - the first does not end a sentence (no . ! ? … : ; at its end, quotes
//     and brackets aside) and the second starts with a lower-case letter:
//     a sentence broken across lines; or
//   - the block is hard-wrapped and the first line is long, at least 60%
//     of the block's longest line. A block is hard-wrapped when it has
//     three lines or more, none longer than 160 characters, and more than
//     half of its line breaks follow a long line that does not end a
//     sentence. A short line in a hard-wrapped block ends its paragraph,
//     so a heading above wrapped text stays apart.
//
// A line that starts a list item ("- ", "• ", "1. ", "2) ") always starts
// a paragraph. Spans are trimmed of white space; blank paragraphs are not
// returned.
func Paragraphs(text string) []Span {
	// Paragraphs are mostly set apart by blank lines: room for one in
	// two line breaks saves growing the result many times.
	out := make([]Span, 0, strings.Count(text, "\n")/2+1)
	var block []Span // trimmed non-blank lines of the current block
	pos := 0
	for {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		if sp := trimSpan(text, pos, end); sp.Start < sp.End {
			block = append(block, sp)
		} else {
			out = appendBlock(out, text, block)
			block = block[:0]
		}
		if nl < 0 {
			break
		}
		pos = end + 1
	}
	return appendBlock(out, text, block)
}

// appendBlock appends the paragraphs of one block of non-blank lines.
func appendBlock(out []Span, text string, lines []Span) []Span {
	if len(lines) < 2 {
		for _, l := range lines {
			out = append(out, l)
		}
		return out
	}
	widths := make([]int, len(lines))
	maxw := 0
	for i, l := range lines {
		widths[i] = utf8.RuneCountInString(text[l.Start:l.End])
		maxw = max(maxw, widths[i])
	}
	long := func(i int) bool { return widths[i]*5 >= maxw*3 }
	wrapLike := 0
	for i := range len(lines) - 1 {
		if long(i) && !endsLine(text[lines[i].Start:lines[i].End]) {
			wrapLike++
		}
	}
	// Two lines are too few to tell wrapping from a heading over a line;
	// lines longer than maxWrap are paragraphs, not wrapped text.
	wrapped := len(lines) > 2 && maxw <= maxWrap && 2*wrapLike > len(lines)-1
	start := lines[0].Start
	for i := range len(lines) - 1 {
		prev, next := text[lines[i].Start:lines[i].End], text[lines[i+1].Start:lines[i+1].End]
		join := false
		switch {
		case startsListItem(next):
		case !endsLine(prev) && startsLower(next):
			join = true
		case wrapped && long(i):
			join = true
		}
		if !join {
			out = append(out, Span{start, lines[i].End})
			start = lines[i+1].Start
		}
	}
	return append(out, Span{start, lines[len(lines)-1].End})
}

// maxWrap is the longest line, in characters, of text taken as
// hard-wrapped.
const maxWrap = 160

// endsLine reports whether a trimmed line ends as a sentence or a clause
// that introduces what follows: with . ! ? … : or ; before any closing
// quotes, brackets or asterisks.
func endsLine(line string) bool {
	for line != "" {
		r, n := utf8.DecodeLastRuneInString(line)
		switch {
		case isTerminal(r) || r == ':' || r == ';':
			return true
		case isCloser(r) || r == '*':
			line = line[:len(line)-n]
		default:
			return false
		}
	}
	return false
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
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

// Split splits text into sentences by the rules of the language tag.
// Russian and English have rules of their own; other languages get the
// English ones. Sentences never cross a paragraph boundary (see
// Paragraphs); inside a paragraph, line breaks count as spaces.
//
// A sentence ends after a run of terminal punctuation (. ? ! … and
// doubled or spaced periods such as ".." or ". ."), with the closing
// quotes and brackets that follow it (».  .”  ?!»  .)), when white space
// follows and the first letter or digit after it, past any dashes,
// quotes, brackets and other marks, is an upper-case letter, a digit or a
// letter of a script without case. It does not end
//
//   - before a lower-case letter, also after a dash or a quote, so direct
//     speech keeps its author's words: "— Готовы? — спросил он.";
//   - where no space follows the punctuation: 1.5, 16.05.2022, U.S.,
//     А.Г.Лукашенко, cronos.asia;
//   - after an abbreviation of the language's table (tables/abbrev-*.txt,
//     whose header explains the classes: Mr., им., т. е. never end a
//     sentence; etc., и т. д., млн do when a capital follows);
//   - after an initial or an unlisted dotted abbreviation (В. В. Путин,
//     N. Pashinyan, U.S. President), unless the next word is a common
//     function word of the language written with a capital, which starts
//     a sentence far more often than it follows an initial;
//   - after a list number or Roman numeral that opens the sentence
//     ("1. Первое", "II. Scope");
//   - before text that holds no letter or digit up to the end of the
//     paragraph, so stray marks such as "* *" stay with the sentence they
//     follow.
//
// A speaker label stays with the first sentence of the turn:
// "Н.Пашинян: Спасибо." is one sentence. The result holds the invariant
// stated above.
func Split(tag language.Tag, text string) []Sentence {
	r := rulesFor(tag)
	out := make([]Sentence, 0, len(text)/128+1) // sentences run to some 100 bytes
	for p, para := range Paragraphs(text) {
		out = r.splitParagraph(out, text, para, p)
	}
	return out
}

// SplitLines takes every non-blank line of text as one sentence, as is
// (apart from surrounding white space), and every line as its own
// paragraph. It is the reading of presplit text. The result holds the
// invariant stated above.
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

// abbrevClass says how an abbreviation behaves before a capital.
type abbrevClass uint8

const (
	classPrefix abbrevClass = iota // never ends a sentence
	classEnd                       // may end a sentence
	classNum                       // an abbreviation only before a number
	classUnit                      // classEnd after a number, classPrefix otherwise
)

var classNames = map[string]abbrevClass{
	"prefix": classPrefix, "end": classEnd, "num": classNum, "unit": classUnit,
}

//go:embed tables/abbrev-*.txt tables/words-*.txt
var tablesFS embed.FS

// rules are the splitting rules of one language.
type rules struct {
	abbrev   map[string]abbrevClass // lower-cased, parts joined by "."
	starters map[string]bool        // lower-cased function words
}

// parseAbbrev reads an abbreviation table: one abbreviation per line,
// optionally followed by a class name; '#' starts a comment line.
func parseAbbrev(name string, r io.Reader) (map[string]abbrevClass, error) {
	m := map[string]abbrevClass{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		class := classPrefix
		// The class, when given, is the last field; the entry may hold one
		// space ("и др", "et al").
		if c, ok := classNames[f[len(f)-1]]; ok && len(f) > 1 {
			class = c
			f = f[:len(f)-1]
		}
		if len(f) > 2 {
			return nil, fmt.Errorf("lang: %s:%d: %q: want an abbreviation (at most two words) and an optional class (prefix, end, num, unit)", name, n, line)
		}
		key := strings.ToLower(strings.Join(f, " "))
		if strings.HasSuffix(key, ".") || strings.Contains(key, ". ") {
			return nil, fmt.Errorf("lang: %s:%d: %q: write the abbreviation without its final period and its parts without spaces (т.е)", name, n, line)
		}
		if _, dup := m[key]; dup {
			return nil, fmt.Errorf("lang: %s:%d: %q is listed twice; keep one", name, n, key)
		}
		m[key] = class
	}
	return m, sc.Err()
}

var loadRules = sync.OnceValue(func() map[string]*rules {
	m := map[string]*rules{}
	for _, l := range []string{"ru", "en"} {
		name := "tables/abbrev-" + l + ".txt"
		f, err := tablesFS.Open(name)
		if err != nil {
			panic("lang: missing table " + name)
		}
		ab, err := parseAbbrev(name, f)
		f.Close()
		if err != nil {
			panic(err) // the embedded tables are checked by TestTables
		}
		m[l] = &rules{abbrev: ab, starters: functionWords()[l]}
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

func isTerminal(r rune) bool {
	return r == '.' || r == '?' || r == '!' || r == '…'
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '»', '”', '’', ')', ']', '}', '“':
		return true
	}
	return false
}

// splitParagraph appends the sentences of one paragraph to out.
func (ru *rules) splitParagraph(out []Sentence, text string, para Span, p int) []Sentence {
	start := para.Start
	i := para.Start
	pe := para.End
	for i < pe {
		i = nextTerminal(text, i, pe)
		if i >= pe {
			break
		}
		end := runEnd(text, i, pe)
		if end >= pe {
			break
		}
		if r, _ := utf8.DecodeRuneInString(text[end:]); !unicode.IsSpace(r) {
			i = end // no space after: 1.5, U.S., А.Г.Лукашенко
			continue
		}
		next := skipSpace(text, end, pe)
		brk, k := ru.breaks(text, start, i, end, next, pe)
		if brk {
			out = appendSentence(out, text, start, end, p)
			start = next
		}
		i = k // what lies between holds no letter or digit: no boundary there
	}
	return appendSentence(out, text, start, pe, p)
}

// nextTerminal returns the position of the first . ? ! or … in
// text[i:pe], or pe.
func nextTerminal(text string, i, pe int) int {
	for ; i < pe; i++ {
		if !terminalByte[text[i]] {
			continue
		}
		if text[i] != 0xE2 || strings.HasPrefix(text[i:pe], "…") {
			return i
		}
	}
	return pe
}

// terminalByte marks . ? ! and 0xE2, the first byte of "…" (E2 80 A6).
var terminalByte = [256]bool{'.': true, '?': true, '!': true, 0xE2: true}

// runEnd returns the end of the run of terminal punctuation starting at
// i: further terminal marks, closing quotes and brackets, and periods set
// off by spaces (". .").
func runEnd(text string, i, pe int) int {
	e := i
	for e < pe {
		r, n := utf8.DecodeRuneInString(text[e:])
		if isTerminal(r) || isCloser(r) {
			e += n
			continue
		}
		if unicode.IsSpace(r) {
			k := skipSpace(text, e, pe)
			if k < pe && text[k] == '.' {
				e = k
				continue
			}
		}
		break
	}
	return e
}

// breaks decides whether the punctuation run [dot, end) ends the sentence
// that began at start; next is the first non-space byte after it. It
// also returns where the first letter or digit after next is (or pe).
func (ru *rules) breaks(text string, start, dot, end, next, pe int) (bool, int) {
	// The first letter or digit of what follows, past dashes, quotes,
	// brackets and further punctuation.
	k := next
	var lr rune
	for k < pe {
		r, n := utf8.DecodeRuneInString(text[k:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			lr = r
			break
		}
		k += n
	}
	if k >= pe || unicode.IsLower(lr) {
		return false, k
	}
	// Only a single period directly after a word can end an abbreviation.
	if text[dot] != '.' || dot == start {
		return true, k
	}
	if end > dot+1 {
		if r, _ := utf8.DecodeRuneInString(text[dot+1:]); isTerminal(r) {
			return true, k
		}
	}
	digit := unicode.IsDigit(lr)
	switch ru.classify(text, start, dot) {
	case kindPrefix, kindListNumber:
		return false, k
	case kindNum:
		return !digit, k
	case kindEnd:
		return !digit && !wordAllCaps(text, k, pe), k
	case kindInitial:
		return !digit && ru.startsSentence(text, k, pe), k
	}
	return true, k
}

type wordKind uint8

const (
	kindWord       wordKind = iota // an ordinary word or number
	kindPrefix                     // an abbreviation that never ends a sentence
	kindEnd                        // an abbreviation that may end one
	kindNum                        // an abbreviation before numbers
	kindInitial                    // an initial or an unlisted dotted abbreviation
	kindListNumber                 // "1." or "IV." opening the sentence
)

// maxPart bounds the letters read back from a period, keeping the
// splitter linear on text without spaces.
const maxPart = 24

// classify tells what the word before the period at dot is. It reads back
// at most four dotted parts ("т. е", "U.S", "В.В") and the word before
// them.
func (ru *rules) classify(text string, start, dot int) wordKind {
	var arr [4]string // the parts, nearest to dot first
	parts := arr[:0]
	w := dot
	spaced := false
	for len(parts) < len(arr) {
		b, n := lettersBefore(text, start, w)
		if n == 0 || n > maxPart {
			break
		}
		if len(parts) > 0 {
			prevLen := utf8.RuneCountInString(parts[len(parts)-1])
			if spaced && (n > 1 || prevLen > 1) || !spaced && (n > 4 || prevLen > 4) {
				break
			}
		}
		parts = append(parts, text[b:w])
		switch {
		case b > start && text[b-1] == '.':
			w, spaced = b-1, false
		case b-1 > start && text[b-1] == ' ' && text[b-2] == '.':
			w, spaced = b-2, true
		default:
			w = -1
		}
		if w < 0 {
			break
		}
	}
	if len(parts) == 0 {
		return listNumber(text, start, dot)
	}
	// The word before the parts, for entries such as "и др" and "et al".
	prevWord, before := wordBefore(text, start, partsStart(text, start, dot, parts))
	var buf [128]byte
	for j := len(parts); j >= 1; j-- {
		if r, size := utf8.DecodeRuneInString(parts[0]); j == 1 && size == len(parts[0]) && unicode.IsUpper(r) {
			continue // a capital letter alone is an initial, not "P." for "p."
		}
		key := appendKey(buf[:0], parts[:j])
		if j == len(parts) && prevWord != "" {
			k2 := append(AppendLower(buf[len(key):len(key)], prevWord), ' ')
			k2 = append(k2, key...)
			if c, ok := ru.abbrev[string(k2)]; ok {
				return kindOf(c, text, start, before)
			}
		}
		if c, ok := ru.abbrev[string(key)]; ok {
			return kindOf(c, text, start, partsStart(text, start, dot, parts[:j]))
		}
	}
	last := parts[0]
	b := partsStart(text, start, dot, parts)
	if b > start {
		if r, _ := utf8.DecodeLastRuneInString(text[start:b]); r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r) {
			return kindWord // "Super-G.", "COVID-19.": not an initial
		}
	}
	if len(parts) == 1 && b == start && (isRoman(last) || utf8.RuneCountInString(last) == 1) {
		return kindListNumber // "IV. Scope", "a. To reaffirm", "б. Второе"
	}
	single := true // all parts are single letters
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			single = false
		}
	}
	if r, _ := utf8.DecodeRuneInString(last); single && (unicode.IsUpper(r) || len(parts) > 1) {
		return kindInitial // "N.", "В. В.", "U.S.", "S.A."
	}
	return kindWord
}

// appendKey appends the parts, collected nearest to the period first,
// in text order, lower-cased and joined by ".": the key of the tables.
func appendKey(buf []byte, rev []string) []byte {
	for i := len(rev) - 1; i >= 0; i-- {
		buf = AppendLower(buf, rev[i])
		if i > 0 {
			buf = append(buf, '.')
		}
	}
	return buf
}

// AppendLower appends s lower-cased to buf, as strings.ToLower(s) gives
// it (rune by rune with unicode.ToLower; an invalid byte becomes
// U+FFFD), and returns the extended buffer. It allocates only when buf
// is too small, so a word can be lower-cased into an array on the stack
// and looked up in a map (m[string(buf)]) without garbage.
func AppendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		buf = utf8.AppendRune(buf, ToLower(r))
		i += n
	}
	return buf
}

// HasLower reports whether s holds a character that upper-casing
// changes: a lower-case letter, as a capitalised word or a sentence
// has and an acronym does not.
func HasLower(s string) bool {
	for _, r := range s {
		if unicode.ToUpper(r) != r {
			return true
		}
	}
	return false
}

// ToLower is unicode.ToLower that answers ASCII and the Russian alphabet
// without the Unicode tables. TestToLower checks every rune.
func ToLower(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	switch {
	case 'А' <= r && r <= 'Я':
		return r + 'а' - 'А'
	case 'Ѐ' <= r && r <= 'Џ':
		return r + 'ѐ' - 'Ѐ'
	case 'а' <= r && r <= 'я', 'ѐ' <= r && r <= 'џ':
		return r
	}
	return unicode.ToLower(r)
}

// partsStart returns where the parts (collected back from dot, in reverse
// order) begin in text.
func partsStart(text string, start, dot int, rev []string) int {
	w := dot
	for i, p := range rev {
		w -= len(p)
		if i < len(rev)-1 {
			if text[w-1] == ' ' {
				w-- // ". "
			}
			w-- // the period
		}
	}
	return w
}

// wordBefore returns the word that ends one space before b, and where the
// text before b ends.
func wordBefore(text string, start, b int) (string, int) {
	if b-1 <= start || text[b-1] != ' ' {
		return "", b
	}
	e := b - 1
	w, n := lettersBefore(text, start, e)
	if n == 0 || n > maxPart {
		return "", b
	}
	return text[w:e], w
}

// lettersBefore returns where the run of letters that ends at end begins
// (not before start) and how many letters it holds, reading at most
// maxPart+1 of them.
func lettersBefore(text string, start, end int) (int, int) {
	b, n := end, 0
	for b > start && n <= maxPart {
		r, size := utf8.DecodeLastRuneInString(text[start:b])
		if !unicode.IsLetter(r) {
			break
		}
		b -= size
		n++
	}
	return b, n
}

// kindOf maps a table class to a word kind; b is where the abbreviation
// begins, for the unit class, which needs to see a number before it.
func kindOf(c abbrevClass, text string, start, b int) wordKind {
	switch c {
	case classEnd:
		return kindEnd
	case classNum:
		return kindNum
	case classUnit:
		for b > start && (text[b-1] == ' ' || text[b-1] == '-') {
			b--
		}
		if b > start && (text[b-1] >= '0' && text[b-1] <= '9' || strings.IndexByte("IVXLC", text[b-1]) >= 0) {
			return kindEnd // "2022 г.", "XIX в."
		}
	}
	return kindPrefix
}

// listNumber reports a number of at most three digits that opens the
// sentence and ends at dot: a list number.
func listNumber(text string, start, dot int) wordKind {
	n := dot - start
	if n < 1 || n > 3 {
		return kindWord
	}
	for i := start; i < dot; i++ {
		if text[i] < '0' || text[i] > '9' {
			return kindWord
		}
	}
	return kindListNumber
}

func isRoman(s string) bool {
	if s == "" || len(s) > 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune("IVXLC", rune(s[i])) {
			return false
		}
	}
	return true
}

// startsSentence reports whether the word at k is a function word of the
// language (written with a capital, as checked by the caller) and not
// itself an initial.
func (ru *rules) startsSentence(text string, k, pe int) bool {
	e, n := lettersAfter(text, k, pe)
	if n > maxPart || (n == 1 && e < pe && text[e] == '.') {
		return false
	}
	var buf [4 * maxPart]byte
	return ru.starters[string(AppendLower(buf[:0], text[k:e]))]
}

// lettersAfter returns where the run of letters that starts at k ends
// (not after pe) and how many letters it holds, reading at most
// maxPart+1 of them.
func lettersAfter(text string, k, pe int) (int, int) {
	e, n := k, 0
	for e < pe && n <= maxPart {
		r, size := utf8.DecodeRuneInString(text[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += size
		n++
	}
	return e, n
}

// wordAllCaps reports whether the word at k has two or more letters, all
// upper case ("США", "NATO").
func wordAllCaps(text string, k, pe int) bool {
	e, n := lettersAfter(text, k, pe)
	for _, r := range text[k:e] {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return n >= 2
}

func appendSentence(out []Sentence, text string, start, end, p int) []Sentence {
	sp := trimSpan(text, start, end)
	if sp.Start < sp.End {
		out = append(out, Sentence{Start: sp.Start, End: sp.End, Para: p})
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

// startsListItem reports whether a line starts a list item: a bullet or
// dash followed by a space, or a number of at most three digits followed
// by "." or ")" and a space.
func startsListItem(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '•', '*', '–', '—', '·', '▪':
		r2, _ := utf8.DecodeRuneInString(s[n:])
		return r2 == ' ' || r2 == '\t'
	}
	j := 0
	for j < len(s) && j < 4 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return j > 0 && j < 4 && j+1 < len(s) && (s[j] == '.' || s[j] == ')') && (s[j+1] == ' ' || s[j+1] == '\t')
}
