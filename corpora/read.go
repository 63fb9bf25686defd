package corpora

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"

	"github.com/align-tools/align/lang"
)

// Encoding names an input encoding.
type Encoding string

// The encodings ReadFile recognises. Auto lets it decide.
const (
	Auto         Encoding = ""
	UTF8         Encoding = "utf-8"
	UTF16LE      Encoding = "utf-16le"
	UTF16BE      Encoding = "utf-16be"
	Windows1251  Encoding = "windows-1251"
	KOI8R        Encoding = "koi8-r"
	encodingList          = "utf-8, utf-16le, utf-16be, windows-1251, koi8-r"
)

// ParseEncoding parses an encoding name as given on the command line.
// The empty string and "auto" mean Auto.
func ParseEncoding(s string) (Encoding, error) {
	switch strings.ToLower(strings.ReplaceAll(s, "_", "-")) {
	case "", "auto":
		return Auto, nil
	case "utf-8", "utf8":
		return UTF8, nil
	case "utf-16le", "utf16le":
		return UTF16LE, nil
	case "utf-16be", "utf16be":
		return UTF16BE, nil
	case "windows-1251", "cp1251", "win1251":
		return Windows1251, nil
	case "koi8-r", "koi8r":
		return KOI8R, nil
	}
	return Auto, fmt.Errorf("corpora: unknown encoding %q; use one of auto, %s", s, encodingList)
}

// Document is one input document, decoded and normalized.
type Document struct {
	Path     string       // the file as it was named
	Name     string       // the file name without folder and extension: the pairing key
	Lang     language.Tag // the document's language
	Encoding Encoding     // the encoding the file was read in
	Text     string       // the normalized text

	lineStarts []int // byte offsets in Text where lines start
}

// NewDocument makes a Document from text already decoded. The text is
// normalized with lang.Normalize.
func NewDocument(path string, tag language.Tag, text string) *Document {
	d := &Document{
		Path: path,
		Name: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)),
		Lang: tag,
		Text: lang.Normalize(text),
	}
	d.lineStarts = append(d.lineStarts, 0)
	for i := 0; i < len(d.Text); i++ {
		if d.Text[i] == '\n' {
			d.lineStarts = append(d.lineStarts, i+1)
		}
	}
	return d
}

// Position returns the 1-based line and column (in characters) of the byte
// offset off of d.Text. Lines are those of the input file.
func (d *Document) Position(off int) (line, col int) {
	i := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	start := d.lineStarts[i]
	if off > len(d.Text) {
		off = len(d.Text)
	}
	return i + 1, utf8.RuneCountInString(d.Text[start:off]) + 1
}

// ErrNotText is wrapped by the errors of files that are not text.
var ErrNotText = errors.New("not a text file")

// ReadFile reads and decodes the file at path. With enc Auto the encoding
// is recognised from a byte-order mark or the bytes themselves.
func ReadFile(path string, tag language.Tag, enc Encoding) (*Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("corpora: %w", err)
	}
	text, used, err := Decode(data, enc)
	if err != nil {
		return nil, fmt.Errorf("corpora: %s: %w", path, err)
	}
	d := NewDocument(path, tag, text)
	d.Encoding = used
	return d, nil
}

// Decode decodes data in enc, or in the encoding it recognises when enc
// is Auto, and returns the text and the encoding used.
func Decode(data []byte, enc Encoding) (string, Encoding, error) {
	if enc == Auto {
		var err error
		enc, err = detect(data)
		if err != nil {
			return "", Auto, err
		}
	}
	var e encoding.Encoding
	switch enc {
	case UTF8:
		data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
		if !utf8.Valid(data) {
			line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
			return "", enc, fmt.Errorf("line %d: invalid UTF-8; give the encoding with --encoding (%s)", line, encodingList)
		}
		return string(data), enc, nil
	case UTF16LE:
		e = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case UTF16BE:
		e = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case Windows1251:
		e = charmap.Windows1251
	case KOI8R:
		e = charmap.KOI8R
	default:
		return "", enc, fmt.Errorf("unknown encoding %q", enc)
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", enc, fmt.Errorf("cannot decode as %s: %v", enc, err)
	}
	return string(out), enc, nil
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// detect recognises the encoding of data.
func detect(data []byte) (Encoding, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		return UTF8, nil
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		return UTF16LE, nil
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return UTF16BE, nil
	}
	if looksUTF16(data) {
		return Auto, fmt.Errorf("%w: the file looks like UTF-16 without a byte-order mark; give --encoding utf-16le or utf-16be", ErrNotText)
	}
	if bytes.IndexByte(data, 0) >= 0 || controlShare(data) > 0.05 {
		return Auto, fmt.Errorf("%w: it holds binary data; give a plain text file", ErrNotText)
	}
	if utf8.Valid(data) {
		return UTF8, nil
	}
	// An 8-bit Cyrillic encoding: Windows-1251 puts lowercase letters in
	// 0xE0-0xFF, KOI8-R in 0xC0-0xDF. Russian text is mostly lowercase.
	var hi, lo int
	for _, b := range data {
		switch {
		case b >= 0xE0:
			hi++
		case b >= 0xC0:
			lo++
		}
	}
	if lo > hi {
		return KOI8R, nil
	}
	return Windows1251, nil
}

func looksUTF16(data []byte) bool {
	if len(data) < 4 {
		return false
	}
	n := min(len(data), 4096) &^ 1
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	return even > half*3/10 && odd < half/20 || odd > half*3/10 && even < half/20
}

func controlShare(data []byte) float64 {
	n := min(len(data), 8192)
	if n == 0 {
		return 0
	}
	c := 0
	for _, b := range data[:n] {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			c++
		}
	}
	return float64(c) / float64(n)
}
