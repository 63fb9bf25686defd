// Package qa runs the checks ("flags") that translators review: artifacts
// on the English side (split words, doubled punctuation, markup leftovers,
// spacing, Cyrillic homoglyphs, Russian typography, repeated words,
// sentences in lower case) and checks between the Russian and the English
// of aligned beads (numbers, omissions and additions, untranslated
// segments, names, consistency across the corpus, glossary terms).
//
// What goes in is an Input: beads whose sides are Segments, each a text
// and a way back to its place in the input file. A text read alone (an
// English file) is an Input of beads with a target side only; the
// cross-language checks skip it. What comes out is a list of Findings in
// a defined order (file, line, column, code), each with a stable code, a
// severity, a category, the exact span and flagged text, a message and,
// where one exists, a suggested fix.
//
// Every check lives in its own file and registers itself with register
// in an init function; its case file testdata/<code>.txt holds text
// that must be flagged and text that must not, and TestCases replays
// it. Adding a check is adding a file. Most checks look at one bead, or
// one document, at a time and have the signature of Check.Run. Five
// compare beads across the corpus: inconsistent-source and
// inconsistent-target (by fold keys of the sentences), split-word (by
// the counts of the words of the corpus), name-missing (by how often
// the corpus renders a name) and name-variant (by the name groups of
// package names); Stream runs them in three steps, in their files.
//
// Stream runs the checks over a corpus given in parts of whole
// documents, so the corpus need not be in memory at once: Gather reads
// a part (side by side with others, if the caller likes) and runs the
// checks of one bead or one document; Add takes the parts in order,
// returns their findings and merges what the checks across the corpus
// need (counts, fold keys, bead numbers and offsets, copies of the few
// words compared: never a piece of a text); Finish decides those checks, reading back through a callback
// only the beads their findings point at or quote. Run is a Stream over
// beads in memory, cut into parts near partSize beads gathered on up to
// GOMAXPROCS goroutines; the findings are the same however the beads
// are cut, which TestStreamSameAsRun checks.
//
// Input.NameMatch lets a caller plug a better name matcher into the
// name-missing check.
//
// Checks are pure functions of the Input; Run is safe for concurrent use
// on different Inputs, and Stream.Gather on different parts.
package qa
