package qa

import (
	"unicode"
	"unicode/utf8"
)

func init() {
	register(&Check{
		Code: "unbalanced-quote", Severity: Warning, Category: Punctuation,
		Doc: `quotation marks that do not match ("who is not with us is against us”)`,
		Run: checkUnbalancedQuote,
	})
}

type quoteMark struct {
	b        *Bead
	at, size int
	r        rune
}

// closerOf gives the closing mark of each opening one.
var closerOf = map[rune]rune{'"': '"', '“': '”', '«': '»', '„': '“'}

// checkUnbalancedQuote pairs the double quotation marks of the English:
// a straight quote opens after a space or an opening bracket and closes
// otherwise; curly quotes and guillemets know their direction. It flags
// an opening mark closed by a mark of another kind (from the one to the
// other), and a mark left without a partner. A paragraph of a text read
// alone is checked on its own; the beads of a corpus are read as one
// stream per document, since a quotation often spans sentences.
func checkUnbalancedQuote(in *Input, r *Reporter) {
	var stack []quoteMark
	flush := func() {
		for _, q := range stack {
			r.Flag(q.b, Tgt, q.at, q.at+q.size, "opening quotation mark never closed", "")
		}
		stack = stack[:0]
	}
	for i := range in.Beads {
		b := &in.Beads[i]
		if b.Alone || i > 0 && in.Beads[i-1].Doc != b.Doc {
			flush()
		}
		t := b.Tgt.Text
		for k, c := range t {
			n := utf8.RuneLen(c)
			var opening bool
			switch c {
			case '“':
				// „ ... “ is a German or Russian pair: “ closes it.
				if len(stack) > 0 && stack[len(stack)-1].r == '„' {
					opening = false
				} else {
					opening = true
				}
			case '«', '„':
				opening = true
			case '”', '»':
				opening = false
			case '"':
				prev, _ := utf8.DecodeLastRuneInString(t[:k])
				opening = k == 0 || unicode.IsSpace(prev) || prev == '(' || prev == '[' || prev == '—' || prev == '–'
				if len(stack) > 0 && stack[len(stack)-1].r == '"' && stack[len(stack)-1].b == b && !opening {
					stack = stack[:len(stack)-1]
					continue
				}
			default:
				continue
			}
			if opening {
				stack = append(stack, quoteMark{b, k, n, c})
				continue
			}
			if len(stack) == 0 {
				r.Flag(b, Tgt, k, k+n, "closing quotation mark without an opening one", "")
				continue
			}
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if closerOf[top.r] != c {
				msg := "opening " + string(top.r) + " closed by " + string(c)
				if top.b == b {
					r.Flag(b, Tgt, top.at, k+n, msg, "")
				} else {
					r.Flag(b, Tgt, k, k+n, msg+" (opened in an earlier sentence)", "")
				}
			}
		}
		if b.Alone {
			flush()
		}
	}
	flush()
}
