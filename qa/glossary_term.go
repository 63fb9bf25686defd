package qa

func init() {
	register(&Check{
		Code: "glossary", Severity: Warning, Category: Terminology, Bilingual: true,
		Doc: "a glossary term in the Russian whose rendering is not in the English (--glossary FILE)",
		Run: checkGlossary,
	})
}

// checkGlossary flags, for every term of Input.Glossary found in the
// Russian of an aligned bead, the bead whose English has none of the
// term's renderings. The finding points at the term in the Russian and
// suggests the first rendering. Without a glossary it finds nothing.
func checkGlossary(in *Input, r *Reporter) {
	if in.Glossary == nil {
		return
	}
	for i := range in.Beads {
		b := &in.Beads[i]
		if b.Src.Empty() || b.Tgt.Empty() {
			continue
		}
		for _, term := range in.Glossary.Terms {
			start, end, ok := findSrcTerm(b.Src.Text, term.Src)
			if !ok {
				continue
			}
			found := false
			for _, alt := range term.Tgt {
				if containsTgtTerm(b.Tgt.Text, alt) {
					found = true
					break
				}
			}
			if found {
				continue
			}
			msg := "glossary: " + term.Src + " is rendered " + quoteList(term.Tgt)
			if term.Note != "" {
				msg += " (" + term.Note + ")"
			}
			r.Flag(b, Src, start, end, msg, term.Tgt[0])
		}
	}
}

func quoteList(alts []string) string {
	s := ""
	for i, a := range alts {
		if i > 0 {
			s += " or "
		}
		s += "“" + a + "”"
	}
	return s
}
