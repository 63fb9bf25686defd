// Command gencorpus builds a large corpus for benchmarks from a small
// one, deterministically: document pair k is made of the paragraphs of
// the sample's pairs, rotated and repeated by k, so every output pair is
// still a translation pair paragraph by paragraph.
//
//	go run ./internal/gencorpus -from testdata/speeches -docs 2000 -o /tmp/bench
//	go run ./internal/gencorpus -from testdata/speeches -long 100000 -o /tmp/long
//
// With -long it writes a single pair of about that many sentences on the
// source side instead.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	from := flag.String("from", "testdata/speeches", "folder with ru/ and en/ sample documents")
	docs := flag.Int("docs", 2000, "number of document pairs to write")
	long := flag.Int("long", 0, "write one pair of about this many source sentences instead")
	src := flag.String("src", "ru", "source subfolder")
	tgt := flag.String("tgt", "en", "target subfolder")
	out := flag.String("o", "", "output folder (required)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gencorpus: -o is required")
		os.Exit(2)
	}
	if err := run(*from, *src, *tgt, *out, *docs, *long); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}

// pair is one sample document pair cut into paragraph pairs.
type pair struct{ src, tgt []string }

func run(from, srcDir, tgtDir, out string, docs, long int) error {
	pairs, err := load(filepath.Join(from, srcDir), filepath.Join(from, tgtDir))
	if err != nil {
		return err
	}
	if len(pairs) == 0 {
		return fmt.Errorf("no document pair with as many paragraphs on both sides in %s", from)
	}
	for _, d := range []string{srcDir, tgtDir} {
		if err := os.MkdirAll(filepath.Join(out, d), 0o755); err != nil {
			return err
		}
	}
	var all pair
	for _, p := range pairs {
		all.src = append(all.src, p.src...)
		all.tgt = append(all.tgt, p.tgt...)
	}
	if long > 0 {
		sents := 0
		for _, p := range all.src {
			sents += strings.Count(p, ". ") + 1
		}
		reps := long/max(sents, 1) + 1
		var s, t []string
		for r := 0; r < reps; r++ {
			s = append(s, all.src...)
			t = append(t, all.tgt...)
		}
		return write(out, srcDir, tgtDir, "long", s, t)
	}
	n := len(all.src)
	for k := 0; k < docs; k++ {
		size := 8 + k%17
		var s, t []string
		for i := 0; i < size; i++ {
			j := (k*7 + i) % n
			s = append(s, all.src[j])
			t = append(t, all.tgt[j])
		}
		if err := write(out, srcDir, tgtDir, fmt.Sprintf("doc%05d", k), s, t); err != nil {
			return err
		}
	}
	return nil
}

func write(out, srcDir, tgtDir, name string, s, t []string) error {
	if err := os.WriteFile(filepath.Join(out, srcDir, name+".txt"), []byte(strings.Join(s, "\n\n")+"\n"), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, tgtDir, name+".txt"), []byte(strings.Join(t, "\n\n")+"\n"), 0o644)
}

// load reads the documents present on both sides whose paragraph counts
// agree, so that paragraphs can be recombined as translation pairs.
func load(srcDir, tgtDir string) ([]pair, error) {
	files, err := filepath.Glob(filepath.Join(srcDir, "*.txt"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []pair
	for _, f := range files {
		sb, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		tb, err := os.ReadFile(filepath.Join(tgtDir, filepath.Base(f)))
		if err != nil {
			continue
		}
		s, t := paragraphs(string(sb)), paragraphs(string(tb))
		if len(s) == len(t) && len(s) > 0 {
			out = append(out, pair{s, t})
		}
	}
	return out, nil
}

func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
