package main

import (
	"bufio"

	"github.com/urfave/cli/v2"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/lang"
	"github.com/align-tools/align/transcript"
)

func splitCommand() *cli.Command {
	return &cli.Command{
		Name:      "split",
		Usage:     "print the sentences of a file, one per line",
		ArgsUsage: "FILE",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Aliases: []string{"l"}, Value: "ru", Usage: "the file's language, a BCP 47 tag"},
			encFlag,
			&cli.BoolFlag{Name: "structure", Usage: "show the speeches, speakers, lead and boilerplate paragraphs recognised instead of the sentences"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("split takes one file; got %d arguments", c.NArg())
			}
			tag, err := parseTag(c, "lang")
			if err != nil {
				return err
			}
			enc, err := corpora.ParseEncoding(c.String("encoding"))
			if err != nil {
				return usageError{err}
			}
			d, err := corpora.ReadFile(c.Args().First(), tag, enc)
			if err != nil {
				return err
			}
			if c.Bool("structure") {
				_, err := transcript.Parse(tag, d.Text).WriteTo(c.App.Writer)
				return err
			}
			w := bufio.NewWriter(c.App.Writer)
			for _, s := range lang.Split(tag, d.Text) {
				w.WriteString(corpora.Segment(d.Text[s.Start:s.End]))
				w.WriteByte('\n')
			}
			return w.Flush()
		},
	}
}
