package qa

func init() {
	register(&Check{
		Code: "double-punct", Severity: Error, Category: Punctuation,
		Doc: `doubled or spaced punctuation ("CSTO..", "signed. .", ",,"), not an ellipsis`,
		Run: checkDoublePunct,
	})
}

// checkDoublePunct flags a punctuation mark repeated at once (",,",
// two periods but not three) or after spaces (". .", ", ,"). An
// ellipsis ("...", ". . .") and "?!" are left alone; "!!" and "??" are
// warnings, as emphasis some writers mean, and so is the Russian "!.."
// ("?..").
func checkDoublePunct(in *Input, r *Reporter) {
	for i := range in.Beads {
		b := &in.Beads[i]
		t := b.Tgt.Text
		for k := 0; k < len(t); {
			c := t[k]
			switch c {
			case '.', ',', ';', ':', '!', '?':
			default:
				k++
				continue
			}
			// The run of this mark, possibly spaced.
			end := k + 1
			marks, spaced := 1, false
			for {
				j := end
				for j < len(t) && t[j] == ' ' {
					j++
				}
				if j < len(t) && t[j] == c {
					if j > end {
						spaced = true
					}
					end = j + 1
					marks++
					continue
				}
				break
			}
			if marks == 1 {
				k = end
				continue
			}
			if c == '.' && marks >= 3 {
				k = end // an ellipsis, spaced or not
				continue
			}
			if spaced && c == '.' && end < len(t) && t[end] >= '0' && t[end] <= '9' {
				k = end // ". .5"
				continue
			}
			if c == '.' && k > 0 && (t[k-1] == '!' || t[k-1] == '?') {
				// "!..", "?..": a Russian way of writing "!…".
				f := r.Flag(b, Tgt, k-1, end, "“"+t[k-1:end]+"” is Russian typography; English writes “"+t[k-1:k]+"” or “"+t[k-1:k]+"…”", t[k-1:k])
				f.Severity = Warning
				k = end
				continue
			}
			f := r.Flag(b, Tgt, k, end, "punctuation mark doubled", string(c))
			if !spaced && (c == '!' || c == '?') {
				f.Severity = Warning
				f.Message = "punctuation mark repeated for emphasis"
			}
			k = end
		}
	}
}
