package corpus

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzDocxBody: the XML walk of a Word document never panics; it returns
// valid UTF-8 text made only of the characters of the XML's text and
// line breaks and tabs, or an error.
func FuzzDocxBody(f *testing.F) {
	f.Add(`<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>新增10家</w:t><w:tab/><w:br/></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`)
	f.Add(`<w:document ` + wordNS + `><w:body><w:p><w:r><mc:AlternateContent><mc:Choice><w:t>x</w:t></mc:Choice><mc:Fallback><w:p><w:t>y</w:t></w:p></mc:Fallback></mc:AlternateContent></w:r></w:p></w:body></w:document>`)
	f.Fuzz(func(t *testing.T, doc string) {
		text, err := docxBody([]byte(doc))
		if err != nil {
			if text != "" {
				t.Fatalf("docxBody(%q) = %q with error %v", doc, text, err)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("docxBody(%q) = %+q, not valid UTF-8", doc, text)
		}
	})
}

// FuzzDocxText: reading any bytes as a Word file never panics; it fails
// with a *FileError of kind ErrFormat or ErrTooLarge, or gives valid UTF-8.
func FuzzDocxText(f *testing.F) {
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, err := DocxText(raw, 1<<20)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || !errors.Is(err, ErrFormat) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("DocxText(%+q): error %v, want a *FileError of kind ErrFormat or ErrTooLarge", raw, err)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("DocxText(%+q) = %+q, not valid UTF-8", raw, text)
		}
	})
}

// FuzzPDFPagesText: making a report's text of PDF pages (separated by form
// feeds; valid UTF-8, as PDFText checks) never panics and never invents a
// character: every character that is not white space comes from the
// pages, as often or less.
func FuzzPDFPagesText(f *testing.F) {
	f.Add("12/1/26 报告\n增长\n6.5%。\n- 1 -\f12/1/26 报告\n二、目标\n3/3\n")
	f.Add("a\f\f\n")
	f.Fuzz(func(t *testing.T, pages string) {
		if !utf8.ValidString(pages) {
			return
		}
		got := PDFPagesText(strings.Split(pages, "\f"))
		have := map[rune]int{}
		for _, r := range pages {
			have[r]++
		}
		for _, r := range got {
			if unicode.IsSpace(r) {
				continue
			}
			if have[r]--; have[r] < 0 {
				t.Fatalf("PDFPagesText(%q) = %q: %q more often than in the pages", pages, got, r)
			}
		}
	})
}
