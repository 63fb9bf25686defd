package names

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/align-tools/align/internal/shared"
	"github.com/align-tools/align/lang"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// lines returns a line function for text.
func lines(text string) func(int) int {
	return func(off int) int { return 1 + strings.Count(text[:off], "\n") }
}

// spellingSets returns the spellings of each group, sorted, "a/b".
func spellingSets(groups []Group) []string {
	var out []string
	for _, g := range groups {
		var ss []string
		for _, s := range g.Spellings {
			ss = append(ss, s.Text)
		}
		slices.Sort(ss)
		out = append(out, strings.Join(ss, "/"))
	}
	slices.Sort(out)
	return out
}

// TestCSTO runs on the real English page of the CSTO summit alone: it
// must find the three names spelled two ways, and join nobody else.
func TestCSTO(t *testing.T) {
	dir := shared.Dir(t, "corpus/csto-2022")
	data, err := os.ReadFile(filepath.Join(dir, "en-page.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	x := NewIndex(Options{})
	x.AddEnglish("en-page.txt", text, lines(text))
	groups := x.Groups()
	var multi []Group
	for _, g := range groups {
		if len(g.Spellings) > 1 {
			multi = append(multi, g)
		}
	}
	want := []string{"Grigorievich/Grigoryevich", "Nikol/Nikolay", "Sadir/Sadyr"}
	if got := spellingSets(multi); !slices.Equal(got, want) {
		t.Fatalf("groups with several spellings: %q, want %q", got, want)
	}
	for _, g := range multi {
		for _, s := range g.Spellings {
			isOther := s.Other != ""
			if isOther != (s.Text == "Nikolay") {
				t.Errorf("%s: different name = %q; only Nikolay is a different name", s.Text, s.Other)
			}
		}
		suggested := map[string]string{"Nikol": "Nikol", "Sadyr": "Sadyr", "Grigoryevich": "Grigoryevich"}[g.Spellings[0].Text]
		if g.Suggested != suggested {
			t.Errorf("%s: suggested %q, want %q (%s)", g.Spellings[0].Text, g.Suggested, suggested, g.Reason)
		}
	}
	// Single spellings are reported only against an official one.
	for _, g := range groups {
		if len(g.Spellings) == 1 && g.Spellings[0].Text == g.Suggested {
			t.Errorf("%s reported with nothing to say", g.Suggested)
		}
	}
}

// TestNotJoined checks, on our own sample, that the derived forms and
// the different people of a text stay apart while real variants join.
func TestNotJoined(t *testing.T) {
	data, err := os.ReadFile("testdata/people.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	x := NewIndex(Options{})
	x.AddEnglish("people.txt", text, lines(text))
	got := spellingSets(x.Groups())
	want := []string{"Aleksandr/Alexander", "Sergei/Sergey", "Yuri/Yury"}
	if !slices.Equal(got, want) {
		t.Errorf("groups %q, want %q", got, want)
	}
}

func TestGolden(t *testing.T) {
	for _, name := range []string{"pairs.tsv", "people.txt"} {
		t.Run(name, func(t *testing.T) {
			x := indexFile(t, "testdata/"+name, Options{})
			groups := x.Groups()
			var txt, js bytes.Buffer
			if err := WriteText(&txt, groups); err != nil {
				t.Fatal(err)
			}
			if err := WriteJSON(&js, groups); err != nil {
				t.Fatal(err)
			}
			base := "testdata/" + strings.TrimSuffix(name, filepath.Ext(name))
			golden(t, base+".golden.txt", txt.Bytes())
			golden(t, base+".golden.json", js.Bytes())
			// Determinism: a second run gives the same bytes.
			var again bytes.Buffer
			WriteJSON(&again, indexFile(t, "testdata/"+name, Options{}).Groups())
			if !bytes.Equal(again.Bytes(), js.Bytes()) {
				t.Error("two runs differ")
			}
		})
	}
}

// indexFile indexes an English text, or a TSV of aligned pairs (Russian
// tab English).
func indexFile(t *testing.T, path string, opts Options) *Index {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	x := NewIndex(opts)
	if !strings.HasSuffix(path, ".tsv") {
		x.AddEnglish(filepath.Base(path), text, lines(text))
		return x
	}
	for i, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		ru, en, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s:%d: no tab", path, i+1)
		}
		x.AddPair(filepath.Base(path), ru, en, func(int) int { return i + 1 })
	}
	return x
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run go test -update to write it", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs; got:\n%s", path, got)
	}
}

func TestPairsLinkRussian(t *testing.T) {
	x := indexFile(t, "testdata/pairs.tsv", Options{})
	byFirst := map[string]Group{}
	for _, g := range x.Groups() {
		for _, s := range g.Spellings {
			byFirst[s.Text] = g
		}
	}
	tests := []struct{ spelling, russian, suggested, other string }{
		{"Nikolay", "Никол", "Nikol", "Николай"},
		{"Grigorievich", "Григорьевич", "Grigoryevich", ""},
		{"Sadir", "Садыр", "Sadyr", ""},
		{"Rakhmon", "Рахмон", "Rahmon", ""},
	}
	for _, tt := range tests {
		g, ok := byFirst[tt.spelling]
		if !ok {
			t.Errorf("%s: no group", tt.spelling)
			continue
		}
		if g.Russian != tt.russian || g.RussianFrom != "linked" || g.Suggested != tt.suggested {
			t.Errorf("%s: Russian %q (%s), suggested %q; want %q (linked), %q", tt.spelling, g.Russian, g.RussianFrom, g.Suggested, tt.russian, tt.suggested)
		}
		for _, s := range g.Spellings {
			if s.Text == tt.spelling && s.Other != tt.other {
				t.Errorf("%s: different name %q, want %q", tt.spelling, s.Other, tt.other)
			}
		}
	}
	if _, ok := byFirst["Vladimir"]; ok {
		t.Error("Vladimir reported: it has one spelling")
	}
}

func TestOfficialFromUser(t *testing.T) {
	list, err := ReadOfficial(strings.NewReader("# ours\nSadir Japarov\n\n"), "list.txt")
	if err != nil {
		t.Fatal(err)
	}
	x := indexFile(t, "testdata/pairs.tsv", Options{Official: list})
	for _, g := range x.Groups() {
		if g.Russian == "Садыр" && (g.Suggested != "Sadir" || !strings.Contains(g.Reason, "--names")) {
			t.Errorf("Садыр: suggested %q (%s), want Sadir from the --names list", g.Suggested, g.Reason)
		}
	}
}

func TestDiff(t *testing.T) {
	tests := []struct{ want, spelling, diff string }{
		{"Sadyr", "Sadir", "Sad[-y-]{+i+}r"},
		{"Nikol", "Nikolay", "Nikol{+ay+}"},
		{"Rahmon", "Rakhmon", "Ra{+k+}hmon"},
		{"Putin", "Putin", "Putin"},
	}
	for _, tt := range tests {
		got := Diff(tt.want, tt.spelling)
		if got != tt.diff {
			t.Errorf("Diff(%q, %q) = %q, want %q", tt.want, tt.spelling, got, tt.diff)
		}
		// Invariant: both words can be read back from the diff.
		if a, b := undiff(got); a != tt.want || b != tt.spelling {
			t.Errorf("Diff(%q, %q) = %q reads back as %q, %q", tt.want, tt.spelling, got, a, b)
		}
	}
}

// undiff reads the two words back from a Diff.
func undiff(d string) (want, spelling string) {
	var a, b strings.Builder
	for d != "" {
		switch {
		case strings.HasPrefix(d, "[-"):
			end := strings.Index(d, "-]")
			a.WriteString(d[2:end])
			d = d[end+2:]
		case strings.HasPrefix(d, "{+"):
			end := strings.Index(d, "+}")
			b.WriteString(d[2:end])
			d = d[end+2:]
		default:
			a.WriteByte(d[0])
			b.WriteByte(d[0])
			d = d[1:]
		}
	}
	return a.String(), b.String()
}

func TestFindings(t *testing.T) {
	x := indexFile(t, "testdata/pairs.tsv", Options{})
	fs := Findings(x.Groups())
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	for _, f := range fs {
		if f.Spelling == f.Suggested {
			t.Errorf("finding for the suggested spelling %s", f.Spelling)
		}
		n := f.Note()
		if n.Code != Code || n.Side != "tgt" || n.Start >= n.End || n.Suggestion != f.Suggested {
			t.Errorf("bad note %+v", n)
		}
	}
}

// TestSentenceStartLinked: a name that opens the English sentence is
// found when it renders a Russian word of the bead.
func TestSentenceStartLinked(t *testing.T) {
	x := NewIndex(Options{})
	x.AddPair("d.tsv", "Рахмон поддержал это предложение.", "Rakhmon supported the proposal.", nil)
	x.AddPair("d.tsv", "Спасибо всем.", "Thank you all.", nil)
	got := spellingSets(x.Groups())
	if want := []string{"Rakhmon"}; !slices.Equal(got, want) {
		t.Errorf("groups %q, want %q", got, want)
	}
}

func FuzzIndex(f *testing.F) {
	f.Add("Уважаемый Никол Воваевич!", "Dear Nikolay Vovayevich! Thank you, Nikol.")
	f.Add("", "N. Pashinyan: Thank you, Sadir Nurgojoyevich. Sadyr Japarov spoke.")
	f.Add("Ё-Ё Ъ", "Ye-Ye A.B. O'Neil's \xff")
	f.Fuzz(func(t *testing.T, ru, en string) {
		x := NewIndex(Options{})
		x.AddPair("a", ru, en, nil)
		x.AddEnglish("b", en, nil)
		groups := x.Groups()
		for _, g := range groups {
			if len(g.Spellings) == 0 {
				t.Fatal("empty group")
			}
			for _, s := range g.Spellings {
				for _, p := range s.Places {
					if p.Start < 0 || p.End > len(en) || p.Start >= p.End || p.Seq > 1 {
						t.Fatalf("place %+v outside the text", p)
					}
				}
			}
		}
		var b bytes.Buffer
		if err := WriteJSON(&b, groups); err != nil {
			t.Fatal(err)
		}
		if !json.Valid(b.Bytes()) {
			t.Fatalf("invalid JSON: %s", b.Bytes())
		}
	})
}

// TestHouseScheme: the house scheme chooses the suggestion, never the
// Russian name.
func TestHouseScheme(t *testing.T) {
	text := "We thank Oleg Grigoryevich. We thank Oleg Grigorievich."
	for _, s := range lang.Schemes() {
		x := NewIndex(Options{Scheme: s})
		x.AddEnglish("t.txt", text, nil)
		gs := x.Groups()
		if len(gs) != 1 || gs[0].Russian != "Григорьевич" || gs[0].Suggested != s.Translit("Григорьевич") {
			t.Errorf("%s: %+v; want «Григорьевич» and %q", s, gs, s.Translit("Григорьевич"))
		}
	}
}
