package lang

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/text/language"
)

// checkSpans checks the invariant stated in split.go: spans in order, not
// overlapping, inside text, on rune boundaries, trimmed, and covering
// every byte that is not part of a white-space character.
func checkSpans(text string, spans []Span) error {
	prev := 0
	for i, sp := range spans {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
			return fmt.Errorf("span %d %v out of order, empty or outside the text (len %d, previous end %d)", i, sp, len(text), prev)
		}
		if !boundary(text, sp.Start) || !boundary(text, sp.End) {
			return fmt.Errorf("span %d %v cuts a character", i, sp)
		}
		if r, _ := utf8.DecodeRuneInString(text[sp.Start:]); unicode.IsSpace(r) {
			return fmt.Errorf("span %d %v starts with white space", i, sp)
		}
		if r, _ := utf8.DecodeLastRuneInString(text[:sp.End]); unicode.IsSpace(r) {
			return fmt.Errorf("span %d %v ends with white space", i, sp)
		}
		if err := onlySpace(text, prev, sp.Start); err != nil {
			return fmt.Errorf("before span %d %v: %v", i, sp, err)
		}
		prev = sp.End
	}
	return onlySpace(text, prev, len(text))
}

// boundary reports whether i does not fall inside a well-formed
// multi-byte character of text.
func boundary(text string, i int) bool {
	if i == 0 || i == len(text) {
		return true
	}
	for j := max(0, i-utf8.UTFMax+1); j < i; j++ {
		if _, n := utf8.DecodeRuneInString(text[j:]); n > 1 && j+n > i {
			// A character starting at j reaches past i; it only matters
			// when j itself is a character start reached from a boundary.
			if utf8.RuneStart(text[j]) && utf8.FullRuneInString(text[j:]) {
				r, _ := utf8.DecodeRuneInString(text[j:])
				if r != utf8.RuneError {
					return false
				}
			}
		}
	}
	return true
}

func onlySpace(text string, from, to int) error {
	for i := from; i < to; {
		r, n := utf8.DecodeRuneInString(text[i:to])
		if !unicode.IsSpace(r) {
			return fmt.Errorf("byte %d (%q) belongs to no span", i, text[i:i+n])
		}
		i += n
	}
	return nil
}

// checkSentences checks the invariant on sentences and their paragraph
// numbers: 0 first, then growing by 0 or 1.
func checkSentences(text string, ss []Sentence) error {
	spans := make([]Span, len(ss))
	for i, s := range ss {
		spans[i] = Span{s.Start, s.End}
		want := 0
		if i > 0 {
			want = ss[i-1].Para
		}
		if s.Para != want && s.Para != want+1 {
			return fmt.Errorf("sentence %d: paragraph %d after %d", i, s.Para, want)
		}
	}
	return checkSpans(text, spans)
}

func show(text string, ss []Sentence) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = strings.ReplaceAll(text[s.Start:s.End], "\n", "⏎")
	}
	return strings.Join(parts, " | ")
}

// readCases reads a case file of testdata/split: one case a line, the
// expected sentences joined by " | ".
func readCases(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "split", name))
	if err != nil {
		t.Fatal(err)
	}
	var cases []string
	for _, line := range strings.Split(string(b), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			cases = append(cases, line)
		}
	}
	return cases
}

func TestSplitCases(t *testing.T) {
	for _, l := range []struct {
		file string
		tag  language.Tag
	}{{"ru.txt", language.Russian}, {"en.txt", language.English}} {
		cases := readCases(t, l.file)
		if len(cases) < 60 {
			t.Errorf("%s: %d cases, want at least 60", l.file, len(cases))
		}
		for n, c := range cases {
			input := strings.ReplaceAll(strings.ReplaceAll(c, " | ", " "), "⏎", "\n")
			parts := strings.Split(c, " | ")
			for i, p := range parts {
				parts[i] = strings.TrimSuffix(strings.TrimSpace(p), "⏎")
			}
			want := strings.Join(parts, " | ")
			ss := Split(l.tag, input)
			if err := checkSentences(input, ss); err != nil {
				t.Errorf("%s case %d %q: %v", l.file, n+1, input, err)
			}
			if got := show(input, ss); got != want {
				t.Errorf("%s case %d:\n got %s\nwant %s", l.file, n+1, got, want)
			}
		}
	}
}

func TestParagraphCases(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "split", "paragraphs.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	var names []string
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
		if name, ok := strings.CutSuffix(f.Name, ".txt"); ok {
			names = append(names, name)
		}
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			text := strings.TrimSuffix(files[name+".txt"], "\n")
			want, ok := files[name+".want"]
			if !ok {
				t.Fatalf("no %s.want", name)
			}
			tag := language.English
			if strings.HasPrefix(name, "ru-") {
				tag = language.Russian
			}
			ss := Split(tag, text)
			if err := checkSentences(text, ss); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, s := range ss {
				fmt.Fprintf(&b, "%d\t%s\n", s.Para, strings.ReplaceAll(text[s.Start:s.End], "\n", "⏎"))
			}
			if got := b.String(); got != want {
				t.Errorf("got\n%swant\n%s", got, want)
			}
		})
	}
}

func TestTables(t *testing.T) {
	for _, l := range []string{"ru", "en"} {
		name := "tables/abbrev-" + l + ".txt"
		f, err := tablesFS.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		m, err := parseAbbrev(name, f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(m) < 40 {
			t.Errorf("%s: %d abbreviations, want at least 40", name, len(m))
		}
		if len(functionWords()[l]) < 50 {
			t.Errorf("tables/words-%s.txt: %d words, want at least 50", l, len(functionWords()[l]))
		}
	}
	if c := loadRules()["ru"].abbrev["т.д"]; c != classEnd {
		t.Errorf("т.д: class %d, want end", c)
	}
	if c, ok := loadRules()["en"].abbrev["et al"]; !ok || c != classEnd {
		t.Errorf("et al: class %d, %v, want end", c, ok)
	}
	for _, bad := range []string{"т.е.\n", "et al ii\n", "mr\nMr\n", "a. b\n"} {
		if _, err := parseAbbrev("bad.txt", strings.NewReader(bad)); err == nil {
			t.Errorf("parseAbbrev(%q): no error", bad)
		} else if !strings.HasPrefix(err.Error(), "lang: bad.txt:") {
			t.Errorf("parseAbbrev(%q): error %q does not name the file and line", bad, err)
		}
	}
}

func TestSplitLines(t *testing.T) {
	text := "  one line \n\n two. Three.\n\t\nlast"
	ss := SplitLines(text)
	if err := checkSentences(text, ss); err != nil {
		t.Fatal(err)
	}
	if got, want := show(text, ss), "one line | two. Three. | last"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	for i, s := range ss {
		if s.Para != i {
			t.Errorf("sentence %d in paragraph %d", i, s.Para)
		}
	}
}

// randomText builds text from pieces that exercise the splitter's rules.
func randomText(r *rand.Rand, n int) string {
	pieces := []string{
		"Мы", "прибыли", "т. е.", "и т.д.", "г.", "В.В.", "Путин", "1.5", "16.05.2022",
		"Mr.", "U.S.", "etc.", "N.", "Pashinyan:", "the", "The", "«Да».", "“Yes.”", "?!", "...",
		"…", "—", "-", "1.", "(", ")", ".", ". .", "* *", "\n", "\n\n", " \n ", "\t", "\u00a0",
		"a", "я.", "XIX", "в.", "é", "\xff", "15 000", "см.", "No.", "e.g.",
	}
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
		if r.IntN(3) > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func TestSplitInvariantRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		text := randomText(r, 1+i%200)
		for _, tag := range []language.Tag{language.Russian, language.English} {
			if err := checkSentences(text, Split(tag, text)); err != nil {
				t.Fatalf("Split(%v, %q): %v", tag, text, err)
			}
		}
		if err := checkSpans(text, Paragraphs(text)); err != nil {
			t.Fatalf("Paragraphs(%q): %v", text, err)
		}
		if err := checkSentences(text, SplitLines(text)); err != nil {
			t.Fatalf("SplitLines(%q): %v", text, err)
		}
	}
}

// TestSplitDeterministic splits the same text twice and compares.
func TestSplitDeterministic(t *testing.T) {
	text := randomText(rand.New(rand.NewPCG(3, 4)), 5000)
	a, b := show(text, Split(language.Russian, text)), show(text, Split(language.Russian, text))
	if a != b {
		t.Error("two splits of the same text differ")
	}
}

func ExampleSplit() {
	text := "В.В. Путин открыл заседание, т. е. начал работу. Обсудили торговлю и т. д. Затем слово взял А.Г.Лукашенко."
	for _, s := range Split(language.Russian, text) {
		fmt.Println(text[s.Start:s.End])
	}
	// Output:
	// В.В. Путин открыл заседание, т. е. начал работу.
	// Обсудили торговлю и т. д.
	// Затем слово взял А.Г.Лукашенко.
}
