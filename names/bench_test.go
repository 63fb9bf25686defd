package names

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// corpus makes n English sentences naming people from a small pool, some
// spelled two ways, with a fixed seed.
func corpus(n int) string {
	first := []string{"Sadyr", "Sadir", "Nikol", "Vladimir", "Alexander", "Aleksandr", "Sergey", "Sergei", "Anna", "Yury", "Yuri"}
	last := []string{"Japarov", "Pashinyan", "Putin", "Lukashenko", "Lavrov", "Ivanova", "Gagarin", "Orlov"}
	rng := rand.New(rand.NewSource(1))
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Then %s %s met %s %s in room %d.\n",
			first[rng.Intn(len(first))], last[rng.Intn(len(last))],
			first[rng.Intn(len(first))], last[rng.Intn(len(last))], i)
	}
	return b.String()
}

func BenchmarkIndex(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		text := corpus(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				x := NewIndex(Options{})
				x.AddEnglish("bench.txt", text, nil)
				x.Groups()
			}
		})
	}
}

// TestBigCorpus guards against quadratic blow-ups on a long text.
func TestBigCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	x := NewIndex(Options{})
	x.AddEnglish("big.txt", corpus(20000), nil)
	got := spellingSets(x.Groups())
	want := []string{"Aleksandr/Alexander", "Sadir/Sadyr", "Sergei/Sergey", "Yuri/Yury"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("groups %q, want %q", got, want)
	}
}
