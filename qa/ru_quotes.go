package qa

import "unicode/utf8"

func init() {
	register(&Check{
		Code: "ru-quotes", Severity: Warning, Category: Typography,
		Doc: "Russian quotation marks («», „“) in English",
		Run: checkRuQuotes,
	})
}

// checkRuQuotes flags the guillemets « » and the low opening quote „ in
// the English, which uses “ ” (or straight quotes).
func checkRuQuotes(in *Input, r *Reporter) {
	for i := range in.Beads {
		b := &in.Beads[i]
		t := b.Tgt.Text
		for k, c := range t {
			var sugg string
			switch c {
			case '«', '„':
				sugg = "“"
			case '»':
				sugg = "”"
			default:
				continue
			}
			r.Flag(b, Tgt, k, k+utf8.RuneLen(c), "Russian quotation mark in English", sugg)
		}
	}
}
