package transcript

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/align-tools/align/lang"
)

// FuzzParse checks that the recognizer never panics, that its structure
// keeps the invariants of Structure, and that every sentence of both
// splitters gets a valid role.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"",
		"Speech by the President Vladimir Putin\n\nDear friends!\n\nThank you for your attention.\n\nGo back",
		"Выступление Президента Республики Беларусь А.Г.Лукашенко\n\nН.Пашинян: Спасибо.\n\nНазад",
		"N. Pashinyan: Thank you.\nE-mail: a@b.c\n16.05.2022",
		"He informed the media about it:\n\nDear members of the media,",
		"К.-Ж.Токаев:\n\n:\n\n.:\n\nA.:",
		"Speech by\n\nSpeech by A. B.\n\n\u00a0\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		text := lang.Normalize(s)
		for _, tag := range []language.Tag{language.Russian, language.English, language.German} {
			st := Parse(tag, text)
			checkInvariants(t, st)
			split := lang.Split(tag, text)
			checkCover(t, text, st.SplitBoilerplate(split))
			for _, sents := range [][]lang.Sentence{split, lang.SplitLines(text)} {
				roles := st.Assign(sents)
				if len(roles) != len(sents) {
					t.Fatalf("%d roles for %d sentences", len(roles), len(sents))
				}
				for i, r := range roles {
					if r.Section < -1 || r.Section >= len(st.Sections) {
						t.Fatalf("sentence %d: section %d of %d", i, r.Section, len(st.Sections))
					}
					if (r.Kind == Speech || r.Kind == Heading) != (r.Section >= 0) {
						t.Fatalf("sentence %d: kind %v with section %d", i, r.Kind, r.Section)
					}
				}
			}
			var sb strings.Builder
			st.WriteTo(&sb)
			for k := range st.Sections {
				_ = st.Title(k)
			}
			cands := st.Candidates("doc")
			if _, err := Pair(cands, cands, nil); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// checkCover checks that sents are in order, inside text, trimmed, and
// cover every byte of text that is not white space exactly once.
func checkCover(t *testing.T, text string, sents []lang.Sentence) {
	t.Helper()
	covered := make([]int, len(text))
	prev := 0
	for _, s := range sents {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("sentence %v out of order or empty (previous end %d)", s, prev)
		}
		if strings.TrimSpace(text[s.Start:s.End]) != text[s.Start:s.End] {
			t.Fatalf("sentence %q not trimmed", text[s.Start:s.End])
		}
		prev = s.End
		for k := s.Start; k < s.End; k++ {
			covered[k]++
		}
	}
	for k, r := range text {
		if !unicode.IsSpace(r) && covered[k] != 1 {
			t.Fatalf("byte %d (%q) covered %d times", k, r, covered[k])
		}
	}
}
