package transcript

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The cue tests were made cheaper (appendBare, lower-casing only what is
// compared); the functions below are them as first written, and
// TestCuesAgree checks that the answers did not change.

func headingReference(c *cueSet, t string, inSpeech bool) (Speaker, bool) {
	lower := strings.ToLower(t)
	if len(t) <= 300 && !strings.Contains(t, "\n") && !endsSentence(t) {
		for _, h := range c.headings {
			if strings.HasPrefix(lower, h) && (len(lower) == len(h) || !isLetterAtString(lower, len(h))) {
				return c.findName(t[len(h):]), true
			}
		}
	}
	if len(t) <= 400 && strings.HasSuffix(t, ":") {
		reports := false
		for _, tk := range tokenize(t) {
			if c.verb.has(strings.ToLower(tk.text)) {
				reports = true
				break
			}
		}
		if reports && !(inSpeech && personalReference(c, t)) {
			if sp := c.findName(t); sp.Known() && (strings.ContainsAny(sp.Name, " .")) {
				return sp, true
			}
		}
	}
	return Speaker{}, false
}

func isLetterAtString(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func personalReference(c *cueSet, t string) bool {
	for _, tk := range tokenize(t) {
		if c.person.has(strings.ToLower(tk.text)) {
			return true
		}
	}
	return false
}

func isClosingReference(c *cueSet, t string) bool {
	b := bareReference(t)
	for _, p := range c.closing {
		if b == p {
			return true
		}
	}
	return false
}

func isBoilerplateReference(c *cueSet, t string) bool {
	if len(t) > 160 {
		return false
	}
	b := bareReference(t)
	lower := strings.ToLower(strings.TrimSpace(t))
	for _, p := range c.boiler {
		if b == p {
			return true
		}
	}
	for _, p := range c.boilerPrefix {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	if len(t) <= 100 && !endsSentence(t) || !strings.Contains(t, " ") {
		for _, p := range c.boilerWord {
			if strings.Contains(lower, p) {
				return true
			}
		}
		for _, w := range strings.Fields(lower) {
			if isEmail(w) {
				return true
			}
		}
	}
	return isDateLineReference(c, b)
}

func isDateLineReference(c *cueSet, b string) bool {
	if b == "" || len(b) > 60 {
		return false
	}
	digits, month, other := 0, false, 0
	for _, w := range strings.FieldsFunc(b, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '.' || r == ':' || r == '/' || r == '-'
	}) {
		switch {
		case strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0:
			digits++
		case c.month.has(w) && len(w) >= 3:
			month = true
		case w == "года" || w == "г" || w == "год":
		default:
			other++
		}
	}
	return other == 0 && (digits >= 3 || month && digits >= 1)
}

// TestCuesAgree compares the cue tests with their first versions on
// random paragraphs made of the cue phrases of both languages, in
// several cases, names, dates, e-mail addresses, punctuation and space.
func TestCuesAgree(t *testing.T) {
	sets, err := parseCues(cuesTSV)
	if err != nil {
		t.Fatal(err)
	}
	all := sets[""]
	var pieces []string
	for _, list := range [][]string{all.headings, all.closing, all.boiler, all.boilerPrefix, all.boilerWord} {
		for _, p := range list {
			pieces = append(pieces, p, strings.ToUpper(p), strings.ToUpper(p[:1])+p[1:])
		}
	}
	pieces = append(pieces, "Г.А.Жумабековой", "N. Pashinyan", "Vladimir Putin", "said", "заявил", "told journalists", "we", "мы",
		"16", "мая", "May", "2022", "press@csto.org", "a@b", ":", ".", "!", "*", "* *", "«", "»", "—", "İ", "K", "ǅ", "\xff",
		" ", " ", " ", "  ", "\u00a0", "\t", "\n")
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 6000; n++ {
		var sb strings.Builder
		for k := rng.Intn(8); k >= 0; k-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
			if rng.Intn(2) == 0 {
				sb.WriteByte(' ')
			}
		}
		text := sb.String()
		if rng.Intn(4) == 0 {
			text += strings.Repeat(" and more words", rng.Intn(20))
		}
		for _, l := range []string{"ru", "en", ""} {
			c := sets[l]
			if got, want := c.isBoilerplate(text), isBoilerplateReference(c, text); got != want {
				t.Fatalf("%s: isBoilerplate(%q) = %v, want %v", l, text, got, want)
			}
			if got, want := c.isClosing(text), isClosingReference(c, text); got != want {
				t.Fatalf("%s: isClosing(%q) = %v, want %v", l, text, got, want)
			}
			for _, in := range []bool{false, true} {
				gs, gok := c.heading(text, in)
				ws, wok := headingReference(c, text, in)
				if gs != ws || gok != wok {
					t.Fatalf("%s: heading(%q, %v) = %v %v, want %v %v", l, text, in, gs, gok, ws, wok)
				}
			}
		}
	}
}
