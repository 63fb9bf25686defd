// Package shared locates the project's shared data folder (../shared
// beside the module root) for tests.
//
// Tests that need it call Dir: it skips the test with a message when the
// folder is absent, and fails it when the environment variable CI is
// "true", since CI must always have the data.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the module root: the nearest folder above the working
// directory that holds go.mod. It returns "" when there is none.
func Root() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Path returns the path of rel inside the shared folder, and whether it
// exists.
func Path(rel string) (string, bool) {
	root := Root()
	if root == "" {
		return "", false
	}
	p := filepath.Join(root, "..", "shared", rel)
	_, err := os.Stat(p)
	return p, err == nil
}

// Dir returns the path of rel inside the shared folder. When it is absent
// the test is skipped, or failed under CI=true.
func Dir(t testing.TB, rel string) string {
	t.Helper()
	p, ok := Path(rel)
	if !ok {
		msg := "../shared/" + rel + " is absent: put the project's shared data folder beside the module root to run this test"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return p
}
