package transcript

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
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
	return fmt.Sprintf("%s#%d", c.Doc, c.Section+1)
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
	sa, ta     []anchorSet
	sw, tw     map[string]float64 // anchor weights of both sides
	slen, tlen []int
	sh, th     []string // hintKeys of both sides
	sk, tk     []string // speaker keys of both sides
}

func newScorer(src, tgt []Candidate) *scorer {
	e := &scorer{src: src, tgt: tgt, sa: make([]anchorSet, len(src)), ta: make([]anchorSet, len(tgt)),
		slen: make([]int, len(src)), tlen: make([]int, len(tgt))}
	for i := range src {
		e.sa[i] = anchors(src[i].Text)
		e.slen[i] = utf8.RuneCountInString(src[i].Text)
	}
	for j := range tgt {
		e.ta[j] = anchors(tgt[j].Text)
		e.tlen[j] = utf8.RuneCountInString(tgt[j].Text)
	}
	e.sw, e.tw = idfWeights(e.sa), idfWeights(e.ta)
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
		e.anchors = containment(s.sa[i], s.ta[j], s.tw)
	case s.slen[i] > s.tlen[j] && len(s.src) > 1:
		e.anchors = containment(s.ta[j], s.sa[i], s.sw)
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

// anchorSet holds the anchors of a text: numbers, and stems of words
// that may be names or borrowings shared by the two languages.
type anchorSet map[string]bool

// anchors collects the anchors of text. Numbers lose their group
// separators ("15,000" and "15 000" give "15000"). A word of five or
// more letters gives the first five letters of its lang.Key, so names
// written in two scripts meet («Казахстане» and "Kazakhstan") and so do
// the borrowings Russian shares with English («санкции» and "sanctions",
// «экстремизм» and "extremism"); chance meetings of unrelated words are
// rare, and equally likely between any two sections.
func anchors(text string) anchorSet {
	set := anchorSet{}
	words := strings.Fields(text)
	for k, w := range words {
		core, _ := trimWord(w)
		if core == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(core)
		if unicode.IsDigit(r) {
			num := strings.Map(func(r rune) rune {
				if unicode.IsDigit(r) {
					return r
				}
				return -1
			}, core)
			// "15 000": join a group of three digits that follows.
			if k+1 < len(words) && len(num) <= 3 && len(words[k+1]) == 3 && strings.Trim(words[k+1], "0123456789") == "" {
				num += words[k+1]
			}
			set["#"+num] = true
			continue
		}
		if key := lang.Key(core); len(key) >= 5 {
			set[key[:5]] = true
		}
	}
	return set
}

// idfWeights gives every anchor of sets its weight: log((n+1)/df), where
// df is the number of the n sets that hold it. An anchor found in few
// candidates weighs more (inverse document frequency), one found in
// every candidate little.
func idfWeights(sets []anchorSet) map[string]float64 {
	df := map[string]int{}
	for _, s := range sets {
		for k := range s {
			df[k]++
		}
	}
	w := make(map[string]float64, len(df))
	n := float64(len(sets) + 1)
	for k, d := range df {
		w[k] = math.Log(n / float64(d))
	}
	return w
}

// containment returns how much of a's evidence b holds: the weight of
// the anchors a shares with b over the weight of the anchors of a that
// the other side holds anywhere (weights from idfWeights over that side).
// It is damped when a has few such anchors: one shared name is weaker
// evidence than ten.
func containment(a, b anchorSet, weight map[string]float64) float64 {
	var have, shared float64
	m := 0
	for k := range a {
		w, ok := weight[k]
		if !ok {
			continue
		}
		have += w
		m++
		if b[k] {
			shared += w
		}
	}
	if have == 0 {
		return 0
	}
	return shared / have * float64(m) / float64(m+1)
}
