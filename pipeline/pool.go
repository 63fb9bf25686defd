package pipeline

import (
	"context"
	"sync"
)

// ordered runs work(i) for i in [0, n) on up to jobs goroutines and
// calls emit(i, result) in order of i, from the calling goroutine. At
// most 2*jobs results wait for emission at any time, so memory does not
// grow with n. When emit returns an error or ctx is done, no new work
// starts and ordered returns that error after the running work ends.
func ordered[T any](ctx context.Context, n, jobs int, work func(i int) T, emit func(i int, r T) error) error {
	if jobs < 1 {
		jobs = 1
	}
	type result struct {
		i int
		r T
	}
	window := 2 * jobs
	next := make(chan int)
	results := make(chan result, window)
	slots := make(chan struct{}, window) // bounds results not yet emitted
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results <- result{i, work(i)}
			}
		}()
	}
	stop := make(chan struct{})
	go func() {
		defer close(next)
		for i := 0; i < n; i++ {
			select {
			case slots <- struct{}{}:
			case <-stop:
				return
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-stop:
				return
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := map[int]T{}
	want := 0
	var err error
	for res := range results {
		if err != nil {
			continue // drain
		}
		pending[res.i] = res.r
		for {
			r, ok := pending[want]
			if !ok {
				break
			}
			delete(pending, want)
			if err = emit(want, r); err != nil {
				close(stop)
				break
			}
			want++
			<-slots
		}
	}
	if err != nil {
		return err
	}
	if want < n {
		return ctx.Err()
	}
	return nil
}
