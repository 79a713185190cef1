package corpus

// pdfText is the text of a PDF input; PDFs are not read yet.
func pdfText(in Input, raw []byte) (string, error) {
	return "", decodeErr(ErrFormat, "PDF files are not read yet")
}
