package transcript_test

import (
	"fmt"
	"os"

	"golang.org/x/text/language"

	"github.com/align-tools/align/transcript"
)

func ExampleParse() {
	text := "Speech by the President of the Lake Republic Gulnara Zhumabekova\n\n" +
		"Dear colleagues! I am glad to see you.\n\n" +
		"Thank you for your attention.\n\n" +
		"O. Vedernikov: Thank you, Gulnara Askarovna.\n\n" +
		"Go back\n"
	st := transcript.Parse(language.English, text)
	for k, sec := range st.Sections {
		fmt.Printf("#%d %s: %s (%s)\n", k+1, sec.Opening, sec.Speaker.Name, sec.Speaker.Surname)
	}
	st.WriteTo(os.Stdout)
	// Output:
	// #1 heading: Gulnara Zhumabekova (Zhumabekova)
	// #2 turn: O. Vedernikov (Vedernikov)
	// sections: 2
	// #1 heading line 1: Gulnara Zhumabekova | Speech by the President of the Lake Republic Gulnara Zhumabekova
	// #2 turn line 7: O. Vedernikov
	// paragraphs:
	//     1 heading     #1   Speech by the President of the Lake Republic Gulnara Zhumabe...
	//     3 speech      #1   Dear colleagues! I am glad to see you.
	//     5 speech      #1   Thank you for your attention.
	//     7 speech      #2   O. Vedernikov: Thank you, Gulnara Askarovna.
	//     9 boilerplate -    Go back
}

func ExamplePair() {
	ru := transcript.Parse(language.Russian, "Выступление Президента Российской Федерации В.В.Путина\n\n"+
		"Уважаемые коллеги! В 2022 году мы провели 12 встреч.\n\n"+
		"Выступление Президента Кыргызской Республики С.Н.Жапарова\n\n"+
		"Добрый день! Бишкек ждёт вас в октябре.\n")
	en := transcript.Parse(language.English, "Speech by the President of the Kyrgyz Republic Sadyr Japarov\n\n"+
		"Good afternoon! Bishkek is waiting for you in October.\n")
	p, err := transcript.Pair(ru.Candidates("ru"), en.Candidates("en"), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range p.Matches {
		fmt.Printf("ru#%d -> en#%d confidence %.2f\n", m.Src+1, m.Tgt+1, m.Confidence)
	}
	for _, a := range p.SrcAlone {
		fmt.Printf("ru#%d alone\n", a.Index+1)
	}
	// Output:
	// ru#2 -> en#1 confidence 0.77
	// ru#1 alone
}
