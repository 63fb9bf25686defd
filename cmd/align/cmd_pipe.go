package main

import (
	"github.com/urfave/cli/v2"

	"github.com/align-tools/align/pipeline"
)

func pipeCommand() *cli.Command {
	return &cli.Command{
		Name:  "pipe",
		Usage: "read document pairs as JSON Lines on stdin, write aligned units as JSON Lines on stdout",
		Description: `Each input line is {"id": "...", "src": "Russian text", "tgt": "English text"}.
Each output line is one bead, as align pair --format jsonl prints it. The
command runs as a Hadoop Streaming or Spark RDD.pipe mapper.`,
		Flags: []cli.Flag{srcFlag, tgtFlag, presplitFlag, costFlag, dictFlag},
		Action: func(c *cli.Context) error {
			if c.NArg() != 0 {
				return usagef("pipe reads stdin and takes no arguments; got %d", c.NArg())
			}
			src, tgt, err := parseLangs(c)
			if err != nil {
				return err
			}
			opt, err := alignOptions(c)
			if err != nil {
				return err
			}
			_, err = pipeline.Pipe(c.App.Reader, c.App.Writer, pipeline.PipeConfig{
				Src: src, Tgt: tgt, Presplit: c.Bool("presplit"), Options: opt,
			})
			return err
		},
	}
}
