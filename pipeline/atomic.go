package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
)

// atomicFile is a file written under a temporary name in its folder and
// renamed into place by commit, so readers never see half of it.
type atomicFile struct {
	*os.File
	path   string
	synced bool // sync succeeded: commit need not sync again
}

func createAtomic(path string) (*atomicFile, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, fmt.Errorf("pipeline: cannot write %s: %w; check the output folder's permissions", path, err)
	}
	return &atomicFile{File: f, path: path}, nil
}

// sync flushes the file to disk. commit does it for a file not synced
// yet; a writer done with its file may call it first, so that files are
// synced while others are still written.
func (f *atomicFile) sync() error {
	if err := f.Sync(); err != nil {
		return fmt.Errorf("pipeline: writing %s: %w", f.path, err)
	}
	f.synced = true
	return nil
}

func (f *atomicFile) commit() error {
	if !f.synced {
		if err := f.sync(); err != nil {
			f.abort()
			return err
		}
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("pipeline: writing %s: %w", f.path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("pipeline: writing %s: %w", f.path, err)
	}
	if err := os.Rename(f.Name(), f.path); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("pipeline: writing %s: %w", f.path, err)
	}
	return nil
}

func (f *atomicFile) abort() {
	f.Close()
	os.Remove(f.Name())
}

// prepareOut makes the output folder, refusing to overwrite the corpus of
// an earlier run unless force is set.
func prepareOut(dir string, force bool) error {
	if !force {
		if _, err := os.Stat(filepath.Join(dir, "corpus.tmx")); err == nil {
			return fmt.Errorf("pipeline: %s already holds a corpus; give --force to overwrite it or choose another folder with -o", dir)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("pipeline: cannot make the output folder: %w", err)
	}
	return nil
}
