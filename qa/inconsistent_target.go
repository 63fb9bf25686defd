package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/lang"
)

// inconsistent-target groups the aligned beads by their Russian
// (compared by foldText) and flags, in a group with more than one
// English, every bead whose English differs from the most frequent one
// (the first one on a tie), naming that one as the suggestion. It
// compares beads across the corpus: Stream gathers the fold keys of the
// beads (gatherFolds) and finishInconsistent judges them.
func init() {
	register(&Check{
		Code: "inconsistent-target", Severity: Warning, Category: Consistency, Bilingual: true,
		Doc: "the same Russian sentence translated differently elsewhere in the corpus",
	})
}

// minConsistencyWords is the shortest sentence the consistency checks
// compare: shorter ones ("Спасибо.") are translated by context.
const minConsistencyWords = 4

// beadFolds is the fold keys of both sides of a bead (number seq in its
// part, then in the corpus once added), indexed by Side.
type beadFolds struct {
	seq  int
	keys [2]foldKey
}

// gatherFolds returns the fold keys of the beads numbered from first
// that have both sides and a side of minConsistencyWords words or more:
// the only ones the consistency checks compare.
func gatherFolds(beads []Bead) []beadFolds {
	out := make([]beadFolds, 0, len(beads))
	var buf []byte
	for i := range beads {
		b := &beads[i]
		if b.Alone || b.Src.Empty() || b.Tgt.Empty() {
			continue
		}
		var f beadFolds
		buf = appendFold(buf[:0], b.Src.Text)
		f.keys[Src] = keyOf(buf)
		buf = appendFold(buf[:0], b.Tgt.Text)
		f.keys[Tgt] = keyOf(buf)
		if f.keys[Src].words < minConsistencyWords && f.keys[Tgt].words < minConsistencyWords {
			continue
		}
		f.seq = i
		out = append(out, f)
	}
	return out
}

// finishInconsistent flags the beads whose side other than by differs
// from the majority among the beads sharing the same text on side by.
func (s *Stream) finishInconsistent(f *fetcher, r *Reporter, by Side) error {
	other := Tgt
	if by == Tgt {
		other = Src
	}
	// The beads grouped by their key on side by, in the order of the
	// beads within a group; most keys are of one bead only.
	size := map[foldKey]int32{}
	for i := range s.folds {
		if k := s.folds[i].keys[by]; k.words >= minConsistencyWords {
			size[k]++
		}
	}
	groups := map[foldKey][]int32{}
	var order []foldKey
	for i := range s.folds {
		k := s.folds[i].keys[by]
		if k.words < minConsistencyWords || size[k] < 2 {
			continue
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], int32(i))
	}
	size = nil
	msg := "the same Russian is translated differently elsewhere"
	if by == Tgt {
		msg = "the same English translates a different Russian elsewhere"
	}
	count := map[foldKey]int{}
	for _, k := range order {
		group := groups[k]
		// The most frequent other side, the first to get there on a tie.
		clear(count)
		var best foldKey
		bestN := 0
		for _, i := range group {
			o := s.folds[i].keys[other]
			count[o]++
			if count[o] > bestN {
				best, bestN = o, count[o]
			}
		}
		if len(count) < 2 {
			continue
		}
		var sugg string
		for _, i := range group {
			if s.folds[i].keys[other] == best {
				b, err := f.bead(s.folds[i].seq)
				if err != nil {
					return err
				}
				sugg = strings.Join(strings.Fields(b.seg(other).Text), " ")
				break
			}
		}
		for _, i := range group {
			if s.folds[i].keys[other] == best {
				continue
			}
			b, err := f.bead(s.folds[i].seq)
			if err != nil {
				return err
			}
			r.FlagAll(b, other, msg).Suggestion = sugg
		}
	}
	return nil
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
