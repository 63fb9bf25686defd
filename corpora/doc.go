// Package corpora holds the unit of a parallel corpus and reads input
// documents.
//
// Reader turns a file into a Document. It recognises the format from the
// content and the name (Sniff), or takes the one it is given: plain text,
// HTML (a page saved from a browser: the main text, without navigation,
// menus, scripts, styles and footers), Word (.docx), OpenDocument (.odt)
// and Markdown. For text and HTML it recognises the encoding: a
// byte-order mark, the page's meta charset, UTF-8, UTF-16 without a mark
// (with a warning), Windows-1251, KOI8-R, CP866 and Windows-1252. Files
// it cannot read (empty, binary, PDF, old .doc, damaged archives) get a
// *FileError that names the file, the line where it helps, and what to
// do.
//
// A Document's Text is normalized plain text (lang.Normalize). Paras are
// its paragraphs with their kind (body, heading with its level,
// footnote), so that headings of a page or a Word file reach the
// transcript logic as headings. Locate maps a byte offset of Text to what
// the user sees: line and column for plain text, paragraph number and
// text for the other formats. Unit is one aligned bead with its
// metadata, as the writers in the subpackages tmx, xliff and plaintext
// take it.
//
// Readers hold no state and are safe for concurrent use; a Document is
// not changed after it is made.
package corpora
