package xliff

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
)

const xliffNS = "urn:oasis:names:tc:xliff:document:1.2"

// Limits bound what Read accepts. The zero value gives the defaults.
type Limits struct {
	MaxBytes int64 // the size of the file; 256 MiB when zero
	MaxUnits int   // the number of trans-units; 1,000,000 when zero
	MaxDepth int   // the nesting of elements; 64 when zero
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = 256 << 20
	}
	if l.MaxUnits <= 0 {
		l.MaxUnits = 1_000_000
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = 64
	}
	return l
}

// Entry is one trans-unit read back: the unit as the file holds it now
// (the target text as the reviewer left it) and the target's state.
type Entry struct {
	corpora.Unit
	State string
}

// Rejected reports whether a reviewer rejected the unit.
func (e *Entry) Rejected() bool { return e.State == StateRejected }

// File is what Read returns: the languages and the entries in order.
type File struct {
	Src, Tgt language.Tag
	Entries  []Entry
}

// ErrTooLarge is wrapped by the errors of inputs beyond the Limits.
var ErrTooLarge = errors.New("input too large")

// Read reads an XLIFF 1.2 document. Text inside <source> and <target> is
// taken with the text of any inline elements (g, mrk, ph ...) it holds;
// <alt-trans>, <seg-source> and other elements are skipped. Units without
// align's attributes are read with their id as bead number and no
// sentence numbers.
func Read(r io.Reader, lim Limits) (*File, error) {
	lim = lim.withDefaults()
	lr := &limitReader{r: r, n: lim.MaxBytes}
	d := xml.NewDecoder(lr)
	d.Strict = true
	d.Entity = nil // only the five predefined entities are known
	f := &File{}
	var (
		stack []string // local names of open elements
		doc   string
		cur   *Entry
		text  *strings.Builder // where character data goes, if anywhere
		note  *corpora.Note
		state string
		sb    strings.Builder
		seen  int
	)
	errf := func(format string, args ...any) error {
		line, col := d.InputPos()
		return fmt.Errorf("xliff: line %d, column %d: %s", line, col, fmt.Sprintf(format, args...))
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if lr.over {
				return nil, fmt.Errorf("xliff: %w: the file is over %d bytes", ErrTooLarge, lim.MaxBytes)
			}
			return nil, fmt.Errorf("xliff: %v; is this an XLIFF 1.2 file?", err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			return nil, errf("DOCTYPE and other declarations are not accepted in XLIFF; remove them")
		case xml.StartElement:
			if len(stack) >= lim.MaxDepth {
				return nil, fmt.Errorf("xliff: %w: elements nested over %d deep", ErrTooLarge, lim.MaxDepth)
			}
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			name := t.Name.Local
			if t.Name.Space != xliffNS && t.Name.Space != "" {
				name = "{" + t.Name.Space + "}" + name
			}
			stack = append(stack, name)
			switch {
			case len(stack) == 1 && name != "xliff":
				return nil, errf("the root element is <%s>, not <xliff>; give an XLIFF 1.2 file", t.Name.Local)
			case name == "file" && parent == "xliff":
				doc = attrOf(t, "", "original")
				if f.Src == (language.Tag{}) {
					f.Src, err = tagAttr(t, "source-language")
					if err != nil {
						return nil, errf("%v", err)
					}
					f.Tgt, err = tagAttr(t, "target-language")
					if err != nil {
						return nil, errf("%v", err)
					}
				}
			case name == "trans-unit" && parent == "body":
				if seen++; seen > lim.MaxUnits {
					return nil, fmt.Errorf("xliff: %w: more than %d trans-units", ErrTooLarge, lim.MaxUnits)
				}
				cur, err = newEntry(t, doc)
				if err != nil {
					return nil, errf("%v", err)
				}
				state = ""
			case cur != nil && parent == "trans-unit" && (name == "source" || name == "target" || name == "note"):
				sb.Reset()
				text = &sb
				if name == "target" {
					state = attrOf(t, "", "state")
				}
				if name == "note" {
					note, err = newNote(t)
					if err != nil {
						return nil, errf("%v", err)
					}
				}
			}
		case xml.EndElement:
			name := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			switch {
			case cur != nil && parent == "trans-unit" && name == "source":
				cur.SrcText, text = sb.String(), nil
			case cur != nil && parent == "trans-unit" && name == "target":
				cur.TgtText, text = sb.String(), nil
			case cur != nil && parent == "trans-unit" && name == "note":
				if note != nil {
					note.Message = noteMessage(sb.String(), note)
					cur.Notes = append(cur.Notes, *note)
				}
				note, text = nil, nil
			case name == "trans-unit" && cur != nil:
				cur.State = state
				f.Entries = append(f.Entries, *cur)
				cur = nil
			}
		case xml.CharData:
			if text != nil {
				text.Write(t)
			}
		}
	}
	if len(stack) > 0 {
		return nil, errf("the file ends inside <%s>", stack[len(stack)-1])
	}
	if f.Src == (language.Tag{}) && len(f.Entries) > 0 {
		return nil, fmt.Errorf("xliff: no <file> with source-language; give an XLIFF 1.2 file")
	}
	return f, nil
}

func attrOf(t xml.StartElement, space, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local && (a.Name.Space == space || space == "" && a.Name.Space == xliffNS) {
			return a.Value
		}
	}
	return ""
}

func tagAttr(t xml.StartElement, name string) (language.Tag, error) {
	v := attrOf(t, "", name)
	if v == "" {
		return language.Tag{}, fmt.Errorf("<file> has no %s", name)
	}
	tag, err := language.Parse(v)
	if err != nil {
		return language.Tag{}, fmt.Errorf("%s %q is not a language tag", name, v)
	}
	return tag, nil
}

func newEntry(t xml.StartElement, doc string) (*Entry, error) {
	e := &Entry{Unit: corpora.Unit{Doc: doc}}
	id := attrOf(t, "", "id")
	n, err := strconv.Atoi(id)
	if err != nil || n < 1 {
		return nil, fmt.Errorf("trans-unit id %q is not a bead number; was the file written by align?", id)
	}
	e.Bead = n
	if e.Src, err = corpora.ParseIDs(attrOf(t, Namespace, "src")); err != nil {
		return nil, fmt.Errorf("trans-unit %s: al:src: %v", id, err)
	}
	if e.Tgt, err = corpora.ParseIDs(attrOf(t, Namespace, "tgt")); err != nil {
		return nil, fmt.Errorf("trans-unit %s: al:tgt: %v", id, err)
	}
	if s := attrOf(t, Namespace, "score"); s != "" {
		if e.Score, err = strconv.ParseFloat(s, 64); err != nil || e.Score < 0 || e.Score > 1 {
			return nil, fmt.Errorf("trans-unit %s: al:score %q is not a score from 0 to 1", id, s)
		}
	}
	e.Speech = attrOf(t, Namespace, "speech")
	e.Speaker = attrOf(t, Namespace, "speaker")
	return e, nil
}

// newNote returns the note of a <note> element, or nil for notes align
// did not write (a reviewer's comments are not findings).
func newNote(t xml.StartElement) (*corpora.Note, error) {
	code := attrOf(t, Namespace, "code")
	if code == "" {
		return nil, nil
	}
	n := &corpora.Note{
		Code: code, Severity: attrOf(t, Namespace, "severity"),
		Side: attrOf(t, Namespace, "side"), Suggestion: attrOf(t, Namespace, "suggestion"),
	}
	if n.Side != "" {
		var err1, err2 error
		n.Start, err1 = strconv.Atoi(attrOf(t, Namespace, "start"))
		n.End, err2 = strconv.Atoi(attrOf(t, Namespace, "end"))
		if err1 != nil || err2 != nil || n.Start < 0 || n.End < n.Start {
			return nil, fmt.Errorf("note %s: al:start and al:end must be offsets with start <= end", code)
		}
	}
	return n, nil
}

// noteMessage strips the "severity code: " prefix the writer puts before
// a finding's message.
func noteMessage(s string, n *corpora.Note) string {
	return strings.TrimPrefix(s, n.Severity+" "+n.Code+": ")
}

// limitReader reads at most n bytes and remembers whether r had more.
type limitReader struct {
	r    io.Reader
	n    int64
	over bool
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		var one [1]byte
		if k, _ := l.r.Read(one[:]); k > 0 {
			l.over = true
			return 0, ErrTooLarge
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	return k, err
}
