package similarity_test

import (
	"fmt"

	"github.com/align-tools/align/align"
	"github.com/align-tools/align/similarity"
)

func ExampleScorer_Similarity() {
	ru := []string{"Президент Лукашенко прибыл в Ташкент 16 мая 2022 года."}
	en := []string{
		"President Lukashenko arrived in Tashkent on May 16, 2022.",
		"The weather was fine.",
	}
	s := similarity.New(ru, en, similarity.Options{})
	one := func(i int) align.Range { return align.Range{Start: i, End: i + 1} }
	fmt.Println(s.Similarity(one(0), one(0)) > 0)
	fmt.Println(s.Similarity(one(0), one(1)) > 0)
	// Output:
	// true
	// false
}
