package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func init() {
	register(&Check{
		Code: "stray-symbol", Severity: Warning, Category: Markup,
		Doc: `stray symbols: "* *", lone asterisks, "#", "|", "_", replacement characters`,
		Run: checkStraySymbol,
	})
}

// checkStraySymbol flags symbols that stand apart from any word — a run
// such as "* *" or "|" between spaces — which are leftovers of page
// layout, and the replacement character U+FFFD of a failed decoding (an
// error). A footnote mark attached to a word ("treaty*") is left alone,
// as are "#" and "_" inside a word or a handle.
func checkStraySymbol(in *Input, r *Reporter) {
	for i := range in.Beads {
		b := &in.Beads[i]
		for _, s := range []Side{Tgt, Src} {
			t := b.seg(s).Text
			if !strings.ContainsAny(t, "*#|_^~") && !strings.Contains(t, "¤") && !strings.Contains(t, "\uFFFD") {
				// None of the symbols, nor the replacement character.
				continue
			}
			for k := 0; k < len(t); {
				c, n := utf8.DecodeRuneInString(t[k:])
				if c == '\uFFFD' && n == 3 {
					f := r.Flag(b, s, k, k+n, "replacement character: the text was decoded in the wrong encoding or damaged", "")
					f.Severity = Error
					k += n
					continue
				}
				if !isStray(c) || !standsAlone(t, k, k+n) {
					k += n
					continue
				}
				// Extend over a run of stray symbols and spaces: "* * *".
				end := k + n
				for j := end; j < len(t); {
					c2, n2 := utf8.DecodeRuneInString(t[j:])
					if c2 == ' ' {
						j += n2
						continue
					}
					if isStray(c2) && standsAlone(t, j, j+n2) {
						end = j + n2
						j = end
						continue
					}
					break
				}
				r.Flag(b, s, k, end, "stray symbol, a leftover of page layout", "")
				k = end
			}
		}
	}
}

func isStray(c rune) bool {
	switch c {
	case '*', '#', '|', '_', '^', '~', '¤':
		return true
	}
	return false
}

// standsAlone reports whether t[i:j] has no letter or digit on either
// side.
func standsAlone(t string, i, j int) bool {
	before, _ := utf8.DecodeLastRuneInString(t[:i])
	after, _ := utf8.DecodeRuneInString(t[j:])
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return (i == 0 || !word(before)) && (j == len(t) || !word(after))
}
