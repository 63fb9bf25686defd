package qa

import (
	"strings"
	"unicode"
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
			if unicode.IsLetter(c) {
				letters++
			}
		}
		if letters < 2 {
			continue
		}
		if cyrillicShare(t) > 0.5 {
			r.FlagAll(b, Tgt, "the English is in Russian: not translated")
			continue
		}
		if in.Bilingual && !b.Src.Empty() && sameText(b.Src.Text, t) && cyrillicShare(b.Src.Text) > 0 {
			r.FlagAll(b, Tgt, "the English is the same as the Russian: not translated")
		}
	}
}

func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}
