package lang

import (
	"unicode"
	"unicode/utf8"
)

// The character classes below are those of the unicode package, with
// ASCII and the Cyrillic block answered without its tables: the text
// align reads is mostly one or the other. TestRuneClasses compares them
// with the tables over every code point.

// cyrillicLetter reports whether r is in the part of the Cyrillic blocks
// (U+0400 to U+052F) that holds letters only: all of it but the signs and
// combining marks U+0482 to U+0489.
func cyrillicLetter(r rune) bool {
	return 0x400 <= r && r <= 0x481 || 0x48A <= r && r <= 0x52F
}

// IsLetter is unicode.IsLetter.
func IsLetter(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case cyrillicLetter(r):
		return true
	}
	return unicode.IsLetter(r)
}

// IsUpper is unicode.IsUpper.
func IsUpper(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'A' <= r && r <= 'Z'
	case 'А' <= r && r <= 'я':
		return r <= 'Я'
	}
	return unicode.IsUpper(r)
}

// IsLatin is unicode.Is(unicode.Latin, r).
func IsLatin(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case cyrillicLetter(r):
		return false
	}
	return unicode.Is(unicode.Latin, r)
}

// IsCyrillic is unicode.Is(unicode.Cyrillic, r).
func IsCyrillic(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return false
	case cyrillicLetter(r):
		return true
	}
	return unicode.Is(unicode.Cyrillic, r)
}
