package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/names"
)

func namesCommand() *cli.Command {
	return &cli.Command{
		Name:  "names",
		Usage: "find the names a corpus spells in several ways and suggest one spelling",
		Description: "FILE is an English text, or a .tsv of aligned pairs: the TSV that align writes\n" +
			"(columns document, bead, ..., src, tgt) or two columns, Russian and English.",
		ArgsUsage: "FILE...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text or json"},
			translitFlag, namesFlag,
			encFlag,
		},
		Action: runNames,
	}
}

func runNames(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("names takes one or more files")
	}
	format := c.String("format")
	if format != "text" && format != "json" {
		return usagef("--format: %q is not a format; use text or json", format)
	}
	opts, err := nameOptions(c)
	if err != nil {
		return err
	}
	enc, err := corpora.ParseEncoding(c.String("encoding"))
	if err != nil {
		return usageError{err}
	}
	idx := names.NewIndex(opts)
	var errs []error
	for _, path := range c.Args().Slice() {
		if err := addNamesFile(idx, path, enc); err != nil {
			errs = append(errs, err)
		}
	}
	groups := idx.Groups()
	if format == "json" {
		err = names.WriteJSON(c.App.Writer, groups)
	} else {
		err = names.WriteText(c.App.Writer, groups)
	}
	if err != nil {
		return err
	}
	return errors.Join(errs...)
}

// addNamesFile adds one file to the index: a TSV of aligned pairs or an
// English text.
func addNamesFile(idx *names.Index, path string, enc corpora.Encoding) error {
	d, err := corpora.ReadFile(path, language.English, enc)
	if err != nil {
		return err
	}
	name := filepath.Base(path)
	if !strings.EqualFold(filepath.Ext(path), ".tsv") {
		idx.AddEnglish(name, d.Text, func(off int) int { line, _ := d.Position(off); return line })
		return nil
	}
	ruCol, enCol := 0, 1
	lines := strings.Split(d.Text, "\n")
	for i, line := range lines {
		if line == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		if i == 0 && len(fields) > 6 && fields[0] == "document" && fields[1] == "bead" {
			ruCol, enCol = 5, 6
			continue
		}
		if len(fields) <= max(ruCol, enCol) {
			return fmt.Errorf("names: %s:%d: %d columns; a pairs file has Russian and English separated by a tab", path, i+1, len(fields))
		}
		ln := i + 1
		idx.AddPair(name, fields[ruCol], fields[enCol], func(int) int { return ln })
	}
	return nil
}
