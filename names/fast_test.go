package names

import (
	"testing"
	"unicode"
)

// TestRuneClasses checks the shortcuts of the character classes against
// the Unicode tables they stand for, over every code point.
func TestRuneClasses(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if isLetter(r) != unicode.IsLetter(r) || isUpper(r) != unicode.IsUpper(r) {
			t.Fatalf("a shortcut disagrees with the Unicode tables on %U", r)
		}
	}
}
