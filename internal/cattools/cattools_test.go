package cattools_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/corpora/tmx"
	"github.com/align-tools/align/corpora/xliff"
	"github.com/align-tools/align/internal/cattools"
	"github.com/align-tools/align/pipeline"
)

// runSample aligns the speech in testdata (written for these tests) and
// returns the output folder and its units.
func runSample(t *testing.T) (string, []corpora.Unit) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	_, err := pipeline.Run(context.Background(), pipeline.Config{SrcDir: filepath.Join("testdata", "ru"), TgtDir: filepath.Join("testdata", "en"), OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	units, _, err := pipeline.ReadCorpus(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(units) < 10 {
		t.Fatalf("the sample gave %d units; it has 11 sentences a side", len(units))
	}
	return out, units
}

// trickyUnits are units with markup characters, quotes, findings, one
// side only, a tab, a line break and a character XML cannot hold.
func trickyUnits() []corpora.Unit {
	us := corpora.SampleUnits()
	us = append(us, corpora.Unit{Doc: "press", Bead: 1, Src: []int{1}, Tgt: []int{1}, Score: 0.8,
		SrcText: `Он сказал: «<script>alert("x")</script>» & ушёл.`, TgtText: `He said: "<script>alert('x')</script>" & left.`,
		Notes: []corpora.Note{{Code: "markup", Severity: "error", Message: "a <script> & quotes \"here\""}}})
	return us
}

func writeFiles(t *testing.T, units []corpora.Unit) (tmxPath, xlfPath string) {
	t.Helper()
	dir := t.TempDir()
	tmxPath, xlfPath = filepath.Join(dir, "tricky.tmx"), filepath.Join(dir, "tricky.xlf")
	ft, _ := os.Create(tmxPath)
	fx, _ := os.Create(xlfPath)
	defer ft.Close()
	defer fx.Close()
	tw := tmx.NewWriter(ft, tmx.Header{Src: language.Russian, Tgt: language.English})
	xw := xliff.NewWriter(fx, xliff.Header{Src: language.Russian, Tgt: language.English})
	for i := range units {
		tw.Write(&units[i])
		xw.Write(&units[i])
	}
	if err := tw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := xw.Flush(); err != nil {
		t.Fatal(err)
	}
	return tmxPath, xlfPath
}

func TestTMXValidatesAgainstDTD(t *testing.T) {
	out, _ := runSample(t)
	cattools.ValidateTMX(t, filepath.Join(out, "corpus.tmx"))
	tmxPath, _ := writeFiles(t, trickyUnits())
	cattools.ValidateTMX(t, tmxPath)
}

// python runs a script with translate-toolkit and decodes the JSON it
// prints.
func python(t *testing.T, script string, v any, args ...string) {
	t.Helper()
	py := cattools.TranslateToolkit(t)
	path := filepath.Join(t.TempDir(), "read.py")
	os.WriteFile(path, []byte(script), 0o644)
	cmd := exec.Command(py, append([]string{path}, args...)...)
	cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8")
	stdout, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("translate-toolkit: %v\n%s", err, stderr)
	}
	if err := json.Unmarshal(stdout, v); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
}

const readTMX = `
import json, sys
from translate.storage import tmx
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
store = tmx.tmxfile.parsefile(sys.argv[1])
out = []
for u in store.unit_iter():
    tuvs = {n.get(XML_LANG): u.getNodeText(n) for n in u.getlanguageNodes()}
    out.append({"tuvs": tuvs, "notes": u.getnotes()})
print(json.dumps(out, ensure_ascii=False))
`

type tkTMXUnit struct {
	TUVs  map[string]string `json:"tuvs"`
	Notes string            `json:"notes"`
}

// xmlText is the text a unit's side has in the TMX as a reader may take
// it: characters XML cannot hold replaced, and runs of white space as one
// space, since the TMX does not ask for xml:space="preserve" and
// translate-toolkit collapses them.
func xmlText(s string) string {
	s, _ = tmx.XMLSafe(s)
	return corpora.Segment(s)
}

// TestTranslateToolkitReadsTMX checks that translate-toolkit reads every
// unit of our TMX with the same texts and notes.
func TestTranslateToolkitReadsTMX(t *testing.T) {
	out, sample := runSample(t)
	tricky := trickyUnits()
	tmxPath, _ := writeFiles(t, tricky)
	for _, c := range []struct {
		path  string
		units []corpora.Unit
	}{{filepath.Join(out, "corpus.tmx"), sample}, {tmxPath, tricky}} {
		var got []tkTMXUnit
		python(t, readTMX, &got, c.path)
		if len(got) != len(c.units) {
			t.Fatalf("%s: translate-toolkit reads %d units, we wrote %d", c.path, len(got), len(c.units))
		}
		for i, u := range c.units {
			want := map[string]string{}
			if len(u.Src) > 0 {
				want["ru"] = xmlText(u.SrcText)
			}
			if len(u.Tgt) > 0 {
				want["en"] = xmlText(u.TgtText)
			}
			for k, v := range got[i].TUVs {
				got[i].TUVs[k] = corpora.Segment(v)
			}
			if !equalMaps(got[i].TUVs, want) {
				t.Errorf("%s unit %d: translate-toolkit reads %q, we wrote %q", filepath.Base(c.path), i+1, got[i].TUVs, want)
			}
			for _, n := range u.Notes {
				if msg, _ := tmx.XMLSafe(n.Message); !strings.Contains(got[i].Notes, msg) {
					t.Errorf("unit %d: notes %q lack %q", i+1, got[i].Notes, n.Message)
				}
			}
		}
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

const readXLIFF = `
import json, sys
from translate.storage import xliff
store = xliff.xlifffile.parsefile(sys.argv[1])
out = []
for u in store.unit_iter():
    el = u.xmlelement
    tgt = el.find("{urn:oasis:names:tc:xliff:document:1.2}target")
    out.append({"id": el.get("id"), "source": u.source, "target": u.target or "",
                "state": tgt.get("state") if tgt is not None else None,
                "notes": u.getnotes()})
print(json.dumps(out, ensure_ascii=False))
`

type tkXLIFFUnit struct {
	ID, Source, Target, State, Notes string
}

// TestTranslateToolkitReadsXLIFF checks that translate-toolkit reads every
// trans-unit of our XLIFF with the same texts, states and notes.
func TestTranslateToolkitReadsXLIFF(t *testing.T) {
	out, sample := runSample(t)
	tricky := trickyUnits()
	_, xlfPath := writeFiles(t, tricky)
	h := xliff.Header{}
	for _, c := range []struct {
		path  string
		units []corpora.Unit
	}{{filepath.Join(out, "review.xlf"), sample}, {xlfPath, tricky}} {
		var got []tkXLIFFUnit
		python(t, readXLIFF, &got, c.path)
		if len(got) != len(c.units) {
			t.Fatalf("%s: translate-toolkit reads %d units, we wrote %d", c.path, len(got), len(c.units))
		}
		for i, u := range c.units {
			src, _ := tmx.XMLSafe(u.SrcText)
			tgt, _ := tmx.XMLSafe(u.TgtText)
			g := got[i]
			if g.ID != strconv.Itoa(u.Bead) || g.Source != src || g.Target != tgt || g.State != h.State(&u) {
				t.Errorf("%s unit %d: translate-toolkit reads %+v; we wrote id %d, %q, %q, state %s",
					filepath.Base(c.path), i+1, g, u.Bead, src, tgt, h.State(&u))
			}
			for _, n := range u.Notes {
				if msg, _ := tmx.XMLSafe(n.Message); !strings.Contains(g.Notes, msg) {
					t.Errorf("unit %d: notes %q lack %q", i+1, g.Notes, n.Message)
				}
			}
		}
	}
}

const editXLIFF = `
import sys
from translate.storage import xliff
NS = "{urn:oasis:names:tc:xliff:document:1.2}"
store = xliff.xlifffile.parsefile(sys.argv[1])
units = list(store.unit_iter())
units[1].target = "We got to Kazan at dawn."
units[1].xmlelement.find(NS + "target").set("state", "signed-off")
units[2].xmlelement.find(NS + "target").set("state", "x-rejected")
units[3].addnote("The translation reads well.", origin="translator")
store.savefile(sys.argv[1])
print("[]")
`

// TestApplyAfterTranslateToolkit edits the XLIFF with translate-toolkit,
// as a CAT tool would, and applies it: the edit and the rejection reach
// the corpus files, and the TMX still validates.
func TestApplyAfterTranslateToolkit(t *testing.T) {
	out, before := runSample(t)
	xlf := filepath.Join(out, "review.xlf")
	var none []any
	python(t, editXLIFF, &none, xlf)
	a, err := pipeline.Apply(pipeline.ApplyConfig{Review: xlf})
	if err != nil {
		t.Fatal(err)
	}
	if a.Edited != 1 || a.Rejected != 1 || a.Units != len(before) {
		t.Errorf("applied %+v; want %d units, 1 edited, 1 rejected", a, len(before))
	}
	after, _, err := pipeline.ReadCorpus(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before)+1 || after[1].TgtText != "We got to Kazan at dawn." {
		t.Errorf("corpus after apply: %d units, unit 2 %q", len(after), after[1].TgtText)
	}
	if after[2].Type() != "1-0" || after[3].Type() != "0-1" || after[2].SrcText != before[2].SrcText || after[3].TgtText != before[2].TgtText {
		t.Errorf("the rejected unit was not split: %+v %+v", after[2], after[3])
	}
	if len(after[4].Notes) != 0 {
		t.Errorf("a translator's comment became a finding: %+v", after[4].Notes)
	}
	cattools.ValidateTMX(t, filepath.Join(out, "corpus.tmx"))
}

const omegatProjectFile = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>RU</source_lang>
    <target_lang>EN</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneRussianTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`

// TestOmegaT makes a throw-away OmegaT project with our TMX in tm/auto
// and the Russian sample as its source, translates it in console mode,
// and checks that the English OmegaT writes holds our translation of
// every aligned sentence, and that it loaded the TMX without error (its
// exit status is 0 even when it did not).
func TestOmegaT(t *testing.T) {
	out, units := runSample(t)
	proj := omegatProject(t, map[string]string{
		"source/visit.txt":   filepath.Join("testdata", "ru", "visit.txt"),
		"tm/auto/corpus.tmx": filepath.Join(out, "corpus.tmx"),
	})
	log, logPath := runOmegaT(t, proj, "omegat.log")
	if strings.Contains(string(log), "TF_TM_LOAD_ERROR") || !strings.Contains(string(log), "TMXR_INFO_READING_COMPLETE") {
		t.Fatalf("OmegaT did not load our TMX; log in %s\n%s", logPath, tail(log))
	}
	target, err := os.ReadFile(filepath.Join(proj, "target", "visit.txt"))
	if err != nil {
		t.Fatalf("OmegaT wrote no target file: %v\n%s", err, tail(log))
	}
	n := 0
	for _, u := range units {
		if u.Type() != "1-1" {
			continue
		}
		n++
		if !strings.Contains(string(target), u.TgtText) {
			t.Errorf("OmegaT's target lacks our translation %q of %q", u.TgtText, u.SrcText)
		}
		if strings.Contains(string(target), u.SrcText) {
			t.Errorf("OmegaT left %q untranslated", u.SrcText)
		}
	}
	if n < 10 {
		t.Errorf("only %d 1-1 units to check", n)
	}
}

// omegatProject makes a throw-away OmegaT project (Russian to English)
// holding the given files: project path → file to copy.
func omegatProject(t *testing.T, files map[string]string) string {
	t.Helper()
	proj := filepath.Join(t.TempDir(), "project")
	for _, d := range []string{"source", "target", "tm/auto", "glossary", "dictionary", "omegat"} {
		os.MkdirAll(filepath.Join(proj, d), 0o755)
	}
	for to, from := range files {
		copyFile(t, from, filepath.Join(proj, to))
	}
	os.WriteFile(filepath.Join(proj, "omegat.project"), []byte(omegatProjectFile), 0o644)
	return proj
}

// runOmegaT translates proj in OmegaT's console mode and returns its log,
// also saved as name in the artifacts folder.
func runOmegaT(t *testing.T, proj, name string) ([]byte, string) {
	t.Helper()
	java := cattools.Tool(t, "java", "omegat")
	const jar = "/usr/share/omegat/OmegaT.jar"
	if _, err := os.Stat(jar); err != nil {
		cattools.Missing(t, "OmegaT ("+jar+")", "omegat")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// This is what Debian's /usr/bin/omegat runs, headless and with a
	// home of its own so the user's settings are neither read nor changed.
	cmd := exec.CommandContext(ctx, java, "-Djava.awt.headless=true", "-Djava.library.path=/usr/lib/jni",
		"-jar", jar, proj, "--mode=console-translate")
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	log, err := cmd.CombinedOutput()
	logPath := filepath.Join(cattools.Artifacts(t), name)
	os.WriteFile(logPath, log, 0o644)
	if err != nil {
		t.Fatalf("omegat: %v; log in %s\n%s", err, logPath, tail(log))
	}
	return log, logPath
}

// TestOmegaTReadsXLIFF gives OmegaT our review.xlf as a document to
// translate: it must find one segment per unit, and the XLIFF it writes
// back must be one align apply takes with no edit and no loss.
func TestOmegaTReadsXLIFF(t *testing.T) {
	out, units := runSample(t)
	proj := omegatProject(t, map[string]string{"source/review.xlf": filepath.Join(out, "review.xlf")})
	_, logPath := runOmegaT(t, proj, "omegat-xliff.log")
	stats, err := os.ReadFile(filepath.Join(proj, "omegat", "project_stats.txt"))
	if err != nil {
		t.Fatalf("OmegaT wrote no statistics: %v; log in %s", err, logPath)
	}
	var segments int
	for _, line := range strings.Split(string(stats), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "Total:" {
			segments, _ = strconv.Atoi(f[1])
		}
	}
	if segments != len(units) {
		t.Errorf("OmegaT finds %d segments in review.xlf; it has %d units", segments, len(units))
	}
	back := filepath.Join(out, "omegat.xlf")
	copyFile(t, filepath.Join(proj, "target", "review.xlf"), back)
	a, err := pipeline.Apply(pipeline.ApplyConfig{Review: back})
	if err != nil {
		t.Fatalf("align apply of the XLIFF OmegaT wrote: %v", err)
	}
	if a.Units != len(units) || a.Edited != 0 || a.Rejected != 0 {
		t.Errorf("applied %+v; want %d units, no edit", a, len(units))
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func tail(b []byte) string {
	if len(b) > 3000 {
		b = b[len(b)-3000:]
	}
	return string(b)
}
