package lang

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImports keeps lang at the start of the data flow: outside the
// standard library it may import only golang.org/x/text.
func TestImports(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").Output()
	if err != nil {
		t.Skipf("go list is not available: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if p != "github.com/align-tools/align/lang" && !strings.HasPrefix(p, "golang.org/x/text/") {
			t.Errorf("lang depends on %s; it may import only the standard library and golang.org/x/text", p)
		}
	}
}
