package match

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

// spans builds facts from [start, end) pairs.
func spans(se ...int32) []schema.Fact {
	var fs []schema.Fact
	for i := 0; i+1 < len(se); i += 2 {
		fs = append(fs, schema.Fact{Start: se[i], End: se[i+1]})
	}
	return fs
}

func TestOverlap(t *testing.T) {
	tests := []struct {
		name string
		a, b []int32
		want int
	}{
		{"same", []int32{10, 15}, []int32{10, 15}, 5},
		{"inside", []int32{10, 15}, []int32{11, 13}, 2},
		{"partial", []int32{10, 15}, []int32{13, 20}, 2},
		{"touching", []int32{10, 15}, []int32{15, 20}, 0},
		{"apart", []int32{10, 15}, []int32{30, 31}, 0},
		{"empty span", []int32{12, 12}, []int32{10, 15}, 0},
	}
	for _, tt := range tests {
		a, b := spans(tt.a...)[0], spans(tt.b...)[0]
		if got := Overlap(a, b); got != tt.want {
			t.Errorf("%s: Overlap(%v, %v) = %d; want %d", tt.name, tt.a, tt.b, got, tt.want)
		}
		if got := Overlap(b, a); got != tt.want {
			t.Errorf("%s: Overlap(%v, %v) = %d; want %d", tt.name, tt.b, tt.a, got, tt.want)
		}
	}
}

func TestPairs(t *testing.T) {
	tests := []struct {
		name string
		a, b []schema.Fact
		want []Pair
	}{
		{
			name: "identical spans",
			a:    spans(0, 4, 10, 14),
			b:    spans(10, 14, 0, 4),
			want: []Pair{{0, 1}, {1, 0}},
		},
		{
			name: "no overlap no pair",
			a:    spans(0, 4),
			b:    spans(4, 8),
			want: nil,
		},
		{
			// b0 overlaps a0 by 1 and a1 by 4: the larger overlap wins and a0
			// stays unpaired, although a0 comes first.
			name: "larger overlap first",
			a:    spans(0, 5, 5, 9),
			b:    spans(4, 9),
			want: []Pair{{1, 0}},
		},
		{
			// a0 overlaps b0 by 3 and b1 by 2; a1 overlaps only b0, by 2.
			// Greedy on overlap gives a0-b0 first, leaving a1 unpaired and b1
			// unpaired too, since a0 is taken.
			name: "one to one",
			a:    spans(0, 5, 5, 7),
			b:    spans(2, 7, 0, 2),
			want: []Pair{{0, 0}},
		},
		{
			// Two predictions cover the same gold span: only one is paired.
			name: "duplicate predictions",
			a:    spans(10, 14),
			b:    spans(10, 14, 10, 14),
			want: []Pair{{0, 0}},
		},
		{
			// b0 = [3,7) overlaps a0 = [0,5) and a1 = [5,9) by 2 each: the tie
			// goes to the smaller start in a.
			name: "tie broken by start",
			a:    spans(5, 9, 0, 5),
			b:    spans(3, 7),
			want: []Pair{{1, 0}},
		},
		{
			// Equal spans in a: the tie goes to the smaller index.
			name: "tie broken by index",
			a:    spans(3, 7, 3, 7),
			b:    spans(3, 7),
			want: []Pair{{0, 0}},
		},
	}
	for _, tt := range tests {
		got := Pairs(tt.a, tt.b)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Pairs() = %v; want %v", tt.name, got, tt.want)
		}
	}
}

func TestSentence(t *testing.T) {
	text := []rune("回顾过去。新增高新技术企业10家以上；城镇登记失业率控制在4.5%以内\n下一段")
	tests := []struct {
		name       string
		start, end int
		want       string
	}{
		{"middle sentence keeps its end", 13, 18, "新增高新技术企业【10家以上】；"},
		{"newline ends without being kept", 29, 33, "城镇登记失业率控制在【4.5%】以内"},
		{"first sentence", 0, 2, "【回顾】过去。"},
		{"last line has no end", 37, 39, "下【一段】"},
		{"out of range", 30, 99, ""},
	}
	for _, tt := range tests {
		if got := Sentence(text, tt.start, tt.end); got != tt.want {
			t.Errorf("%s: Sentence(%d, %d) = %q; want %q", tt.name, tt.start, tt.end, got, tt.want)
		}
	}

	// ASCII ends, as some reports use; the full stop is a decimal point.
	text = []rune("产业链,突出抓好100万吨乙烯;增长6.5%左右.下一句!")
	tests = []struct {
		name       string
		start, end int
		want       string
	}{
		{"ASCII semicolon", 8, 13, "产业链,突出抓好【100万吨】乙烯;"},
		{"ASCII full stop is not an end", 18, 22, "增长【6.5%】左右.下一句!"},
	}
	for _, tt := range tests {
		if got := Sentence(text, tt.start, tt.end); got != tt.want {
			t.Errorf("%s: Sentence(%d, %d) = %q; want %q", tt.name, tt.start, tt.end, got, tt.want)
		}
	}
}

func TestSentenceCutsLongContext(t *testing.T) {
	long := []rune(string(slices.Repeat([]rune("长"), 100)) + "5家" + string(slices.Repeat([]rune("长"), 100)))
	got := []rune(Sentence(long, 100, 102))
	want := 1 + maxSide + len([]rune("【5家】")) + maxSide + 1 // an ellipsis, a side, the marked mention, a side, an ellipsis
	if len(got) != want || got[0] != '…' || got[len(got)-1] != '…' {
		t.Errorf("Sentence(long) = %q (%d code points); want %d code points with an ellipsis at each end", string(got), len(got), want)
	}
}

func TestMark(t *testing.T) {
	tests := []struct {
		sentence, mention, want string
	}{
		{"新增企业10家以上。", "10家以上", "新增企业【10家以上】。"},
		{"增长8%、8%", "8%", "增长【8%】、8%"},
		{"增长8%", "9%", "增长8% 【9%】"},
		{"", "9%", "【9%】"},
	}
	for _, tt := range tests {
		if got := Mark(tt.sentence, tt.mention); got != tt.want {
			t.Errorf("Mark(%q, %q) = %q; want %q", tt.sentence, tt.mention, got, tt.want)
		}
	}
}

func TestReadText(t *testing.T) {
	dir := t.TempDir()
	want := "新增10家"
	files := map[string][]byte{
		"utf8.txt":    []byte(want),
		"utf8bom.txt": append([]byte{0xEF, 0xBB, 0xBF}, want...),
		"gb18030.txt": {0xD0, 0xC2, 0xD4, 0xF6, '1', '0', 0xBC, 0xD2},
		"utf16le.txt": {0xFF, 0xFE, 0xB0, 0x65, 0x9E, 0x58, '1', 0, '0', 0, 0xB6, 0x5B},
		"utf16be.txt": {0xFE, 0xFF, 0x65, 0xB0, 0x58, 0x9E, 0, '1', 0, '0', 0x5B, 0xB6},
	}
	for name, b := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadText(path)
		if err != nil {
			t.Errorf("ReadText(%s): %v", name, err)
			continue
		}
		if string(got) != want {
			t.Errorf("ReadText(%s) = %q; want %q", name, string(got), want)
		}
	}
	if _, err := ReadText(filepath.Join(dir, "missing.txt")); err == nil {
		t.Errorf("ReadText(missing) gave no error")
	}
}
