package segment

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSegmentOffsets(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want []string // words expected among the tokens
	}{
		{"新增高新技术企业10家以上", []string{"新增", "高新技术企业", "10", "家", "以上"}},
		{"地区生产总值增长6.5%左右", []string{"地区生产总值", "增长", "6.5"}},
		{"比重提高2个百分点", []string{"个百分点"}},
		{"城镇登记失业率控制在4.5%以内", []string{"城镇登记失业率", "控制在"}},
		{"a b\tc", nil},
		{"含\x00空字符", nil},
		{"坏\xff字节", nil},
	}
	for _, tt := range tests {
		toks := x.Segment(tt.in)
		n := utf8.RuneCountInString(tt.in)
		if len(toks) == 0 || toks[0].Start != 0 || toks[len(toks)-1].End != n {
			t.Errorf("Segment(%q) covers %v; want [0,%d)", tt.in, toks, n)
		}
		runes := []rune(repair(tt.in))
		words := map[string]bool{}
		for i, tok := range toks {
			if i > 0 && tok.Start != toks[i-1].End {
				t.Errorf("Segment(%q): token %d starts at %d; want %d", tt.in, i, tok.Start, toks[i-1].End)
			}
			if got := string(runes[tok.Start:tok.End]); got != tok.Text {
				t.Errorf("Segment(%q): span [%d,%d) = %q; want %q", tt.in, tok.Start, tok.End, got, tok.Text)
			}
			words[tok.Text] = true
		}
		for _, w := range tt.want {
			if !words[w] {
				t.Errorf("Segment(%q) = %v; want the word %q", tt.in, toks, w)
			}
		}
	}
}

func TestDefaultShared(t *testing.T) {
	a, _ := Default()
	b, _ := Default()
	if a != b {
		t.Errorf("Default() returned two instances; want one shared")
	}
	if !strings.Contains(string(UserDict()), "高新技术企业") {
		t.Errorf("UserDict() lacks the domain vocabulary")
	}
}

// TestSegmentAllEqualsSegment checks SegmentAll against one Segment per
// part, token for token, over the bundled reports and development texts cut at
// random (clauses, words, separators, spaces, digits and Latin letters
// at either end) and odd strings: empty, only separators, invalid UTF-8,
// NUL. No batch may need its fallback: splitBatch must accept each.
func TestSegmentAllEqualsSegment(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob("../../corpus/*.txt")
	dev, err2 := filepath.Glob("../../golden/dev/texts/*.txt")
	paths = append(paths, dev...)
	if err != nil || err2 != nil || len(paths) < 10 {
		t.Fatalf("bundled reports and development texts: %d found (%v, %v); want at least 10", len(paths), err, err2)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	parts := []string{"", "，", "。", " ", "，，", "a b", "\t增长\n", "含\x00空字符", "坏\xff字节", "\xe4\xb8", "2025年", "GDP增长5%", "，新增", "新增，"}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r := []rune(string(b))
		for i := 0; i < len(r); {
			n := 1 + rng.IntN(40)
			parts = append(parts, string(r[i:min(len(r), i+n)]))
			i += n
		}
	}
	var want [][]Token
	for _, p := range parts {
		want = append(want, x.Segment(p))
	}
	got := x.SegmentAll(parts)
	if len(got) != len(want) {
		t.Fatalf("SegmentAll gave %d parts; want %d", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("SegmentAll part %d %q = %v; want %v (Segment)", i, parts[i], got[i], want[i])
		}
	}
	for from := 0; from < len(parts); from += 97 {
		batch := parts[from:min(len(parts), from+97)]
		var b strings.Builder
		for _, p := range batch {
			b.WriteString(repair(p) + batchSep)
		}
		if !splitBatch(x.Segment(b.String()), batch, make([][]Token, len(batch))) {
			t.Errorf("splitBatch rejected the batch of parts %d..%d; want it to fall apart at the separators", from, from+len(batch))
		}
	}
}

// TestSplitBatchRejects checks that tokens that do not fall apart at the
// separators are refused (SegmentAll then segments each part alone).
func TestSplitBatchRejects(t *testing.T) {
	parts := []string{"新增", "企业"}
	tests := []struct {
		name string
		toks []Token
	}{
		{"word across the separator", []Token{{"新增，", 0, 3, "x"}, {"企业", 3, 5, "n"}, {"，", 5, 6, "x"}}},
		{"no separator word", []Token{{"新增", 0, 2, "v"}, {"企业", 2, 4, "n"}, {"，", 4, 5, "x"}}},
		{"other mark", []Token{{"新增", 0, 2, "v"}, {"；", 2, 3, "x"}, {"企业", 3, 5, "n"}, {"，", 5, 6, "x"}}},
		{"missing last separator", []Token{{"新增", 0, 2, "v"}, {"，", 2, 3, "x"}, {"企业", 3, 5, "n"}}},
		{"tokens left over", []Token{{"新增", 0, 2, "v"}, {"，", 2, 3, "x"}, {"企业", 3, 5, "n"}, {"，", 5, 6, "x"}, {"多", 6, 7, "m"}}},
	}
	for _, tt := range tests {
		if splitBatch(tt.toks, parts, make([][]Token, len(parts))) {
			t.Errorf("splitBatch(%s) = true; want false", tt.name)
		}
	}
	ok := []Token{{"新增", 0, 2, "v"}, {"，", 2, 3, "x"}, {"企业", 3, 5, "n"}, {"，", 5, 6, "x"}}
	out := make([][]Token, 2)
	if !splitBatch(ok, parts, out) {
		t.Fatalf("splitBatch(well formed) = false; want true")
	}
	if want := (Token{"企业", 0, 2, "n"}); len(out[1]) != 1 || out[1][0] != want {
		t.Errorf("splitBatch part 1 = %v; want [%v]", out[1], want)
	}
}
