package extract

import (
	"testing"

	"github.com/dlclark/regexp2"
)

func TestTrieRegex(t *testing.T) {
	words := []string{"千瓦", "千瓦时", "千米", "个", "个百分点", "米", "ug/m3", "m2", "%"}
	re := regexp2.MustCompile(`^(?:`+trieRegex(words)+`)`, regexp2.None)
	tests := []struct{ in, want string }{
		{"千瓦时以上", "千瓦时"},
		{"千瓦，", "千瓦"},
		{"千米", "千米"},
		{"个百分点", "个百分点"},
		{"个百分", "个"},
		{"米", "米"},
		{"ug/m3", "ug/m3"},
		{"m2", "m2"},
		{"%左右", "%"},
		{"千克", ""},
	}
	for _, tt := range tests {
		m, _ := re.FindStringMatch(tt.in)
		got := ""
		if m != nil {
			got = m.String()
		}
		if got != tt.want {
			t.Errorf("trie match of %q = %q; want %q", tt.in, got, tt.want)
		}
	}
}
