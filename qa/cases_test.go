package qa

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A case file testdata/<code>.txt holds cases for the check <code>. A
// case starts with a header line, "## flag TEXT ; TEXT ..." (the texts
// the check must flag, in order, exactly) or "## pass" (it must flag
// nothing), and goes on with one bead a line: English alone, or
// "Russian ||| English" (either side may be empty). A flagged text in
// double quotes is the text between them, to show spaces. A line
// "glossary: RU<TAB>EN" before the first case adds a glossary term.
// Lines starting with "#" and a space are comments.
type caseFile struct {
	glossary *Glossary
	cases    []testCase
}

type testCase struct {
	line  int      // line of the header
	want  []string // flagged texts; empty for pass
	pass  bool
	beads []Bead
	bi    bool
}

func readCases(t *testing.T, path string) caseFile {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: every check has a case file testdata/<code>.txt", err)
	}
	var cf caseFile
	var cur *testCase
	for n, line := range strings.Split(string(data), "\n") {
		n++
		switch {
		case line == "" || strings.HasPrefix(line, "# ") || line == "#":
			continue
		case strings.HasPrefix(line, "glossary:"):
			g, err := ParseGlossary(strings.NewReader(strings.TrimSpace(strings.TrimPrefix(line, "glossary:"))), path)
			if err != nil {
				t.Fatal(err)
			}
			if cf.glossary == nil {
				cf.glossary = &Glossary{}
			}
			cf.glossary.Terms = append(cf.glossary.Terms, g.Terms...)
		case strings.HasPrefix(line, "## "):
			cf.cases = append(cf.cases, testCase{line: n})
			cur = &cf.cases[len(cf.cases)-1]
			h := strings.TrimPrefix(line, "## ")
			switch {
			case h == "pass":
				cur.pass = true
			case strings.HasPrefix(h, "flag "):
				for _, w := range strings.Split(strings.TrimPrefix(h, "flag "), " ; ") {
					if len(w) >= 2 && w[0] == '"' && w[len(w)-1] == '"' {
						w = w[1 : len(w)-1] // quoted to show spaces
					}
					cur.want = append(cur.want, w)
				}
			default:
				t.Fatalf("%s:%d: a case header is \"## flag TEXT ; TEXT\" or \"## pass\"", path, n)
			}
		default:
			if cur == nil {
				t.Fatalf("%s:%d: text before the first case header", path, n)
			}
			ln := n
			b := Bead{Doc: "case", N: len(cur.beads) + 1}
			pos := func(off int) (int, int) { return ln, off + 1 }
			if src, tgt, ok := strings.Cut(line, " ||| "); ok {
				cur.bi = true
				b.Src = Segment{Text: src, File: path, Pos: pos}
				b.Tgt = Segment{Text: tgt, File: path, Pos: pos}
			} else if src, ok := strings.CutSuffix(line, " |||"); ok {
				cur.bi = true
				b.Src = Segment{Text: src, File: path, Pos: pos}
			} else {
				b.Tgt = Segment{Text: line, File: path, Pos: pos}
			}
			if !b.Src.Empty() {
				b.SrcN = 1
			}
			if !b.Tgt.Empty() {
				b.TgtN = 1
			}
			cur.beads = append(cur.beads, b)
		}
	}
	return cf
}

// TestCases replays the case file of every check: each "flag" case gets
// exactly the findings it lists, each "pass" case none, and each file
// has both kinds.
func TestCases(t *testing.T) {
	for _, c := range Checks() {
		t.Run(c.Code, func(t *testing.T) {
			path := filepath.Join("testdata", c.Code+".txt")
			cf := readCases(t, path)
			var flags, passes int
			for _, tc := range cf.cases {
				in := &Input{Beads: tc.beads, Bilingual: tc.bi, Glossary: cf.glossary}
				fs, err := Run(in, Config{Only: []string{c.Code}})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, f := range fs {
					got = append(got, f.Text)
					if f.Code != c.Code || f.Severity < Info || f.Severity > Error || f.Message == "" {
						t.Errorf("%s:%d: malformed finding %v", path, tc.line, f)
					}
					seg := tc.beads[f.Bead-1].seg(f.Side).Text
					if f.Start < 0 || f.End > len(seg) || f.Start > f.End || seg[f.Start:f.End] != f.Text {
						t.Errorf("%s:%d: span [%d,%d) does not hold %q", path, tc.line, f.Start, f.End, f.Text)
					}
				}
				if tc.pass {
					passes++
				} else {
					flags++
				}
				if !slices.Equal(got, tc.want) {
					var lines []string
					for _, f := range fs {
						lines = append(lines, f.String())
					}
					t.Errorf("%s:%d: flagged %q; want %q\n%s", path, tc.line, got, tc.want, strings.Join(lines, "\n"))
				}
			}
			if flags == 0 || passes == 0 {
				t.Errorf("%s: %d flag cases and %d pass cases; a case file needs both", path, flags, passes)
			}
		})
	}
}
