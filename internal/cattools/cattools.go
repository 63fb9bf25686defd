// Package cattools runs the real programs translators and corpus builders
// use (xmllint, translate-toolkit, OmegaT, Chromium) from tests, to prove
// that align's files work in them.
//
// Each helper finds its program and, when it is missing, skips the test
// with the Debian package to install, or fails it when the environment
// variable CI is "true": CI must run these tests. The package's own tests
// are the end-to-end checks with the CAT tools; report/browser_test.go
// drives Chromium.
package cattools

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/align-tools/align/internal/shared"
)

// Missing skips t, or fails it under CI=true, because what is missing
// from the Debian package pkg.
func Missing(t testing.TB, what, pkg string) {
	t.Helper()
	msg := what + " is not installed; install the Debian package " + pkg + " to run this test"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + " (.ci/run installs it)")
	}
	t.Skip(msg)
}

// Tool returns the path of the program name from the Debian package pkg.
func Tool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name, pkg)
	}
	return p
}

// Python is Debian's Python, the one translate-toolkit is installed for.
const Python = "/usr/bin/python3"

// TranslateToolkit returns the Python that can import translate-toolkit.
func TranslateToolkit(t testing.TB) string {
	t.Helper()
	if _, err := os.Stat(Python); err != nil {
		Missing(t, Python, "translate-toolkit")
	}
	if out, err := exec.Command(Python, "-c", "import translate.storage.tmx, translate.storage.xliff").CombinedOutput(); err != nil {
		t.Logf("%s cannot import translate: %s", Python, out)
		Missing(t, "translate-toolkit", "translate-toolkit")
	}
	return Python
}

// ValidateTMX validates the TMX file at path against the TMX 1.4b DTD of
// the shared data folder with xmllint, without network access.
func ValidateTMX(t testing.TB, path string) {
	t.Helper()
	dtd := filepath.Join(shared.Dir(t, "tmx"), "tmx14.dtd")
	xmllint := Tool(t, "xmllint", "libxml2-utils")
	if out, err := exec.Command(xmllint, "--noout", "--nonet", "--dtdvalid", dtd, path).CombinedOutput(); err != nil {
		t.Errorf("xmllint: %s is not valid TMX 1.4b: %v\n%s", path, err, out)
	}
}

// Artifacts returns the folder where a test keeps files for people to
// look at (screenshots, logs): $ALIGN_ARTIFACTS when set, else a
// temporary folder of t.
func Artifacts(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("ALIGN_ARTIFACTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}
