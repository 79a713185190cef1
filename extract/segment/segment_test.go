package segment

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yanyiwu/gojieba"
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
			if got, want := tok.Runes(), utf8.RuneCountInString(tok.Text); got != want {
				t.Errorf("Segment(%q): token %q has %d runes; want %d", tt.in, tok.Text, got, want)
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

// TestRuneCount checks runeCount against utf8.RuneCountInString on every
// code point as a string, alone and between two others of each length.
func TestRuneCount(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		for _, s := range []string{string(r), "a" + string(r) + "增", "é" + string(r) + "𠀀"} {
			if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
				t.Fatalf("runeCount(%+q) = %d; want %d", s, got, want)
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

// TestSegmentEach checks that SegmentEach cuts each part as Segment does,
// on the clauses of the bundled reports (their text cut at ，。；、：and
// newlines, the pieces Extract gives jieba) in runs of several sizes and
// on parts with separators, blanks, newlines, invalid UTF-8 and NUL.
func TestSegmentEach(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob("../../corpus/*.txt")
	var clauses []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		clauses = append(clauses, strings.FieldsFunc(string(b), func(r rune) bool { return strings.ContainsRune("，。；、：\n", r) })...)
	}
	if testing.Short() {
		clauses = sampled(clauses, 8) // make test-race: the whole takes 10 s there
	}
	odd := []string{"", " ", "\n", "a b\tc", "新增，企业。", " 增长 ", "两行\n文字", "含\x00空字符", "坏\xff字节", "\n\n", "末尾\n", "2.5%", "，"}
	valid := slices.DeleteFunc(slices.Clone(odd), func(p string) bool { return !utf8.ValidString(p) })
	runs := [][]string{odd, append(append([]string{}, odd...), odd...), valid}
	for n := 1; n <= 64; n *= 4 {
		for i := 0; i < len(clauses); i += n {
			runs = append(runs, clauses[i:min(i+n, len(clauses))])
		}
	}
	runs = append(runs, clauses) // more than eachBytes
	for _, parts := range runs {
		got := x.SegmentEach(parts)
		if len(got) != len(parts) {
			t.Fatalf("SegmentEach(%d parts) returned %d", len(parts), len(got))
		}
		for i, p := range parts {
			if want := x.Segment(p); !reflect.DeepEqual(got[i], want) {
				t.Errorf("SegmentEach: part %q cut as %v; Segment gives %v", p, got[i], want)
			}
		}
		if !slices.ContainsFunc(parts, func(p string) bool { return !utf8.ValidString(p) }) {
			if v := x.SegmentEachValid(parts); !reflect.DeepEqual(v, got) {
				t.Errorf("SegmentEachValid(%d parts) = %v; SegmentEach gives %v", len(parts), v, got)
			}
		}
	}
}

// TestCutIsTokenize checks that cut gives the words of gojieba's Cut(s,
// true), the Go method it stands for, and of Tokenize(s, DefaultMode,
// true), at Tokenize's offsets, and that they follow one another from the
// start of s to its end: on every line of the bundled reports, on their
// text joined in pieces of up to eachBytes as SegmentEach joins clauses,
// and on random strings of characters, blanks, separators and newlines
// (valid UTF-8 without NUL, as repaired).
func TestCutIsTokenize(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob("../../corpus/*.txt")
	if len(paths) == 0 {
		t.Fatal("no bundled reports")
	}
	var inputs []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		inputs = append(inputs, strings.Split(text, "\n")...)
		for len(text) > 0 {
			n := min(len(text), eachBytes)
			for n < len(text) && !utf8.RuneStart(text[n]) {
				n++
			}
			inputs = append(inputs, text[:n])
			text = text[n:]
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"0", "9", ".", "%", "a", "Z", " ", "  ", "\t", "\n", "\r\n", "，", "。", "、", "增长", "亿元", "𠀀", "\ufffd", "高新技术企业"}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(16) + 1 {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}
	for _, s := range inputs {
		if s == "" {
			continue
		}
		words, want, strs := x.cut(s), x.j.Tokenize(s, gojieba.DefaultMode, true), x.j.Cut(s, true)
		if len(words) != len(want) || len(words) != len(strs) {
			t.Fatalf("cut(%q) gives %d words; Tokenize %d, gojieba's Cut %d", s, len(words), len(want), len(strs))
		}
		at := 0
		for i := range words {
			start, end := words[i].span()
			w := words[i].in(s)
			if w != want[i].Str || start != want[i].Start || end != want[i].End || start != at || w != strs[i] {
				t.Fatalf("cut(%q): word %d is %q at %d; Tokenize's %q at %d, gojieba's Cut %q", s, i, w, start, want[i].Str, want[i].Start, strs[i])
			}
			at = end
		}
		freeWords(words)
		if at != len(s) {
			t.Fatalf("cut(%q): the words end at %d; want %d", s, at, len(s))
		}
	}
}

// TestJiebaHandleFirst checks what cut assumes of gojieba's Jieba: its
// first field is the cppjieba instance, a C pointer (C.Jieba, void*).
func TestJiebaHandleFirst(t *testing.T) {
	f := reflect.TypeFor[gojieba.Jieba]().Field(0)
	if f.Name != "jieba" || f.Offset != 0 || f.Type.Kind() != reflect.UnsafePointer {
		t.Fatalf("gojieba.Jieba's first field is %s %s at %d; cut reads a C pointer there", f.Name, f.Type, f.Offset)
	}
}
