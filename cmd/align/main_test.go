package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/align-tools/align/internal/shared"
	"github.com/align-tools/align/internal/testfs"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"align": func() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each runs
// the align command on files of its own and checks what it prints and
// writes.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"tmxvalid": tmxValid},
		Setup: func(env *testscript.Env) error {
			if dir := os.Getenv("ALIGN_SHARED"); dir != "" {
				env.Setenv("SHARED", dir)
			}
			return nil
		},
	})
}

// tmxValid is the script command "tmxvalid FILE...": it validates TMX
// files against the TMX 1.4b DTD with xmllint. When xmllint or the DTD is
// missing it logs why and validates nothing, or fails under CI=true
// (testscript cannot skip a script from a command).
func tmxValid(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: tmxvalid FILE...")
	}
	missing := func(msg string) {
		if os.Getenv("CI") == "true" {
			ts.Fatalf("%s", msg)
		}
		ts.Logf("SKIPPED TMX validation: %s", msg)
	}
	dtd, ok := shared.Path("tmx/tmx14.dtd")
	if !ok {
		missing("../shared/tmx/tmx14.dtd is absent: put the shared data folder beside the module root")
		return
	}
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		missing("xmllint is not installed; install the Debian package libxml2-utils")
		return
	}
	for _, f := range args {
		out, err := exec.Command(xmllint, "--noout", "--nonet", "--dtdvalid", dtd, ts.MkAbs(f)).CombinedOutput()
		if err != nil {
			ts.Fatalf("xmllint: %s is not valid TMX 1.4b: %v\n%s", filepath.Base(f), err, out)
		}
	}
}

// TestExitStatus checks the exit statuses the README documents: 0 when
// all went well, 1 when some files could not be processed, 2 for wrong
// use.
func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{
		"ok/ru/a.txt": "Добрый день. Начнём заседание.\n",
		"ok/en/a.txt": "Good afternoon. Let us begin the meeting.\n",
		"ru/b.txt":    "",
		"en/b.txt":    "An empty Russian file is an error.\n",
	})
	ok := filepath.Join(dir, "ok")
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"speeches", "-q", filepath.Join(ok, "ru"), filepath.Join(ok, "en"), "-o", filepath.Join(dir, "out1")}, exitOK},
		{[]string{"speeches", "-q", filepath.Join(dir, "ru"), filepath.Join(dir, "en"), "-o", filepath.Join(dir, "out2")}, exitFailed},
		{[]string{"speeches", "--bogus", "ru", "en"}, exitUsage},
		{[]string{"speeches", "ru"}, exitUsage},
		{[]string{"pair", "--format", "xml", "a", "b"}, exitUsage},
		{[]string{"nosuchcommand"}, exitUsage},
	} {
		var out, errb bytes.Buffer
		if got := run(append([]string{"align"}, c.args...), &out, &errb); got != c.want {
			t.Errorf("align %v: exit status %d, want %d\n%s", c.args, got, c.want, errb.String())
		}
	}
}
