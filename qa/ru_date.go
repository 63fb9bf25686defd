package qa

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

func init() {
	register(&Check{
		Code: "ru-date", Severity: Warning, Category: Typography,
		Doc: "a date written the Russian way (16.05.2022) in English",
		Run: checkRuDate,
	})
}

var ruDateRE = regexp.MustCompile(`(?:^|[^0-9.])([0-3]?[0-9])\.([01]?[0-9])\.((?:19|20)[0-9]{2})(?:$|[^0-9])`)

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// hasDottedDate reports whether t holds a digit, a period, one or two
// digits, a period and a digit: every match of ruDateRE does.
func hasDottedDate(t string) bool {
	digitAt := func(i int) bool { return i < len(t) && isASCIIDigit(t[i]) }
	for i := 1; i < len(t); i++ {
		j := strings.IndexByte(t[i:], '.')
		if j < 0 {
			return false
		}
		i += j
		if !digitAt(i-1) || !digitAt(i+1) {
			continue
		}
		if k := i + 2; k < len(t) && t[k] == '.' && digitAt(k+1) || digitAt(k) && k+1 < len(t) && t[k+1] == '.' && digitAt(k+2) {
			return true
		}
	}
	return false
}

// hasDigitsAround reports whether t holds the byte sep between two
// ASCII digits: the regular expressions of numbers need one.
func hasDigitsAround(t string, sep byte) bool {
	for i := 1; i+1 < len(t); i++ {
		j := strings.IndexByte(t[i:len(t)-1], sep)
		if j < 0 {
			return false
		}
		i += j
		if isASCIIDigit(t[i-1]) && isASCIIDigit(t[i+1]) {
			return true
		}
	}
	return false
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

// checkRuDate flags day.month.year dates (16.05.2022) in the English and
// suggests "May 16, 2022". Only real days and months and years from 1900
// to 2099 are taken, so version numbers (1.2.3) pass.
func checkRuDate(in *Input, r *Reporter) {
	for i := range in.Beads {
		b := &in.Beads[i]
		t := b.Tgt.Text
		if !hasASCIIDigit(t) || !hasDottedDate(t) {
			continue // no match can start
		}
		for _, m := range ruDateRE.FindAllStringSubmatchIndex(t, -1) {
			d, _ := strconv.Atoi(t[m[2]:m[3]])
			mo, _ := strconv.Atoi(t[m[4]:m[5]])
			if d < 1 || d > 31 || mo < 1 || mo > 12 {
				continue
			}
			sugg := fmt.Sprintf("%s %d, %s", monthNames[mo-1], d, t[m[6]:m[7]])
			r.Flag(b, Tgt, m[2], m[7], "date written the Russian way", sugg)
		}
	}
}
