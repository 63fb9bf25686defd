package corpora

import "testing"

func TestSeverityRank(t *testing.T) {
	order := []string{"bogus", "info", "warning", "error"}
	for i, s := range order {
		if got := SeverityRank(s); got != i {
			t.Errorf("SeverityRank(%q) = %d, want %d", s, got, i)
		}
	}
}
