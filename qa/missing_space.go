package qa

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func init() {
	register(&Check{
		Code: "missing-space", Severity: Warning, Category: Spacing,
		Doc: `no space after the end of a sentence or a comma ("ended.The", "this,that")`,
		Run: checkMissingSpace,
	})
}

// topLevelDomains are the words after a period that make a site name
// ("Cronos.Asia", "Kremlin.ru") rather than two sentences.
var topLevelDomains = map[string]bool{
	"com": true, "org": true, "net": true, "ru": true, "asia": true, "info": true, "gov": true,
	"edu": true, "io": true, "kz": true, "by": true, "am": true, "kg": true, "tj": true, "uz": true,
	"ua": true, "su": true, "uk": true, "us": true, "eu": true, "int": true, "news": true, "tv": true,
	"biz": true, "de": true, "fr": true, "az": true, "ge": true, "md": true, "online": true,
	"today": true, "media": true, "pro": true, "site": true, "life": true, "world": true, "live": true,
	"club": true, "press": true, "rf": true, "рф": true,
}

// checkMissingSpace flags a period, "!" or "?" between two words when the
// one before has at least two lower-case letters and the one after
// starts in upper case ("ended.The"), and a comma or semicolon between
// two letters ("this,that"). Site names, e-mail addresses, decimals and
// abbreviations such as "U.S." are left alone.
func checkMissingSpace(in *Input, r *Reporter) {
	for i := range in.Beads {
		b := &in.Beads[i]
		t := b.Tgt.Text
		for k := 1; k+1 < len(t); k++ {
			c := t[k]
			switch c {
			case '.', '!', '?', ',', ';':
			default:
				continue
			}
			prev, _ := utf8.DecodeLastRuneInString(t[:k])
			next, _ := utf8.DecodeRuneInString(t[k+1:])
			if !unicode.IsLetter(prev) || !unicode.IsLetter(next) {
				continue
			}
			ws, we := wordAround(t, k)
			if strings.ContainsAny(t[ws:we], "@/") || strings.HasPrefix(strings.ToLower(t[ws:we]), "www.") {
				continue
			}
			switch c {
			case ',', ';':
				if !isLatinWord(string(prev)) && !isCyrillicWord(string(prev)) {
					continue
				}
				from := max(0, k-34) // the longest entity
				if a := strings.LastIndexByte(t[from:k], '&'); c == ';' && a >= 0 && entityRE.FindString(t[from+a:k+1]) == t[from+a:k+1] {
					continue // "&amp;P": the markup check's
				}
			default:
				if !unicode.IsUpper(next) || lowerRunBefore(t, k) < 2 {
					continue
				}
				after := t[k+1 : we]
				if j := strings.IndexAny(after, ".!?,;"); j >= 0 {
					after = after[:j]
				}
				if topLevelDomains[strings.ToLower(after)] {
					continue
				}
			}
			r.Flag(b, Tgt, k, k+1, "no space after punctuation", string(c)+" ")
		}
	}
}

// lowerRunBefore counts the lower-case letters right before t[k].
func lowerRunBefore(t string, k int) int {
	n := 0
	for k > 0 {
		r, sz := utf8.DecodeLastRuneInString(t[:k])
		if !unicode.IsLower(r) {
			break
		}
		n++
		k -= sz
	}
	return n
}

// wordAround returns the span of the run of non-space characters around
// byte k of t, looking at most maxWord bytes either way.
func wordAround(t string, k int) (int, int) {
	const maxWord = 64
	from, to := max(0, k-maxWord), min(len(t), k+maxWord)
	s := from + strings.LastIndexAny(t[from:k], " \n\t") + 1
	e := strings.IndexAny(t[k:to], " \n\t")
	if e < 0 {
		e = to
	} else {
		e += k
	}
	for s < k && !utf8.RuneStart(t[s]) {
		s++
	}
	for e < len(t) && !utf8.RuneStart(t[e]) {
		e++
	}
	return s, e
}
