package pipeline

import (
	"context"
	"sync"
)

// ordered runs work(i) for i in [0, n) on up to jobs goroutines and
// calls emit(i, result) in order of i, from the calling goroutine. At
// most 16*jobs results wait for emission at any time, so memory does not
// grow with n, while a slow item does not hold up the workers behind it. When emit returns an error, no new work starts and
// ordered returns that error once the running work has ended. When ctx
// is done, ordered returns ctx.Err() at once: work already running goes
// on in the background until it ends, and its results are dropped, so
// an interrupted command can clean up and exit without waiting for a
// long document.
func ordered[T any](ctx context.Context, n, jobs int, work func(i int) T, emit func(i int, r T) error) error {
	if jobs < 1 {
		jobs = 1
	}
	type result struct {
		i int
		r T
	}
	window := 16 * jobs
	next := make(chan int)
	results := make(chan result, window)
	slots := make(chan struct{}, window) // bounds results not yet emitted
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				r := work(i)
				select {
				case results <- result{i, r}:
				case <-stop:
					return
				}
			}
		}()
	}
	go func() {
		defer close(next)
		for i := 0; i < n; i++ {
			select {
			case slots <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case next <- i:
			case <-stop:
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
	for {
		var res result
		var ok bool
		select {
		case res, ok = <-results:
		case <-ctx.Done():
			close(stop)
			return ctx.Err()
		}
		if !ok {
			break
		}
		pending[res.i] = res.r
		for {
			r, ok := pending[want]
			if !ok {
				break
			}
			delete(pending, want)
			if err := emit(want, r); err != nil {
				close(stop)
				for range results {
					// Let the running work end before returning.
				}
				return err
			}
			want++
			<-slots
		}
	}
	if want < n {
		return ctx.Err()
	}
	return nil
}
