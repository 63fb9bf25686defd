package plaintext

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/align-tools/align/corpora"
)

// MaxLine bounds the length of a line ReadJSONL accepts.
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
