package report

// NameGroup is one name written in more than one way (or in a way that
// is not its official spelling), as the names package finds them.
type NameGroup struct {
	Key string // what the forms share: the Russian name, or a match key
	// Note says why the reference form is preferred, if anything does.
	Note string
	// Forms are the spellings, the reference first (the suggested or the
	// most frequent one); each other form is shown with its characters that differ
	// from the reference marked.
	Forms []NameForm
}

// NameForm is one spelling of a name.
type NameForm struct {
	Text  string   // the spelling as written
	Side  string   // "src" or "tgt"
	Count int      // how many times it occurs; 0 for a reference not in the corpus
	Docs  []string // the documents it occurs in
}

// diffPiece is a run of characters of a form: kept from the reference,
// Added (not in the reference) or Deleted (in the reference only).
type diffPiece struct {
	Text           string
	Added, Deleted bool
}

// charDiff compares b with the reference a, rune by rune, along a longest
// common subsequence: the pieces, in order, hold every rune of b (kept or
// added) and the runes of a that b lacks (deleted). Names are short, so
// the quadratic table is small; longer strings are compared only by their
// common prefix and suffix.
func charDiff(a, b string) []diffPiece {
	ra, rb := []rune(a), []rune(b)
	var out []diffPiece
	emit := func(r rune, added, deleted bool) {
		if n := len(out); n > 0 && out[n-1].Added == added && out[n-1].Deleted == deleted {
			out[n-1].Text += string(r)
			return
		}
		out = append(out, diffPiece{Text: string(r), Added: added, Deleted: deleted})
	}
	if len(ra)*len(rb) > 1<<16 {
		p := 0
		for p < len(ra) && p < len(rb) && ra[p] == rb[p] {
			p++
		}
		q := 0
		for q < len(ra)-p && q < len(rb)-p && ra[len(ra)-1-q] == rb[len(rb)-1-q] {
			q++
		}
		for _, r := range rb[:p] {
			emit(r, false, false)
		}
		for _, r := range ra[p : len(ra)-q] {
			emit(r, false, true)
		}
		for _, r := range rb[p : len(rb)-q] {
			emit(r, true, false)
		}
		for _, r := range rb[len(rb)-q:] {
			emit(r, false, false)
		}
		return out
	}
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
	i, j := 0, 0
	for i < len(ra) || j < len(rb) {
		switch {
		case i < len(ra) && j < len(rb) && ra[i] == rb[j]:
			emit(rb[j], false, false)
			i++
			j++
		case j == len(rb) || i < len(ra) && lcs[i+1][j] >= lcs[i][j+1]:
			emit(ra[i], false, true)
			i++
		default:
			emit(rb[j], true, false)
			j++
		}
	}
	return out
}
