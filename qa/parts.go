package qa

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// partSize is the number of beads in a part of the work of a check that
// runs in parts (inParallel, Reporter.inParts).
const partSize = 2048

// inParallel calls f on the consecutive parts [lo, hi) of [0, n), at
// most partSize long, side by side on up to GOMAXPROCS goroutines, and
// returns when every part is done. f must only write to what its part
// owns. With one goroutine (one part, or GOMAXPROCS 1) f is called once,
// on the calling goroutine, with all of [0, n): a caller that keeps a
// result per part (at index lo/partSize) then finds the others empty.
func inParallel(n int, f func(lo, hi int)) {
	parts := (n + partSize - 1) / partSize
	workers := min(runtime.GOMAXPROCS(0), parts)
	if workers <= 1 {
		if n > 0 {
			f(0, n)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				p := int(next.Add(1)) - 1
				if p >= parts {
					return
				}
				f(p*partSize, min(n, (p+1)*partSize))
			}
		}()
	}
	wg.Wait()
}

// inParts runs f on the parts of the beads [0, n) side by side, each
// with a reporter of its own, and then adds their findings to r in the
// order of the parts: the findings are those, in the order, of f run
// once on [0, n).
func (r *Reporter) inParts(n int, f func(lo, hi int, r *Reporter)) {
	parts := make([]Reporter, (n+partSize-1)/partSize)
	inParallel(n, func(lo, hi int) {
		p := &parts[lo/partSize]
		p.check = r.check
		f(lo, hi, p)
	})
	for _, p := range parts {
		r.found = append(r.found, p.found...)
	}
}
