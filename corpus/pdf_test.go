package corpus

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestPDFPagesText(t *testing.T) {
	full := "地区生产总值增长预期目标定为百分之五左右城镇新增就业一千二百万人以上" // a line that fills the page width
	pages := []string{
		"12/1/26, 11:22 PM 政府工作报告\n\n一、2024年工作回顾\n" + full + "增长\n6.5%，新增高新技术企业10家。\n本页完\nhttps://www.gov.cn/zhengce/1.html\n- 1 -\n",
		"12/1/26, 11:22 PM 政府工作报告\n" + full + "，固定\n资产投资增长3.2%以上。\n二、2025年工作安排\n" + full + "。\n（一）扩大内需\nGDP growth of around " + strings.Repeat("five ", 10) + "\npercent.\nhttps://www.gov.cn/zhengce/1.html\n第 2 页\n",
		"12/1/26, 11:22 PM 政府工作报告\n最后一段。\nhttps://www.gov.cn/zhengce/1.html\n3/3\n",
	}
	want := "一、2024年工作回顾\n" +
		full + "增长6.5%，新增高新技术企业10家。\n" +
		"本页完\n" +
		full + "，固定资产投资增长3.2%以上。\n" +
		"二、2025年工作安排\n" +
		full + "。\n" +
		"（一）扩大内需\n" +
		"GDP growth of around " + strings.Repeat("five ", 10) + "percent.\n" +
		"最后一段。\n"
	if got := PDFPagesText(pages); got != want {
		t.Errorf("PDFPagesText() =\n%s\nwant\n%s", got, want)
	}
}

// TestPDFText reads a bundled report printed to PDF by headless Chromium
// (with its print date, URL and page numbers on every page): every
// paragraph's facts must survive, none of the page chrome.
func TestPDFText(t *testing.T) {
	got, err := PDFText(filepath.Join("testdata", "pdf", "003_8d678484d61eac6b.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, chrome := range []string{"file://", "PM\n", "1/3", "2/3"} {
		if strings.Contains(got, chrome) {
			t.Errorf("PDFText() keeps page chrome %q", chrome)
		}
	}
	for _, fact := range []string{"222个重点项目", "年度计划投资312.4亿元", "增长20%以上", "技改投资同比增长10%以上", "服务业项目49个", "3个片区棚户区改造"} {
		if !strings.Contains(got, fact) {
			t.Errorf("PDFText() has no %q: a line break splits it (pdftotext breaks the line after 增长)", fact)
		}
	}
	doc, err := Load(Input{Path: filepath.Join("testdata", "pdf", "003_8d678484d61eac6b.pdf"), ID: "003"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != FormatPDF || doc.Text != got || doc.Encoding != "" {
		t.Errorf("Load(pdf) = format %q, encoding %q, text the same as PDFText's: %v", doc.Format, doc.Encoding, doc.Text == got)
	}
}

// blankPDF is a valid one-page PDF without any text, as a scan without
// a text layer is.
const blankPDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

func TestPDFTextErrors(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"scan.pdf":    blankPDF,
		"damaged.pdf": "%PDF-1.4\nnot a PDF at all",
	})
	for _, tc := range []struct {
		name string
		kind error
		want string
	}{
		{"scan.pdf", ErrNoText, "scan.pdf: the PDF has no text layer (1 pages, 0 characters of text): a scan? Run OCR on it first"},
		{"damaged.pdf", ErrFormat, "damaged.pdf: not a readable PDF (damaged or encrypted)"},
	} {
		p := filepath.Join(dir, tc.name)
		_, err := Load(Input{Path: p, ID: "x"}, Options{})
		if err == nil || !errors.Is(err, tc.kind) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Load(%s) error = %v; want kind %v containing %q", tc.name, err, tc.kind, tc.want)
		}
	}
	// a PDF inside an archive goes through a temporary file
	writeZip(t, filepath.Join(dir, "a.zip"), zipMember{"scan.pdf", []byte(blankPDF), false})
	inputs, err := Discover([]string{filepath.Join(dir, "a.zip")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load(inputs[0], Options{}); err == nil || !errors.Is(err, ErrNoText) || !strings.Contains(err.Error(), "a.zip: member scan.pdf: the PDF has no text layer") {
		t.Errorf("Load(a.zip scan.pdf) error = %v; want ErrNoText naming the archive and member", err)
	}
	// without pdftotext: a clear error, not a crash
	defer func(old string) { PDFTool = old }(PDFTool)
	PDFTool = "gwr-no-such-pdftotext"
	if _, err := PDFText(filepath.Join(dir, "scan.pdf")); err == nil || !strings.Contains(err.Error(), "needs gwr-no-such-pdftotext (Debian/Ubuntu package poppler-utils)") {
		t.Errorf("PDFText without the tool: error = %v", err)
	}
}
