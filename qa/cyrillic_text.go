package qa

import (
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/lang"
)

func init() {
	register(&Check{
		Code: "cyrillic-text", Severity: Warning, Category: Untranslated,
		Doc: "Russian words left in an English sentence",
		Run: checkCyrillicText,
	})
}

// checkCyrillicText flags runs of Cyrillic words in an English segment
// that is mostly Latin (a segment mostly Cyrillic is the untranslated
// check's). Words that mix scripts are the homoglyph check's; a lone
// Cyrillic letter with a Latin look-alike ("50°С") gets the Latin letter
// as its suggestion.
func checkCyrillicText(in *Input, r *Reporter) {
	var ws []wordSpan
	for i := range in.Beads {
		b := &in.Beads[i]
		t := b.Tgt.Text
		if isASCII(t) {
			continue // no Cyrillic letter
		}
		if cyrillicShare(t) > 0.5 {
			continue
		}
		ws = appendWords(ws[:0], t)
		for k := 0; k < len(ws); k++ {
			if !isCyrillicWord(t[ws[k].Start:ws[k].End]) {
				continue
			}
			start, end := ws[k].Start, ws[k].End
			for k+1 < len(ws) && isCyrillicWord(t[ws[k+1].Start:ws[k+1].End]) && onlyPunctSpace(t[end:ws[k+1].Start]) {
				k++
				end = ws[k].End
			}
			if l, ok := latinOf[[]rune(t[start:end])[0]]; ok && runeCount(t[start:end]) == 1 {
				r.Flag(b, Tgt, start, end, "a Cyrillic letter that looks like the Latin "+string(l), string(l))
				continue
			}
			r.Flag(b, Tgt, start, end, "Russian text in the English", "")
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// onlyPunctSpace reports whether s has no letter or digit.
func onlyPunctSpace(s string) bool {
	for _, c := range s {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

// cyrillicShare returns the share of Cyrillic letters among the letters
// of s, 0 when it has none.
func cyrillicShare(s string) float64 {
	letters, cyr := 0, 0
	for _, c := range s {
		if lang.IsLetter(c) {
			letters++
			if lang.IsCyrillic(c) {
				cyr++
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(cyr) / float64(letters)
}
