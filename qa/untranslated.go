package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/lang"
)

func init() {
	register(&Check{
		Code: "untranslated", Severity: Error, Category: Untranslated,
		Doc: "an English segment that is the Russian, or mostly Cyrillic",
		Run: checkUntranslated,
	})
}

// checkUntranslated flags a target segment whose letters are mostly
// Cyrillic (it runs on a text read alone too), and one equal to its
// source apart from case and spacing when the source has letters.
func checkUntranslated(in *Input, r *Reporter) {
	for i := range in.Beads {
		b := &in.Beads[i]
		t := b.Tgt.Text
		letters := 0
		for _, c := range t {
			if lang.IsLetter(c) {
				if letters++; letters == 2 {
					break
				}
			}
		}
		if letters < 2 {
			continue
		}
		if !isASCII(t) && cyrillicShare(t) > 0.5 {
			r.FlagAll(b, Tgt, "the English is in Russian: not translated")
			continue
		}
		if in.Bilingual && !b.Src.Empty() && sameText(b.Src.Text, t) && cyrillicShare(b.Src.Text) > 0 {
			r.FlagAll(b, Tgt, "the English is the same as the Russian: not translated")
		}
	}
}

func sameText(a, b string) bool {
	// The first characters must match to begin with.
	ra, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(a, unicode.IsSpace))
	rb, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(b, unicode.IsSpace))
	if ra != rb && !strings.EqualFold(string(ra), string(rb)) {
		return false
	}
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}
