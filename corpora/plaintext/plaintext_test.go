package plaintext_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/corpora/plaintext"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; run go test -update and review the diff. Got:\n%s", path, got)
	}
}

type unitWriter interface {
	Write(*corpora.Unit) error
	Flush() error
}

func writeAll(t *testing.T, w unitWriter) {
	t.Helper()
	units := corpora.SampleUnits()
	for i := range units {
		if err := w.Write(&units[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

func TestMoses(t *testing.T) {
	var src, tgt bytes.Buffer
	w := plaintext.NewMosesWriter(&src, &tgt)
	writeAll(t, w)
	golden(t, "sample.ru", src.Bytes())
	golden(t, "sample.en", tgt.Bytes())
	if a, b := bytes.Count(src.Bytes(), []byte("\n")), bytes.Count(tgt.Bytes(), []byte("\n")); a != b {
		t.Errorf("the two sides have %d and %d lines", a, b)
	}
	if w.Skipped != 2 {
		t.Errorf("Skipped = %d, want 2", w.Skipped)
	}
}

func TestTSV(t *testing.T) {
	var buf bytes.Buffer
	writeAll(t, plaintext.NewTSVWriter(&buf))
	golden(t, "sample.tsv", buf.Bytes())
	sc := bufio.NewScanner(&buf)
	for n := 1; sc.Scan(); n++ {
		if got := strings.Count(sc.Text(), "\t"); got != len(plaintext.TSVHeader)-1 {
			t.Errorf("line %d has %d tabs, want %d", n, got, len(plaintext.TSVHeader)-1)
		}
	}
}

func TestJSONL(t *testing.T) {
	var buf bytes.Buffer
	writeAll(t, plaintext.NewJSONLWriter(&buf))
	golden(t, "sample.jsonl", buf.Bytes())
	units := corpora.SampleUnits()
	dec := json.NewDecoder(&buf)
	for i := 0; dec.More(); i++ {
		var u plaintext.JSONUnit
		if err := dec.Decode(&u); err != nil {
			t.Fatal(err)
		}
		if u.Doc != units[i].Doc || u.Bead != units[i].Bead || u.Type != units[i].Type() {
			t.Errorf("line %d: %+v does not match unit %+v", i+1, u, units[i])
		}
	}
}
