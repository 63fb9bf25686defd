package qa

import (
	"regexp"
	"strings"
)

func init() {
	register(&Check{
		Code: "ru-number", Severity: Warning, Category: Typography,
		Doc: "a number written the Russian way in English: 15 000 (15,000), 1,5 (1.5)",
		Run: checkRuNumber,
	})
}

var (
	// Thousands separated by spaces: "15 000", "1 200 000".
	spacedThousandsRE = regexp.MustCompile(`(?:^|[^0-9.,])([0-9]{1,3}(?: [0-9]{3})+)(?:$|[^0-9])`)
	// A decimal comma: "1,5", "2,75", but not "15,000".
	decimalCommaRE = regexp.MustCompile(`(?:^|[^0-9.,])([0-9]+,[0-9]{1,2})(?:$|[^0-9,])`)
)

// checkRuNumber flags thousands grouped by spaces and decimal commas in
// the English. A comma followed by three digits is an English thousands
// separator and passes; so do lists of numbers ("1,2,3") and pairs in
// brackets ("[1,1]").
func checkRuNumber(in *Input, r *Reporter) {
	for i := range in.Beads {
		b := &in.Beads[i]
		t := b.Tgt.Text
		// Both patterns need a digit, a space or a comma and a digit.
		if !hasASCIIDigit(t) || !hasDigitsAround(t, ' ') && !hasDigitsAround(t, ',') {
			continue
		}
		for _, m := range spacedThousandsRE.FindAllStringSubmatchIndex(t, -1) {
			s := t[m[2]:m[3]]
			r.Flag(b, Tgt, m[2], m[3], "thousands separated by spaces, the Russian way", strings.ReplaceAll(s, " ", ","))
		}
		for _, m := range decimalCommaRE.FindAllStringSubmatchIndex(t, -1) {
			s := t[m[2]:m[3]]
			// "articles 1,2 and 3" and "in 2021,22 ..." are lists, not decimals.
			if strings.HasPrefix(t[m[3]:], " and ") || strings.HasPrefix(t[m[3]:], " or ") {
				continue
			}
			// "[1,1]", "(0,0)": coordinates and vectors.
			if m[2] > 0 && strings.ContainsRune("[(", rune(t[m[2]-1])) && m[3] < len(t) && strings.ContainsRune("])", rune(t[m[3]])) {
				continue
			}
			r.Flag(b, Tgt, m[2], m[3], "decimal comma, the Russian way", strings.Replace(s, ",", ".", 1))
		}
	}
}
