package tmx_test

import (
	"bytes"
	"testing"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/corpora/tmx"
)

// FuzzWriteRead writes a unit of arbitrary text and reads the memory
// back: the writer never fails, its output is always well-formed, and
// every segment comes back as corpora.Segment of what was written, with
// characters XML cannot hold replaced.
func FuzzWriteRead(f *testing.F) {
	for _, u := range corpora.SampleUnits() {
		f.Add(u.SrcText, u.TgtText, u.Speaker, "note")
	}
	f.Add("]]>", "<![CDATA[", "&amp;", "\x00\uFFFE")
	f.Fuzz(func(t *testing.T, src, tgt, speaker, note string) {
		units := []corpora.Unit{{Doc: "d", Bead: 1, Src: []int{1}, Tgt: []int{1}, SrcText: src, TgtText: tgt,
			Speaker: speaker, Notes: []corpora.Note{{Code: "c", Severity: "info", Message: note}}}}
		var buf bytes.Buffer
		w := tmx.NewWriter(&buf, tmx.Header{Src: language.Russian, Tgt: language.English})
		if err := w.Write(&units[0]); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		m, err := tmx.Read(bytes.NewReader(buf.Bytes()), tmx.Limits{})
		if err != nil {
			t.Fatalf("our own TMX does not read back: %v\n%s", err, buf.Bytes())
		}
		if len(m.TUs) != 1 || len(m.TUs[0].TUVs) != 2 {
			t.Fatalf("read back %d units", len(m.TUs))
		}
		for i, want := range []string{src, tgt} {
			want, _ = tmx.XMLSafe(corpora.Segment(want))
			want = corpora.Segment(want)
			if got := corpora.Segment(m.TUs[0].TUVs[i].Text); got != want {
				t.Errorf("segment %d: wrote %q, read %q", i, want, got)
			}
		}
	})
}
