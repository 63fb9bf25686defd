package transcript

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/align-tools/align/internal/shared"
	"github.com/align-tools/align/lang"
)

func readShared(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return lang.Normalize(string(b))
}

// TestCSTOPageStructure checks the recognizer on the real English page of
// the CSTO summit: every speech heading found with its speaker, the
// chairing turn and the press statement, and every gold sentence of a
// speech attributed to its speaker.
func TestCSTOPageStructure(t *testing.T) {
	dir := shared.Dir(t, "corpus/csto-2022")
	text := readShared(t, filepath.Join(dir, "en-page.txt"))
	st := Parse(language.English, text)
	checkInvariants(t, st)

	want := []struct {
		opening Opening
		surname string
	}{
		{Headed, "Lukashenko"}, {Headed, "Tokayev"}, {Headed, "Japarov"}, {Turn, "Pashinyan"},
		{Headed, "Putin"}, {Headed, "Rakhmon"}, {Headed, "Pashinyan"}, {Headed, "Zas"}, {Headed, "Zas"},
	}
	var got []string
	for _, sec := range st.Sections {
		got = append(got, sec.Opening.String()+" "+sec.Speaker.Surname)
	}
	if len(got) != len(want) {
		t.Fatalf("sections:\n%s\nwant %d", strings.Join(got, "\n"), len(want))
	}
	for k, w := range want {
		if got[k] != w.opening.String()+" "+w.surname {
			t.Errorf("section %d: got %q, want %q %q", k+1, got[k], w.opening, w.surname)
		}
	}

	sents := lang.Split(language.English, text)
	roles := st.Assign(sents)
	bySentence := map[string][]Role{}
	for i, s := range sents {
		k := strings.Join(strings.Fields(text[s.Start:s.End]), " ")
		bySentence[k] = append(bySentence[k], roles[i])
	}
	golds, _ := filepath.Glob(filepath.Join(dir, "gold", "*.en"))
	sort.Strings(golds)
	if len(golds) == 0 {
		t.Fatal("no gold/*.en files")
	}
	checked := 0
	for _, g := range golds {
		speaker := strings.SplitN(strings.TrimSuffix(filepath.Base(g), ".en"), "-", 2)[0]
		for _, line := range strings.Split(readShared(t, g), "\n") {
			line = strings.Join(strings.Fields(line), " ")
			if line == "" {
				continue
			}
			rs, ok := bySentence[line]
			if !ok {
				t.Errorf("%s: gold sentence not among the page's sentences: %.60q", filepath.Base(g), line)
				continue
			}
			for _, r := range rs {
				checked++
				if r.Kind != Speech || r.Section < 0 {
					t.Errorf("%s: %.60q is %v, not speech", filepath.Base(g), line, r.Kind)
					continue
				}
				sp := st.Sections[r.Section].Speaker
				if !SameKey(sp.Key(), lang.Key(speaker)) {
					t.Errorf("%s: %.60q attributed to %q", filepath.Base(g), line, sp.Name)
				}
			}
		}
	}
	t.Logf("%d gold sentences attributed", checked)

	// The site's furniture is kept and marked.
	var boiler []string
	for _, b := range st.Blocks {
		if b.Kind == Boilerplate {
			boiler = append(boiler, text[b.Start:b.End])
		}
	}
	for _, w := range []string{"Go back", "E-mail: odkb-pressa@gov.ru", "Back to the all news"} {
		found := false
		for _, b := range boiler {
			found = found || b == w
		}
		if !found {
			t.Errorf("boilerplate %q not recognised; got %q", w, boiler)
		}
	}
}

// TestCSTOFragmentsPairing pairs the Russian fragment files, one per
// speaker, with the speeches of the English page. putin-opening.txt is
// Putin's opening remark, which the English page leaves out: it must be
// left unpaired, since the page's Putin speech is the counterpart of
// putin.txt and pairing the opening with it would align sentences that
// do not translate each other.
func TestCSTOFragmentsPairing(t *testing.T) {
	dir := shared.Dir(t, "corpus/csto-2022")
	enText := readShared(t, filepath.Join(dir, "en-page.txt"))
	en := Parse(language.English, enText)
	tgt := en.Candidates("en-page")
	// The section of every English sentence, by its text.
	sectionOf := map[string]int{}
	sents := lang.Split(language.English, enText)
	for i, r := range en.Assign(sents) {
		sectionOf[strings.Join(strings.Fields(enText[sents[i].Start:sents[i].End]), " ")] = r.Section
	}
	files, _ := filepath.Glob(filepath.Join(dir, "ru-fragments", "*.txt"))
	sort.Strings(files)
	var src []Candidate
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		st := Parse(language.Russian, readShared(t, f))
		checkInvariants(t, st)
		src = append(src, st.Candidates(name)...)
	}
	p, err := Pair(src, tgt, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkPairing(t, p, len(src), len(tgt))
	got := map[string]string{}
	for _, m := range p.Matches {
		got[src[m.Src].Doc] = tgt[m.Tgt].Speaker.Surname
		t.Logf("%-14s -> %-10s %.2f  %s", src[m.Src].Ref(), tgt[m.Tgt].Speaker.Surname, m.Confidence, m.Reason)
	}
	for _, a := range p.SrcAlone {
		t.Logf("%-14s alone: %s", src[a.Index].Ref(), a.Reason)
	}
	want := map[string]string{
		"japarov": "Japarov", "lukashenko": "Lukashenko", "pashinyan": "Pashinyan", "putin": "Putin",
		"rahmon": "Rakhmon", "tokayev": "Tokayev", "zas-press": "Zas",
	}
	for doc, w := range want {
		if got[doc] != w {
			t.Errorf("%s paired with %q, want %q", doc, got[doc], w)
		}
	}
	// The section paired holds the English sentences the gold
	// alignment gives the fragment (Pashinyan chairs a turn and gives a
	// speech; Zas gives a speech and a statement to the press).
	for _, m := range p.Matches {
		doc := src[m.Src].Doc
		gold := readShared(t, filepath.Join(dir, "gold", doc+".en"))
		for _, line := range strings.Split(gold, "\n") {
			line = strings.Join(strings.Fields(line), " ")
			if line == "" {
				continue
			}
			if k, ok := sectionOf[line]; !ok || k != tgt[m.Tgt].Section {
				t.Errorf("%s paired with section %d, but its gold sentence %.50q is in section %d", doc, tgt[m.Tgt].Section+1, line, k+1)
			}
		}
	}
	if g, ok := got["putin-opening"]; ok {
		t.Errorf("putin-opening paired with %q; it has no counterpart on the page", g)
	}
}
