package transcript

import "slices"

// maxMonotonic bounds the table of the order-keeping pairing (cells);
// beyond it Pair chooses greedily.
const maxMonotonic = 4 << 20

// free returns the indices of the candidates not used.
func free(cs []Candidate, used []bool) []int {
	var out []int
	for i := range cs {
		if !used[i] {
			out = append(out, i)
		}
	}
	return out
}

// oneDoc reports whether candidates idx are sections of one document in
// increasing order.
func oneDoc(cs []Candidate, idx []int) bool {
	for k := 1; k < len(idx); k++ {
		a, b := &cs[idx[k-1]], &cs[idx[k]]
		if a.Doc != b.Doc || a.Section >= b.Section {
			return false
		}
	}
	return true
}

// monotonic returns the pairs (a, b), a < n, b < m, increasing in both,
// of largest total score, among those score allows. Ties are broken the
// same way every time (a skip before a pair), so the result is defined.
func monotonic(n, m int, score func(a, b int) (float64, bool)) [][2]int {
	// best[a][b]: the largest total over the first a and b candidates.
	best := make([][]float64, n+1)
	move := make([][]uint8, n+1) // 0 skip a, 1 skip b, 2 pair
	for a := range best {
		best[a] = make([]float64, m+1)
		move[a] = make([]uint8, m+1)
	}
	for b := 1; b <= m; b++ {
		move[0][b] = 1
	}
	for a := 1; a <= n; a++ {
		for b := 1; b <= m; b++ {
			best[a][b], move[a][b] = best[a-1][b], 0
			if v := best[a][b-1]; v > best[a][b] {
				best[a][b], move[a][b] = v, 1
			}
			if sc, ok := score(a-1, b-1); ok {
				if v := best[a-1][b-1] + sc; v > best[a][b] {
					best[a][b], move[a][b] = v, 2
				}
			}
		}
	}
	var out [][2]int
	for a, b := n, m; a > 0 && b > 0; {
		switch move[a][b] {
		case 2:
			out = append(out, [2]int{a - 1, b - 1})
			a, b = a-1, b-1
		case 0:
			a--
		default:
			b--
		}
	}
	slices.Reverse(out)
	return out
}
