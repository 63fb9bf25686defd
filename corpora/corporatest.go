package corpora

// SampleUnits returns a few units that exercise what the writers must
// handle: a 1-1, a 2-1 with notes and speech metadata, unaligned
// sentences on each side, markup characters, a tab and a line break
// inside a segment, and a character XML cannot hold. Writer tests in the
// subpackages share it.
func SampleUnits() []Unit {
	return []Unit{
		{Doc: "putin", Bead: 1, Src: []int{1}, Tgt: []int{1}, SrcText: "Добрый день, уважаемые коллеги!", TgtText: "Good afternoon, colleagues!", Score: 0.97},
		{Doc: "putin", Bead: 2, Src: []int{2, 3}, Tgt: []int{2}, SrcText: "Мы встречаемся в Москве. Это важно.", TgtText: "We meet in Moscow, which matters.", Score: 0.615,
			Speech: "Speech by the President", Speaker: "V. Putin",
			Notes: []Note{{Code: "split-word", Severity: "warning", Message: "\"Mos cow\" looks like one word split by a space", Side: "tgt", Start: 11, End: 17, Suggestion: "Moscow"}}},
		{Doc: "putin", Bead: 3, Src: []int{4}, SrcText: "Фраза без перевода <b>&</b>.", Score: 0},
		{Doc: "putin", Bead: 4, Tgt: []int{3, 4}, TgtText: "An added\tline\nwith \x01 a control character.", Score: 0.1},
	}
}
