package lang

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// romanKey maps lower-case Russian letters to Latin for match keys. It is
// not a transliteration scheme (see the schemes for those): it is tuned so
// that the spellings of one name under different schemes meet.
var romanKey = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	// Letters of other Cyrillic alphabets met in names.
	'і': "i", 'ї': "i", 'є': "e", 'ґ': "g", 'ў': "u", 'ң': "n", 'ғ': "g",
	'қ': "k", 'ү': "u", 'ұ': "u", 'ө': "o", 'һ': "h", 'ә': "a", 'ҳ': "h",
	'ҷ': "j", 'ӣ': "i", 'ӯ': "u",
}

// Romanize writes Cyrillic letters of s in Latin, lower-cased, by a fixed
// key table; other characters are lower-cased and kept. It is a match
// key for comparing words across scripts, not a transliteration to show.
func Romanize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if l, ok := romanKey[r]; ok {
			b.WriteString(l)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// keyFolds are applied in order to a romanized word; they merge the
// spellings that the common schemes give one Russian sound. At each
// position the first pair in this list whose old string starts there
// replaces it, as strings.Replacer does.
var keyFolds = []string{
	"shch", "sh", "sch", "sh", "dzh", "j", "zh", "j", "kh", "h", "tch", "ch",
	"tz", "ts", "yu", "u", "iu", "u", "ya", "a", "ia", "a",
	"ye", "e", "yo", "o", "ie", "e", "ey", "ei", "y", "i",
	"w", "v", "x", "ks", "ph", "f", "ch", "ch", "ck", "k", "c", "k", "q", "k",
}

// fold is one pair of keyFolds.
type fold struct{ old, new string }

// foldsByByte lists the pairs of keyFolds by the first byte of their old
// string, in the order of keyFolds.
var foldsByByte = sync.OnceValue(func() *[256][]fold {
	var t [256][]fold
	for i := 0; i < len(keyFolds); i += 2 {
		old := keyFolds[i]
		t[old[0]] = append(t[old[0]], fold{old, keyFolds[i+1]})
	}
	return &t
})

// cyrillicKey is romanKey for the Cyrillic block U+0400 to U+04FF, by
// rune - 0x400, so that the letters of a word are looked up without
// hashing; ok is false for the runes romanKey does not hold.
var cyrillicKey = sync.OnceValue(func() *[256]struct {
	latin string
	ok    bool
} {
	var t [256]struct {
		latin string
		ok    bool
	}
	for r, l := range romanKey {
		if 0x400 <= r && r <= 0x4FF {
			t[r-0x400].latin, t[r-0x400].ok = l, true
		}
	}
	return &t
})

// Key returns a match key for a word in either script: romanized,
// lower-cased, letters only, with the variant spellings of one sound
// folded and doubled letters made single. "Григорьевич", "Grigoryevich"
// and "Grigorievich" share a key, as do "Sadyr" and "Sadir".
func Key(word string) string {
	if k, ok := keyCache.Load(word); ok {
		return k.(string)
	}
	k := key(word)
	if keyCached.Add(1) <= maxKeyCache {
		keyCache.Store(strings.Clone(word), k)
	}
	return k
}

// keyCache remembers the keys of the words seen: the checks, the names
// index and the aligner's evidence ask for the keys of the same words
// many times. It stops growing at maxKeyCache words, so a huge
// vocabulary costs time, not memory.
var (
	keyCache  sync.Map // word → key
	keyCached atomic.Int64
)

const maxKeyCache = 1 << 20

func key(word string) string {
	// Romanize, keeping letters only: romanKey gives Latin letters.
	var romBuf, outBuf [64]byte
	rom := romBuf[:0]
	cyr := cyrillicKey()
	for _, r := range word {
		r = ToLower(r)
		if 0x400 <= r && r <= 0x4FF {
			if c := cyr[r-0x400]; c.ok {
				rom = append(rom, c.latin...)
				continue
			}
		} else if r >= utf8.RuneSelf {
			if l, ok := romanKey[r]; ok { // none so far: all are Cyrillic
				rom = append(rom, l...)
				continue
			}
		}
		if unicode.IsLetter(r) {
			rom = utf8.AppendRune(rom, r)
		}
	}
	// Fold, and make doubled letters single: a byte equal to the one
	// before it in the folded word is the byte last written.
	out := outBuf[:0]
	put := func(s string) {
		for i := 0; i < len(s); i++ {
			if len(out) == 0 || s[i] != out[len(out)-1] {
				out = append(out, s[i])
			}
		}
	}
	folds := foldsByByte()
	for i := 0; i < len(rom); {
		matched := false
		for _, f := range folds[rom[i]] {
			if len(rom)-i >= len(f.old) && string(rom[i:i+len(f.old)]) == f.old {
				put(f.new)
				i += len(f.old)
				matched = true
				break
			}
		}
		if !matched {
			put(string(rom[i : i+1]))
			i++
		}
	}
	return string(out)
}

// Distance is the edit distance of Levenshtein between two words, in
// characters: how many letters must be inserted, deleted or replaced to
// turn one into the other. With Key it tells how near two spellings are.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
