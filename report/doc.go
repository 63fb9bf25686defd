// Package report renders the review report of an aligned corpus: one
// self-contained HTML file that works from disk, with no network access
// (its style sheet, script and charts are inside it).
//
// The report shows the source and target sentences side by side for every
// document, each row with its bead type and score; the characters a
// finding points at are highlighted and carry the finding's message. The
// reader filters rows by document, finding code, severity and score,
// jumps from flagged row to flagged row with the keyboard (j and k), and
// sees charts of findings per code, the score distribution and bead types,
// drawn as inline SVG when the report is written. A table lists the
// spelling variants of names with their differing characters marked.
//
// All text from the documents is escaped as html/template escapes it (the
// page shell is a template; the rows, most of the page, are written
// directly and escaped the same way, which a fuzz test checks): a
// document containing markup shows it as text. Output is deterministic:
// the same Report gives the same bytes. Write is safe for concurrent use.
//
// Write needs every unit in memory. For a corpus too big to hold, a
// Stream takes the units one at a time, writes their rows to a scratch
// file and writes the page at the end; its memory grows with the number
// of documents, not of units, and its page is byte for byte Write's.
package report
