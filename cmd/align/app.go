package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/urfave/cli/v2"
	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/pipeline"
	"github.com/align-tools/align/similarity"
)

// Exit statuses, as the README documents them.
const (
	exitOK      = 0
	exitFailed  = 1 // some files could not be processed
	exitUsage   = 2 // the command was used wrongly
	exitAborted = 1
)

// usageError marks an error in how the command was called.
type usageError struct{ error }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:      "align",
		Usage:     "align Russian originals with English translations sentence by sentence",
		Version:   version(),
		Writer:    stdout,
		ErrWriter: stderr,
		Commands: []*cli.Command{
			speechesCommand(),
			pairCommand(),
			splitCommand(),
			pipeCommand(),
			reportCommand(),
			applyCommand(),
			translitCommand(),
			namesCommand(),
			checkCommand(),
			evalCommand(),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("%q is not a command; align help lists them", c.Args().First())
			}
			return cli.ShowAppHelp(c)
		},
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return usageError{err}
		},
	}
	// A flag a command does not know is wrong use, exit status 2, like
	// the other usage errors.
	for _, c := range app.Commands {
		c.OnUsageError = app.OnUsageError
	}
	return app
}

// run runs the app and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	// Ctrl-C and SIGTERM cancel the run: the outputs of an earlier run
	// stay as they were and no partial file is left behind.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := app.RunContext(ctx, permuteArgs(app, args))
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "align:", err)
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFailed
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// Flags shared by several commands.
var (
	srcFlag      = &cli.StringFlag{Name: "src", Value: "ru", Usage: "source language, a BCP 47 tag"}
	tgtFlag      = &cli.StringFlag{Name: "tgt", Value: "en", Usage: "target language, a BCP 47 tag"}
	encFlag      = &cli.StringFlag{Name: "encoding", Value: "auto", Usage: "input encoding: auto, utf-8, utf-16le, utf-16be, windows-1251, koi8-r, cp866, windows-1252"}
	presplitFlag = &cli.BoolFlag{Name: "presplit", Usage: "take every input line as one sentence, as is"}
	dictFlag     = &cli.StringFlag{Name: "dict", Usage: "bilingual dictionary in hunalign's format, one \"english @ russian\" pair a line"}
	costFlag     = &cli.StringFlag{Name: "cost", Value: "full", Usage: "alignment cost: full (length and lexical anchors) or length"}
	inFormatFlag = &cli.StringFlag{Name: "input-format", Value: "auto", Usage: "input format: auto (by content and extension), text, html, docx, odt, markdown"}
)

// inputReader returns the document reader the --encoding and
// --input-format flags ask for.
func inputReader(c *cli.Context) (corpora.Reader, error) {
	enc, err := corpora.ParseEncoding(c.String("encoding"))
	if err != nil {
		return corpora.Reader{}, usageError{err}
	}
	f, err := corpora.ParseFormat(c.String("input-format"))
	if err != nil {
		return corpora.Reader{}, usagef("--input-format: %q is not a format; use one of %s", c.String("input-format"), corpora.FormatList)
	}
	return corpora.Reader{Encoding: enc, Format: f}, nil
}

func parseTag(c *cli.Context, flag string) (language.Tag, error) {
	t, err := language.Parse(c.String(flag))
	if err != nil {
		return language.Tag{}, usagef("--%s: %q is not a BCP 47 language tag (such as ru, en, de)", flag, c.String(flag))
	}
	return t, nil
}

// parseLangs reads --src and --tgt.
func parseLangs(c *cli.Context) (src, tgt language.Tag, err error) {
	if src, err = parseTag(c, "src"); err != nil {
		return
	}
	tgt, err = parseTag(c, "tgt")
	return
}

// alignOptions reads the flags of the aligner: --cost and, where the
// command has it, --dict.
func alignOptions(c *cli.Context) (pipeline.Options, error) {
	lo, err := lengthOnly(c)
	if err != nil {
		return pipeline.Options{}, err
	}
	opt := pipeline.Options{LengthOnly: lo}
	if p := c.String("dict"); p != "" {
		f, err := os.Open(p)
		if err != nil {
			return opt, usagef("--dict: %v", err)
		}
		opt.Dict, err = similarity.ReadDict(f, p)
		f.Close()
		if err != nil {
			return opt, usageError{err}
		}
	}
	return opt, nil
}

func lengthOnly(c *cli.Context) (bool, error) {
	switch c.String("cost") {
	case "full", "":
		return false, nil
	case "length":
		return true, nil
	}
	return false, usagef("--cost: %q is not a cost model; use full or length", c.String("cost"))
}
