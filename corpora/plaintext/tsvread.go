package plaintext

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/align-tools/align/corpora"
)

// MaxTSVLine bounds the length of a line ReadTSVRows accepts, and
// MaxTSVBytes the whole file.
const (
	MaxTSVLine  = 16 << 20
	MaxTSVBytes = 1 << 30
)

// TSVRow is one row of a TSV corpus with the place of its texts in the
// file, so that findings on them can name a line and a column.
type TSVRow struct {
	Unit   corpora.Unit
	Line   int // 1-based line of the row in the file
	SrcCol int // 1-based column (in characters) where the source text starts
	TgtCol int // 1-based column where the target text starts
}

// ReadTSVRows reads a TSV corpus: the corpus.tsv TSVWriter writes (its
// header names the columns; at least src and tgt must be there), or a
// bitext without a header whose first two columns are the source and the
// target. Rows are one per line; a field holds no tab and no line
// break. The name is used in errors, which give the line and say what
// to do. Lines longer than MaxTSVLine and files longer than MaxTSVBytes
// are refused.
func ReadTSVRows(r io.Reader, name string) ([]TSVRow, error) {
	br := bufio.NewReader(io.LimitReader(r, MaxTSVBytes+1))
	read := 0
	var rows []TSVRow
	cols := map[string]int{}
	for n := 1; ; n++ {
		line, err := readLine(br)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("plaintext: %s:%d: %w", name, n, err)
		}
		if read += len(line) + 1; read > MaxTSVBytes {
			return nil, fmt.Errorf("plaintext: %s:%d: the file is larger than %d MiB; split it", name, n, MaxTSVBytes>>20)
		}
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("plaintext: %s:%d: invalid UTF-8; convert the file to UTF-8", name, n)
		}
		fields := strings.Split(line, "\t")
		if n == 1 && isHeader(fields) {
			for i, f := range fields {
				cols[f] = i
			}
			if _, ok := cols["src"]; !ok {
				return nil, fmt.Errorf("plaintext: %s:1: the header has no src column; name the columns as align writes them (%s)", name, strings.Join(TSVHeader, ", "))
			}
			if _, ok := cols["tgt"]; !ok {
				return nil, fmt.Errorf("plaintext: %s:1: the header has no tgt column; name the columns as align writes them (%s)", name, strings.Join(TSVHeader, ", "))
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		row, err := tsvRow(fields, cols, n, name, len(rows)+1)
		if err != nil {
			return nil, err
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// readLine reads one line without its end (LF or CR LF), refusing lines
// longer than MaxTSVLine.
func readLine(br *bufio.Reader) (string, error) {
	var b strings.Builder
	for {
		chunk, err := br.ReadSlice('\n')
		if b.Len()+len(chunk) > MaxTSVLine {
			return "", fmt.Errorf("a line longer than %d MiB; a TSV corpus has one unit a line", MaxTSVLine>>20)
		}
		b.Write(chunk)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == io.EOF && b.Len() > 0 {
			err = nil
		}
		if err != nil {
			return "", err
		}
		s := strings.TrimSuffix(b.String(), "\n")
		return strings.TrimSuffix(s, "\r"), nil
	}
}

func isHeader(fields []string) bool {
	for _, f := range fields {
		if f == "src" || f == "tgt" {
			return true
		}
	}
	return false
}

func tsvRow(fields []string, cols map[string]int, n int, name string, k int) (TSVRow, error) {
	get := func(col string, def int) (string, int) {
		i, ok := cols[col]
		if !ok {
			i = def
		}
		if i < 0 || i >= len(fields) {
			return "", -1
		}
		return fields[i], i
	}
	colOf := func(i int) int { // 1-based character column of field i
		c := 1
		for _, f := range fields[:i] {
			c += utf8.RuneCountInString(f) + 1
		}
		return c
	}
	if len(cols) == 0 && len(fields) < 2 {
		return TSVRow{}, fmt.Errorf("plaintext: %s:%d: one column; a TSV corpus has the source, a tab and the target on each line", name, n)
	}
	if len(cols) > 0 && (cols["src"] >= len(fields) || cols["tgt"] >= len(fields)) {
		return TSVRow{}, fmt.Errorf("plaintext: %s:%d: %d columns, fewer than the header names", name, n, len(fields))
	}
	row := TSVRow{Line: n}
	u := &row.Unit
	var si, ti int
	u.SrcText, si = get("src", 0)
	u.TgtText, ti = get("tgt", 1)
	row.SrcCol, row.TgtCol = colOf(si), colOf(ti)
	u.Doc, _ = get("document", -1)
	u.Bead = k
	if s, _ := get("bead", -1); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			return row, fmt.Errorf("plaintext: %s:%d: bead %q is not a number", name, n, s)
		}
		u.Bead = v
	}
	ids := func(col, text string) ([]int, error) {
		s, i := get(col, -1)
		if i < 0 {
			if strings.TrimSpace(text) == "" {
				return nil, nil
			}
			return []int{k}, nil
		}
		var out []int
		for _, p := range strings.Split(s, ",") {
			if p == "" {
				continue
			}
			v, err := strconv.Atoi(p)
			if err != nil {
				return nil, fmt.Errorf("plaintext: %s:%d: %s %q is not a list of numbers", name, n, col, s)
			}
			out = append(out, v)
		}
		return out, nil
	}
	var err error
	if u.Src, err = ids("src_ids", u.SrcText); err != nil {
		return row, err
	}
	if u.Tgt, err = ids("tgt_ids", u.TgtText); err != nil {
		return row, err
	}
	if s, _ := get("score", -1); s != "" {
		if u.Score, err = strconv.ParseFloat(s, 64); err != nil {
			return row, fmt.Errorf("plaintext: %s:%d: score %q is not a number", name, n, s)
		}
	}
	u.Speech, _ = get("speech", -1)
	u.Speaker, _ = get("speaker", -1)
	return row, nil
}
