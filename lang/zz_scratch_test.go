package lang

import "testing"

func BenchmarkScratchKeyCached(b *testing.B) {
	words := []string{"Казахстане", "Kazakhstan", "санкции", "sanctions", "Путин", "Zhumabekova"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Key(words[i%len(words)])
	}
}

func BenchmarkScratchKeyUncached(b *testing.B) {
	words := []string{"Казахстане", "Kazakhstan", "санкции", "sanctions", "Путин", "Zhumabekova"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		key(words[i%len(words)])
	}
}
