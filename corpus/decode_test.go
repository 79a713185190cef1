package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// reportText is a real report (UTF-8) used as the sample for round trips.
func reportText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("002_8301e86fb68a1f77.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding sample: %v", err)
	}
	return b
}

var (
	utf16LEBOM = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16BEBOM = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	utf16LE    = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16BE    = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
)

func TestDecodeRoundTrip(t *testing.T) {
	text := reportText(t)
	const ascii = "GDP 6.5%\n"
	tests := []struct {
		name    string
		raw     []byte
		force   string
		wantEnc string
	}{
		{"utf-8", []byte(text), "", EncodingUTF8},
		{"utf-8 with BOM", append([]byte("\xEF\xBB\xBF"), text...), "", EncodingUTF8BOM},
		{"gb18030", encode(t, simplifiedchinese.GB18030, text), "", EncodingGB18030},
		{"gbk detected as gb18030", encode(t, simplifiedchinese.GBK, text), "", EncodingGB18030},
		{"utf-16le with BOM", encode(t, utf16LEBOM, text), "", EncodingUTF16LE},
		{"utf-16be with BOM", encode(t, utf16BEBOM, text), "", EncodingUTF16BE},
		{"forced utf-8", []byte(text), "utf-8", EncodingUTF8},
		{"forced utf-8 keeps BOM name", append([]byte("\xEF\xBB\xBF"), text...), "UTF8", EncodingUTF8BOM},
		{"forced gbk", encode(t, simplifiedchinese.GBK, text), "gbk", EncodingGBK},
		{"forced gb2312 means gbk", encode(t, simplifiedchinese.GBK, text), "GB2312", EncodingGBK},
		{"forced gb18030", encode(t, simplifiedchinese.GB18030, text), "gb18030", EncodingGB18030},
		{"forced utf-16le without BOM", encode(t, utf16LE, text), "utf-16le", EncodingUTF16LE},
		{"forced utf-16be without BOM", encode(t, utf16BE, text), "utf_16_BE", EncodingUTF16BE},
		{"forced utf-16le with BOM", encode(t, utf16LEBOM, text), "utf-16le", EncodingUTF16LE},
		{"ascii only", []byte(ascii), "", EncodingUTF8},
		{"ascii forced gb18030", []byte(ascii), "gb18030", EncodingGB18030},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := text
			if tt.raw[0] == 'G' {
				want = ascii
			}
			got, enc, err := Decode(tt.raw, tt.force)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if enc != tt.wantEnc {
				t.Errorf("got encoding %q, want %q", enc, tt.wantEnc)
			}
			if got != want {
				t.Errorf("got text differing at byte %d, want the sample text", firstDiff([]byte(got), []byte(want)))
			}
		})
	}
}

// TestDecodeSweep encodes every scalar value from U+0020 to U+10FFFF (no
// surrogates, no C0 controls, no U+FEFF) and decodes it back. The GB18030
// sweep leaves out the private use area U+E000–U+F8FF: x/text encodes it to
// four-byte sequences that its decoder reads as other code points (and it
// does not decode the user-defined two-byte areas at all), so such
// characters cannot round-trip through x/text; Decode rejects them.
func TestDecodeSweep(t *testing.T) {
	sweep := func(skip func(rune) bool) string {
		var sb strings.Builder
		sb.WriteString("政府工作报告\n")
		for r := rune(0x20); r <= 0x10FFFF; r++ {
			if r >= 0xD800 && r <= 0xDFFF || r == 0xFEFF || skip(r) {
				continue
			}
			sb.WriteRune(r)
			if r%64 == 0 {
				sb.WriteByte('\n')
			}
		}
		return sb.String()
	}
	all := sweep(func(rune) bool { return false })
	noPUA := sweep(func(r rune) bool { return r >= 0xE000 && r <= 0xF8FF })
	for _, tt := range []struct {
		enc     encoding.Encoding
		text    string
		wantEnc string
	}{
		{simplifiedchinese.GB18030, noPUA, EncodingGB18030},
		{utf16LEBOM, all, EncodingUTF16LE},
		{utf16BEBOM, all, EncodingUTF16BE},
		{unicode.UTF8BOM, all, EncodingUTF8BOM},
		{unicode.UTF8, all, EncodingUTF8},
	} {
		text := tt.text
		force := ""
		if tt.wantEnc == EncodingGB18030 {
			force = EncodingGB18030 // a sweep of every character is no Chinese text: detection refuses it
		}
		got, enc, err := Decode(encode(t, tt.enc, text), force)
		if err != nil {
			t.Errorf("Decode(%s sweep): %v", tt.wantEnc, err)
			continue
		}
		if enc != tt.wantEnc {
			t.Errorf("Decode(%s sweep): got encoding %q, want %q", tt.wantEnc, enc, tt.wantEnc)
		}
		if got != text {
			i := firstDiff([]byte(got), []byte(text))
			r, _ := utf8.DecodeRuneInString(text[i:])
			t.Errorf("Decode(%s sweep): first difference at %U", tt.wantEnc, r)
		}
	}
}

func TestDecodeDropsOnlyLeadingBOM(t *testing.T) {
	tests := []struct {
		name string
		raw  []byte
		want string
	}{
		{"utf-8 BOM", []byte("\xEF\xBB\xBF各位代表\uFEFF："), "各位代表\uFEFF："},
		{"gb18030 BOM", encode(t, simplifiedchinese.GB18030, "\uFEFF各位代表"), "各位代表"},
		{"utf-16le BOM", encode(t, utf16LEBOM, "各位代表\r\n"), "各位代表\r\n"},
	}
	for _, tt := range tests {
		got, _, err := Decode(tt.raw, "")
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got != tt.want {
			t.Errorf("%s: got %+q, want %+q", tt.name, got, tt.want)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	gb := encode(t, simplifiedchinese.GB18030, "政府工作报告")
	le := encode(t, utf16LE, "政府工作报告")
	tests := []struct {
		name     string
		raw      []byte
		force    string
		wantKind error
		want     string // the whole message
	}{
		{"empty", nil, "", ErrEmpty, "empty file"},
		{"only a BOM", []byte("\xEF\xBB\xBF"), "", ErrEmpty, "empty file (only a byte-order mark)"},
		{"pdf", []byte("%PDF-1.7\n%âãÏÓ\n"), "", ErrBinary, "a PDF file, not text"},
		{"docx", []byte("PK\x03\x04\x14\x00\x06\x00"), "", ErrBinary, "a ZIP archive (such as .docx or .xlsx), not text"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "", ErrBinary, "a PNG image, not text"},
		{"jpeg", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF"), "", ErrBinary, "a JPEG image, not text"},
		{"gzip", []byte("\x1F\x8B\x08\x00"), "", ErrBinary, "a gzip file, not text"},
		{"old word", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00"), "", ErrBinary, "an OLE2 file (such as .doc or .xls), not text"},
		{"NUL in utf-8", []byte("各位代表\x00"), "", ErrBinary, "binary content (NUL byte at offset 12)"},
		{"control byte in gb18030", append(bytes.Clone(gb), 0x01), "", ErrBinary, "binary content (control byte 0x01 at offset 12)"},
		{"NUL in utf-16le", encode(t, utf16LEBOM, "报告\x00"), "", ErrBinary, "binary content (NUL byte at offset 6)"},
		{"utf-16 without BOM", encode(t, utf16LE, "report 2023"), "", ErrBinary,
			"binary content (NUL byte at offset 1; UTF-16 without a byte-order mark? try --encoding utf-16le)"},
		{"bad byte", []byte("GDP\x80 6.5%"), "", ErrEncoding, "not valid UTF-8, UTF-16 or GB18030 (first bad byte at offset 3)"},
		{"GB18030 user-defined area", append(bytes.Clone(gb), 0xAA, 0xA1), "", ErrEncoding,
			"not valid UTF-8, UTF-16 or GB18030 (first bad byte at offset 12)"},
		{"bad byte in gb18030", append(append(bytes.Clone(gb), 0xFF), gb...), "", ErrEncoding,
			"not valid UTF-8, UTF-16 or GB18030 (first bad byte at offset 12)"},
		{"damaged utf-8", []byte("政府工作报告\xFF政府工作报告"), "", ErrEncoding,
			"not valid UTF-8, UTF-16 or GB18030 (first bad byte at offset 18)"},
		{"truncated utf-8", []byte("政府工作报告\xE5\x91"), "", ErrTruncated,
			"truncated: the file ends inside a multi-byte UTF-8 character (at offset 18)"},
		{"truncated utf-8 with BOM", []byte("\xEF\xBB\xBF政府\xE5"), "", ErrTruncated,
			"truncated: the file ends inside a multi-byte UTF-8 character (at offset 9)"},
		{"truncated gb18030 two-byte", append(bytes.Clone(gb), 0xD5), "", ErrTruncated,
			"truncated: the file ends inside a multi-byte GB18030 character (at offset 12)"},
		{"truncated gb18030 four-byte", append(bytes.Clone(gb), 0x81, 0x30), "", ErrTruncated,
			"truncated: the file ends inside a multi-byte GB18030 character (at offset 12)"},
		{"truncated utf-16 odd length", encode(t, utf16LEBOM, "报告")[:5], "", ErrTruncated,
			"truncated: the file ends inside a multi-byte UTF-16LE character (at offset 4)"},
		{"truncated utf-16 surrogate pair", encode(t, utf16BEBOM, "报告𠀀")[:8], "", ErrTruncated,
			"truncated: the file ends inside a multi-byte UTF-16BE character (at offset 6)"},
		{"lone surrogate in utf-16", append(append([]byte("\xFF\xFE"), "\x00\xDC"...), le...), "", ErrEncoding,
			"not valid UTF-16LE (bad sequence at offset 2)"},
		{"forced utf-8 on gb18030", gb, "utf-8", ErrEncoding, "not valid UTF-8 (first bad byte at offset 0)"},
		{"forced gb18030 on utf-8", []byte("政府工作报告"), "gb18030", ErrEncoding,
			"--encoding gb18030 does not fit: the file is valid UTF-8 with non-ASCII text"},
		{"forced gbk on bad bytes", append(bytes.Clone(gb), 0xA1, 0x20), "gbk", ErrEncoding,
			"not valid GBK (first bad byte at offset 12)"},
		{"forced utf-16le on utf-8", []byte("政府工作报告"), "utf-16le", ErrEncoding,
			"--encoding utf-16le does not fit: the file is valid UTF-8 and has no byte-order mark"},
		{"forced utf-16be on a LE BOM", encode(t, utf16LEBOM, "报告"), "utf-16be", ErrEncoding,
			"--encoding utf-16be does not fit: the file starts with a UTF-16LE byte-order mark"},
		{"forced gb18030 on a UTF-8 BOM", []byte("\xEF\xBB\xBFabc"), "gb18030", ErrEncoding,
			"--encoding gb18030 does not fit: the file starts with a UTF-8 byte-order mark"},
		{"unknown encoding", []byte("abc"), "big5", ErrEncoding,
			`unknown encoding "big5" (want one of utf-8, gb18030, gbk, utf-16le, utf-16be)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, err := Decode(tt.raw, tt.force)
			if err == nil {
				t.Fatalf("got text %+q (%s), want error %q", text, enc, tt.want)
			}
			if !errors.Is(err, tt.wantKind) {
				t.Errorf("got error %v, want kind %v", err, tt.wantKind)
			}
			if got, want := err.Error(), "corpus: "+tt.want; got != want {
				t.Errorf("got message %q, want %q", got, want)
			}
		})
	}
}

// TestValidUTF8 checks validUTF8 (segmentio/asm's) against utf8.Valid,
// and plainUTF8 against checkControlBytes and utf8.Valid: on the bundled
// and extra reports; on the 40 bytes around each byte of the first 4 KB
// of each, as they are, cut there, and with that byte changed to each of
// the bytes that end, start or break a character or are control bytes;
// and on every ASCII byte at each place of ASCII text and of an ASCII
// byte among Chinese characters.
func TestValidUTF8(t *testing.T) {
	files, err := filepath.Glob("*.txt")
	if err != nil {
		t.Fatal(err)
	}
	extra, err := filepath.Glob("testdata/extra/*.txt")
	if err != nil || len(files) < 5 || len(extra) < 10 {
		t.Fatalf("reports: %d bundled, %d extra, %v", len(files), len(extra), err)
	}
	check := func(b []byte, what string) {
		t.Helper()
		if got, want := validUTF8(b), utf8.Valid(b); got != want {
			t.Fatalf("validUTF8(%s) = %v, utf8.Valid %v (% x)", what, got, want, b[:min(len(b), 40)])
		}
		if got, want := plainUTF8(b), checkControlBytes(b, 0) == nil && utf8.Valid(b); got != want {
			t.Fatalf("plainUTF8(%s) = %v, want %v (% x)", what, got, want, b[:min(len(b), 40)])
		}
	}
	for _, f := range append(files, extra...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		check(data, f)
		head := data[:min(len(data), 4<<10)]
		if testing.Short() {
			head = head[:min(len(head), 512)] // make test-race: 19 s with 4 KB
		}
		for i := range head {
			from, to := max(0, i-16), min(len(head), i+24)
			check(head[from:i], fmt.Sprintf("%s [%d:%d]", f, from, i))
			b := bytes.Clone(head[from:to])
			for _, c := range []byte{0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF} {
				b[i-from] = c
				check(b, fmt.Sprintf("%s [%d:%d] with byte %d = %#x", f, from, to, i, c))
			}
		}
	}
	for _, text := range []string{"abcdefghijklmnopqrstuvwx", "一二a三四五六七"} {
		b := []byte(text)
		for i := range b {
			if b[i] >= utf8.RuneSelf {
				continue
			}
			for c := range byte(utf8.RuneSelf) {
				b[i] = c
				check(b, fmt.Sprintf("%q with byte %d = %#x", text, i, c))
				check(b[:i+1], fmt.Sprintf("%q cut after byte %d = %#x", text, i, c))
			}
			b[i] = text[i]
		}
	}
}

// BenchmarkValidUTF8 compares validUTF8 with utf8.Valid on a real report.
func BenchmarkValidUTF8(b *testing.B) {
	data := []byte(reportText(b))
	for _, f := range []struct {
		name  string
		valid func([]byte) bool
	}{{"validUTF8", validUTF8}, {"utf8.Valid", utf8.Valid}} {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if !f.valid(data) {
					b.Fatal("not valid")
				}
			}
		})
	}
}
