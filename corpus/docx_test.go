package corpus

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// makeZip returns a zip archive of the files (name -> content), in the
// order given.
func makeZip(t *testing.T, files ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(f[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// makeDocx returns a minimal Word file whose body is body, with a header
// and comments holding text that must not be read.
func makeDocx(t *testing.T, body string) []byte {
	t.Helper()
	return makeZip(t,
		[2]string{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		[2]string{"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		[2]string{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`},
		[2]string{"word/header1.xml", `<w:hdr ` + wordNS + `><w:p><w:r><w:t>页眉增长99%</w:t></w:r></w:p></w:hdr>`},
		[2]string{"word/footer1.xml", `<w:ftr ` + wordNS + `><w:p><w:r><w:t>第1页</w:t></w:r></w:p></w:ftr>`},
		[2]string{"word/comments.xml", `<w:comments ` + wordNS + `><w:comment><w:p><w:r><w:t>批注新增88家</w:t></w:r></w:p></w:comment></w:comments>`},
	)
}

func TestDocxText(t *testing.T) {
	body := `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>政府工作报告</w:t></w:r></w:p>` +
		`<w:p/>` + // an empty paragraph: left out
		`<w:p><w:r><w:t xml:space="preserve">地区生产总值增长</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>6.5%</w:t></w:r><w:r><w:t>左右。</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>一、</w:t><w:tab/><w:t>目标</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>新增</w:t></w:r><w:del><w:r><w:delText>删去9家</w:delText></w:r></w:del><w:r><w:t>10家</w:t></w:r><w:commentReference w:id="0"/></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE 7</w:instrText><w:fldChar w:fldCharType="end"/><w:t>字段后</w:t></w:r></w:p>` +
		`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>选择</w:t></mc:Choice><mc:Fallback><w:t>备选</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>目标</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>粮食产量</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1285万吨</w:t></w:r></w:p><w:p><w:r><w:t>以上</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:t>&lt;结束&gt;</w:t></w:r></w:p>`
	got, err := DocxText(makeDocx(t, body), DefaultMaxBytes)
	if err != nil {
		t.Fatal(err)
	}
	want := "政府工作报告\n地区生产总值增长6.5%左右。\n一、\t目标\n第二行\n新增10家\n字段后\n选择\n指标\t目标\n粮食产量\t1285万吨 以上\n<结束>\n"
	if got != want {
		t.Errorf("DocxText() = %q; want %q", got, want)
	}
}

// TestDocxTextReport: the text of a real provincial report is its
// paragraphs one a line, as corpus-extra has them.
func TestDocxTextReport(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "docx", "province_xizang_2025.docx"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "extra", "province_xizang_2025.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := DocxText(raw, DefaultMaxBytes)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("DocxText(province_xizang_2025.docx) line %d = %q; want %q", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("DocxText(province_xizang_2025.docx): %d lines; want %d", len(gl), len(wl))
	}
}

func TestDocxTextErrors(t *testing.T) {
	noBody := makeZip(t, [2]string{"word/document.xml", `<w:document ` + wordNS + `/>`})
	badXML := makeZip(t, [2]string{"word/document.xml", `<w:document ` + wordNS + `><w:body><w:p>`})
	big := makeDocx(t, `<w:p><w:r><w:t>`+strings.Repeat("增长6.5%", 200)+`</w:t></w:r></w:p>`)
	tests := []struct {
		name  string
		raw   []byte
		limit int64
		kind  error
		want  string
	}{
		{"not a zip", []byte("plain text"), DefaultMaxBytes, ErrFormat, "not a Word (.docx) file: not a zip package"},
		{"no document part", makeZip(t, [2]string{"a.txt", "x"}), DefaultMaxBytes, ErrFormat, "no document part word/document.xml"},
		{"no body", noBody, DefaultMaxBytes, ErrFormat, "damaged Word (.docx) file: word/document.xml: no w:body element"},
		{"truncated XML", badXML, DefaultMaxBytes, ErrFormat, "damaged Word (.docx) file: word/document.xml: XML syntax error"},
		{"too large", big, 100, ErrTooLarge, "word/document.xml: "},
	}
	for _, tt := range tests {
		_, err := DocxText(tt.raw, tt.limit)
		if err == nil || !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: DocxText() error = %v; want kind %v containing %q", tt.name, err, tt.kind, tt.want)
		}
	}
}
