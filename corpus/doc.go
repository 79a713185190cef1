// Package corpus finds the input documents of gwr, reads and decodes them,
// and works out their metadata.
//
// The steps, each usable alone:
//
//   - Discover turns command-line arguments (files, zip archives,
//     directories, "-" for standard input) into a sorted, deterministic
//     list of Inputs with unique IDs; an archive stands for its document
//     members, their names decoded from UTF-8 or GB18030.
//   - Load reads one Input, refuses what is not a report (empty, too
//     large, binary, badly encoded or truncated files, damaged Word files,
//     PDFs without a text layer, zip bombs) with an error naming the file,
//     and returns a Document. Its format (txt, html, docx, pdf) follows
//     from the name's extension.
//   - DocxText reads the body text of a Word file (archive/zip and
//     encoding/xml); PDFText the text layer of a PDF (poppler's
//     pdftotext), with PDFPagesText joining its lines into paragraphs and
//     dropping running headers, footers and page numbers.
//   - Decode turns raw bytes into Unicode text: UTF-8 (with or without a
//     byte-order mark), UTF-16 with a byte-order mark, or GB18030/GBK, all
//     through golang.org/x/text. The text is the file decoded with a
//     leading BOM dropped and nothing else changed, so offsets into it are
//     the offsets of SPEC section 2.
//   - InferMeta reads the region, administrative level, plan year and
//     document type (report, news, plan) from the text; Load fills what
//     the text does not tell from the file or member name.
//   - LoadManifest reads a CSV or JSON file of known metadata whose
//     entries override the inferred values.
//
// Errors are *FileError values: "corpus: PATH: REASON", with a Kind
// (ErrEmpty, ErrBinary, ErrEncoding, …) for errors.Is.
package corpus
