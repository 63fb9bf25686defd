// Package similarity measures how alike a source and a target sentence
// are beyond their length, and turns documents into the Similarity
// callback of align.Config.
//
// The evidence is a sum of log-likelihood ratios over the words of both
// sides: a word that finds a counterpart on the other side adds the
// weight of its kind (numbers and dates normalized across languages by
// lang.Numbers, Latin-script tokens and acronyms shared by both sides,
// names and cognates that share a transliteration key, dictionary and
// learned-lexicon translations, ? and !); a word that could have found
// one and did not subtracts a smaller weight. Unrelated sentences score
// below zero, translations above.
//
// A Scorer is built once per document pair from the sentence texts; it
// is safe for concurrent use after construction. A Lexicon is read from
// a dictionary (ReadDict) or learned from aligned sentences (Learn).
package similarity

import (
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/align-tools/align/align"
	"github.com/align-tools/align/lang"
)

// Options steer a Scorer. The zero value compares Russian with English
// without a lexicon.
type Options struct {
	Src, Tgt language.Tag
	// Lexicon, when set, links source words to their translations.
	Lexicon *Lexicon
	// Weights, when set, replace DefaultWeights (see EstimateWeights).
	Weights *Weights
}

// kinds of evidence, with their weights in nats: the gain when a word
// of the kind finds its counterpart and the loss when it does not.
type kind uint8

const (
	kindNone kind = iota
	kindNumber
	kindLatin
	kindName
	kindLexicon
	kindPunct
)

// Weights are the gain (when a word finds its counterpart) and the loss
// (when it does not) of each kind of evidence, in nats.
type Weights struct {
	gain, loss [kindPunct + 1]float64
}

// DefaultWeights are the weights used when none are given. Names and
// Latin tokens are counted on the source side only (the target words
// carry their concepts without being counted), so their weights are
// those of both sides.
func DefaultWeights() Weights {
	return Weights{
		gain: [...]float64{kindNumber: 3, kindLatin: 5, kindName: 4, kindLexicon: 1.5, kindPunct: 1},
		loss: [...]float64{kindNumber: 1.5, kindLatin: 0.7, kindName: 0, kindLexicon: 0.3, kindPunct: 0.7},
	}
}

// String lists the weights, gain/loss per kind.
func (w Weights) String() string {
	names := [...]string{kindNumber: "number", kindLatin: "latin", kindName: "name", kindLexicon: "lexicon", kindPunct: "punct"}
	var sb strings.Builder
	for k := kindNumber; k <= kindPunct; k++ {
		if k > kindNumber {
			sb.WriteByte(' ')
		}
		fmt.Fprintf(&sb, "%s %.2f/%.2f", names[k], w.gain[k], w.loss[k])
	}
	return sb.String()
}

// word is one piece of evidence of a sentence: a word or number and the
// concepts under which it can meet its counterpart.
type word struct {
	concepts [3]uint32 // 0 = unused
	kind     kind
}

type sentence struct {
	words    []word    // after prune, kept only when many
	concepts []uint32  // sorted, unique
	bloom    [8]uint64 // a one-hash Bloom filter of concepts, to skip most searches
	fixed    float64   // the evidence of words that cannot match: their losses

	// The words that count (kind not kindNone), at most maxScored of
	// them, by mask bit; with more, the sentence is scored word by word.
	scored   []word
	kindMask [kindPunct + 1]uint64
	lossAll  float64 // the loss if no scored word matched
	many     bool
}

func bloomBit(c uint32) (int, uint64) {
	h := (c * 2654435761) >> 23 // 9 bits
	return int(h >> 6), 1 << (h & 63)
}

// Scorer scores ranges of sentences of a document pair.
type Scorer struct {
	src, tgt []sentence
	w        Weights
	// Which scored words of a sentence find a counterpart in one
	// sentence of the other side, cached: the aligner asks about the same
	// sentence pairs in many beads.
	fromSrc, fromTgt masks
}

// masks caches, for every sentence of side a, which of its scored words
// find a counterpart in each sentence of side b. Up to denseMasks pairs
// of sentences, the cache is one flat table read and written with
// atomic operations; above, every sentence keeps a window of the other
// side that grows as the aligner's band moves along.
type masks struct {
	a, b   []sentence
	dense  []atomic.Uint64 // a[i] against b[j] at i*len(b)+j
	window []pairCache
}

// denseMasks is the largest number of sentence pairs whose masks are
// kept in one flat table (8 bytes each).
const denseMasks = 1 << 16

func newMasks(a, b []sentence) masks {
	m := masks{a: a, b: b}
	if len(a)*len(b) <= denseMasks {
		m.dense = make([]atomic.Uint64, len(a)*len(b))
	} else {
		m.window = make([]pairCache, len(a))
	}
	return m
}

// of returns which scored words of a[i] find a counterpart in b[j]; an
// entry of the flat table already computed, the common case, is read in
// place.
func (m *masks) of(i, j int) uint64 {
	if m.dense != nil {
		if v := m.dense[i*len(m.b)+j].Load(); v != 0 {
			return v &^ computed
		}
	}
	return m.fill(i, j)
}

// fill is of for an entry not yet computed or a window.
func (m *masks) fill(i, j int) uint64 {
	if m.dense != nil {
		return cached(&m.dense[i*len(m.b)+j], &m.a[i], &m.b[j])
	}
	return mask(m.a, m.window, i, m.b, j)
}

// cached returns the entry e of a mask cache, which holds match(a, b)
// once computed (bit 63 set). Two goroutines may both compute an entry;
// they store the same value.
func cached(e *atomic.Uint64, a, b *sentence) uint64 {
	v := e.Load()
	if v == 0 {
		v = match(a, b) | computed
		e.Store(v)
	}
	return v &^ computed
}

// match returns which scored words of a find a counterpart in b.
func match(a, b *sentence) uint64 {
	var v uint64
	for k := range a.scored {
		if foundIn(a.scored[k].concepts, b) {
			v |= 1 << k
		}
	}
	return v
}

// pairCache holds, for one sentence, the match masks against a window
// of sentences of the other side. Readers take the window without a
// lock; the lock is held only to replace it with a wider one.
type pairCache struct {
	mu sync.Mutex
	w  atomic.Pointer[window]
}

// window holds the masks against the sentences lo..lo+len(m)-1; bit 63
// marks a computed entry. An entry stored in a window after a wider one
// has copied it is lost, and computed again: a little work, never a
// wrong value.
type window struct {
	lo int
	m  []atomic.Uint64
}

const computed = 1 << 63

// maxScored is how many scored words of a sentence fit in a mask.
const maxScored = 63

// New builds a scorer over the source and target sentences; it is
// Prepare(src, tgt, opt).Scorer(opt.Lexicon).
func New(src, tgt []string, opt Options) *Scorer {
	return Prepare(src, tgt, opt).Scorer(opt.Lexicon, opt.Weights)
}

// Prepared holds the evidence of a document pair that does not depend on
// the lexicon, so that passes with different lexicons share the work.
// It is read-only and safe for concurrent use.
type Prepared struct {
	src, tgt []base
}

// Prepare extracts the evidence of the source and target sentences but
// the lexicon's (opt.Lexicon is not used).
func Prepare(src, tgt []string, opt Options) *Prepared {
	if opt.Src == (language.Tag{}) {
		opt.Src = language.Russian
	}
	if opt.Tgt == (language.Tag{}) {
		opt.Tgt = language.English
	}
	p := &Prepared{src: make([]base, len(src)), tgt: make([]base, len(tgt))}
	build(p.src, src, opt.Src, true)
	build(p.tgt, tgt, opt.Tgt, false)
	return p
}

// Scorer returns a scorer of the prepared pair with lexicon lex (nil for
// none) and weights w (nil for DefaultWeights).
func (p *Prepared) Scorer(lex *Lexicon, w *Weights) *Scorer {
	s := &Scorer{src: make([]sentence, len(p.src)), tgt: make([]sentence, len(p.tgt)), w: DefaultWeights()}
	if w != nil {
		s.w = *w
	}
	parallel(len(p.src), func(i int) { s.src[i] = finish(&p.src[i], lex, true) })
	parallel(len(p.tgt), func(i int) { s.tgt[i] = finish(&p.tgt[i], lex, false) })
	// A concept that the other document lacks can never match: the words
	// that have only such concepts always miss, so their loss is counted
	// once per sentence and they are not looked up again.
	inSrc, inTgt := present(s.src), present(s.tgt)
	prune(s.src, &inTgt, &s.w)
	prune(s.tgt, &inSrc, &s.w)
	s.fromSrc, s.fromTgt = newMasks(s.src, s.tgt), newMasks(s.tgt, s.src)
	return s
}

// parallel calls f(0..n-1), spread over the processors.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/500))
	if workers == 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				f(i)
			}
		}()
	}
	wg.Wait()
}

// build extracts the base evidence of texts into out, in parallel.
func build(out []base, texts []string, tag language.Tag, source bool) {
	workers := min(runtime.GOMAXPROCS(0), max(1, len(texts)/500))
	part := func(w int) {
		b := builders.Get().(*builder)
		for i := w; i < len(texts); i += workers {
			out[i] = b.base(tag, texts[i], source)
		}
		builders.Put(b)
	}
	if workers == 1 {
		part(0) // a short document: no goroutine
		return
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Go(func() { part(w) })
	}
	wg.Wait()
}

// conceptSet is a set of concepts: a sorted list, and a one-hash Bloom
// filter of about eight bits per concept in front of it, which answers
// most questions about concepts the set lacks without a search.
type conceptSet struct {
	sorted []uint32
	filter []uint64
	shift  uint // a concept's filter bit is its hash >> shift
}

func newConceptSet(sorted []uint32) conceptSet {
	bits := uint(6) // at least one word of 64 bits
	for 1<<bits < 8*len(sorted) {
		bits++
	}
	cs := conceptSet{sorted: sorted, filter: make([]uint64, 1<<(bits-6)), shift: 32 - bits}
	for _, c := range sorted {
		h := (c * 2654435761) >> cs.shift
		cs.filter[h>>6] |= 1 << (h & 63)
	}
	return cs
}

func (cs *conceptSet) has(c uint32) bool {
	h := (c * 2654435761) >> cs.shift
	if cs.filter[h>>6]&(1<<(h&63)) == 0 {
		return false
	}
	_, ok := slices.BinarySearch(cs.sorted, c)
	return ok
}

// present returns the concepts that occur in ss.
func present(ss []sentence) conceptSet {
	n := 0
	for _, s := range ss {
		n += len(s.concepts)
	}
	out := make([]uint32, 0, n)
	for _, s := range ss {
		out = append(out, s.concepts...)
	}
	slices.Sort(out)
	return newConceptSet(slices.Compact(out))
}

// prune keeps in ss only the concepts that other holds; words left
// without a concept add their loss to the sentence's fixed evidence.
func prune(ss []sentence, other *conceptSet, wt *Weights) {
	for k := range ss {
		s := &ss[k]
		words := s.words[:0]
		for _, w := range s.words {
			var kept [3]uint32
			n := 0
			for _, c := range w.concepts {
				if c != 0 && other.has(c) {
					kept[n] = c
					n++
				}
			}
			if n == 0 {
				if w.kind != kindNone {
					s.fixed -= wt.loss[w.kind]
				}
				continue
			}
			w.concepts = kept
			words = append(words, w)
		}
		s.words = slices.Clip(words)
		cs := s.concepts[:0]
		for _, c := range s.concepts {
			if other.has(c) {
				cs = append(cs, c)
			}
		}
		s.concepts = slices.Clip(cs)
		s.bloom = [8]uint64{}
		for _, c := range s.concepts {
			w, bit := bloomBit(c)
			s.bloom[w] |= bit
		}
		s.scored, s.kindMask, s.lossAll, s.many = nil, [kindPunct + 1]uint64{}, 0, false
		for _, w := range s.words {
			if w.kind == kindNone {
				continue
			}
			if len(s.scored) == maxScored {
				s.many = true
				break
			}
			s.kindMask[w.kind] |= 1 << len(s.scored)
			s.lossAll += wt.loss[w.kind]
			s.scored = append(s.scored, w)
		}
		if !s.many {
			s.words = nil // the scored words and masks say it all
		}
	}
}

type builder struct {
	words map[string]wordFacts // the facts of words seen, as words repeat
}

// builders keeps builders with their word caches between documents.
var builders = sync.Pool{New: func() any { return &builder{words: map[string]wordFacts{}} }}

// conceptID is the concept number of s: a 32-bit FNV-1a hash, never 0.
// Two concepts may share a number by chance (about one pair in a hundred
// thousand concepts); the cost is a rare spurious match.
func conceptID(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	if h == 0 {
		h = 1
	}
	return h
}

// baseWord is a word before the lexicon is applied.
type baseWord struct {
	word
	n    uint8  // concepts used
	stem uint32 // stemKey, for the lexicon
}

// base is the evidence of a sentence that does not depend on the
// lexicon.
type base struct {
	fixed []word // numbers and punctuation
	words []baseWord
}

// base extracts the evidence of one sentence but the lexicon's.
func (b *builder) base(tag language.Tag, text string, source bool) base {
	var s base
	for _, n := range lang.Numbers(tag, text) {
		s.fixed = append(s.fixed, word{concepts: [3]uint32{conceptID("n" + n)}, kind: kindNumber})
	}
	if dialogue(text) {
		s.fixed = append(s.fixed, word{concepts: [3]uint32{conceptQuote}, kind: kindPunct})
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '?':
			s.fixed = append(s.fixed, word{concepts: [3]uint32{conceptQuestion}, kind: kindPunct})
		case '!':
			s.fixed = append(s.fixed, word{concepts: [3]uint32{conceptBang}, kind: kindPunct})
		}
	}
	s.words = make([]baseWord, 0, 16)
	eachWord(text, func(w string) {
		if len(w) < 2 || isDigits(w) {
			return
		}
		f := b.facts(w)
		wd := baseWord{stem: f.stem}
		if f.latin {
			wd.concepts[wd.n] = f.lower
			wd.n++
			if source {
				wd.kind = kindLatin
			}
		}
		if f.name != 0 && (!f.latin || !source) {
			wd.concepts[wd.n] = f.name
			wd.n++
			if wd.kind == kindNone && source {
				wd.kind = kindName
			}
		}
		s.words = append(s.words, wd)
	})
	return s
}

// The concepts of punctuation.
var (
	conceptQuote    = conceptID("p\"")
	conceptQuestion = conceptID("p?")
	conceptBang     = conceptID("p!")
)

// wordFacts is what base needs of a word, which depends on the word
// alone: its lexicon stem, whether it is in Latin script, and its
// concepts as a Latin token and as a name (0 when its name key is too
// short to count).
type wordFacts struct {
	stem, lower, name uint32
	latin             bool
}

// facts returns the facts of w, from the builder's cache when w was seen
// before: words repeat, in a document and across documents.
func (b *builder) facts(w string) wordFacts {
	if f, ok := b.words[w]; ok {
		return f
	}
	f := wordFacts{stem: stemKey(Stem(w)), latin: isLatin(w)}
	if f.latin {
		f.lower = conceptID("l" + strings.ToLower(w))
	}
	if key := nameKey(w); len(key) >= 4 {
		f.name = conceptID("c" + key)
	}
	if len(b.words) >= maxCachedWords {
		clear(b.words)
	}
	b.words[strings.Clone(w)] = f
	return f
}

// maxCachedWords bounds the word cache of a builder.
const maxCachedWords = 1 << 16

// finish adds the lexicon's evidence to a base: source words get the
// stems of their translations, target words their own stem when some
// source word translates to it.
func finish(bs *base, lex *Lexicon, source bool) sentence {
	var s sentence
	if lex != nil {
		lex.index()
	}
	s.words = make([]word, 0, len(bs.fixed)+len(bs.words))
	s.words = append(s.words, bs.fixed...)
	for _, bw := range bs.words {
		wd, k := bw.word, int(bw.n)
		if lex != nil {
			if source {
				ts, ok := lex.hashed[bw.stem]
				for _, t := range ts {
					if k < len(wd.concepts) {
						wd.concepts[k] = t
						k++
					}
				}
				if ok && wd.kind == kindNone {
					wd.kind = kindLexicon
				}
			} else if c, ok := lex.hashedT[bw.stem]; ok {
				if k < len(wd.concepts) {
					wd.concepts[k] = c
					k++
				}
				wd.kind = kindLexicon
			}
		}
		if k > 0 {
			s.words = append(s.words, wd)
		}
	}
	for _, w := range s.words {
		for _, c := range w.concepts {
			if c != 0 {
				s.concepts = append(s.concepts, c)
			}
		}
	}
	slices.Sort(s.concepts)
	s.concepts = slices.Compact(s.concepts)
	for _, c := range s.concepts {
		w, bit := bloomBit(c)
		s.bloom[w] |= bit
	}
	return s
}

// Similarity returns the lexical log-likelihood ratio, in nats, that the
// two ranges translate each other.
func (s *Scorer) Similarity(src, tgt align.Range) float64 {
	return side(&s.w, &s.fromSrc, src, tgt) + side(&s.w, &s.fromTgt, tgt, src)
}

// mask returns which scored words of a[i] find a counterpart in b[j].
func mask(a []sentence, cache []pairCache, i int, b []sentence, j int) uint64 {
	c := &cache[i]
	w := c.w.Load()
	if w == nil || j < w.lo || j >= w.lo+len(w.m) {
		w = c.widen(j, len(b))
	}
	return cached(&w.m[j-w.lo], &a[i], &b[j])
}

// widen returns the window of c, widened to hold sentence j of n.
func (c *pairCache) widen(j, n int) *window {
	c.mu.Lock()
	defer c.mu.Unlock()
	old := c.w.Load()
	if old != nil && j >= old.lo && j < old.lo+len(old.m) {
		return old // widened meanwhile
	}
	lo, hi := j, j+1
	if old != nil {
		lo, hi = min(lo, old.lo), max(hi, old.lo+len(old.m))
	}
	// Room to grow both ways, as the band moves along.
	grow := max(8, (hi-lo)/4)
	lo, hi = max(0, lo-grow), min(n, hi+grow)
	w := &window{lo: lo, m: make([]atomic.Uint64, hi-lo)}
	if old != nil {
		for k := range old.m {
			w.m[old.lo-lo+k].Store(old.m[k].Load())
		}
	}
	c.w.Store(w)
	return w
}

// chanceLog[k] is log(k), the fall of the gain of a match among k
// sentences.
var chanceLog = func() [64]float64 {
	var t [64]float64
	for k := 1; k < len(t); k++ {
		t[k] = math.Log(float64(k))
	}
	return t
}()

// side sums the evidence of the words of the sentences ra of a against
// the concepts of the sentences rb of b. A word is more likely to find a
// counterpart by chance among more sentences, so the gain of a match
// falls by the log of their number.
func side(wt *Weights, m *masks, ra align.Range, rb align.Range) float64 {
	a, b := m.a, m.b
	v := 0.0
	var chance float64
	if rb.Len() < len(chanceLog) {
		chance = chanceLog[rb.Len()]
	} else {
		chance = math.Log(float64(rb.Len()))
	}
	for i := ra.Start; i < ra.End; i++ {
		sa := &a[i]
		v += sa.fixed
		if len(sa.scored) == 0 && !sa.many {
			continue // nothing to find: lossAll is 0
		}
		if !sa.many {
			var or uint64
			for j := rb.Start; j < rb.End; j++ {
				or |= m.of(i, j)
			}
			if or == 0 {
				v -= sa.lossAll
				continue
			}
			v -= sa.lossAll + chance*float64(bits.OnesCount64(or))
			for k := kindNumber; k <= kindPunct; k++ {
				if x := or & sa.kindMask[k]; x != 0 {
					v += (wt.gain[k] + wt.loss[k]) * float64(bits.OnesCount64(x))
				}
			}
			continue
		}
		for _, w := range sa.words {
			if w.kind == kindNone {
				continue
			}
			if found(w.concepts, b[rb.Start:rb.End]) {
				v += wt.gain[w.kind] - chance
			} else {
				v -= wt.loss[w.kind]
			}
		}
	}
	return v / 2 // each side tells half the story
}

func found(cs [3]uint32, b []sentence) bool {
	for k := range b {
		if foundIn(cs, &b[k]) {
			return true
		}
	}
	return false
}

// foundIn reports whether sentence sb holds one of the concepts cs.
func foundIn(cs [3]uint32, sb *sentence) bool {
	for _, c := range cs {
		if c == 0 {
			break
		}
		w, bit := bloomBit(c)
		if sb.bloom[w]&bit == 0 {
			continue
		}
		if _, ok := slices.BinarySearch(sb.concepts, c); ok {
			return true
		}
	}
	return false
}

// Words splits text into runs of letters and digits (an apostrophe or
// hyphen inside a word is kept).
func Words(text string) []string {
	var out []string
	eachWord(text, func(w string) { out = append(out, w) })
	return out
}

// eachWord calls f with each word of text, as Words splits it: a
// substring of text, so nothing is allocated.
func eachWord(text string, f func(w string)) {
	start := -1
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		in := isWordRune(r)
		if !in && start >= 0 && (r == '\'' || r == '’' || r == '-') {
			// Inside a word when a letter follows.
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			in = i+size < len(text) && lang.IsLetter(next)
		}
		if in && start < 0 {
			start = i
		}
		if !in && start >= 0 {
			f(text[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		f(text[start:])
	}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return lang.IsLetter(r) || unicode.IsDigit(r)
}

func isDigits(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func isLatin(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// nameKey is the key under which a name or cognate meets its spelling
// in the other script: lang.Key folded to its end, with s and z merged, cut to six letters
// so that Russian endings fall away.
func nameKey(w string) string {
	// lang.Key folds in one pass, and a fold can make another: the "ия"
	// of "Армения" becomes "ia", which "Armenia" folds to "a". A second
	// pass reaches the key both spellings share.
	k := strings.ReplaceAll(lang.Key(lang.Key(w)), "z", "s")
	if len(k) > 6 {
		k = k[:6]
	}
	return k
}

// Stem is the lexicon's key for a word: lower case, at most six letters,
// so that most inflected forms of a word meet; a Cyrillic word also
// loses up to two final vowels or soft signs ("дома" and "дом",
// "собаки" and "собака" meet).
func Stem(w string) string {
	rs := []rune(strings.ToLower(w))
	for k := 0; k < 2 && len(rs) > 3 && strings.ContainsRune("аеёиоуыэюяйь", rs[len(rs)-1]); k++ {
		rs = rs[:len(rs)-1]
	}
	if len(rs) > 6 {
		rs = rs[:6]
	}
	return string(rs)
}

// dialogue reports whether text is (or holds) direct speech: it starts
// with a dash, as Russian dialogue does, or holds quotation marks.
func dialogue(text string) bool {
	t := strings.TrimSpace(text)
	if strings.HasPrefix(t, "—") || strings.HasPrefix(t, "–") || strings.HasPrefix(t, "- ") {
		return true
	}
	return hasQuote(t)
}

// hasQuote reports whether s holds one of the quotation marks « » “ ” „
// or ". It looks at bytes: in UTF-8, « and » are C2 AB and C2 BB, and
// “ ” „ are E2 80 9C to E2 80 9E.
func hasQuote(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			return true
		case 0xC2:
			if i+1 < len(s) && (s[i+1] == 0xAB || s[i+1] == 0xBB) {
				return true
			}
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x9C && s[i+2] <= 0x9E {
				return true
			}
		}
	}
	return false
}
