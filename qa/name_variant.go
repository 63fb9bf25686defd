package qa

import "github.com/align-tools/align/names"

func init() {
	register(&Check{
		Code: names.Code, Severity: Warning, Category: Names,
		Doc: `a name spelled another way elsewhere in the corpus ("Sadir" beside "Sadyr")`,
		Run: checkNameVariant,
	})
}

// checkNameVariant flags every occurrence of a name spelling that is not
// the one its group suggests: the groups span the whole input (package
// names), so one spelling is judged against all the others, with the
// Russian names of the beads when there are any.
func checkNameVariant(in *Input, r *Reporter) {
	for _, f := range names.Findings(in.NameGroups()) {
		if f.Seq < 0 || f.Seq >= len(in.Beads) {
			continue
		}
		r.Flag(&in.Beads[f.Seq], Tgt, f.Start, f.End, f.Message, f.Suggested)
	}
}
