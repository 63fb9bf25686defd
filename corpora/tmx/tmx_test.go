package tmx_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/corpora/tmx"
	"github.com/align-tools/align/internal/shared"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func write(t *testing.T, h tmx.Header, units []corpora.Unit) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := tmx.NewWriter(&buf, h)
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

func TestGolden(t *testing.T) {
	got := write(t, tmx.Header{Src: language.Russian, Tgt: language.English, ToolVersion: "test"}, corpora.SampleUnits())
	golden := filepath.Join("testdata", "sample.tmx")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s; run go test -update and review the diff\n%s", golden, got)
	}
}

func TestWellFormedAndComplete(t *testing.T) {
	units := corpora.SampleUnits()
	out := write(t, tmx.Header{Src: language.Russian, Tgt: language.English}, units)
	dec := xml.NewDecoder(bytes.NewReader(out))
	var tus, tuvs int
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			t.Fatalf("not well-formed: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "tu":
				tus++
			case "tuv":
				tuvs++
			}
		}
	}
	wantTuvs := 0
	for _, u := range units {
		if len(u.Src) > 0 {
			wantTuvs++
		}
		if len(u.Tgt) > 0 {
			wantTuvs++
		}
	}
	if tus != len(units) || tuvs != wantTuvs {
		t.Errorf("got %d tu and %d tuv, want %d and %d", tus, tuvs, len(units), wantTuvs)
	}
	if bytes.Contains(out, []byte("creationdate")) {
		t.Error("creationdate written though not asked for")
	}
}

func TestCreationDate(t *testing.T) {
	out := write(t, tmx.Header{Src: language.Russian, Tgt: language.English, Created: time.Date(2022, 5, 16, 10, 0, 0, 0, time.UTC)}, nil)
	if !bytes.Contains(out, []byte(`creationdate="20220516T100000Z"`)) {
		t.Errorf("no creationdate in\n%s", out)
	}
}

func TestXMLSafe(t *testing.T) {
	got, n := tmx.XMLSafe("a\x01b\x0bc\td")
	if got != "a\uFFFDb\uFFFDc\td" || n != 2 {
		t.Errorf("XMLSafe = %q, %d", got, n)
	}
}

// TestValidatesAgainstDTD validates the writer's output with xmllint and
// the TMX 1.4b DTD.
func TestValidatesAgainstDTD(t *testing.T) {
	dtd := filepath.Join(shared.Dir(t, "tmx"), "tmx14.dtd")
	if _, err := exec.LookPath("xmllint"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint is not installed; .ci/run installs libxml2-utils")
		}
		t.Skip("xmllint is not installed (Debian package libxml2-utils)")
	}
	out := write(t, tmx.Header{Src: language.Russian, Tgt: language.English}, corpora.SampleUnits())
	ValidateTMX(t, dtd, out)
}

// ValidateTMX fails t when data does not validate against the DTD.
func ValidateTMX(t *testing.T, dtd string, data []byte) {
	t.Helper()
	f := filepath.Join(t.TempDir(), "out.tmx")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("xmllint", "--noout", "--nonet", "--dtdvalid", dtd, f)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("xmllint: %v\n%s", err, out)
	}
}

func ExampleWriter() {
	w := tmx.NewWriter(os.Stdout, tmx.Header{Src: language.Russian, Tgt: language.English, ToolVersion: "1.0"})
	w.Write(&corpora.Unit{Doc: "demo", Bead: 1, Src: []int{1}, Tgt: []int{1}, SrcText: "Привет.", TgtText: "Hello.", Score: 0.9})
	w.Flush()
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <!DOCTYPE tmx SYSTEM "tmx14.dtd">
	// <tmx version="1.4">
	//   <header creationtool="align" creationtoolversion="1.0" segtype="sentence" o-tmf="align" adminlang="en" srclang="ru" datatype="plaintext"/>
	//   <body>
	//     <tu>
	//       <prop type="x-document">demo</prop>
	//       <prop type="x-bead">1-1</prop>
	//       <prop type="x-score">0.90</prop>
	//       <tuv xml:lang="ru"><seg>Привет.</seg></tuv>
	//       <tuv xml:lang="en"><seg>Hello.</seg></tuv>
	//     </tu>
	//   </body>
	// </tmx>
}
