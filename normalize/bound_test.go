package normalize

import (
	"slices"
	"testing"

	"github.com/dlclark/regexp2/v2"
	"github.com/stretchr/testify/require"
)

func TestLookupBound(t *testing.T) {
	tests := []struct {
		word   string
		before bool
		want   string // "" for not a bound word
	}{
		{"以上", false, "ge"},
		{"不少于", true, "ge"},
		{"不低于", true, "ge"},
		{"至少", true, "ge"},
		{"超过", true, "gt"},
		{"突破", true, "gt"},
		{"超", true, "gt"},
		{"余", false, "gt"},
		{"多", false, "gt"},
		{"以内", false, "le"},
		{"以下", false, "le"},
		{"不超过", true, "le"},
		{"不高于", true, "le"},
		{"低于", true, "lt"},
		{"不到", true, "lt"},
		{"左右", false, "approx"},
		{"约", true, "approx"},
		{"大约", true, "approx"},
		{"近", true, "approx"},
		{"上下", false, "approx"},
		// wrong side or not a bound
		{"以上", true, ""},
		{"不少于", false, ""},
		{"达", true, ""},
		{"达到", true, ""},
		{"控制在", true, ""},
		{"", true, ""},
	}
	for _, tt := range tests {
		got, ok := LookupBound(tt.word, tt.before)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("LookupBound(%q, %v) = %q, %v; want %q, %v", tt.word, tt.before, got, ok, tt.want, tt.want != "")
		}
	}
}

func TestBoundWords(t *testing.T) {
	seen := map[BoundWord]bool{}
	for _, b := range BoundWords {
		if !slices.Contains([]string{"ge", "gt", "le", "lt", "approx"}, b.Bound) || b.Bound == "eq" || b.Bound == "range" {
			t.Errorf("bound word %q: bound %q", b.Word, b.Bound)
		}
		key := BoundWord{Word: b.Word, Before: b.Before}
		if seen[key] {
			t.Errorf("bound word %q (before=%v) is listed twice", b.Word, b.Before)
		}
		seen[key] = true
	}
}

func TestBoundPattern(t *testing.T) {
	for _, before := range []bool{true, false} {
		re, err := regexp2.Compile(`^`+BoundPattern(before), regexp2.None)
		require.NoError(t, err)
		for _, b := range BoundWords {
			m, err := re.FindStringMatch(b.Word)
			require.NoError(t, err)
			matched := m != nil && m.String() == b.Word
			if matched != (b.Before == before) {
				t.Errorf("BoundPattern(%v) on %q matched %v; want whole match %v", before, b.Word, m, b.Before == before)
			}
		}
	}
	// Longest first: 不超过 is not 超 after 不, 大约 not 约.
	re := regexp2.MustCompile(BoundPattern(true), regexp2.None)
	for in, want := range map[string]string{"不超过5%": "不超过", "大约3个": "大约", "超过10家": "超过"} {
		m, err := re.FindStringMatch(in)
		require.NoError(t, err)
		if m == nil || m.String() != want {
			t.Errorf("BoundPattern(true) on %q matched %v; want %q", in, m, want)
		}
	}
}
