package qa

func init() {
	register(&Check{
		Code: "addition", Severity: Info, Category: Omission, Bilingual: true,
		Doc: "an English sentence with no Russian (unaligned)",
		Run: checkAddition,
	})
}

// checkAddition flags the beads that have English and no Russian. It is
// information: an English page often holds more than the Russian
// fragments quoted, and headings and boilerplate have no Russian.
func checkAddition(in *Input, r *Reporter) {
	for i := range in.Beads {
		b := &in.Beads[i]
		if b.Src.Empty() && !b.Tgt.Empty() {
			r.FlagAll(b, Tgt, "no Russian for this English: added, or its Russian was not found")
		}
	}
}
