package pipeline

import (
	"context"
	"errors"
	"math/rand"
	"sync/atomic"
	"testing"
	"time"
)

func TestEachParallelRunsEachOnceInOrder(t *testing.T) {
	for _, jobs := range []int{0, 1, 2, 7} {
		for _, n := range []int{0, 1, 5, 100} {
			rng := rand.New(rand.NewSource(int64(n*10 + jobs)))
			delays := make([]time.Duration, n)
			for i := range delays {
				delays[i] = time.Duration(rng.Intn(200)) * time.Microsecond
			}
			runs := make([]atomic.Int32, n)
			got, err := eachParallel(context.Background(), n, jobs, func(i int) int {
				runs[i].Add(1)
				time.Sleep(delays[i])
				return i * i
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != n {
				t.Fatalf("jobs=%d n=%d: %d results", jobs, n, len(got))
			}
			for i, r := range got {
				if r != i*i || runs[i].Load() != 1 {
					t.Fatalf("jobs=%d n=%d: result %d is %d after %d runs", jobs, n, i, r, runs[i].Load())
				}
			}
		}
	}
}

// TestEachParallelStopsOnCancel cancels while one piece of work is long
// and checks that eachParallel returns at once with the context's error.
func TestEachParallelStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	release := make(chan struct{})
	defer close(release)
	var started atomic.Int32
	go func() {
		for started.Load() == 0 {
			time.Sleep(time.Millisecond)
		}
		cancel()
	}()
	_, err := eachParallel(ctx, 10, 2, func(i int) int {
		started.Add(1)
		if i == 0 {
			<-release // a long document
		}
		return i
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
