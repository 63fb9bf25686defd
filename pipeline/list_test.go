package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/align-tools/align/internal/testfs"
)

func TestListTexts(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	testfs.Write(t, outside, map[string]string{"linked.txt": "Linked text."})
	testfs.Write(t, dir, map[string]string{
		"a.txt":                 "A.",
		"b.html":                "<p>B.</p>",
		"c.docx":                "PK",
		"d.odt":                 "PK",
		"e.md":                  "# E",
		"f.htm":                 "<p>F.</p>",
		"UPPER.TXT":             "Upper.",
		"notes.pdf":             "%PDF-",
		"README":                "no extension",
		".hidden.txt":           "hidden",
		"~$c.docx":              "lock file",
		"2022/putin.txt":        "Sub.",
		"2022/deeper/x.txt":     "Deeper.",
		".git/config":           "[core]",
		"dup.txt":               "one",
		"page.htm":              "<p>Page.</p>",
		"page_files/frame.html": "<p>An advert.</p>",
		"other_files/g.txt":     "Not a saved page's folder.",
		"dup.html":              "<p>two</p>",
		"l.txt -> " + filepath.Join(outside, "linked.txt"):       "",
		"broken.txt -> " + filepath.Join(outside, "missing.txt"): "",
		"loop -> .":         "",
		"out -> " + outside: "",
	})
	l, err := listTexts(dir)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range l.files {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := "2022/deeper/x 2022/putin UPPER a b c d e f l other_files/g out/linked page"
	if got := strings.Join(keys, " "); got != want {
		t.Errorf("keys %q, want %q", got, want)
	}
	errs := Problems(l.errs).Error()
	for _, s := range []string{"broken.txt: a symbolic link to", "fix or remove the link", `two documents for "dup"; keep one`} {
		if !strings.Contains(errs, s) {
			t.Errorf("errors %q lack %q", errs, s)
		}
	}
	warns := strings.Join(l.warnings, "\n")
	for _, s := range []string{"notes.pdf: left out: not a document align reads", "README: left out", "loop: left out: a link to a folder already read", "page_files: left out: the images and scripts of the saved page page.htm"} {
		if !strings.Contains(warns, s) {
			t.Errorf("warnings %q lack %q", warns, s)
		}
	}
	if strings.Contains(warns, "hidden") || strings.Contains(warns, "~$") || strings.Contains(warns, ".git") {
		t.Errorf("warnings %q mention hidden or lock files", warns)
	}
}

func TestListTextsFolderErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "ru.txt")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, tc := range []struct{ dir, want string }{
		{filepath.Join(dir, "missing"), "no such folder; give a folder of documents"},
		{file, "is a file, not a folder"},
	} {
		if _, err := listTexts(tc.dir); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("listTexts(%s) = %v; want %q", tc.dir, err, tc.want)
		}
	}
}

func TestListTextsUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which reads files and folders whatever their permissions; unreadable inputs are not tested")
	}
	dir := t.TempDir()
	testfs.Write(t, dir, map[string]string{"a.txt": "A.", "locked.txt": "L.", "closed/b.txt": "B."})
	os.Chmod(filepath.Join(dir, "locked.txt"), 0)
	os.Chmod(filepath.Join(dir, "closed"), 0)
	defer os.Chmod(filepath.Join(dir, "closed"), 0o755)
	l, err := listTexts(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.files) != 1 || l.files["a"] == "" {
		t.Errorf("files %v; want only a", l.files)
	}
	errs := Problems(l.errs).Error()
	for _, s := range []string{"locked.txt: cannot read the file", "cannot read the folder", "check its permissions"} {
		if !strings.Contains(errs, s) {
			t.Errorf("errors %q lack %q", errs, s)
		}
	}
}

// TestRunGoesOn checks that files that cannot be read are reported while
// the others are aligned, and that documents of every format pair by
// name across formats and folders.
func TestRunGoesOn(t *testing.T) {
	root := t.TempDir()
	ru, en := filepath.Join(root, "ru"), filepath.Join(root, "en")
	testfs.Write(t, ru, map[string]string{
		"good.txt":       "Добрый день, коллеги! Спасибо.",
		"page.html":      "<html><body><h1>Заседание</h1><p>Добрый день, коллеги!</p></body></html>",
		"empty.txt":      "",
		"binary.txt":     "\x00\x01\x02",
		"2022/talk.md":   "# Речь\n\nСпасибо, Анна.",
		"alone.txt":      "Нет пары.",
		"unsupported.md": "{\\rtf1 x}",
	})
	testfs.Write(t, en, map[string]string{
		"good.txt":       "Good afternoon, colleagues! Thank you.",
		"page.htm":       "<html><body><nav>Home</nav><h1>Meeting</h1><p>Good afternoon, colleagues!</p></body></html>",
		"empty.txt":      "Not empty.",
		"binary.txt":     "Text.",
		"2022/talk.txt":  "Speech\n\nThank you, Anna.",
		"unsupported.md": "Text.",
	})
	sum, err := Run(context.Background(), Config{SrcDir: ru, TgtDir: en, OutDir: filepath.Join(root, "out")})
	var probs Problems
	if !errors.As(err, &probs) {
		t.Fatalf("Run = %v; want Problems", err)
	}
	// The names the summary gives pairs are the pairing's business; the
	// count says that the three readable pairs were aligned.
	if len(sum.Pairs) != 3 {
		t.Errorf("pairs %q; want the three readable ones", sum.Pairs)
	}
	msg := probs.Error()
	for _, s := range []string{"empty.txt: no text: the file is empty", "binary.txt: not a text file", "unsupported.md: unsupported format: an RTF"} {
		if !strings.Contains(msg, s) {
			t.Errorf("problems %q lack %q", msg, s)
		}
	}
	if len(sum.Outputs) == 0 {
		t.Error("no outputs written")
	}
}

// TestRunOutputNotWritable checks the error when the output folder
// cannot be made: here a file stands where it should be, which fails as
// root too.
func TestRunOutputNotWritable(t *testing.T) {
	root := t.TempDir()
	testfs.Write(t, root, map[string]string{"ru/a.txt": "Текст.", "en/a.txt": "Text.", "out": "a file"})
	_, err := Run(context.Background(), Config{SrcDir: filepath.Join(root, "ru"), TgtDir: filepath.Join(root, "en"), OutDir: filepath.Join(root, "out")})
	if err == nil || !strings.Contains(err.Error(), "cannot make the output folder") {
		t.Errorf("Run = %v; want an error about the output folder", err)
	}
}
