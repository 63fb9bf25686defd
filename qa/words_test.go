package qa

import (
	"strings"
	"testing"
)

// TestWordList parses the embedded word list: every entry is lower-case
// Latin letters, and the words the split-word check relies on are there.
func TestWordList(t *testing.T) {
	n := 0
	for i, line := range strings.Split(wordsEN, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			n++
			if w != strings.ToLower(w) || !isLatinWord(w) {
				t.Errorf("tables/words-en.txt:%d: %q is not a lower-case Latin word", i+1, w)
			}
		}
	}
	if n < 1500 {
		t.Errorf("word list has %d words; want at least 1500", n)
	}
	for _, w := range []string{"from", "where", "mile", "a", "together", "meetings", "signed", "countries", "stopped"} {
		if !isEnglishWord(w) {
			t.Errorf("isEnglishWord(%q) = false", w)
		}
	}
	for _, w := range []string{"fr", "om", "wh", "gether"} {
		if isEnglishWord(w) {
			t.Errorf("isEnglishWord(%q) = true", w)
		}
	}
}
