package qa

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/corpora/plaintext"
	"github.com/align-tools/align/corpora/tmx"
)

// Format is the kind of file ReadFile reads.
type Format int

// The formats ReadFile knows.
const (
	FormatAuto Format = iota // by the file's extension: .tmx, .tsv, anything else is text
	FormatText               // a target-language text read alone
	FormatTMX                // a TMX memory
	FormatTSV                // a TSV corpus
)

// ParseFormat parses "auto", "text", "tmx" or "tsv".
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return FormatAuto, nil
	case "text", "txt":
		return FormatText, nil
	case "tmx":
		return FormatTMX, nil
	case "tsv":
		return FormatTSV, nil
	}
	return 0, fmt.Errorf("qa: unknown input format %q; use auto, text, tmx or tsv", s)
}

// ReadOptions steer ReadFile. The zero value reads Russian-English
// corpora and English texts, recognising the format by extension.
type ReadOptions struct {
	Format   Format
	Src, Tgt language.Tag // ru and en when zero
	Encoding corpora.Encoding
	Limits   tmx.Limits
}

// ReadFile reads one file as an Input: a text (target side only), or a
// TMX or TSV corpus (both sides).
func ReadFile(path string, opt ReadOptions) (*Input, error) {
	if opt.Src == (language.Tag{}) {
		opt.Src = language.Russian
	}
	if opt.Tgt == (language.Tag{}) {
		opt.Tgt = language.English
	}
	f := opt.Format
	if f == FormatAuto {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".tmx":
			f = FormatTMX
		case ".tsv":
			f = FormatTSV
		default:
			f = FormatText
		}
	}
	switch f {
	case FormatTMX:
		r, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("qa: %w", err)
		}
		defer r.Close()
		m, err := tmx.Read(r, opt.Limits)
		if err != nil {
			return nil, fmt.Errorf("qa: %s: %w", path, err)
		}
		return TMXInput(path, m, opt.Src, opt.Tgt), nil
	case FormatTSV:
		r, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("qa: %w", err)
		}
		defer r.Close()
		rows, err := plaintext.ReadTSVRows(r, path)
		if err != nil {
			return nil, err
		}
		return TSVInput(path, rows, opt.Src, opt.Tgt), nil
	}
	d, err := corpora.ReadFile(path, opt.Tgt, opt.Encoding)
	if err != nil {
		return nil, err
	}
	return TextInput(d), nil
}

// TMXInput makes the input of a memory read from file: one bead per
// unit, the variants of the src and tgt languages as its sides. The
// document and bead shape come from align's props (x-document, x-bead)
// when present; otherwise the document is the file's name.
func TMXInput(file string, m *tmx.Memory, src, tgt language.Tag) *Input {
	in := &Input{Src: src, Tgt: tgt, Bilingual: true}
	name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	n := map[string]int{}
	for i := range m.TUs {
		tu := &m.TUs[i]
		doc := tu.Prop("x-document")
		if doc == "" {
			doc = name
		}
		n[doc]++
		b := Bead{Doc: doc, N: n[doc]}
		if v := tu.Variant(src); v != nil {
			b.Src = Segment{Text: v.Text, File: file, Pos: v.Position}
		}
		if v := tu.Variant(tgt); v != nil {
			b.Tgt = Segment{Text: v.Text, File: file, Pos: v.Position}
		}
		b.SrcN, b.TgtN = shape(tu.Prop("x-bead"), b.Src, b.Tgt)
		in.Beads = append(in.Beads, b)
	}
	return in
}

// shape reads a bead shape such as "2-1", or counts 1 for each side with
// text.
func shape(s string, src, tgt Segment) (int, int) {
	var a, b int
	if _, err := fmt.Sscanf(s, "%d-%d", &a, &b); err == nil {
		return a, b
	}
	if !src.Empty() {
		a = 1
	}
	if !tgt.Empty() {
		b = 1
	}
	return a, b
}

// TSVInput makes the input of the rows of a TSV corpus read from file.
func TSVInput(file string, rows []plaintext.TSVRow, src, tgt language.Tag) *Input {
	in := &Input{Src: src, Tgt: tgt, Bilingual: true}
	name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	for _, r := range rows {
		u := r.Unit
		doc := u.Doc
		if doc == "" {
			doc = name
		}
		line, sc, tc := r.Line, r.SrcCol, r.TgtCol
		b := Bead{Doc: doc, N: u.Bead, SrcN: len(u.Src), TgtN: len(u.Tgt)}
		b.Src = Segment{Text: u.SrcText, File: file, Pos: func(off int) (int, int) { return line, sc + runeCount(u.SrcText[:off]) }}
		b.Tgt = Segment{Text: u.TgtText, File: file, Pos: func(off int) (int, int) { return line, tc + runeCount(u.TgtText[:off]) }}
		in.Beads = append(in.Beads, b)
	}
	return in
}

// Merge joins inputs into one, so that the checks across the corpus
// (consistency, the vocabulary of split words) see all of them. The
// result is bilingual when any input is; the languages, glossary, name
// matcher and name options are the first input's.
func Merge(ins ...*Input) *Input {
	out := &Input{}
	for i, in := range ins {
		if i == 0 {
			out.Src, out.Tgt, out.Glossary, out.NameMatch, out.Names = in.Src, in.Tgt, in.Glossary, in.NameMatch, in.Names
		}
		out.Bilingual = out.Bilingual || in.Bilingual
		out.Beads = append(out.Beads, in.Beads...)
	}
	return out
}
