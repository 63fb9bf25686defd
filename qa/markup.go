package qa

import (
	"html"
	"regexp"
	"strings"
)

func init() {
	register(&Check{
		Code: "markup", Severity: Error, Category: Markup,
		Doc: "leftovers of markup: HTML tags and character entities",
		Run: checkMarkup,
	})
}

var (
	tagRE    = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*(?:\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=]+))?)*\s*/?>`)
	entityRE = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
)

// checkMarkup flags HTML (or XML) tags and character entities such as
// "&nbsp;" or "&#8212;" left in the text. An entity is flagged only when
// HTML knows it, and the suggestion is the character it stands for.
func checkMarkup(in *Input, r *Reporter) {
	for i := range in.Beads {
		b := &in.Beads[i]
		for _, s := range []Side{Tgt, Src} {
			t := b.seg(s).Text
			if !strings.ContainsAny(t, "<&") {
				continue
			}
			for _, m := range tagRE.FindAllStringIndex(t, -1) {
				r.Flag(b, s, m[0], m[1], "markup tag left in the text", "")
			}
			for _, m := range entityRE.FindAllStringIndex(t, -1) {
				e := t[m[0]:m[1]]
				u := html.UnescapeString(e)
				if u == e {
					continue // not an entity HTML knows: "R&D;" stays
				}
				if u == "\u00a0" {
					u = " "
				}
				r.Flag(b, s, m[0], m[1], "character entity left in the text", u)
			}
		}
	}
}
