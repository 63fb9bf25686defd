package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func init() {
	register(&Check{
		Code: "space-before-punct", Severity: Warning, Category: Spacing,
		Doc: `a space before a comma, period, colon, semicolon, "?" or "!"`,
		Run: checkSpaceBeforePunct,
	})
}

// checkSpaceBeforePunct flags spaces between a word and the punctuation
// that ends it ("CSTO ,"). Not flagged: a mark repeated after a space
// (double-punct flags ". ."), a mark before a digit (" .5"), an ellipsis,
// and a dash or a quote before the space.
func checkSpaceBeforePunct(in *Input, r *Reporter) {
	for i := range in.Beads {
		b := &in.Beads[i]
		t := b.Tgt.Text
		for k := 0; k < len(t); k++ {
			if t[k] != ' ' {
				continue
			}
			end := k
			for end < len(t) && t[end] == ' ' {
				end++
			}
			if end >= len(t) || !strings.ContainsRune(",.;:?!", rune(t[end])) || k == 0 {
				k = end - 1
				continue
			}
			prev, _ := utf8.DecodeLastRuneInString(t[:k])
			if !(unicode.IsLetter(prev) || unicode.IsDigit(prev) || prev == ')' || prev == '"' || prev == '”') {
				k = end - 1
				continue
			}
			p := t[end]
			if end+1 < len(t) && (t[end+1] == p || t[end+1] >= '0' && t[end+1] <= '9') {
				k = end - 1
				continue // ".." or " .5" or "..."
			}
			if p == '.' && strings.HasPrefix(t[end:], ". .") {
				k = end - 1
				continue // a spaced ellipsis
			}
			r.Flag(b, Tgt, k, end+1, "space before punctuation", string(p))
			k = end
		}
	}
}
