// Package layering holds a test that keeps the imports between the
// project's packages flowing one way: read → split → align → flag →
// write, with pipeline the only package that ties them together.
package layering

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/align-tools/align"

// allowed lists, for each package (by path below the module), the project
// packages it may import, directly or not. A package not listed may
// import anything but pipeline and cmd.
var allowed = map[string][]string{
	"align":             {},
	"lang":              {},
	"corpora":           {"lang"},
	"corpora/tmx":       {"corpora", "lang"},
	"corpora/plaintext": {"corpora", "lang"},
	"corpora/xliff":     {"corpora", "corpora/tmx", "lang"},
	"report":            {"corpora", "lang"},
	"similarity":        {"align", "lang"},
	"transcript":        {"lang"},
}

// outside lists, for the packages at the start of the data flow, the
// only modules beyond the standard library they may depend on: lang and
// transcript know languages through golang.org/x/text alone, and align
// sees only lengths and a callback.
var outside = map[string][]string{
	"align":      {},
	"lang":       {"golang.org/x/text/"},
	"transcript": {"golang.org/x/text/"},
}

func TestImportsFlowOneWay(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(strings.TrimPrefix(fields[0], module), "/")
		var deps []string
		for _, d := range fields[1:] {
			if strings.HasPrefix(d, module+"/") {
				deps = append(deps, strings.TrimPrefix(d, module+"/"))
				continue
			}
			if allow, ok := outside[pkg]; ok && !standard(d) && !hasPrefix(d, allow) {
				t.Errorf("%s depends on %s; beyond the standard library it may depend only on %v", pkg, d, allow)
			}
		}
		if allow, ok := allowed[pkg]; ok {
			for _, d := range deps {
				if !contains(allow, d) {
					t.Errorf("%s imports %s; it may import only %v", pkg, d, allow)
				}
			}
			continue
		}
		for _, d := range deps {
			if d == "pipeline" && !strings.HasPrefix(pkg, "cmd/") {
				t.Errorf("%s imports pipeline; only cmd/align may", pkg)
			}
			if strings.HasPrefix(d, "cmd/") {
				t.Errorf("%s imports %s; nothing may import a command", pkg, d)
			}
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// standard reports whether an import path is of the standard library:
// its first element has no dot.
func standard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

func hasPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
