package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInputFormat runs align pair on the sample pages and documents of
// corpora/testdata, with the format recognised and forced.
func TestInputFormat(t *testing.T) {
	td := filepath.Join("..", "..", "corpora", "testdata")
	cases := []struct {
		args   []string
		status int
		out    string // in stdout
		errOut string // in stderr
	}{
		{[]string{"pair", filepath.Join(td, "council-ru.html"), filepath.Join(td, "council-en.html")}, exitOK, "Т.Барроу: Спасибо, Анна.\tT. Barrow: Thank you, Anna.", ""},
		{[]string{"pair", "--input-format", "html", filepath.Join(td, "council-ru.html"), filepath.Join(td, "council-en.html")}, exitOK, "Добрый день, уважаемые коллеги!\tGood afternoon, colleagues!", ""},
		{[]string{"pair", filepath.Join(td, "council-ru.odt"), filepath.Join(td, "council-en.docx")}, exitOK, "Заседание Совета речного бассейна\tMeeting of the River Basin Council", ""},
		{[]string{"pair", filepath.Join(td, "council-ru.html"), filepath.Join(td, "council-en.md")}, exitOK, "Заседание Совета речного бассейна\tMeeting of the River Basin Council", ""},
		{[]string{"pair", "--input-format", "pdf", "a", "b"}, exitUsage, "", "--input-format: \"pdf\" is not a format; use one of auto, text, html, docx, odt, markdown"},
		{[]string{"pair", "--input-format", "docx", filepath.Join(td, "council-ru.html"), filepath.Join(td, "council-en.html")}, exitFailed, "", "council-ru.html: not a docx document"},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args[:len(tc.args)-2], " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := run(append([]string{"align"}, tc.args...), &stdout, &stderr); got != tc.status {
				t.Errorf("status %d, want %d; stderr:\n%s", got, tc.status, stderr.String())
			}
			if !strings.Contains(stdout.String(), tc.out) {
				t.Errorf("stdout lacks %q:\n%s", tc.out, stdout.String())
			}
			if !strings.Contains(stderr.String(), tc.errOut) {
				t.Errorf("stderr lacks %q:\n%s", tc.errOut, stderr.String())
			}
		})
	}
}

// TestSpeechesFolders runs align speeches on folders of mixed formats
// with a bad file: the others are aligned and the status is 1.
func TestSpeechesFolders(t *testing.T) {
	td := filepath.Join("..", "..", "corpora", "testdata")
	root := t.TempDir()
	for _, f := range []struct{ from, to string }{
		{"council-ru.html", "ru/council.html"}, {"council-en.html", "en/council.html"},
		{"council-ru.odt", "ru/2026/march.odt"}, {"council-en.docx", "en/2026/march.docx"},
	} {
		b, err := os.ReadFile(filepath.Join(td, f.from))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(filepath.Join(root, f.to)), 0o755)
		os.WriteFile(filepath.Join(root, f.to), b, 0o644)
	}
	os.WriteFile(filepath.Join(root, "ru", "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(root, "en", "empty.txt"), []byte("Text."), 0o644)
	os.WriteFile(filepath.Join(root, "en", "notes.pdf"), []byte("%PDF-1.7"), 0o644)
	var stdout, stderr bytes.Buffer
	status := run([]string{"align", "speeches", "-o", filepath.Join(root, "out"), filepath.Join(root, "ru"), filepath.Join(root, "en")}, &stdout, &stderr)
	if status != exitFailed {
		t.Errorf("status %d, want %d", status, exitFailed)
	}
	for _, s := range []string{"documents paired: 2", "empty.txt: no text: the file is empty", "warning: " + filepath.Join(root, "en", "notes.pdf") + ": left out: not a document align reads"} {
		if !strings.Contains(stderr.String(), s) {
			t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
		}
	}
}
