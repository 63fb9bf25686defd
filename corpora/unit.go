package corpora

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unit is one bead of an aligned corpus, ready to be written: the
// sentences of both sides, where they come from, and what the aligner and
// the checks said of them. A unit with one empty side holds a sentence
// the aligner left unaligned.
type Unit struct {
	Doc     string  // the document's name
	Bead    int     // 1-based number of the bead in its document
	Src     []int   // 1-based numbers of the source sentences in the document
	Tgt     []int   // 1-based numbers of the target sentences in the document
	SrcText string  // the source sentences, joined by a space
	TgtText string  // the target sentences, joined by a space
	Score   float64 // the aligner's confidence, 0 to 1
	Speech  string  // the speech the unit belongs to, if known
	Speaker string  // the speaker, if known
	Notes   []Note  // findings of the checks
}

// Note is a finding attached to a unit.
type Note struct {
	Code     string `json:"code"`     // stable code of the check, such as "split-word"
	Severity string `json:"severity"` // error, warning or info
	Message  string `json:"message"`  // what a translator reads
	// Side is "src" or "tgt" when the finding points at characters of one
	// side, with Start and End their byte offsets in SrcText or TgtText.
	Side       string `json:"side,omitempty"`
	Start      int    `json:"start,omitempty"`
	End        int    `json:"end,omitempty"`
	Suggestion string `json:"suggestion,omitempty"`
}

// SeverityRank orders the severities of notes: 3 for "error", 2 for
// "warning", 1 for "info" and 0 for anything else.
func SeverityRank(s string) int {
	switch s {
	case "error":
		return 3
	case "warning":
		return 2
	case "info":
		return 1
	}
	return 0
}

// Type returns the bead shape, such as "2-1".
func (u *Unit) Type() string {
	return strconv.Itoa(len(u.Src)) + "-" + strconv.Itoa(len(u.Tgt))
}

// Aligned reports whether both sides of u have text.
func (u *Unit) Aligned() bool { return len(u.Src) > 0 && len(u.Tgt) > 0 }

// FormatIDs formats sentence numbers as "3,4".
func FormatIDs(ids []int) string {
	return string(AppendIDs(nil, ids))
}

// AppendIDs appends sentence numbers to dst as FormatIDs formats them.
func AppendIDs(dst []byte, ids []int) []byte {
	for i, id := range ids {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = strconv.AppendInt(dst, int64(id), 10)
	}
	return dst
}

// ParseIDs parses sentence numbers formatted by FormatIDs; "" gives nil.
func ParseIDs(s string) ([]int, error) {
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	ids := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a list of sentence numbers such as 3,4", s)
		}
		ids[i] = n
	}
	return ids, nil
}

// FormatScore formats a score with two decimals, the way every writer
// prints it.
func FormatScore(s float64) string {
	return strconv.FormatFloat(s, 'f', 2, 64)
}

// AppendScore appends a score to dst as FormatScore formats it.
func AppendScore(dst []byte, s float64) []byte {
	return strconv.AppendFloat(dst, s, 'f', 2, 64)
}

// RoundScore rounds a score to the two decimals FormatScore prints.
// Thresholds compare rounded scores, so a unit is judged the same from
// the run and from any file it was written to.
func RoundScore(s float64) float64 {
	var buf [24]byte // room for any score from 0 to 1 and more, on the stack
	r, _ := strconv.ParseFloat(string(strconv.AppendFloat(buf[:0], s, 'f', 2, 64)), 64)
	return r
}

// Segment makes the one-line text of a segment: runs of white space,
// line breaks and tabs included, become one space, and the ends are
// trimmed. Text that is already one line (most sentences) is returned
// as it is, without a copy.
func Segment(s string) string {
	if isSegment(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isSegment reports whether Segment(s) == s: s holds no white space
// (unicode.IsSpace, as strings.Fields splits at) but single spaces
// between other characters.
func isSegment(s string) bool {
	space := true // a space at the start is not kept
	for i := 0; i < len(s); i++ {
		switch segmentByte[s[i]] {
		case plainByte:
			space = false
		case spaceByte:
			if space {
				return false
			}
			space = true
		case breakByte:
			return false
		case leadByte:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += n - 1
			space = false
		}
	}
	return !space || s == ""
}

// The classes of bytes for isSegment.
const (
	plainByte = iota
	spaceByte // ' '
	breakByte // ASCII white space but ' '
	leadByte  // the first byte of a white space character above ASCII
)

// segmentByte classes the bytes. The lead bytes are those of U+0085,
// U+00A0, U+1680, U+2000-U+205F and U+3000, every white space character
// above ASCII.
var segmentByte = [256]uint8{
	' ': spaceByte, '\t': breakByte, '\n': breakByte, '\v': breakByte, '\f': breakByte, '\r': breakByte,
	0xC2: leadByte, 0xE1: leadByte, 0xE2: leadByte, 0xE3: leadByte,
}
