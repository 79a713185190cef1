package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/gwrfacts/gwr/internal/stagesdir"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestLoad(t *testing.T) {
	const path = "002_8301e86fb68a1f77.txt"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Load(Input{Path: path, ID: "002"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	if got, want := doc.SHA256, hex.EncodeToString(sum[:]); got != want {
		t.Errorf("got SHA256 %s, want %s", got, want)
	}
	if doc.Text != string(raw) {
		t.Errorf("got Text differing from the file at byte %d, want the file unchanged", firstDiff([]byte(doc.Text), raw))
	}
	want := Document{ID: "002", Path: path, Encoding: "utf-8", HTML: false,
		Meta: Meta{Region: "淄川区", Level: "district", Year: 2023, DocType: "report"}}
	if doc.ID != want.ID || doc.Path != want.Path || doc.Encoding != want.Encoding || doc.HTML != want.HTML || doc.Meta != want.Meta {
		t.Errorf("got {%s %s %s %v %+v}, want {%s %s %s %v %+v}",
			doc.ID, doc.Path, doc.Encoding, doc.HTML, doc.Meta, want.ID, want.Path, want.Encoding, want.HTML, want.Meta)
	}
}

func TestLoadGB18030KeepsText(t *testing.T) {
	text := reportText(t)
	path := filepath.Join(t.TempDir(), "gb.txt")
	raw := encode(t, simplifiedchinese.GB18030, text)
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := Load(Input{Path: path, ID: "gb"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	if doc.Text != text || doc.Encoding != "gb18030" || doc.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("got encoding %q, SHA256 %s, text equal %v; want gb18030, the hash of the raw bytes, the UTF-8 text",
			doc.Encoding, doc.SHA256, doc.Text == text)
	}
}

func TestLoadErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	gb := encode(t, simplifiedchinese.GB18030, "政府工作报告")
	tests := []struct {
		name     string
		content  []byte
		opt      Options
		wantKind error
		want     string
	}{
		{"empty.txt", []byte{}, Options{}, ErrEmpty, "empty file"},
		{"report.pdf.txt", []byte("%PDF-1.4\n"), Options{}, ErrBinary, "a PDF file, not text"},
		{"report.docx.txt", []byte("PK\x03\x04rest"), Options{}, ErrBinary, "a ZIP archive (such as .docx or .xlsx), not text"},
		{"nul.txt", []byte("报告\x00\x00"), Options{}, ErrBinary, "binary content (NUL byte at offset 6)"},
		{"latin1.txt", []byte("caf\xE9 \xFF"), Options{}, ErrEncoding, "looks like Latin-1 or Windows-1252 (a Western European language), not Chinese text in UTF-8, UTF-16 or GB18030; gwr reads Chinese reports only (force a reading with --encoding)"},
		{"cut.txt", []byte("政府工作报告\xE5"), Options{}, ErrTruncated, "truncated: the file ends inside a multi-byte UTF-8 character (at offset 18)"},
		{"big.txt", []byte("12345678901"), Options{MaxBytes: 10}, ErrTooLarge, "file is 11 bytes, over the --max-bytes limit of 10"},
		{"forced.txt", gb, Options{Encoding: "utf-8"}, ErrEncoding, "not valid UTF-8 (first bad byte at offset 0)"},
	}
	for _, tt := range tests {
		path := filepath.Join(dir, tt.name)
		if err := os.WriteFile(path, tt.content, 0o644); err != nil {
			t.Fatal(err)
		}
		doc, err := Load(Input{Path: path, ID: "x"}, tt.opt)
		if err == nil {
			t.Errorf("%s: got document %q, want error", tt.name, doc.Text)
			continue
		}
		if got, want := err.Error(), "corpus: "+path+": "+tt.want; got != want {
			t.Errorf("%s: got %q, want %q", tt.name, got, want)
		}
		if !errors.Is(err, tt.wantKind) {
			t.Errorf("%s: got %v, want kind %v", tt.name, err, tt.wantKind)
		}
	}

	for _, tt := range []struct{ path, want string }{
		{dir, "corpus: " + dir + ": is a directory"},
		{filepath.Join(dir, "gone.txt"), "corpus: " + filepath.Join(dir, "gone.txt") + ": no such file or directory"},
	} {
		if _, err := Load(Input{Path: tt.path, ID: "x"}, Options{}); err == nil || err.Error() != tt.want {
			t.Errorf("Load(%s): got error %v, want %q", tt.path, err, tt.want)
		}
	}
}

func TestLoadStdin(t *testing.T) {
	gb := encode(t, simplifiedchinese.GB18030, "——2023年1月5日在淄川区第十九届人民代表大会第二次会议上\n各位代表：\n")
	in := Input{Path: StdinPath, ID: StdinID}
	doc, err := Load(in, Options{Stdin: strings.NewReader(string(gb))})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Encoding != "gb18030" || doc.Meta.Region != "淄川区" || doc.Meta.Year != 2023 || doc.ID != "stdin" {
		t.Errorf("got %s %q %+v, want gb18030 stdin {淄川区 … 2023 …}", doc.Encoding, doc.ID, doc.Meta)
	}

	tests := []struct {
		input string
		opt   Options
		want  string
	}{
		{"", Options{}, "corpus: <stdin>: empty file"},
		{"12345678901", Options{MaxBytes: 10}, "corpus: <stdin>: file is more than 10 bytes, over the --max-bytes limit of 10"},
	}
	for _, tt := range tests {
		tt.opt.Stdin = strings.NewReader(tt.input)
		if _, err := Load(in, tt.opt); err == nil || err.Error() != tt.want {
			t.Errorf("Load(stdin %q): got error %v, want %q", tt.input, err, tt.want)
		}
	}
}

func TestLoadHTML(t *testing.T) {
	page := `<!DOCTYPE html>
<html><head><meta charset="gbk"><title>政府工作报告</title><script>var x = "保定市人民政府";</script></head>
<body><div class="nav">首页 &gt; 政务公开</div>
<p>——2024年1月23日在<span>清苑区</span>第三届人民代表大会第四次会议上</p>
<p>各位代表：</p><p>现在，我代表区政府向大会作工作报告。</p>
<p>一、2023年工作回顾</p></body></html>`
	path := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(path, encode(t, simplifiedchinese.GBK, page), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := Load(Input{Path: path, ID: "page"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := Meta{Region: "清苑区", Level: "district", Year: 2024, DocType: "report"}
	if !doc.HTML || doc.Text != page || doc.Meta != want {
		t.Errorf("got HTML %v, text unchanged %v, meta %+v; want true, true, %+v", doc.HTML, doc.Text == page, doc.Meta, want)
	}
}

func TestLooksHTML(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"<!DOCTYPE html><html>…", true},
		{"\n  <!doctype HTML>", true},
		{"<html lang=zh>", true},
		{"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", true},
		{"页面\n<body>\n正文", true},
		{"<div>一</div><p>二</p><p>三</p>", true},
		{"各位代表：\n现在，我代表区人民政府向大会报告工作。\n", false},
		{"比较 a<b 和 c>d，<p> 只出现一次" + strings.Repeat("正文。", 2000), false},
		{"<p>一</p><p>二</p><p>三</p>" + strings.Repeat("正文。", 2000), false},
	}
	for _, tt := range tests {
		if got := looksHTML(tt.text); got != tt.want {
			t.Errorf("looksHTML(%.40q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestRow(t *testing.T) {
	doc := &Document{ID: "a", Path: "a.txt", Text: "各位代表：\n", SHA256: "ff", Encoding: "utf-8",
		Meta: Meta{Region: "易县", Level: "county", Year: 2025, DocType: "report"}}
	row := doc.Row(7, 6)
	if row.DocID != "a" || row.Path != "a.txt" || row.Chars != 6 || row.Facts != 7 || row.Year == nil || *row.Year != 2025 ||
		row.Region != "易县" || row.Level != "county" || row.DocType != "report" || row.Encoding != "utf-8" || row.SHA256 != "ff" {
		t.Errorf("got %+v, want the document's fields with Chars 6, Facts 7, Year 2025", row)
	}
	doc.Meta.Year = 0
	if row := doc.Row(0, 6); row.Year != nil {
		t.Errorf("got Year %d for an unknown year, want null", *row.Year)
	}
}

// BenchmarkLoad loads a 100 KB report, as UTF-8 and as GB18030.
func BenchmarkLoad(b *testing.B) {
	text := reportText(b)
	for len(text) < 100<<10 {
		text += text
	}
	text = strings.ToValidUTF8(text[:100<<10], "")
	dir := b.TempDir()
	for _, tt := range []struct {
		name string
		raw  []byte
	}{
		{"utf-8", []byte(text)},
		{"gb18030", encode(b, simplifiedchinese.GB18030, text)},
	} {
		path := filepath.Join(dir, tt.name+".txt")
		if err := os.WriteFile(path, tt.raw, 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(tt.name, func(b *testing.B) {
			b.SetBytes(int64(len(tt.raw)))
			for b.Loop() {
				if _, err := Load(Input{Path: path, ID: "bench"}, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestReadAll checks readAll against io.ReadAll whatever the size hint
// (right, short, long, unknown) and however the reader splits its data,
// and that a read error is returned.
func TestReadAll(t *testing.T) {
	data := []byte(strings.Repeat("政府工作报告 2024年 ", 300))
	n := int64(len(data))
	for _, size := range []int64{-1, 0, 1, n - 1, n, n + 1, 10 * n} {
		for name, r := range map[string]func() io.Reader{
			"whole":    func() io.Reader { return bytes.NewReader(data) },
			"one byte": func() io.Reader { return iotest.OneByteReader(bytes.NewReader(data)) },
			"half":     func() io.Reader { return iotest.HalfReader(bytes.NewReader(data)) },
		} {
			got, err := readAll(r(), size)
			if err != nil || !bytes.Equal(got, data) {
				t.Errorf("readAll(%s reader, size %d) = %d bytes, %v; want the %d bytes, nil", name, size, len(got), err, n)
			}
		}
	}
	boom := errors.New("boom")
	if _, err := readAll(io.MultiReader(bytes.NewReader(data), iotest.ErrReader(boom)), n); !errors.Is(err, boom) {
		t.Errorf("readAll of a failing reader: error %v, want %v", err, boom)
	}
}

// BenchmarkLoadDir loads the first 5 MB of the *.txt files of the
// directory GWR_STAGES_DIR names; it is skipped without it:
//
//	GWR_STAGES_DIR=$PWD/bench/data/50mb go test -run - -bench LoadDir -cpu 1 ./corpus
func BenchmarkLoadDir(b *testing.B) {
	stagesdir.Bench(b, 5e6, func(f stagesdir.File) {
		if _, err := Load(Input{Path: f.Path, ID: filepath.Base(f.Path)}, Options{}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkInferMetaDir infers the metadata of the first 5 MB of the
// *.txt files of the directory GWR_STAGES_DIR names (the part of Load
// after decoding); it is skipped without it:
//
//	GWR_STAGES_DIR=$PWD/bench/data/50mb go test -run - -bench InferMetaDir -cpu 1 ./corpus
func BenchmarkInferMetaDir(b *testing.B) {
	stagesdir.Bench(b, 5e6, func(f stagesdir.File) { inferMetaNamed(f.Path, f.Text, looksHTML(f.Text)) })
}
