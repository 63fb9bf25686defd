package qa

func init() {
	register(&Check{
		Code: "double-space", Severity: Warning, Category: Spacing,
		Doc: "two or more spaces between words",
		Run: checkDoubleSpace,
	})
}

// checkDoubleSpace flags runs of two or more spaces (or tabs) between
// two characters of one line. Indentation at the start of a line and
// spaces at its end are not flagged.
func checkDoubleSpace(in *Input, r *Reporter) {
	for i := range in.Beads {
		b := &in.Beads[i]
		for _, s := range []Side{Tgt, Src} {
			t := b.seg(s).Text
			for k := 0; k < len(t); k++ {
				if !isBlank(t[k]) {
					continue
				}
				end := k
				for end < len(t) && isBlank(t[end]) {
					end++
				}
				if end-k >= 2 && k > 0 && t[k-1] != '\n' && end < len(t) && t[end] != '\n' {
					r.Flag(b, s, k, end, "more than one space", " ")
				}
				k = end
			}
		}
	}
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }
