package transcript

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/text/language"

	"github.com/align-tools/align/lang"
)

var update = flag.Bool("update", false, "rewrite the want sections of the testdata cases")

// TestStructureCases runs the cases of testdata/structure: each archive
// holds an input named by its language ("ru" or "en") and the expected
// output of Structure.WriteTo ("want"), rewritten with -update.
func TestStructureCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/structure/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases in testdata/structure")
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var in *txtar.File
			wantIdx := -1
			for i := range ar.Files {
				switch ar.Files[i].Name {
				case "ru", "en":
					in = &ar.Files[i]
				case "want":
					wantIdx = i
				}
			}
			if in == nil || wantIdx < 0 {
				t.Fatal("a case needs an input named ru or en and a want section")
			}
			tag := language.MustParse(in.Name)
			st := Parse(tag, lang.Normalize(string(in.Data)))
			checkInvariants(t, st)
			var got bytes.Buffer
			st.WriteTo(&got)
			if *update {
				ar.Files[wantIdx].Data = got.Bytes()
				if err := os.WriteFile(f, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := string(ar.Files[wantIdx].Data); got.String() != want {
				t.Errorf("got:\n%s\nwant:\n%s", got.String(), want)
			}
		})
	}
}

// TestCandidatesWith checks that CandidatesWith gives the candidates of
// Candidates with the text asked for.
func TestCandidatesWith(t *testing.T) {
	text := "Speech by N. Pashinyan\n\nDear colleagues, welcome.\n\nThank you.\n\nV. Putin: Thank you, Nikol Vovaevich."
	st := Parse(language.English, text)
	want := st.Candidates("doc")
	got := st.CandidatesWith("doc", func(k int) string { return strings.Repeat("x", k+1) })
	if len(got) != len(want) || len(got) < 2 {
		t.Fatalf("%d candidates, Candidates gives %d; want two or more", len(got), len(want))
	}
	for k := range got {
		if got[k].Text != strings.Repeat("x", k+1) {
			t.Errorf("candidate %d: text %q", k, got[k].Text)
		}
		got[k].Text = want[k].Text
		if got[k] != want[k] {
			t.Errorf("candidate %d: %+v, Candidates gives %+v", k, got[k], want[k])
		}
	}
}
