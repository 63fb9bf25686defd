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
	"golang.org/x/text/language/display"

	"github.com/align-tools/align/corpora"
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
	// document must follow each other.
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

// Write renders r as one HTML document to w. The page is streamed: the
// rows of the units are written as they are drawn, not gathered first,
// so after an error part of the page may have been written.
func Write(w io.Writer, r *Report) error {
	v := newView(r)
	bw := bufio.NewWriterSize(w, 256<<10)
	t := page()
	if err := t.ExecuteTemplate(bw, "head", v); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	rw := rowWriter{w: bw, below: v.below, showNotes: v.ShowNotes, srcLang: v.SrcLang, tgtLang: v.TgtLang}
	for i := range v.Docs {
		rw.doc(v, &v.Docs[i], r.Units)
	}
	if err := t.ExecuteTemplate(bw, "tail", v); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
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
	ShowNotes         bool    // some unit has findings or a speaker: draw the column
	below             float64 // ReviewBelow as a number
}

type stat struct{ Label, Value, Note, Class string }

// docView is a document's heading; its rows are those of
// Report.Units[first:end].
type docView struct {
	Name, ID            string
	Beads, Flagged, Low int
	MeanScore           string
	sum                 float64
	aligned             int
	first, end          int
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
	v := &view{
		Title: title, SrcLang: src.String(), TgtLang: tgt.String(),
		SrcName: langName(src), TgtName: langName(tgt),
		ReviewBelow: fmt.Sprintf("%.2f", below), Units: len(r.Units), below: below,
	}
	codes := map[string]int{}
	codeSev := map[string]string{}
	sevs := map[string]bool{}
	speeches := map[string]bool{}
	types := map[string]int{}
	var scores []float64
	var aligned, flagged, low int
	var sum float64
	for i := range r.Units {
		u := &r.Units[i]
		score := corpora.RoundScore(u.Score) // judged as written, rounded
		if len(v.Docs) == 0 || v.Docs[len(v.Docs)-1].Name != u.Doc {
			v.Docs = append(v.Docs, docView{Name: u.Doc, ID: fmt.Sprintf("doc-%d", len(v.Docs)+1), first: i})
		}
		d := &v.Docs[len(v.Docs)-1]
		d.end = i + 1
		d.Beads++
		types[u.Type()]++
		if u.Speech != "" {
			speeches[u.Speech] = true
		}
		if len(u.Notes) > 0 {
			v.ShowNotes = true
			d.Flagged++
			flagged++
		}
		if u.Aligned() {
			aligned++
			sum += score
			d.aligned++
			d.sum += score
			scores = append(scores, score)
			if score < below {
				d.Low++
				low++
			}
		}
		for _, n := range u.Notes {
			codes[n.Code]++
			sevs[n.Severity] = true
			if severityRank(n.Severity) > severityRank(codeSev[n.Code]) || codeSev[n.Code] == "" {
				codeSev[n.Code] = n.Severity
			}
		}
	}
	for i := range v.Docs {
		d := &v.Docs[i]
		d.MeanScore = "–"
		if d.aligned > 0 {
			d.MeanScore = fmt.Sprintf("%.2f", d.sum/float64(d.aligned))
		}
	}
	v.Codes = slices.Sorted(maps.Keys(codes))
	for _, s := range []string{"error", "warning", "info"} {
		if sevs[s] {
			v.Severities = append(v.Severities, s)
		}
	}
	for _, s := range slices.Sorted(maps.Keys(sevs)) {
		if severityRank(s) == 0 {
			v.Severities = append(v.Severities, s)
		}
	}
	v.Speeches = slices.Sorted(maps.Keys(speeches))

	mean := "–"
	if aligned > 0 {
		mean = fmt.Sprintf("%.2f", sum/float64(aligned))
	}
	v.Stats = []stat{
		{Label: "Documents", Value: fmt.Sprint(len(v.Docs))},
		{Label: "Beads", Value: fmt.Sprint(len(r.Units)), Note: fmt.Sprintf("%d aligned, %d with one side only", aligned, len(r.Units)-aligned)},
		{Label: "Mean score", Value: mean, Note: "over aligned beads"},
		{Label: "Need review", Value: fmt.Sprint(low), Note: "aligned beads scored below " + v.ReviewBelow, Class: warnIf(low > 0)},
		{Label: "Flagged", Value: fmt.Sprint(flagged), Note: fmt.Sprintf("beads with findings; %d findings", total(codes)), Class: warnIf(flagged > 0)},
	}

	var cc []count
	for c, n := range codes {
		cc = append(cc, count{Key: c, N: n, Class: "sev-" + codeSev[c], Set: "code=" + c})
	}
	byCount(cc)
	var tc []count
	for t, n := range types {
		cls := "good"
		if strings.HasPrefix(t, "0-") || strings.HasSuffix(t, "-0") {
			cls = "low"
		} else if t != "1-1" {
			cls = "mid"
		}
		tc = append(tc, count{Key: t, N: n, Class: cls, Set: "type=" + t})
	}
	byCount(tc)
	v.Charts = []chart{
		hbars("chart-codes", "Findings per code", "Click a bar to show only its rows.", "No findings.", cc),
		histogram(scores, below),
		hbars("chart-types", "Beads by type", "Source-target sentences per bead; 1-0 and 0-1 are unaligned.", "No beads.", tc),
	}
	for _, g := range r.Names {
		v.Names = append(v.Names, newNameView(g, map[string]string{"src": v.SrcName, "tgt": v.TgtName}))
	}
	return v
}

func total(m map[string]int) int {
	n := 0
	for _, k := range m {
		n += k
	}
	return n
}

func warnIf(b bool) string {
	if b {
		return "warn"
	}
	return ""
}

func langName(t language.Tag) string {
	if n := display.English.Tags().Name(t); n != "" {
		return n
	}
	return t.String()
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
