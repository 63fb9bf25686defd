package pipeline

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/corpora/plaintext"
)

// PipeDoc is one document pair on a line of `align pipe`'s input.
type PipeDoc struct {
	ID  string `json:"id"`
	Src string `json:"src"`
	Tgt string `json:"tgt"`
}

// PipeConfig configures Pipe.
type PipeConfig struct {
	Src, Tgt language.Tag
	Presplit bool
	Options
	// MaxLine bounds the length of one input line in bytes; 0 means
	// 256 MiB.
	MaxLine int
}

// Pipe reads document pairs as JSON Lines from r, one PipeDoc a line,
// aligns each and writes its units to w as JSON Lines, in input order.
// A line that cannot be read is reported in the returned Problems, with
// its line number, and the others go on. It is the mapper of a Hadoop
// Streaming or Spark job.
func Pipe(r io.Reader, w io.Writer, cfg PipeConfig) (docs int, err error) {
	if cfg.Src == (language.Tag{}) {
		cfg.Src = language.Russian
	}
	if cfg.Tgt == (language.Tag{}) {
		cfg.Tgt = language.English
	}
	max := cfg.MaxLine
	if max <= 0 {
		max = 256 << 20
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), max)
	out := plaintext.NewJSONLWriter(w)
	var probs Problems
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var d PipeDoc
		if err := json.Unmarshal([]byte(text), &d); err != nil {
			probs = append(probs, fmt.Errorf("pipeline: stdin:%d: %v; each line must be a JSON object {\"id\", \"src\", \"tgt\"}", line, err))
			continue
		}
		if d.ID == "" {
			d.ID = fmt.Sprintf("line%d", line)
		}
		src := Split(corpora.NewDocument(d.ID, cfg.Src, d.Src), cfg.Presplit)
		tgt := Split(corpora.NewDocument(d.ID, cfg.Tgt, d.Tgt), cfg.Presplit)
		units := AlignPair(d.ID, src, tgt, cfg.Options).Units()
		for i := range units {
			if err := out.Write(&units[i]); err != nil {
				return docs, err
			}
		}
		docs++
	}
	if err := sc.Err(); err != nil {
		return docs, fmt.Errorf("pipeline: reading stdin: %w", err)
	}
	if err := out.Flush(); err != nil {
		return docs, err
	}
	if len(probs) > 0 {
		return docs, probs
	}
	return docs, nil
}
