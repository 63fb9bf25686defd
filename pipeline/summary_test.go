package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestSummaryListsTheLeastConfident gives the summary more speech
// pairings than it lists and wants the least confident ones, and a
// line counting the others.
func TestSummaryListsTheLeastConfident(t *testing.T) {
	s := &Summary{}
	for k := 0; k < 3*maxListed; k++ {
		conf := 0.5 + float64(k%100)/200
		s.Speeches = append(s.Speeches, SpeechPair{
			Src: fmt.Sprintf("a%03d#1", k), Tgt: fmt.Sprintf("b%03d#1", k), Confidence: conf, Reason: "content"})
	}
	var sb strings.Builder
	s.writeSpeeches(&sb)
	lines := strings.Split(strings.TrimSpace(sb.String()), "\n")
	if len(lines) != maxListed+2 {
		t.Fatalf("%d lines, want the count, %d pairings and a last line:\n%s", len(lines), maxListed, sb.String())
	}
	if !strings.Contains(lines[1], "a000#1") || !strings.Contains(lines[1], "0.50") {
		t.Errorf("the first pairing listed is not the least confident: %q", lines[1])
	}
	last := lines[len(lines)-1]
	if !strings.Contains(last, fmt.Sprintf("and %d more", 2*maxListed)) {
		t.Errorf("last line %q does not count the %d left out", last, 2*maxListed)
	}
	// Fewer pairings than the cap are all listed, in their order.
	s.Speeches = s.Speeches[:3]
	sb.Reset()
	s.writeSpeeches(&sb)
	if got := strings.Count(sb.String(), "\n"); got != 4 || strings.Contains(sb.String(), "more") {
		t.Errorf("three pairings:\n%s", sb.String())
	}
}

// TestProgressCoversBothPasses records the progress of a run of the
// sample: the steps go up one at a time, the total never changes, and
// the last call reports every step done.
func TestProgressCoversBothPasses(t *testing.T) {
	dir := sampleDir(t)
	var dones, totals []int
	cfg := Config{
		SrcDir: filepath.Join(dir, "ru"), TgtDir: filepath.Join(dir, "en"), OutDir: t.TempDir(), Jobs: 2,
		Progress: func(done, total, _ int) { dones, totals = append(dones, done), append(totals, total) },
	}
	if _, err := Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	if len(dones) == 0 {
		t.Fatal("Progress was never called")
	}
	for k := range dones {
		if dones[k] != k+1 || totals[k] != totals[0] {
			t.Fatalf("call %d: %d of %d (first total %d)", k+1, dones[k], totals[k], totals[0])
		}
	}
	if last := dones[len(dones)-1]; last != totals[0] {
		t.Errorf("the last call reports %d of %d steps", last, totals[0])
	}
}
