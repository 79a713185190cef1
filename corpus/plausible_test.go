package corpus

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestForeignEncodingsRefused: texts in other encodings, which GB18030
// would read as mojibake, are errors naming the likely encoding; Chinese
// in GB18030 and in UTF-16 without a byte-order mark is read.
func TestForeignEncodingsRefused(t *testing.T) {
	ko := strings.Repeat("대한민국의 경제는 지난해 크게 성장했습니다. 정부는 올해 일자리 창출을 위해 노력할 것입니다.\n", 5)
	ja := strings.Repeat("日本の経済は昨年大きく成長しました。政府は今年、雇用の創出に努めます。\n", 5)
	fr := strings.Repeat("Le développement économique de la région a été très rapide; le gouvernement prévoit une croissance de 5%.\n", 5)
	for _, tc := range []struct {
		name, text string
		enc        encoding.Encoding
		want       string
	}{
		{"Shift-JIS", ja, japanese.ShiftJIS, "looks like Shift-JIS (Japanese)"},
		{"EUC-JP", ja, japanese.EUCJP, "looks like EUC-JP (Japanese)"},
		{"EUC-KR", ko, korean.EUCKR, "looks like EUC-KR (Korean)"},
		{"Latin-1", fr, charmap.ISO8859_1, "looks like Latin-1 or Windows-1252"},
		{"Windows-1252", fr + "“quoted” – dash\n", charmap.Windows1252, "looks like Latin-1 or Windows-1252"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := tc.enc.NewEncoder().Bytes([]byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			text, enc, err := Decode(b, "")
			if err == nil {
				t.Fatalf("Decode(%s) = %q as %s, want an error", tc.name, text[:min(len(text), 40)], enc)
			}
			if !errors.Is(err, ErrEncoding) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Decode(%s): %v, want an encoding error holding %q", tc.name, err, tc.want)
			}
		})
	}

	report, err := os.ReadFile("002_8301e86fb68a1f77.txt")
	if err != nil {
		t.Fatal(err)
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(report)
	if err != nil {
		t.Fatal(err)
	}
	if text, enc, err := Decode(gb, ""); err != nil || enc != EncodingGB18030 || text != string(report) {
		t.Errorf("Decode(a report in GB18030) = %d bytes as %q, %v; want the report as gb18030", len(text), enc, err)
	}
	units := utf16.Encode([]rune(string(report)))
	for _, order := range []string{EncodingUTF16LE, EncodingUTF16BE} {
		b := make([]byte, 2*len(units))
		for i, u := range units {
			if order == EncodingUTF16LE {
				b[2*i], b[2*i+1] = byte(u), byte(u>>8)
			} else {
				b[2*i], b[2*i+1] = byte(u>>8), byte(u)
			}
		}
		if text, enc, err := Decode(b, ""); err != nil || enc != order || text != string(report) {
			t.Errorf("Decode(a report in %s without a byte-order mark) = %d bytes as %q, %v; want the report", order, len(text), enc, err)
		}
	}
}
