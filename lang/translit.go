package lang

import (
	"bufio"
	"embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Scheme is a transliteration scheme from Russian Cyrillic to Latin.
// The zero value is Wikipedia, the house scheme. Schemes are data: each
// is a table under tables/translit/, embedded and parsed once.
type Scheme uint8

// The schemes, in the order Schemes returns them.
const (
	Wikipedia   Scheme = iota // common English-language practice, the house scheme
	ICAO                      // ICAO Doc 9303, Russian foreign passports since 2013
	BGNPCGN                   // BGN/PCGN 1947
	GOST779B                  // GOST 7.79-2000 system B (ASCII)
	ISO9                      // ISO 9:1995 = GOST 7.79-2000 system A
	ALALC                     // ALA-LC, with diacritics
	Telegram                  // Telegram user names
	MVD310                    // MVD 310-1997 passports
	MVD782                    // MVD 782-2000 passports
	YandexMaps                // Yandex.Maps
	YandexMoney               // Yandex.Money
	Scientific                // scientific transliteration
	numSchemes
)

// schemeFiles names the table of each scheme; the table's scheme line
// must give the same name.
var schemeFiles = [numSchemes]string{
	"wikipedia", "icao", "bgn-pcgn", "gost-7.79-b", "iso-9", "ala-lc",
	"telegram", "mvd-310", "mvd-782", "yandex-maps", "yandex-money", "scientific",
}

// Schemes returns every scheme, the house scheme first.
func Schemes() []Scheme {
	out := make([]Scheme, numSchemes)
	for i := range out {
		out[i] = Scheme(i)
	}
	return out
}

// String returns the scheme's name as ParseScheme takes it, such as
// "wikipedia" or "gost-7.79-b".
func (s Scheme) String() string {
	if s >= numSchemes {
		return fmt.Sprintf("Scheme(%d)", uint8(s))
	}
	return schemeFiles[s]
}

// Title returns a one-line description of the scheme.
func (s Scheme) Title() string {
	if s >= numSchemes {
		return s.String()
	}
	return loadSchemes()[s].title
}

// SchemeNames returns the names of every scheme, comma-separated, for
// error and help messages.
func SchemeNames() string {
	return strings.Join(schemeFiles[:], ", ")
}

// ParseScheme parses a scheme name: the name String gives or an alias
// of the scheme's table (such as "icao_doc_9303"), in any case, with "_"
// and "-" alike. The error lists the valid names.
func ParseScheme(name string) (Scheme, error) {
	n := schemeName(name)
	tabs := loadSchemes()
	for i, t := range tabs {
		if schemeName(t.name) == n || slices.Contains(t.aliases, n) {
			return Scheme(i), nil
		}
	}
	return Wikipedia, fmt.Errorf("lang: unknown transliteration scheme %q; use one of %s", name, SchemeNames())
}

func schemeName(s string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "_", "-")
}

// schemeTable is one parsed scheme table. Keys are lower-case Cyrillic.
type schemeTable struct {
	name    string
	title   string
	aliases []string
	letter  map[rune]string
	start   map[rune]string // the letter at the start of a word
	after   map[[2]rune]string
	before  map[[2]rune]string
	ending  map[[2]rune]string
}

//go:embed tables/translit/*.tsv
var translitFS embed.FS

// loadSchemes parses every scheme table once. A malformed table is a
// bug of the build, so it panics; TestSchemeTables parses them all.
var loadSchemes = sync.OnceValue(func() [numSchemes]*schemeTable {
	var out [numSchemes]*schemeTable
	for i, name := range schemeFiles {
		t, err := parseSchemeTable("tables/translit/" + name + ".tsv")
		if err != nil {
			panic(err)
		}
		if t.name != name {
			panic(fmt.Sprintf("lang: tables/translit/%s.tsv names scheme %q", name, t.name))
		}
		out[i] = t
	}
	return out
})

func parseSchemeTable(path string) (*schemeTable, error) {
	f, err := translitFS.Open(path)
	if err != nil {
		return nil, fmt.Errorf("lang: %w", err)
	}
	defer f.Close()
	t := &schemeTable{
		letter: map[rune]string{}, start: map[rune]string{},
		after: map[[2]rune]string{}, before: map[[2]rune]string{}, ending: map[[2]rune]string{},
	}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		bad := func(msg string) error {
			return fmt.Errorf("lang: %s:%d: %s", path, line, msg)
		}
		value := func() (string, error) {
			if len(fields) != 3 {
				return "", bad("want three tab-separated fields: rule, Cyrillic, Latin")
			}
			if fields[2] == "-" {
				return "", nil
			}
			if fields[2] == "" {
				return "", bad("empty Latin value; write - for nothing")
			}
			return fields[2], nil
		}
		pair := func() ([2]rune, error) {
			rs := []rune(fields[1])
			if len(rs) != 2 {
				return [2]rune{}, bad("want two Cyrillic letters")
			}
			return [2]rune{unicode.ToLower(rs[0]), unicode.ToLower(rs[1])}, nil
		}
		switch fields[0] {
		case "scheme":
			if len(fields) != 3 {
				return nil, bad("want: scheme, name, title")
			}
			t.name, t.title = fields[1], fields[2]
		case "alias":
			if len(fields) != 2 {
				return nil, bad("want: alias, name")
			}
			t.aliases = append(t.aliases, schemeName(fields[1]))
		case "letter", "start":
			v, err := value()
			if err != nil {
				return nil, err
			}
			r, n := utf8.DecodeRuneInString(fields[1])
			if n != len(fields[1]) || !unicode.Is(unicode.Cyrillic, r) {
				return nil, bad("want one Cyrillic letter")
			}
			if fields[0] == "letter" {
				t.letter[unicode.ToLower(r)] = v
			} else {
				t.start[unicode.ToLower(r)] = v
			}
		case "after", "before", "ending":
			v, err := value()
			if err != nil {
				return nil, err
			}
			p, err := pair()
			if err != nil {
				return nil, err
			}
			switch fields[0] {
			case "after":
				t.after[p] = v
			case "before":
				t.before[p] = v
			default:
				t.ending[p] = v
			}
		default:
			return nil, bad(fmt.Sprintf("unknown rule %q; use scheme, alias, letter, start, after, before or ending", fields[0]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lang: %s: %w", path, err)
	}
	if t.name == "" {
		return nil, fmt.Errorf("lang: %s: no scheme line", path)
	}
	if len(t.letter) < 33 {
		return nil, fmt.Errorf("lang: %s: %d letters; every one of the 33 Russian letters needs a rule", path, len(t.letter))
	}
	return t, nil
}

// Translit writes the Russian letters of text in Latin by the scheme.
// Everything else (Latin letters, digits, punctuation, space, letters of
// other alphabets) is kept as it is. Words are runs of letters; the
// positional rules (start, after, before, ending) look only inside a
// word. A capital letter gives a capitalised rendering ("Щ" is "Shch"),
// and a word in capitals stays in capitals ("ЩИ" is "SHCHI").
//
// The result is valid UTF-8 whenever text is; invalid bytes are kept.
func (s Scheme) Translit(text string) string {
	if s >= numSchemes {
		s = Wikipedia
	}
	t := loadSchemes()[s]
	var b strings.Builder
	b.Grow(len(text) + len(text)/4)
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			b.WriteString(text[i : i+n])
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r2) {
				break
			}
			j += n2
		}
		t.word(&b, text[i:j])
		i = j
	}
	return b.String()
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r))
}

// word writes the transliteration of one word.
func (t *schemeTable) word(b *strings.Builder, w string) {
	rs := []rune(w)
	if !hasCyrillic(rs) {
		b.WriteString(w)
		return
	}
	lower := make([]rune, len(rs))
	upper := 0
	for i, r := range rs {
		lower[i] = unicode.ToLower(r)
		if unicode.IsUpper(r) {
			upper++
		}
	}
	allCaps := upper == len(rs) && len(rs) > 1
	stem := len(rs)
	var end string
	if len(rs) > 2 {
		if v, ok := t.ending[[2]rune{lower[len(rs)-2], lower[len(rs)-1]}]; ok {
			stem = len(rs) - 2
			end = v
		}
	}
	for i := 0; i < stem; i++ {
		v := t.letterAt(lower[:stem], i)
		writeCased(b, v, unicode.IsUpper(rs[i]), allCaps)
	}
	if stem < len(rs) {
		writeCased(b, end, unicode.IsUpper(rs[stem]), allCaps)
	}
}

// letterAt returns the rendering of w[i], the rules tried in the order
// start or after, before, letter. w is lower-case.
func (t *schemeTable) letterAt(w []rune, i int) string {
	c := w[i]
	if i == 0 {
		if v, ok := t.start[c]; ok {
			return v
		}
	} else if v, ok := t.after[[2]rune{w[i-1], c}]; ok {
		return v
	}
	if i+1 < len(w) {
		if v, ok := t.before[[2]rune{c, w[i+1]}]; ok {
			return v
		}
	}
	if v, ok := t.letter[c]; ok {
		return v
	}
	return string(c)
}

func writeCased(b *strings.Builder, v string, upper, allCaps bool) {
	switch {
	case !upper || v == "":
		b.WriteString(v)
	case allCaps:
		b.WriteString(strings.ToUpper(v))
	default:
		r, n := utf8.DecodeRuneInString(v)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(v[n:])
	}
}

func hasCyrillic(rs []rune) bool {
	for _, r := range rs {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}

// Cyrillic returns the likely Russian spellings of a Latin word, the
// most likely first, at most max of them (all when max <= 0). A spelling
// is returned only when some scheme writes it exactly as the word
// (letter case aside); Reading tells which. Spellings that break Russian
// spelling rules (ы or ь at the start of a word, ы after a vowel, й after
// a consonant) are left out. The order is defined: fewer unusual letters
// (ь, ъ, э inside a word, ё, ы) first, then more schemes, then
// alphabetical. Words longer than 48 letters have no reading.
func Cyrillic(latin string, max int) []Reading {
	if latin == "" || !utf8.ValidString(latin) || utf8.RuneCountInString(latin) > maxReadingLen {
		return nil
	}
	// Cut the word into runs of letters and what separates them
	// (Kassym-Jomart): each run is read alone, the readings combined.
	var parts []string
	start := 0
	for i, r := range latin {
		if !unicode.IsLetter(r) {
			if i > start {
				parts = append(parts, latin[start:i])
			}
			parts = append(parts, string(r))
			start = i + utf8.RuneLen(r)
		}
	}
	if start < len(latin) {
		parts = append(parts, latin[start:])
	}
	out := []Reading{{Schemes: Schemes()}}
	for _, p := range parts {
		r, _ := utf8.DecodeRuneInString(p)
		if !unicode.IsLetter(r) {
			for i := range out {
				out[i].Russian += p
			}
			continue
		}
		rs := cyrillicWord(p, 3)
		if len(rs) == 0 {
			return nil
		}
		var next []Reading
		for _, a := range out {
			for _, b := range rs {
				var both []Scheme
				for _, s := range a.Schemes {
					if slices.Contains(b.Schemes, s) {
						both = append(both, s)
					}
				}
				if len(both) > 0 {
					next = append(next, Reading{Russian: a.Russian + b.Russian, Schemes: both, Cost: a.Cost + b.Cost})
				}
			}
		}
		sortReadings(next)
		if len(next) > 9 {
			next = next[:9]
		}
		out = next
	}
	if len(parts) == 1 {
		out = cyrillicWord(latin, 0)
	}
	if max > 0 && len(out) > max {
		out = out[:max]
	}
	return out
}

// cyrillicWord returns the readings of a word of letters only.
func cyrillicWord(latin string, max int) []Reading {
	word := strings.ToLower(latin)
	found := map[string]*Reading{}
	for _, s := range Schemes() {
		for _, c := range loadReverse()[s].candidates(word) {
			if strings.ToLower(s.Translit(c)) != word {
				continue
			}
			r := found[c]
			if r == nil {
				r = &Reading{Russian: c, Cost: spellingCost(c)}
				found[c] = r
			}
			r.Schemes = append(r.Schemes, s)
		}
	}
	out := make([]Reading, 0, len(found))
	for _, r := range found {
		out = append(out, *r)
	}
	sortReadings(out)
	if max > 0 && len(out) > max {
		out = out[:max]
	}
	// Give the spelling the letter case of the Latin word.
	for i := range out {
		out[i].Russian = matchCase(out[i].Russian, latin)
	}
	return out
}

func sortReadings(rs []Reading) {
	sort.Slice(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.Cost != b.Cost {
			return a.Cost < b.Cost
		}
		if len(a.Schemes) != len(b.Schemes) {
			return len(a.Schemes) > len(b.Schemes)
		}
		return a.Russian < b.Russian
	})
}

// maxReadingLen is the longest word Cyrillic reads, in letters: no name
// is longer, and the search grows with the square of the length.
const maxReadingLen = 48

// Reading is a Russian spelling of a Latin word and the schemes that
// write it so.
type Reading struct {
	Russian string
	Schemes []Scheme // in the order of Schemes
	// Cost says how unusual the spelling is: its length in letters plus
	// a cost for each letter rare where it stands. Lower is likelier.
	Cost int
}

func matchCase(cyr, latin string) string {
	r, _ := utf8.DecodeRuneInString(latin)
	if !unicode.IsUpper(r) {
		return cyr
	}
	if strings.ToUpper(latin) == latin && utf8.RuneCountInString(latin) > 1 {
		return strings.ToUpper(cyr)
	}
	c, n := utf8.DecodeRuneInString(cyr)
	return string(unicode.ToUpper(c)) + cyr[n:]
}

const ruVowels = "аеёиоуыэюя"

// spellingCost scores how unusual a Russian spelling is: its length in
// letters plus a cost for each letter that is rare where it stands.
func spellingCost(w string) int {
	rs := []rune(w)
	cost := len(rs) // fewer letters: longer Latin pieces
	for i, r := range rs {
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch r {
		case 'ь':
			cost += 2
			if next == 0 || strings.ContainsRune("еёюяи", next) {
				cost-- // Ильин, Юрьев, Игорь
			}
		case 'ъ':
			cost += 4
		case 'ё':
			cost += 2
		case 'э':
			if i > 0 {
				cost += 3
			}
		case 'и':
			if (next == 'е' || next == 'ё') && i > 0 && !strings.ContainsRune(ruVowels, rs[i-1]) {
				cost += 2 // Григорьевич rather than Григориевич
			}
			if next == 0 && i > 0 {
				cost += 2 // names rarely end so: Юрий, Сергей rather than Юри, Сергеи
			}
		case 'ы':
			cost++
			if next == 0 {
				cost += 2 // Красный rather than Красны
			}
			if strings.ContainsRune(ruVowels, next) {
				cost += 3
			}
		case 'щ':
			cost++
		case 'й':
			if strings.ContainsRune(ruVowels, next) {
				cost += 2
			}
			if i >= 2 && rs[i-1] == 'и' && strings.ContainsRune(ruVowels, rs[i-2]) {
				cost += 3 // аий, оий: rare
			}
		}
	}
	return cost
}

// reverseTable holds, for one scheme, the Cyrillic letters behind every
// Latin piece the scheme writes.
type reverseTable struct {
	pieces map[string][]string // Latin piece → Cyrillic letters
	maxLen int                 // longest piece in bytes
	silent []string            // letters written as nothing
}

var loadReverse = sync.OnceValue(func() [numSchemes]*reverseTable {
	var out [numSchemes]*reverseTable
	for i, t := range loadSchemes() {
		rt := &reverseTable{pieces: map[string][]string{}}
		add := func(lat, cyr string) {
			if lat == "" {
				if !slices.Contains(rt.silent, cyr) {
					rt.silent = append(rt.silent, cyr)
				}
				return
			}
			lat = strings.ToLower(lat)
			if !slices.Contains(rt.pieces[lat], cyr) {
				rt.pieces[lat] = append(rt.pieces[lat], cyr)
			}
			rt.maxLen = max(rt.maxLen, len(lat))
		}
		for c, v := range t.letter {
			add(v, string(c))
		}
		for c, v := range t.start {
			add(v, string(c))
		}
		for p, v := range t.after {
			add(v, string(p[1]))
		}
		for p, v := range t.before {
			add(v, string(p[0]))
		}
		for p, v := range t.ending {
			add(v, string(p[:]))
		}
		for _, v := range rt.pieces {
			slices.Sort(v)
		}
		slices.Sort(rt.silent)
		out[i] = rt
	}
	return out
})

// candidates returns Russian spellings that may give word under the
// scheme, found by a beam search over the ways to cut word into the
// scheme's Latin pieces. They are checked by the caller.
func (rt *reverseTable) candidates(word string) []string {
	type state struct {
		cyr  string
		cost int
	}
	const beam = 48
	states := make([][]state, len(word)+1)
	states[0] = []state{{}}
	for i := 0; i < len(word); i++ {
		cur := states[i]
		if len(cur) == 0 {
			continue
		}
		sort.Slice(cur, func(a, b int) bool {
			if cur[a].cost != cur[b].cost {
				return cur[a].cost < cur[b].cost
			}
			return cur[a].cyr < cur[b].cyr
		})
		if len(cur) > beam {
			cur = cur[:beam]
		}
		for l := 1; l <= rt.maxLen && i+l <= len(word); l++ {
			for _, cyr := range rt.pieces[word[i:i+l]] {
				for _, st := range cur {
					next := st.cyr + cyr
					if !plausibleEnd(next, len(cyr)) {
						continue
					}
					states[i+l] = append(states[i+l], state{next, spellingCost(next)})
					// A silent letter (ь, ъ) may follow a consonant.
					for _, s := range rt.silent {
						if i+l < len(word) && plausible(next+s) {
							states[i+l] = append(states[i+l], state{next + s, spellingCost(next + s)})
						}
					}
				}
			}
		}
		states[i] = nil
	}
	var out []string
	for _, st := range states[len(word)] {
		out = append(out, st.cyr)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// plausibleEnd reports whether every letter of the last n bytes of w
// keeps the rules plausible checks.
func plausibleEnd(w string, n int) bool {
	for end := len(w); end > len(w)-n; {
		if !plausible(w[:end]) {
			return false
		}
		_, size := utf8.DecodeLastRuneInString(w[:end])
		end -= size
	}
	return true
}

// plausible reports whether the last letter of a Russian spelling keeps
// the rules: ь, ъ and ы never open a word nor follow a vowel, ь, ъ or й;
// й opens a word or follows a vowel.
func plausible(w string) bool {
	last, n := utf8.DecodeLastRuneInString(w)
	prev, _ := utf8.DecodeLastRuneInString(w[:len(w)-n])
	switch last {
	case 'ь', 'ъ', 'ы':
		return len(w) > n && !strings.ContainsRune(ruVowels+"ьъй", prev)
	case 'й':
		return len(w) == n || strings.ContainsRune(ruVowels, prev)
	}
	return true
}
