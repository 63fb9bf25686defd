package pipeline

import (
	"context"
	"errors"
	"math/rand"
	"testing"
	"time"
)

func TestOrderedEmitsInOrder(t *testing.T) {
	for _, jobs := range []int{1, 2, 7} {
		for _, n := range []int{0, 1, 5, 100} {
			rng := rand.New(rand.NewSource(int64(n*10 + jobs)))
			delays := make([]time.Duration, n)
			for i := range delays {
				delays[i] = time.Duration(rng.Intn(200)) * time.Microsecond
			}
			var got []int
			err := ordered(context.Background(), n, jobs,
				func(i int) int { time.Sleep(delays[i]); return i * i },
				func(i, r int) error {
					if r != i*i {
						t.Errorf("result of %d is %d", i, r)
					}
					got = append(got, i)
					return nil
				})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != n {
				t.Fatalf("jobs=%d n=%d: emitted %d", jobs, n, len(got))
			}
			for i, g := range got {
				if g != i {
					t.Fatalf("jobs=%d n=%d: emitted %v", jobs, n, got)
				}
			}
		}
	}
}

func TestOrderedStopsOnError(t *testing.T) {
	boom := errors.New("boom")
	err := ordered(context.Background(), 1000, 2,
		func(i int) int { return i },
		func(i, r int) error {
			if i == 3 {
				return boom
			}
			return nil
		})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
}

func TestOrderedCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	err := ordered(ctx, 1000, 2,
		func(i int) int { return i },
		func(i, r int) error {
			if i == 10 {
				cancel()
			}
			return nil
		})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
