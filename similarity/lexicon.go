package similarity

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Lexicon links source word stems (see Stem) to the stems of their
// translations. It is read-only once built and safe for concurrent use.
type Lexicon struct {
	m       map[string][]string // source stem -> target stems, sorted
	targets map[string]bool     // every target stem of m

	// The same by stem hash (stemKey), with the concepts of the target
	// stems, built once on first use.
	once    sync.Once
	hashed  map[uint32][]uint32 // source stem -> concepts of its translations
	hashedT map[uint32]uint32   // target stem -> its concept
}

// stemKey is the hash under which a prepared word looks up its stem.
func stemKey(stem string) uint32 { return conceptID("s" + stem) }

func (l *Lexicon) index() {
	l.once.Do(func() {
		l.hashed = make(map[uint32][]uint32, len(l.m))
		l.hashedT = make(map[uint32]uint32, len(l.targets))
		for s, ts := range l.m {
			cs := make([]uint32, len(ts))
			for k, t := range ts {
				cs[k] = conceptID("w" + t)
			}
			l.hashed[stemKey(s)] = cs
		}
		for t := range l.targets {
			l.hashedT[stemKey(t)] = conceptID("w" + t)
		}
	})
}

// Len returns the number of source stems in l.
func (l *Lexicon) Len() int {
	if l == nil {
		return 0
	}
	return len(l.m)
}

// Translations returns the target stems linked to the stem of source
// word w, sorted.
func (l *Lexicon) Translations(w string) []string {
	if l == nil {
		return nil
	}
	return l.m[Stem(w)]
}

func newLexicon() *Lexicon {
	return &Lexicon{m: map[string][]string{}, targets: map[string]bool{}}
}

func (l *Lexicon) add(src, tgt string) {
	for _, t := range l.m[src] {
		if t == tgt {
			return
		}
	}
	l.m[src] = append(l.m[src], tgt)
	sort.Strings(l.m[src])
	l.targets[tgt] = true
}

// Merge returns a lexicon holding the pairs of l and o; either may be
// nil.
func Merge(l, o *Lexicon) *Lexicon {
	out := newLexicon()
	for _, x := range []*Lexicon{l, o} {
		if x == nil {
			continue
		}
		for s, ts := range x.m {
			for _, t := range ts {
				out.add(s, t)
			}
		}
	}
	return out
}

// ReadDict reads a bilingual dictionary in hunalign's format: one pair a
// line, the target (English) phrase, " @ ", the source (Russian) phrase.
// Pairs of single words are kept (as stems); phrases of several words on
// either side are skipped, as are blank lines and lines starting with
// "#". name is the file name for errors.
func ReadDict(r io.Reader, name string) (*Lexicon, error) {
	l := newLexicon()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		en, ru, ok := strings.Cut(t, " @ ")
		if !ok {
			return nil, fmt.Errorf("similarity: %s:%d: want \"english @ russian\", got %q", name, line, t)
		}
		ew, rw := Words(en), Words(ru)
		if len(ew) != 1 || len(rw) != 1 {
			continue
		}
		l.add(Stem(rw[0]), Stem(ew[0]))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("similarity: %s: %v", name, err)
	}
	return l, nil
}

// Learn builds a lexicon from sentence pairs believed to be translations
// (the confident beads of a first alignment): a source stem is linked to
// the target stems it co-occurs with most, by the Dice coefficient, when
// the pair occurs at least minCount times and Dice is at least minDice.
// At most maxPerWord translations are kept for a stem. Words of fewer
// than three letters are left out.
func Learn(src, tgt []string) *Lexicon {
	const (
		minCount   = 3
		minDice    = 0.2
		maxPerWord = 3
	)
	ids := map[string]int32{}
	var names []string
	id := func(s string) int32 {
		if v, ok := ids[s]; ok {
			return v
		}
		v := int32(len(names))
		ids[s] = v
		names = append(names, s)
		return v
	}
	var count []int32
	pair := map[uint64]int32{}
	// The stem of a word is looked up once per side: words repeat.
	seen := [2]map[string]int32{{}, {}}
	stems := func(text string, side int) []int32 {
		var out []int32
		eachWord(text, func(w string) {
			v, ok := seen[side][w]
			if !ok {
				v = -1
				if utf8.RuneCountInString(w) >= 3 && !isDigits(w) {
					v = id("st"[side:side+1] + Stem(w))
				}
				seen[side][strings.Clone(w)] = v
			}
			if v >= 0 {
				out = append(out, v)
			}
		})
		slices.Sort(out)
		return compact32(out)
	}
	for k := range src {
		ss, ts := stems(src[k], 0), stems(tgt[k], 1)
		for len(count) < len(names) {
			count = append(count, 0)
		}
		for _, a := range ss {
			count[a]++
		}
		for _, b := range ts {
			count[b]++
		}
		for _, a := range ss {
			for _, b := range ts {
				pair[uint64(a)<<32|uint64(b)]++
			}
		}
	}
	type cand struct {
		t    string
		dice float64
	}
	best := map[int32][]cand{}
	for k, c := range pair {
		if c < minCount {
			continue
		}
		a, b := int32(k>>32), int32(k&0xffffffff)
		d := 2 * float64(c) / float64(count[a]+count[b])
		if d >= minDice {
			best[a] = append(best[a], cand{names[b][1:], d})
		}
	}
	l := newLexicon()
	for a, cs := range best {
		sort.Slice(cs, func(x, y int) bool {
			if cs[x].dice != cs[y].dice {
				return cs[x].dice > cs[y].dice
			}
			return cs[x].t < cs[y].t
		})
		for _, c := range cs[:min(len(cs), maxPerWord)] {
			l.add(names[a][1:], c.t)
		}
	}
	return l
}

func compact32(xs []int32) []int32 {
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}
