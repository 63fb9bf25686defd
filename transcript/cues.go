package transcript

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/align-tools/align/lang"
)

//go:embed tables/cues.tsv
var cuesTSV string

// wordSet matches lower-case words exactly or, for entries that ended in
// "*" in the table, by prefix.
type wordSet struct {
	exact  map[string]bool
	prefix []string
}

func (w *wordSet) add(p string) {
	if strings.HasSuffix(p, "*") {
		w.prefix = append(w.prefix, strings.TrimSuffix(p, "*"))
		return
	}
	if w.exact == nil {
		w.exact = map[string]bool{}
	}
	w.exact[p] = true
}

// has reports whether the lower-case word w is in the set.
func (w *wordSet) has(word string) bool {
	if w.exact[word] {
		return true
	}
	for _, p := range w.prefix {
		if strings.HasPrefix(word, p) {
			return true
		}
	}
	return false
}

// hasLower reports whether word, lower-cased, is in the set; it
// lower-cases on the stack.
func (w *wordSet) hasLower(word string) bool {
	var buf [64]byte
	l := lang.AppendLower(buf[:0], word)
	if w.exact[string(l)] {
		return true
	}
	for _, p := range w.prefix {
		if len(l) >= len(p) && string(l[:len(p)]) == p {
			return true
		}
	}
	return false
}

// cueSet holds the cues of one language.
type cueSet struct {
	headings, closing, boiler, boilerPrefix, boilerWord []string
	title, verb, role, month, person                    wordSet
	// The longest closing and boilerplate phrases, in bytes: a bare
	// paragraph longer than them is neither.
	longestClosing, longestBoiler int
	closingFirst                  string // the first letters of the closing phrases
	// lineFirst holds the first letters of the boilerplate phrases and
	// the months; anyLineFirst is set when a month matches any word.
	lineFirst    string
	anyLineFirst bool
	// The longest heading and boilerplate prefix, in bytes.
	longestHeading, longestBoilerPrefix int
}

// addLineFirst adds the first letter of a boilerplate phrase or month
// to lineFirst.
func (c *cueSet) addLineFirst(phrase string) {
	if phrase == "" {
		c.anyLineFirst = true
		return
	}
	if r, _ := utf8.DecodeRuneInString(phrase); !strings.ContainsRune(c.lineFirst, r) {
		c.lineFirst += string(r)
	}
}

// cueKinds are the kinds of the cue table, in the order of its comment.
var cueKinds = []string{"heading", "closing", "boilerplate", "boilerprefix", "boilerword", "title", "verb", "role", "month", "person"}

func (c *cueSet) add(kind, phrase string) {
	switch kind {
	case "heading":
		c.headings = append(c.headings, phrase)
		c.longestHeading = max(c.longestHeading, len(phrase))
	case "closing":
		c.closing = append(c.closing, phrase)
		if r, _ := utf8.DecodeRuneInString(phrase); !strings.ContainsRune(c.closingFirst, r) {
			c.closingFirst += string(r)
		}
		c.longestClosing = max(c.longestClosing, len(phrase))
	case "boilerplate":
		c.boiler = append(c.boiler, phrase)
		c.longestBoiler = max(c.longestBoiler, len(phrase))
		c.addLineFirst(phrase)
	case "boilerprefix":
		c.boilerPrefix = append(c.boilerPrefix, phrase)
		c.longestBoilerPrefix = max(c.longestBoilerPrefix, len(phrase))
	case "boilerword":
		c.boilerWord = append(c.boilerWord, phrase)
	case "title":
		c.title.add(phrase)
	case "verb":
		c.verb.add(phrase)
	case "role":
		c.role.add(phrase)
	case "month":
		c.month.add(phrase)
		c.addLineFirst(strings.TrimSuffix(phrase, "*"))
	case "person":
		c.person.add(phrase)
	}
}

// parseCues parses the cue table into one set per language ("ru", "en")
// and "" for a set holding every language's cues.
func parseCues(table string) (map[string]*cueSet, error) {
	sets := map[string]*cueSet{"ru": {}, "en": {}, "": {}}
	sc := bufio.NewScanner(strings.NewReader(table))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("transcript: tables/cues.tsv:%d: want 3 tab-separated columns, got %d", n, len(f))
		}
		kind, lng, phrase := f[0], f[1], f[2]
		known := false
		for _, k := range cueKinds {
			known = known || k == kind
		}
		if !known {
			return nil, fmt.Errorf("transcript: tables/cues.tsv:%d: unknown kind %q; use one of %s", n, kind, strings.Join(cueKinds, ", "))
		}
		if phrase == "" || phrase != strings.ToLower(phrase) {
			return nil, fmt.Errorf("transcript: tables/cues.tsv:%d: phrase %q must be non-empty lower case", n, phrase)
		}
		switch lng {
		case "ru", "en":
			sets[lng].add(kind, phrase)
		case "*":
			sets["ru"].add(kind, phrase)
			sets["en"].add(kind, phrase)
		default:
			return nil, fmt.Errorf("transcript: tables/cues.tsv:%d: unknown language %q; use ru, en or *", n, lng)
		}
		sets[""].add(kind, phrase)
	}
	return sets, sc.Err()
}

var loadCues = sync.OnceValue(func() map[string]*cueSet {
	m, err := parseCues(cuesTSV)
	if err != nil {
		panic(err) // the embedded table is checked by TestCueTable
	}
	return m
})

// cuesFor returns the cues of the language of tag; languages without a
// table of their own, and language.Und, get the cues of every language.
func cuesFor(tag language.Tag) *cueSet {
	m := loadCues()
	if base, conf := tag.Base(); conf == language.Exact {
		if c, ok := m[base.String()]; ok {
			return c
		}
	}
	return m[""]
}
