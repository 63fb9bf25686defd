package names

import (
	"fmt"
	"math/rand"
	"runtime"
	"testing"
	"time"
)

// bead is one aligned sentence pair of a generated corpus.
type bead struct{ doc, ru, en string }

// pairedCorpus makes n beads over documents of 40 beads each, naming
// people from a pool in Russian and in English, some English names
// spelled two ways, with a fixed seed.
func pairedCorpus(n int) []bead {
	type person struct{ ru, en []string }
	pool := []person{
		{[]string{"Садыр", "Жапаров"}, []string{"Sadyr", "Japarov"}},
		{[]string{"Садыр", "Жапаров"}, []string{"Sadir", "Zhaparov"}},
		{[]string{"Никол", "Пашинян"}, []string{"Nikol", "Pashinyan"}},
		{[]string{"Александр", "Лукашенко"}, []string{"Alexander", "Lukashenko"}},
		{[]string{"Александр", "Лукашенко"}, []string{"Aleksandr", "Lukashenka"}},
		{[]string{"Сергей", "Лавров"}, []string{"Sergey", "Lavrov"}},
		{[]string{"Сергей", "Лавров"}, []string{"Sergei", "Lavrov"}},
		{[]string{"Анна", "Иванова"}, []string{"Anna", "Ivanova"}},
		{[]string{"Юрий", "Гагарин"}, []string{"Yury", "Gagarin"}},
		{[]string{"Юрий", "Гагарин"}, []string{"Yuri", "Gagarin"}},
		{[]string{"Дмитрий", "Орлов"}, []string{"Dmitry", "Orlov"}},
		{[]string{"Касым-Жомарт", "Токаев"}, []string{"Kassym-Jomart", "Tokayev"}},
	}
	rng := rand.New(rand.NewSource(1))
	out := make([]bead, n)
	for i := range out {
		a, b := pool[rng.Intn(len(pool))], pool[rng.Intn(len(pool))]
		room := rng.Intn(900) + 100
		out[i] = bead{
			doc: fmt.Sprintf("en/doc%05d.txt", i/40),
			ru:  fmt.Sprintf("Затем %s %s встретился с %s %s в комнате %d.", a.ru[0], a.ru[1], b.ru[0], b.ru[1], room),
			en:  fmt.Sprintf("Then %s %s met %s %s in room %d.", a.en[0], a.en[1], b.en[0], b.en[1], room),
		}
	}
	return out
}

// heapAlloc returns the bytes live on the heap after a collection.
func heapAlloc() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkIndexMemory adds the names of a generated corpus of aligned
// beads to an index, bead by bead as the pipeline does (Read, then
// AddFound), and reports the heap the index keeps per name occurrence
// (kept-B/occ, HeapAlloc after a collection, before and after) and the
// CPU of Read, AddFound and Groups per occurrence.
func BenchmarkIndexMemory(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		beads := pairedCorpus(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			if n > 10_000 && testing.Short() {
				b.Skip("big")
			}
			var kept uint64
			var read, add, groups time.Duration
			occ := 0
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				before := heapAlloc()
				b.StartTimer()
				x := NewIndex(Options{})
				for _, bd := range beads {
					t0 := time.Now()
					f := x.Read(bd.doc, bd.ru, bd.en, func(off int) int { return 1 + off/80 })
					t1 := time.Now()
					x.AddFound(f)
					read += t1.Sub(t0)
					add += time.Since(t1)
				}
				b.StopTimer()
				kept += heapAlloc() - before
				b.StartTimer()
				t0 := time.Now()
				x.Groups()
				groups += time.Since(t0)
				occ = x.occurrences()
				runtime.KeepAlive(x)
			}
			total := float64(b.N * occ)
			b.ReportMetric(float64(kept)/total, "kept-B/occ")
			b.ReportMetric(float64(read.Nanoseconds())/total, "read-ns/occ")
			b.ReportMetric(float64(add.Nanoseconds())/total, "add-ns/occ")
			b.ReportMetric(float64(groups.Nanoseconds())/total, "groups-ns/occ")
			b.ReportMetric(float64(occ), "occ")
		})
	}
}
