// Package pipeline ties the steps of align together: it reads documents
// (corpora), splits them (lang), pairs the documents of two folders,
// aligns them (align, with the evidence of similarity), runs the checks
// and writes the corpus files.
//
// Run is what `align speeches` does; AlignPair is the work on one pair of
// documents. The package writes nothing to the terminal: the summary is a
// value the caller prints.
package pipeline
