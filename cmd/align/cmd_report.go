package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/align-tools/align/pipeline"
	"github.com/align-tools/align/report"
)

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "write OUTDIR/report.html again from the corpus of an earlier run",
		ArgsUsage: "OUTDIR",
		Description: "Reads OUTDIR/corpus.jsonl (or OUTDIR/corpus.tsv, which holds no findings) and writes\n" +
			"the HTML review report beside it.",
		Flags: []cli.Flag{
			srcFlag, tgtFlag,
			&cli.StringFlag{Name: "title", Usage: "the report's title (default: Alignment review)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("report takes one folder, the output folder of align speeches; got %d arguments", c.NArg())
			}
			src, tgt, err := parseLangs(c)
			if err != nil {
				return err
			}
			units, from, err := pipeline.ReadCorpus(c.Args().First())
			if err != nil {
				return err
			}
			path, err := pipeline.WriteReport(c.Args().First(), units, report.Report{Title: c.String("title"), Src: src, Tgt: tgt})
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(c.App.ErrWriter, "read %d units from %s\nwrote %s\n", len(units), from, path)
			return err
		},
	}
}
