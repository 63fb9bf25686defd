package qa

// inconsistent-source groups the aligned beads by their English and
// flags the Russian of those that differ from the most frequent Russian
// of the group. It is information: one English sentence may well render
// two Russian wordings; it may also have been pasted where it does not
// belong. It runs as inconsistent-target does, the sides swapped.
func init() {
	register(&Check{
		Code: "inconsistent-source", Severity: Info, Category: Consistency, Bilingual: true,
		Doc: "the same English used for different Russian elsewhere in the corpus",
	})
}
