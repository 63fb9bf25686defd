package names

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"iter"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/align-tools/align/lang"
)

// Options configure an Index. The zero value is the default: the
// Wikipedia house scheme, the built-in allow list, Russian and English.
type Options struct {
	Scheme   lang.Scheme  // the house scheme
	Official []string     // more official spellings, one full name each ("Kassym-Jomart Tokayev"); they win over the built-in ones
	Src, Tgt language.Tag // the languages of AddPair's sides and of AddEnglish; zero: Russian and English
}

// Place is where a spelling occurs.
type Place struct {
	File string `json:"file"`
	Line int    `json:"line"` // 1-based; 0 when the caller gave no line function
	// Seq is the 0-based number of the Add call that gave the text, and
	// Start, End the byte span of the word in that text.
	Seq        int `json:"-"`
	Start, End int `json:"-"`
}

// String returns "file:line", or the file alone when the line is not
// known.
func (p Place) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// word is one name word of an English text as Read finds it, before it
// is added to the index.
type word struct {
	spelling    string
	role        lang.NameRole
	line        int    // 0 when not known
	start, end  int    // the byte span of the word in the text
	left, right string // keys of the name words next to it, "" when none
	russian     string // the Russian word it renders in a bead, "" when unknown
}

// occurrence is one name word of an index, kept in 36 bytes: its
// strings are ids in the index's table (0 is ""), its numbers int32,
// and its file is that of its text (Index.files).
type occurrence struct {
	spelling, left, right, russian int32
	line, seq, start, end          int32
	role                           lang.NameRole
	paired                         bool // the text came with a Russian side
}

// fileRun says that the texts from seq on, up to the next run, come
// from one file.
type fileRun struct{ seq, file int32 }

// Index collects the name words of a corpus. It holds at most
// math.MaxInt32 texts of at most math.MaxInt32 bytes and lines each.
type Index struct {
	scheme   lang.Scheme
	src, tgt language.Tag
	official map[string][]official // by key
	occ      occurrences
	strs     strtab
	files    []fileRun // in the order of seq
	// canon gives, by string id, the id of the spelling that a spelling
	// is written as (0: not yet seen as a spelling), and lower the
	// spelling first seen of each lower-case form: spellings that differ
	// in letter case only are one.
	canon []int32
	lower map[string]int32
	texts int
}

// strtab keeps one copy of each string of the occurrences, numbered in
// the order first seen; 0 is "".
type strtab struct {
	ids  map[string]int32
	list []string
}

// id returns the number of s, adding a copy of s when it is new.
func (t *strtab) id(s string) int32 {
	if s == "" {
		return 0
	}
	if id, ok := t.ids[s]; ok {
		return id
	}
	if t.ids == nil {
		t.ids, t.list = map[string]int32{}, []string{""}
	}
	s = strings.Clone(s) // the index must not keep the texts alive
	id := narrow(len(t.list))
	t.ids[s] = id
	t.list = append(t.list, s)
	return id
}

// str returns the string numbered id.
func (t *strtab) str(id int32) string {
	if id == 0 {
		return ""
	}
	return t.list[id]
}

// narrow returns n as an int32; n beyond it breaks the bounds an Index
// states.
func narrow(n int) int32 {
	if n > math.MaxInt32 || n < math.MinInt32 {
		panic(fmt.Sprintf("names: %d does not fit the index (at most %d texts, bytes or lines)", n, math.MaxInt32))
	}
	return int32(n)
}

// occurrences is a list of occurrences kept in blocks of a fixed size,
// so that the room allocated and not used is at most about one block
// and growing copies no more than the first block.
type occurrences struct {
	blocks [][]occurrence
	n      int
}

const blockSize = 4096 // occurrences per block: 144 KiB

func (l *occurrences) len() int { return l.n }

func (l *occurrences) at(i int) *occurrence { return &l.blocks[i/blockSize][i%blockSize] }

func (l *occurrences) append(o occurrence) {
	if l.n%blockSize == 0 {
		var b []occurrence // the first block grows as it fills: a small index stays small
		if l.n > 0 {
			b = make([]occurrence, 0, blockSize)
		}
		l.blocks = append(l.blocks, b)
	}
	b := &l.blocks[len(l.blocks)-1]
	*b = append(*b, o)
	l.n++
}

// all yields each occurrence, in order, with its number.
func (l *occurrences) all() iter.Seq2[int, *occurrence] {
	return func(yield func(int, *occurrence) bool) {
		i := 0
		for _, b := range l.blocks {
			for j := range b {
				if !yield(i, &b[j]) {
					return
				}
				i++
			}
		}
	}
}

// place returns where o occurs.
func (x *Index) place(o *occurrence) Place {
	run := sort.Search(len(x.files), func(i int) bool { return x.files[i].seq > o.seq }) - 1
	return Place{File: x.strs.str(x.files[run].file), Line: int(o.line), Seq: int(o.seq), Start: int(o.start), End: int(o.end)}
}

// official is one word of an allow-list entry.
type official struct {
	spelling, full string
	user           bool
	// surname is the key of the entry's last word when this word is not
	// it: a given name is official only next to its surname (Alexander
	// for Alexander Lukashenko, not for every Alexander).
	surname string
}

//go:embed official.txt
var builtinOfficial string

// NewIndex returns an empty index.
func NewIndex(opts Options) *Index {
	x := &Index{scheme: opts.Scheme, src: opts.Src, tgt: opts.Tgt, official: map[string][]official{}, lower: map[string]int32{}}
	if x.src == (language.Tag{}) {
		x.src = language.Russian
	}
	if x.tgt == (language.Tag{}) {
		x.tgt = language.English
	}
	for _, line := range strings.Split(builtinOfficial, "\n") {
		x.addOfficial(line, false)
	}
	for _, line := range opts.Official {
		x.addOfficial(line, true)
	}
	return x
}

func (x *Index) addOfficial(line string, user bool) {
	line = strings.TrimSpace(line)
	if line == "" || strings.HasPrefix(line, "#") {
		return
	}
	words := strings.Fields(line)
	last := key(words[len(words)-1])
	for i, w := range words {
		k := key(w)
		if k == "" {
			continue
		}
		o := official{spelling: w, full: line, user: user}
		if i < len(words)-1 {
			o.surname = last
		}
		x.official[k] = append(x.official[k], o)
	}
}

// ReadOfficial reads an allow list: one official full name a line, blank
// lines and lines starting with # skipped. name is used in errors.
func ReadOfficial(r io.Reader, name string) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("names: %s:%d: invalid UTF-8; save the list as UTF-8", name, n)
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("names: %s: %w", name, err)
	}
	return out, nil
}

// AddEnglish adds the name words of an English text. doc names the
// text in places; lineOf gives the line of a byte offset of text (nil:
// no lines). Every English text goes in once: through AddEnglish or as
// the English side of AddPair.
func (x *Index) AddEnglish(doc, text string, lineOf func(off int) int) {
	x.add(doc, "", text, lineOf)
}

// AddPair adds an aligned bead: ru, the Russian side, and en, its
// English translation. Each English name word is linked to the Russian
// name word of the bead it most likely renders. doc and lineOf are as
// for AddEnglish, for the English side.
func (x *Index) AddPair(doc, ru, en string, lineOf func(off int) int) {
	x.add(doc, ru, en, lineOf)
}

// maxLinked bounds the Russian name words of one text that add links to
// English ones.
const maxLinked = 256

func (x *Index) add(doc, ru, en string, lineOf func(off int) int) {
	x.AddFound(x.Read(doc, ru, en, lineOf))
}

// Found holds the name words of one text, read by Index.Read and not
// yet added to the index.
type Found struct {
	doc    string
	paired bool   // the text came with a Russian side
	words  []word // spellings not yet made canonical
}

// Read finds the name words of an aligned bead (ru, its Russian side,
// and en, its English; ru is "" for an English text alone) as AddPair
// and AddEnglish do, without adding them: AddFound adds them. Read only
// reads the settings of the index, so several goroutines may call it
// at once (and lineOf with them); AddFound must then be called in the
// order of the texts, which makes the index the same as AddPair called
// text by text.
func (x *Index) Read(doc, ru, en string, lineOf func(off int) int) Found {
	names := lang.Names(x.tgt, en)
	var ruNames []ruName
	if ru != "" {
		// Every capitalised Russian word may be linked, sentence starts
		// included: the link itself asks for a near key.
		caps := capitalised(ru)
		if len(caps) > maxLinked {
			// More name words than a sentence holds (a page read as one
			// segment): linking word to word would cost the product of
			// the two counts, so the English is read as if alone.
			caps, ru = nil, ""
		}
		for _, n := range caps {
			w := ru[n.Start:n.End]
			ruNames = append(ruNames, ruName{word: w, key: lang.Key(w)})
		}
		// An English word at a sentence start is a name when it renders a
		// Russian word of the bead closely ("Putin said" for «Путин
		// заявил»).
		// A capitalised word inside a name already found ("Connor" of
		// "O'Connor") is not another name: spans must not overlap.
		found := names
		known := func(w lang.Name) bool {
			// found is in text order and its spans do not overlap: the
			// first that ends after w starts is the only candidate. (The
			// words added below are capitalised words, which never
			// overlap one another.)
			k := sort.Search(len(found), func(i int) bool { return found[i].End > w.Start })
			return k < len(found) && found[k].Start < w.End
		}
		added := false
		for _, n := range capitalised(en) {
			if known(n) {
				continue
			}
			n.Role = roleOf(en[n.Start:n.End])
			if _, sim := link(key(en[n.Start:n.End]), n.Role, ruNames); sim >= 0.8 {
				names = append(names, n)
				added = true
			}
		}
		if added {
			sort.Slice(names, func(i, j int) bool { return names[i].Start < names[j].Start })
		}
	}
	f := Found{doc: doc, paired: ru != ""}
	for i, n := range names {
		w := en[n.Start:n.End]
		if n.Role == lang.Initial || utf8.RuneCountInString(w) < minLetters {
			continue
		}
		// The words kept are copies: a Found must not keep the texts
		// alive.
		sp := display(w)
		if sp == w {
			sp = strings.Clone(w)
		}
		o := word{spelling: sp, role: n.Role, start: n.Start, end: n.End}
		if lineOf != nil {
			o.line = lineOf(n.Start)
		}
		if i > 0 && adjacent(en, names[i-1], n) {
			o.left = key(en[names[i-1].Start:names[i-1].End])
		}
		if i+1 < len(names) && adjacent(en, n, names[i+1]) {
			o.right = key(en[names[i+1].Start:names[i+1].End])
		}
		if r, _ := link(key(w), n.Role, ruNames); r != "" {
			o.russian = strings.Clone(r)
		}
		f.words = append(f.words, o)
	}
	return f
}

// AddFound adds the name words Read found in texts, in order, each as
// the next text of the index.
func (x *Index) AddFound(fs ...Found) {
	for _, f := range fs {
		seq := narrow(x.texts)
		x.texts++
		if n := len(x.files); n == 0 || x.strs.str(x.files[n-1].file) != f.doc {
			x.files = append(x.files, fileRun{seq: seq, file: x.strs.id(f.doc)})
		}
		for _, w := range f.words {
			x.occ.append(occurrence{
				spelling: x.canonical(w.spelling),
				left:     x.strs.id(w.left),
				right:    x.strs.id(w.right),
				russian:  x.strs.id(w.russian),
				line:     narrow(w.line),
				seq:      seq,
				start:    narrow(w.start),
				end:      narrow(w.end),
				role:     w.role,
				paired:   f.paired,
			})
		}
	}
}

// canonical returns the id of the form first seen of spelling s:
// spellings that differ in letter case only are one.
func (x *Index) canonical(s string) int32 {
	id := x.strs.id(s)
	for len(x.canon) <= int(id) {
		x.canon = append(x.canon, 0)
	}
	if x.canon[id] == 0 {
		l := strings.ToLower(s)
		c, ok := x.lower[l]
		if !ok {
			c = id
			x.lower[l] = c
		}
		x.canon[id] = c
	}
	return x.canon[id]
}

// minLetters is the length of the shortest name word indexed: shorter
// words (Yo, Ye, Li) meet too many others under the folding keys.
const minLetters = 3

// adjacent reports whether only spaces and brackets separate a and b.
func adjacent(text string, a, b lang.Name) bool {
	if a.Role == lang.Initial || b.Role == lang.Initial {
		return false
	}
	return strings.Trim(text[a.End:b.Start], " []()") == ""
}

// display gives a word as a spelling: a word in capitals is written with
// a capital letter only (PASHINYAN is the spelling Pashinyan).
func display(w string) string {
	if strings.ToUpper(w) != w || strings.ToLower(w) == w {
		return w
	}
	var b strings.Builder
	start := true
	for _, r := range w {
		if start {
			b.WriteRune(r)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = !unicode.IsLetter(r)
	}
	return b.String()
}

type ruName struct {
	word string
	key  string // match key of the word
	// role is the role of the word and stem the match key of its stem,
	// computed by link when first needed (roled and stemmed set then).
	role    lang.NameRole
	roled   bool
	stem    string
	stemmed bool
}

// link returns the Russian word of the bead that an English name word
// with key k renders, and the similarity of their keys: the word of the
// same role with the nearest key, when at least 0.6 near and starting
// with the same letter; "" otherwise. It fills in the roles and stems
// of ru it needs, so ru belongs to one goroutine.
func link(k string, role lang.NameRole, ru []ruName) (string, float64) {
	best, bestSim := "", 0.0
	for i := range ru {
		r := &ru[i]
		if k == "" || r.key == "" || k[0] != r.key[0] {
			continue
		}
		if !r.roled {
			r.role, r.roled = roleOf(r.word), true
		}
		if r.role != role {
			continue
		}
		if !r.stemmed {
			r.stem, r.stemmed = lang.Key(lang.NameStem(r.word)), true
		}
		// The edit distance is at least the difference of the lengths:
		// a word that cannot reach the best similarity so far, nor 0.6,
		// is passed without computing it.
		if max(similarityBound(k, r.key), similarityBound(k, r.stem)) < max(0.6, bestSim) {
			continue
		}
		sim := max(similarity(k, r.key), similarity(k, r.stem))
		if sim >= 0.6 && (sim > bestSim || sim == bestSim && r.word < best) {
			best, bestSim = r.word, sim
		}
	}
	return best, bestSim
}

// capitalised returns every word of text that starts with a capital
// letter and is not in capitals throughout, wherever it stands: the
// name words a link may point at. Their roles are left to roleOf.
func capitalised(text string) []lang.Name {
	var out []lang.Name
	i := 0
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && !isASCIILetter(c) {
			i++ // a space or punctuation, most of what is not a letter
			continue
		}
		r, n := decodeRune(text, i)
		if !lang.IsLetter(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf && isASCIILetter(c) {
				j++
				continue
			}
			r2, n2 := decodeRune(text, j)
			if lang.IsLetter(r2) {
				j += n2
				continue
			}
			if r2 == '-' {
				if r3, _ := utf8.DecodeRuneInString(text[j+n2:]); unicode.IsLetter(r3) {
					j += n2
					continue
				}
			}
			break
		}
		if lang.IsUpper(r) && lang.HasLower(text[i:j]) {
			out = append(out, lang.Name{Start: i, End: j})
		}
		i = j
	}
	return out
}

// roleOf is the role of a capitalised word w: a patronymic, or a given
// name or surname.
func roleOf(w string) lang.NameRole {
	if lang.IsPatronymic(w) {
		return lang.Patronymic
	}
	return lang.GivenOrSurname
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// decodeRune is utf8.DecodeRuneInString(s[i:]), inlined for ASCII.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// similarity is 1 minus the edit distance of a and b over the length of
// the longer.
func similarity(a, b string) float64 {
	n := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	if n == 0 {
		return 1
	}
	return 1 - float64(lang.Distance(a, b))/float64(n)
}

// similarityBound is an upper bound of similarity(a, b): one minus the
// difference of their lengths over the longer.
func similarityBound(a, b string) float64 {
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	n := max(la, lb)
	if n == 0 {
		return 1
	}
	return 1 - float64(max(la-lb, lb-la))/float64(n)
}

// derived lists name endings that make another name or a derived form
// rather than a spelling variant: the feminine -a, the English plural,
// patronymics and surnames made from a given name.
var (
	derivedEndings  = []string{"a", "s", "es", "ns", "y", "i", "o", "n", "an", "ans", "ian", "ese", "ern", "ish", "ic"}
	derivedPrefixes = []string{"ov", "ev", "in", "ich", "vich", "vna", "sk", "enk"}
)

// akin reports whether two different keys may be the spellings of one
// name, or one name and a different name taken for it, by their letters
// alone: one is the other with a short ending that is not a derivation
// (nikol, nikolai), or they differ in one letter (aleksander, aleksandr).
func akin(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if strings.HasPrefix(b, a) {
		extra := b[len(a):]
		if len(a) < 4 || len(extra) > 3 {
			return false
		}
		if slices.Contains(derivedEndings, extra) {
			return false
		}
		for _, d := range derivedPrefixes {
			if strings.HasPrefix(extra, d) {
				return false
			}
		}
		return true
	}
	// One letter changed, not the last: Voznesenski and Voznesenska,
	// Valeri and Valera are two people.
	return len(a) >= 5 && lang.Distance(a, b) == 1 && a[:len(a)-1] != b[:len(b)-1]
}

// suffixVariant reports whether b is a with an ending added or removed.
func suffixVariant(a, b string) bool {
	return a != b && (strings.HasPrefix(a, b) || strings.HasPrefix(b, a))
}

// Group is one name spelled in more than one way, or spelled in one way
// that differs from its official spelling.
type Group struct {
	Russian string `json:"russian,omitempty"` // the Russian name, nominative when known
	// RussianFrom says where Russian comes from: "linked" (aligned
	// beads) or "reading" (the likely reading of the spellings).
	RussianFrom string     `json:"russian_from,omitempty"`
	Role        string     `json:"role"` // name or patronymic
	Suggested   string     `json:"suggested"`
	Reason      string     `json:"reason"`
	Spellings   []Spelling `json:"spellings"` // the suggested one first (when used), then the most frequent
}

// Spelling is one way a group's name is written.
type Spelling struct {
	Text    string   `json:"spelling"`
	Count   int      `json:"count"`
	Places  []Place  `json:"places"`            // in the order added
	Schemes []string `json:"schemes,omitempty"` // the schemes that write Group.Russian so
	// Other is set when the spelling is a different name rather than a
	// variant ("Nikolay" for «Никол»): its own likely Russian reading.
	Other string `json:"different_name,omitempty"`
	// Diff shows how the spelling differs from the suggestion:
	// "Sad[-y-]{+i+}r"; equal to Text when it is the suggestion.
	Diff string `json:"diff"`
}

// Groups returns the groups of the index, in the order their first
// spelling occurs. Each spelling belongs to one group; a group holds
// at least two spellings, or one that is not its official spelling.
func (x *Index) Groups() []Group {
	// Distinct spellings in order of first occurrence. Spellings that
	// differ in letter case only were made one by add. A spelling that
	// has a Russian side and renders no Russian name in any of its beads
	// is a translated word, not a name (Red for «Красного»): left out.
	n := len(x.strs.list) // strings are numbered 0 to n-1
	paired, linked := make([]bool, n), make([]bool, n)
	for _, o := range x.occ.all() {
		if o.paired {
			paired[o.spelling] = true
			if o.russian != 0 {
				linked[o.spelling] = true
			}
		}
	}
	translated := func(o *occurrence) bool { return paired[o.spelling] && !linked[o.spelling] }
	var spellings []string
	var occs [][]int           // by spelling, its occurrences
	number := make([]int32, n) // by string id, 1 + the number of the spelling; 0 when none
	for i, o := range x.occ.all() {
		if translated(o) {
			continue
		}
		k := number[o.spelling]
		if k == 0 {
			spellings = append(spellings, x.strs.str(o.spelling))
			occs = append(occs, nil)
			k = int32(len(spellings))
			number[o.spelling] = k
		}
		occs[k-1] = append(occs[k-1], i)
	}
	occOf := make(map[string][]int, len(spellings))
	for i, s := range spellings {
		occOf[s] = occs[i]
	}
	idOf := func(o *occurrence) int { return int(number[o.spelling]) - 1 }
	role := func(i int) lang.NameRole { return x.occ.at(occs[i][0]).role }
	uf := newUnionFind(len(spellings))
	// The Russian names each spelling renders in aligned beads: spellings
	// that render different ones are different names, whatever their
	// keys (Red for «Ред», Reed for «Рид»).
	stemOf := map[int32]string{} // the Russian words' lang.NameStem, computed once each
	nameStem := func(w int32) string {
		st, ok := stemOf[w]
		if !ok {
			st = lang.NameStem(x.strs.str(w))
			stemOf[w] = st
		}
		return st
	}
	stems := make([][]string, len(spellings))
	for _, o := range x.occ.all() {
		if o.russian != 0 && !translated(o) {
			i := idOf(o)
			if st := nameStem(o.russian); !slices.Contains(stems[i], st) {
				stems[i] = append(stems[i], st)
			}
		}
	}
	compatible := func(a, b int) bool {
		if len(stems[a]) == 0 || len(stems[b]) == 0 {
			return true
		}
		for _, s := range stems[a] {
			if slices.Contains(stems[b], s) {
				return true
			}
		}
		return false
	}

	// Equal keys.
	byKey := map[string][]int{}
	for i, s := range spellings {
		k := key(s)
		for _, j := range byKey[k] {
			if compatible(i, j) {
				uf.union(i, j)
			}
		}
		byKey[k] = append(byKey[k], i)
	}
	// The same Russian name in aligned beads, when the spellings are
	// akin: the same Russian word form may be two names (Александра).
	byRussian := map[string][]int{}
	for _, o := range x.occ.all() {
		if o.russian == 0 || translated(o) {
			continue
		}
		k := o.role.String() + ":" + nameStem(o.russian)
		if i := idOf(o); !slices.Contains(byRussian[k], i) {
			byRussian[k] = append(byRussian[k], i)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(byRussian)) {
		ss := byRussian[k]
		for a := 0; a < len(ss); a++ {
			for b := a + 1; b < len(ss); b++ {
				ka, kb := key(spellings[ss[a]]), key(spellings[ss[b]])
				if ka == kb || akin(ka, kb) {
					uf.union(ss[a], ss[b])
				}
			}
		}
	}
	// Akin spellings next to the same name word.
	neighbours := map[int32][]int{} // neighbour key (its string id) → spellings
	for _, o := range x.occ.all() {
		if translated(o) {
			continue
		}
		for _, n := range [2]int32{o.left, o.right} {
			if i := idOf(o); n != 0 && !slices.Contains(neighbours[n], i) {
				neighbours[n] = append(neighbours[n], i)
			}
		}
	}
	byString := func(a, b int32) int { return strings.Compare(x.strs.str(a), x.strs.str(b)) }
	for _, id := range slices.SortedFunc(maps.Keys(neighbours), byString) {
		ss, n := neighbours[id], x.strs.str(id)
		for a := 0; a < len(ss); a++ {
			for b := a + 1; b < len(ss); b++ {
				sa, sb := spellings[ss[a]], spellings[ss[b]]
				ka, kb := key(sa), key(sb)
				if ka == kb || ka == n || kb == n || role(ss[a]) != role(ss[b]) || !akin(ka, kb) || !compatible(ss[a], ss[b]) {
					continue
				}
				uf.union(ss[a], ss[b])
			}
		}
	}

	members := map[int][]int{}
	var roots []int
	for i := range spellings {
		r := uf.find(i)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	var out []Group
	for _, r := range roots {
		var ss []string
		for _, i := range members[r] {
			ss = append(ss, spellings[i])
		}
		if g, ok := x.group(ss, occOf, role(members[r][0])); ok {
			out = append(out, g)
		}
	}
	return out
}

// group builds the Group of a set of spellings, or reports false when
// there is nothing to say (one spelling, and it is official or there is
// no official one).
func (x *Index) group(ss []string, occOf map[string][]int, role lang.NameRole) (Group, bool) {
	off, hasOff := x.officialFor(ss, occOf)
	if len(ss) == 1 && (!hasOff || off.spelling == ss[0]) {
		return Group{}, false
	}
	g := Group{Role: role.String()}
	count := map[string]int{}
	var linked []string
	for _, s := range ss {
		count[s] = len(occOf[s])
		for _, i := range occOf[s] {
			if r := x.strs.str(x.occ.at(i).russian); r != "" {
				linked = append(linked, r)
			}
		}
	}
	g.Russian, g.RussianFrom = russianName(ss, count, linked, off.spelling)
	house := ""
	if g.Russian != "" {
		house = x.scheme.Translit(g.Russian)
	}
	switch {
	case hasOff:
		g.Suggested = off.spelling
		list := "the built-in allow list"
		if off.user {
			list = "the --names list"
		}
		g.Reason = fmt.Sprintf("official spelling (%s: %s)", list, off.full)
	case house != "":
		g.Suggested = house
		from := "«" + g.Russian + "»"
		if g.RussianFrom == "reading" {
			from += ", the likely Russian spelling,"
		}
		g.Reason = fmt.Sprintf("the house scheme (%s) writes %s so", x.scheme, from)
	default:
		g.Suggested = mostFrequent(ss, count)
		g.Reason = "the most frequent spelling"
	}
	for _, s := range ss {
		sp := Spelling{Text: s, Count: count[s], Diff: Diff(g.Suggested, s)}
		for _, i := range occOf[s] {
			sp.Places = append(sp.Places, x.place(x.occ.at(i)))
		}
		if g.Russian != "" {
			for _, sc := range lang.Schemes() {
				if strings.EqualFold(sc.Translit(g.Russian), s) {
					sp.Schemes = append(sp.Schemes, sc.String())
				}
			}
			if k, rk := key(s), key(g.Russian); k != rk && (suffixVariant(k, rk) || lang.Distance(k, rk) > 1) {
				sp.Other = "?"
				if rs := lang.Cyrillic(s, 1); len(rs) > 0 {
					sp.Other = rs[0].Russian
				}
			}
		}
		g.Spellings = append(g.Spellings, sp)
	}
	// The suggestion first, then by count; ties keep the order of first
	// occurrence.
	sort.SliceStable(g.Spellings, func(i, j int) bool {
		a, b := g.Spellings[i], g.Spellings[j]
		if (a.Text == g.Suggested) != (b.Text == g.Suggested) {
			return a.Text == g.Suggested
		}
		return a.Count > b.Count
	})
	return g, true
}

// officialFor returns the official spelling of a group: of the user's
// list first, then the built-in one.
func (x *Index) officialFor(ss []string, occOf map[string][]int) (official, bool) {
	var found []official
	for _, s := range ss {
		for _, o := range x.official[key(s)] {
			if o.surname == "" || x.nextTo(ss, occOf, o.surname) {
				found = append(found, o)
			}
		}
	}
	if len(found) == 0 {
		return official{}, false
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].user && !found[j].user })
	return found[0], true
}

// nextTo reports whether a spelling of ss stands next to a word of key k
// somewhere.
func (x *Index) nextTo(ss []string, occOf map[string][]int, k string) bool {
	for _, s := range ss {
		for _, i := range occOf[s] {
			if o := x.occ.at(i); x.strs.str(o.left) == k || x.strs.str(o.right) == k {
				return true
			}
		}
	}
	return false
}

func mostFrequent(ss []string, count map[string]int) string {
	best := ss[0]
	for _, s := range ss[1:] {
		if count[s] > count[best] {
			best = s
		}
	}
	return best
}

// russianName picks the Russian name of a group of spellings. With
// linked Russian words it is one that the spellings render best: the
// candidates are the linked words and the readings of the spellings
// (lang.Cyrillic) with the stem of a linked word. Without, the readings
// of the spellings. Candidates are ranked by the occurrences of the
// spellings that share their key (nominative forms do), then whether a
// scheme gives the official spelling from them, how often they are
// linked, the occurrences of the spellings some scheme gives from them,
// and how usual a Russian spelling they are. The house scheme plays no
// part: the Russian name does not depend on it.
func russianName(ss []string, count map[string]int, linked []string, official string) (string, string) {
	var cands []string
	cost := map[string]int{}
	for _, s := range ss {
		for _, r := range lang.Cyrillic(s, 3) {
			cands = append(cands, r.Russian)
			cost[r.Russian] = r.Cost
		}
	}
	timesLinked := map[string]int{} // a group's linked words are its occurrences': few distinct ones, many times each
	for _, l := range linked {
		timesLinked[l]++
	}
	from := "reading"
	if len(linked) > 0 {
		from = "linked"
		stems := map[string]bool{}
		for l := range timesLinked {
			stems[lang.NameStem(l)] = true
		}
		var keep []string
		for _, c := range append(cands, linked...) {
			if stems[lang.NameStem(c)] {
				keep = append(keep, c)
			}
		}
		cands = keep
	}
	if len(cands) == 0 {
		return "", ""
	}
	type scored struct {
		c      string
		given  int  // occurrences of the spellings some scheme gives from c
		offic  bool // some scheme gives the official spelling from c
		votes  int
		linked int
		cost   int
	}
	var sc []scored
	scoredOnce := map[string]bool{} // a candidate named twice scores the same twice
	for _, c := range cands {
		if scoredOnce[c] {
			continue
		}
		scoredOnce[c] = true
		s := scored{c: c, cost: utf8.RuneCountInString(c)}
		if rc, ok := cost[c]; ok {
			s.cost = rc
		}
		var renderings []string
		for _, sch := range lang.Schemes() {
			renderings = append(renderings, strings.ToLower(sch.Translit(c)))
		}
		for _, sp := range ss {
			if slices.Contains(renderings, strings.ToLower(sp)) {
				s.given += count[sp]
			}
			if key(sp) == key(c) {
				s.votes += count[sp]
			}
		}
		s.linked = timesLinked[c]
		if official != "" {
			for _, sch := range lang.Schemes() {
				if strings.EqualFold(sch.Translit(c), official) {
					s.offic = true
					break
				}
			}
		}
		sc = append(sc, s)
	}
	sort.SliceStable(sc, func(i, j int) bool {
		a, b := sc[i], sc[j]
		if a.votes != b.votes {
			return a.votes > b.votes
		}
		if a.offic != b.offic {
			return a.offic
		}
		if a.linked != b.linked {
			return a.linked > b.linked
		}
		if a.given != b.given {
			return a.given > b.given
		}
		if a.cost != b.cost {
			return a.cost < b.cost
		}
		return a.c < b.c
	})
	return sc[0].c, from
}

// key is lang.Key after Latin letters with diacritics are written
// plainly: š, č, ž as sh, ch, zh, and the marks of others dropped
// (Muraška and Murashka meet, Dubatoŭk and Dubatouk).
func key(w string) string {
	ascii := true
	for i := 0; i < len(w) && ascii; i++ {
		ascii = w[i] < utf8.RuneSelf
	}
	if ascii {
		return lang.Key(w) // nothing to write plainly
	}
	var b strings.Builder
	for _, r := range w {
		if r < 0x80 || !unicode.Is(unicode.Latin, r) {
			b.WriteRune(r)
			continue
		}
		switch unicode.ToLower(r) {
		case 'š':
			b.WriteString("sh")
		case 'č':
			b.WriteString("ch")
		case 'ž':
			b.WriteString("zh")
		case 'ŝ':
			b.WriteString("shch")
		default:
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					b.WriteRune(d)
				}
			}
		}
	}
	return lang.Key(b.String())
}

type unionFind []int

func newUnionFind(n int) unionFind {
	u := make(unionFind, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u unionFind) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

// union joins the sets of a and b; the smaller index is the root, so the
// result does not depend on the order of unions.
func (u unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u[rb] = ra
}

// occurrences returns the number of name words in the index.
func (x *Index) occurrences() int { return x.occ.len() }
