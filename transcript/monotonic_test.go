package transcript

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestMonotonic replays monotonic over seeded random tables of many
// sizes: the pairs increase in both indices, each is allowed, and their
// total equals the best total found by exhaustive search.
func TestMonotonic(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for iter := 0; iter < 300; iter++ {
		n, m := rng.Intn(6), rng.Intn(6)
		sc := make([][]float64, n)
		ok := make([][]bool, n)
		for a := range sc {
			sc[a] = make([]float64, m)
			ok[a] = make([]bool, m)
			for b := range sc[a] {
				sc[a][b] = float64(rng.Intn(100)) / 100
				ok[a][b] = rng.Intn(3) > 0
			}
		}
		got := monotonic(n, m, func(a, b int) (float64, bool) { return sc[a][b], ok[a][b] })
		total := 0.0
		for k, p := range got {
			if k > 0 && (p[0] <= got[k-1][0] || p[1] <= got[k-1][1]) {
				t.Fatalf("pairs not increasing: %v", got)
			}
			if !ok[p[0]][p[1]] {
				t.Fatalf("pair %v not allowed", p)
			}
			total += sc[p[0]][p[1]]
		}
		var brute func(a, b int) float64
		brute = func(a, b int) float64 {
			if a == n || b == m {
				return 0
			}
			best := max(brute(a+1, b), brute(a, b+1))
			if ok[a][b] {
				best = max(best, sc[a][b]+brute(a+1, b+1))
			}
			return best
		}
		if want := brute(0, 0); fmt.Sprintf("%.6f", total) != fmt.Sprintf("%.6f", want) {
			t.Fatalf("%dx%d: total %.2f, best %.2f", n, m, total, want)
		}
	}
}

// TestPairKeepsOrder pairs two pages of alternating speaker turns where
// the English page leaves out two turns: the pairs keep the order and
// the two Russian turns are left alone.
func TestPairKeepsOrder(t *testing.T) {
	ru := []string{"Добрый день. Начнём с порта.", "Спасибо. Порт открыт с марта.", "А паром?", "Паром пойдёт с апреля, у нас 2 судна.", "Хорошо. Что с причалом?", "Причал будет готов к осени.", "Спасибо.", "Пожалуйста."}
	en := []string{"Good afternoon. Let us start with the port.", "Thank you. The port has been open since March.", "", "", "Good. What about the pier?", "The pier will be ready by the autumn.", "Thank you.", "You are welcome."}
	var rb, eb strings.Builder
	for i := range ru {
		ruName, enName := "Г.Жумабекова", "G. Zhumabekova"
		if i%2 == 1 {
			ruName, enName = "О.Ведерников", "O. Vedernikov"
		}
		fmt.Fprintf(&rb, "%s: %s\n\n", ruName, ru[i])
		if en[i] != "" {
			fmt.Fprintf(&eb, "%s: %s\n\n", enName, en[i])
		}
	}
	src := Parse(language.Russian, rb.String()).Candidates("ru")
	tgt := Parse(language.English, eb.String()).Candidates("en")
	p, err := Pair(src, tgt, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkPairing(t, p, len(src), len(tgt))
	var got []string
	for _, m := range p.Matches {
		got = append(got, fmt.Sprintf("%d-%d", m.Src+1, m.Tgt+1))
	}
	if g, want := strings.Join(got, " "), "1-1 2-2 5-3 6-4 7-5 8-6"; g != want {
		t.Errorf("pairs %s, want %s", g, want)
	}
}
