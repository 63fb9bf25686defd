package qa

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/language"

	"github.com/align-tools/align/lang"
)

// speechBeads pairs the sentences of the sample speeches of the module
// (testdata/speeches/{ru,en}) paragraph by paragraph: sentence by
// sentence where both sides of a paragraph have as many sentences, the
// whole paragraph as one bead otherwise. The samples were written for
// the project; several hold the artifacts the checks flag.
func speechBeads(b testing.TB) (src, tgt []string) {
	dir := filepath.Join("..", "testdata", "speeches")
	files, err := filepath.Glob(filepath.Join(dir, "ru", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no sample speeches in %s: %v", dir, err)
	}
	for _, f := range files {
		rb, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		eb, err := os.ReadFile(filepath.Join(dir, "en", filepath.Base(f)))
		if err != nil {
			b.Fatal(err)
		}
		ru, en := lang.Normalize(string(rb)), lang.Normalize(string(eb))
		rp, ep := lang.Paragraphs(ru), lang.Paragraphs(en)
		if len(rp) != len(ep) {
			continue
		}
		for k := range rp {
			rt, et := ru[rp[k].Start:rp[k].End], en[ep[k].Start:ep[k].End]
			rs, es := lang.Split(language.Russian, rt), lang.Split(language.English, et)
			if len(rs) != len(es) {
				src, tgt = append(src, rt), append(tgt, et)
				continue
			}
			for j := range rs {
				src = append(src, rt[rs[j].Start:rs[j].End])
				tgt = append(tgt, et[es[j].Start:es[j].End])
			}
		}
	}
	return src, tgt
}

// benchInput makes an input of n beads from the sample speeches, as the
// benchmark corpus of the pipeline does (internal/gencorpus): documents
// of 8 to 24 beads, each a rotation of the samples, with positions.
func benchInput(src, tgt []string, n int) *Input {
	in := &Input{Bilingual: true}
	pos := func(off int) (int, int) { return 1, off + 1 }
	for doc := 0; len(in.Beads) < n; doc++ {
		name := fmt.Sprintf("doc%05d", doc)
		size := 8 + doc%17
		for i := 0; i < size && len(in.Beads) < n; i++ {
			j := (doc*7 + i) % len(src)
			in.Beads = append(in.Beads, Bead{
				Doc: name, N: i + 1,
				Src:  Segment{Text: src[j], File: "ru/" + name + ".txt", Pos: pos},
				Tgt:  Segment{Text: tgt[j], File: "en/" + name + ".txt", Pos: pos},
				SrcN: 1, TgtN: 1,
			})
		}
	}
	return in
}

// BenchmarkRunSpeeches runs every check on inputs of growing size made from the
// sample speeches; the largest is about the size of the pipeline's
// benchmark corpus (74,420 beads) and is skipped under -short.
func BenchmarkRunSpeeches(b *testing.B) {
	src, tgt := speechBeads(b)
	for _, n := range []int{1000, 10000, 75000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			if n > 10000 && testing.Short() {
				b.Skip("large input skipped under -short")
			}
			var bytes int64
			for _, b := range benchInput(src, tgt, n).Beads {
				bytes += int64(len(b.Src.Text) + len(b.Tgt.Text))
			}
			b.SetBytes(bytes)
			b.ReportAllocs()
			for b.Loop() {
				// A fresh input each time: its shared parts are built once
				// per input.
				if _, err := Run(benchInput(src, tgt, n), Config{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCheck runs each check alone on 10,000 beads of the sample
// speeches, to find the slow ones.
func BenchmarkCheck(b *testing.B) {
	src, tgt := speechBeads(b)
	for _, c := range Checks() {
		b.Run(c.Code, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Run(benchInput(src, tgt, 10000), Config{Only: []string{c.Code}}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
