package lang

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Normalize applies the safe normalization that every input document gets
// before it is split, the steps of NewNormalizer:
//
//  1. line endings become "\n": CRLF and a lone CR each make one "\n";
//  2. soft hyphens (U+00AD), zero-width spaces and joiners (U+200B,
//     U+200C, U+200D), the word joiner (U+2060), the Mongolian vowel
//     separator (U+180E) and byte-order marks (U+FEFF, leading or not)
//     are removed;
//  3. no-break and fixed-width spaces (U+00A0, U+2000 to U+200A, U+202F,
//     U+205F) become ordinary spaces;
//  4. the text is put in Unicode NFC ("е" + U+0308 becomes "ё").
//
// Normalize never joins or splits lines, so line n of its result is line
// n of the input and positions can be reported by line. It never changes
// letters, quotes or dashes: what the author wrote is kept. Folding for
// comparison is Key's job. Normalize is idempotent, and returns s itself
// when there is nothing to change. Zero-width joiners matter in some
// scripts (Persian, Indic, emoji sequences); align works on Russian and
// English, where they are noise.
func Normalize(s string) string {
	if isNormal(s) {
		return s
	}
	out, _, err := transform.String(NewNormalizer(), s)
	if err != nil {
		// The transformers in the chain never fail on any input.
		panic("lang: normalize: " + err.Error())
	}
	return out
}

// NewNormalizer returns the transformer behind Normalize: a chain of
// small transformers (line endings, removal of invisible characters,
// spaces, NFC), for use on streams with transform.NewReader. A
// transformer holds state: make one per stream.
func NewNormalizer() transform.Transformer {
	return transform.Chain(
		newlines{},
		runes.Remove(runes.Predicate(isInvisible)),
		runes.Map(mapSpace),
		norm.NFC,
	)
}

// isNormal reports, in one pass, that Normalize has nothing to do. Text
// made only of characters that are stable under NFC and never combine
// with what precedes them (stableNFC) needs no NFC check; other text gets
// the full one.
func isNormal(s string) bool {
	stable := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\r' {
				return false
			}
			i++
			continue
		}
		if (c == 0xD0 || c == 0xD1) && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2 // U+0400 to U+047F: letters, stable under NFC
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || isInvisible(r) || mapSpace(r) != r {
			return false
		}
		stable = stable && stableNFC(r)
		i += n
	}
	return stable || norm.NFC.IsNormalString(s)
}

// stableNFC reports whether r is in a range whose characters are NFC and
// start a new segment (they never compose with what comes before them):
// Latin up to U+02FF, Cyrillic without its combining marks, general
// punctuation, currency signs and №. TestStableNFC checks every one.
func stableNFC(r rune) bool {
	return r < 0x300 ||
		0x400 <= r && r <= 0x482 || 0x48A <= r && r <= 0x52F ||
		0x2010 <= r && r <= 0x205E || 0x20A0 <= r && r <= 0x20BF || r == '№'
}

func isInvisible(r rune) bool {
	switch r {
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\u180E', '\uFEFF':
		return true
	}
	return false
}

func mapSpace(r rune) rune {
	switch {
	case r == '\u00A0', r >= '\u2000' && r <= '\u200A', r == '\u202F', r == '\u205F':
		return ' '
	}
	return r
}

// newlines is a transformer that turns CRLF and lone CR into LF.
type newlines struct{ transform.NopResetter }

func (newlines) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		i := bytes.IndexByte(src[nSrc:], '\r')
		if i < 0 {
			i = len(src) - nSrc
		}
		n := copy(dst[nDst:], src[nSrc:nSrc+i])
		nDst += n
		nSrc += n
		if n < i {
			return nDst, nSrc, transform.ErrShortDst
		}
		if nSrc == len(src) {
			break
		}
		// src[nSrc] is '\r'.
		if nSrc+1 == len(src) && !atEOF {
			return nDst, nSrc, transform.ErrShortSrc // a '\n' may follow
		}
		if nDst == len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		dst[nDst] = '\n'
		nDst++
		nSrc++
		if nSrc < len(src) && src[nSrc] == '\n' {
			nSrc++
		}
	}
	return nDst, nSrc, nil
}
