// Package testfs writes the small file trees that tests run the command
// and the pipeline on.
package testfs

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Write makes files under dir, by path relative to dir: contents as
// given, a name ending in "/" a folder, and "name -> target" a symbolic
// link. Folders are made as needed; entries are made in the order of
// their names, so a run is the same every time.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if link, target, ok := strings.Cut(n, " -> "); ok {
			if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
				t.Fatal(err)
			}
			continue
		}
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(n, "/") {
			continue
		}
		if err := os.WriteFile(p, []byte(files[n]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
