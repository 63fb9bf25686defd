package similarity

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/text/language"

	"github.com/align-tools/align/align"
)

func one(i int) align.Range { return align.Range{Start: i, End: i + 1} }

// TestEvidenceSign checks that translations score above zero and above
// unrelated pairs.
func TestEvidenceSign(t *testing.T) {
	for _, tc := range []struct{ ru, en, other string }{
		{"Встреча прошла 16 мая 2022 года в Москве.", "The meeting was held in Moscow on May 16, 2022.", "Thank you very much."},
		{"Президент Лукашенко выступил в Ташкенте.", "President Lukashenko spoke in Tashkent.", "We agreed on that."},
		{"Организация насчитывает 15 тысяч сотрудников.", "The organization has 15,000 staff.", "It has 300 members."},
		{"Договор подписали НАТО и ОДКБ?", "Did NATO and the CSTO sign the treaty?", "They did not."},
	} {
		s := New([]string{tc.ru}, []string{tc.en, tc.other}, Options{})
		good, bad := s.Similarity(one(0), one(0)), s.Similarity(one(0), one(1))
		if good <= 0 || good <= bad {
			t.Errorf("%q: translation %.2f, unrelated %.2f", tc.ru, good, bad)
		}
	}
}

func TestLexicon(t *testing.T) {
	dict, err := ReadDict(strings.NewReader("# a comment\nhouse @ дом\ngreen tea @ зелёный чай\n\nriver @ река\n"), "test.dic")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(dict.Translations("дома"), ","); got != "house" {
		t.Errorf("Translations(дома) = %q", got)
	}
	if dict.Len() != 2 {
		t.Errorf("Len = %d, want 2 (phrases are skipped)", dict.Len())
	}
	s0 := New([]string{"Старый дом у реки."}, []string{"An old house by the river."}, Options{})
	s1 := New([]string{"Старый дом у реки."}, []string{"An old house by the river."}, Options{Lexicon: dict})
	if a, b := s0.Similarity(one(0), one(0)), s1.Similarity(one(0), one(0)); b <= a {
		t.Errorf("the dictionary does not raise the evidence: %.2f then %.2f", a, b)
	}
	if _, err := ReadDict(strings.NewReader("house - дом\n"), "bad.dic"); err == nil || !strings.Contains(err.Error(), "bad.dic:1:") {
		t.Errorf("bad line: error %v", err)
	}
}

func TestLearn(t *testing.T) {
	var ru, en []string
	for _, x := range []struct{ r, e string }{
		{"Кошка спит на окне.", "The cat sleeps on the window."},
		{"Кошка ест рыбу.", "The cat eats fish."},
		{"Большая кошка.", "A big cat."},
		{"Собака спит.", "The dog sleeps."},
		{"Собака ест мясо.", "The dog eats meat."},
		{"Большая собака.", "A big dog."},
	} {
		ru, en = append(ru, x.r), append(en, x.e)
	}
	lex := Learn(ru, en)
	if got := lex.Translations("кошка"); len(got) == 0 || got[0] != "cat" {
		t.Errorf("кошка -> %q, want cat first", got)
	}
	if got := lex.Translations("собаки"); len(got) == 0 || got[0] != "dog" {
		t.Errorf("собаки -> %q, want dog first", got)
	}
	m := Merge(lex, nil)
	if m.Len() != lex.Len() {
		t.Errorf("Merge with nil changed the size: %d, %d", m.Len(), lex.Len())
	}
}

func TestWords(t *testing.T) {
	got := strings.Join(Words("«Ну что ж», — сказал он; it's a well-known 30-летие!"), "|")
	want := "Ну|что|ж|сказал|он|it's|a|well-known|30-летие"
	if got != want {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestEstimateWeights(t *testing.T) {
	var ru, en []string
	for k := 0; k < 200; k++ {
		n := strconv.Itoa(1000 + k*7)
		ru = append(ru, "В "+n+" году в Москве прошло "+strconv.Itoa(k+3)+" встреч.")
		en = append(en, "In "+n+", Moscow hosted "+strconv.Itoa(k+3)+" meetings.")
	}
	w := EstimateWeights(ru, en, Options{})
	d := DefaultWeights()
	if w.gain[kindNumber] <= 0 || w.gain[kindNumber] == d.gain[kindNumber] {
		t.Errorf("number gain %v: not estimated from 400 numbers (%v)", w.gain[kindNumber], w)
	}
	if w.gain[kindLexicon] != d.gain[kindLexicon] {
		t.Errorf("lexicon weights changed without a lexicon: %v", w)
	}
	if got := EstimateWeights(ru[:1], en[:1], Options{}); got != d {
		t.Errorf("one pair: %v, want the defaults", got)
	}
}

// wordsByRunes is Words as it first was, over a slice of runes: the
// reference the byte-scanning version must agree with.
func wordsByRunes(text string) []string {
	var out []string
	start := -1
	rs := []rune(text)
	for i := 0; i <= len(rs); i++ {
		in := i < len(rs) && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i]) ||
			(start >= 0 && (rs[i] == '\'' || rs[i] == '’' || rs[i] == '-') && i+1 < len(rs) && unicode.IsLetter(rs[i+1])))
		if in && start < 0 {
			start = i
		}
		if !in && start >= 0 {
			out = append(out, string(rs[start:i]))
			start = -1
		}
	}
	return out
}

func TestWordsAgreesWithRunes(t *testing.T) {
	texts := []string{"", "-", "a", "a-", "a-b", "'a'", "it's", "it'", "rock-'n'-roll", "x\xffy", "\xff",
		"٣٤ apples", "Ёлка-палка — ёж", "a’b’", "9-я", "under_score", "tab\tsep"}
	texts = append(texts, sampleSentences(t, "ru", language.Russian)...)
	texts = append(texts, sampleSentences(t, "en", language.English)...)
	for _, text := range texts {
		if got, want := Words(text), wordsByRunes(text); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestHasQuote(t *testing.T) {
	for _, s := range []string{"", "«a»", "a»", "“x”", "„x“", "say \"x\"", "no quotes", "‘single’", "\xc2", "\xe2\x80", "‚low‛", "a\u00a0b", "—dash"} {
		if got, want := hasQuote(s), strings.ContainsAny(s, "«»“”„\""); got != want {
			t.Errorf("hasQuote(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestConcurrentCaches scores the same ranges from several goroutines
// and from one, for a pair small enough for the flat mask table and one
// large enough for the windows, and wants the same values.
func TestConcurrentCaches(t *testing.T) {
	ru := sampleSentences(t, "ru", language.Russian)
	en := sampleSentences(t, "en", language.English)
	for _, reps := range []int{1, 3} {
		var src, tgt []string
		for r := 0; r < reps; r++ {
			src, tgt = append(src, ru...), append(tgt, en...)
		}
		if reps > 1 && len(src)*len(tgt) <= denseMasks {
			t.Fatalf("%d x %d sentences do not exceed the flat table", len(src), len(tgt))
		}
		type query struct{ s, t align.Range }
		var qs []query
		for i := 0; i < len(src); i++ {
			j := i * len(tgt) / len(src)
			for d := -6; d <= 6; d++ {
				if j+d >= 0 && j+d+2 <= len(tgt) && i+2 <= len(src) {
					qs = append(qs, query{align.Range{Start: i, End: i + 1 + (d+6)%2}, align.Range{Start: j + d, End: j + d + 1 + (d+7)%2}})
				}
			}
		}
		want := make([]float64, len(qs))
		one := New(src, tgt, Options{})
		for k, q := range qs {
			want[k] = one.Similarity(q.s, q.t)
		}
		many := New(src, tgt, Options{})
		got := make([][]float64, 4)
		var wg sync.WaitGroup
		for w := range got {
			got[w] = make([]float64, len(qs))
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Goroutines walk the queries from either end.
				for k := range qs {
					if w%2 == 1 {
						k = len(qs) - 1 - k
					}
					got[w][k] = many.Similarity(qs[k].s, qs[k].t)
				}
			}()
		}
		wg.Wait()
		for w := range got {
			for k := range qs {
				if got[w][k] != want[k] {
					t.Fatalf("%d x %d: query %d: concurrent %v, alone %v", len(src), len(tgt), k, got[w][k], want[k])
				}
			}
		}
	}
}

func TestConceptSet(t *testing.T) {
	for _, n := range []int{0, 1, 7, 100, 5000} {
		var in []uint32
		for k := 0; k < n; k++ {
			in = append(in, uint32(k*7919+13))
		}
		cs := newConceptSet(in)
		for k := 0; k < n; k++ {
			if !cs.has(in[k]) {
				t.Fatalf("n=%d: %d missing", n, in[k])
			}
		}
		for c := uint32(0); c < 200000; c += 3 {
			_, want := slices.BinarySearch(in, c)
			if cs.has(c) != want {
				t.Fatalf("n=%d: has(%d) = %v", n, c, !want)
			}
		}
	}
}
