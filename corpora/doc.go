// Package corpora holds the unit of a parallel corpus and reads input
// documents.
//
// ReadFile turns a file into a Document: it recognises the encoding
// (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1251, KOI8-R),
// decodes and normalizes the text (lang.Normalize) and keeps what is
// needed to map a byte offset of the normalized text back to a line and
// column of the file. Unit is one aligned bead with its metadata, as the
// writers in the subpackages tmx, xliff and plaintext take it.
package corpora
