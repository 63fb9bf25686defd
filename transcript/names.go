package transcript

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/lang"
)

// Speaker is the person a section is attributed to.
type Speaker struct {
	// Name is the name as written in the text, without titles:
	// "Alexander Lukashenko", "А.Г.Лукашенко", "N. Pashinyan". For a role
	// label such as "Question:" it is the role.
	Name string
	// Surname is the part of Name that identifies the person across
	// languages: "Lukashenko", "Лукашенко". It is empty for roles.
	Surname string
}

// Known reports whether the speaker has a surname to match.
func (s Speaker) Known() bool { return s.Surname != "" }

// Key returns the cross-script match key of the surname (lang.Key), ""
// when the speaker is unknown.
func (s Speaker) Key() string {
	if s.Surname == "" {
		return ""
	}
	return lang.Key(s.Surname)
}

// SameKey reports whether two surname keys name the same person. Keys
// match when they are equal, when one extends the other by at most two
// letters, or when they are equal once a Russian case ending is taken off
// each; so «Путина» meets "Putin", «Жапарова» "Japarov" and
// «Жумабековой» "Zhumabekova". Keys of fewer than three letters match
// only when equal.
func SameKey(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 3 {
		return false
	}
	if strings.HasPrefix(b, a) && len(b)-len(a) <= 2 {
		return true
	}
	sa, sb := caseStem(a), caseStem(b)
	return len(sa) >= 3 && sa == sb
}

// caseEndings are the endings Russian declension adds to surnames, as
// they appear in a key (lang.Key folds «ой» to "oi", «ым» to "im").
var caseEndings = []string{"ogo", "omu", "oi", "ou", "om", "im", "ei", "ih", "a", "u", "e", "i", "o"}

// caseStem takes a case ending off a key.
func caseStem(k string) string {
	for _, e := range caseEndings {
		if strings.HasSuffix(k, e) && len(k)-len(e) >= 3 {
			return k[:len(k)-len(e)]
		}
	}
	return k
}

// tokenKind classifies the words of a heading or a label.
type tokenKind uint8

const (
	tokOther    tokenKind = iota
	tokInitials           // "N.", "А.Г.", "К.-Ж."
	tokGlued              // initials glued to a surname: "А.Г.Лукашенко"
	tokCapital            // a capitalized word: "Lukashenko", "Kassym-Jomart"
	tokAcronym            // all capitals: "CSTO", "ОДКБ"
)

type token struct {
	text string // the word without surrounding punctuation
	kind tokenKind
	off  int // byte offset of text in the string tokenized
	// stop is set when punctuation followed the word ("Zas." or
	// "Belarus,"): a name does not run on past it.
	stop bool
}

// tokenize splits s at white space and strips each word of the
// punctuation around it (an initial keeps its period).
func tokenize(s string) []token {
	out := make([]token, 0, len(s)/6+1)
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		w, off := trimWord(s[i:j])
		if w != "" {
			out = append(out, token{text: w, kind: classify(w), off: i + off, stop: off+len(w) < j-i})
		}
		i = j
	}
	return out
}

// trimWord strips punctuation from both ends of a word, keeping a final
// period after a letter when the word holds initials ("N.", "А.Г.").
func trimWord(w string) (string, int) {
	start := 0
	for start < len(w) {
		r, n := utf8.DecodeRuneInString(w[start:])
		if isWordRune(r) {
			break
		}
		start += n
	}
	end := len(w)
	for end > start {
		r, n := utf8.DecodeLastRuneInString(w[start:end])
		if isWordRune(r) {
			break
		}
		end -= n
	}
	if end < len(w) && w[end] == '.' && isInitials(w[start:end+1]) {
		end++
	}
	return w[start:end], start
}

// isInitials reports whether w is one or more initials: "N.", "А.Г.",
// "К.-Ж.".
func isInitials(w string) bool {
	return initialsLen(w) == len(w) && len(w) > 0
}

// initialsLen returns the length of the run of initials that starts w.
func initialsLen(w string) int {
	i := 0
	for {
		j := i
		if j < len(w) && w[j] == '-' && j > 0 {
			j++
		}
		r, n := utf8.DecodeRuneInString(w[j:])
		if !unicode.IsUpper(r) || j+n >= len(w) || w[j+n] != '.' {
			return i
		}
		i = j + n + 1
	}
}

func classify(w string) tokenKind {
	if isInitials(w) {
		return tokInitials
	}
	if k := initialsLen(w); k > 0 && isCapitalWord(w[k:]) {
		return tokGlued
	}
	if isCapitalWord(w) {
		return tokCapital
	}
	upper, letters := 0, 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return tokOther
		}
		letters++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	if letters >= 2 && upper == letters {
		return tokAcronym
	}
	return tokOther
}

// isCapitalWord reports whether w is a capitalized word of letters,
// hyphens and apostrophes with at least one lower-case letter:
// "Lukashenko", "Kassym-Jomart", "O'Neil".
func isCapitalWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	lower := false
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsLetter(r), r == '-', r == '\'', r == '’':
		default:
			return false
		}
	}
	return lower
}

// surnameOf returns the surname of a glued token: "А.Г.Лукашенко" gives
// "Лукашенко".
func surnameOf(t token) string {
	if t.kind == tokGlued {
		return t.text[initialsLen(t.text):]
	}
	return t.text
}

func (c *cueSet) isTitle(t token) bool {
	return c.title.hasLower(t.text)
}

// findName finds the name of a person in the words of a heading or a
// narrative paragraph. Initials followed by a surname win ("А.Г.
// Лукашенко", "N. Pashinyan"); otherwise the run of capitalized words
// with the most words that are not titles or places gives the name, its
// last word the surname ("President of the Republic of Belarus Alexander
// Lukashenko" gives "Alexander Lukashenko"). The zero Speaker means none
// was found.
func (c *cueSet) findName(s string) Speaker {
	toks := tokenize(s)
	for i, t := range toks {
		if t.kind == tokGlued && !c.title.hasLower(surnameOf(t)) {
			return Speaker{Name: t.text, Surname: surnameOf(t)}
		}
		if t.kind == tokInitials {
			j := i + 1
			for j < len(toks) && toks[j].kind == tokInitials {
				j++
			}
			if j < len(toks) && toks[j].kind == tokCapital && !c.isTitle(toks[j]) {
				return Speaker{Name: s[t.off : toks[j].off+len(toks[j].text)], Surname: toks[j].text}
			}
		}
	}
	var best []token
	for i := 0; i < len(toks); {
		if toks[i].kind != tokCapital {
			i++
			continue
		}
		var run []token
		for ; i < len(toks) && toks[i].kind == tokCapital; i++ {
			if c.isTitle(toks[i]) {
				run = run[:0] // a title starts the name afresh: "Belarus Alexander ..."
			} else {
				run = append(run, toks[i])
			}
			if toks[i].stop {
				i++
				break
			}
		}
		// A name is a first name and a surname, with a patronymic
		// between them when there is one.
		if keep := 2; len(run) > keep {
			if len(run) >= 3 && isPatronymic(run[len(run)-2].text) {
				keep = 3
			}
			run = run[len(run)-keep:]
		}
		if len(run) > len(best) {
			best = append(best[:0:0], run...)
		}
	}
	if len(best) == 0 {
		return Speaker{}
	}
	first, last := best[0], best[len(best)-1]
	return Speaker{Name: s[first.off : last.off+len(last.text)], Surname: last.text}
}

// parseLabel recognises a speaker label at the start of a paragraph:
// "N. Pashinyan:", «Н.Пашинян:», "Vladimir Putin:", «Вопрос:». It returns
// the label's length up to and including the colon, and the speaker. A
// label is at most four words, each a name word (initials or a
// capitalized word that is not a title), with initials or at least two
// words; or a single role word.
func (c *cueSet) parseLabel(p string) (int, Speaker, bool) {
	colon := strings.IndexByte(p, ':')
	if colon <= 0 || colon > 60 {
		return 0, Speaker{}, false
	}
	if colon+1 < len(p) && !unicode.IsSpace(rune(p[colon+1])) {
		return 0, Speaker{}, false // "10:30", "e-mail:x@y"
	}
	label := p[:colon]
	for _, r := range label {
		if !(unicode.IsLetter(r) || unicode.IsSpace(r) || r == '.' || r == '-' || r == '\'' || r == '’') {
			return 0, Speaker{}, false
		}
	}
	toks := tokenize(label)
	if len(toks) == 0 || len(toks) > 4 {
		return 0, Speaker{}, false
	}
	if len(toks) == 1 && toks[0].kind == tokCapital && c.role.hasLower(toks[0].text) {
		return colon + 1, Speaker{Name: toks[0].text}, true
	}
	initials := false
	for _, t := range toks {
		switch t.kind {
		case tokInitials, tokGlued:
			initials = true
		case tokCapital:
			if c.isTitle(t) {
				return 0, Speaker{}, false
			}
		default:
			return 0, Speaker{}, false
		}
	}
	last := toks[len(toks)-1]
	if last.kind == tokInitials || !initials && len(toks) < 2 {
		return 0, Speaker{}, false
	}
	return colon + 1, Speaker{Name: strings.TrimSpace(label), Surname: surnameOf(last)}, true
}

// isPatronymic reports whether w looks like a Russian patronymic in any
// script and case: "Vladimirovich", "Askarovna", «Владимировича».
func isPatronymic(w string) bool {
	l := strings.ToLower(w)
	for _, suf := range []string{"vich", "vna", "vicha", "вич", "вна", "вича", "вны", "вичу", "вне"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}
