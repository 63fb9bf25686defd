package names_test

import (
	"os"

	"github.com/align-tools/align/names"
)

func Example() {
	idx := names.NewIndex(names.Options{})
	idx.AddEnglish("speech.txt", "We thank Sadyr Japarov for the visit.", nil)
	idx.AddPair("summit.tsv", "Спасибо, Садыр Нургожоевич.", "Thank you, Sadir Nurgozhoyevich.", nil)
	names.WriteText(os.Stdout, idx.Groups())
	// Output:
	// Sadyr / Sadir (name) «Садыр»
	//   suggested: Sadyr: official spelling (the built-in allow list: Sadyr Japarov)
	//   Sadyr              1×  schemes: wikipedia, icao, bgn-pcgn, iso-9, ala-lc, telegram, mvd-310, mvd-782, yandex-maps, yandex-money, scientific
	//     at speech.txt
	//   Sadir              1×  no scheme writes it so; diff: Sad[-y-]{+i+}r
	//     at summit.tsv
}
