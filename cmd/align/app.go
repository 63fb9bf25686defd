package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/urfave/cli/v2"
	"golang.org/x/text/language"
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
			evalCommand(),
		},
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return usageError{err}
		},
	}
	return app
}

// run runs the app and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	err := app.Run(args)
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
	encFlag      = &cli.StringFlag{Name: "encoding", Value: "auto", Usage: "input encoding: auto, utf-8, utf-16le, utf-16be, windows-1251, koi8-r"}
	presplitFlag = &cli.BoolFlag{Name: "presplit", Usage: "take every input line as one sentence, as is"}
	costFlag     = &cli.StringFlag{Name: "cost", Value: "full", Usage: "alignment cost: full (length and lexical anchors) or length"}
)

func parseTag(c *cli.Context, flag string) (language.Tag, error) {
	t, err := language.Parse(c.String(flag))
	if err != nil {
		return language.Tag{}, usagef("--%s: %q is not a BCP 47 language tag (such as ru, en, de)", flag, c.String(flag))
	}
	return t, nil
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
