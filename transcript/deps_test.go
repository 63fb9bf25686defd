package transcript

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImports keeps transcript between splitting and aligning: of the
// project it may import only lang, and outside the standard library only
// golang.org/x/text.
func TestImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").Output()
	if err != nil {
		t.Skipf("go list is not available: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		switch {
		case p == "github.com/align-tools/align/transcript", p == "github.com/align-tools/align/lang",
			strings.HasPrefix(p, "golang.org/x/text/"):
		default:
			t.Errorf("transcript depends on %s; it may import only lang, the standard library and golang.org/x/text", p)
		}
	}
}
