package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/corpora/plaintext"
	"github.com/align-tools/align/corpora/tmx"
	"github.com/align-tools/align/corpora/xliff"
	"github.com/align-tools/align/pipeline"
)

func pairCommand() *cli.Command {
	return &cli.Command{
		Name:      "pair",
		Usage:     "align one Russian and one English file and print the result",
		ArgsUsage: "RU_FILE EN_FILE",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "tsv", Usage: "output format: tsv, tmx, xliff, moses, jsonl, beads"},
			srcFlag, tgtFlag, encFlag, inFormatFlag, presplitFlag, costFlag, dictFlag,
		},
		Action: runPair,
	}
}

func runPair(c *cli.Context) error {
	if c.NArg() != 2 {
		return usagef("pair takes two files, RU_FILE and EN_FILE; got %d arguments", c.NArg())
	}
	format := c.String("format")
	switch format {
	case "tsv", "tmx", "xliff", "moses", "jsonl", "beads":
	default:
		return usagef("--format: %q is not a format; use tsv, tmx, xliff, moses, jsonl or beads", format)
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
	sd, err := rd.ReadFile(c.Args().Get(0), src)
	if err != nil {
		return err
	}
	td, err := rd.ReadFile(c.Args().Get(1), tgt)
	if err != nil {
		return err
	}
	for _, w := range append(sd.Warnings, td.Warnings...) {
		fmt.Fprintln(c.App.ErrWriter, "align: warning:", w)
	}
	p := pipeline.AlignPair(sd.Name, pipeline.Split(sd, c.Bool("presplit")), pipeline.Split(td, c.Bool("presplit")),
		opt)
	w := c.App.Writer
	if format == "beads" {
		var sb strings.Builder
		for _, b := range p.Beads {
			sb.WriteString(b.String())
			sb.WriteByte('\n')
		}
		_, err := fmt.Fprint(w, sb.String())
		return err
	}
	units := p.Units()
	type unitWriter interface {
		Write(*corpora.Unit) error
		Flush() error
	}
	var uw unitWriter
	switch format {
	case "tsv":
		uw = plaintext.NewTSVWriter(w)
	case "tmx":
		uw = tmx.NewWriter(w, tmx.Header{Src: src, Tgt: tgt, ToolVersion: c.App.Version})
	case "xliff":
		uw = xliff.NewWriter(w, xliff.Header{Src: src, Tgt: tgt, ToolVersion: c.App.Version})
	case "jsonl":
		uw = plaintext.NewJSONLWriter(w)
	case "moses":
		uw = mosesPair{w: w}
	}
	for i := range units {
		if err := uw.Write(&units[i]); err != nil {
			return err
		}
	}
	return uw.Flush()
}

// mosesPair writes aligned units on one line each, "source ||| target",
// the form fast_align and Moses tools read; units with an empty side are
// skipped.
type mosesPair struct{ w io.Writer }

func (m mosesPair) Write(u *corpora.Unit) error {
	if !u.Aligned() {
		return nil
	}
	_, err := fmt.Fprintf(m.w, "%s ||| %s\n", corpora.Segment(u.SrcText), corpora.Segment(u.TgtText))
	return err
}

func (mosesPair) Flush() error { return nil }
