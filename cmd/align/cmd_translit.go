package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/align-tools/align/lang"
)

func translitCommand() *cli.Command {
	return &cli.Command{
		Name:      "translit",
		Usage:     "write Russian words in Latin by every scheme, or give the likely Russian spellings of a Latin name",
		ArgsUsage: "WORD...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "scheme", Aliases: []string{"s"}, Usage: "one scheme only: " + lang.SchemeNames()},
			&cli.BoolFlag{Name: "reverse", Aliases: []string{"r"}, Usage: "give the likely Russian spellings of Latin words"},
			&cli.IntFlag{Name: "max", Value: 5, Usage: "with --reverse, the number of spellings per word"},
		},
		Action: runTranslit,
	}
}

func runTranslit(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("translit takes one or more words")
	}
	schemes := lang.Schemes()
	if name := c.String("scheme"); name != "" {
		s, err := lang.ParseScheme(name)
		if err != nil {
			return usagef("--scheme: %v", err)
		}
		schemes = []lang.Scheme{s}
	}
	tw := tabwriter.NewWriter(c.App.Writer, 0, 4, 2, ' ', 0)
	if c.Bool("reverse") {
		for _, arg := range c.Args().Slice() {
			for _, w := range strings.Fields(arg) {
				fmt.Fprintf(tw, "%s\n", w)
				n := 0
				for _, r := range lang.Cyrillic(w, 0) {
					var names []string
					for _, s := range r.Schemes {
						if len(schemes) > 1 || s == schemes[0] {
							names = append(names, s.String())
						}
					}
					if len(names) == 0 {
						continue
					}
					fmt.Fprintf(tw, "  %s\t%s\n", r.Russian, strings.Join(names, ", "))
					if n++; n == c.Int("max") {
						break
					}
				}
				if n == 0 {
					fmt.Fprintf(tw, "  (no scheme gives this spelling)\n")
				}
			}
		}
		return tw.Flush()
	}
	if len(schemes) == 1 {
		for _, arg := range c.Args().Slice() {
			fmt.Fprintln(tw, schemes[0].Translit(arg))
		}
		return tw.Flush()
	}
	fmt.Fprintf(tw, "scheme\t%s\n", strings.Join(c.Args().Slice(), "\t"))
	for _, s := range schemes {
		row := []string{s.String()}
		for _, arg := range c.Args().Slice() {
			row = append(row, s.Translit(arg))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	return tw.Flush()
}
