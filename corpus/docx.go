package corpus

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// The namespaces of a Word document (WordprocessingML) that DocxText
// reads.
const (
	nsWord = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsMC   = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	// nsWordStrict is the namespace of the same elements in Strict Open XML.
	nsWordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	// relOfficeDocument is the type of the package relationship that
	// names the main document part.
	relOfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)

// DocxText returns the text of a Word (.docx) file: the paragraphs of the
// document body in order, one a line, paragraphs without text left out; a
// tab (w:tab) is a tab and a line break (w:br, w:cr) a line break; a table
// is one line per row with its cells separated by tabs (the paragraphs of
// one cell joined by a space). Headers, footers, footnotes and comments
// live in other parts and are not read; deleted text of tracked changes
// and field codes are left out, and of alternative content only the first
// choice is read. limit bounds the size of the uncompressed document part.
//
// Errors (*FileError without a path, of kind ErrFormat or ErrTooLarge)
// say what is wrong with the file.
func DocxText(raw []byte, limit int64) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return "", decodeErr(ErrFormat, "not a Word (.docx) file: not a zip package ("+zipReason(err)+")")
	}
	part := docxMainPart(zr, limit)
	var main *zip.File
	for _, f := range zr.File {
		if f.Name == part {
			main = f
			break
		}
	}
	if main == nil {
		return "", decodeErr(ErrFormat, "not a Word (.docx) file: no document part "+part)
	}
	// The XML of a document is several times its text: allow for that.
	xmlLimit := limit * 8
	b, err := readZipFile(main, xmlLimit, func(reason string, kind, err error) error {
		return &FileError{Reason: part + ": " + reason, Kind: kind, Err: err}
	})
	if err != nil {
		return "", err
	}
	text, err := docxBody(b)
	if err != nil {
		return "", decodeErr(ErrFormat, "damaged Word (.docx) file: "+part+": "+err.Error())
	}
	return text, nil
}

// docxMainPart is the name of the main document part: the target of the
// package's officeDocument relationship, word/document.xml by default.
func docxMainPart(zr *zip.Reader, limit int64) string {
	const def = "word/document.xml"
	for _, f := range zr.File {
		if f.Name != "_rels/.rels" {
			continue
		}
		b, err := readZipFile(f, min(limit, 1<<20), func(string, error, error) error { return errors.New("") })
		if err != nil {
			return def
		}
		var rels struct {
			Rel []struct {
				Type   string `xml:"Type,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if xml.Unmarshal(b, &rels) != nil {
			return def
		}
		for _, r := range rels.Rel {
			if r.Type == relOfficeDocument && r.Target != "" {
				return strings.TrimPrefix(path.Clean("/"+r.Target), "/")
			}
		}
	}
	return def
}

// docxBody walks the XML of the main document part; see DocxText.
func docxBody(b []byte) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var (
		out   strings.Builder
		para  strings.Builder // the paragraph being read
		depth int             // of open paragraphs (a text box holds paragraphs inside one)
		skip  int             // > 0 inside an element whose text is left out
		inT   bool            // inside w:t
		// cells: for each open table row, its cells so far; cell: the
		// text of each open cell
		rows  [][]string
		cells []*strings.Builder
		body  bool
	)
	endPara := func() {
		text := para.String()
		para.Reset()
		if len(cells) > 0 {
			c := cells[len(cells)-1]
			if c.Len() > 0 && text != "" {
				c.WriteByte(' ')
			}
			c.WriteString(text)
			return
		}
		if strings.TrimSpace(text) == "" {
			return
		}
		out.WriteString(text)
		out.WriteByte('\n')
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" {
				skip = 1
				continue
			}
			if t.Name.Space != nsWord && t.Name.Space != nsWordStrict {
				continue
			}
			switch t.Name.Local {
			case "body":
				body = true
			case "delText", "instrText", "delInstrText", "footnoteReference", "endnoteReference", "commentReference":
				skip = 1
			case "p":
				if depth > 0 {
					para.WriteByte('\n') // a paragraph inside a paragraph (a text box): its own line
				}
				depth++
			case "t":
				inT = true
			case "tab", "ptab":
				if depth > 0 {
					para.WriteByte('\t')
				}
			case "br", "cr":
				if depth > 0 {
					para.WriteByte('\n')
				}
			case "noBreakHyphen":
				para.WriteByte('-')
			case "tr":
				rows = append(rows, nil)
			case "tc":
				cells = append(cells, &strings.Builder{})
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if t.Name.Space != nsWord && t.Name.Space != nsWordStrict {
				continue
			}
			switch t.Name.Local {
			case "t":
				inT = false
			case "p":
				depth--
				if depth == 0 {
					endPara()
				} else {
					para.WriteByte('\n')
				}
			case "tc":
				if n := len(cells); n > 0 && len(rows) > 0 {
					rows[len(rows)-1] = append(rows[len(rows)-1], cells[n-1].String())
					cells = cells[:n-1]
				}
			case "tr":
				if n := len(rows); n > 0 {
					line := strings.Join(rows[n-1], "\t")
					rows = rows[:n-1]
					if len(cells) > 0 {
						// a table inside a cell: its rows join the cell's text
						c := cells[len(cells)-1]
						if c.Len() > 0 {
							c.WriteByte(' ')
						}
						c.WriteString(line)
					} else if strings.TrimSpace(line) != "" {
						out.WriteString(line)
						out.WriteByte('\n')
					}
				}
			}
		case xml.CharData:
			if inT && skip == 0 && depth > 0 {
				para.Write(t)
			}
		}
	}
	if !body {
		return "", fmt.Errorf("no w:body element")
	}
	return out.String(), nil
}
