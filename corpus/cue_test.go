package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// appendFiles appends the text of each file to texts.
func appendFiles(t *testing.T, texts, files []string) []string {
	t.Helper()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	return texts
}

// TestIndexIsStringsIndex checks index and count against strings.Index and
// strings.Count: the keys InferMeta looks for, and pieces cut at random
// (whole characters or not) out of the reports of testdata.
func TestIndexIsStringsIndex(t *testing.T) {
	files, err := filepath.Glob("testdata/extra/*")
	if err != nil || len(files) < 10 {
		t.Fatalf("testdata/extra: %d files, %v; want at least 10", len(files), err)
	}
	texts := []string{"", "a", "aa", "aaa", "ab", "长长长", "届人民代表大会届人大", "人民政府人民", "代表代", "代\xa3\xa3a"}
	texts = appendFiles(t, texts, files)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, text := range texts {
		keys := []string{"a", "aa", "长", "主席", "届人民代表大会", "届人大", "人民政府", "政府工作报告", "各位代表", "我代表", "代表", "人大", "全县", "全市", "国务院", "\n\n", "ab", "\x80\x80", "\xa3a"}
		for range 100 {
			if len(text) == 0 {
				break
			}
			i := rng.IntN(len(text))
			keys = append(keys, text[i:min(len(text), i+1+rng.IntN(12))])
		}
		for _, key := range keys {
			if got, want := index(text, key), strings.Index(text, key); got != want {
				t.Fatalf("index(text of %d bytes, %q) = %d, want %d", len(text), key, got, want)
			}
			if got, want := count(text, key), strings.Count(text, key); got != want {
				t.Fatalf("count(text of %d bytes, %q) = %d, want %d", len(text), key, got, want)
			}
		}
	}
}

// TestRarestByte checks the byte index looks for: a key's rarest
// continuation byte, else its last byte.
func TestRarestByte(t *testing.T) {
	for _, tt := range []struct {
		key  string
		want int
	}{
		{"ab", 1},
		{"代表", 2},    // 代 is E4 BB A3: 0xA3 is rarer than any byte of 表
		{"届人大", 7},   // 大 is E5 A4 A7: 0xA4
		{"我代表", 5},   // 代's 0xA3 again
		{"a\xe5", 1}, // lead bytes count as common
	} {
		if got := rarestByte(tt.key); got != tt.want {
			t.Errorf("rarestByte(%q) = %d, want %d", tt.key, got, tt.want)
		}
	}
}

// TestUTF8Prefix checks utf8Prefix's count of the valid prefix and of its
// multi-byte sequences against decoding rune by rune.
func TestUTF8Prefix(t *testing.T) {
	for _, s := range []string{"", "abc", "增长6.5%", "𝑥é增", "增长\xff增", "abc\xe5\xa2", "\xc0\x80", "\xed\xa0\x80x", "é\xf4\x90\x80\x80"} {
		valid, multi := 0, 0
		for valid < len(s) {
			r, size := utf8.DecodeRuneInString(s[valid:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			if size > 1 {
				multi++
			}
			valid += size
		}
		if v, m := utf8Prefix([]byte(s)); v != valid || m != multi {
			t.Errorf("utf8Prefix(%q) = %d, %d; want %d, %d", s, v, m, valid, multi)
		}
	}
}

// TestControlBytesWordAtATime checks checkControlBytes, which reads 32
// bytes at a time, then eight, against checkControlBytesSlow: every byte
// value at every offset of texts of 1 to 72 bytes (two blocks of 32 and
// words after them), and random texts.
func TestControlBytesWordAtATime(t *testing.T) {
	same := func(b []byte) {
		t.Helper()
		got, want := fmt.Sprint(checkControlBytes(b, 7)), fmt.Sprint(checkControlBytesSlow(b, 7))
		if got != want {
			t.Errorf("checkControlBytes(%q) = %s, want %s", b, got, want)
		}
	}
	for n := 1; n <= 72; n++ {
		for at := 0; at < n; at++ {
			for c := 0; c < 256; c++ {
				b := bytes.Repeat([]byte("增"), n)[:n]
				b[at] = byte(c)
				same(b)
			}
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20000; i++ {
		b := make([]byte, rng.IntN(160))
		for j := range b {
			b[j] = byte(0x20 + rng.IntN(224))
			if rng.IntN(30) == 0 {
				b[j] = byte(rng.IntN(0x20))
			}
		}
		same(b)
	}
}

// TestUTF8PrefixLong checks utf8Prefix's count of multi-byte sequences,
// eight bytes at a time, on valid texts of every length up to 64 bytes.
func TestUTF8PrefixLong(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("a1,增长𝑥é\n。")
	for i := 0; i < 20000; i++ {
		var b []byte
		for len(b) < rng.IntN(64) {
			b = utf8.AppendRune(b, alphabet[rng.IntN(len(alphabet))])
		}
		multi := 0
		for _, r := range string(b) {
			if r >= utf8.RuneSelf {
				multi++
			}
		}
		if v, m := utf8Prefix(b); v != len(b) || m != multi {
			t.Errorf("utf8Prefix(%q) = %d, %d; want %d, %d", b, v, m, len(b), multi)
		}
	}
}

// BenchmarkControlBytes checks a report for control bytes 32 bytes at a
// time (checkControlBytes), eight at a time (checkControlWords, as
// before) and a byte at a time (checkControlBytesSlow).
func BenchmarkControlBytes(b *testing.B) {
	data, err := os.ReadFile("../corpus/002_8301e86fb68a1f77.txt")
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		check func([]byte, int) error
	}{{"block", checkControlBytes}, {"word", checkControlWords}, {"byte", checkControlBytesSlow}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := c.check(data, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// metaTexts are the bundled reports and short texts written for the cheap
// tests in front of InferMeta's patterns (cue.Need, mayOpenWithYear,
// the cue of speechMarks, levelFromScope's one pass).
func metaTexts(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.txt")
	if err != nil || len(files) < 5 {
		t.Fatalf("bundled reports: %d files, %v; want 5", len(files), err)
	}
	texts := []string{
		"", "年月日人大", "2023年1月5日在某区第九届人大", "二〇二三年一月五日上午在某县第十八届人民代表大会",
		"2022年12月28日在某某县第十八届人民代表大会", "2022年12月28日。在某县人大", "1月5日在某县2023年人大",
		"2021年某市人民政府工作报告", "2021年，某市政府工作报告", "某市2021年政府工作报告",
		"我代表市人民政府", "我代表国务院", "我代表" + strings.Repeat("𝑥", 20) + "国务院", "我代表" + strings.Repeat("𝑥", 21) + "国务院",
		"我代表，政府", "现在，我代表" + strings.Repeat("县", 20) + "政府向大会报告",
		"全县全县全市全省全区全州全盟全旗", "全全县县全", "全市全市全县全县", "全面全力全部",
		"2024年，某县", "２０２４年,某县", "二〇二四年，", "2024 年，", "年，", "2024年", "一、二〇二四年，",
	}
	texts = appendFiles(t, texts, files)
	return texts
}

// TestCueNeed checks that the literals a cue needs change nothing: the
// cues with Need find what they find without it.
func TestCueNeed(t *testing.T) {
	cues := append(append([]cue{}, sessionDate...), titleYear)
	for _, text := range metaTexts(t) {
		for _, c := range cues {
			plain := c
			plain.Need = nil
			if got, want := c.match(text), plain.match(text); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("cue %s with Need %q: %q, without %q (text %.60q)", c.Key, c.Need, got, want, text)
			}
		}
	}
}

// TestPatternNeed checks the same of the heading patterns of inferYear,
// on every line of the texts and on headings written for it.
func TestPatternNeed(t *testing.T) {
	lines := []string{"2022年工作回顾", "一、“十三五”时期和2020年主要工作回顾", "回望2022", "二〇二四年工作回顾", "2022年的重点工作",
		"2018年经济社会发展总体要求和政策取向", "展望2023", "2023年政府工作的主要任务", "工作回顾", "年度回顾"}
	for _, text := range metaTexts(t) {
		for line := range strings.Lines(text) {
			lines = append(lines, strings.TrimFunc(line, isBlank))
		}
	}
	for _, line := range lines {
		for _, p := range append(append([]pattern{}, reviewHeading...), planHeading...) {
			if got, want := p.find(line), p.Re.FindStringSubmatch(line); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("pattern %s with Need %q on %q: %q, without %q", p.Re, p.Need, line, got, want)
			}
		}
	}
}

// TestSpeechMarksCue checks that looking for speechMarks at each 我代表
// finds it exactly where its pattern matches the whole text.
func TestSpeechMarksCue(t *testing.T) {
	for _, text := range metaTexts(t) {
		if got, want := speechMarks.match(text) != nil, speechMarks.Re.MatchString(text); got != want {
			t.Errorf("speechMarks.match(%.60q): %v, pattern on the whole text: %v", text, got, want)
		}
	}
}

// TestMayOpenWithYear checks that every line openingYear matches passes
// the cheap test in front of it.
func TestMayOpenWithYear(t *testing.T) {
	for _, text := range metaTexts(t) {
		for line := range strings.Lines(text) {
			line = strings.TrimFunc(line, isBlank)
			if openingYear.MatchString(line) && !mayOpenWithYear(line) {
				t.Errorf("mayOpenWithYear(%q) = false, but openingYear matches", line)
			}
		}
	}
}

// TestLevelFromScopeOnePass checks levelFromScope against counting each
// scope word on its own.
func TestLevelFromScopeOnePass(t *testing.T) {
	for _, text := range metaTexts(t) {
		best, want := 0, ""
		for _, s := range scopeWords {
			if n := strings.Count(text, s.word); n > best {
				best, want = n, s.level
			}
		}
		if got := levelFromScope(text); got != want {
			t.Errorf("levelFromScope(%.60q) = %q, want %q", text, got, want)
		}
	}
}
