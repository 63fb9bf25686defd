package main

import (
	"os"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

// progressBar returns a progress callback for pipeline.Config that draws
// a bar on stderr, and a function that clears it. The bar is drawn only
// when stderr is a terminal and --quiet is not given; otherwise the
// callback is nil and nothing is drawn.
func progressBar(c *cli.Context) (func(done, total, sentences int), func()) {
	f, ok := c.App.ErrWriter.(*os.File)
	if c.Bool("quiet") || !ok || !term.IsTerminal(int(f.Fd())) {
		return nil, func() {}
	}
	var bar *progressbar.ProgressBar
	progress := func(done, total, sentences int) {
		if bar == nil {
			bar = progressbar.NewOptions(total,
				progressbar.OptionSetWriter(f),
				progressbar.OptionSetDescription("aligning"),
				progressbar.OptionShowCount(),
				progressbar.OptionSetItsString("steps"),
				progressbar.OptionShowIts(),
				progressbar.OptionThrottle(100_000_000),
				progressbar.OptionClearOnFinish(),
			)
		}
		bar.Set(done)
	}
	finished := false
	return progress, func() {
		if bar != nil && !finished {
			finished = true
			bar.Finish()
		}
	}
}
