package lang

import (
	"testing"
	"unicode"
)

func TestRuneClasses(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if IsLetter(r) != unicode.IsLetter(r) {
			t.Fatalf("IsLetter(%U) = %v", r, IsLetter(r))
		}
		if IsUpper(r) != unicode.IsUpper(r) {
			t.Fatalf("IsUpper(%U) = %v", r, IsUpper(r))
		}
		if IsLatin(r) != unicode.Is(unicode.Latin, r) {
			t.Fatalf("IsLatin(%U) = %v", r, IsLatin(r))
		}
		if IsCyrillic(r) != unicode.Is(unicode.Cyrillic, r) {
			t.Fatalf("IsCyrillic(%U) = %v", r, IsCyrillic(r))
		}
	}
}
