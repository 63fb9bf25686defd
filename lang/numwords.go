package lang

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// NumberMention is a number a text states: digits ("15,000", "1,5",
// "30th", "20-летие"), digits with a multiplier word ("15 тысяч",
// "1.5 billion"), a number word ("two", "двух", "тридцатилетие") or a
// month named next to a day or a year ("May 16", "16 мая"), with its
// value.
type NumberMention struct {
	Span
	Value float64
	// Alt is a second reading of an ambiguous number, 0 when there is
	// none: English "10.700" (10.7, or 10,700 written the European way),
	// Russian "1,500" (1.5, or 1,500 written the English way).
	Alt float64
	// Digits is set when the mention is written with digits; number words,
	// Roman numerals and months are kept to match the other language's
	// digits, not to be matched themselves.
	Digits bool
	// Scale is the value of the multiplier word read with the number
	// ("тысяч", "million"), 0 when there is none.
	Scale float64
}

// Is reports whether the mention states the value v, in either reading.
func (m NumberMention) Is(v float64) bool {
	return SameNumber(m.Value, v) || m.Alt != 0 && SameNumber(m.Alt, v)
}

// NumberMentions returns the numbers text states, in order, by the
// conventions of the language tag: in Russian a comma is a decimal
// mark and thousands are grouped by spaces; in English a comma followed
// by three digits groups thousands. Thousands grouped by spaces are read
// in both languages, and so is a day.month.year date (three numbers).
// The spans cover the characters read, multiplier words included. The
// first end of a range whose multiplier is written once ("от 0,7 до 5,6
// млн") gets that multiplier in its second reading.
func NumberMentions(tag language.Tag, text string) []NumberMention {
	base, _ := tag.Base()
	ru := base.String() == "ru"
	var out []NumberMention
	for i := 0; i < len(text); {
		c, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case c >= '0' && c <= '9':
			if i > 0 && isAlnumBefore(text, i) {
				// Digits inside a word ("COVID-19" keeps them, "G7" too).
				j := i
				for j < len(text) && text[j] >= '0' && text[j] <= '9' {
					j++
				}
				out = append(out, NumberMention{Span: Span{i, j}, Value: parseInt(text[i:j]), Digits: true})
				i = j
				continue
			}
			ms, end := readDigits(text, i, ru)
			out = append(out, ms...)
			i = end
		case unicode.IsLetter(c):
			j := i
			for j < len(text) {
				r, m := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += m
			}
			w := strings.ToLower(text[i:j])
			if v, ok := numberWordValue(w); ok {
				end := j
				// "five thousand", "пять тысяч".
				if k, mult := multiplierAfter(text, j); mult > 0 {
					v *= mult
					end = k
				}
				out = append(out, NumberMention{Span: Span{i, end}, Value: v})
				i = end
				continue
			}
			if mo, ok := monthWord(w); ok && numberNear(text, i, j) {
				out = append(out, NumberMention{Span: Span{i, j}, Value: float64(mo)})
			} else if v, ok := roman(text[i:j]); ok {
				out = append(out, NumberMention{Span: Span{i, j}, Value: v})
			}
			i = j
		default:
			i += n
		}
	}
	shareScale(text, out)
	return out
}

func isAlnumBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r)
}

func parseInt(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

// readDigits reads a number written with digits at text[i:] and returns
// its mentions (three for a dotted date) and where it ends.
func readDigits(text string, i int, ru bool) ([]NumberMention, int) {
	digitsAt := func(k int) int { // length of the digit run at k
		j := k
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		return j - k
	}
	first := digitsAt(i)
	// A dotted date: 16.05.2022.
	if d1 := first; d1 <= 2 && i+d1 < len(text) && text[i+d1] == '.' {
		if d2 := digitsAt(i + d1 + 1); d2 >= 1 && d2 <= 2 {
			k := i + d1 + 1 + d2
			if k < len(text) && text[k] == '.' {
				if d3 := digitsAt(k + 1); d3 == 4 || d3 == 2 {
					return []NumberMention{
						{Span: Span{i, i + d1}, Value: parseInt(text[i : i+d1]), Digits: true},
						{Span: Span{i + d1 + 1, k}, Value: parseInt(text[i+d1+1 : k]), Digits: true},
						{Span: Span{k + 1, k + 1 + d3}, Value: parseInt(text[k+1 : k+1+d3]), Digits: true},
					}, k + 1 + d3
				}
			}
		}
	}
	var intPart strings.Builder
	intPart.WriteString(text[i : i+first])
	end := i + first
	// Thousands groups: "15 000", "15,000" (English), "15.000" never.
	for end < len(text) {
		sep := text[end]
		if sep != ' ' && !(sep == ',' && !ru) || first > 3 && intPart.Len() == first {
			break
		}
		g := digitsAt(end + 1)
		if g != 3 || end+4 < len(text) && text[end+4] >= '0' && text[end+4] <= '9' {
			break
		}
		intPart.WriteString(text[end+1 : end+4])
		end += 4
	}
	v := parseInt(intPart.String())
	alt := 0.0
	// A decimal part: "1.5" (both), "1,5" (Russian; English when not three digits).
	if end+1 < len(text) && (text[end] == '.' || text[end] == ',') {
		if g := digitsAt(end + 1); g > 0 && (text[end] == '.' || ru || g != 3) {
			frac := parseInt("0." + text[end+1:end+1+g])
			inList := strings.HasPrefix(text[end+1+g:], ",") || i >= 2 && text[i-1] == ',' && text[i-2] >= '0' && text[i-2] <= '9'
			if text[end] == '.' || !inList {
				if g == 3 && intPart.Len() <= 3 && (text[end] == '.' || ru) {
					alt = v*1000 + parseInt(text[end+1:end+4])
				}
				v += frac
				end += 1 + g
			}
		}
	}
	// An ordinal or a Russian suffix: "30th", "20-летие", "2022-го".
	if k := end; k < len(text) {
		rest := strings.ToLower(text[k:min(len(text), k+3)])
		for _, suf := range []string{"th", "st", "nd", "rd"} {
			if strings.HasPrefix(rest, suf) && !isLetterAt(text, k+2) {
				end = k + 2
			}
		}
		if text[k] == '-' && k+1 < len(text) {
			r, _ := utf8.DecodeRuneInString(text[k+1:])
			if unicode.Is(unicode.Cyrillic, r) {
				j := k + 1
				for j < len(text) {
					r2, m := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(r2) {
						break
					}
					j += m
				}
				end = j
			}
		}
	}
	scale := 0.0
	if k, mult := multiplierAfter(text, end); mult > 0 {
		v *= mult
		alt *= mult
		scale = mult
		end = k
	}
	return []NumberMention{{Span: Span{i, end}, Value: v, Alt: alt, Digits: true, Scale: scale}}, end
}

// rangeWords join the two ends of a range whose multiplier is written
// once, after the second: "от 0,7 до 5,6 млн", "between 2 and 3 billion".
var rangeWords = []string{"-", "–", "—", "до", "to", "and", "и", "or", "или"}

// shareScale gives the first end of such a range the second's multiplier
// as its second reading (Alt), when it has no reading of its own.
func shareScale(text string, ms []NumberMention) {
	for k := 0; k+1 < len(ms); k++ {
		a, b := &ms[k], ms[k+1]
		if !a.Digits || !b.Digits || a.Scale != 0 || b.Scale == 0 || a.Alt != 0 {
			continue
		}
		gap := strings.TrimSpace(text[a.End:b.Start])
		for _, w := range rangeWords {
			if strings.EqualFold(gap, w) {
				a.Alt = a.Value * b.Scale
				break
			}
		}
	}
}

// roman reads a Roman numeral below 400 of two letters or more in
// capitals, Latin or the Cyrillic look-alikes (Х, С, І) ("XVII", "ХХ"):
// centuries, chapters, congresses. A lone "I", "V" or "X" is too often a
// word or a letter, and D and M too often abbreviations ("CD").
func roman(w string) (float64, bool) {
	vals := map[rune]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'Х': 10, 'С': 100, 'І': 1}
	rs := []rune(w)
	if len(rs) < 2 || len(rs) > 9 {
		return 0, false
	}
	total := 0
	for k, r := range rs {
		v, ok := vals[r]
		if !ok {
			return 0, false
		}
		if k+1 < len(rs) && vals[rs[k+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	// Only canonical numerals: writing the value back gives the same letters.
	if total <= 0 || toRoman(total) != strings.Map(latinRoman, w) {
		return 0, false
	}
	return float64(total), true
}

func latinRoman(r rune) rune {
	switch r {
	case 'Х':
		return 'X'
	case 'С':
		return 'C'
	case 'І':
		return 'I'
	}
	return r
}

func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

func isLetterAt(text string, k int) bool {
	if k >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	return unicode.IsLetter(r)
}

// multiplierAfter reads a multiplier word ("thousand", "тыс.", "млн")
// after optional spaces at text[i:] and returns where it ends and its
// value, or 0.
func multiplierAfter(text string, i int) (int, float64) {
	j := i
	for j < len(text) && text[j] == ' ' {
		j++
	}
	k := j
	for k < len(text) {
		r, m := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsLetter(r) {
			break
		}
		k += m
	}
	if k == j {
		return i, 0
	}
	w := strings.ToLower(text[j:k])
	mult := 0.0
	switch {
	case w == "thousand" || w == "thousands" || w == "тыс" || strings.HasPrefix(w, "тысяч"):
		mult = 1e3
	case w == "million" || w == "millions" || w == "mln" || w == "млн" || strings.HasPrefix(w, "миллион"):
		mult = 1e6
	case w == "billion" || w == "billions" || w == "bn" || w == "bln" || w == "млрд" || strings.HasPrefix(w, "миллиард"):
		mult = 1e9
	case w == "trillion" || w == "trillions" || w == "трлн" || strings.HasPrefix(w, "триллион"):
		mult = 1e12
	case w == "hundred":
		mult = 100
	}
	if mult == 0 {
		return i, 0
	}
	if k < len(text) && text[k] == '.' && (w == "тыс" || w == "млн" || w == "млрд" || w == "трлн" || w == "mln" || w == "bn" || w == "bln") {
		k++
	}
	return k, mult
}

var enNumberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
	"million": 1e6, "billion": 1e9, "dozen": 12,
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
	"hundredth": 100, "once": 1, "twice": 2, "double": 2, "triple": 3, "half": 0.5,
}

var ruNumberWords = map[string]float64{}

func init() {
	add := func(v float64, forms string) {
		for _, f := range strings.Fields(forms) {
			ruNumberWords[f] = v
		}
	}
	add(1, "один одна одно одного одной одному одним одном одну")
	add(2, "два две двух двум двумя оба обе обоих дважды")
	add(3, "три трех трёх трем трём тремя трижды")
	add(4, "четыре четырех четырёх четырем четырём четырьмя")
	add(5, "пять пяти пятью")
	add(6, "шесть шести шестью")
	add(7, "семь семи семью")
	add(8, "восемь восьми восемью")
	add(9, "девять девяти девятью")
	add(10, "десять десяти десятью десяток десятка")
	add(11, "одиннадцать одиннадцати")
	add(12, "двенадцать двенадцати")
	add(13, "тринадцать тринадцати")
	add(14, "четырнадцать четырнадцати")
	add(15, "пятнадцать пятнадцати")
	add(16, "шестнадцать шестнадцати")
	add(17, "семнадцать семнадцати")
	add(18, "восемнадцать восемнадцати")
	add(19, "девятнадцать девятнадцати")
	add(20, "двадцать двадцати")
	add(30, "тридцать тридцати")
	add(40, "сорок сорока")
	add(50, "пятьдесят пятидесяти")
	add(60, "шестьдесят шестидесяти")
	add(70, "семьдесят семидесяти")
	add(80, "восемьдесят восьмидесяти")
	add(90, "девяносто девяноста")
	add(100, "сто ста")
	add(1000, "тысяча тысячи тысячу тысячей")
	add(0.5, "половина половины половину пол")
}

// ruOrdinalStems are the stems of Russian ordinals and of the words for
// anniversaries ("тридцатилетие").
var ruOrdinalStems = []struct {
	stem string
	v    float64
}{
	{"перв", 1}, {"втор", 2}, {"трет", 3}, {"четверт", 4}, {"пят", 5}, {"шест", 6}, {"седьм", 7},
	{"восьм", 8}, {"девят", 9}, {"десят", 10}, {"одиннадцат", 11}, {"двенадцат", 12},
	{"тринадцат", 13}, {"четырнадцат", 14}, {"пятнадцат", 15}, {"шестнадцат", 16},
	{"семнадцат", 17}, {"восемнадцат", 18}, {"девятнадцат", 19}, {"двадцат", 20}, {"тридцат", 30},
	{"сороков", 40}, {"пятидесят", 50}, {"шестидесят", 60}, {"семидесят", 70}, {"восьмидесят", 80},
	{"девяност", 90}, {"сот", 100},
}

var ruOrdinalEndings = strings.Fields("ый ая ое ого ой ом ому ую ые ых ым ыми ий ье ья ьего ьей ьему ьим ьем ьи ьих ьими")

var ruAnniversaryStems = []struct {
	stem string
	v    float64
}{
	{"двухлет", 2}, {"трехлет", 3}, {"трёхлет", 3}, {"пятилет", 5}, {"десятилет", 10}, {"пятнадцатилет", 15},
	{"двадцатилет", 20}, {"двадцатипятилет", 25}, {"тридцатилет", 30}, {"сорокалет", 40},
	{"пятидесятилет", 50}, {"столет", 100},
}

// numberWordValue returns the value of a lower-case number word of either
// language.
func numberWordValue(w string) (float64, bool) {
	if v, ok := enNumberWords[w]; ok {
		return v, true
	}
	if v, ok := ruNumberWords[w]; ok {
		return v, true
	}
	// The longest anniversary stem first: "двадцатипятилетие" is 25.
	best, bv := 0, 0.0
	for _, s := range ruAnniversaryStems {
		if strings.HasPrefix(w, s.stem) && len(s.stem) > best {
			best, bv = len(s.stem), s.v
		}
	}
	if best > 0 {
		return bv, true
	}
	for _, s := range ruOrdinalStems {
		if rest, ok := strings.CutPrefix(w, s.stem); ok {
			for _, e := range ruOrdinalEndings {
				if rest == e {
					return s.v, true
				}
			}
		}
	}
	return 0, false
}

var enMonths = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

var ruMonthStems = []string{"январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"}

// monthWord returns the number of a month named by w (English, or a
// Russian month in any case form).
func monthWord(w string) (int, bool) {
	for i, m := range enMonths {
		if w == m {
			return i + 1, true
		}
	}
	for i, s := range ruMonthStems {
		if rest, ok := strings.CutPrefix(w, s); ok {
			if i == 4 { // май, мая, мае
				if rest == "й" || rest == "я" || rest == "е" || rest == "ем" {
					return 5, true
				}
				continue
			}
			if len(rest) <= 4 {
				return i + 1, true
			}
		}
	}
	return 0, false
}

// numberNear reports whether a digit run stands right before text[i:]
// or right after text[:j], with spaces or a comma between.
func numberNear(text string, i, j int) bool {
	k := i
	for k > 0 && (text[k-1] == ' ') {
		k--
	}
	if k > 0 && text[k-1] >= '0' && text[k-1] <= '9' {
		return true
	}
	k = j
	for k < len(text) && (text[k] == ' ' || text[k] == ',') {
		k++
	}
	return k < len(text) && text[k] >= '0' && text[k] <= '9'
}

// SameNumber reports whether two values are equal up to rounding.
func SameNumber(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}
