package corpus

import (
	"path"
	"strings"
)

// Formats of input documents, as in the documents table's format column.
const (
	FormatText = "txt"  // plain text in any encoding Decode knows
	FormatHTML = "html" // a web page (.htm, .html): the text is the page as is, its chrome dropped at extraction
	FormatDOCX = "docx" // a Word file: the text is DocxText's
	FormatPDF  = "pdf"  // a PDF: the text is PDFText's
)

// Formats lists the input formats, in the order of the documents table's
// documentation.
var Formats = []string{FormatText, FormatHTML, FormatDOCX, FormatPDF}

// formatExts maps a file name extension (lower case) to its format.
var formatExts = map[string]string{
	".txt":  FormatText,
	".htm":  FormatHTML,
	".html": FormatHTML,
	".docx": FormatDOCX,
	".pdf":  FormatPDF,
}

// formatOf is the format of a file or archive member by its name's
// extension, "" for none of formatExts.
func formatOf(name string) string {
	return formatExts[strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/")))]
}

// unreadable are the extensions of report formats gwr does not read, with
// what to do instead: a file of one is an error naming it, not skipped in
// silence as other files are.
var unreadable = map[string]string{
	".doc": "a Word 97-2003 file (.doc) is not read: save it as .docx",
	".wps": "a WPS Writer file (.wps) is not read: save it as .docx",
}

// unreadableFormat returns why a file or member name of a format gwr does
// not read is refused, "" for other names.
func unreadableFormat(name string) string {
	return unreadable[strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/")))]
}

// isArchive reports whether name is a zip archive by its extension.
func isArchive(name string) bool {
	return strings.EqualFold(path.Ext(name), ".zip")
}
