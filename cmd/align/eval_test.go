package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/align-tools/align/internal/testfs"
)

func TestEvalCommand(t *testing.T) {
	gold := t.TempDir()
	testfs.Write(t, gold, map[string]string{
		"news/a.ru":     "Встреча прошла в Минске 12 марта.\nСтороны обсудили торговлю.\nОни договорились встретиться снова.\n",
		"news/a.en":     "The meeting took place in Minsk on March 12.\nThe sides discussed trade and agreed to meet again.\n",
		"news/a.align":  "[0]:[0]\n[1,2]:[1]\n",
		"books/b.ru":    "Был тихий вечер.\nНа реке пели лягушки.\n",
		"books/b.en":    "It was a quiet evening.\nFrogs were singing on the river.\n",
		"books/b.align": "[0]:[0]\n[1]:[1]\n",
	})
	var out, errw bytes.Buffer
	if code := run([]string{"align", "eval", "--json", gold}, &out, &errw); code != 0 {
		t.Fatalf("exit %d: %s", code, errw.String())
	}
	var rows []evalRow
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		t.Fatalf("%v in %s", err, out.String())
	}
	if len(rows) != 3 || rows[0].Collection != "books" || rows[1].Collection != "news" || rows[2].Collection != "total" {
		t.Fatalf("rows %+v, want books, news, total", rows)
	}
	if rows[2].Gold != 4 || rows[2].Docs != 2 {
		t.Errorf("total %+v, want 4 gold beads in 2 documents", rows[2])
	}

	// Scoring existing predictions: one wrong bead out of three.
	pred := t.TempDir()
	testfs.Write(t, pred, map[string]string{
		"news/a.align":  "[0]:[0]\n[1,2]:[1]\n",
		"books/b.align": "[0,1]:[0,1]\n",
	})
	out.Reset()
	if code := run([]string{"align", "eval", "--pred", pred, gold}, &out, &errw); code != 0 {
		t.Fatalf("exit %d: %s", code, errw.String())
	}
	total := lastLine(out.String())
	if !strings.HasPrefix(strings.TrimSpace(total), "total") || !strings.Contains(total, "0.667") {
		t.Errorf("total line %q, want strict P 0.667", total)
	}

	for _, args := range [][]string{{"align", "eval"}, {"align", "eval", "--cost", "fast", gold}, {"align", "eval", t.TempDir()}} {
		if code := run(args, &out, &errw); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
