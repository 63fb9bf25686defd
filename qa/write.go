package qa

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// CSVHeader lists the columns WriteCSV writes, in order.
var CSVHeader = []string{"file", "line", "column", "code", "severity", "category", "text", "message", "suggestion", "document", "bead", "side", "start", "end"}

// WriteJSON writes findings as a JSON array (flags.json), one object per
// finding, in the given order, with HTML characters left as they are.
func WriteJSON(w io.Writer, fs []Finding) error {
	if fs == nil {
		fs = []Finding{}
	}
	b := bufio.NewWriter(w)
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(fs); err != nil {
		return fmt.Errorf("qa: writing findings: %w", err)
	}
	return b.Flush()
}

// ReadJSON reads findings written by WriteJSON.
func ReadJSON(r io.Reader) ([]Finding, error) {
	var fs []Finding
	if err := json.NewDecoder(r).Decode(&fs); err != nil {
		return nil, fmt.Errorf("qa: reading findings: %w", err)
	}
	return fs, nil
}

// WriteCSV writes findings as CSV (flags.csv) with a header row.
func WriteCSV(w io.Writer, fs []Finding) error {
	c := csv.NewWriter(w)
	c.Write(CSVHeader)
	for _, f := range fs {
		c.Write([]string{
			f.File, strconv.Itoa(f.Line), strconv.Itoa(f.Col), f.Code, f.Severity.String(), string(f.Category),
			f.Text, f.Message, f.Suggestion, f.Doc, beadField(f.Bead), f.Side.String(),
			strconv.Itoa(f.Start), strconv.Itoa(f.End),
		})
	}
	c.Flush()
	if err := c.Error(); err != nil {
		return fmt.Errorf("qa: writing findings: %w", err)
	}
	return nil
}

func beadField(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// WriteText writes one finding a line, as Finding.String formats it,
// then a count of findings by severity.
func WriteText(w io.Writer, fs []Finding) error {
	b := bufio.NewWriter(w)
	var bySev [3]int
	for _, f := range fs {
		b.WriteString(f.String())
		b.WriteByte('\n')
		if f.Severity >= 0 && int(f.Severity) < len(bySev) {
			bySev[f.Severity]++
		}
	}
	fmt.Fprintf(b, "%d findings: %d errors, %d warnings, %d info\n", len(fs), bySev[Error], bySev[Warning], bySev[Info])
	return b.Flush()
}
