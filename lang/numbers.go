package lang

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

//go:embed tables/numbers.tsv
var numbersTSV string

// numberWord is a scale word ("тысяч", "million") or a month name.
type numberWord struct {
	month bool
	value float64
}

type numberTable struct {
	exact  map[string]numberWord
	prefix map[string]numberWord // forms with a trailing * in the table
}

// loadNumbers parses tables/numbers.tsv once; keys are "lang\x00form".
var loadNumbers = sync.OnceValue(func() *numberTable {
	t := &numberTable{exact: map[string]numberWord{}, prefix: map[string]numberWord{}}
	for n, line := range strings.Split(numbersTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			panic("lang: tables/numbers.tsv:" + strconv.Itoa(n+1) + ": want 4 tab-separated fields")
		}
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil || (f[0] != "scale" && f[0] != "month") {
			panic("lang: tables/numbers.tsv:" + strconv.Itoa(n+1) + ": bad kind or value")
		}
		w := numberWord{month: f[0] == "month", value: v}
		for _, form := range strings.Split(f[3], ",") {
			if p, ok := strings.CutSuffix(form, "*"); ok {
				t.prefix[f[1]+"\x00"+p] = w
			} else {
				t.exact[f[1]+"\x00"+form] = w
			}
		}
	}
	return t
})

func (t *numberTable) lookup(lang, word string) (numberWord, bool) {
	if w, ok := t.exact[lang+"\x00"+word]; ok {
		return w, true
	}
	rs := []rune(word)
	for _, r := range []int{7, 6, 5, 4, 3} { // prefixes in the table are 3 to 7 letters
		if len(rs) < r {
			continue
		}
		if w, ok := t.prefix[lang+"\x00"+string(rs[:r])]; ok {
			return w, true
		}
	}
	return numberWord{}, false
}

// Numbers returns the numbers written in s, normalized so that the same
// quantity gets the same string in every language: digit groups joined
// ("15 000", "15,000" and "15 тысяч" all give "15000"), decimal commas
// made points ("1,5" gives "1.5"), scale words applied ("1.5 million"
// gives "1500000"), dates split into day, month and year ("16.05.2022",
// "16 мая 2022" and "May 16, 2022" all give 16, 5 and 2022, in the order
// written). Month names count only next to a number. Digits glued to
// letters count ("30-летие" and "30th" give "30").
//
// It is a match key for aligning, not a reading of the text to show.
func Numbers(tag language.Tag, s string) []string {
	if !hasDigit(s) {
		return nil // words count only next to a number
	}
	base, _ := tag.Base()
	lg := base.String()
	tab := loadNumbers()
	type tok struct {
		num  bool
		i, j int // the runes of the token: digits with separators, or letters
	}
	var toks []tok
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsDigit(r):
			j := i
			for j < len(rs) && (unicode.IsDigit(rs[j]) || isNumSep(rs, j)) {
				j++
			}
			toks = append(toks, tok{num: true, i: i, j: j})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(rs) && unicode.IsLetter(rs[j]) {
				j++
			}
			toks = append(toks, tok{i: i, j: j})
			i = j
		default:
			i++
		}
	}
	// word is the lower-cased text of a word token, made only for the
	// words next to a number.
	word := func(t tok) string { return strings.ToLower(string(rs[t.i:t.j])) }
	var out []string
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if !t.num {
			if !(k > 0 && toks[k-1].num || k+1 < len(toks) && toks[k+1].num) {
				continue // month names count only next to a number
			}
			w, ok := tab.lookup(lg, word(t))
			if ok && w.month {
				out = append(out, strconv.Itoa(int(w.value)))
			}
			continue
		}
		vals := parseNumber(string(rs[t.i:t.j]))
		if len(vals) == 1 && k+1 < len(toks) && !toks[k+1].num {
			if w, ok := tab.lookup(lg, word(toks[k+1])); ok && !w.month {
				if v, err := strconv.ParseFloat(vals[0], 64); err == nil {
					vals[0] = strconv.FormatFloat(v*w.value, 'f', -1, 64)
					k++
				}
			}
		}
		out = append(out, vals...)
	}
	return out
}

// hasDigit reports whether s holds a decimal digit of any script.
func hasDigit(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if '0' <= c && c <= '9' {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		// No decimal digit lies between ASCII and U+0660 (Arabic-Indic).
		if r >= 0x0660 && unicode.IsDigit(r) {
			return true
		}
		i += size
	}
	return false
}

// isNumSep reports whether rs[j] separates digit groups inside a number:
// a point, comma or space between two digits ("15 000", "1,5",
// "16.05.2022"); a space only before exactly three digits.
func isNumSep(rs []rune, j int) bool {
	r := rs[j]
	if r != '.' && r != ',' && r != ' ' && r != '\u00a0' && r != '\u202f' {
		return false
	}
	if j == 0 || j+1 >= len(rs) || !unicode.IsDigit(rs[j-1]) || !unicode.IsDigit(rs[j+1]) {
		return false
	}
	if r == '.' || r == ',' {
		return true
	}
	k := j + 1
	for k < len(rs) && unicode.IsDigit(rs[k]) {
		k++
	}
	return k-j-1 == 3
}

// parseNumber normalizes one run of digits and separators.
func parseNumber(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ',' || unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' })
	seps := strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		if r == '\u00a0' || r == '\u202f' {
			return ' '
		}
		return r
	}, s)
	switch {
	case len(parts) == 1:
		return []string{trimZeros(parts[0])}
	case len(parts) == 3 && seps == ".." && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		// A date: day, month, year.
		return []string{trimZeros(parts[0]), trimZeros(parts[1]), trimZeros(parts[2])}
	}
	// Groups of three after the first, joined by one kind of separator:
	// thousands. A final group of another length after a point or a
	// comma: decimals.
	var b strings.Builder
	b.WriteString(parts[0])
	for k, p := range parts[1:] {
		sep := seps[k]
		last := k == len(parts)-2
		if len(p) == 3 && (sep == ' ' || sep == ',' || (sep == '.' && !last)) {
			b.WriteString(p)
			continue
		}
		if last && (sep == '.' || sep == ',') {
			b.WriteByte('.')
			b.WriteString(p)
			continue
		}
		// Not one number: return the groups as they are.
		out := make([]string, len(parts))
		for i, q := range parts {
			out[i] = trimZeros(q)
		}
		return out
	}
	v, err := strconv.ParseFloat(b.String(), 64)
	if err != nil {
		return []string{b.String()}
	}
	return []string{strconv.FormatFloat(v, 'f', -1, 64)}
}

func trimZeros(s string) string {
	t := strings.TrimLeft(s, "0")
	if t == "" {
		return "0"
	}
	return t
}
