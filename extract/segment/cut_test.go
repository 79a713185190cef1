package segment

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yanyiwu/gojieba"
)

// reference returns the gojieba instance of Default, the reference of the
// Go cut.
func reference(t testing.TB) (*Jieba, *gojieba.Jieba) {
	t.Helper()
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	j, err := x.Gojieba()
	if err != nil {
		t.Fatal(err)
	}
	return x, j
}

// tokenizeSegment is Segment as it was before the Go cut: gojieba's
// Tokenize, the tags from the tag table of pos.go.
func tokenizeSegment(x *Jieba, j *gojieba.Jieba, s string) []Token {
	if s == "" {
		return nil
	}
	if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		s = repair(s)
	}
	words := j.Tokenize(s, gojieba.DefaultMode, true)
	toks := make([]Token, len(words))
	pos := 0
	for i, w := range words {
		n := utf8.RuneCountInString(w.Str)
		toks[i] = Token{Text: w.Str, Start: pos, End: pos + n, POS: x.pos.tag(w.Str)}
		pos += n
	}
	return toks
}

// cutInputs are the strings the cut is compared on: every line of the
// bundled reports and the development set (and of the *.txt files of the
// directories in GWR_CUT_DIRS, separated by colons), the dictionaries'
// words in pieces of 64 joined by "，" and by nothing, and random strings
// of Chinese characters, ASCII letters, digits, blanks, punctuation,
// supplementary-plane characters, NUL, invalid bytes and dictionary words.
func cutInputs(t testing.TB) (inputs []string, lines int) {
	paths, _ := filepath.Glob("../../corpus/*.txt")
	dev, _ := filepath.Glob("../../golden/dev/texts/*.txt")
	if len(paths) == 0 || len(dev) == 0 {
		t.Fatalf("no reports found: corpus %d, dev %d", len(paths), len(dev))
	}
	paths = append(paths, dev...)
	for _, d := range filepath.SplitList(os.Getenv("GWR_CUT_DIRS")) {
		more, _ := filepath.Glob(filepath.Join(d, "*.txt"))
		paths = append(paths, more...)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, strings.Split(string(b), "\n")...)
	}
	lines = len(inputs)
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
	for i := 0; i < len(words); i += 64 {
		inputs = append(inputs, strings.Join(words[i:min(i+64, len(words))], "，"))
		inputs = append(inputs, strings.Join(words[i:min(i+64, len(words))], ""))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"0", "1", "9", ".", "%", "a", "Z", "x", " ", "\t", "\n", "，", "。", "、", "：", "（", "）", "/", "-", "𠀀", "\x00", "\xff", "万", "亿", "元", "ａ", "１"}
	for _, w := range words[:2000] {
		alphabet = append(alphabet, w)
	}
	for k := range 20000 {
		var b strings.Builder
		for range rng.IntN(12) + 1 {
			if k%2 == 0 {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			} else {
				b.WriteString(words[rng.IntN(len(words))])
			}
		}
		inputs = append(inputs, b.String())
	}
	return inputs, lines
}

// TestCutIsJiebas checks that Segment (the Go cut of cut.go) gives the
// words of gojieba's Tokenize, with the tags of the tag table, on
// cutInputs: more reports with GWR_CUT_DIRS, e.g.
//
//	GWR_CUT_DIRS=$PWD/bench/data/50mb go test ./extract/segment -run TestCutIsJiebas
func TestCutIsJiebas(t *testing.T) {
	x, j := reference(t)
	inputs, lines := cutInputs(t)
	bad := 0
	for i, in := range inputs {
		got, want := x.Segment(in), tokenizeSegment(x, j, in)
		if !slices.Equal(got, want) {
			bad++
			if bad <= 10 {
				t.Errorf("input %d (%q): Segment gives %v; want Tokenize's %v", i, in, got, want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d inputs differ from Tokenize", bad, len(inputs))
	}
	t.Logf("%d report lines, %d other strings: all as Tokenize", lines, len(inputs)-lines)
}
