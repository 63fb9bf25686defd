// Package lang holds everything in align that depends on a language:
// normalization of input text, paragraph and sentence splitting with the
// abbreviation tables of each language, transliteration schemes and the
// match keys used to compare words across scripts.
//
// Languages are language.Tag values. Text goes in as a string; what comes
// out are byte spans into that string (Span, Sentence), never copies, so
// callers can map every result back to the input. Tables are data files
// under tables/, embedded and parsed once.
//
// All functions are safe for concurrent use.
package lang
