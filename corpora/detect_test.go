package corpora

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/align-tools/align/internal/shared"
)

// TestDetectOnRealText measures encoding recognition on the real
// documents of ../shared/align-dev: each Russian document is written in
// every Cyrillic encoding and in UTF-16 without a byte-order mark, each
// English one in Windows-1252 (when it can be) and UTF-16, and
// recognised back. The figures are logged (go test ./corpora -run
// TestDetectOnRealText -v); the test fails below 99% for any encoding.
func TestDetectOnRealText(t *testing.T) {
	dir := shared.Dir(t, "align-dev")
	var files []string
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() && (strings.HasSuffix(p, ".ru") || strings.HasSuffix(p, ".en")) {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatalf("no .ru or .en files in %s", dir)
	}
	type target struct {
		enc Encoding
		e   encoding.Encoding
	}
	ru := []target{{Windows1251, charmap.Windows1251}, {KOI8R, charmap.KOI8R}, {CP866, charmap.CodePage866},
		{UTF16LE, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)}, {UTF16BE, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)}}
	en := []target{{Windows1252, charmap.Windows1252}, {UTF16LE, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)}}
	type score struct{ right, tried int }
	scores := map[string]*score{}
	var keys []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		side, targets := "ru", ru
		if strings.HasSuffix(f, ".en") {
			side, targets = "en", en
		}
		for _, tg := range targets {
			b, err := tg.e.NewEncoder().Bytes(data)
			utf16 := tg.enc == UTF16LE || tg.enc == UTF16BE
			if err != nil || !utf16 && isASCII(b) {
				continue // not representable, or nothing to tell
			}
			key := side + " " + string(tg.enc)
			if scores[key] == nil {
				scores[key] = &score{}
				keys = append(keys, key)
			}
			s := scores[key]
			s.tried++
			if text, used, err := Decode(b, Auto); err == nil && used == tg.enc && text == string(data) {
				s.right++
			} else if s.tried-s.right <= 3 {
				t.Logf("%s in %s read as %s (%v)", f, tg.enc, used, err)
			}
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		s := scores[k]
		t.Logf("%-16s %4d of %4d recognised (%.1f%%)", k, s.right, s.tried, 100*float64(s.right)/float64(s.tried))
		if s.right*100 < s.tried*99 {
			t.Errorf("%s: %d of %d recognised, below 99%%", k, s.right, s.tried)
		}
	}
}
