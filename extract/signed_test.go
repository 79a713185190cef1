package extract

import (
	"strings"
	"testing"
)

// TestSigned checks which signs before a number are minus signs: a
// number's position is marked by the first digit after "|".
func TestSigned(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"增长-|2.1%", true},
		{"增长负|2.1%", true},
		{"为负|2.1%", true},
		{"负|3%", true},
		{"3-|5", false},        // a range
		{"G-|5", false},        // a code
		{"为企业减负|100亿元", false}, // 减负 is a word
		{"降低企业税负|5700亿元", false},
		{"正负|2", false},
		{"增长|2.1%", false},
	}
	for _, tc := range tests {
		i := strings.Index(tc.text, "|")
		s := []rune(tc.text[:i] + tc.text[i+1:])
		pos := len([]rune(tc.text[:i]))
		if got := signed(s, pos); got != tc.want {
			t.Errorf("signed(%q at %d) = %v, want %v", string(s), pos, got, tc.want)
		}
	}
}
