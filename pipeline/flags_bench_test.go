//go:build unix

package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/align-tools/align/corpora"
)

// BenchmarkCheckUnits times the checks stage of align speeches alone
// (checkUnits: qa.Run, the names index, the notes of the units) on the
// aligned units of a corpus, and reports the CPU time of a run besides
// the wall time, which other jobs on the machine disturb more. The
// corpus is testdata/speeches, or the folder named by the environment
// variable ALIGN_BENCH_CORPUS (with ru/ and en/ in it, such as one made
// by internal/gencorpus):
//
//	ALIGN_BENCH_CORPUS=/tmp/bench/many go test ./pipeline -run XXX -bench CheckUnits -benchtime 5x
func BenchmarkCheckUnits(b *testing.B) {
	dir := os.Getenv("ALIGN_BENCH_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "testdata", "speeches")
	}
	cfg := Config{SrcDir: filepath.Join(dir, "ru"), TgtDir: filepath.Join(dir, "en")}
	cfg.defaults()
	srcList, err := listTexts(cfg.SrcDir)
	if err != nil {
		b.Fatal(err)
	}
	tgtList, err := listTexts(cfg.TgtDir)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	batches, err := planSpeeches(ctx, cfg, srcList.files, tgtList.files, &Summary{BeadTypes: map[string]int{}})
	if err != nil {
		b.Fatal(err)
	}
	if cfg.Options, err = learnJobs(ctx, batches, cfg, func(int, int) {}); err != nil {
		b.Fatal(err)
	}
	var units []corpora.Unit
	var jobs []*speechJob
	for _, batch := range batches {
		js, err := batch.jobsOf(cfg)
		if err != nil {
			b.Fatal(err)
		}
		us, _, _, err := alignJobs(js, cfg.Options)
		if err != nil {
			b.Fatal(err)
		}
		units = append(units, us...)
		jobs = append(jobs, js...)
	}
	locate := jobLocator(jobs)
	b.ReportAllocs()
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range units {
			units[k].Notes = nil
		}
		if _, _, err := checkUnits(units, cfg, locate); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(len(units)), "units")
}

// cpuTime is the user and system time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
