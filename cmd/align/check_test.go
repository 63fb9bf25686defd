package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"align"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckText(t *testing.T) {
	code, out, errs := runCLI(t, "check", "testdata/check/page.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := `testdata/check/page.txt:3:1: error split-word: a word is split by a space: «Fr om» (suggest «From»)
testdata/check/page.txt:3:52: warning double-space: more than one space: «  » (suggest « »)
testdata/check/page.txt:3:71: error double-punct: punctuation mark doubled: «..» (suggest «.»)
testdata/check/page.txt:4:27: warning ru-date: date written the Russian way: «16.05.2022» (suggest «May 16, 2022»)
4 findings: 2 errors, 2 warnings, 0 info
`
	if out != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	// The same run twice gives the same bytes.
	if _, again, _ := runCLI(t, "check", "testdata/check/page.txt"); again != out {
		t.Error("two runs differ")
	}
}

func TestCheckIgnore(t *testing.T) {
	_, out, _ := runCLI(t, "check", "--ignore", "testdata/check/ignore.tsv", "testdata/check/page.txt")
	if strings.Contains(out, "split-word") || !strings.Contains(out, "3 findings") {
		t.Errorf("ignore file not applied:\n%s", out)
	}
}

func TestCheckFormats(t *testing.T) {
	_, out, _ := runCLI(t, "check", "--format", "json", "testdata/check/page.txt")
	var fs []map[string]any
	if err := json.Unmarshal([]byte(out), &fs); err != nil || len(fs) != 4 || fs[0]["text"] != "Fr om" || fs[0]["line"] != 3.0 {
		t.Errorf("json: %v\n%s", err, out)
	}
	_, out, _ = runCLI(t, "check", "--format", "csv", "testdata/check/page.txt")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 5 || rows[0][0] != "file" || rows[1][6] != "Fr om" {
		t.Errorf("csv: %v\n%s", err, out)
	}
}

func TestCheckCorpora(t *testing.T) {
	code, out, errs := runCLI(t, "check", "--glossary", "testdata/check/glossary.tsv", "testdata/check/corpus.tsv", "testdata/check/corpus.tmx")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"corpus.tsv:2:14: warning glossary:",                       // ОДКБ, column of the term in the row
		"warning number-mismatch: number 17 is not in the Russian", // May 17 against 16 мая
		"corpus.tsv:3:22: error untranslated:",
		"corpus.tmx:7:56: error markup: character entity left in the text: «&nbsp;»",
		"corpus.tmx:7:74: error split-word",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestCheckUsage(t *testing.T) {
	for _, args := range [][]string{
		{"check"},
		{"check", "--format", "xml", "testdata/check/page.txt"},
		{"check", "--only", "no-such-check", "testdata/check/page.txt"},
		{"check", "--ignore", "testdata/check/missing.tsv", "testdata/check/page.txt"},
	} {
		if code, _, errs := runCLI(t, args...); code != exitUsage || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want %d and a message", args, code, errs, exitUsage)
		}
	}
	code, _, errs := runCLI(t, "check", "testdata/check/page.txt", "testdata/check/absent.txt")
	if code != exitFailed || !strings.Contains(errs, "absent.txt") {
		t.Errorf("missing file: exit %d, %q", code, errs)
	}
	if code, out, _ := runCLI(t, "check", "--list"); code != 0 || !strings.Contains(out, "split-word") {
		t.Errorf("--list: %d %s", code, out)
	}
}
