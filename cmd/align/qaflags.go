package main

import (
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/align-tools/align/lang"
	"github.com/align-tools/align/names"
	"github.com/align-tools/align/qa"
)

// Flags of the checks and of the name index, shared by check, names and
// speeches.
var (
	ignoreFlag   = &cli.StringFlag{Name: "ignore", Usage: "a file of findings to silence (TSV: code, file, line, text)"}
	glossaryFlag = &cli.StringFlag{Name: "glossary", Usage: "a glossary (TSV: Russian term, English term[|variant...], note)"}
	onlyFlag     = &cli.StringFlag{Name: "only", Usage: "run only these checks (codes, comma-separated)"}
	skipFlag     = &cli.StringFlag{Name: "skip", Usage: "do not run these checks (codes, comma-separated)"}
	translitFlag = &cli.StringFlag{Name: "translit", Value: "wikipedia", Usage: "house transliteration scheme for name suggestions: " + lang.SchemeNames()}
	namesFlag    = &cli.StringFlag{Name: "names", Usage: "a file of official spellings, one full name a line, added to the built-in list"}
)

// checkFlags are the check and name flags of the commands that write a
// corpus.
type checkFlags struct {
	checks   qa.Config
	glossary *qa.Glossary
	names    names.Options
}

// readCheckFlags reads --only, --skip, --ignore, --glossary, --translit
// and --names.
func readCheckFlags(c *cli.Context) (checkFlags, error) {
	var f checkFlags
	var err error
	if f.checks, f.glossary, err = checkConfig(c); err != nil {
		return f, err
	}
	f.names, err = nameOptions(c)
	return f, err
}

// checkConfig reads the check flags: which checks run, the ignore file
// and the glossary.
func checkConfig(c *cli.Context) (qa.Config, *qa.Glossary, error) {
	cfg := qa.Config{Only: codes(c.String("only")), Skip: codes(c.String("skip"))}
	if p := c.String("ignore"); p != "" {
		f, err := os.Open(p)
		if err != nil {
			return cfg, nil, usagef("--ignore: %v", err)
		}
		cfg.Ignore, err = qa.ParseIgnore(f, p)
		f.Close()
		if err != nil {
			return cfg, nil, usageError{err}
		}
	}
	var glossary *qa.Glossary
	if p := c.String("glossary"); p != "" {
		f, err := os.Open(p)
		if err != nil {
			return cfg, nil, usagef("--glossary: %v", err)
		}
		glossary, err = qa.ParseGlossary(f, p)
		f.Close()
		if err != nil {
			return cfg, nil, usageError{err}
		}
	}
	return cfg, glossary, nil
}

// nameOptions reads --translit and --names.
func nameOptions(c *cli.Context) (names.Options, error) {
	scheme, err := lang.ParseScheme(c.String("translit"))
	if err != nil {
		return names.Options{}, usagef("--translit: %v", err)
	}
	opts := names.Options{Scheme: scheme}
	if path := c.String("names"); path != "" {
		f, err := os.Open(path)
		if err != nil {
			return opts, usagef("--names: %v", err)
		}
		opts.Official, err = names.ReadOfficial(f, path)
		f.Close()
		if err != nil {
			return opts, err
		}
	}
	return opts, nil
}

// codes splits a comma-separated list of check codes.
func codes(s string) []string {
	var out []string
	for _, c := range strings.Split(s, ",") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}
