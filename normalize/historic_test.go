package normalize

import (
	"strings"
	"testing"
)

// TestJoinSpacedDigits checks that a number written with a space after
// each character is read as one, and that ordinary spacing is kept.
func TestJoinSpacedDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1 9 9 7 年", "1997年"},
		{"增长8 ．8 ％，", "增长8.8%，"},
		{"达到7 4 7 7 2 亿元", "达到74772亿元"},
		{"容量达到1 ．1 亿门", "容量达到1.1亿门"},
		{"下降到1 0 ．0 6 ‰。", "下降到10.06‰。"},
		{"3 0 0 多个城市", "300多个城市"},
		{"6.5 %", "6.5 %"},
		{"2023 2024", "2023 2024"},
		{"10 万元", "10 万元"},
		{"表 1 2023年", "表 1 2023年"},
		{"A 1 B", "A 1 B"},
	}
	for _, tt := range tests {
		if got := string(Clean(tt.in, Options{}).Runes); got != tt.want {
			t.Errorf("Clean(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestSpacedDigitsSpan checks that a number read across dropped spaces
// maps back to the whole written number, spaces included.
func TestSpacedDigitsSpan(t *testing.T) {
	in := "总值达到7 4 7 7 2 亿元，增长8 ．8 ％。"
	v := Clean(in, Options{})
	for _, tc := range []struct{ find, orig string }{
		{"74772亿元", "7 4 7 7 2 亿元"},
		{"8.8%", "8 ．8 ％"},
	} {
		i := strings.Index(string(v.Runes), tc.find)
		if i < 0 {
			t.Fatalf("Clean(%q) = %q has no %q", in, string(v.Runes), tc.find)
		}
		start := len([]rune(string(v.Runes)[:i]))
		s, e := v.OrigSpan(start, start+len([]rune(tc.find)))
		if got := string([]rune(in)[s:e]); got != tc.orig {
			t.Errorf("OrigSpan of %q = %q; want %q", tc.find, got, tc.orig)
		}
	}
}

// TestFoldChineseYears checks that a year in Chinese digits is written
// with ASCII digits, one for one, and that amounts are left alone.
func TestFoldChineseYears(t *testing.T) {
	tests := []struct{ in, want string }{
		{"一九八二年", "1982年"},
		{"一九八○年的", "1980年的"},
		{"二〇〇八年", "2008年"},
		{"一九八一、一九八二两年", "1981、1982两年"},
		{"一九五三年到一九五七年", "1953年到1957年"},
		{"一千九百八十二元", "一千九百八十二元"},
		{"一九八二五", "一九八二五"},
		{"十一九八二", "十一九八二"},
		{"一九八十", "一九八十"},
		{"三九八二年", "三九八二年"},
	}
	for _, tt := range tests {
		v := Clean(tt.in, Options{})
		if got := string(v.Runes); got != tt.want {
			t.Errorf("Clean(%q) = %q; want %q", tt.in, got, tt.want)
		}
		if len(v.Runes) != len([]rune(tt.in)) {
			t.Errorf("Clean(%q) has %d runes; want %d (one for one)", tt.in, len(v.Runes), len([]rune(tt.in)))
		}
	}
}

// TestPercentForms checks the written forms of percentages of SPEC 5.
func TestPercentForms(t *testing.T) {
	for _, tc := range []struct {
		text string
		exp  int
	}{{"百分之", 0}, {"千分之", -1}, {"‰", -1}, {"成", 1}} {
		u, ok := LookupUnit(tc.text)
		if !ok || u.Canonical != "percent" || u.Exp != tc.exp {
			t.Errorf("LookupUnit(%q) = %+v, %v; want percent with Exp %d", tc.text, u, ok, tc.exp)
		}
	}
}

// TestParseOlderNumerals checks numbers as the 1950s reports write them.
func TestParseOlderNumerals(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
	}{{"四百十一", 411}, {"一百十", 110}, {"三千零六十八", 3068}, {"一千三百八十七亿四千万", 138740000000}} {
		v, err := ParseNumber(tc.in)
		if err != nil || !v.IsInt() || v.Num().Int64() != tc.want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %d", tc.in, v, err, tc.want)
		}
	}
	for _, bad := range []string{"四百十十", "十百"} {
		if v, err := ParseNumber(bad); err == nil {
			t.Errorf("ParseNumber(%q) = %v; want an error", bad, v)
		}
	}
}
