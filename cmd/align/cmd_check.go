package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/qa"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "run the checks on existing files: an English text alone, or a TMX or TSV corpus",
		Description: "An English text gets the checks of the English side; a TMX or TSV corpus gets all checks,\n" +
			"the ones between Russian and English included. Several files are checked as one corpus.",
		ArgsUsage: "FILE...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text, json, csv"},
			&cli.StringFlag{Name: "input-format", Value: "auto", Usage: "input format: auto (by extension: .tmx, .tsv, else text), text, tmx, tsv"},
			ignoreFlag, glossaryFlag, onlyFlag, skipFlag,
			&cli.BoolFlag{Name: "list", Usage: "list the checks and exit"},
			srcFlag, tgtFlag, encFlag,
		},
		Action: runCheck,
	}
}

func runCheck(c *cli.Context) error {
	w := c.App.Writer
	if c.Bool("list") {
		var sb strings.Builder
		for _, ch := range qa.Checks() {
			scope := "any"
			if ch.Bilingual {
				scope = "ru-en"
			}
			fmt.Fprintf(&sb, "%-20s %-8s %-13s %-8s %s\n", ch.Code, ch.Severity, ch.Category, scope, ch.Doc)
		}
		_, err := fmt.Fprint(w, sb.String())
		return err
	}
	if c.NArg() == 0 {
		return usagef("check takes one or more files (an English text, a .tmx or a .tsv corpus)")
	}
	format := c.String("format")
	switch format {
	case "text", "json", "csv":
	default:
		return usagef("--format: %q is not a format; use text, json or csv", format)
	}
	inFormat, err := qa.ParseFormat(c.String("input-format"))
	if err != nil {
		return usageError{fmt.Errorf("--input-format: %w", err)}
	}
	src, tgt, err := parseLangs(c)
	if err != nil {
		return err
	}
	enc, err := corpora.ParseEncoding(c.String("encoding"))
	if err != nil {
		return usageError{err}
	}
	cfg, glossary, err := checkConfig(c)
	if err != nil {
		return err
	}
	var ins []*qa.Input
	var failed []error
	for _, path := range c.Args().Slice() {
		in, err := qa.ReadFile(path, qa.ReadOptions{Format: inFormat, Src: src, Tgt: tgt, Encoding: enc})
		if err != nil {
			failed = append(failed, err)
			continue
		}
		ins = append(ins, in)
	}
	var findings []qa.Finding
	if len(ins) > 0 {
		in := qa.Merge(ins...)
		in.Glossary = glossary
		findings, err = qa.Run(in, cfg)
		if err != nil {
			return usageError{err}
		}
	}
	switch format {
	case "json":
		err = qa.WriteJSON(w, findings)
	case "csv":
		err = qa.WriteCSV(w, findings)
	default:
		err = qa.WriteText(w, findings)
	}
	if err != nil {
		return err
	}
	if len(failed) > 0 {
		return errors.Join(failed...)
	}
	return nil
}

// codes splits a comma-separated list of check codes.
