package qa

func init() {
	register(&Check{
		Code: "omission", Severity: Warning, Category: Omission, Bilingual: true,
		Doc: "a Russian sentence with no English (unaligned)",
		Run: checkOmission,
	})
}

// checkOmission flags the beads that have Russian and no English: the
// aligner found no translation for those sentences.
func checkOmission(in *Input, r *Reporter) {
	for i := range in.Beads {
		b := &in.Beads[i]
		if !b.Src.Empty() && b.Tgt.Empty() {
			r.FlagAll(b, Src, "no English for this Russian: left out of the translation, or not found by the aligner")
		}
	}
}
