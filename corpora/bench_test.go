package corpora

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// BenchmarkRead reads documents of growing size in each format; the
// figures are in MB/s of input. The inputs repeat one paragraph of
// Russian text.
func BenchmarkRead(b *testing.B) {
	const para = "Мы собрались здесь в непростое время. Снега в горах вдвое больше, чем в прошлом году, и река поднимется рано."
	for _, n := range []int{100, 10000, 100000} {
		inputs := map[string][]byte{
			"text": []byte(strings.Repeat(para+"\n\n", n)),
			"html": []byte("<html><head><meta charset=utf-8></head><body><nav>Меню</nav><main>" +
				strings.Repeat("<h2>Выступление</h2><p>"+para+"</p>", n/2) + "</main></body></html>"),
			"markdown": []byte(strings.Repeat("## Выступление\n\n"+para+"\n\n", n/2)),
			"docx": zipParts(b, "word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`+
				strings.Repeat(`<w:p><w:r><w:t>`+para+`</w:t></w:r></w:p>`, n)+`</w:body></w:document>`),
		}
		formats := map[string]Format{"text": Text, "html": HTML, "markdown": Markdown, "docx": DOCX}
		for _, name := range []string{"text", "html", "markdown", "docx"} {
			data := inputs[name]
			b.Run(fmt.Sprintf("%s/paras=%d", name, n), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := (Reader{Format: formats[name]}).Read("bench", language.Russian, data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
