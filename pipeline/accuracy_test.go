package pipeline

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/align-tools/align/align"
	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/internal/shared"
)

// goldDoc is one document of a gold folder: NAME.ru, NAME.en, NAME.align.
type goldDoc struct {
	pair DocPair
	gold align.Beads
}

func loadGold(t *testing.T, base string) goldDoc {
	t.Helper()
	sd, err := corpora.ReadFile(base+".ru", language.Russian, corpora.UTF8)
	if err != nil {
		t.Fatal(err)
	}
	td, err := corpora.ReadFile(base+".en", language.English, corpora.UTF8)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(base + ".align")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := align.ReadBeads(f, base+".align")
	if err != nil {
		t.Fatal(err)
	}
	return goldDoc{DocPair{Name: filepath.Base(base), Src: Split(sd, true), Tgt: Split(td, true)}, gold}
}

// strictF1 aligns the documents as one corpus and scores them.
func strictF1(docs []goldDoc, opt Options) float64 {
	pairs := make([]DocPair, len(docs))
	for k, d := range docs {
		pairs[k] = d.pair
	}
	var c align.Counts
	for k, p := range AlignCorpus(pairs, opt) {
		c = c.Add(align.Score(docs[k].gold, p.Beads))
	}
	return c.Strict().F1
}

// The floors below are the figures measured when the aligner was last
// changed, less a small margin; the full model must also beat the
// length model.

func TestAccuracyCSTO(t *testing.T) {
	dir := shared.Dir(t, "corpus/csto-2022/gold")
	names, _ := filepath.Glob(filepath.Join(dir, "*.align"))
	var docs []goldDoc
	for _, n := range names {
		docs = append(docs, loadGold(t, strings.TrimSuffix(n, ".align")))
	}
	full, length := strictF1(docs, Options{}), strictF1(docs, Options{LengthOnly: true})
	t.Logf("csto-2022 strict F1: full %.3f, length %.3f", full, length)
	if full < 0.94 {
		t.Errorf("strict F1 %.3f on csto-2022/gold, below the floor 0.94", full)
	}
	if full < length {
		t.Errorf("the full model (%.3f) is below the length model (%.3f)", full, length)
	}
}

// TestAccuracyAlignDev scores a fixed part of align-dev: the first five
// documents of every collection by name, and the first four literary
// documents of fewer than 400 sentences.
func TestAccuracyAlignDev(t *testing.T) {
	dir := shared.Dir(t, "align-dev")
	colls, _ := os.ReadDir(dir)
	var docs, lit []goldDoc
	for _, c := range colls {
		if !c.IsDir() {
			continue
		}
		names, _ := filepath.Glob(filepath.Join(dir, c.Name(), "*.align"))
		sort.Strings(names)
		took := 0
		for _, n := range names {
			base := strings.TrimSuffix(n, ".align")
			if c.Name() == "literature_bilinguator" {
				if took == 4 {
					break
				}
				d := loadGold(t, base)
				if len(d.pair.Src.Sentences) >= 400 {
					continue
				}
				lit = append(lit, d)
				took++
				continue
			}
			if took == 5 {
				break
			}
			docs = append(docs, loadGold(t, base))
			took++
		}
	}
	all := append(docs, lit...)
	full, length := strictF1(all, Options{}), strictF1(all, Options{LengthOnly: true})
	litFull := strictF1(lit, Options{})
	t.Logf("align-dev part: %d documents, strict F1 full %.3f, length %.3f; literature alone %.3f", len(all), full, length, litFull)
	if full < 0.97 {
		t.Errorf("strict F1 %.3f on the align-dev part, below the floor", full)
	}
	if litFull < 0.92 {
		t.Errorf("strict F1 %.3f on the literary part, below the floor", litFull)
	}
	if full <= length {
		t.Errorf("the full model (%.3f) does not beat the length model (%.3f)", full, length)
	}
}
