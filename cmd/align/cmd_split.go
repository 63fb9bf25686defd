package main

import (
	"bufio"

	"github.com/urfave/cli/v2"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/lang"
)

func splitCommand() *cli.Command {
	return &cli.Command{
		Name:      "split",
		Usage:     "print the sentences of a file, one per line",
		ArgsUsage: "FILE",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Aliases: []string{"l"}, Value: "ru", Usage: "the file's language, a BCP 47 tag"},
			encFlag,
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
			w := bufio.NewWriter(c.App.Writer)
			for _, s := range lang.Split(tag, d.Text) {
				w.WriteString(corpora.Segment(d.Text[s.Start:s.End]))
				w.WriteByte('\n')
			}
			return w.Flush()
		},
	}
}
