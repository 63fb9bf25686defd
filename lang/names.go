package lang

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// NameRole says what part of a personal name a word is.
type NameRole uint8

// The roles Names tells apart.
const (
	GivenOrSurname NameRole = iota // a capitalised word: a given name, a surname, or a place
	Patronymic                     // a word in -вич, -вна, -vich, -vna and their case forms
	Initial                        // one or more initials: "N.", "А.Г.", "В. В."
)

// String returns "name", "patronymic" or "initial".
func (r NameRole) String() string {
	switch r {
	case Patronymic:
		return "patronymic"
	case Initial:
		return "initial"
	}
	return "name"
}

// Name is one word of a personal name found in a text: a byte span of
// the text (without a possessive "'s") and its role.
type Name struct {
	Start, End int
	Role       NameRole
}

// Names finds the words of personal names in text, in text order,
// without overlaps. A name word is:
//   - a patronymic anywhere (Vladimirovich, Григорьевичу, Petrovna);
//   - initials followed by a capitalised word ("N. Pashinyan", "А.Г. Лукашенко");
//   - a capitalised word of two letters or more that is not at the start
//     of a sentence or after a colon, is not in capitals throughout
//     (CSTO), is not a contraction (We'll) and is not a common
//     capitalised word of the language (The, Mr, President; Москва is
//     kept: places are names too);
//   - a capitalised word at the start of a sentence when the next word
//     is a patronymic ("Alexander Grigoryevich said") or when the same
//     word is found as a name elsewhere in text.
//
// Hyphenated words ("Kassym-Jomart") are one word.
func Names(tag language.Tag, text string) []Name {
	var words []wordTok
	for _, s := range Split(tag, text) {
		words = appendWords(words, text, s.Start, s.End)
	}
	var out []Name
	seen := map[string]bool{} // names found away from a sentence start
	var pending []int         // sentence-start words to decide later
	for i, w := range words {
		s := text[w.start:w.end]
		switch {
		case w.initial:
			if i+1 < len(words) && words[i+1].adjacent && words[i+1].capital && !words[i+1].initial {
				out = append(out, Name{w.start, w.end, Initial})
			}
		case isPatronymic(s):
			out = append(out, Name{w.start, w.end, Patronymic})
		case !w.capital || allCaps(s) || isStopWord(s) || utf8.RuneCountInString(s) < 2 || contraction(s):
		case w.first:
			if i+1 < len(words) && words[i+1].adjacent && isPatronymic(text[words[i+1].start:words[i+1].end]) {
				out = append(out, Name{w.start, w.end, GivenOrSurname})
			} else {
				pending = append(pending, i)
			}
		default:
			out = append(out, Name{w.start, w.end, GivenOrSurname})
			seen[s] = true
		}
	}
	if len(pending) > 0 {
		for _, i := range pending {
			if seen[text[words[i].start:words[i].end]] {
				out = append(out, Name{words[i].start, words[i].end, GivenOrSurname})
			}
		}
		slices.SortFunc(out, func(a, b Name) int { return a.Start - b.Start })
	}
	return out
}

// wordTok is a word of a sentence.
type wordTok struct {
	start, end int
	first      bool // at the start of a sentence or after a colon
	capital    bool // starts with a capital letter
	initial    bool // a run of initials: "N.", "А.Г."
	adjacent   bool // only spaces separate it from the word before
}

// appendWords appends the words of text[start:end].
func appendWords(words []wordTok, text string, start, end int) []wordTok {
	first := true
	adjacent := false
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			switch {
			case r == ':':
				first, adjacent = true, false
			case unicode.IsSpace(r), r == '[', r == ']', r == '(', r == ')':
				// Brackets keep words together: "Alexander Grigoryevich [Lukashenko]".
			default:
				adjacent = false
			}
			i += n
			continue
		}
		j := wordEnd(text, i, end)
		w := wordTok{start: i, end: j, first: first, capital: unicode.IsUpper(r), adjacent: adjacent}
		// Initials: one capital letter and a period, maybe repeated.
		if w.capital && utf8.RuneCountInString(text[i:j]) == 1 && j < end && text[j] == '.' {
			k := j + 1
			for {
				m := k
				for m < end && text[m] == ' ' {
					m++
				}
				r2, n2 := utf8.DecodeRuneInString(text[m:end])
				if m+n2 < end && unicode.IsUpper(r2) && text[m+n2] == '.' {
					k = m + n2 + 1
					continue
				}
				break
			}
			w.end = k
			w.initial = true
			j = k
		}
		words = append(words, w)
		first = false
		adjacent = true
		i = j
	}
	return words
}

// wordEnd returns the end of the word starting at i: letters, joined by
// inner hyphens and apostrophes, without a possessive 's.
func wordEnd(text string, i, end int) int {
	j := i
	for j < end {
		r, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			j += n
			continue
		}
		if r == '-' || r == '\'' || r == '’' {
			r2, _ := utf8.DecodeRuneInString(text[j+n:])
			if j+n < end && unicode.IsLetter(r2) {
				// A possessive 's ends the word.
				if r != '-' && (r2 == 's' || r2 == 'S') {
					r3, _ := utf8.DecodeRuneInString(text[j+n+1:])
					if j+n+1 >= end || !unicode.IsLetter(r3) {
						return j
					}
				}
				j += n
				continue
			}
		}
		break
	}
	return j
}

// contraction reports whether w holds an apostrophe other than after
// its first letter (O'Brien is a name, We'll and Dinah'll are not).
func contraction(w string) bool {
	for i, r := range []rune(w) {
		if (r == '\'' || r == '’') && i != 1 {
			return true
		}
	}
	return false
}

func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

// patronymicEndings are the endings of patronymics in both scripts, in
// every case of the Russian declension.
var patronymicEndings = []string{
	"вич", "вича", "вичу", "вичем", "виче",
	"вна", "вны", "вне", "вну", "вной", "вною",
	"ична", "ичны", "ичне", "ичну", "ичной",
	"vich", "vna", "ichna",
}

// isPatronymic reports whether a capitalised word is a patronymic:
// "Vladimirovich", "Григорьевичу", "Ильинична".
func isPatronymic(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || utf8.RuneCountInString(w) < 6 {
		return false
	}
	l := strings.ToLower(w)
	for _, e := range patronymicEndings {
		if strings.HasSuffix(l, e) {
			return true
		}
	}
	return false
}

// IsPatronymic reports whether word is a patronymic, in either script
// and in any case form: "Vladimirovich", "Григорьевичу", "Petrovna".
func IsPatronymic(word string) bool { return isPatronymic(word) }

// stopWords are capitalised words that are not names, in lower case.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		i i'm i've i'd i'll mr mrs ms dr sir madam dear mister
		the a an and but or so if in on at to of for by with from as it its this that these those
		we our you your he his she her they their there here what when where why how who which
		yes no not all thank thanks please let today now then also however
		monday tuesday wednesday thursday friday saturday sunday
		january february march april may june july august september october november december
		president prime minister secretary general chairman colleagues friends ladies gentlemen
		господин госпожа уважаемый уважаемые дорогие дорогой коллеги спасибо
		президент премьер-министр генеральный секретарь председатель`) {
		stopWords[w] = true
	}
}

func isStopWord(w string) bool { return stopWords[strings.ToLower(w)] }

// NameStem returns the stem of a Russian name word with the common case
// endings removed, lower-cased: "Путина", "Путину" and "Путиным" give
// "путин", "Николаю" and "Николай" give "никола", "Воваевичу" gives
// "воваевич". The stems of the forms of one name meet; a stem is a
// grouping key, not a word to show. Words of other scripts are only
// lower-cased.
func NameStem(word string) string {
	l := strings.ToLower(word)
	if !strings.ContainsFunc(l, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
		return l
	}
	for _, e := range ruNameEndings {
		if !strings.HasSuffix(l, e) || utf8.RuneCountInString(l)-utf8.RuneCountInString(e) < 3 {
			continue
		}
		stem := l[:len(l)-len(e)]
		if e == "ий" || e == "ый" {
			// Only adjectival names: Достоевский, Видный; not Дмитрий.
			if last, _ := utf8.DecodeLastRuneInString(stem); last != 'к' && last != 'н' {
				continue
			}
		}
		return stem
	}
	return l
}

// ruNameEndings are tried longest first.
var ruNameEndings = []string{
	"ого", "его", "ому", "ему",
	"ым", "им", "ой", "ей", "ом", "ем", "ою", "ею", "ую", "юю", "ый", "ий",
	"а", "я", "у", "ю", "е", "ы", "и", "о", "й",
}
