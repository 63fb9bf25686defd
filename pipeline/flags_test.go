package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/qa"
)

func TestSegmentOffset(t *testing.T) {
	raw := "  Fr om\n\n  the  port. Next"
	seg := corpora.Segment(raw)
	for off := range raw {
		if raw[off] == ' ' || raw[off] == '\n' {
			continue
		}
		n := segmentOffset(raw, off)
		if n >= len(seg) || seg[n] != raw[off] {
			t.Errorf("offset %d (%q) maps to %d in %q", off, raw[off], n, seg)
		}
	}
}

// TestRunFlags runs a whole pair: flags.json and flags.csv are written,
// the flagged unit carries the finding, and the summary counts it.
func TestRunFlags(t *testing.T) {
	dir := t.TempDir()
	ru, en, out := filepath.Join(dir, "ru"), filepath.Join(dir, "en"), filepath.Join(dir, "out")
	for _, d := range []string{ru, en} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(ru, "talk.txt"), "Добрый день, коллеги.\nОт северных портов до южных гор дороги закрыты.\n")
	write(filepath.Join(en, "talk.txt"), "Good afternoon, colleagues.\nFr om the northern ports to the southern hills, the roads are closed.\n")
	sum, err := Run(context.Background(), Config{SrcDir: ru, TgtDir: en, OutDir: out, Presplit: true})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(out, "flags.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fs []qa.Finding
	if err := json.Unmarshal(data, &fs); err != nil {
		t.Fatal(err)
	}
	var split *qa.Finding
	for i := range fs {
		if fs[i].Code == "split-word" {
			split = &fs[i]
		}
	}
	if split == nil || split.Text != "Fr om" || split.Line != 2 || split.Col != 1 || !strings.HasSuffix(split.File, "talk.txt") {
		t.Fatalf("split-word finding %+v in %s", split, data)
	}
	tmx, _ := os.ReadFile(filepath.Join(out, "corpus.tmx"))
	if !strings.Contains(string(tmx), `<prop type="x-flag">split-word</prop>`) {
		t.Errorf("corpus.tmx has no x-flag prop:\n%s", tmx)
	}
	csv, _ := os.ReadFile(filepath.Join(out, "flags.csv"))
	if !strings.Contains(string(csv), "split-word,error,spelling,Fr om,") {
		t.Errorf("flags.csv:\n%s", csv)
	}
	var sb strings.Builder
	sum.WriteTo(&sb)
	if !strings.Contains(sb.String(), "split-word 1") {
		t.Errorf("summary does not count the finding:\n%s", sb.String())
	}
}

// TestCheckUnitsWithoutPositions: with no locator the units' own texts
// are checked, and the notes point into them.
func TestCheckUnitsWithoutPositions(t *testing.T) {
	units := []corpora.Unit{
		{Doc: "d", Bead: 1, Src: []int{1}, Tgt: []int{1}, SrcText: "Это сказал Лукашенко.", TgtText: "Lukashenko said it wh ere he stood."},
		{Doc: "d", Bead: 2, Src: []int{2}, SrcText: "Без перевода."},
	}
	fs, _, err := checkUnits(units, Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 {
		t.Fatalf("findings %v", fs)
	}
	n := units[0].Notes
	if len(n) != 1 || n[0].Code != "split-word" || units[0].TgtText[n[0].Start:n[0].End] != "wh ere" || n[0].Side != "tgt" {
		t.Errorf("notes of unit 1: %+v", n)
	}
	if len(units[1].Notes) != 1 || units[1].Notes[0].Code != "omission" {
		t.Errorf("notes of unit 2: %+v", units[1].Notes)
	}
}
