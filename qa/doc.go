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
// Every check lives in its own file, has the signature of Check.Run and
// registers itself with register in an init function; its case file
// testdata/<code>.txt holds text that must be flagged and text that must
// not, and TestCases replays it. Adding a check is adding a file.
//
// The check of name variants across the corpus (one Russian name written
// "Rakhmon" here and "Rahmon" there) belongs to the names package; it
// will be one more file here, name_variant.go, calling that package.
// Until then Input.NameMatch lets a caller plug a better name matcher
// into the name-missing check.
//
// Checks are pure functions of the Input; Run is safe for concurrent use
// on different Inputs. Run runs the checks side by side, and the checks
// that cost most read the beads in parts side by side (parts.go), on up
// to GOMAXPROCS goroutines; the findings are those, in the order, of
// the checks run one by one over all the beads, which
// TestPartsSameAsWhole checks.
package qa
