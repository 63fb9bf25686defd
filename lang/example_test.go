package lang_test

import (
	"fmt"

	"github.com/align-tools/align/lang"
)

func ExampleScheme_Translit() {
	for _, s := range []lang.Scheme{lang.Wikipedia, lang.ICAO, lang.BGNPCGN} {
		fmt.Printf("%s: %s\n", s, s.Translit("Александр Григорьевич Лукашенко"))
	}
	// Output:
	// wikipedia: Aleksandr Grigoryevich Lukashenko
	// icao: Aleksandr Grigorevich Lukashenko
	// bgn-pcgn: Aleksandr Grigor’yevich Lukashenko
}

func ExampleCyrillic() {
	for _, r := range lang.Cyrillic("Nikolay", 1) {
		fmt.Println(r.Russian, r.Schemes)
	}
	// Output:
	// Николай [wikipedia bgn-pcgn mvd-310 mvd-782 yandex-maps]
}

func ExampleParseScheme() {
	s, err := lang.ParseScheme("icao_doc_9303")
	fmt.Println(s, err)
	_, err = lang.ParseScheme("passport")
	fmt.Println(err)
	// Output:
	// icao <nil>
	// lang: unknown transliteration scheme "passport"; use one of wikipedia, icao, bgn-pcgn, gost-7.79-b, iso-9, ala-lc, telegram, mvd-310, mvd-782, yandex-maps, yandex-money, scientific
}
