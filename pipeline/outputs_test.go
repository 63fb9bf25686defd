package pipeline

import (
	"errors"
	"testing"

	"github.com/align-tools/align/corpora"
)

// TestWriteCorpusFailedPart makes parts of the corpus fail while the
// others are written at once: writeCorpus reports the error of the
// first failed file, and no file, whole or partial, is left in the
// output folder.
func TestWriteCorpusFailedPart(t *testing.T) {
	units := corpora.SampleUnits()
	for _, failing := range [][]int{{0}, {2, 4}, {5}} {
		o, cfg := testOutputs(t)
		var errs []error
		for _, i := range failing {
			e := errors.New(o.parts[i].files[0].path + ": disk full")
			errs = append(errs, e)
			o.parts[i].write = func([]corpora.Unit, []bool) error { return e }
		}
		_, err := o.writeCorpus(sliceSource(units), nil, nil, unitDoc(units))
		o.abort()
		if err != errs[0] {
			t.Errorf("parts %v failing: err = %v, want %v", failing, err, errs[0])
		}
		if left := snapshot(t, cfg.OutDir); len(left) > 0 {
			for name := range left {
				t.Errorf("parts %v failing: %s left in the output folder", failing, name)
			}
		}
	}
}

// TestWriteCorpusTwice checks that the corpus files are the same bytes
// from two runs of the concurrent writers.
func TestWriteCorpusTwice(t *testing.T) {
	var first map[string][]byte
	for range 2 {
		o, cfg := testOutputs(t)
		units := corpora.SampleUnits()
		findings, groups, err := checkUnits(units, cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := o.writeCorpus(sliceSource(units), findings, groups, unitDoc(units)); err != nil {
			t.Fatal(err)
		}
		files := snapshot(t, cfg.OutDir)
		if len(files) != 10 {
			t.Errorf("%d files written, want 10", len(files))
		}
		if first == nil {
			first = files
			continue
		}
		for name, data := range files {
			if string(data) != string(first[name]) {
				t.Errorf("%s differs between two runs", name)
			}
		}
	}
}

// testOutputs returns the outputs of a run with the default
// configuration into a new folder, and the configuration.
func testOutputs(t *testing.T) (*outputs, Config) {
	t.Helper()
	cfg := Config{OutDir: t.TempDir()}
	cfg.defaults()
	o, err := newOutputs(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return o, cfg
}
