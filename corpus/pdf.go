package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// PDFTool is the program that reads the text layer of a PDF: poppler's
// pdftotext (Debian package poppler-utils). README, "Input formats", says
// why it is used rather than a Go library.
var PDFTool = "pdftotext"

// pdfTimeout bounds one run of PDFTool.
const pdfTimeout = 2 * time.Minute

// pdfText is the text of a PDF input: a file read in place, an archive
// member through a temporary file.
func pdfText(in Input, raw []byte) (string, error) {
	p := in.Path
	if in.Member != "" || in.Path == StdinPath {
		f, err := os.CreateTemp("", "gwr-*.pdf")
		if err != nil {
			return "", decodeErr(ErrFormat, "PDF: "+err.Error())
		}
		defer os.Remove(f.Name())
		_, err = f.Write(raw)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return "", decodeErr(ErrFormat, "PDF: "+err.Error())
		}
		p = f.Name()
	}
	return PDFText(p)
}

// PDFText returns the text of the PDF file at path: its text layer as
// PDFTool reads it, page by page, made into the text of a report by
// PDFPagesText. A PDF without a text layer (a scan) is an error of kind
// ErrNoText, a damaged or encrypted one of kind ErrFormat; errors are
// *FileError values without a path.
func PDFText(path string) (string, error) {
	tool, err := exec.LookPath(PDFTool)
	if err != nil {
		return "", decodeErr(ErrFormat, "reading a PDF needs "+PDFTool+" (Debian/Ubuntu package poppler-utils), which is not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, tool, "-enc", "UTF-8", "-eol", "unix", "-q", path, "-")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return "", decodeErr(ErrFormat, fmt.Sprintf("not a readable PDF (%s took more than %v)", PDFTool, pdfTimeout))
		}
		return "", decodeErr(ErrFormat, "not a readable PDF (damaged or encrypted): "+pdfToolError(err, stderr.Bytes()))
	}
	if !utf8.Valid(stdout.Bytes()) {
		return "", decodeErr(ErrFormat, PDFTool+" gave text that is not UTF-8")
	}
	pages := strings.Split(strings.TrimSuffix(stdout.String(), "\f"), "\f")
	text := PDFPagesText(pages)
	if visible(text) < minPDFChars*len(pages) {
		return "", decodeErr(ErrNoText, fmt.Sprintf("the PDF has no text layer (%d pages, %d characters of text): a scan? Run OCR on it first", len(pages), visible(text)))
	}
	return text, nil
}

// minPDFChars is the least text a page of a PDF with a text layer has on
// average; a scan has none (or a stamp, a page number).
const minPDFChars = 20

func visible(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

func pdfToolError(err error, stderr []byte) string {
	msg := strings.TrimSpace(string(stderr))
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	if msg == "" {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return fmt.Sprintf("%s exited with status %d", PDFTool, ee.ExitCode())
		}
		return err.Error()
	}
	return strings.ToValidUTF8(msg, "\uFFFD")
}

// PDFPagesText makes the text of a report from the text of its PDF pages,
// each a list of lines as a PDF text extractor gives them:
//
//   - running headers and footers are dropped: among the first and last
//     three lines of each page, a line that recurs (its digits aside) on
//     at least half of the pages, and at least two, as a print date, a
//     title or a URL do; so are lines that are only a page number (7,
//   - 7 -, 第7页, 7/12, Page 7 of 12);
//   - the lines of a paragraph, broken by the page width and by page
//     breaks, are joined back: a line that runs to the right margin (at
//     least 85% as wide as the widest lines of the document) continues on
//     the next line, with nothing between two Chinese characters and a
//     space between two Latin words; a shorter line ends its paragraph.
//     A full line that ends a sentence before a numbered heading (二、,
//     （三）, 4.) or a line that is not full ends its paragraph too (a
//     heading after a paragraph that fills its last line). So a line break inside a sentence
//     or a number (增长\n6.5%) never splits a fact, while headings stay
//     lines of their own.
//
// The result has one paragraph a line.
func PDFPagesText(pages []string) string {
	lines := make([][]string, len(pages))
	for i, p := range pages {
		lines[i] = strings.Split(p, "\n")
	}
	dropChrome(lines)
	var body []string
	for _, page := range lines {
		for _, l := range page {
			if l = strings.TrimRightFunc(l, unicode.IsSpace); strings.TrimSpace(l) != "" {
				body = append(body, l)
			}
		}
	}
	full := fullWidth(body)
	var b strings.Builder
	for i, l := range body {
		b.WriteString(l)
		if i == len(body)-1 {
			b.WriteByte('\n')
			break
		}
		if runewidth.StringWidth(l) < full*85/100 {
			b.WriteByte('\n')
			continue
		}
		next := strings.TrimLeftFunc(body[i+1], unicode.IsSpace)
		last, _ := utf8.DecodeLastRuneInString(l)
		if strings.ContainsRune("。！？!?", last) && (headingStart.MatchString(next) || runewidth.StringWidth(next) < full*85/100) {
			// a full line that ends a sentence, before a heading or a
			// one-line paragraph (also a heading, most likely): a paragraph
			// break, which never splits a fact
			b.WriteByte('\n')
			continue
		}
		body[i+1] = next
		first, _ := utf8.DecodeRuneInString(next)
		if last < utf8.RuneSelf && first < utf8.RuneSelf && isWordRune(last) && isWordRune(first) {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == ',' || r == ';' || r == ':' || r == '.'
}

// fullWidth is the display width of a full line: the 90th percentile of
// the widths of the lines.
func fullWidth(lines []string) int {
	if len(lines) == 0 {
		return 0
	}
	w := make([]int, len(lines))
	for i, l := range lines {
		w[i] = runewidth.StringWidth(strings.TrimSpace(l))
	}
	sort.Ints(w)
	return w[len(w)*9/10]
}

// chromeLines is how many lines at the top and at the bottom of a page
// may be running headers or footers.
const chromeLines = 3

var (
	digitRun     = regexp.MustCompile(`[0-9]+`)
	headingStart = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]+[.、．]\D)`)
	pageNumber   = regexp.MustCompile(`^(?:[-—–]?\s*[0-9]+\s*[-—–]?|第\s*[0-9]+\s*页(?:\s*[,，/]?\s*共\s*[0-9]+\s*页)?|[0-9]+\s*/\s*[0-9]+|(?i:page)\s*[0-9]+(?:\s*(?i:of)\s*[0-9]+)?)$`)
)

// dropChrome blanks the running headers, footers and page numbers of the
// pages; see PDFPagesText.
func dropChrome(pages [][]string) {
	// edge returns the indexes of the first and last chromeLines
	// non-empty lines of a page.
	edge := func(page []string) []int {
		var nonEmpty []int
		for i, l := range page {
			if strings.TrimSpace(l) != "" {
				nonEmpty = append(nonEmpty, i)
			}
		}
		if len(nonEmpty) <= 2*chromeLines {
			return nonEmpty
		}
		return append(nonEmpty[:chromeLines:chromeLines], nonEmpty[len(nonEmpty)-chromeLines:]...)
	}
	key := func(l string) string { return digitRun.ReplaceAllString(strings.TrimSpace(l), "#") }
	count := map[string]int{}
	for _, page := range pages {
		seen := map[string]bool{}
		for _, i := range edge(page) {
			if k := key(page[i]); !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	need := max(2, (len(pages)+1)/2)
	for _, page := range pages {
		for _, i := range edge(page) {
			if count[key(page[i])] >= need || pageNumber.MatchString(strings.TrimSpace(page[i])) {
				page[i] = ""
			}
		}
	}
}
