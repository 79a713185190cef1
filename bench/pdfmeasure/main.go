// Command pdfmeasure reads the text layer of a PDF with the Go library
// github.com/ledongthuc/pdf and makes it a report's text with the same
// corpus.PDFPagesText that gwr applies to pdftotext's pages. It exists to
// compare the two readers (bench/pdf_measure.sh, README "Input formats");
// gwr itself uses pdftotext. It is a module of its own so that the library
// is no dependency of gwr.
//
// Usage: pdfmeasure IN.pdf OUT.txt
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/gwrfacts/gwr/corpus"
	"github.com/ledongthuc/pdf"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: pdfmeasure IN.pdf OUT.txt")
		os.Exit(2)
	}
	f, r, err := pdf.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "pdfmeasure:", err)
		os.Exit(1)
	}
	defer f.Close()
	var pages []string
	for i := 1; i <= r.NumPage(); i++ {
		rows, err := r.Page(i).GetTextByRow()
		if err != nil {
			fmt.Fprintf(os.Stderr, "pdfmeasure: %s: page %d: %v\n", os.Args[1], i, err)
			os.Exit(1)
		}
		var b strings.Builder
		for _, row := range rows {
			for _, w := range row.Content {
				b.WriteString(w.S)
			}
			b.WriteString("\n")
		}
		pages = append(pages, b.String())
	}
	if err := os.MkdirAll(filepath.Dir(os.Args[2]), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "pdfmeasure:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(os.Args[2], []byte(corpus.PDFPagesText(pages)), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "pdfmeasure:", err)
		os.Exit(1)
	}
}
