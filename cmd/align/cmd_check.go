package main

import (
	"errors"
	"fmt"
	"os"
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
			&cli.StringFlag{Name: "ignore", Usage: "a file of findings to silence (TSV: code, file, line, text)"},
			&cli.StringFlag{Name: "glossary", Usage: "a glossary (TSV: Russian term, English term[|variant...], note)"},
			&cli.StringFlag{Name: "only", Usage: "run only these checks (codes, comma-separated)"},
			&cli.StringFlag{Name: "skip", Usage: "do not run these checks (codes, comma-separated)"},
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
	src, err := parseTag(c, "src")
	if err != nil {
		return err
	}
	tgt, err := parseTag(c, "tgt")
	if err != nil {
		return err
	}
	enc, err := corpora.ParseEncoding(c.String("encoding"))
	if err != nil {
		return usageError{err}
	}
	cfg := qa.Config{Only: codes(c.String("only")), Skip: codes(c.String("skip"))}
	if p := c.String("ignore"); p != "" {
		f, err := os.Open(p)
		if err != nil {
			return usagef("--ignore: %v", err)
		}
		cfg.Ignore, err = qa.ParseIgnore(f, p)
		f.Close()
		if err != nil {
			return usageError{err}
		}
	}
	var glossary *qa.Glossary
	if p := c.String("glossary"); p != "" {
		f, err := os.Open(p)
		if err != nil {
			return usagef("--glossary: %v", err)
		}
		glossary, err = qa.ParseGlossary(f, p)
		f.Close()
		if err != nil {
			return usageError{err}
		}
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
func codes(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
