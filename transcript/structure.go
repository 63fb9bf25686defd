package transcript

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/align-tools/align/lang"
)

// Kind is what a paragraph of a transcript page is.
type Kind uint8

const (
	// Lead is narrative outside any speech: news lead paragraphs, notes
	// after a speech.
	Lead Kind = iota
	// Heading opens a speech: "Speech by ...", «Выступление ...», or a
	// paragraph introducing a statement ("He informed the media ...:").
	Heading
	// Speech is what a speaker says, the turn label included.
	Speech
	// Boilerplate is site furniture: navigation links, e-mail lines, the
	// press secretary's name, date lines.
	Boilerplate
)

var kindNames = [...]string{"lead", "heading", "speech", "boilerplate"}

// String returns the kind as the structure listing prints it: "lead",
// "heading", "speech", "boilerplate".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Opening is how a section begins.
type Opening uint8

const (
	// Implicit: the document names no speech; all of it but the
	// boilerplate is one section (a file holding one speech).
	Implicit Opening = iota
	// Headed: a heading opens the section.
	Headed
	// Turn: a speaker label opens the section ("N. Pashinyan: ...").
	Turn
)

var openingNames = [...]string{"implicit", "heading", "turn"}

// String returns "implicit", "heading" or "turn".
func (o Opening) String() string {
	if int(o) < len(openingNames) {
		return openingNames[o]
	}
	return fmt.Sprintf("Opening(%d)", o)
}

// Block is one paragraph of the text (as lang.Paragraphs gives them)
// with what it is.
type Block struct {
	lang.Span
	Kind Kind
	// Section is the index in Structure.Sections of the speech the block
	// belongs to; -1 for Lead and Boilerplate blocks, never -1 for
	// Heading and Speech blocks.
	Section int
}

// Section is one speech or speaker turn.
type Section struct {
	Opening Opening
	// Heading is the heading paragraph; empty unless Opening is Headed.
	Heading lang.Span
	// Label is the speaker label with its colon ("N. Pashinyan:"), empty
	// when there is none.
	Label   lang.Span
	Speaker Speaker
	// First and End are the blocks [First, End) the section spans;
	// boilerplate blocks among them belong to no section.
	First, End int
}

// Structure is the structure of one text.
//
// Invariants (checked by the tests and the fuzzer): Blocks are the
// paragraphs of Text in order, so every byte of Text that is not white
// space lies in exactly one block; the blocks of a section are
// contiguous apart from boilerplate; sections are in text order and do
// not overlap; a Heading block is the first block of its section.
type Structure struct {
	Text     string
	Blocks   []Block
	Sections []Section
}

// Title returns a short title of section i: its heading, or the speaker
// label, or "" for an implicit section.
func (s *Structure) Title(i int) string {
	sec := s.Sections[i]
	switch {
	case sec.Heading.End > sec.Heading.Start:
		return strings.Join(strings.Fields(s.Text[sec.Heading.Start:sec.Heading.End]), " ")
	case sec.Label.End > sec.Label.Start:
		return strings.TrimSuffix(s.Text[sec.Label.Start:sec.Label.End], ":")
	}
	return ""
}

// Parse recognises the structure of text, a normalized document in the
// language tag.
//
// A paragraph is a heading when it starts with a heading cue ("Speech
// by", «Выступление»), is short, has one line and does not end like a
// sentence; or when it ends with a colon, reports speech ("informed the
// media", «заявил») and names a person. A paragraph that starts with a
// speaker label opens a turn, unless it directly follows the heading of
// the same speaker. Paragraphs after a heading or a turn belong to that
// section until the next heading or turn, or until a closing formula
// ("Thank you for your attention"), after which they are Lead.
// Paragraphs before the first section are Lead. A document with no
// heading and no label is one Implicit section. Boilerplate paragraphs
// are recognised wherever they are and belong to no section.
func Parse(tag language.Tag, text string) *Structure {
	c := cuesFor(tag)
	paras := lang.Paragraphs(text)
	st := &Structure{Text: text, Blocks: make([]Block, len(paras))}
	cur := -1         // the open section
	bodySeen := false // the open section has had a paragraph after its heading
	closeSection := func(i int) {
		if cur >= 0 {
			st.Sections[cur].End = i
		}
		cur = -1
	}
	open := func(i int, sec Section) {
		closeSection(i)
		sec.First = i
		st.Sections = append(st.Sections, sec)
		cur = len(st.Sections) - 1
		bodySeen = false
	}
	for i, p := range paras {
		t := text[p.Start:p.End]
		b := Block{Span: p, Kind: Lead, Section: -1}
		if c.isBoilerplateBlock(t) {
			b.Kind = Boilerplate
			st.Blocks[i] = b
			continue
		}
		if sp, ok := c.heading(t, cur >= 0); ok {
			open(i, Section{Opening: Headed, Heading: p, Speaker: sp})
			b.Kind, b.Section = Heading, cur
			st.Blocks[i] = b
			continue
		}
		if n, sp, ok := c.parseLabel(t); ok {
			label := lang.Span{Start: p.Start, End: p.Start + n}
			if cur >= 0 && !bodySeen && st.Sections[cur].Opening == Headed &&
				(!st.Sections[cur].Speaker.Known() || SameKey(st.Sections[cur].Speaker.Key(), sp.Key())) {
				// A heading's own speaker label: one section. The
				// label gives the name in the nominative, which a
				// Russian heading does not («Выступление ...
				// Жумабековой», «Г.Жумабекова:»).
				st.Sections[cur].Speaker = sp
				st.Sections[cur].Label = label
			} else {
				open(i, Section{Opening: Turn, Label: label, Speaker: sp})
			}
			b.Kind, b.Section = Speech, cur
			bodySeen = true
			st.Blocks[i] = b
			continue
		}
		if cur >= 0 {
			b.Kind, b.Section = Speech, cur
			bodySeen = true
			st.Blocks[i] = b
			if c.isClosing(t) {
				closeSection(i + 1)
			}
			continue
		}
		st.Blocks[i] = b
	}
	closeSection(len(paras))
	if len(st.Sections) == 0 {
		first, end := -1, 0
		for i := range st.Blocks {
			if st.Blocks[i].Kind == Lead {
				st.Blocks[i].Kind, st.Blocks[i].Section = Speech, 0
				if first < 0 {
					first = i
				}
				end = i + 1
			}
		}
		if first >= 0 {
			st.Sections = append(st.Sections, Section{Opening: Implicit, First: first, End: end})
		}
	}
	// A section ends at its last block that belongs to it: boilerplate
	// and lead paragraphs after it are not part of it.
	for k := range st.Sections {
		sec := &st.Sections[k]
		for sec.End > sec.First+1 && st.Blocks[sec.End-1].Section != k {
			sec.End--
		}
	}
	return st
}

// heading reports whether paragraph t is a speech heading or the
// introduction of a statement, and the speaker it names. Inside a speech
// (inSpeech), a paragraph that introduces what someone said is taken for
// a statement only when it speaks of no one in the first or second
// person: "As Vladimir Vladimirovich told us:" is the speaker quoting,
// "After the meeting, Georgy Tskhay told journalists:" is the page
// introducing a new statement.
func (c *cueSet) heading(t string, inSpeech bool) (Speaker, bool) {
	if len(t) <= 300 && !strings.Contains(t, "\n") && !endsSentence(t) {
		// Lower-casing goes rune by rune and gives every rune at least
		// a byte, so the first longestHeading+1 runes of t, lower-cased,
		// hold all that is compared: a cue and the rune after it.
		var buf [128]byte
		lower := lang.AppendLower(buf[:0], prefixRunes(t, c.longestHeading+1))
		for _, h := range c.headings {
			if len(lower) >= len(h) && string(lower[:len(h)]) == h && (len(lower) == len(h) || !isLetterAt(lower, len(h))) {
				return c.findName(t[len(h):]), true
			}
		}
	}
	if len(t) <= 400 && strings.HasSuffix(t, ":") {
		reports := false
		for _, tk := range tokenize(t) {
			if c.verb.hasLower(tk.text) {
				reports = true
				break
			}
		}
		if reports && !(inSpeech && c.personal(t)) {
			// A person named in full ("Stanislav Zas", «С.Зась»), not
			// a bare word that may just start the sentence.
			if sp := c.findName(t); sp.Known() && (strings.ContainsAny(sp.Name, " .")) {
				return sp, true
			}
		}
	}
	return Speaker{}, false
}

func isLetterAt(s []byte, i int) bool {
	r, _ := utf8.DecodeRune(s[i:])
	return unicode.IsLetter(r)
}

// prefixRunes returns the first n runes of s, or s when it has fewer.
func prefixRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// endsSentence reports whether t ends with sentence punctuation.
func endsSentence(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t, "\"'»”’) "))
	switch r {
	case '.', '!', '?', ';', ',', '…':
		return true
	}
	return false
}

// appendBare appends to dst the bare form of t: t lower-cased with the
// punctuation, asterisks and spaces around it removed and inner white
// space made single. It gives up, returning false, as soon as the bare
// form is known to be longer than limit bytes: a cue is compared with
// the paragraphs of a document, most of them far longer than any cue.
func appendBare(dst []byte, t string, limit int) ([]byte, bool) {
	out := dst
	end := len(dst) // the length of out up to its last letter or digit
	space := false  // white space since the last character kept
	for i := 0; i < len(t); {
		r, n := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(t[i:])
		}
		if isSpace(r) {
			space = true
			i += n
			continue
		}
		word := isWordRune(r)
		if len(out) > len(dst) || word {
			if space && len(out) > len(dst) {
				out = append(out, ' ')
			}
			out = utf8.AppendRune(out, lang.ToLower(r))
			if word {
				if end = len(out); end-len(dst) > limit {
					return dst, false
				}
			}
		}
		space = false
		i += n
	}
	return out[:end], true
}

// isSpace is unicode.IsSpace, quick for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// isWordRune reports whether r is a letter or a digit, quickly for ASCII
// and Cyrillic.
func isWordRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return lang.IsLetter(r) || unicode.IsDigit(r)
}

// isClosing reports whether t is a closing formula ("Thank you for your
// attention!", "Thank you for your attention * *").
func (c *cueSet) isClosing(t string) bool {
	// The bare form starts with the first letter or digit of t, lower-cased:
	// most paragraphs start with none of the letters a closing formula
	// starts with.
	first := strings.IndexFunc(t, isWordRune)
	if first < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[first:])
	if !strings.ContainsRune(c.closingFirst, lang.ToLower(r)) {
		return false
	}
	var buf [128]byte
	b, ok := appendBare(buf[:0], t, c.longestClosing)
	if !ok {
		return false
	}
	for _, p := range c.closing {
		if string(b) == p {
			return true
		}
	}
	return false
}

// isBoilerplateBlock reports whether paragraph t is site furniture: a
// boilerplate line, or several lines that all are ("Press Service",
// an e-mail line and a date, one under the other).
func (c *cueSet) isBoilerplateBlock(t string) bool {
	if !strings.Contains(t, "\n") {
		return c.isBoilerplate(t)
	}
	for _, line := range strings.Split(t, "\n") {
		if line = strings.TrimSpace(line); line != "" && !c.isBoilerplate(line) {
			return false
		}
	}
	return true
}

// isBoilerplate reports whether the line t is site furniture.
func (c *cueSet) isBoilerplate(t string) bool {
	if len(t) > 160 {
		return false
	}
	// The bare form b starts with the first letter or digit of t,
	// lower-cased. It can be a boilerplate line only when that letter
	// starts one, and a date line only when it is a digit or starts a
	// month or «г», «год», «года»; longer than those, it is neither.
	var bareBuf [128]byte
	var b []byte
	if first := strings.IndexFunc(t, isWordRune); first >= 0 {
		r, _ := utf8.DecodeRuneInString(t[first:])
		if l := lang.ToLower(r); c.anyLineFirst || unicode.IsDigit(l) || l == 'г' || strings.ContainsRune(c.lineFirst, l) {
			b, _ = appendBare(bareBuf[:0], t, max(c.longestBoiler, maxDateLine))
		}
	}
	for _, p := range c.boiler {
		if string(b) == p {
			return true
		}
	}
	// The prefixes are compared with the lower-cased first runes of t,
	// enough of them to hold the longest (see heading).
	trimmed := strings.TrimSpace(t)
	var buf [128]byte
	head := lang.AppendLower(buf[:0], prefixRunes(trimmed, c.longestBoilerPrefix))
	for _, p := range c.boilerPrefix {
		if len(head) >= len(p) && string(head[:len(p)]) == p {
			return true
		}
	}
	if len(t) <= 100 && !endsSentence(t) || !strings.Contains(t, " ") {
		lower := strings.ToLower(trimmed)
		for _, p := range c.boilerWord {
			if strings.Contains(lower, p) {
				return true
			}
		}
		if strings.Contains(lower, "@") {
			for _, w := range strings.Fields(lower) {
				if isEmail(w) {
					return true
				}
			}
		}
	}
	return c.isDateLine(b)
}

// maxDateLine is the longest bare paragraph, in bytes, taken for a date
// line.
const maxDateLine = 60

// isDateLine reports whether the bare paragraph b is only a date, maybe
// with a time and a place: "16 May 2022", "May 16, 2022", «16 мая 2022
// года», "16.05.2022 14:30".
func (c *cueSet) isDateLine(b []byte) bool {
	if len(b) == 0 || len(b) > maxDateLine {
		return false
	}
	digits, month, other := 0, false, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if isDateSeparator(r) {
			i += n
			continue
		}
		j := i + n
		allDigits := unicode.IsDigit(r)
		for j < len(b) {
			r, n := utf8.DecodeRune(b[j:])
			if isDateSeparator(r) {
				break
			}
			allDigits = allDigits && unicode.IsDigit(r)
			j += n
		}
		w := b[i:j]
		i = j
		switch {
		case allDigits:
			digits++
		case c.month.has(string(w)) && len(w) >= 3:
			month = true
		case string(w) == "года" || string(w) == "г" || string(w) == "год":
		default:
			other++
		}
	}
	return other == 0 && (digits >= 3 || month && digits >= 1)
}

// isDateSeparator reports whether r separates the words of a date line.
func isDateSeparator(r rune) bool {
	return isSpace(r) || r == ',' || r == '.' || r == ':' || r == '/' || r == '-'
}

// Role is what a sentence is in the structure: the kind of its block and
// its section (-1 for none).
type Role struct {
	Kind    Kind
	Section int
}

// BlockAt returns the index of the block holding byte offset off, or of the
// nearest block before it; 0 when off is before every block, -1 when
// there are no blocks.
func (s *Structure) BlockAt(off int) int {
	if len(s.Blocks) == 0 {
		return -1
	}
	i := sort.Search(len(s.Blocks), func(i int) bool { return s.Blocks[i].Start > off }) - 1
	if i < 0 {
		i = 0
	}
	return i
}

// Assign returns the role of every sentence: that of the block holding
// the sentence's first byte. A sentence that spans several blocks (a
// presplit line, say) takes the role of its first. Every sentence gets a
// role; with no blocks at all every sentence is Lead.
func (s *Structure) Assign(sents []lang.Sentence) []Role {
	out := make([]Role, len(sents))
	for i, se := range sents {
		b := s.BlockAt(se.Start)
		if b < 0 {
			out[i] = Role{Kind: Lead, Section: -1}
			continue
		}
		out[i] = Role{Kind: s.Blocks[b].Kind, Section: s.Blocks[b].Section}
	}
	return out
}

// WriteTo writes what was recognised, for a person: the sections with
// their speakers, then every paragraph with its line number, kind,
// section number (1-based) and beginning.
func (s *Structure) WriteTo(w io.Writer) (int64, error) {
	// Line numbers of the blocks, counted in one pass.
	lines := make([]int, len(s.Blocks))
	line, pos := 1, 0
	for i, b := range s.Blocks {
		line += strings.Count(s.Text[pos:b.Start], "\n")
		pos = b.Start
		lines[i] = line
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "sections: %d\n", len(s.Sections))
	for k, sec := range s.Sections {
		name := sec.Speaker.Name
		if name == "" {
			name = "(speaker unknown)"
		}
		fmt.Fprintf(&sb, "#%d %s line %d: %s", k+1, sec.Opening, lines[sec.First], name)
		if t := s.Title(k); t != "" && sec.Opening == Headed {
			fmt.Fprintf(&sb, " | %s", clip(t, 80))
		}
		sb.WriteByte('\n')
	}
	sb.WriteString("paragraphs:\n")
	for i, b := range s.Blocks {
		sec := "-"
		if b.Section >= 0 {
			sec = fmt.Sprintf("#%d", b.Section+1)
		}
		fmt.Fprintf(&sb, "%5d %-11s %-4s %s\n", lines[i], b.Kind, sec, clip(s.Text[b.Start:b.End], 60))
	}
	n, err := io.WriteString(w, sb.String())
	return int64(n), err
}

// clip returns the first n characters of the one-line form of t, with
// "..." when it was cut.
func clip(t string, n int) string {
	t = strings.Join(strings.Fields(t), " ")
	if utf8.RuneCountInString(t) <= n {
		return t
	}
	i := 0
	for k := range t {
		if n == 0 {
			i = k
			break
		}
		n--
	}
	return t[:i] + "..."
}

// Candidates returns the sections of s as candidates for Pair, under the
// document name doc. A section's text is that of its Speech blocks
// (headings and boilerplate left out), separated by blank lines. The
// file name doc is also the speaker hint of every candidate.
func (s *Structure) Candidates(doc string) []Candidate {
	return s.CandidatesWith(doc, s.speechText)
}

// CandidatesWith is Candidates with the text of section k given by
// text(k), for a caller that compares other text than the Speech blocks
// (the sentences it will align, say).
func (s *Structure) CandidatesWith(doc string, text func(section int) string) []Candidate {
	out := make([]Candidate, len(s.Sections))
	for k, sec := range s.Sections {
		out[k] = Candidate{Doc: doc, Section: k, Sections: len(s.Sections), Speaker: sec.Speaker, Hint: doc, Text: text(k)}
	}
	return out
}

// speechText returns the Speech blocks of section k separated by blank
// lines.
func (s *Structure) speechText(k int) string {
	sec := s.Sections[k]
	speech := func(b int) bool { return s.Blocks[b].Kind == Speech && s.Blocks[b].Section == k }
	n := 0
	for b := sec.First; b < sec.End; b++ {
		if speech(b) {
			n += len("\n\n") + s.Blocks[b].End - s.Blocks[b].Start
		}
	}
	var text strings.Builder
	text.Grow(n)
	for b := sec.First; b < sec.End; b++ {
		if speech(b) {
			if text.Len() > 0 {
				text.WriteString("\n\n")
			}
			text.WriteString(s.Text[s.Blocks[b].Start:s.Blocks[b].End])
		}
	}
	return text.String()
}

// personal reports whether t has a word of the first or second person
// ("I", "we", "you", «я», «мы», «вы»).
func (c *cueSet) personal(t string) bool {
	for _, tk := range tokenize(t) {
		if c.person.hasLower(tk.text) {
			return true
		}
	}
	return false
}

// isEmail reports whether w looks like an e-mail address: "name@host.tld".
func isEmail(w string) bool {
	at := strings.IndexByte(w, '@')
	return at > 0 && strings.Contains(w[at+1:], ".") && !strings.ContainsAny(w, "/:")
}

// SplitBoilerplate returns sents with every sentence that starts in a
// boilerplate block and runs over several lines cut at its line breaks:
// a press service line, an e-mail line, a date and "Go back" written one
// under the other stay one paragraph for a splitter, but each is a
// segment of its own. Other sentences are returned as they are, and
// sents itself when there is nothing to cut. The cut
// keeps the invariant of lang.Split: every byte that is not white space
// is in exactly one sentence, in text order.
func (s *Structure) SplitBoilerplate(sents []lang.Sentence) []lang.Sentence {
	var out []lang.Sentence // made at the first cut; until then, sents[:i] is the result
	for i, se := range sents {
		b := s.BlockAt(se.Start)
		if b < 0 || s.Blocks[b].Kind != Boilerplate || !strings.Contains(s.Text[se.Start:se.End], "\n") {
			if out != nil {
				out = append(out, se)
			}
			continue
		}
		if out == nil {
			out = append(make([]lang.Sentence, 0, len(sents)+8), sents[:i]...)
		}
		start := se.Start
		for start < se.End {
			end := se.End
			if nl := strings.IndexByte(s.Text[start:se.End], '\n'); nl >= 0 {
				end = start + nl
			}
			line := strings.TrimSpace(s.Text[start:end])
			if line != "" {
				off := start + strings.Index(s.Text[start:end], line)
				out = append(out, lang.Sentence{Start: off, End: off + len(line), Para: se.Para})
			}
			start = end + 1
		}
	}
	if out == nil {
		return sents
	}
	return out
}
