package lang

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
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
// spellings that the common schemes give one Russian sound.
var keyFolds = strings.NewReplacer(
	"shch", "sh", "sch", "sh", "dzh", "j", "zh", "j", "kh", "h", "tch", "ch",
	"tz", "ts", "yu", "u", "iu", "u", "ya", "a", "ia", "a",
	"ye", "e", "yo", "o", "ie", "e", "ey", "ei", "y", "i",
	"w", "v", "x", "ks", "ph", "f", "ch", "ch", "ck", "k", "c", "k", "q", "k",
)

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
	r := Romanize(word)
	var b strings.Builder
	for _, c := range r {
		if unicode.IsLetter(c) {
			b.WriteRune(c)
		}
	}
	k := keyFolds.Replace(b.String())
	// Make doubled letters single.
	out := make([]byte, 0, len(k))
	for i := 0; i < len(k); i++ {
		if i > 0 && k[i] == k[i-1] {
			continue
		}
		out = append(out, k[i])
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
