package align

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoProjectImports keeps align free of the project's other packages:
// lexical evidence reaches it only through Config.Similarity.
func TestNoProjectImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "github.com/align-tools/align/") && p != "github.com/align-tools/align/align" {
			t.Errorf("align imports %s", p)
		}
	}
}
