package normalize

import (
	"strings"
	"testing"
)

// TestIsHeadingString checks IsHeadingString against IsHeading of the
// line's code points: short and long lines, clause marks at the end,
// lines of exactly HeadingMaxRunes code points of 1, 3 and 4 bytes, and
// invalid UTF-8 (each bad byte one code point).
func TestIsHeadingString(t *testing.T) {
	lines := []string{
		"", "一、2023年工作回顾", "全年地区生产总值增长5%。", "主要预期目标：", "（一）",
		strings.Repeat("a", HeadingMaxRunes), strings.Repeat("a", HeadingMaxRunes+1),
		strings.Repeat("经", HeadingMaxRunes), strings.Repeat("经", HeadingMaxRunes+1),
		strings.Repeat("𠀀", HeadingMaxRunes), strings.Repeat("𠀀", HeadingMaxRunes+1),
		"标题\xe4\xb8", "\xff", strings.Repeat("\xff", HeadingMaxRunes+1), "标题，", "标题;",
	}
	for _, l := range lines {
		if got, want := IsHeadingString(l), IsHeading([]rune(l)); got != want {
			t.Errorf("IsHeadingString(%q) = %v, want %v (IsHeading of its code points)", l, got, want)
		}
	}
}
