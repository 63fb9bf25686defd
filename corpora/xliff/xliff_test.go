package xliff

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sampleUnits are units of two documents with every kind of content the
// writer must carry: a clean pair, a flagged one with a span, a low
// score, unaligned sentences, markup and characters XML cannot hold.
func sampleUnits() []corpora.Unit {
	return []corpora.Unit{
		{Doc: "summit", Bead: 1, Src: []int{1}, Tgt: []int{1}, Score: 0.91,
			SrcText: "Уважаемые коллеги, добрый день.", TgtText: "Dear colleagues, good afternoon.", Speech: "opening", Speaker: "Chair"},
		{Doc: "summit", Bead: 2, Src: []int{2, 3}, Tgt: []int{2}, Score: 0.74,
			SrcText: "Мы встретились в Ереване. Это важно.", TgtText: "We met in Yerevan, which matters.",
			Notes: []corpora.Note{{Code: "name-variant", Severity: "warning", Message: "Yerevan is spelt Erevan elsewhere", Side: "tgt", Start: 10, End: 17, Suggestion: "Yerevan"}}},
		{Doc: "summit", Bead: 3, Src: []int{4}, Tgt: []int{3}, Score: 0.31,
			SrcText: "Цена <b>выросла</b> на 5 % & более.", TgtText: "Prices rose by \"5%\" & 'more' <script>alert(1)</script>."},
		{Doc: "summit", Bead: 4, Src: []int{5}, Score: 0,
			SrcText: "Предложение без перевода."},
		{Doc: "talk", Bead: 1, Src: []int{1}, Tgt: []int{1}, Score: 0.88,
			SrcText: "Спасибо  за\tвнимание.", TgtText: "Thank you\u0001 for your attention.",
			Notes: []corpora.Note{{Code: "number", Severity: "error", Message: "a number is missing"}}},
		{Doc: "talk", Bead: 2, Tgt: []int{2}, Score: 0, TgtText: "An added sentence."},
	}
}

func write(t testing.TB, units []corpora.Unit, h Header) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf, h)
	for i := range units {
		if err := w.Write(&units[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var header = Header{Src: language.Russian, Tgt: language.English, ToolVersion: "test"}

func TestWriteGolden(t *testing.T) {
	got := write(t, sampleUnits(), header)
	golden := filepath.Join("testdata", "sample.xlf")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v; run go test -update to write it", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; run go test -update and review the diff\n%s", golden, got)
	}
	if again := write(t, sampleUnits(), header); !bytes.Equal(got, again) {
		t.Error("two writes of the same units differ")
	}
}

func TestStates(t *testing.T) {
	f, err := Read(bytes.NewReader(write(t, sampleUnits(), header)), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range f.Entries {
		got = append(got, e.State)
	}
	want := []string{StateTranslated, StateNeedsReview, StateNeedsReview, StateNeedsTranslation, StateNeedsReview, StateNeedsTranslation}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("states %v, want %v", got, want)
	}
	edge := corpora.Unit{Src: []int{1}, Tgt: []int{1}, Score: 0.497}
	if s := header.State(&edge); s != StateTranslated {
		t.Errorf("score 0.497, written 0.50, gives %s; want %s like the file's 0.50", s, StateTranslated)
	}
	h := header
	h.ReviewBelow = -1
	if s := h.State(&sampleUnits()[2]); s != StateTranslated {
		t.Errorf("with ReviewBelow -1 a low score gives %s, want %s", s, StateTranslated)
	}
}

// TestRoundTrip checks the writer's invariant: Read gives back every unit
// as written (text and metadata), except characters XML cannot hold.
func TestRoundTrip(t *testing.T) {
	units := sampleUnits()
	data := write(t, units, header)
	f, err := Read(bytes.NewReader(data), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Src != language.Russian || f.Tgt != language.English {
		t.Errorf("languages %v %v", f.Src, f.Tgt)
	}
	if len(f.Entries) != len(units) {
		t.Fatalf("read %d units, wrote %d", len(f.Entries), len(units))
	}
	for i, e := range f.Entries {
		want := units[i]
		want.TgtText, _ = xmlSafe(want.TgtText)
		if !reflect.DeepEqual(e.Unit, want) {
			t.Errorf("unit %d:\n got %+v\nwant %+v", i, e.Unit, want)
		}
	}
}

func xmlSafe(s string) (string, int) {
	return strings.ReplaceAll(s, "\u0001", "\uFFFD"), strings.Count(s, "\u0001")
}

func TestEmpty(t *testing.T) {
	data := write(t, nil, header)
	if err := xml.Unmarshal(data, new(struct{})); err != nil {
		t.Fatalf("empty file is not well-formed: %v\n%s", err, data)
	}
	f, err := Read(bytes.NewReader(data), Limits{})
	if err != nil || len(f.Entries) != 0 {
		t.Fatalf("Read = %v, %v", f, err)
	}
}

// TestReadReviewed reads a file as a CAT tool leaves it: inline markup in
// the target, a reviewer's comment, alternatives and a rejected unit.
func TestReadReviewed(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "reviewed.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Read(bytes.NewReader(data), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Entries) != 3 {
		t.Fatalf("read %d entries, want 3", len(f.Entries))
	}
	if got := f.Entries[0].TgtText; got != "Dear colleagues, good day to you." {
		t.Errorf("edited target %q", got)
	}
	if got := f.Entries[0].SrcText; got != "Уважаемые коллеги, добрый день." {
		t.Errorf("source %q", got)
	}
	if len(f.Entries[0].Notes) != 0 {
		t.Errorf("a reviewer's comment was read as a finding: %+v", f.Entries[0].Notes)
	}
	if !f.Entries[1].Rejected() || f.Entries[0].Rejected() {
		t.Errorf("rejected: %v %v", f.Entries[0].Rejected(), f.Entries[1].Rejected())
	}
	if got := f.Entries[2].TgtText; got != "Prices rose by 5%." {
		t.Errorf("target with alt-trans %q", got)
	}
}

func TestReadHostile(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(secret, []byte("TOP-SECRET"), 0o644)
	unit := `<file original="a" source-language="ru" target-language="en"><body><trans-unit id="1"><source>x</source><target>%s</target></trans-unit></body></file>`
	cases := []struct {
		name, doc string
		lim       Limits
		want      string
	}{
		{"external entity", `<?xml version="1.0"?><!DOCTYPE xliff [<!ENTITY s SYSTEM "file://` + secret + `">]><xliff version="1.2">` + strings.Replace(unit, "%s", "&s;", 1) + `</xliff>`, Limits{}, "DOCTYPE"},
		{"billion laughs", `<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xliff version="1.2">` + strings.Replace(unit, "%s", "&b;", 1) + `</xliff>`, Limits{}, "DOCTYPE"},
		{"undeclared entity", `<xliff version="1.2">` + strings.Replace(unit, "%s", "&s;", 1) + `</xliff>`, Limits{}, "entity"},
		{"too big", `<xliff version="1.2">` + strings.Replace(unit, "%s", strings.Repeat("y", 5000), 1) + `</xliff>`, Limits{MaxBytes: 1000}, "too large"},
		{"too deep", `<xliff version="1.2">` + strings.Replace(unit, "%s", strings.Repeat("<g>", 100)+strings.Repeat("</g>", 100), 1) + `</xliff>`, Limits{}, "nested"},
		{"too many", `<xliff version="1.2">` + strings.Replace(strings.Repeat(unit, 1), "<trans-unit", strings.Repeat(`<trans-unit id="1"><source/></trans-unit>`, 3)+"<trans-unit", 1) + `</xliff>`, Limits{MaxUnits: 2}, "trans-units"},
		{"not xliff", `<tmx version="1.4"/>`, Limits{}, "not <xliff>"},
		{"truncated", `<xliff version="1.2"><file original="a" source-language="ru" target-language="en"><body>`, Limits{}, "XLIFF"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Read(strings.NewReader(c.doc), c.lim)
			if err == nil {
				t.Fatalf("Read accepted it: %+v", f)
			}
			if !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "xliff: ") {
				t.Errorf("error %q, want it to start with xliff: and mention %q", err, c.want)
			}
			if strings.Contains(err.Error(), "TOP-SECRET") {
				t.Error("the error shows the content of a local file")
			}
		})
	}
	_, err := Read(strings.NewReader(`<xliff version="1.2">`+strings.Replace(unit, "%s", strings.Repeat("y", 5000), 1)+`</xliff>`), Limits{MaxBytes: 1000})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("oversize error %v does not wrap ErrTooLarge", err)
	}
}

// FuzzWriteRead writes arbitrary text and notes and checks the output is
// well-formed and reads back to the same text.
func FuzzWriteRead(f *testing.F) {
	f.Add("Привет, мир.", "Hello, world.", "code", "msg", 0.5)
	f.Add("<a>&amp;</a>", "]]>\x00\r\n\t", "x\"y", "'", 0.0)
	f.Fuzz(func(t *testing.T, src, tgt, code, msg string, score float64) {
		if score < 0 || score > 1 || score != score {
			score = 0.5
		}
		u := corpora.Unit{Doc: "d", Bead: 1, Src: []int{1}, Tgt: []int{1}, SrcText: src, TgtText: tgt, Score: score,
			Notes: []corpora.Note{{Code: code + "c", Severity: "info", Message: msg}}}
		data := write(t, []corpora.Unit{u}, header)
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("not well-formed: %v\n%s", err, data)
			}
		}
		got, err := Read(bytes.NewReader(data), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		e := got.Entries[0]
		if want := normalizeXML(src); e.SrcText != want {
			t.Errorf("source %q, want %q", e.SrcText, want)
		}
		if want := normalizeXML(tgt); e.TgtText != want {
			t.Errorf("target %q, want %q", e.TgtText, want)
		}
	})
}

// normalizeXML is what survives XML: characters XML cannot hold and
// every byte of invalid UTF-8 become U+FFFD.
func normalizeXML(s string) string {
	var sb strings.Builder
	for _, r := range s {
		if r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			sb.WriteRune(r)
		} else {
			sb.WriteRune('\uFFFD')
		}
	}
	return sb.String()
}

// FuzzRead feeds Read arbitrary bytes: it must not panic, and what it
// accepts must be units with sane numbers and offsets.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"sample.xlf", "reviewed.xlf"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY a "b">]><xliff/>`))
	f.Add([]byte(`<xliff><file source-language="ru" target-language="en"><body><trans-unit id="1" al:src="1,x" xmlns:al="urn:align-tools:align:1"/></body></file></xliff>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Read(bytes.NewReader(data), Limits{MaxBytes: 1 << 20})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "xliff: ") {
				t.Errorf("error without the package prefix: %v", err)
			}
			return
		}
		for _, e := range got.Entries {
			if e.Bead < 1 || e.Score < 0 || e.Score > 1 {
				t.Errorf("accepted bead %d score %v", e.Bead, e.Score)
			}
			for _, n := range e.Notes {
				if n.Start < 0 || n.End < n.Start {
					t.Errorf("accepted span %d-%d", n.Start, n.End)
				}
			}
		}
	})
}

func ExampleWriter() {
	w := NewWriter(os.Stdout, Header{Src: language.Russian, Tgt: language.English, ToolVersion: "1.0"})
	w.Write(&corpora.Unit{Doc: "talk", Bead: 1, Src: []int{1}, Tgt: []int{1}, Score: 0.42,
		SrcText: "Спасибо за внимание.", TgtText: "Thank you for your attention."})
	w.Flush()
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:al="urn:align-tools:align:1">
	//   <file original="talk" source-language="ru" target-language="en" datatype="plaintext">
	//     <header>
	//       <tool tool-id="align" tool-name="align" tool-version="1.0"/>
	//     </header>
	//     <body>
	//       <trans-unit id="1" xml:space="preserve" al:type="1-1" al:score="0.42" al:src="1" al:tgt="1">
	//         <source>Спасибо за внимание.</source>
	//         <target state="needs-review-translation">Thank you for your attention.</target>
	//       </trans-unit>
	//     </body>
	//   </file>
	// </xliff>
}
