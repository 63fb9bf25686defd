package plaintext

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/align-tools/align/corpora"
)

// MaxLine bounds the length of a line ReadJSONL and ReadTSV accept.
const MaxLine = 64 << 20

// ReadJSONL reads units written by JSONLWriter, one per line. Blank lines
// are skipped; errors name the line.
func ReadJSONL(r io.Reader) ([]corpora.Unit, error) {
	var units []corpora.Unit
	err := eachLine(r, func(n int, line string) error {
		if strings.TrimSpace(line) == "" {
			return nil
		}
		var ju JSONUnit
		if err := json.Unmarshal([]byte(line), &ju); err != nil {
			return fmt.Errorf("line %d: %v; give the corpus.jsonl align wrote", n, err)
		}
		units = append(units, corpora.Unit{
			Doc: ju.Doc, Bead: ju.Bead, Src: empty(ju.Src), Tgt: empty(ju.Tgt), Score: ju.Score,
			SrcText: ju.SrcText, TgtText: ju.TgtText, Speech: ju.Speech, Speaker: ju.Speaker, Notes: ju.Notes,
		})
		return nil
	})
	return units, err
}

func empty(xs []int) []int {
	if len(xs) == 0 {
		return nil
	}
	return xs
}

// ReadTSV reads units written by TSVWriter. The flags column gives each
// unit notes with their codes only.
func ReadTSV(r io.Reader) ([]corpora.Unit, error) {
	var units []corpora.Unit
	err := eachLine(r, func(n int, line string) error {
		f := strings.Split(line, "\t")
		if n == 1 {
			if line != strings.Join(TSVHeader, "\t") {
				return fmt.Errorf("line 1: the header is not %q; give the corpus.tsv align wrote", strings.Join(TSVHeader, " "))
			}
			return nil
		}
		if line == "" {
			return nil
		}
		if len(f) != len(TSVHeader) {
			return fmt.Errorf("line %d: %d columns, want %d", n, len(f), len(TSVHeader))
		}
		u := corpora.Unit{Doc: f[0], SrcText: f[5], TgtText: f[6], Speech: f[7], Speaker: f[8]}
		var err error
		if u.Bead, err = strconv.Atoi(f[1]); err != nil {
			return fmt.Errorf("line %d: bead %q is not a number", n, f[1])
		}
		if u.Src, err = corpora.ParseIDs(f[2]); err != nil {
			return fmt.Errorf("line %d: src_ids: %v", n, err)
		}
		if u.Tgt, err = corpora.ParseIDs(f[3]); err != nil {
			return fmt.Errorf("line %d: tgt_ids: %v", n, err)
		}
		if u.Score, err = strconv.ParseFloat(f[4], 64); err != nil {
			return fmt.Errorf("line %d: score %q is not a number", n, f[4])
		}
		for _, c := range strings.Split(f[9], ",") {
			if c != "" {
				u.Notes = append(u.Notes, corpora.Note{Code: c})
			}
		}
		units = append(units, u)
		return nil
	})
	return units, err
}

// eachLine calls fn with every line of r and its 1-based number.
func eachLine(r io.Reader, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), MaxLine)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(n, strings.TrimSuffix(sc.Text(), "\r")); err != nil {
			return err
		}
	}
	if errors.Is(sc.Err(), bufio.ErrTooLong) {
		return fmt.Errorf("line %d: longer than %d bytes", n+1, MaxLine)
	}
	return sc.Err()
}
