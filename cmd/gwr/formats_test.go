package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/schema"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// gbkZip writes a zip archive whose member names are GBK bytes without
// the UTF-8 flag, as archives made on Chinese Windows have them.
func gbkZip(t *testing.T, path string, members map[string][]byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range sortedNames(members) {
		gbk, err := simplifiedchinese.GBK.NewEncoder().String(name)
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: gbk, NonUTF8: true, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(members[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// factKey is what must agree between a report read from Word and the same
// report as text.
func factKey(f schema.Fact) string {
	return strings.Join([]string{f.Mention, strconv.FormatFloat(f.ValueLow, 'g', -1, 64), strconv.FormatFloat(f.ValueHigh, 'g', -1, 64), string(f.Unit), string(f.Bound), string(f.Kind), yearString(f.Year)}, "|")
}

// TestExtractFormats: a directory holding a Word report and a zip with GBK
// member names (the same Word file and a .txt) gives one document each,
// with format, member and metadata right, the Word file's facts those of
// its text, and the texts kept so that every mention is at its offsets.
func TestExtractFormats(t *testing.T) {
	docx, err := os.ReadFile("../../corpus/testdata/docx/province_xizang_2025.docx")
	if err != nil {
		t.Fatal(err)
	}
	txt, err := os.ReadFile("../../corpus/testdata/extra/province_xizang_2025.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	os.WriteFile(filepath.Join(in, "xizang.docx"), docx, 0o644)
	gbkZip(t, filepath.Join(in, "reports.zip"), map[string][]byte{
		"2025年西藏政府工作报告.docx":   docx,
		"2025年西藏自治区政府工作报告.txt": txt,
	})
	out := filepath.Join(dir, "out")
	extractRun(t, 0, "-o", out, "--format", "jsonl", "--quiet", in)

	docs, err := schema.ReadDocuments(filepath.Join(out, "documents.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	type docWant struct{ id, path, format, member string }
	want := []docWant{
		{"2025年西藏政府工作报告", filepath.Join(in, "reports.zip"), "docx", "2025年西藏政府工作报告.docx"},
		{"2025年西藏自治区政府工作报告", filepath.Join(in, "reports.zip"), "txt", "2025年西藏自治区政府工作报告.txt"},
		{"xizang", filepath.Join(in, "xizang.docx"), "docx", ""},
	}
	if len(docs) != len(want) {
		t.Fatalf("%d documents; want %d: %+v", len(docs), len(want), docs)
	}
	for i, w := range want {
		d := docs[i]
		if got := (docWant{d.DocID, d.Path, d.Format, d.Member}); got != w {
			t.Errorf("document %d = %+v; want %+v", i, got, w)
		}
		if d.Region != "西藏自治区" || d.Level != "province" || d.Year == nil || *d.Year != 2025 {
			t.Errorf("%s: region %q, level %q, year %s; want 西藏自治区, province, 2025", d.DocID, d.Region, d.Level, yearString(d.Year))
		}
	}

	facts, err := schema.ReadFacts(filepath.Join(out, "facts.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	by := factsByDoc(facts)
	keys := func(id string) []string {
		var k []string
		for _, f := range by[id] {
			k = append(k, factKey(f))
		}
		return k
	}
	ref := keys("2025年西藏自治区政府工作报告")
	if len(ref) < 50 {
		t.Fatalf("the text gave %d facts; want a report's", len(ref))
	}
	for _, id := range []string{"2025年西藏政府工作报告", "xizang"} {
		if got := keys(id); strings.Join(got, "\n") != strings.Join(ref, "\n") {
			t.Errorf("%s (docx): %d facts differ from the %d of its text", id, len(got), len(ref))
		}
	}

	// the texts of the Word files and the archive members are kept, and
	// every mention is at its offsets in them
	for _, d := range docs {
		b, err := os.ReadFile(filepath.Join(out, "texts", d.DocID+".txt"))
		if err != nil {
			t.Fatalf("text of %s not kept: %v", d.DocID, err)
		}
		if bad := mismatches(string(b), by[d.DocID]); bad > 0 {
			t.Errorf("texts/%s.txt: %d mentions not at their offsets", d.DocID, bad)
		}
	}

	// show reads the kept text, and a report inside an archive directly
	var o, e bytes.Buffer
	if status := run([]string{"show", out, "--doc", "xizang"}, &o, &e); status != 0 || !strings.Contains(o.String(), "【6.3%】") || e.Len() > 0 {
		t.Errorf("gwr show OUT --doc xizang: status %d, stderr %q, stdout has no mention in context:\n%.300s", status, e.String(), o.String())
	}
	o.Reset()
	e.Reset()
	if status := run([]string{"show", filepath.Join(in, "reports.zip")}, &o, &e); status != 0 || strings.Count(o.String(), "西藏自治区 province 2025") != 2 {
		t.Errorf("gwr show reports.zip: status %d, stderr %q; want both members:\n%.300s", status, e.String(), o.String())
	}
}

// TestExtractPDF: a bundled report printed to PDF by headless Chromium
// gives the facts of its .txt (mention, value, unit): at least 95% of
// them (all of them when this test was written).
func TestExtractPDF(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	extractRun(t, 0, "-o", out, "--format", "jsonl", "--quiet", "../../corpus/testdata/pdf/003_8d678484d61eac6b.pdf", "../../corpus/003_8d678484d61eac6b.txt")
	docs, err := schema.ReadDocuments(filepath.Join(out, "documents.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].Format != "pdf" || docs[1].Format != "txt" {
		t.Fatalf("documents = %+v; want the pdf, then the txt", docs)
	}
	if a, b := docs[0], docs[1]; a.Region != b.Region || a.Level != b.Level || yearString(a.Year) != yearString(b.Year) || a.DocType != b.DocType {
		t.Errorf("pdf metadata %s %s %s %s; want the txt's %s %s %s %s", a.Region, a.Level, yearString(a.Year), a.DocType, b.Region, b.Level, yearString(b.Year), b.DocType)
	}
	facts, err := schema.ReadFacts(filepath.Join(out, "facts.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	by := factsByDoc(facts)
	count := map[string]int{}
	for _, f := range by[docs[0].DocID] {
		count[f.Mention+"|"+strconv.FormatFloat(f.ValueLow, 'g', -1, 64)+"|"+string(f.Unit)]++
	}
	ref := by[docs[1].DocID]
	same := 0
	for _, f := range ref {
		if k := f.Mention + "|" + strconv.FormatFloat(f.ValueLow, 'g', -1, 64) + "|" + string(f.Unit); count[k] > 0 {
			count[k]--
			same++
		}
	}
	if len(ref) < 30 || same*100 < len(ref)*95 {
		t.Errorf("the PDF gives %d of the %d facts of the .txt (mention, value, unit); want at least 95%%", same, len(ref))
	}
	text, err := os.ReadFile(filepath.Join(out, "texts", docs[0].DocID+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	if bad := mismatches(string(text), by[docs[0].DocID]); bad > 0 {
		t.Errorf("texts/%s.txt: %d mentions not at their offsets", docs[0].DocID, bad)
	}
}

// TestExtractHTMLChrome: a saved government page gives the facts of its
// text and none from its menus, breadcrumb, sidebar and footer.
func TestExtractHTMLChrome(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>2025年政府工作报告</title></head><body>
<div class="header"><div class="top-bar">今天是2025年1月21日</div></div>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zw">新增栏目12个</a></li></ul></nav>
<div class="main"><div id="UCAP-CONTENT">
<p>各位代表：</p><p>现在，我代表省人民政府向大会报告工作。</p>
<p>今年全省地区生产总值增长5%以上，新增高新技术企业3000家以上。</p>
</div></div>
<div class="sidebar"><p>专题：城镇新增就业110万人以上</p></div>
<div class="footer">鲁ICP备05023283号 访问量增长20%</div>
</body></html>`
	dir := t.TempDir()
	in := filepath.Join(dir, "page.html")
	os.WriteFile(in, []byte(page), 0o644)
	out := filepath.Join(dir, "out")
	extractRun(t, 0, "-o", out, "--format", "jsonl", "--quiet", in)
	facts, err := schema.ReadFacts(filepath.Join(out, "facts.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range facts {
		got = append(got, f.Mention)
	}
	if want := "5%以上,3000家以上"; strings.Join(got, ",") != want {
		t.Errorf("facts of the page = %q; want %q (none from its chrome)", strings.Join(got, ","), want)
	}
	if bad := mismatches(page, facts); bad > 0 {
		t.Errorf("%d mentions not at their offsets in the page", bad)
	}
	docs, err := schema.ReadDocuments(filepath.Join(out, "documents.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Format != "html" {
		t.Errorf("documents = %+v; want one, format html", docs)
	}
	if _, err := os.Stat(filepath.Join(out, "texts", "page.txt")); err == nil {
		t.Errorf("texts/page.txt written; want no copy of a page the tables' path names")
	}
}
