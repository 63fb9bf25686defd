package report

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/align-tools/align/corpora"
)

// genWords are the words of generated sentences: plain ones, and markup
// the rows are made of, which must show as text.
var genWords = []string{
	"мир", "договор", "Ереван", "peace", "treaty", "Yerevan", "12", "2024", "«цитата»", "—",
	"a&b", "x+y", "it's", `"quoted"`, `<td colspan="5">`, "\n    </tr>", "</td></tr>", ">", "<", "\x00",
}

// genSentence is a sentence of 1 to 12 generated words.
func genSentence(rng *rand.Rand) string {
	n := 1 + rng.IntN(12)
	words := make([]string, n)
	for i := range words {
		words[i] = genWords[rng.IntN(len(genWords))]
	}
	return strings.Join(words, " ") + "."
}

// genNotes are 1 to 3 findings on u's text, with spans inside it, on no
// side, or outside it.
func genNotes(rng *rand.Rand, u *corpora.Unit) []corpora.Note {
	codes := []string{"split-word", "ru-number", "name-variant", "double-punct", "c&<odd>"}
	sevs := []string{"error", "warning", "info", "", "odd"}
	var notes []corpora.Note
	for range 1 + rng.IntN(3) {
		n := corpora.Note{Code: codes[rng.IntN(len(codes))], Severity: sevs[rng.IntN(len(sevs))],
			Message: "generated finding " + fmt.Sprint(rng.IntN(100))}
		if rng.IntN(3) == 0 {
			n.Suggestion = "better"
		}
		text := ""
		switch rng.IntN(4) {
		case 0, 1:
			n.Side, text = "src", u.SrcText
		case 2:
			n.Side, text = "tgt", u.TgtText
		}
		if n.Side != "" {
			n.Start = rng.IntN(len(text) + 1)
			n.End = n.Start + rng.IntN(len(text)-n.Start+3) // at times past the end
		}
		notes = append(notes, n)
	}
	return notes
}

// genReport is a generated corpus of docs documents of 1 to 30 units:
// beads of every shape with one side at times empty, scores at random and
// at the edges of the classes, speeches and speakers that change within
// a document, and findings on about one unit in four from the unit
// numbered flagFrom (none when it is past the end). Its last document has
// the name of its third: the units of a document that come back after
// another document.
func genReport(seed uint64, docs, flagFrom int) *Report {
	rng := rand.New(rand.NewPCG(seed, 1))
	r := &Report{Title: "Generated", ReviewBelow: 0.45}
	speeches := []string{"", "Opening", "Q & A", "Closing <remarks>"}
	speakers := []string{"", "Chair", "Delegate+1"}
	for d := range docs {
		name := fmt.Sprintf("doc%03d", d)
		if d == docs-1 && docs > 3 {
			name = "doc002"
		}
		speech, speaker := "", ""
		for b := range 1 + rng.IntN(30) {
			if rng.IntN(5) == 0 {
				speech = speeches[rng.IntN(len(speeches))]
			}
			if rng.IntN(4) == 0 {
				speaker = speakers[rng.IntN(len(speakers))]
			}
			u := corpora.Unit{Doc: name, Bead: b + 1, Speech: speech, Speaker: speaker}
			ns, nt := 1+rng.IntN(2), 1+rng.IntN(2)
			switch rng.IntN(10) {
			case 0:
				ns = 0
			case 1:
				nt = 0
			}
			for i := range ns {
				u.Src = append(u.Src, 2*b+i+1)
				u.SrcText += genSentence(rng)
			}
			for i := range nt {
				u.Tgt = append(u.Tgt, 2*b+i+1)
				u.TgtText += genSentence(rng)
			}
			if u.Aligned() {
				switch rng.IntN(6) {
				case 0:
					u.Score = []float64{0.445, 0.4449, 0.795, 0.7949, 0, 1}[rng.IntN(6)]
				default:
					u.Score = rng.Float64()
				}
			}
			if len(r.Units) >= flagFrom && rng.IntN(4) == 0 {
				u.Notes = genNotes(rng, &u)
			}
			r.Units = append(r.Units, u)
		}
	}
	return r
}

// TestGeneratedGolden pins the page of a generated corpus whose first
// findings come in the middle of it, after speech headings.
func TestGeneratedGolden(t *testing.T) {
	golden(t, "generated.html", render(t, genReport(7, 12, 90)))
}
