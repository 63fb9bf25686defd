package pipeline

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/corpora"
)

// The guarantee that nothing is lost between reading and writing is
// checked in three steps, each cheap: the sentences of a document hold
// all its text (checkSplit), every sentence goes to exactly one job
// (checkCover), and the units of a job hold all its sentences
// (checkComplete). An error in any is a bug in the splitter, the
// transcript logic or the aligner; the run reports it, naming the file,
// rather than write a corpus with a hole.

// checkSplit verifies that the sentences of d hold every character of
// its text that is not white space, exactly once and in order.
func checkSplit(d *Doc) error {
	if spansCover(d) {
		return nil
	}
	// The sentences are not ordered spans with only white space
	// between them; compare the characters to say where they differ.
	text := inkScanner{parts: func(int) string { return d.Text }, n: 1}
	if err := sameInkOf(&text, sentenceInk(d)); err != nil {
		return fmt.Errorf("pipeline: %s: the sentences do not hold the text as read: %v", d.Path, err)
	}
	return nil
}

// spansCover reports whether the sentences of d are ordered spans of its
// text, inside it and not overlapping, with nothing but white space
// between and around them: then they hold every character of the text
// that is not white space exactly once and in order, and the text need
// not be compared character by character.
func spansCover(d *Doc) bool {
	pos := 0
	for _, s := range d.Sentences {
		if s.Start < pos || s.End < s.Start || s.End > len(d.Text) || !allSpace(d.Text[pos:s.Start]) {
			return false
		}
		pos = s.End
	}
	return allSpace(d.Text[pos:])
}

// allSpace reports whether s holds only white space (unicode.IsSpace).
func allSpace(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return false
		}
		i += n
	}
	return true
}

// checkComplete verifies that the units of a pair hold every character of
// the sentences of both its documents that is not white space, exactly
// once and in order.
func checkComplete(p *Pair, units []corpora.Unit) error {
	src := inkScanner{parts: func(i int) string { return units[i].SrcText }, n: len(units)}
	if err := sameInkOf(sentenceInk(p.Src), &src); err != nil {
		return fmt.Errorf("pipeline: %s: the corpus does not hold the source text as read: %v", p.Src.Path, err)
	}
	tgt := inkScanner{parts: func(i int) string { return units[i].TgtText }, n: len(units)}
	if err := sameInkOf(sentenceInk(p.Tgt), &tgt); err != nil {
		return fmt.Errorf("pipeline: %s: the corpus does not hold the target text as read: %v", p.Tgt.Path, err)
	}
	return nil
}

// sentenceInk returns a scanner over the characters of the sentences of d.
func sentenceInk(d *Doc) *inkScanner {
	return &inkScanner{parts: d.Sentence, n: len(d.Sentences)}
}

// sameInkOf reports where the characters of a and b that are not white
// space first differ, counting characters from 1; when one runs out
// first, it gives how many each holds. Nothing is copied.
func sameInkOf(a, b *inkScanner) error {
	for k := 1; ; k++ {
		ra, okA := a.next()
		rb, okB := b.next()
		switch {
		case okA && okB:
			if ra != rb {
				return fmt.Errorf("character %d is %q in the input and %q in the output", k, ra, rb)
			}
			continue
		case okA:
			return fmt.Errorf("%d characters in the input, %d in the output", k+a.rest(), k-1)
		case okB:
			return fmt.Errorf("%d characters in the input, %d in the output", k-1, k+b.rest())
		}
		return nil
	}
}

// inkScanner reads the characters that are not white space
// (unicode.IsSpace) of a sequence of n strings, parts(0) to parts(n-1),
// as if they were joined with spaces.
type inkScanner struct {
	parts func(i int) string
	n     int
	i     int    // the next part to read
	s     string // what is left of the part being read
}

// next returns the next character that is not white space, and false
// when there is none left.
func (c *inkScanner) next() (rune, bool) {
	for {
		for len(c.s) > 0 {
			if b := c.s[0]; b < utf8.RuneSelf {
				c.s = c.s[1:]
				if !asciiSpace[b] {
					return rune(b), true
				}
				continue
			}
			r, n := utf8.DecodeRuneInString(c.s)
			c.s = c.s[n:]
			if !unicode.IsSpace(r) {
				return r, true
			}
		}
		if c.i >= c.n {
			return 0, false
		}
		c.s = c.parts(c.i)
		c.i++
	}
}

// rest counts the characters left.
func (c *inkScanner) rest() int {
	n := 0
	for _, ok := c.next(); ok; _, ok = c.next() {
		n++
	}
	return n
}

// asciiSpace holds the ASCII characters unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
