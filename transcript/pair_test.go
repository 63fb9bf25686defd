package transcript

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/text/language"

	"github.com/align-tools/align/lang"
)

// TestPairingCases runs the cases of testdata/pairing: each archive holds
// documents ru/NAME.txt and en/NAME.txt, maybe a mapping file pairs.tsv,
// and the expected pairing ("want"), rewritten with -update.
func TestPairingCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/pairing/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases in testdata/pairing")
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var src, tgt []Candidate
			var fixed []Fixed
			wantIdx := -1
			for i, file := range ar.Files {
				name := strings.TrimSuffix(filepath.Base(file.Name), ".txt")
				switch {
				case strings.HasPrefix(file.Name, "ru/"):
					st := Parse(language.Russian, lang.Normalize(string(file.Data)))
					checkInvariants(t, st)
					src = append(src, st.Candidates(name)...)
				case strings.HasPrefix(file.Name, "en/"):
					st := Parse(language.English, lang.Normalize(string(file.Data)))
					checkInvariants(t, st)
					tgt = append(tgt, st.Candidates(name)...)
				case file.Name == "pairs.tsv":
					fixed, err = ReadPairs(bytes.NewReader(file.Data), file.Name)
					if err != nil {
						t.Fatal(err)
					}
				case file.Name == "want":
					wantIdx = i
				}
			}
			if wantIdx < 0 {
				t.Fatal("no want section")
			}
			p, err := Pair(src, tgt, fixed)
			if err != nil {
				t.Fatal(err)
			}
			checkPairing(t, p, len(src), len(tgt))
			got := formatPairing(p, src, tgt)
			if *update {
				ar.Files[wantIdx].Data = []byte(got)
				if err := os.WriteFile(f, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := string(ar.Files[wantIdx].Data); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func formatPairing(p *Pairing, src, tgt []Candidate) string {
	var sb strings.Builder
	for _, m := range p.Matches {
		sp := tgt[m.Tgt].Speaker.Name
		if sp == "" {
			sp = "-"
		}
		fmt.Fprintf(&sb, "%s -> %s (%s) %.2f %s\n", src[m.Src].Ref(), tgt[m.Tgt].Ref(), sp, m.Confidence, m.Reason)
	}
	for _, a := range p.SrcAlone {
		fmt.Fprintf(&sb, "alone ru %s: %s\n", src[a.Index].Ref(), a.Reason)
	}
	for _, a := range p.TgtAlone {
		fmt.Fprintf(&sb, "alone en %s: %s\n", tgt[a.Index].Ref(), a.Reason)
	}
	return sb.String()
}

// TestPairDeterministic pairs the same inputs in several orders of
// documents and checks that the pairs made do not change.
func TestPairDeterministic(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/pairing/page-vs-files.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var src []Candidate
	var tgtFiles []txtar.File
	for _, f := range ar.Files {
		switch {
		case strings.HasPrefix(f.Name, "ru/"):
			src = append(src, Parse(language.Russian, string(f.Data)).Candidates("forum")...)
		case strings.HasPrefix(f.Name, "en/"):
			tgtFiles = append(tgtFiles, f)
		}
	}
	var first string
	for rot := range tgtFiles {
		var tgt []Candidate
		for k := range tgtFiles {
			f := tgtFiles[(k+rot)%len(tgtFiles)]
			tgt = append(tgt, Parse(language.English, string(f.Data)).Candidates(f.Name)...)
		}
		p, err := Pair(src, tgt, nil)
		if err != nil {
			t.Fatal(err)
		}
		var pairs []string
		for _, m := range p.Matches {
			pairs = append(pairs, fmt.Sprintf("%s=%s %.4f", src[m.Src].Ref(), tgt[m.Tgt].Ref(), m.Confidence))
		}
		sort.Strings(pairs)
		got := strings.Join(pairs, "\n")
		if rot == 0 {
			first = got
		} else if got != first {
			t.Errorf("order %d of the documents gives\n%s\nwant\n%s", rot, got, first)
		}
	}
}
