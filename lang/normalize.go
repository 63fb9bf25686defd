package lang

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Normalize applies the safe normalization that every input document gets
// before it is split: line endings become "\n" (CRLF and lone CR), the text
// is put in Unicode NFC, no-break and other fixed-width spaces become
// ordinary spaces, and soft hyphens, zero-width characters and a leading
// byte-order mark are removed.
//
// Normalize never joins or splits lines, so a byte offset in its result
// can be mapped back to a line number of the input. It never changes
// letters, quotes or dashes: what the author wrote is kept. Folding for
// comparison is Key's job.
func Normalize(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	changed := false
	for i, r := range s {
		switch r {
		case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
			if !changed {
				b.WriteString(s[:i])
				changed = true
			}
			continue
		case '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2008':
			if !changed {
				b.WriteString(s[:i])
				changed = true
			}
			b.WriteByte(' ')
			continue
		}
		if changed {
			b.WriteRune(r)
		}
	}
	if !changed {
		return s
	}
	return b.String()
}
