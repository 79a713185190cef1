package corpus

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// zipMember is one file of a test archive: its name as stored (GBK bytes
// when gbk is set, without the UTF-8 flag) and its content.
type zipMember struct {
	name    string
	content []byte
	gbk     bool
}

// writeZip writes an archive of the members to path.
func writeZip(t *testing.T, path string, members ...zipMember) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		h := &zip.FileHeader{Name: m.name, Method: zip.Deflate}
		if m.gbk {
			name, err := simplifiedchinese.GBK.NewEncoder().String(m.name)
			if err != nil {
				t.Fatal(err)
			}
			h.Name, h.NonUTF8 = name, true
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(m.content); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

const shandongReport = "各位代表：\n现在，我代表省人民政府向大会报告工作。\n今年地区生产总值增长5%以上。\n"

// TestArchive: the members of a zip archive with GBK names (no UTF-8
// flag), as made on Chinese Windows, are documents with IDs and metadata
// from their names; other members are skipped or refused one by one.
func TestArchive(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "reports.zip")
	docx := makeDocx(t, `<w:p><w:r><w:t>各位代表：</w:t></w:r></w:p><w:p><w:r><w:t>新增高新技术企业10家以上。</w:t></w:r></w:p>`)
	writeZip(t, archive,
		zipMember{"2025年山东省政府工作报告.docx", docx, true},
		zipMember{"报告/2024年高唐县政府工作报告.txt", []byte(shandongReport), true},
		zipMember{"utf8名称.txt", []byte("各位代表：\n新增10家。\n"), false},
		zipMember{"说明.xlsx", []byte("x"), true},                         // not a document: skipped
		zipMember{"__MACOSX/._2025年山东省政府工作报告.docx", []byte("x"), false}, // resource fork: skipped
		zipMember{"目录/", nil, false},                                    // a directory
		zipMember{"inner.zip", []byte("PK"), false},                     // nested archive: refused
		zipMember{"旧版.doc", []byte("\xd0\xcf\x11\xe0"), true},           // Word 97-2003: refused
	)
	inputs, err := Discover([]string{archive})
	if err != nil {
		t.Fatal(err)
	}
	want := []Input{
		{Path: archive, Member: "2025年山东省政府工作报告.docx", ID: "2025年山东省政府工作报告"},
		{Path: archive, Member: "报告/2024年高唐县政府工作报告.txt", ID: "2024年高唐县政府工作报告"},
		{Path: archive, Member: "utf8名称.txt", ID: "utf8名称"},
		{Path: archive, Member: "inner.zip", ID: "inner"},
		{Path: archive, Member: "旧版.doc", ID: "旧版"},
	}
	if len(inputs) != len(want) {
		t.Fatalf("Discover(archive) = %d inputs %+v; want %d", len(inputs), inputs, len(want))
	}
	for i, w := range want {
		if g := inputs[i]; g.Path != w.Path || g.Member != w.Member || g.ID != w.ID {
			t.Errorf("input %d = %+v; want %+v", i, g, w)
		}
	}

	doc, err := Load(inputs[0], Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != "各位代表：\n新增高新技术企业10家以上。\n" || doc.Format != FormatDOCX || doc.Member != want[0].Member || doc.Path != archive {
		t.Errorf("Load(docx member) = text %q, format %q, member %q, path %q", doc.Text, doc.Format, doc.Member, doc.Path)
	}
	if doc.Meta.Region != "山东省" || doc.Meta.Level != LevelProvince || doc.Meta.Year != 2025 {
		t.Errorf("Load(docx member).Meta = %+v; want 山东省, province, 2025 from the member name", doc.Meta)
	}
	row := doc.Row(1, utf8.RuneCountInString(doc.Text))
	if row.Format != "docx" || row.Member != want[0].Member || row.Path != archive || row.Encoding != "" {
		t.Errorf("Row() = format %q, member %q, path %q, encoding %q", row.Format, row.Member, row.Path, row.Encoding)
	}
	if doc, err = Load(inputs[1], Options{}); err != nil {
		t.Fatal(err)
	}
	if doc.Text != shandongReport || doc.Format != FormatText || doc.Meta.Region != "高唐县" || doc.Meta.Year != 2024 {
		t.Errorf("Load(txt member) = text %q, format %q, meta %+v; want the member's text, txt, 高唐县 2024", doc.Text, doc.Format, doc.Meta)
	}
	_, err = Load(inputs[3], Options{})
	if err == nil || !errors.Is(err, ErrArchive) || !strings.Contains(err.Error(), archive+": member inner.zip: an archive inside an archive is not read") {
		t.Errorf("Load(nested archive) error = %v; want one naming the archive and the member", err)
	}
	_, err = Load(inputs[4], Options{})
	if err == nil || !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), archive+": member 旧版.doc: a Word 97-2003 file (.doc) is not read: save it as .docx") {
		t.Errorf("Load(.doc member) error = %v; want one naming the archive and the member", err)
	}
}

// TestArchiveLimits: a member or an archive larger than the limits (a zip
// bomb) is an error naming the archive, found before decompressing.
func TestArchiveLimits(t *testing.T) {
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bomb.zip")
	zeros := bytes.Repeat([]byte("0"), 1<<20) // 1 MB that deflates to 1 KB
	writeZip(t, bomb, zipMember{"a.txt", zeros, false}, zipMember{"b.txt", []byte("各位代表：\n新增10家。\n"), false})

	inputs, err := Discover([]string{bomb})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Load(inputs[0], Options{MaxBytes: 1 << 16})
	if err == nil || !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "corpus: "+bomb+": member a.txt: 1048576 bytes uncompressed, over the limit of 65536") {
		t.Errorf("Load(large member) error = %v; want ErrTooLarge naming the archive and member", err)
	}
	if _, err := Load(inputs[1], Options{MaxBytes: 1 << 16}); err != nil {
		t.Errorf("Load(small member of the same archive) error = %v; want none", err)
	}

	defer func(old int64) { maxArchiveBytes = old }(maxArchiveBytes)
	maxArchiveBytes = 1 << 19
	inputs, err = Discover([]string{bomb, filepath.Join(dir, "ok.txt")})
	if err == nil {
		t.Fatal("Discover: want an error for the missing ok.txt")
	}
	writeTree(t, dir, map[string]string{"ok.txt": "各位代表：\n新增10家。\n"})
	if inputs, err = Discover([]string{bomb, filepath.Join(dir, "ok.txt")}); err != nil {
		t.Fatal(err)
	}
	if len(inputs) != 2 || inputs[0].Path != bomb || inputs[0].ID != "bomb" {
		t.Fatalf("Discover(bomb, ok.txt) = %+v; want the archive as one input, then ok.txt", inputs)
	}
	_, err = Load(inputs[0], Options{})
	if err == nil || !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), bomb+": its document members hold more than 524288 bytes uncompressed") {
		t.Errorf("Load(archive over the limit) error = %v; want ErrTooLarge naming the archive", err)
	}
	if _, err := Load(inputs[1], Options{}); err != nil {
		t.Errorf("Load(ok.txt) after a refused archive: %v", err)
	}
}

func TestArchiveErrors(t *testing.T) {
	dir := t.TempDir()
	damaged := filepath.Join(dir, "damaged.zip")
	writeTree(t, dir, map[string]string{"damaged.zip": "PK\x03\x04 not really a zip"})
	empty := filepath.Join(dir, "empty.zip")
	writeZip(t, empty, zipMember{"readme.md", []byte("x"), false})
	for _, tc := range []struct {
		path string
		kind error
		want string
	}{
		{damaged, ErrArchive, "corpus: " + damaged + ": not a readable zip archive: not a valid zip file"},
		{empty, ErrArchive, "corpus: " + empty + ": the archive holds no .txt, .htm, .html, .docx or .pdf member"},
	} {
		inputs, err := Discover([]string{tc.path})
		if err != nil {
			t.Fatal(err)
		}
		_, err = Load(inputs[0], Options{})
		if err == nil || !errors.Is(err, tc.kind) || err.Error() != tc.want {
			t.Errorf("Load(%s) error = %v; want %q", filepath.Base(tc.path), err, tc.want)
		}
	}
}

func TestInferMetaNamed(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       Meta
	}{
		{"2025年山东省政府工作报告.docx", "各位代表：\n新增10家。\n", Meta{Region: "山东省", Level: LevelProvince, Year: 2025, DocType: DocReport}},
		{"2026_四川省_政府工作报告.txt", "各位代表：\n", Meta{Region: "四川省", Level: LevelProvince, Year: 2026, DocType: DocReport}},
		{"dir/高唐县2023年政府工作报告.pdf", "各位代表：\n", Meta{Region: "高唐县", Level: LevelCounty, Year: 2023, DocType: DocReport}},
		{"report.txt", "各位代表：\n", Meta{DocType: DocReport}},
		// the text wins over the name
		{"2025年山东省政府工作报告.docx", "——2024年1月5日在淄川区第十九届人民代表大会第三次会议上\n各位代表：\n淄川区淄川区淄川区\n", Meta{Region: "淄川区", Level: LevelDistrict, Year: 2024, DocType: DocReport}},
	} {
		if got := inferMetaNamed(tc.name, tc.text, looksHTML(tc.text)); got != tc.want {
			t.Errorf("inferMetaNamed(%q, …) = %+v; want %+v", tc.name, got, tc.want)
		}
	}
}
