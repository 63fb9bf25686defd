package report

import (
	"bufio"
	"embed"
	"fmt"
	"html/template"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/lang"
)

// DefaultReviewBelow is the score under which a bead counts as needing
// review when Report.ReviewBelow is zero. It matches the XLIFF writer's.
const DefaultReviewBelow = 0.5

// Report is what the HTML report shows. The zero value of every field but
// Units is usable.
type Report struct {
	Title    string       // the page title; "Alignment review" when empty
	Src, Tgt language.Tag // the languages; ru and en when zero
	// Units are the beads of every document, in order; the units of one
	// document must follow each other (units of a document that come
	// back after another are shown as a second document of that name).
	// Write reads them; a Stream is given them by Add instead.
	Units []corpora.Unit
	Names []NameGroup // names written in more than one way
	// ReviewBelow is the score under which a bead is counted and drawn as
	// needing review; zero means DefaultReviewBelow.
	ReviewBelow float64
}

//go:embed assets/report.html.tmpl assets/report.css assets/report.js
var assets embed.FS

var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
		"css": func() template.CSS { return template.CSS(asset("report.css")) },
		"js":  func() template.JS { return template.JS(asset("report.js")) },
		"f":   func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) },
	}).ParseFS(assets, "assets/report.html.tmpl"))
})

func asset(name string) string {
	b, err := assets.ReadFile("assets/" + name)
	if err != nil {
		panic(err) // embedded at build time: cannot happen
	}
	return string(b)
}

// Write renders r as one HTML document to w. It draws the page a Stream
// draws, with the rows written as they are drawn rather than kept for the
// end (the units are at hand): it counts the units, then writes the head
// and the rows of each document after its heading. After an error part of
// the page may have been written.
func Write(w io.Writer, r *Report) error {
	s := newStream(r)
	for i := range r.Units {
		s.count(&r.Units[i])
	}
	v := s.v
	rw := rowWriter{below: v.below, showNotes: v.ShowNotes, srcLang: v.SrcLang, tgtLang: v.TgtLang}
	units := r.Units
	return s.finish(w, func(bw *bufio.Writer, i int, d *docView) error {
		rw.w = bw
		rw.startDoc(i + 1)
		for k := range units[:d.Beads] {
			rw.row(&units[k])
		}
		units = units[d.Beads:]
		return nil
	})
}

// view is the data the template renders.
type view struct {
	Title             string
	SrcLang, TgtLang  string // BCP 47 tags for lang attributes
	SrcName, TgtName  string // the languages' names in English
	ReviewBelow       string
	Docs              []docView
	Stats             []stat
	Charts            []chart
	Codes, Severities []string
	Speeches          []string
	Names             []nameView
	Units             int
	ShowNotes         bool    // some unit has findings: draw the column
	below             float64 // ReviewBelow as a number
}

type stat struct{ Label, Value, Note, Class string }

// docView is a document: its heading's figures and the size of its rows
// in the Stream's body, which hold nothing else.
type docView struct {
	Name                string
	Beads, Flagged, Low int
	sum                 float64 // of the rounded scores of aligned beads
	aligned             int
	size                int64 // bytes of its rows
}

// meanScore is the mean rounded score of d's aligned beads, as its
// heading shows it.
func (d *docView) meanScore() string {
	if d.aligned == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", d.sum/float64(d.aligned))
}

type nameView struct {
	Key   string
	Note  string
	Forms []formView
}

type formView struct {
	Pieces    []diffPiece
	Side      string
	Count     int
	Docs      string
	Reference bool
}

// newView is the view of r before any unit: its settings, with the
// defaults of the zero values applied.
func newView(r *Report) *view {
	src, tgt := r.Src, r.Tgt
	if src == (language.Tag{}) {
		src = language.Russian
	}
	if tgt == (language.Tag{}) {
		tgt = language.English
	}
	below := r.ReviewBelow
	if below == 0 {
		below = DefaultReviewBelow
	}
	title := r.Title
	if title == "" {
		title = "Alignment review"
	}
	return &view{
		Title: title, SrcLang: src.String(), TgtLang: tgt.String(),
		SrcName: lang.EnglishName(src), TgtName: lang.EnglishName(tgt),
		ReviewBelow: fmt.Sprintf("%.2f", below), below: below,
	}
}

// tally is what the head shows of the units, gathered one unit at a time.
type tally struct {
	codes          map[string]*codeCount
	sevs, speeches map[string]bool
	types          map[[2]int]int // beads per number of source and target sentences
	bins           [scoreBins]int // aligned beads per tenth of the score
	aligned        int
	flagged, low   int
	sum            float64 // of the rounded scores of aligned beads
}

func newTally() tally {
	return tally{codes: map[string]*codeCount{}, sevs: map[string]bool{},
		speeches: map[string]bool{}, types: map[[2]int]int{}}
}

// codeCount is the findings of one code.
type codeCount struct {
	n   int
	sev string // the highest severity
}

// add counts u, a bead of the document d, in t and d. The strings t keeps
// are copies, so t holds no memory of u. (Maps are only assigned to with
// keys they lack: assigning to a present string key replaces the key.)
func (t *tally) add(u *corpora.Unit, d *docView, below float64) {
	score := corpora.RoundScore(u.Score) // judged as written, rounded
	d.Beads++
	t.types[[2]int{len(u.Src), len(u.Tgt)}]++
	if u.Speech != "" && !t.speeches[u.Speech] {
		t.speeches[strings.Clone(u.Speech)] = true
	}
	if len(u.Notes) > 0 {
		d.Flagged++
		t.flagged++
	}
	if u.Aligned() {
		t.aligned++
		t.sum += score
		d.aligned++
		d.sum += score
		t.bins[scoreBin(score)]++
		if score < below {
			d.Low++
			t.low++
		}
	}
	for _, n := range u.Notes {
		c := t.codes[n.Code]
		if c == nil {
			c = new(codeCount)
			t.codes[strings.Clone(n.Code)] = c
		}
		c.n++
		if !t.sevs[n.Severity] {
			t.sevs[strings.Clone(n.Severity)] = true
		}
		if corpora.SeverityRank(n.Severity) > corpora.SeverityRank(c.sev) || c.sev == "" && n.Severity != "" {
			c.sev = strings.Clone(n.Severity)
		}
	}
}

// finish fills the rest of v, the head, from the units counted in t and
// the name groups.
func (v *view) finish(t *tally, names []NameGroup) {
	v.Codes = slices.Sorted(maps.Keys(t.codes))
	for _, s := range []string{"error", "warning", "info"} {
		if t.sevs[s] {
			v.Severities = append(v.Severities, s)
		}
	}
	for _, s := range slices.Sorted(maps.Keys(t.sevs)) {
		if corpora.SeverityRank(s) == 0 {
			v.Severities = append(v.Severities, s)
		}
	}
	v.Speeches = slices.Sorted(maps.Keys(t.speeches))

	var cc []count
	findings := 0
	for code, c := range t.codes {
		cc = append(cc, count{Key: code, N: c.n, Class: "sev-" + c.sev, Set: "code=" + code})
		findings += c.n
	}
	byCount(cc)
	mean := "–"
	if t.aligned > 0 {
		mean = fmt.Sprintf("%.2f", t.sum/float64(t.aligned))
	}
	v.Stats = []stat{
		{Label: "Documents", Value: fmt.Sprint(len(v.Docs))},
		{Label: "Beads", Value: fmt.Sprint(v.Units), Note: fmt.Sprintf("%d aligned, %d with one side only", t.aligned, v.Units-t.aligned)},
		{Label: "Mean score", Value: mean, Note: "over aligned beads"},
		{Label: "Need review", Value: fmt.Sprint(t.low), Note: "aligned beads scored below " + v.ReviewBelow, Class: warnIf(t.low > 0)},
		{Label: "Flagged", Value: fmt.Sprint(t.flagged), Note: fmt.Sprintf("beads with findings; %d findings", findings), Class: warnIf(t.flagged > 0)},
	}

	var tc []count
	for st, n := range t.types {
		typ := strconv.Itoa(st[0]) + "-" + strconv.Itoa(st[1])
		cls := "good"
		if st[0] == 0 || st[1] == 0 {
			cls = "low"
		} else if typ != "1-1" {
			cls = "mid"
		}
		tc = append(tc, count{Key: typ, N: n, Class: cls, Set: "type=" + typ})
	}
	byCount(tc)
	v.Charts = []chart{
		hbars("chart-codes", "Findings per code", "Click a bar to show only its rows.", "No findings.", cc),
		histogram(t.bins, v.below),
		hbars("chart-types", "Beads by type", "Source-target sentences per bead; 1-0 and 0-1 are unaligned.", "No beads.", tc),
	}
	for _, g := range names {
		v.Names = append(v.Names, newNameView(g, map[string]string{"src": v.SrcName, "tgt": v.TgtName}))
	}
}

func warnIf(b bool) string {
	if b {
		return "warn"
	}
	return ""
}

func newNameView(g NameGroup, sides map[string]string) nameView {
	nv := nameView{Key: g.Key, Note: g.Note}
	for i, f := range g.Forms {
		side := sides[f.Side]
		if side == "" {
			side = f.Side
		}
		fv := formView{Side: side, Count: f.Count, Docs: strings.Join(f.Docs, ", "), Reference: i == 0}
		if i == 0 {
			fv.Pieces = []diffPiece{{Text: f.Text}}
		} else {
			fv.Pieces = charDiff(g.Forms[0].Text, f.Text)
		}
		nv.Forms = append(nv.Forms, fv)
	}
	return nv
}
