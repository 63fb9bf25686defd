package qa

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/internal/shared"
	"github.com/align-tools/align/names"
)

// caseInput puts the beads of every case file together, each case a
// document, as one bilingual input with the glossaries of the files.
func caseInput(t *testing.T) *Input {
	in := &Input{Bilingual: true, Glossary: &Glossary{}}
	for _, c := range Checks() {
		cf := readCases(t, filepath.Join("testdata", c.Code+".txt"))
		if cf.glossary != nil {
			in.Glossary.Terms = append(in.Glossary.Terms, cf.glossary.Terms...)
		}
		for _, tc := range cf.cases {
			for _, b := range tc.beads {
				b.Doc = fmt.Sprintf("%s:%d", c.Code, tc.line)
				in.Beads = append(in.Beads, b)
			}
		}
	}
	return in
}

// crossDocs returns documents written so that every check across the
// corpus finds something only by comparing documents: the evidence of
// each finding is in another document than the finding. Minsk, rendered
// once in three, is not flagged missing: the counts of every document
// decide.
func crossDocs() []Bead {
	docs := [][][2]string{
		{
			{"Саммит прошёл в Бишкеке в прошлом году.", "The summit took place in Bishkek last year."},
			{"Президент Токаев выступил на открытии.", "President Tokayev spoke at the opening."},
			{"Стороны подписали соглашение о сотрудничестве.", "The parties signed an agreement on cooperation."},
			{"Это слово пишут так.", "They write the word zorblat like this."},
			{"Переговоры прошли в Минске весной.", "The talks were held in Minsk in spring."},
		},
		{
			{"Саммит прошёл в Бишкеке в прошлом году.", "The summit was held in Bishkek last year."},
			{"Президент Токаев выступил на открытии.", "President Tokaev spoke at the opening."},
			{"Стороны подписали договор о сотрудничестве.", "The parties signed an agreement on cooperation."},
			{"Делегация вернулась в Минск летом.", "The delegation went home in summer."},
		},
		{
			{"Саммит прошёл в Бишкеке в прошлом году.", "The summit took place in Bishkek last year."},
			{"Делегации прибыли в Бишкек поздно вечером.", "The delegations arrived late in the evening."},
			{"Все ждали этого слова.", "Everyone waited for the zor blat of the day."},
			{"Президент Токаев выступил на открытии.", "President Tokayev spoke at the opening."},
			{"Решение приняли в Минске осенью.", "The decision came in autumn."},
		},
	}
	var out []Bead
	pos := func(off int) (int, int) { return 1, off + 1 }
	for d, doc := range docs {
		name := fmt.Sprintf("cross%d", d)
		for i, p := range doc {
			out = append(out, Bead{
				Doc: name, N: i + 1,
				Src:  Segment{Text: p[0], File: "ru/" + name + ".txt", Pos: pos},
				Tgt:  Segment{Text: p[1], File: "en/" + name + ".txt", Pos: pos},
				SrcN: 1, TgtN: 1,
			})
		}
	}
	return out
}

// crossInput is the sample speeches with the documents of crossDocs
// spread among them.
func crossInput(t testing.TB) *Input {
	src, tgt := speechBeads(t)
	in := benchInput(src, tgt, 600)
	cross := crossDocs()
	var beads []Bead
	k := 0
	for i, b := range in.Beads {
		if i > 0 && b.Doc != in.Beads[i-1].Doc && k < len(cross) && i%3 == 0 {
			// A document of crossDocs.
			doc := cross[k].Doc
			for k < len(cross) && cross[k].Doc == doc {
				beads = append(beads, cross[k])
				k++
			}
		}
		beads = append(beads, b)
	}
	beads = append(beads, cross[k:]...)
	in.Beads = beads
	return in
}

// docStarts returns where the documents of beads start, and len(beads)
// last.
func docStarts(beads []Bead) []int {
	var out []int
	for i := range beads {
		if i == 0 || beads[i].Doc != beads[i-1].Doc {
			out = append(out, i)
		}
	}
	return append(out, len(beads))
}

// streamRun runs in through a Stream cut into parts of one to maxDocs
// documents at random, gathered side by side in a shuffled order and
// added in order. It returns the findings, sorted, the name groups and
// the findings of Finish with the beads it read (in the order read).
func streamRun(t *testing.T, in *Input, cfg Config, rng *rand.Rand, maxDocs int) (all []Finding, groups []names.Group, finish []Finding, read []int) {
	s, err := NewStream(in, cfg)
	if err != nil {
		t.Fatal(err)
	}
	starts := docStarts(in.Beads)
	cuts := []int{0}
	for d := 0; d+1 < len(starts); {
		d = min(d+1+rng.Intn(maxDocs), len(starts)-1)
		cuts = append(cuts, starts[d])
	}
	parts := make([]*Part, len(cuts)-1)
	order := rng.Perm(len(parts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				parts[k] = s.Gather(in.Beads[cuts[k]:cuts[k+1]])
			}
		}()
	}
	for _, k := range order {
		next <- k
	}
	close(next)
	wg.Wait()
	for _, p := range parts {
		all = append(all, s.Add(p)...)
	}
	finish, err = s.Finish(func(seq int) (Bead, error) {
		read = append(read, seq)
		return in.Beads[seq], nil
	})
	if err != nil {
		t.Fatal(err)
	}
	all = append(all, finish...)
	Sort(all)
	return all, s.NameGroups(), finish, read
}

// TestStreamSameAsRun cuts inputs into random parts of whole documents
// and checks that the Stream finds what Run finds in one go, with the
// same name groups, whatever the cut and the order of gathering.
func TestStreamSameAsRun(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	t.Run("cases", func(t *testing.T) {
		sameAsRun(t, func() *Input { return caseInput(t) }, Config{}, rng)
	})
	t.Run("cross", func(t *testing.T) {
		want := sameAsRun(t, func() *Input { return crossInput(t) }, Config{}, rng)
		for _, code := range []string{"inconsistent-source", "inconsistent-target", "split-word", "name-missing", names.Code} {
			if !slices.ContainsFunc(want, func(f Finding) bool { return f.Code == code && strings.HasPrefix(f.Doc, "cross") }) {
				t.Errorf("no %s finding in the documents written for it", code)
			}
		}
	})
	t.Run("ignore", func(t *testing.T) {
		ignore, err := ParseIgnore(strings.NewReader("split-word\nname-variant\t*\t*\tTokaev\nname-missing\n"), "ignore.txt")
		if err != nil {
			t.Fatal(err)
		}
		want := sameAsRun(t, func() *Input { return crossInput(t) }, Config{Ignore: ignore}, rng)
		if slices.ContainsFunc(want, func(f Finding) bool { return f.Code == "split-word" || f.Text == "Tokaev" }) {
			t.Error("a finding ignored is reported")
		}
	})
	t.Run("en-page", func(t *testing.T) {
		dir := shared.Dir(t, "corpus/csto-2022")
		d, err := corpora.ReadFile(filepath.Join(dir, "en-page.txt"), language.English, corpora.Auto)
		if err != nil {
			t.Fatal(err)
		}
		sameAsRun(t, func() *Input { return TextInput(d) }, Config{}, rng)
		// The page twice, as two documents, beside a bilingual input.
		sameAsRun(t, func() *Input {
			a, b := TextInput(d), TextInput(d)
			for i := range b.Beads {
				b.Beads[i].Doc = "again"
			}
			return Merge(crossInput(t), a, b)
		}, Config{}, rng)
	})
}

// sameAsRun checks that the inputs mk makes get from streamRun, cut in
// several ways, the findings and name groups of Run; it returns Run's
// findings.
func sameAsRun(t *testing.T, mk func() *Input, cfg Config, rng *rand.Rand) []Finding {
	t.Helper()
	ref := mk()
	want, err := Run(ref, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 {
		t.Fatal("no findings: the test tests nothing")
	}
	for try := range 5 {
		got, groups, _, _ := streamRun(t, mk(), cfg, rng, 1+try)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("try %d: the stream finds %d, Run %d:\n%s", try, len(got), len(want), diffFindings(got, want))
		}
		if !reflect.DeepEqual(groups, ref.NameGroups()) {
			t.Errorf("try %d: the name groups of the stream differ from Run's", try)
		}
	}
	return want
}

// diffFindings lists the findings of one list that the other lacks.
func diffFindings(got, want []Finding) string {
	var b strings.Builder
	for _, f := range got {
		if !slices.Contains(want, f) {
			fmt.Fprintf(&b, "+ %s\n", f)
		}
	}
	for _, f := range want {
		if !slices.Contains(got, f) {
			fmt.Fprintf(&b, "- %s\n", f)
		}
	}
	return b.String()
}

// TestStreamReadsFew checks that Finish reads back only the beads its
// findings point at or quote (the suggestion of an inconsistency is the
// text of another bead), each once.
func TestStreamReadsFew(t *testing.T) {
	in := crossInput(t)
	_, _, finish, read := streamRun(t, in, Config{}, rand.New(rand.NewSource(2)), 3)
	if len(finish) == 0 || len(read) == 0 {
		t.Fatal("Finish found nothing: the test tests nothing")
	}
	seen := map[int]bool{}
	for _, seq := range read {
		if seen[seq] {
			t.Errorf("bead %d read twice", seq)
		}
		seen[seq] = true
		b := in.Beads[seq]
		used := slices.ContainsFunc(finish, func(f Finding) bool {
			if f.Doc == b.Doc && f.Bead == b.N {
				return true
			}
			if !strings.HasPrefix(f.Code, "inconsistent-") {
				return false
			}
			quoted := b.Src.Text
			if f.Side == Tgt {
				quoted = b.Tgt.Text
			}
			return f.Suggestion == strings.Join(strings.Fields(quoted), " ")
		})
		if !used {
			t.Errorf("bead %d (%s %d) read, and no finding points at it or quotes it", seq, b.Doc, b.N)
		}
	}
	if len(read) > 3*len(finish) {
		t.Errorf("%d beads read for %d findings", len(read), len(finish))
	}
}

// TestStreamOrder checks that Add refuses a document cut in two, and
// NewStream an unknown check.
func TestStreamOrder(t *testing.T) {
	in := crossInput(t)
	starts := docStarts(in.Beads)
	mustPanic := func(what string, f func()) {
		t.Helper()
		defer func() {
			if recover() == nil {
				t.Errorf("%s: Add did not panic", what)
			}
		}()
		f()
	}
	s, err := NewStream(in, Config{})
	if err != nil {
		t.Fatal(err)
	}
	s.Add(s.Gather(in.Beads[:starts[1]-1]))
	mustPanic("a document in two parts", func() { s.Add(s.Gather(in.Beads[starts[1]-1 : starts[2]])) })
	if _, err := NewStream(in, Config{Only: []string{"no-such-check"}}); err == nil {
		t.Error("NewStream took an unknown check")
	}
}

// TestCutParts checks that Run's parts hold whole documents, even when
// a document comes back after another.
func TestCutParts(t *testing.T) {
	var beads []Bead
	for _, d := range strings.Fields("a a b b b c a d d e") {
		beads = append(beads, Bead{Doc: d})
	}
	for size, want := range map[int]string{1: "[0 7 9 10]", 2: "[0 7 9 10]", 3: "[0 7 10]", 100: "[0 10]"} {
		if got := fmt.Sprint(cutParts(beads, size)); got != want {
			t.Errorf("cutParts(size %d) = %s, want %s", size, got, want)
		}
	}
	if got := fmt.Sprint(cutParts(nil, 1)); got != "[0]" {
		t.Errorf("cutParts(nil) = %s", got)
	}
}

// BenchmarkStream runs the checks on the sample speeches (10,000 beads)
// as the pipeline will: one Gather per document, on one goroutine, then
// Add and Finish; and, for comparison, through Run.
func BenchmarkStream(b *testing.B) {
	src, tgt := speechBeads(b)
	in := benchInput(src, tgt, 10000)
	starts := docStarts(in.Beads)
	b.Run("docs", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			in := benchInput(src, tgt, 10000)
			s, err := NewStream(in, Config{})
			if err != nil {
				b.Fatal(err)
			}
			for d := 0; d+1 < len(starts); d++ {
				s.Add(s.Gather(in.Beads[starts[d]:starts[d+1]]))
			}
			if _, err := s.Finish(func(seq int) (Bead, error) { return in.Beads[seq], nil }); err != nil {
				b.Fatal(err)
			}
		}
	})
	// What a Stream keeps between Add and Finish, per bead of the
	// corpus: the live heap after every part is added (a GC run), less
	// the live heap before the stream.
	b.Run("kept", func(b *testing.B) {
		var kept float64
		for b.Loop() {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			s, err := NewStream(in, Config{})
			if err != nil {
				b.Fatal(err)
			}
			for d := 0; d+1 < len(starts); d++ {
				s.Add(s.Gather(in.Beads[starts[d]:starts[d+1]]))
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			kept = float64(after.HeapAlloc) - float64(before.HeapAlloc)
			runtime.KeepAlive(s)
		}
		b.ReportMetric(kept/float64(len(in.Beads)), "kept-B/bead")
	})
	b.Run("run", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Run(benchInput(src, tgt, 10000), Config{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
