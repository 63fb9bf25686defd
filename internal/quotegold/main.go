// Command quotegold makes a gold folder of partial documents from a gold
// folder of complete ones (align-dev's layout: COLLECTION/NAME.ru, .en,
// .align), to measure the alignment of quotations against a full text
// on documents the aligner was not tuned on. The English side is kept
// whole; the Russian side keeps runs of gold beads (passages, about
// -keep beads long on average) separated by dropped runs (about -drop
// beads); the English sentences of dropped beads become 0-1 beads of
// the new gold. Runs are drawn from a seeded generator, so the output
// is the same for the same input and flags.
//
//	go run ./internal/quotegold -from ../shared/align-dev -o /tmp/quoted
//	align eval /tmp/quoted
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/align-tools/align/align"
)

func main() {
	from := flag.String("from", "", "gold folder of complete documents (COLLECTION/NAME.ru, .en, .align)")
	out := flag.String("o", "", "output folder")
	keep := flag.Float64("keep", 4, "mean length of a kept run, in gold beads")
	drop := flag.Float64("drop", 8, "mean length of a dropped run, in gold beads")
	perColl := flag.Int("docs", 12, "documents per collection, the first by name")
	seed := flag.Int64("seed", 7, "seed of the runs")
	flag.Parse()
	if *from == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "quotegold: give -from and -o")
		os.Exit(2)
	}
	if err := run(*from, *out, *keep, *drop, *perColl, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "quotegold:", err)
		os.Exit(1)
	}
}

func run(from, out string, keep, drop float64, perColl int, seed int64) error {
	r := rand.New(rand.NewSource(seed))
	names, err := filepath.Glob(filepath.Join(from, "*", "*.align"))
	if err != nil {
		return err
	}
	sort.Strings(names)
	taken := map[string]int{}
	for _, n := range names {
		coll := filepath.Base(filepath.Dir(n))
		if taken[coll] == perColl {
			continue
		}
		base := strings.TrimSuffix(n, ".align")
		ru, err := lines(base + ".ru")
		if err != nil {
			return err
		}
		en, err := os.ReadFile(base + ".en")
		if err != nil {
			return err
		}
		f, err := os.Open(n)
		if err != nil {
			return err
		}
		gold, err := align.ReadBeads(f, n)
		f.Close()
		if err != nil {
			return err
		}
		if len(gold) < 12 {
			continue
		}
		var newRu []string
		var newGold align.Beads
		kept, left := r.Intn(2) == 0, 0
		for _, b := range gold {
			if left == 0 {
				kept = !kept
				mean := drop
				if kept {
					mean = keep
				}
				left = 1 + int(-math.Log(1-r.Float64())*mean)
			}
			left--
			if kept {
				s := align.Range{Start: len(newRu), End: len(newRu) + b.Src.Len()}
				for i := b.Src.Start; i < b.Src.End; i++ {
					newRu = append(newRu, ru[i])
				}
				newGold = append(newGold, align.Bead{Src: s, Tgt: b.Tgt})
				continue
			}
			for j := b.Tgt.Start; j < b.Tgt.End; j++ {
				newGold = append(newGold, align.Bead{Src: align.Range{Start: len(newRu), End: len(newRu)}, Tgt: align.Range{Start: j, End: j + 1}})
			}
		}
		if len(newRu) == 0 {
			continue
		}
		dir := filepath.Join(out, coll)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		name := filepath.Join(dir, filepath.Base(base))
		var sb strings.Builder
		for _, b := range newGold {
			sb.WriteString(b.String() + "\n")
		}
		for _, w := range []struct {
			path string
			data []byte
		}{{name + ".ru", []byte(strings.Join(newRu, "\n") + "\n")}, {name + ".en", en}, {name + ".align", []byte(sb.String())}} {
			if err := os.WriteFile(w.path, w.data, 0o644); err != nil {
				return err
			}
		}
		taken[coll]++
	}
	return nil
}

func lines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out, sc.Err()
}
