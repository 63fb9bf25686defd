package main

import (
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/align-tools/align/pipeline"
)

func applyCommand() *cli.Command {
	return &cli.Command{
		Name:  "apply",
		Usage: "take back a reviewed review.xlf and write the corpus files again",
		Description: "Edited sources and targets replace the aligned text; units whose target state a reviewer set\n" +
			"to x-rejected are split into their unaligned source and target sentences. The checks and names\n" +
			"run again on the reviewed text (give the check flags the run had). Every corpus file, flags.json,\n" +
			"flags.csv, names.json and report.html are written again; the XLIFF itself is left as it is.",
		ArgsUsage: "REVIEW.xlf",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "output folder (default: the XLIFF's folder)"},
			ignoreFlag, glossaryFlag, onlyFlag, skipFlag, translitFlag, namesFlag,
		}, filterFlags()...),
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("apply takes one reviewed XLIFF file; got %d arguments", c.NArg())
			}
			f, err := parseFilter(c)
			if err != nil {
				return err
			}
			cf, err := readCheckFlags(c)
			if err != nil {
				return err
			}
			a, err := pipeline.Apply(pipeline.ApplyConfig{
				Review: c.Args().First(), OutDir: c.String("out"), Filter: f, Version: c.App.Version,
				Checks: cf.checks, Glossary: cf.glossary, Translit: cf.names.Scheme, Official: cf.names.Official,
			})
			if err != nil {
				return err
			}
			_, err = a.WriteTo(c.App.ErrWriter)
			return err
		},
	}
}

// filterFlags are the corpus-builder filters of speeches and apply.
func filterFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "min-score", Value: "0", Usage: "leave units scored below this (0 to 1) out of the Moses, TSV and JSONL files"},
		&cli.BoolFlag{Name: "dedupe", Usage: "leave exact duplicate pairs out of the Moses, TSV and JSONL files"},
		&cli.StringFlag{Name: "exclude-flagged", Usage: "leave units with findings of these codes (comma-separated) out of the Moses, TSV and JSONL files"},
	}
}

func parseFilter(c *cli.Context) (pipeline.Filter, error) {
	var f pipeline.Filter
	s, err := strconv.ParseFloat(c.String("min-score"), 64)
	if err != nil || s < 0 || s > 1 {
		return f, usagef("--min-score: %q is not a score; give a number from 0 to 1", c.String("min-score"))
	}
	f.MinScore = s
	f.Dedupe = c.Bool("dedupe")
	for _, code := range strings.Split(c.String("exclude-flagged"), ",") {
		if code = strings.TrimSpace(code); code != "" {
			f.ExcludeCodes = append(f.ExcludeCodes, code)
		}
	}
	return f, nil
}
