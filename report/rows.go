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
//
// A section is written in three parts: its heading (docHead), the rows of
// its units (row, one call per unit, after startDoc) and sectionEnd. A
// Stream writes the rows to its body as the units come and the headings,
// which need the figures of all their units, when it writes the page.
type rowWriter struct {
	w                *bufio.Writer
	docID            string // the ID of the document's section, "doc-3"
	srcLang, tgtLang string
	below            float64 // the score under which a bead needs review
	showNotes        bool    // draw the findings column
	num              []byte  // scratch for numbers
	// The speech and speaker of the row before in the document, copied,
	// when started.
	speech, speaker string
	started         bool
}

// The markup of the rows that depends on showNotes: the opening of the
// cell of a speech heading row, across every column, and the cell of
// findings before the end of a bead row. widener relies on these.
const (
	headingCell      = "<td colspan=\"5\">"
	headingCellNotes = "<td colspan=\"6\">"
	notesCell        = "\n      <td class=\"notes\">"
	emptyNotesCell   = notesCell + "</td>"
	rowEnd           = "\n    </tr>"
)

// sectionEnd closes the section of a document, after its rows.
const sectionEnd = "\n    </tbody>\n  </table>\n</section>"

// docHead writes the opening of the section of v.Docs[i], d: its heading
// with its figures, up to the table's body.
func (rw *rowWriter) docHead(v *view, i int, d *docView) {
	w := rw.w
	w.WriteString("\n<section class=\"doc\" id=\"doc-")
	rw.writeInt(i + 1)
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
	writeEscaped(w, d.meanScore())
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
}

// startDoc makes the rows that follow those of the n-th document (from 1).
func (rw *rowWriter) startDoc(n int) {
	rw.docID = "doc-" + strconv.Itoa(n)
	rw.started = false
}

// row writes the row of u, the next unit of the document. A row opening a
// speech or speaker turn has a heading row above it.
func (rw *rowWriter) row(u *corpora.Unit) {
	w := rw.w
	if (u.Speech != "" || u.Speaker != "") &&
		(!rw.started || rw.speech != u.Speech || rw.speaker != u.Speaker) {
		if h := strings.Trim(u.Speech+" · "+u.Speaker, " ·"); h != "" {
			w.WriteString("\n    <tr class=\"heading\">")
			if rw.showNotes {
				w.WriteString(headingCellNotes)
			} else {
				w.WriteString(headingCell)
			}
			writeEscaped(w, h)
			w.WriteString("</td></tr>")
		}
	}
	rw.started = true
	if rw.speech != u.Speech {
		rw.speech = strings.Clone(u.Speech)
	}
	if rw.speaker != u.Speaker {
		rw.speaker = strings.Clone(u.Speaker)
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
		if corpora.SeverityRank(n.Severity) > corpora.SeverityRank(severity) || severity == "" {
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
		w.WriteString(notesCell)
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
	w.WriteString(rowEnd)
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
