package report

import (
	"bufio"
	"strconv"
	"strings"

	"github.com/align-tools/align/corpora"
)

// rowWriter writes the sections of the documents, their tables of units:
// the bulk of the page, written by hand rather than by the template,
// whose reflection cost most of the time of a big report. Every text is escaped by
// writeEscaped, as html/template escapes text and quoted attribute values,
// so the page is the one the template drew (testdata/edge-*.html pin it).
type rowWriter struct {
	w                *bufio.Writer
	docID            string // the ID of the document's section, "doc-3"
	srcLang, tgtLang string
	below            float64 // the score under which a bead needs review
	showNotes        bool    // draw the findings column
	num              []byte  // scratch for numbers
}

// doc writes the section of the document d of the page v: its heading
// and the table of its units, those of all[d.first:d.end].
func (rw *rowWriter) doc(v *view, d *docView, all []corpora.Unit) {
	w := rw.w
	rw.docID = d.ID
	w.WriteString("\n<section class=\"doc\" id=\"")
	writeEscaped(w, d.ID)
	w.WriteString("\" data-doc=\"")
	writeEscaped(w, d.Name)
	w.WriteString("\">\n  <h2>")
	writeEscaped(w, d.Name)
	w.WriteString(" <span class=\"meta\">")
	rw.writeInt(d.Beads)
	w.WriteString(" beads · ")
	rw.writeInt(d.Flagged)
	w.WriteString(" flagged · ")
	rw.writeInt(d.Low)
	w.WriteString(" below ")
	writeEscaped(w, v.ReviewBelow)
	w.WriteString(" · mean score ")
	writeEscaped(w, d.MeanScore)
	w.WriteString("</span></h2>\n  <table class=\"beads\">\n    <colgroup><col class=\"c-num\"><col class=\"c-type\"><col class=\"c-score\"><col class=\"c-seg\"><col class=\"c-seg\">")
	if v.ShowNotes {
		w.WriteString("<col class=\"c-notes\">")
	}
	w.WriteString("</colgroup>\n    <thead><tr><th>#</th><th>Type</th><th>Score</th><th>")
	writeEscaped(w, v.SrcName)
	w.WriteString("</th><th>")
	writeEscaped(w, v.TgtName)
	w.WriteString("</th>")
	if v.ShowNotes {
		w.WriteString("<th>Findings</th>")
	}
	w.WriteString("</tr></thead>\n    <tbody>")
	units := all[d.first:d.end]
	for k := range units {
		var prev *corpora.Unit
		if k > 0 {
			prev = &units[k-1]
		}
		rw.row(&units[k], prev)
	}
	w.WriteString("\n    </tbody>\n  </table>\n</section>")
}

// row writes the row of u; prev is the unit before it in the document,
// nil for the first. A row opening a speech or speaker turn has a heading
// row above it.
func (rw *rowWriter) row(u, prev *corpora.Unit) {
	w := rw.w
	if (u.Speech != "" || u.Speaker != "") &&
		(prev == nil || prev.Speech != u.Speech || prev.Speaker != u.Speaker) {
		if h := strings.Trim(u.Speech+" · "+u.Speaker, " ·"); h != "" {
			w.WriteString("\n    <tr class=\"heading\"><td colspan=\"")
			if rw.showNotes {
				w.WriteByte('6')
			} else {
				w.WriteByte('5')
			}
			w.WriteString("\">")
			writeEscaped(w, h)
			w.WriteString("</td></tr>")
		}
	}
	score := corpora.FormatScore(u.Score)
	rounded := corpora.RoundScore(u.Score)
	class, scoreClass, shown := "", "good", score
	switch {
	case !u.Aligned():
		scoreClass, class, shown = "none", "unaligned", "–"
	case rounded < rw.below:
		scoreClass = "low"
	case rounded < 0.8:
		scoreClass = "mid"
	}
	if len(u.Notes) > 0 {
		class = strings.TrimSpace(class + " flagged")
	}
	// The ID is made of letters, digits and hyphens, which neither HTML
	// nor URL escaping changes, so it is written as it is in the href too.
	w.WriteString("\n    <tr id=\"")
	rw.writeID(u.Bead)
	w.WriteString("\" class=\"bead ")
	w.WriteString(class)
	w.WriteString("\" data-doc=\"")
	writeEscaped(w, u.Doc)
	w.WriteString("\" data-speech=\"")
	writeEscaped(w, u.Speech)
	w.WriteString("\" data-codes=\"")
	severity := ""
	for i, n := range u.Notes {
		if i > 0 {
			w.WriteByte(' ')
		}
		writeEscaped(w, n.Code)
		if severityRank(n.Severity) > severityRank(severity) || severity == "" {
			severity = n.Severity
		}
	}
	w.WriteString("\" data-sev=\"")
	writeEscaped(w, severity)
	w.WriteString("\" data-score=\"")
	writeEscaped(w, score)
	w.WriteString("\" data-type=\"")
	rw.writeType(u)
	w.WriteString("\">\n      <td class=\"num\"><a href=\"#")
	rw.writeID(u.Bead)
	w.WriteString("\" title=\"sentences ")
	rw.writeIDs(u.Src)
	w.WriteString(" → ")
	rw.writeIDs(u.Tgt)
	w.WriteString("\">")
	rw.writeInt(u.Bead)
	w.WriteString("</a></td>\n      <td class=\"type\">")
	rw.writeType(u)
	w.WriteString("</td>\n      <td><span class=\"score ")
	w.WriteString(scoreClass)
	w.WriteString("\">")
	writeEscaped(w, shown)
	w.WriteString("</span></td>\n      <td class=\"seg\" lang=\"")
	writeEscaped(w, rw.srcLang)
	w.WriteString("\">")
	rw.segment(u.SrcText, u.Notes, "src")
	w.WriteString("</td>\n      <td class=\"seg\" lang=\"")
	writeEscaped(w, rw.tgtLang)
	w.WriteString("\">")
	rw.segment(u.TgtText, u.Notes, "tgt")
	w.WriteString("</td>")
	if rw.showNotes {
		w.WriteString("\n      <td class=\"notes\">")
		for _, n := range u.Notes {
			w.WriteString("<div class=\"finding sev-")
			writeEscaped(w, n.Severity)
			w.WriteString("\"><span class=\"code\">")
			writeEscaped(w, n.Code)
			w.WriteString("</span> ")
			writeEscaped(w, n.Message)
			if n.Suggestion != "" {
				w.WriteString(" <span class=\"sugg\">→ ")
				writeEscaped(w, n.Suggestion)
				w.WriteString("</span>")
			}
			w.WriteString("</div>")
		}
		w.WriteString("</td>")
	}
	w.WriteString("\n    </tr>")
}

// segment writes the text of one side with the spans of the notes on that
// side marked (highlight), or "no sentence" when it is empty.
func (rw *rowWriter) segment(text string, notes []corpora.Note, side string) {
	w := rw.w
	if text == "" {
		w.WriteString("<span class=\"none\">no sentence</span>")
		return
	}
	marked := false
	for _, n := range notes {
		if n.Side == side {
			marked = true
			break
		}
	}
	if !marked {
		writeEscaped(w, text)
		return
	}
	for _, p := range highlight(text, notes, side) {
		if !p.Marked {
			writeEscaped(w, p.Text)
			continue
		}
		w.WriteString("<mark class=\"sev-")
		writeEscaped(w, p.Severity)
		w.WriteString("\" title=\"")
		writeEscaped(w, p.Title)
		w.WriteString("\" data-codes=\"")
		writeEscaped(w, p.Codes)
		w.WriteString("\">")
		writeEscaped(w, p.Text)
		w.WriteString("</mark>")
	}
}

// writeID writes the ID of the row of bead n, "doc-3-b12".
func (rw *rowWriter) writeID(n int) {
	rw.w.WriteString(rw.docID)
	rw.w.WriteString("-b")
	rw.writeInt(n)
}

func (rw *rowWriter) writeInt(n int) {
	rw.num = strconv.AppendInt(rw.num[:0], int64(n), 10)
	rw.w.Write(rw.num)
}

// writeType writes the bead type, as Unit.Type gives it.
func (rw *rowWriter) writeType(u *corpora.Unit) {
	rw.writeInt(len(u.Src))
	rw.w.WriteByte('-')
	rw.writeInt(len(u.Tgt))
}

// writeIDs writes sentence numbers as corpora.FormatIDs formats them.
func (rw *rowWriter) writeIDs(ids []int) {
	rw.num = corpora.AppendIDs(rw.num[:0], ids)
	rw.w.Write(rw.num)
}

// writeEscaped writes s escaped as html/template escapes a string in
// text and in quoted attribute values: the five characters of HTML syntax
// and '+' become character references, NUL becomes U+FFFD, every other
// byte (invalid UTF-8 included) is written as it is.
func writeEscaped(w *bufio.Writer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		if esc := htmlEscapes[s[i]]; esc != "" {
			w.WriteString(s[last:i])
			w.WriteString(esc)
			last = i + 1
		}
	}
	w.WriteString(s[last:])
}

// htmlEscapes are the replacements of writeEscaped, by byte.
var htmlEscapes = [256]string{
	0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;",
}
