package transcript

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/align-tools/align/lang"
)

// Candidate is one section offered for pairing: a speech or turn of a
// page, or a whole file holding one speech.
type Candidate struct {
	Doc      string  // the document's name, as the mapping file names it
	Section  int     // the section's index in its document (0-based)
	Sections int     // how many sections the document has
	Speaker  Speaker // the speaker the text names; zero when none
	// Hint is a name for the speaker when the text names none, such as
	// the file name "putin-opening": each of its words is tried as a
	// surname.
	Hint string
	Text string // the section's text: its sentences joined
}

// Ref returns how the mapping file and the reports name c: "doc#2" for
// the second section of a document, "doc" when it has a single one.
func (c *Candidate) Ref() string {
	if c.Sections <= 1 {
		return c.Doc
	}
	return c.Doc + "#" + strconv.Itoa(c.Section+1)
}

// Match pairs source candidate Src with target candidate Tgt (indices in
// the slices given to Pair).
type Match struct {
	Src, Tgt int
	// Confidence is 0 to 1: 1 for a pairing from the mapping file; for an
	// automatic one, a weighted sum of the speaker evidence (half the
	// weight), anchors, order and length.
	Confidence float64
	Manual     bool   // from the mapping file
	Reason     string // the evidence, for a person
}

// Alone is a candidate left without a counterpart.
type Alone struct {
	Index  int    // the candidate's index
	Reason string // why, naming the best counterpart it was denied
}

// Pairing is the result of Pair.
//
// Invariants: every candidate of both sides appears exactly once, in
// Matches or in SrcAlone/TgtAlone; Matches are sorted by Src; the alone
// lists are sorted by Index.
type Pairing struct {
	Matches            []Match
	SrcAlone, TgtAlone []Alone
}

// NoCandidate is the reason of an Alone when the other side offered no
// candidate at all.
const NoCandidate = "no candidate on the other side"

// MinConfidence is the confidence below which Pair leaves candidates
// unpaired rather than force them together.
const MinConfidence = 0.5

// Pair pairs the source candidates with the target candidates one to one.
// Pairs fixed by the mapping file come first and take their candidates
// out of the automatic pairing ("-" for one side leaves the other alone).
// A pair is made only when its score reaches MinConfidence and the
// speakers do not differ. When the candidates left on each side are the
// sections of one document, in order, the pairs keep that order: they
// are the order-keeping set of largest total score (the speeches of a
// page and of its translation come in the same order). Otherwise they
// are chosen greedily, best first, ties broken by source then target
// index. The result depends on nothing but the inputs.
func Pair(src, tgt []Candidate, fixed []Fixed) (*Pairing, error) {
	p := &Pairing{}
	srcUsed := make([]bool, len(src))
	tgtUsed := make([]bool, len(tgt))
	srcReason := map[int]string{}
	tgtReason := map[int]string{}
	var errs []string
	for _, f := range fixed {
		si, serr := resolve(src, f.Src)
		ti, terr := resolve(tgt, f.Tgt)
		if serr != nil || terr != nil {
			for _, e := range []error{serr, terr} {
				if e != nil {
					errs = append(errs, fmt.Sprintf("%s:%d: %v", f.File, f.Line, e))
				}
			}
			continue
		}
		if si >= 0 && srcUsed[si] || ti >= 0 && tgtUsed[ti] {
			errs = append(errs, fmt.Sprintf("%s:%d: %s or %s is already paired by an earlier line; give each speech once", f.File, f.Line, f.Src, f.Tgt))
			continue
		}
		switch {
		case si >= 0 && ti >= 0:
			p.Matches = append(p.Matches, Match{Src: si, Tgt: ti, Confidence: 1, Manual: true, Reason: "mapping file"})
		case si >= 0:
			srcReason[si] = "no counterpart, by the mapping file"
		case ti >= 0:
			tgtReason[ti] = "no counterpart, by the mapping file"
		}
		if si >= 0 {
			srcUsed[si] = true
		}
		if ti >= 0 {
			tgtUsed[ti] = true
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("transcript: %s", strings.Join(errs, "\n"))
	}

	ev := newScorer(src, tgt)
	type cell struct {
		i, j int
		e    evidence
	}
	var cells []cell
	for i := range src {
		if srcUsed[i] {
			continue
		}
		for j := range tgt {
			if tgtUsed[j] {
				continue
			}
			cells = append(cells, cell{i, j, ev.score(i, j)})
		}
	}
	// Best first; source then target index break ties, so the order is
	// total and the result deterministic.
	order := make([]int32, len(cells))
	for k := range order {
		order[k] = int32(k)
	}
	slices.SortFunc(order, func(a, b int32) int {
		ca, cb := &cells[a], &cells[b]
		if c := cmp.Compare(cb.e.total, ca.e.total); c != 0 {
			return c
		}
		if c := cmp.Compare(ca.i, cb.i); c != 0 {
			return c
		}
		return cmp.Compare(ca.j, cb.j)
	})
	srcBest := map[int]cell{}
	tgtBest := map[int]cell{}
	for _, k := range order {
		c := cells[k]
		if _, ok := srcBest[c.i]; !ok {
			srcBest[c.i] = c
		}
		if _, ok := tgtBest[c.j]; !ok {
			tgtBest[c.j] = c
		}
	}
	pairable := func(c *cell) bool { return c.e.total >= MinConfidence && c.e.speaker > 0 }
	if fi, fj := free(src, srcUsed), free(tgt, tgtUsed); len(fi) > 1 && len(fj) > 1 &&
		oneDoc(src, fi) && oneDoc(tgt, fj) && len(fi)*len(fj) <= maxMonotonic {
		// Two pages: their speeches come in the same order, so the
		// pairs are the order-keeping set of the largest total
		// confidence. The cells are row-major over fi × fj.
		for _, k := range monotonic(len(fi), len(fj), func(a, b int) (float64, bool) {
			c := &cells[a*len(fj)+b]
			return c.e.total, pairable(c)
		}) {
			c := cells[k[0]*len(fj)+k[1]]
			srcUsed[c.i], tgtUsed[c.j] = true, true
			p.Matches = append(p.Matches, Match{Src: c.i, Tgt: c.j, Confidence: c.e.total, Reason: c.e.String()})
		}
	} else {
		for _, k := range order {
			c := cells[k]
			if srcUsed[c.i] || tgtUsed[c.j] || !pairable(&c) {
				continue
			}
			srcUsed[c.i], tgtUsed[c.j] = true, true
			p.Matches = append(p.Matches, Match{Src: c.i, Tgt: c.j, Confidence: c.e.total, Reason: c.e.String()})
		}
	}
	sort.Slice(p.Matches, func(a, b int) bool { return p.Matches[a].Src < p.Matches[b].Src })
	partnerOfTgt := map[int]int{}
	partnerOfSrc := map[int]int{}
	for _, m := range p.Matches {
		partnerOfTgt[m.Tgt] = m.Src
		partnerOfSrc[m.Src] = m.Tgt
	}
	why := func(best cell, ok bool, other []Candidate, otherIdx int, taken map[int]int, takenBy []Candidate) string {
		if !ok {
			if len(other) > 0 {
				return "every speech of the other side is paired by the mapping file"
			}
			return NoCandidate
		}
		o := &other[otherIdx]
		s := fmt.Sprintf("best counterpart %s%s scores %.2f (%s)", o.Ref(), speakerNote(o), best.e.total, best.e)
		if k, used := taken[otherIdx]; used {
			s += fmt.Sprintf(", and it is paired with %s", takenBy[k].Ref())
		} else if best.e.speaker == 0 {
			s += ", and the speakers differ"
		} else if best.e.total < MinConfidence {
			s += fmt.Sprintf(", below %.2f", MinConfidence)
		} else {
			s += ", and pairing them would break the order of the pages"
		}
		return s
	}
	for i := range src {
		if _, ok := partnerOfSrc[i]; ok {
			continue
		}
		r, ok := srcReason[i]
		if !ok {
			b, found := srcBest[i]
			r = why(b, found, tgt, b.j, partnerOfTgt, src)
		}
		p.SrcAlone = append(p.SrcAlone, Alone{Index: i, Reason: r})
	}
	for j := range tgt {
		if _, ok := partnerOfTgt[j]; ok {
			continue
		}
		r, ok := tgtReason[j]
		if !ok {
			b, found := tgtBest[j]
			r = why(b, found, src, b.i, partnerOfSrc, tgt)
		}
		p.TgtAlone = append(p.TgtAlone, Alone{Index: j, Reason: r})
	}
	return p, nil
}

func speakerNote(c *Candidate) string {
	if c.Speaker.Name != "" {
		return " (" + c.Speaker.Name + ")"
	}
	return ""
}

// evidence is the score of one candidate pair and its parts, each 0 to 1.
type evidence struct {
	speaker float64 // 1 same name, 0.9 name against file name, 0.8 file names, 0.5 both unnamed, 0.4 one unnamed, 0 different names
	anchors float64 // shared numbers and names
	order   float64 // the sections sit at the same place in their pages; 0.5 when not comparable
	length  float64 // the lengths fit a translation
	total   float64
	via     string // how the speakers were matched
}

func (e evidence) String() string {
	return fmt.Sprintf("speaker %.2f%s, anchors %.2f, order %.2f, length %.2f", e.speaker, e.via, e.anchors, e.order, e.length)
}

// Weights of the evidence in the score.
const (
	wSpeaker = 0.5
	wAnchors = 0.25
	wOrder   = 0.15
	wLength  = 0.10
)

// scorer holds what scoring needs of both sides.
type scorer struct {
	src, tgt   []Candidate
	sa, ta     [][]anchor  // the anchors of each candidate, sorted
	saw, taw   [][]float64 // their weights on the other side (anchorWeights)
	slen, tlen []int
	sh, th     []string // hintKeys of both sides
	sk, tk     []string // speaker keys of both sides
}

func newScorer(src, tgt []Candidate) *scorer {
	e := &scorer{src: src, tgt: tgt, sa: make([][]anchor, len(src)), ta: make([][]anchor, len(tgt)),
		slen: make([]int, len(src)), tlen: make([]int, len(tgt))}
	var rare rareAnchors
	for i := range src {
		e.sa[i] = rare.anchors(src[i].Text)
		e.slen[i] = utf8.RuneCountInString(src[i].Text)
	}
	for j := range tgt {
		e.ta[j] = rare.anchors(tgt[j].Text)
		e.tlen[j] = utf8.RuneCountInString(tgt[j].Text)
	}
	e.saw, e.taw = anchorWeights(e.sa, idfWeights(e.ta)), anchorWeights(e.ta, idfWeights(e.sa))
	e.sh, e.th = hintKeys(src, tgt), hintKeys(tgt, src)
	e.sk, e.tk = make([]string, len(src)), make([]string, len(tgt))
	for i := range src {
		e.sk[i] = src[i].Speaker.Key()
	}
	for j := range tgt {
		e.tk[j] = tgt[j].Speaker.Key()
	}
	return e
}

// score scores source candidate i against target candidate j. Anchors
// are looked for from the shorter candidate in the longer, so a fragment
// of a speech (a few quoted paragraphs) meets the whole speech; their
// weights come from the longer one's side. With a single candidate on
// that side there is nothing to weigh against and anchors are neutral
// (0.5).
func (s *scorer) score(i, j int) evidence {
	a, b := &s.src[i], &s.tgt[j]
	var e evidence
	e.speaker, e.via = speakerScore(s.sk[i], s.sh[i], s.tk[j], s.th[j])
	switch {
	case s.slen[i] <= s.tlen[j] && len(s.tgt) > 1:
		e.anchors = containment(s.sa[i], s.saw[i], s.ta[j])
	case s.slen[i] > s.tlen[j] && len(s.src) > 1:
		e.anchors = containment(s.ta[j], s.taw[j], s.sa[i])
	default:
		e.anchors = 0.5
	}
	e.order = 0.5
	if a.Sections > 1 && b.Sections > 1 {
		pa := float64(a.Section) / float64(a.Sections-1)
		pb := float64(b.Section) / float64(b.Sections-1)
		e.order = 1 - math.Abs(pa-pb)
	}
	if la, lb := s.slen[i], s.tlen[j]; la > 0 && lb > 0 {
		// Russian runs about 10% longer than English in characters;
		// the score halves for every doubling away from that.
		e.length = math.Pow(2, -math.Abs(math.Log2(float64(la)/float64(lb)/1.1)))
	}
	e.total = wSpeaker*e.speaker + wAnchors*e.anchors + wOrder*e.order + wLength*e.length
	return e
}

// hintKeys finds, for every candidate of cs whose text names no speaker,
// the word of its hint (file name) that names a speaker of the other
// side, as a surname key; "" when none does.
func hintKeys(cs, other []Candidate) []string {
	out := make([]string, len(cs))
	for i := range cs {
		if cs[i].Speaker.Known() || cs[i].Hint == "" {
			continue
		}
		for _, w := range strings.FieldsFunc(cs[i].Hint, func(r rune) bool { return !unicode.IsLetter(r) }) {
			k := lang.Key(w)
			for j := range other {
				if SameKey(k, other[j].Speaker.Key()) {
					out[i] = k
					break
				}
			}
			if out[i] != "" {
				break
			}
		}
	}
	return out
}

// speakerScore compares the speakers of two candidates: ka and kb are
// the keys of the names their texts give, ha and hb those their file
// names give (hintKeys).
func speakerScore(ka, ha, kb, hb string) (float64, string) {
	switch {
	case ka != "" && kb != "":
		if SameKey(ka, kb) {
			return 1, ""
		}
		return 0, ""
	case ka != "" && hb != "", kb != "" && ha != "":
		if SameKey(ka, hb) || SameKey(kb, ha) {
			return 0.9, " (by file name)"
		}
		return 0, " (file name names another)"
	case ha != "" && hb != "":
		if SameKey(ha, hb) {
			return 0.8, " (file names)"
		}
		return 0, " (file names differ)"
	case ka != "" || kb != "" || ha != "" || hb != "":
		// One side names its speaker and the other cannot confirm it.
		return 0.4, " (one side unnamed)"
	}
	return 0.5, ""
}

// The anchors of a text are numbers, and stems of words that may be
// names or borrowings shared by the two languages. Numbers lose their
// group separators ("15,000" and "15 000" give "15000"). A word of five
// or more letters gives the first five letters of its lang.Key, so names
// written in two scripts meet («Казахстане» and "Kazakhstan") and so do
// the borrowings Russian shares with English («санкции» and "sanctions",
// «экстремизм» and "extremism"); chance meetings of unrelated words are
// rare, and equally likely between any two sections.
//
// An anchor is kept as a number, one for each anchor, so that the anchors
// of a text are a sorted list of numbers and comparing two texts is a
// merge, with no map:
//   - a stem: its five bytes;
//   - a number of at most 15 ASCII digits: numberAnchor, its count of
//     digits (so "007" is not "7") and its value;
//   - any other number: rareAnchor and its rank among those of the
//     scorer, in the order they were met (rareAnchors).
type anchor uint64

const (
	numberAnchor anchor = 1 << 63
	rareAnchor   anchor = 1 << 62
)

// rareAnchors numbers the numbers that do not fit an anchor of their
// own: long ones, and those written with other digits than ASCII.
type rareAnchors map[string]anchor

// anchors returns the anchors of text, sorted, each once.
func (rare *rareAnchors) anchors(text string) []anchor {
	out := make([]anchor, 0, len(text)/16) // about one word in two is an anchor
	var buf [64]byte
	for start, end := nextField(text, 0); start < end; start, end = nextField(text, end) {
		core, _ := trimWord(text[start:end])
		if core == "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(core); !unicode.IsDigit(r) {
			if key := lang.Key(core); len(key) >= 5 {
				var a anchor
				for i := 0; i < 5; i++ {
					a = a<<8 | anchor(key[i])
				}
				out = append(out, a)
			}
			continue
		}
		num := buf[:0]
		for _, r := range core {
			if unicode.IsDigit(r) {
				num = utf8.AppendRune(num, r)
			}
		}
		// "15 000": join a group of three digits that follows.
		if ns, ne := nextField(text, end); len(num) <= 3 && ne-ns == 3 && strings.Trim(text[ns:ne], "0123456789") == "" {
			num = append(num, text[ns:ne]...)
		}
		out = append(out, rare.number(num))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// number returns the anchor of the digits num.
func (rare *rareAnchors) number(num []byte) anchor {
	if len(num) <= 15 {
		a := anchor(0)
		for _, c := range num {
			if c < '0' || c > '9' {
				a = rareAnchor
				break
			}
			a = a*10 + anchor(c-'0')
		}
		if a != rareAnchor {
			return numberAnchor | anchor(len(num))<<56 | a
		}
	}
	if a, ok := (*rare)[string(num)]; ok {
		return a
	}
	if *rare == nil {
		*rare = rareAnchors{}
	}
	a := rareAnchor | anchor(len(*rare))
	(*rare)[string(num)] = a
	return a
}

// nextField returns the bounds of the first run of characters that are
// not white space (unicode.IsSpace) in text[i:], as strings.Fields cuts
// them; start == end == len(text) when there is none.
func nextField(text string, i int) (start, end int) {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i++
			continue
		}
		n := spaceAt(text, i)
		if n == 0 {
			break
		}
		i += n
	}
	start = i
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
		} else if (c == 0xC2 || 0xE1 <= c && c <= 0xE3) && spaceAt(text, i) > 0 {
			break
		}
		i++
	}
	return start, i
}

// asciiSpace holds the ASCII characters unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// spaceAt returns the length of the white-space character
// (unicode.IsSpace) at text[i], 0 when there is none there. Every
// white-space character outside ASCII starts with one of the bytes C2,
// E1, E2 or E3; others are not decoded, so a scan may go byte by byte:
// a byte inside a character is never one of those.
func spaceAt(text string, i int) int {
	switch c := text[i]; {
	case c < utf8.RuneSelf:
		if c == ' ' || '\t' <= c && c <= '\r' {
			return 1
		}
		return 0
	case c == 0xC2 || 0xE1 <= c && c <= 0xE3:
		if r, n := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			return n
		}
	}
	return 0
}

// idf holds the weight of every anchor of one side: log((n+1)/df),
// where df is the number of the n candidates of the side that hold it.
// An anchor found in few candidates weighs more (inverse document
// frequency), one found in every candidate little. Anchors are sorted.
type idf struct {
	anchors []anchor
	weight  []float64
}

// idfWeights weighs the anchors of sets, the anchors of the candidates
// of one side. The sets are sorted, so they are merged, two by two,
// counting each anchor, rather than sorted again.
func idfWeights(sets [][]anchor) idf {
	runs := make([]anchorCounts, len(sets))
	for i, s := range sets {
		runs[i].anchors = s
	}
	for len(runs) > 1 {
		merged := runs[:0]
		for i := 0; i+1 < len(runs); i += 2 {
			merged = append(merged, mergeCounts(runs[i].anchors, runs[i].df, runs[i+1].anchors, runs[i+1].df))
		}
		if len(runs)%2 == 1 {
			merged = append(merged, runs[len(runs)-1])
		}
		runs = merged
	}
	var w idf
	if len(runs) == 0 {
		return w
	}
	w.anchors = runs[0].anchors
	w.weight = make([]float64, len(w.anchors))
	total := float64(len(sets) + 1)
	for i := range w.anchors {
		df := int32(1)
		if runs[0].df != nil {
			df = runs[0].df[i]
		}
		w.weight[i] = math.Log(total / float64(df))
	}
	return w
}

// anchorCounts is a sorted list of distinct anchors with the number of
// candidates holding each.
type anchorCounts struct {
	anchors []anchor
	df      []int32 // nil: each anchor once
}

// mergeCounts merges two anchorCounts into one, adding the counts of an
// anchor in both.
func mergeCounts(a []anchor, an []int32, b []anchor, bn []int32) (out anchorCounts) {
	count := func(n []int32, i int) int32 {
		if n == nil {
			return 1
		}
		return n[i]
	}
	out.anchors = make([]anchor, 0, len(a)+len(b))
	out.df = make([]int32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out.anchors, out.df = append(out.anchors, a[i]), append(out.df, count(an, i))
			i++
		case i == len(a) || b[j] < a[i]:
			out.anchors, out.df = append(out.anchors, b[j]), append(out.df, count(bn, j))
			j++
		default:
			out.anchors, out.df = append(out.anchors, a[i]), append(out.df, count(an, i)+count(bn, j))
			i++
			j++
		}
	}
	return out
}

// anchorWeights returns, for the anchors of every candidate of sets, the
// weight each has in w, the weights of the other side; 0 for an anchor
// the other side does not hold (weights are otherwise above 0). Both are
// sorted: a candidate's anchors are found by walking w alongside them,
// or by binary search when w is much the longer.
func anchorWeights(sets [][]anchor, w idf) [][]float64 {
	out := make([][]float64, len(sets))
	for i, s := range sets {
		out[i] = make([]float64, len(s))
		if len(w.anchors) > 16*len(s) {
			for k, a := range s {
				if at, ok := slices.BinarySearch(w.anchors, a); ok {
					out[i][k] = w.weight[at]
				}
			}
			continue
		}
		at := 0
		for k, a := range s {
			for at < len(w.anchors) && w.anchors[at] < a {
				at++
			}
			if at < len(w.anchors) && w.anchors[at] == a {
				out[i][k] = w.weight[at]
			}
		}
	}
	return out
}

// containment returns how much of a's evidence b holds: the weight of
// the anchors a shares with b over the weight of the anchors of a that
// the other side holds anywhere (aw, from anchorWeights). It is damped
// when a has few such anchors: one shared name is weaker evidence than
// ten. a and b are sorted: b is walked alongside a, or searched when it
// is much the longer.
func containment(a []anchor, aw []float64, b []anchor) float64 {
	var have, shared float64
	m, j := 0, 0
	search := len(b) > 16*len(a) // a quote against a long speech
	for i, k := range a {
		w := aw[i]
		if w == 0 {
			continue
		}
		have += w
		m++
		if search {
			if _, ok := slices.BinarySearch(b, k); ok {
				shared += w
			}
			continue
		}
		for j < len(b) && b[j] < k {
			j++
		}
		if j < len(b) && b[j] == k {
			shared += w
		}
	}
	if have == 0 {
		return 0
	}
	return shared / have * float64(m) / float64(m+1)
}
