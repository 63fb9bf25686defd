package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestSplitStructure runs `align split --structure` on the sample's
// Russian summit page.
func TestSplitStructure(t *testing.T) {
	var out, errb bytes.Buffer
	file := filepath.Join("..", "..", "testdata", "speeches", "ru", "summit.txt")
	if code := run([]string{"align", "split", "--structure", "-l", "ru", file}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{
		"sections: 4",
		"#1 heading line 8: Г.А.Жумабековой",
		"#2 turn line 22: Г.Цхай",
		"boilerplate -    Пресс-служба Совета",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
