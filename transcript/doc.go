// Package transcript recognises the structure of a transcript page and
// pairs the speeches of two languages.
//
// Official transcripts rarely come one speech per file: a page holds news
// lead paragraphs, several speeches under headings ("Speech by the
// President of the Republic of Belarus Alexander Lukashenko", «Выступление
// Президента Республики Беларусь А.Г.Лукашенко»), speaker turns ("N.
// Pashinyan: Thank you, ...", «Н.Пашинян: Спасибо...») and site
// boilerplate ("Go back", e-mail lines, the press secretary's name, date
// lines).
//
// Parse takes a normalized text and returns its Structure: every
// paragraph of the text is one Block with a Kind (Lead, Heading, Speech,
// Boilerplate) and the Section (speech or turn) it belongs to, with the
// Speaker named by the heading or the turn label. Blocks are byte spans
// into the text, never copies. Assign gives every sentence of a splitter
// its Role; no sentence is left out and boilerplate is never dropped,
// only marked.
//
// Pair pairs the sections of two languages by content: speaker names
// matched across scripts through lang.Key («Лукашенко» and "Lukashenko",
// «Жапаров» and "Japarov", inflected forms such as «Путина» included),
// the order of the sections, their length and anchors (numbers and
// names). Each Match carries a confidence; sections with no counterpart
// are returned as Alone, never forced onto another section. A mapping
// file read by ReadPairs overrides the automatic pairing.
//
// The recognizer is driven by the cue table tables/cues.tsv (heading
// openers, closing formulas, boilerplate lines, title words), embedded
// and parsed once. All functions are safe for concurrent use.
package transcript
