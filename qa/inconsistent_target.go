package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/lang"
)

func init() {
	register(&Check{
		Code: "inconsistent-target", Severity: Warning, Category: Consistency, Bilingual: true,
		Doc: "the same Russian sentence translated differently elsewhere in the corpus",
		Run: checkInconsistentTarget,
	})
}

// minConsistencyWords is the shortest sentence the consistency checks
// compare: shorter ones ("Спасибо.") are translated by context.
const minConsistencyWords = 4

// checkInconsistentTarget groups the aligned beads by their Russian
// (compared by foldText) and flags, in a group with more than one
// English, every bead whose English differs from the most frequent one
// (the first one on a tie), naming that one as the suggestion.
func checkInconsistentTarget(in *Input, r *Reporter) {
	inconsistent(in, r, Src)
}

// inconsistent flags the beads whose side other than by differs from
// the majority among the beads sharing the same text on side by.
func inconsistent(in *Input, r *Reporter, by Side) {
	other := Tgt
	if by == Tgt {
		other = Src
	}
	folds := in.folded()
	groups := map[foldKey][]int{}
	var order []foldKey
	for i := range in.Beads {
		k := folds[i][by]
		// Fewer than minConsistencyWords words, or a bead with an empty
		// side (no words).
		if k.words < minConsistencyWords {
			continue
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	for _, k := range order {
		idx := groups[k]
		if len(idx) < 2 {
			continue
		}
		count := map[foldKey]int{}
		var best foldKey
		bestN := 0
		for _, i := range idx {
			o := folds[i][other]
			count[o]++
			if count[o] > bestN {
				best, bestN = o, count[o]
			}
		}
		if len(count) < 2 {
			continue
		}
		var bestText string
		for _, i := range idx {
			if folds[i][other] == best {
				bestText = in.Beads[i].seg(other).Text
				break
			}
		}
		for _, i := range idx {
			b := &in.Beads[i]
			if folds[i][other] == best {
				continue
			}
			msg := "the same Russian is translated differently elsewhere"
			if by == Tgt {
				msg = "the same English translates a different Russian elsewhere"
			}
			r.FlagAll(b, other, msg).Suggestion = strings.Join(strings.Fields(bestText), " ")
		}
	}
}

// foldKey stands for the folded text of a sentence (foldText) without
// keeping it: the number of its words and a 64-bit FNV-1a hash of it.
// Texts with the same key are taken as the same; among a million
// sentences the chance that two different ones share a key is about one
// in 30 million.
type foldKey struct {
	hash  uint64
	words int
}

// keyOf returns the key of a folded text.
func keyOf(folded []byte) foldKey {
	if len(folded) == 0 {
		return foldKey{}
	}
	const offset, prime = 14695981039346656037, 1099511628211
	k := foldKey{hash: offset, words: 1}
	for _, c := range folded {
		if c == ' ' {
			k.words++
		}
		k.hash = (k.hash ^ uint64(c)) * prime
	}
	return k
}

// folded returns the keys of both sides of every bead, indexed by bead
// and Side, computed once; both are zero for a bead with an empty side,
// which the consistency checks skip.
func (in *Input) folded() [][2]foldKey {
	in.foldOnce.Do(func() {
		in.folds = make([][2]foldKey, len(in.Beads))
		inParallel(len(in.Beads), func(lo, hi int) {
			var buf []byte
			for i := lo; i < hi; i++ {
				b := &in.Beads[i]
				if b.Src.Empty() || b.Tgt.Empty() {
					continue
				}
				buf = appendFold(buf[:0], b.Src.Text)
				in.folds[i][Src] = keyOf(buf)
				buf = appendFold(buf[:0], b.Tgt.Text)
				in.folds[i][Tgt] = keyOf(buf)
			}
		})
	})
	return in.folds
}

// foldText is the comparison key of a sentence: lower case, letters and
// digits only, words separated by one space, ё as е.
func foldText(s string) string {
	return string(appendFold(make([]byte, 0, len(s)), s))
}

// appendFold appends foldText(s) to b.
func appendFold(b []byte, s string) []byte {
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, most of an English text: no decoding.
			i++
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			} else if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
				space = true
				continue
			}
			if space && len(b) > 0 {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
			continue
		}
		c, n := utf8.DecodeRuneInString(s[i:])
		i += n
		c = toLower(c)
		if c == 'ё' {
			c = 'е'
		} else if !lang.IsLetter(c) && !isDigit(c) {
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, c)
	}
	return b
}

// toLower is unicode.ToLower, with ASCII and the Russian alphabet
// answered at once.
func toLower(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	case 'А' <= r && r <= 'Я':
		return r + 'а' - 'А'
	case 'а' <= r && r <= 'я':
		return r
	}
	return unicode.ToLower(r)
}

// isDigit is unicode.IsDigit, with ASCII answered at once.
func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}
