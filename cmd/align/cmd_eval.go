package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/align-tools/align/align"
	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/pipeline"
)

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:  "eval",
		Usage: "align every NAME.ru/NAME.en pair of a gold folder as presplit and score against NAME.align",
		Description: "Scores per collection (the first folder level) and in total: strict and lax precision,\n" +
			"recall and F1 as vecalign's scorer defines them, with coarse gold beads (two or more\n" +
			"sentences on both sides) scored leniently. Also prints sentences per second and the\n" +
			"precision of the 90% of beads with the highest scores.",
		ArgsUsage: "GOLD_DIR",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "pred", Usage: "score the NAME.align files of this folder instead of aligning"},
			&cli.BoolFlag{Name: "json", Usage: "print the figures as JSON"},
			&cli.StringFlag{Name: "write", Usage: "also write the predicted NAME.align files into this folder (to compare or rescore with --pred)"},
			costFlag, dictFlag, srcFlag, tgtFlag,
		},
		Action: runEval,
	}
}

// evalRow is the figures of one collection (or of all, "total").
type evalRow struct {
	Collection string    `json:"collection"`
	Docs       int       `json:"docs"`
	Sentences  int       `json:"sentences"`
	Pred       int       `json:"pred_beads"`
	Gold       int       `json:"gold_beads"`
	Strict     align.PRF `json:"strict"`
	Lax        align.PRF `json:"lax"`
	Top90      float64   `json:"top90_precision,omitempty"`
	LowDecile  float64   `json:"errors_in_low_decile,omitempty"`
	Seconds    float64   `json:"seconds"`
	PerSecond  float64   `json:"sentences_per_second,omitempty"`
}

type evalDoc struct {
	name, coll string
	gold       align.Beads
}

func runEval(c *cli.Context) error {
	if c.NArg() != 1 {
		return usagef("eval takes one folder, GOLD_DIR; got %d arguments", c.NArg())
	}
	opt, err := alignOptions(c)
	if err != nil {
		return err
	}
	src, err := parseTag(c, "src")
	if err != nil {
		return err
	}
	tgt, err := parseTag(c, "tgt")
	if err != nil {
		return err
	}
	root := c.Args().Get(0)
	var docs []evalDoc
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".align") {
			return nil
		}
		rel, _ := filepath.Rel(root, strings.TrimSuffix(path, ".align"))
		coll := "."
		if i := strings.IndexRune(rel, filepath.Separator); i >= 0 {
			coll = rel[:i]
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		gold, err := align.ReadBeads(f, path)
		if err != nil {
			return err
		}
		docs = append(docs, evalDoc{name: rel, coll: coll, gold: gold})
		return nil
	})
	if err != nil {
		return fmt.Errorf("eval: %v", err)
	}
	if len(docs) == 0 {
		return usagef("eval: no NAME.align files under %s; give a folder of NAME.ru, NAME.en and NAME.align", root)
	}

	preds := make([]align.Beads, len(docs))
	var elapsed time.Duration
	if pd := c.String("pred"); pd != "" {
		for k, d := range docs {
			p := filepath.Join(pd, d.name+".align")
			f, err := os.Open(p)
			if err != nil {
				return fmt.Errorf("eval: %v; --pred must hold one NAME.align per gold file", err)
			}
			preds[k], err = align.ReadBeads(f, p)
			f.Close()
			if err != nil {
				return err
			}
		}
	} else {
		pairs := make([]pipeline.DocPair, len(docs))
		for k, d := range docs {
			base := filepath.Join(root, d.name)
			sd, err := corpora.ReadFile(base+".ru", src, corpora.UTF8)
			if err != nil {
				return err
			}
			td, err := corpora.ReadFile(base+".en", tgt, corpora.UTF8)
			if err != nil {
				return err
			}
			pairs[k] = pipeline.DocPair{Name: d.name, Src: pipeline.Split(sd, true), Tgt: pipeline.Split(td, true)}
		}
		start := time.Now()
		ps := pipeline.AlignCorpus(pairs, opt)
		elapsed = time.Since(start)
		for k, p := range ps {
			preds[k] = p.Beads
		}
		if wd := c.String("write"); wd != "" {
			if err := writePreds(wd, docs, preds); err != nil {
				return err
			}
		}
	}

	// Score per collection, in name order.
	type acc struct {
		row    evalRow
		counts align.Counts
		scores []float64
		right  []bool
	}
	colls := map[string]*acc{}
	total := &acc{row: evalRow{Collection: "total"}}
	for k, d := range docs {
		cn := d.coll
		a := colls[cn]
		if a == nil {
			a = &acc{row: evalRow{Collection: cn}}
			colls[cn] = a
		}
		cnt := align.Score(d.gold, preds[k])
		for _, x := range []*acc{a, total} {
			x.row.Docs++
			x.counts = x.counts.Add(cnt)
			for i, b := range preds[k] {
				x.scores = append(x.scores, b.Score)
				x.right = append(x.right, cnt.PredDetailed[i])
			}
		}
	}
	names := make([]string, 0, len(colls))
	for n := range colls {
		names = append(names, n)
	}
	sort.Strings(names)
	var rows []evalRow
	for _, n := range append(names, "") {
		a := total
		if n != "" {
			a = colls[n]
		}
		r := a.row
		r.Sentences = a.counts.Sentences
		r.Pred, r.Gold = a.counts.Pred, a.counts.Gold
		r.Strict, r.Lax = a.counts.Strict(), a.counts.Lax()
		r.Top90 = align.TopPrecision(a.scores, a.right, 0.9)
		r.LowDecile = lowDecileErrors(a.scores, a.right)
		if c.String("pred") == "" {
			if n == "" {
				r.Seconds = elapsed.Seconds()
				if r.Seconds > 0 {
					r.PerSecond = float64(r.Sentences) / r.Seconds
				}
			}
		}
		rows = append(rows, r)
	}
	w := c.App.Writer
	if c.Bool("json") {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "collection\tdocs\tsents\tpred\tgold\tstrict P\tR\tF1\tlax P\tR\tF1\ttop90 P\tlow-10% err\t")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.2f\t\n",
			r.Collection, r.Docs, r.Sentences, r.Pred, r.Gold, r.Strict.P, r.Strict.R, r.Strict.F1,
			r.Lax.P, r.Lax.R, r.Lax.F1, r.Top90, r.LowDecile)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if elapsed > 0 {
		t := rows[len(rows)-1]
		_, err = fmt.Fprintf(w, "aligned %d sentences in %.2f s: %.0f sentences/s\n", t.Sentences, t.Seconds, t.PerSecond)
	}
	return err
}

// lowDecileErrors returns the share of the wrong beads that are among
// the 10% of beads with the lowest scores.
func lowDecileErrors(scores []float64, right []bool) float64 {
	idx := make([]int, len(scores))
	for k := range idx {
		idx[k] = k
	}
	sort.SliceStable(idx, func(a, b int) bool { return scores[idx[a]] < scores[idx[b]] })
	n := (len(idx) + 9) / 10
	wrong, low := 0, 0
	for r, k := range idx {
		if right[k] {
			continue
		}
		wrong++
		if r < n {
			low++
		}
	}
	if wrong == 0 {
		return 0
	}
	return float64(low) / float64(wrong)
}

// writePreds writes one NAME.align per document under dir, with the
// bead scores in a second, tab-separated column.
func writePreds(dir string, docs []evalDoc, preds []align.Beads) error {
	for k, d := range docs {
		p := filepath.Join(dir, d.name+".align")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("eval: --write: %v", err)
		}
		var sb strings.Builder
		for _, b := range preds[k] {
			fmt.Fprintf(&sb, "%s\t%.4f\n", b, b.Score)
		}
		if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
			return fmt.Errorf("eval: --write: %v", err)
		}
	}
	return nil
}
