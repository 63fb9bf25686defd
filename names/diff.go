package names

import (
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Diff shows, character by character, how spelling differs from want:
// the letters of want that spelling lacks as [-x-], the letters it adds
// as {+y+}, the rest as is. Diff(a, a) is a; removing every [-x-] and
// the marks around {+y+} gives spelling back, and keeping [-x-] while
// dropping {+y+} gives want.
func Diff(want, spelling string) string {
	if want == spelling {
		return spelling
	}
	dmp := diffmatchpatch.New()
	ds := dmp.DiffMain(want, spelling, false)
	ds = dmp.DiffCleanupSemanticLossless(ds)
	var b strings.Builder
	for _, d := range ds {
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			b.WriteString(d.Text)
		case diffmatchpatch.DiffDelete:
			b.WriteString("[-" + d.Text + "-]")
		case diffmatchpatch.DiffInsert:
			b.WriteString("{+" + d.Text + "+}")
		}
	}
	return b.String()
}
