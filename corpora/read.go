package corpora

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/language"
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
	CP866        Encoding = "cp866"
	Windows1252  Encoding = "windows-1252"
	encodingList          = "utf-8, utf-16le, utf-16be, windows-1251, koi8-r, cp866, windows-1252"
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
	case "cp866", "ibm866", "866":
		return CP866, nil
	case "windows-1252", "cp1252", "latin1", "iso-8859-1":
		return Windows1252, nil
	}
	return Auto, fmt.Errorf("corpora: unknown encoding %q; use one of auto, %s", s, encodingList)
}

// Errors that errors.Is finds in what Reader returns.
var (
	// ErrNotText is wrapped by the errors of files that are not text.
	ErrNotText = errors.New("not a text file")
	// ErrEmpty is wrapped by the errors of files with no text: empty,
	// only white space, or a page or document with nothing to read.
	ErrEmpty = errors.New("no text")
)

// FileError is an error about one input file, with the line of the file
// where it helps.
type FileError struct {
	Path string
	Line int // 1-based; 0 when the error is about the whole file
	Err  error
}

// Error formats e as "corpora: path:line: message", the line left out
// when unknown.
func (e *FileError) Error() string {
	if e.Line > 0 {
		return "corpora: " + e.Path + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
	}
	return "corpora: " + e.Path + ": " + e.Err.Error()
}

// Unwrap returns the error about the file, so that errors.Is finds
// ErrEmpty, ErrNotText and ErrUnsupported.
func (e *FileError) Unwrap() error { return e.Err }

// lineError is an error at a line of the data being read; Reader turns it
// into a FileError.
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return "line " + strconv.Itoa(e.line) + ": " + e.err.Error() }
func (e *lineError) Unwrap() error { return e.err }

// DefaultMaxSize is the size beyond which Reader refuses a file, or a
// part of a Word or OpenDocument archive once expanded, when its MaxSize
// is zero.
const DefaultMaxSize = 256 << 20

// maxHTMLSize bounds the pages Reader parses, since the tree of a page
// takes about ten times its size in memory.
const maxHTMLSize = 64 << 20

// Reader reads input documents of every format it knows. Its zero value
// recognises the format and the encoding of each file. A Reader holds no
// state: it is safe for concurrent use.
type Reader struct {
	Encoding Encoding // the encoding of text and HTML files; Auto to recognise it
	Format   Format   // the format of every file; AutoFormat to recognise it
	MaxSize  int64    // the largest file or expanded archive part; DefaultMaxSize when 0
}

func (r Reader) maxSize() int64 {
	if r.MaxSize > 0 {
		return r.MaxSize
	}
	return DefaultMaxSize
}

// ReadFile reads and decodes the file at path as plain text or, when its
// content says so, as another format. With enc Auto the encoding is
// recognised from a byte-order mark or the bytes themselves.
func ReadFile(path string, tag language.Tag, enc Encoding) (*Document, error) {
	return Reader{Encoding: enc}.ReadFile(path, tag)
}

// ReadFile reads the file at path as a document in language tag. Errors
// are *FileError naming path.
func (r Reader) ReadFile(path string, tag language.Tag) (*Document, error) {
	ferr := func(err error) error { return &FileError{Path: path, Err: err} }
	openErr := func(err error) error {
		switch {
		case errors.Is(err, fs.ErrPermission):
			return ferr(fmt.Errorf("cannot read the file: permission denied; check its permissions (chmod u+r)"))
		case errors.Is(err, fs.ErrNotExist):
			return ferr(fmt.Errorf("no such file; check the name, or the target of a symbolic link"))
		}
		return ferr(err)
	}
	// Stat before opening: opening a named pipe would wait for a writer.
	st, err := os.Stat(path)
	if err != nil {
		return nil, openErr(err)
	}
	if st.IsDir() {
		return nil, ferr(fmt.Errorf("is a folder, not a document"))
	}
	if !st.Mode().IsRegular() {
		return nil, ferr(fmt.Errorf("is not a regular file (%s); give a document", st.Mode().Type()))
	}
	limit := r.maxSize()
	if st.Size() > limit {
		return nil, ferr(fmt.Errorf("the file is %d MB, more than the %d MB align reads; split it", st.Size()>>20, limit>>20))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, openErr(err)
	}
	defer f.Close()
	data, err := readAll(f, st.Size(), limit)
	if err != nil {
		return nil, ferr(fmt.Errorf("cannot read the file: %v", err))
	}
	if int64(len(data)) > limit {
		return nil, ferr(fmt.Errorf("the file grew beyond the %d MB align reads while it was read; split it", limit>>20))
	}
	return r.Read(path, tag, data)
}

// readAll reads f, of size bytes when it was opened, up to limit+1 bytes.
// The buffer is made to the size at once, with room to see the end of
// the file, so a file that did not change is read without growing it.
func readAll(f io.Reader, size, limit int64) ([]byte, error) {
	buf := make([]byte, 0, min(size, limit)+512)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // the file grew: let append find room
		}
		room := min(int64(cap(buf)), limit+1) - int64(len(buf))
		if room <= 0 {
			return buf, nil
		}
		n, err := f.Read(buf[len(buf) : len(buf)+int(room)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// Read makes a document of data, the content of the file named path.
// The format is r.Format or, when that is AutoFormat, what Sniff
// recognises. Errors are *FileError naming path.
func (r Reader) Read(path string, tag language.Tag, data []byte) (*Document, error) {
	d, err := r.read(path, tag, data)
	if err != nil {
		var le *lineError
		if errors.As(err, &le) {
			return nil, &FileError{Path: path, Line: le.line, Err: le.err}
		}
		return nil, &FileError{Path: path, Err: err}
	}
	return d, nil
}

func (r Reader) read(path string, tag language.Tag, data []byte) (*Document, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("%w: the file is empty; put the document's text in it or remove it", ErrEmpty)
	}
	f := r.Format
	if f == AutoFormat {
		var err error
		if f, err = Sniff(path, data); err != nil {
			return nil, err
		}
	}
	var d *Document
	switch f {
	case Text, Markdown:
		text, used, warn, err := decode(data, r.Encoding)
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(text) == "" {
			return nil, fmt.Errorf("%w: the file holds only white space; put the document's text in it or remove it", ErrEmpty)
		}
		if f == Markdown {
			d = readMarkdown(path, tag, text)
		} else {
			d = NewDocument(path, tag, text)
		}
		d.Encoding = used
		if warn != "" {
			d.Warnings = append(d.Warnings, path+": "+warn)
		}
	case HTML:
		if limit := min(r.maxSize(), maxHTMLSize); int64(len(data)) > limit {
			// Parsing takes about ten times the page's size in memory.
			return nil, fmt.Errorf("the page is %d MB, more than the %d MB align parses as HTML; save its text and give --input-format text", len(data)>>20, limit>>20)
		}
		var err error
		if d, err = readHTML(path, tag, data, r.Encoding); err != nil {
			return nil, err
		}
	case DOCX, ODT:
		var err error
		if d, err = readZipDoc(path, tag, f, data, r.maxSize()); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("unknown input format %v; use one of %s", f, FormatList)
	}
	if strings.TrimSpace(d.Text) == "" {
		return nil, fmt.Errorf("%w: no text found in this %s document; check that it is the right file, or force a format with --input-format", ErrEmpty, f)
	}
	return d, nil
}

// Decode decodes data in enc, or in the encoding it recognises when enc
// is Auto, and returns the text and the encoding used. A byte-order mark
// decides over enc, and is dropped. The text is valid UTF-8.
func Decode(data []byte, enc Encoding) (string, Encoding, error) {
	s, used, _, err := decode(data, enc)
	return s, used, err
}

// decode is Decode that also returns a warning about a guess the user
// may want to check.
func decode(data []byte, enc Encoding) (text string, used Encoding, warning string, err error) {
	if bom := bomEncoding(data); bom != Auto && enc != Auto && bom != enc {
		// A byte-order mark says more than a flag given for many files.
		warning = fmt.Sprintf("read as %s, which its byte-order mark announces, not as %s as --encoding says", bom, enc)
		enc = bom
	}
	if enc == Auto {
		enc, warning, err = detect(data)
		if err != nil {
			return "", Auto, "", err
		}
		if enc == UTF8 && bomEncoding(data) == Auto {
			return string(data), enc, warning, nil // detect found it valid
		}
	}
	text, err = decodeAs(data, enc)
	return text, enc, warning, err
}

func decodeAs(data []byte, enc Encoding) (string, error) {
	var e encoding.Encoding
	switch enc {
	case UTF8:
		data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
		if utf8.Valid(data) {
			return string(data), nil
		}
		if i := firstInvalid(data); i < len(data) {
			return "", &lineError{lineAt(data, i), fmt.Errorf("invalid UTF-8 (byte 0x%02X at offset %d); the file may be in another encoding: give it with --encoding (%s)", data[i], i, encodingList)}
		}
		return string(data), nil
	case UTF16LE:
		e = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	case UTF16BE:
		e = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	case Windows1251:
		e = charmap.Windows1251
	case KOI8R:
		e = charmap.KOI8R
	case CP866:
		e = charmap.CodePage866
	case Windows1252:
		e = charmap.Windows1252
	default:
		return "", fmt.Errorf("unknown encoding %q; use one of %s", enc, encodingList)
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("cannot decode as %s: %v; give the right encoding with --encoding (%s)", enc, err, encodingList)
	}
	if !utf8.Valid(out) {
		// The UTF-16 decoder lets unpaired surrogates through as
		// U+FFFD, so this only guards the invariant.
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return string(out), nil
}

func lineAt(data []byte, i int) int { return 1 + bytes.Count(data[:i], []byte("\n")) }

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// detect recognises the encoding of data, with a warning when it guessed
// from little evidence.
func detect(data []byte) (Encoding, string, error) {
	if bom := bomEncoding(data); bom != Auto {
		return bom, "", nil
	}
	if e := sniffUTF16(data); e != Auto {
		return e, fmt.Sprintf("read as %s: the file has no byte-order mark but its bytes look like UTF-16; if the text is garbled, give --encoding", e), nil
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return Auto, "", fmt.Errorf("%w: a NUL byte at offset %d: this is binary data, not text; give a text, HTML, Word or OpenDocument file", ErrNotText, i)
	}
	if controlShare(data) > 0.05 {
		return Auto, "", fmt.Errorf("%w: it is mostly control characters, which is binary data; give a text, HTML, Word or OpenDocument file", ErrNotText)
	}
	if utf8.Valid(data) {
		return UTF8, "", nil
	}
	// A UTF-8 file with a few bad bytes (a fragment pasted from
	// elsewhere) must not be read as an 8-bit encoding: every Cyrillic
	// letter would come out garbled.
	if good, bad := utf8Evidence(data); good > 0 && good >= 4*bad {
		i := firstInvalid(data)
		return Auto, "", &lineError{lineAt(data, i), fmt.Errorf("invalid UTF-8 (byte 0x%02X) in a file otherwise in UTF-8; correct the bytes at that line, or give the encoding with --encoding (%s)", data[i], encodingList)}
	}
	return detect8bit(data), "", nil
}

// bomEncoding returns the encoding the byte-order mark of data
// announces, or Auto.
func bomEncoding(data []byte) Encoding {
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		return UTF8
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		return UTF16LE
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return UTF16BE
	}
	return Auto
}

// utf8Evidence counts the valid multi-byte UTF-8 sequences of data and
// the bytes that are not part of one.
func utf8Evidence(data []byte) (good, bad int) {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			bad++
			i++
			continue
		}
		good++
		i += n
	}
	return good, bad
}

// detect8bit chooses among the 8-bit encodings. Text whose letters are
// mostly ASCII, with a few accented ones standing alone (café, Größe),
// is Windows-1252; otherwise, and when the non-ASCII letters come in
// runs as the letters of Cyrillic words do, the Cyrillic encoding whose
// decoding holds the most frequent Russian lowercase letters wins.
func detect8bit(data []byte) Encoding {
	var high, inRuns, run, ascii int
	undefined1252 := false
	for _, b := range data {
		if b >= 0xC0 {
			high++
			run++
			if run == 3 {
				inRuns += 3
			} else if run > 3 {
				inRuns++
			}
			continue
		}
		run = 0
		switch {
		case b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z':
			ascii++
		case b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D:
			undefined1252 = true
		}
	}
	if high*4 < ascii && inRuns*2 <= high && !undefined1252 {
		return Windows1252
	}
	best, bestScore := Windows1251, -1
	for _, c := range []struct {
		enc Encoding
		cm  *charmap.Charmap
	}{{Windows1251, charmap.Windows1251}, {KOI8R, charmap.KOI8R}, {CP866, charmap.CodePage866}} {
		score := 0
		for _, b := range data {
			if b >= 0x80 && strings.ContainsRune("оеаинтсрвлкмдпуяыь", c.cm.DecodeByte(b)) {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = c.enc, score
		}
	}
	return best
}

// sniffUTF16 recognises UTF-16 without a byte-order mark: in text of
// Latin or Cyrillic script, one byte of every pair is 0x00 or 0x04.
func sniffUTF16(data []byte) Encoding {
	n := min(len(data), 8192) &^ 1
	if n < 8 || bytes.IndexByte(data[:n], 0) < 0 {
		return Auto // UTF-16 of these scripts has zero bytes
	}
	var evenHigh, oddHigh, evenZero, oddZero int
	for i := 0; i < n; i += 2 {
		switch data[i] {
		case 0:
			evenZero++
			evenHigh++
		case 4:
			evenHigh++
		}
		switch data[i+1] {
		case 0:
			oddZero++
			oddHigh++
		case 4:
			oddHigh++
		}
	}
	half := n / 2
	switch {
	case oddHigh*20 >= half*17 && oddZero > 0 && evenZero*20 < half:
		return UTF16LE
	case evenHigh*20 >= half*17 && evenZero > 0 && oddZero*20 < half:
		return UTF16BE
	}
	return Auto
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
