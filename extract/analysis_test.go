package extract

import (
	"slices"
	"testing"
)

// TestRuneOffsetsOf checks runeOffsetsOf against runeOffsets of the string
// the code points convert to, invalid code points (a surrogate, one past
// the last) included.
func TestRuneOffsetsOf(t *testing.T) {
	for _, s := range [][]rune{nil, []rune("全年增长5.5%"), []rune("a€𠀀b"), {0xD800, 'x', 0x110000, '好'}, {-1}} {
		if got, want := runeOffsetsOf(s), runeOffsets(string(s)); !slices.Equal(got, want) {
			t.Errorf("runeOffsetsOf(%q) = %v, want %v", string(s), got, want)
		}
	}
}
