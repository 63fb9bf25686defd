package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func init() {
	register(&Check{
		Code: "lowercase-start", Severity: Warning, Category: Grammar,
		Doc: "a sentence that starts in lower case",
		Run: checkLowercaseStart,
	})
}

// enAbbrev are lower-case English abbreviations that end in a period
// and may be followed by a lower-case word.
var enAbbrev = map[string]bool{
	"etc": true, "approx": true, "incl": true, "vs": true, "cf": true, "esp": true, "resp": true,
	"ca": true, "no": true, "nos": true, "fig": true, "vol": true, "art": true, "para": true,
	"min": true, "max": true, "sec": true, "tel": true, "ext": true, "govt": true, "dept": true,
	"est": true, "corp": true, "ltd": true, "inc": true, "co": true, "jr": true, "sr": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "sen": true, "rep": true,
	"op": true, "cit": true, "ibid": true, "al": true, "pp": true, "ch": true, "sq": true, "km": true,
}

// checkLowercaseStart flags a segment that starts with a lower-case
// letter (after opening quotes, brackets and dashes), and a lower-case
// word after a period that ends a word of three letters or more that is
// not an abbreviation ("signed. the"). Words such as "iPhone" and
// "eBay", whose second letter is a capital, pass, and so does a bead
// that continues the sentence of the bead before it.
func checkLowercaseStart(in *Input, r *Reporter) {
	for i := range in.Beads {
		b := &in.Beads[i]
		t := b.Tgt.Text
		if k := firstLetter(t, 0); k >= 0 && lowerWordAt(t, k) && !continues(in, i) {
			flagLower(r, b, t, k)
		}
		for k := 0; k < len(t); k++ {
			if t[k] != '.' || k+2 >= len(t) || t[k+1] != ' ' {
				continue
			}
			ws := strings.LastIndexAny(t[:k], " \n\t(\"“") + 1
			prev := t[ws:k]
			if utf8.RuneCountInString(prev) < 3 || !isLatinWord(prev) || enAbbrev[strings.ToLower(prev)] {
				continue
			}
			j := k + 1
			for j < len(t) && t[j] == ' ' {
				j++
			}
			if j < len(t) && lowerWordAt(t, j) {
				flagLower(r, b, t, j)
			}
		}
	}
}

// continues reports whether bead i continues a sentence of the bead
// before it in the same document: that one's English does not end with
// a period, "?", "!" or "…" (before closing quotes and brackets).
func continues(in *Input, i int) bool {
	b := &in.Beads[i]
	if b.Alone {
		return false
	}
	for j := i - 1; j >= 0 && in.Beads[j].Doc == b.Doc; j-- {
		p := strings.TrimRight(in.Beads[j].Tgt.Text, " \n\t\"'”’»)]")
		if p == "" {
			continue // a bead with no English
		}
		last, _ := utf8.DecodeLastRuneInString(p)
		return !strings.ContainsRune(".?!…", last)
	}
	return false
}

func flagLower(r *Reporter, b *Bead, t string, k int) {
	c, n := utf8.DecodeRuneInString(t[k:])
	r.Flag(b, Tgt, k, k+n, "sentence starts in lower case", string(unicode.ToUpper(c)))
}

// firstLetter returns the offset of the first letter or digit of t after
// from, skipping spaces, quotes, brackets and dashes; -1 when something
// else comes first.
func firstLetter(t string, from int) int {
	for k, c := range t[from:] {
		switch {
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			return from + k
		case unicode.IsSpace(c) || strings.ContainsRune("\"'“‘«(["+"—–-", c):
			continue
		default:
			return -1
		}
	}
	return -1
}

// lowerWordAt reports whether a Latin word starting in lower case, whose
// second letter is not a capital, starts at t[k].
func lowerWordAt(t string, k int) bool {
	c, n := utf8.DecodeRuneInString(t[k:])
	if !unicode.IsLower(c) || !unicode.Is(unicode.Latin, c) {
		return false
	}
	c2, _ := utf8.DecodeRuneInString(t[k+n:])
	return !unicode.IsUpper(c2)
}
