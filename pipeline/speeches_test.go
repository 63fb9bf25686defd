package pipeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/align-tools/align/internal/shared"
	"github.com/align-tools/align/internal/testfs"
)

// readTSV reads out/corpus.tsv as rows keyed by column name.
func readTSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			if i < len(rec) {
				row[h] = rec[i]
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func summary(t *testing.T, s *Summary) string {
	var b bytes.Buffer
	s.WriteTo(&b)
	return b.String()
}

// TestRunCSTOFragments runs align speeches on the Russian fragment files
// of the CSTO summit, one per speaker, against the English page holding
// every speech: each file is paired with its speaker's speech, Putin's
// opening remark (absent from the page) is reported alone, and every
// unit carries its speech and speaker.
func TestRunCSTOFragments(t *testing.T) {
	dir := shared.Dir(t, "corpus/csto-2022")
	tmp := t.TempDir()
	page, err := os.ReadFile(filepath.Join(dir, "en-page.txt"))
	if err != nil {
		t.Fatal(err)
	}
	testfs.Write(t, tmp, map[string]string{"en/en-page.txt": string(page)})
	sum, err := Run(context.Background(), Config{SrcDir: filepath.Join(dir, "ru-fragments"), TgtDir: filepath.Join(tmp, "en"), OutDir: filepath.Join(tmp, "out")})
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + summary(t, sum))
	want := map[string]string{
		"japarov": "en-page#3", "lukashenko": "en-page#1", "pashinyan": "en-page#7", "putin": "en-page#5",
		"rahmon": "en-page#6", "tokayev": "en-page#2", "zas-press": "en-page#9",
	}
	got := map[string]string{}
	for _, p := range sum.Speeches {
		got[p.Src] = p.Tgt
	}
	for src, tgt := range want {
		if got[src] != tgt {
			t.Errorf("%s paired with %q, want %q", src, got[src], tgt)
		}
	}
	if len(sum.Speeches) != len(want) {
		t.Errorf("%d speeches paired, want %d", len(sum.Speeches), len(want))
	}
	alone := false
	for _, a := range sum.SpeechesAlone {
		alone = alone || a.Side == "src" && a.Ref == "putin-opening"
	}
	if !alone {
		t.Errorf("putin-opening not reported alone: %+v", sum.SpeechesAlone)
	}
	speakers := map[string]string{
		"japarov": "Sadyr Japarov", "lukashenko": "Alexander Lukashenko", "pashinyan": "Nikol Pashinyan",
		"putin": "Vladimir Putin", "rahmon": "Emomali Rakhmon", "tokayev": "Kassym-Jomart Tokayev", "zas-press": "Stanislav Zas",
	}
	rows := readTSV(t, filepath.Join(tmp, "out", "corpus.tsv"))
	if len(rows) == 0 {
		t.Fatal("empty corpus")
	}
	for _, r := range rows {
		if r["document"] == "putin-opening" {
			// Left alone: written unaligned, never forced onto a speech.
			if r["tgt"] != "" || r["src"] == "" {
				t.Errorf("putin-opening bead %s is not an unaligned source sentence: %v", r["bead"], r)
			}
			continue
		}
		if r["document"] == "en-page" {
			continue // the page's sentences no fragment covers, unaligned
		}
		doc := strings.TrimSuffix(r["document"], "+en-page")
		if r["speaker"] != speakers[doc] {
			t.Errorf("%s bead %s: speaker %q, want %q", r["document"], r["bead"], r["speaker"], speakers[doc])
		}
		if r["speech"] == "" {
			t.Errorf("%s bead %s: no speech", r["document"], r["bead"])
		}
	}
}

// TestRunSummit runs the sample's multi-speech pages: the four sections
// paired in order, every sentence written once with its speaker, the
// boilerplate aligned and flagged.
func TestRunSummit(t *testing.T) {
	tmp := t.TempDir()
	files := map[string]string{}
	for _, l := range []string{"ru", "en"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "speeches", l, "summit.txt"))
		if err != nil {
			t.Fatal(err)
		}
		files[l+"/summit.txt"] = string(b)
	}
	testfs.Write(t, tmp, files)
	sum, err := Run(context.Background(), Config{SrcDir: filepath.Join(tmp, "ru"), TgtDir: filepath.Join(tmp, "en"), OutDir: filepath.Join(tmp, "out")})
	if err != nil {
		t.Fatal(err)
	}
	s := summary(t, sum)
	for _, want := range []string{
		"summit#1             summit#1             Gulnara Zhumabekova",
		"summit#2             summit#2             G. Tskhay",
		"summit#3             summit#3             Oleg Vedernikov",
		"summit#4             summit#4             Georgy Tskhay",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	if len(sum.SpeechesAlone) != 0 {
		t.Errorf("speeches alone: %+v", sum.SpeechesAlone)
	}
	rows := readTSV(t, filepath.Join(tmp, "out", "corpus.tsv"))
	seenSrc := map[string]bool{}
	boiler := 0
	for k, r := range rows {
		if r["bead"] != strconv.Itoa(k+1) {
			t.Errorf("row %d: bead %s; beads are numbered in the order of the text", k+1, r["bead"])
		}
		for _, id := range strings.Split(r["src_ids"], ",") {
			if id == "" {
				continue
			}
			if seenSrc[id] {
				t.Errorf("source sentence %s written twice", id)
			}
			seenSrc[id] = true
		}
		if strings.Contains(r["flags"], "boilerplate") {
			boiler++
			if r["speaker"] != "" {
				t.Errorf("boilerplate row with speaker %q", r["speaker"])
			}
		}
		switch {
		case strings.HasPrefix(r["tgt"], "G. Tskhay: Thank you"):
			if r["speaker"] != "G. Tskhay" {
				t.Errorf("chairing turn attributed to %q", r["speaker"])
			}
		case strings.HasPrefix(r["tgt"], "Finally, I invite you"):
			if r["speaker"] != "Oleg Vedernikov" {
				t.Errorf("%q attributed to %q", r["tgt"], r["speaker"])
			}
		}
	}
	if len(seenSrc) != sum.SrcSents {
		t.Errorf("%d source sentences written, %d read", len(seenSrc), sum.SrcSents)
	}
	// Press service, e-mail, date and "Go back": one unit each.
	if boiler != 4 {
		t.Errorf("%d boilerplate rows, want 4", boiler)
	}
	if last := rows[len(rows)-1]; last["src"] != "Назад" || last["tgt"] != "Go back" {
		t.Errorf("last unit %q / %q, want Назад / Go back", last["src"], last["tgt"])
	}

	// Named differently, the two pages are paired by content, with the
	// same speeches.
	tmp2 := t.TempDir()
	testfs.Write(t, tmp2, map[string]string{"ru/ru-page.txt": files["ru/summit.txt"], "en/lakes-en.txt": files["en/summit.txt"]})
	sum, err = Run(context.Background(), Config{SrcDir: filepath.Join(tmp2, "ru"), TgtDir: filepath.Join(tmp2, "en"), OutDir: filepath.Join(tmp2, "out")})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Speeches) != 4 || len(sum.SpeechesAlone) != 0 {
		t.Fatalf("pages named differently:\n%s", summary(t, sum))
	}
	for k, p := range sum.Speeches {
		if want := fmt.Sprintf("#%d", k+1); !strings.HasSuffix(p.Src, want) || !strings.HasSuffix(p.Tgt, want) {
			t.Errorf("pages named differently: %s paired with %s", p.Src, p.Tgt)
		}
	}
}

// The texts of the mixed cases: a Russian page of two speeches, English
// files named neither like the page nor like each other.
var mixedFiles = map[string]string{
	"ru/forum.txt": `Форум речников открылся в Нортпорте.

Выступление Министра транспорта Республики Северия О.П.Ведерникова

Уважаемые коллеги! В 2025 году наши порты приняли 3 400 судов.

Мы построили два новых причала в Нортпорте.

Выступление Президента Озёрной Республики Г.А.Жумабековой

Дорогие друзья! Форум проходит в 7-й раз.

Предлагаю создать общий реестр судов к 2028 году.
`,
	"en/part-2.txt": `Speech by the President of the Lake Republic Gulnara Zhumabekova

Dear friends! The forum is held for the 7th time.

I propose to create a common register of vessels by 2028.
`,
	"en/vedernikov.txt": `Dear colleagues! In 2025, our ports received 3,400 vessels.

We have built two new berths in Northport.
`,
}

// TestRunMixed pairs a Russian page with English files, one per speech,
// named differently; then overrides the pairing with a mapping file.
func TestRunMixed(t *testing.T) {
	tmp := t.TempDir()
	testfs.Write(t, tmp, mixedFiles)
	cfg := Config{SrcDir: filepath.Join(tmp, "ru"), TgtDir: filepath.Join(tmp, "en"), OutDir: filepath.Join(tmp, "out")}
	sum, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := summary(t, sum)
	for _, want := range []string{"forum#1              vedernikov", "forum#2              part-2", "src forum (lead)"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	// The same run twice writes the same bytes.
	first, _ := os.ReadFile(filepath.Join(tmp, "out", "corpus.tmx"))
	cfg.Force = true
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(filepath.Join(tmp, "out", "corpus.tmx"))
	if !bytes.Equal(first, second) {
		t.Error("two runs wrote different TMX")
	}
	if !bytes.Contains(first, []byte(`<prop type="x-speaker">Gulnara Zhumabekova</prop>`)) {
		t.Error("TMX lacks the x-speaker prop")
	}

	// A mapping file turns the pairing around and says so.
	testfs.Write(t, tmp, map[string]string{"pairs.tsv": "# ru\ten\nforum.txt#1\tpart-2.txt\nforum#2\t-\n"})
	cfg.PairsFile = filepath.Join(tmp, "pairs.tsv")
	sum, err = Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	s = summary(t, sum)
	for _, want := range []string{"forum#1              part-2", "mapping file", "src forum#2", "tgt vedernikov"} {
		if !strings.Contains(s, want) {
			t.Errorf("with the mapping file, summary lacks %q:\n%s", want, s)
		}
	}

	// A mapping file naming a speech that does not exist is an error
	// that names the line.
	testfs.Write(t, tmp, map[string]string{"pairs.tsv": "forum#3\tpart-2\n"})
	if _, err := Run(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), "pairs.tsv:1:") {
		t.Errorf("bad mapping file: got error %v", err)
	}
}

// TestRunPlainPairs checks that documents paired by name and holding one
// speech each that names nobody are aligned whole, as before, with no
// speech table in the summary.
func TestRunPlainPairs(t *testing.T) {
	tmp := t.TempDir()
	testfs.Write(t, tmp, map[string]string{
		"ru/a.txt": "Первое предложение. Второе предложение.\n",
		"en/a.txt": "The first sentence. The second sentence.\n",
		"en/b.txt": "Alone.\n",
	})
	sum, err := Run(context.Background(), Config{SrcDir: filepath.Join(tmp, "ru"), TgtDir: filepath.Join(tmp, "en"), OutDir: filepath.Join(tmp, "out")})
	if err != nil {
		t.Fatal(err)
	}
	s := summary(t, sum)
	if strings.Contains(s, "speeches paired") || !strings.Contains(s, "documents paired: 1") || !strings.Contains(s, "no partner: "+filepath.Join(tmp, "en", "b.txt")) {
		t.Errorf("summary:\n%s", s)
	}
	rows := readTSV(t, filepath.Join(tmp, "out", "corpus.tsv"))
	if len(rows) != 3 || rows[0]["document"] != "a" || rows[0]["speech"] != "" ||
		rows[2]["document"] != "b" || rows[2]["src"] != "" || rows[2]["tgt"] != "Alone." {
		t.Errorf("rows: %v", rows)
	}
}

// TestRunSameNameFallback checks that two files of the same name whose
// speeches do not pair one to one are aligned whole: no sentence is left
// out, and each unit still names the speaker of its first sentence.
func TestRunSameNameFallback(t *testing.T) {
	tmp := t.TempDir()
	testfs.Write(t, tmp, map[string]string{
		"ru/talk.txt": "Г.Цхай: Коллеги, начинаем.\n\nО.Ведерников: Спасибо. Порт открыт.\n\nГ.Цхай: Хорошо.\n",
		"en/talk.txt": "G. Tskhay: Colleagues, let us begin.\n\nThank you. The port is open.\n\nGood.\n",
	})
	sum, err := Run(context.Background(), Config{SrcDir: filepath.Join(tmp, "ru"), TgtDir: filepath.Join(tmp, "en"), OutDir: filepath.Join(tmp, "out")})
	if err != nil {
		t.Fatal(err)
	}
	if len(sum.Speeches) != 1 || !strings.Contains(sum.Speeches[0].Reason, "aligned whole") {
		t.Fatalf("summary:\n%s", summary(t, sum))
	}
	rows := readTSV(t, filepath.Join(tmp, "out", "corpus.tsv"))
	n := 0
	for _, r := range rows {
		if r["src_ids"] != "" {
			n += len(strings.Split(r["src_ids"], ","))
		}
	}
	if n != sum.SrcSents || n != 4 {
		t.Errorf("%d source sentences written, %d read, want 4", n, sum.SrcSents)
	}
	if rows[0]["speaker"] != "Г.Цхай" {
		t.Errorf("first unit attributed to %q", rows[0]["speaker"])
	}
}
