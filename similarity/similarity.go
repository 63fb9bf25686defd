// Package similarity measures how alike a Russian and an English
// sentence are beyond their length: shared numbers, names and other
// anchors. It turns documents into the Similarity callback of
// align.Config.
//
// A Scorer is built once per document pair from the sentence texts; it
// is safe for concurrent use after construction.
package similarity

import (
	"strings"
	"unicode"

	"github.com/align-tools/align/align"
)

// Scorer scores ranges of sentences of a document pair.
type Scorer struct {
	src, tgt [][]string // anchor tokens per sentence
}

// New builds a scorer over the source and target sentences.
func New(src, tgt []string) *Scorer {
	s := &Scorer{src: make([][]string, len(src)), tgt: make([][]string, len(tgt))}
	for i, t := range src {
		s.src[i] = anchors(t)
	}
	for i, t := range tgt {
		s.tgt[i] = anchors(t)
	}
	return s
}

// Similarity returns the share of anchors the two ranges have in common,
// 0 when neither has any.
func (s *Scorer) Similarity(src, tgt align.Range) float64 {
	a := map[string]int{}
	na, nb := 0, 0
	for i := src.Start; i < src.End; i++ {
		for _, t := range s.src[i] {
			a[t]++
			na++
		}
	}
	common := 0
	for j := tgt.Start; j < tgt.End; j++ {
		for _, t := range s.tgt[j] {
			nb++
			if a[t] > 0 {
				a[t]--
				common++
			}
		}
	}
	if na+nb == 0 {
		return 0
	}
	return 2 * float64(common) / float64(na+nb)
}

// anchors returns the digit runs of s.
func anchors(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }) {
		out = append(out, f)
	}
	return out
}
