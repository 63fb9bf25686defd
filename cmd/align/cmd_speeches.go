package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/align-tools/align/pipeline"
)

func speechesCommand() *cli.Command {
	return &cli.Command{
		Name:      "speeches",
		Usage:     "align the documents of a Russian and an English folder and write the corpus",
		ArgsUsage: "RU_DIR EN_DIR",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "out", Usage: "output folder"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite the corpus files of an earlier run"},
			&cli.StringFlag{Name: "pairs", Usage: "TSV `FILE` of speech pairings (SOURCE<tab>TARGET, doc or doc#N, - for none) overriding the pairing by content"},
			srcFlag, tgtFlag, encFlag, inFormatFlag, presplitFlag, costFlag, dictFlag,
			ignoreFlag, glossaryFlag, onlyFlag, skipFlag, translitFlag, namesFlag,
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "document pairs aligned at once (default: the number of CPUs)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress bar"},
		}, filterFlags()...),
		Action: runSpeeches,
	}
}

func runSpeeches(c *cli.Context) error {
	if c.NArg() != 2 {
		return usagef("speeches takes two folders, RU_DIR and EN_DIR; got %d arguments", c.NArg())
	}
	src, tgt, err := parseLangs(c)
	if err != nil {
		return err
	}
	rd, err := inputReader(c)
	if err != nil {
		return err
	}
	opt, err := alignOptions(c)
	if err != nil {
		return err
	}
	filter, err := parseFilter(c)
	if err != nil {
		return err
	}
	cf, err := readCheckFlags(c)
	if err != nil {
		return err
	}
	progress, done := progressBar(c)
	defer done()
	cfg := pipeline.Config{
		SrcDir: c.Args().Get(0), TgtDir: c.Args().Get(1), OutDir: c.String("out"),
		Src: src, Tgt: tgt, Encoding: rd.Encoding, Format: rd.Format, Presplit: c.Bool("presplit"), Force: c.Bool("force"),
		PairsFile: c.String("pairs"),
		Options:   opt,
		Checks:    cf.checks, Glossary: cf.glossary,
		Translit: cf.names.Scheme, Official: cf.names.Official,
		Version: c.App.Version,
		Jobs:    c.Int("jobs"), Progress: progress,
	}
	cfg.Filter = filter
	sum, err := pipeline.Run(c.Context, cfg)
	done()
	if sum != nil {
		sum.WriteTo(c.App.ErrWriter)
	}
	var probs pipeline.Problems
	if errors.As(err, &probs) {
		return errors.New(probs.Error())
	}
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("interrupted: nothing was written, and the files of an earlier run in %s are as they were", c.String("out"))
	}
	return err
}
