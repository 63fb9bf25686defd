package lang

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"clean text is kept", "Мы готовы.\nWe are ready.", "Мы готовы.\nWe are ready."},
		{"CRLF", "один\r\nдва\r\n", "один\nдва\n"},
		{"lone CR", "один\rдва\r", "один\nдва\n"},
		{"mixed line endings", "a\r\nb\rc\nd\r\r\ne", "a\nb\nc\nd\n\ne"},
		{"CR CR LF is two lines", "a\r\r\nb", "a\n\nb"},
		{"NBSP", "15\u00a0000 рублей", "15 000 рублей"},
		{"narrow NBSP and thin space", "15\u202f000 and 2\u2009km", "15 000 and 2 km"},
		{"figure space", "1\u2007000", "1 000"},
		{"soft hyphen", "безопас\u00adность", "безопасность"},
		{"zero-width space", "Col\u200blective", "Collective"},
		{"zero-width joiners", "a\u200cb\u200dc\u2060d", "abcd"},
		{"leading BOM", "\ufeffТекст", "Текст"},
		{"inner BOM", "Текст\ufeffдальше", "Текстдальше"},
		{"NFD to NFC", "е\u0308лка и\u0306", "ёлка й"},
		{"zero-width between base and mark", "е\u200b\u0308", "ё"},
		{"quotes and dashes kept", "«Да» — “yes” - ‘no’ –", "«Да» — “yes” - ‘no’ –"},
		{"ё kept", "Ёлка", "Ёлка"},
		{"tabs kept", "a\tb", "a\tb"},
		{"empty", "", ""},
		{"invalid UTF-8 becomes U+FFFD", "a\xffb\r\n", "a\ufffdb\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Normalize(c.in)
			if got != c.want {
				t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
			}
			if err := checkNormalized(c.in, got); err != nil {
				t.Error(err)
			}
		})
	}
}

// checkNormalized checks the promises of Normalize on one input: the
// line count is kept, no CR and no removed or mapped character is left,
// the result is NFC and valid UTF-8, and normalizing again changes
// nothing.
func checkNormalized(in, out string) error {
	if got, want := strings.Count(out, "\n"), lineBreaks(in); got != want {
		return fmt.Errorf("%q: %d line breaks, want %d", out, got, want)
	}
	if !utf8.ValidString(out) {
		return fmt.Errorf("%q is not valid UTF-8", out)
	}
	for _, r := range out {
		if r == '\r' || isInvisible(r) || mapSpace(r) != r {
			return fmt.Errorf("%q still holds %U", out, r)
		}
	}
	if !norm.NFC.IsNormalString(out) {
		return fmt.Errorf("%q is not NFC", out)
	}
	if again := Normalize(out); again != out {
		return fmt.Errorf("not idempotent: %q then %q", out, again)
	}
	return nil
}

// lineBreaks counts line breaks: CRLF, lone CR and LF each count once.
func lineBreaks(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			n++
		case '\r':
			n++
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		}
	}
	return n
}

// TestNormalizerStream feeds the transformer through buffers too small
// for a CRLF to arrive whole.
func TestNormalizerStream(t *testing.T) {
	in := strings.Repeat("строка\r\nline\r\u00a0x\u00ad\r", 500)
	want := Normalize(in)
	r := transform.NewReader(&oneByteReader{s: in}, NewNormalizer())
	var b strings.Builder
	buf := make([]byte, 3)
	for {
		n, err := r.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	if b.String() != want {
		t.Errorf("streamed result differs from Normalize: %d bytes, want %d", b.Len(), len(want))
	}
}

type oneByteReader struct {
	s string
	i int
}

func (r *oneByteReader) Read(p []byte) (int, error) {
	if r.i >= len(r.s) {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.s[r.i]
	r.i++
	return 1, nil
}

func ExampleNormalize() {
	in := "\ufeffБезопас\u00adность\r\n15\u00a0000 военных\r\nе\u0308лка"
	fmt.Printf("%q\n", Normalize(in))
	// Output:
	// "Безопасность\n15 000 военных\nёлка"
}

// TestStableNFC checks the fast path of Normalize: every character that
// stableNFC admits is NFC on its own and does not combine with a
// preceding character.
func TestStableNFC(t *testing.T) {
	for r := rune(0); r <= 0x2116; r++ {
		if !stableNFC(r) || r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r)
		if !norm.NFC.IsNormalString(s) || !norm.NFC.PropertiesString(s).BoundaryBefore() {
			t.Errorf("%U is not NFC-stable", r)
		}
		if !norm.NFC.IsNormalString("e" + s) {
			t.Errorf("e followed by %U is not NFC", r)
		}
	}
}
