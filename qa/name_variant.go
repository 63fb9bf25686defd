package qa

import "github.com/align-tools/align/names"

// name-variant flags every occurrence of a name spelling that is not
// the one its group suggests: the groups span the whole corpus (package
// names), so one spelling is judged against all the others, with the
// Russian names of the beads when there are any. Stream reads the names
// of every bead (gatherNames), adds them to its index in the order of
// the beads, and Finish flags the spellings of the groups.
func init() {
	register(&Check{
		Code: names.Code, Severity: Warning, Category: Names,
		Doc: `a name spelled another way elsewhere in the corpus ("Sadir" beside "Sadyr")`,
	})
}

// gatherNames reads the name words of the beads for the index x, one
// Found per bead.
func gatherNames(x *names.Index, beads []Bead) []names.Found {
	found := make([]names.Found, len(beads))
	for i := range beads {
		b := &beads[i]
		file := b.Tgt.File
		if file == "" {
			file = b.Doc
		}
		var lineOf func(int) int
		if pos := b.Tgt.Pos; pos != nil {
			lineOf = func(off int) int {
				line, _ := pos(off)
				return line
			}
		}
		found[i] = x.Read(file, b.Src.Text, b.Tgt.Text, lineOf)
	}
	return found
}
