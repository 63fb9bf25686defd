package report

// NameGroup is one name written in more than one way: the forms that share
// a match key, as the names check finds them.
type NameGroup struct {
	Key string // the match key the forms share, such as "jerevan"
	// Forms are the spellings, the reference first (usually the most
	// frequent); each other form is shown with its characters that differ
	// from the reference marked.
	Forms []NameForm
}

// NameForm is one spelling of a name.
type NameForm struct {
	Text  string   // the spelling as written
	Side  string   // "src" or "tgt"
	Count int      // how many times it occurs
	Docs  []string // the documents it occurs in
}

// diffPiece is a run of characters of a form, marked when it differs from
// the reference.
type diffPiece struct {
	Text    string
	Changed bool
}

// charDiff marks the characters of b that are not in a longest common
// subsequence of a and b (compared rune by rune). Names are short, so the
// quadratic table is small; longer strings are compared only by their
// common prefix and suffix.
func charDiff(a, b string) []diffPiece {
	ra, rb := []rune(a), []rune(b)
	keep := make([]bool, len(rb))
	if len(ra)*len(rb) > 1<<16 {
		p := 0
		for p < len(ra) && p < len(rb) && ra[p] == rb[p] {
			keep[p] = true
			p++
		}
		for s := 1; s <= len(ra)-p && s <= len(rb)-p && ra[len(ra)-s] == rb[len(rb)-s]; s++ {
			keep[len(rb)-s] = true
		}
	} else {
		// lcs[i][j] is the LCS length of ra[i:] and rb[j:].
		lcs := make([][]int, len(ra)+1)
		for i := range lcs {
			lcs[i] = make([]int, len(rb)+1)
		}
		for i := len(ra) - 1; i >= 0; i-- {
			for j := len(rb) - 1; j >= 0; j-- {
				if ra[i] == rb[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		for i, j := 0, 0; i < len(ra) && j < len(rb); {
			switch {
			case ra[i] == rb[j]:
				keep[j] = true
				i++
				j++
			case lcs[i+1][j] >= lcs[i][j+1]:
				i++
			default:
				j++
			}
		}
	}
	var out []diffPiece
	for j, r := range rb {
		changed := !keep[j]
		if n := len(out); n > 0 && out[n-1].Changed == changed {
			out[n-1].Text += string(r)
			continue
		}
		out = append(out, diffPiece{Text: string(r), Changed: changed})
	}
	return out
}
