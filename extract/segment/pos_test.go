package segment

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite dict/jieba.pos.slots and dict/jieba.pos.tags from dict/jieba.dict.utf8")

// TestPosTableFiles checks that the embedded tag table is the one of the
// embedded main dictionary; with -update it writes it:
//
//	go test ./extract/segment -run TestPosTableFiles -update
func TestPosTableFiles(t *testing.T) {
	slots, tags, err := buildPosTable(mainDict)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("dict/jieba.pos.slots", slots, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("dict/jieba.pos.tags", []byte(tags), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(slots, []byte(posSlots)) || tags != posTagNames {
		t.Errorf("dict/jieba.pos.slots (%d bytes) or dict/jieba.pos.tags (%q…) is not the table of dict/jieba.dict.utf8 (%d bytes, %d tags); run go test ./extract/segment -run TestPosTableFiles -update",
			len(posSlots), posTagNames[:min(20, len(posTagNames))], len(slots), strings.Count(tags, "\n"))
	}
}

// tagSegment is Segment as it was before the tag table: gojieba's Tag,
// each "word/tag" split at its last slash. It is the reference the tag
// table must agree with.
func tagSegment(x *Jieba, s string) []Token {
	if s == "" {
		return nil
	}
	if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		s = repair(s)
	}
	var toks []Token
	pos := 0
	for _, t := range x.j.Tag(s) {
		i := strings.LastIndexByte(t, '/')
		if i < 0 {
			continue
		}
		n := utf8.RuneCountInString(t[:i])
		toks = append(toks, Token{Text: t[:i], Start: pos, End: pos + n, POS: t[i+1:]})
		pos += n
	}
	return toks
}

// TestTagsAreJiebas checks that Segment (Tokenize and the tag table) gives
// the tokens and tags of gojieba's Tag: on every line of the bundled
// reports and the development set, on every word of the dictionaries (in
// pieces of 64 words joined by "，", at which jieba cuts anyway), and on
// random strings of Chinese characters, ASCII letters, digits, spaces,
// punctuation, supplementary-plane characters, NUL and invalid bytes.
func TestTagsAreJiebas(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var inputs []string
	paths, _ := filepath.Glob("../../corpus/*.txt")
	dev, _ := filepath.Glob("../../golden/dev/texts/*.txt")
	if len(paths) == 0 || len(dev) == 0 {
		t.Fatalf("no reports found: corpus %d, dev %d", len(paths), len(dev))
	}
	for _, p := range append(paths, dev...) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, strings.Split(string(b), "\n")...)
	}
	reports := len(inputs)

	files, err := dictSet()
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, f := range files {
		if f.name != dictFiles[0] && f.name != userDict {
			continue
		}
		for _, line := range strings.Split(string(f.data), "\n") {
			if w, _, _ := strings.Cut(line, " "); w != "" {
				words = append(words, w)
			}
		}
	}
	if len(words) < 300000 {
		t.Fatalf("read %d dictionary words; want the whole dictionary", len(words))
	}
	// with -short (make test-race), every 16th run of 64 words and of
	// the report lines: the race detector makes the whole take 20 s
	step := 1
	if testing.Short() {
		step = 16
		inputs = sampled(inputs, step)
	}
	for i := 0; i < len(words); i += 64 * step {
		inputs = append(inputs, strings.Join(words[i:min(i+64, len(words))], "，"))
	}

	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"0", "1", "9", ".", "%", "a", "Z", "x", " ", "\t", "，", "。", "、", "：", "（", "）", "/", "-", "𠀀", "\x00", "\xff", "万", "亿", "元"}
	for _, w := range words[:2000] {
		alphabet = append(alphabet, w)
	}
	for range 5000 / step {
		var b strings.Builder
		for range rng.IntN(12) + 1 {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		inputs = append(inputs, b.String())
	}

	bad := 0
	for i, in := range inputs {
		got, want := x.Segment(in), tagSegment(x, in)
		if !slices.Equal(got, want) {
			bad++
			if bad <= 10 {
				t.Errorf("input %d (%q): Segment gives %v; want Tag's %v", i, in, got, want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d inputs differ from Tag", bad, len(inputs))
	}
	t.Logf("%d inputs (of %d report lines, %d dictionary words, random strings; 1 in %d): all as Tag", len(inputs), reports, len(words), step)
}

// TestSpecialRule checks specialRule against cppjieba's PosTagger::SpecialRule
// worked by hand.
func TestSpecialRule(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"5", "x"},      // one code point: nothing counted
		{"12", "m"},     // one of two counted, a digit
		{"ab", "eng"},   // one of two counted, a letter
		{"1a", "m"},     // only the first is counted (eng reaches 2/2 = 1)
		{"a1", "eng"},   // only a is counted
		{"项目", "x"},     // no ASCII
		{"3个项目", "m"},   // 3 counted, then 4/2 = 2 > 1 lets 个 in
		{"个3项目", "m"},   // 个 does not count towards the half
		{"5G基站", "eng"}, // 5 and G counted (eng 1 < 4/2), then eng 2 stops: not all digits
		{"G5基站", "eng"}, // G and 5 counted
	} {
		if got := specialRule(tt.in); got != tt.want {
			t.Errorf("specialRule(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestTagCache checks that a tag cache gives the tag table's tags, for
// words met once and again, words that share a slot and words too long
// for a slot.
func TestTagCache(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"增长", "亿元", "%", "a", "2.1", "国内生产总值", "中华人民共和国国民经济", "规模以上工业增加值增长", "x"}
	for i := 0; i < 3*tagCacheSlots; i++ {
		words = append(words, fmt.Sprint(i)) // more words than slots: some share one
	}
	c := new(tagCache)
	for round := 0; round < 2; round++ {
		for _, w := range words {
			if got, want := c.tag(x.pos, w), x.pos.tag(w); got != want {
				t.Fatalf("round %d: tag(%q) = %q, want %q", round, w, got, want)
			}
		}
	}
}

// sampled returns every step-th element of s, from the first.
func sampled[T any](s []T, step int) []T {
	var out []T
	for i := 0; i < len(s); i += step {
		out = append(out, s[i])
	}
	return out
}
