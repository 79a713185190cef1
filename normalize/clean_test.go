package normalize

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/internal/stagesdir"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/width"
)

// long is a line of 30 CJK characters with no punctuation at its end.
var long = strings.Repeat("经济社会发展", 5)

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "地区生产总值增长6.5%左右", "地区生产总值增长6.5%左右"},
		// width
		{"fullwidth digits", "１２３４５６７８９０", "1234567890"},
		{"fullwidth letters", "ＧＤＰｇｄｐ", "GDPgdp"},
		{"fullwidth symbols", "６．５％＋－～／", "6.5%+-~/"},
		{"clause punctuation kept", "，。；：！？、（）“”", "，。；：！？、（）“”"},
		{"fullwidth parens kept", "（１）", "（1）"},
		{"fullwidth colon comma kept", "１：２，３", "1：2，3"},
		{"halfwidth katakana kept", "ｱｲｳ", "ｱｲｳ"},
		{"no NFKC", "①㈠ﬁ²", "①㈠ﬁ²"},
		// spaces
		{"ideographic space", "\u3000\u3000各位代表", "  各位代表"},
		{"nbsp", "6.5\u00a0%", "6.5 %"},
		{"em space", "a\u2003b\u202fc", "a b c"},
		{"tab kept", "a\tb", "a\tb"},
		// dashes and tildes
		{"hyphen", "3‐5", "3-5"},
		{"non-breaking hyphen", "3‑5", "3-5"},
		{"figure dash", "3‒5", "3-5"},
		{"en dash", "3–5", "3-5"},
		{"em dash", "3—5", "3-5"},
		{"horizontal bar", "3―5", "3-5"},
		{"minus", "3−5", "3-5"},
		{"fullwidth hyphen", "3－5", "3-5"},
		{"small hyphen", "3﹣5", "3-5"},
		{"double em dash", "3——5", "3-5"},
		{"double em dash title", "——2023年1月8日", "-2023年1月8日"},
		{"triple em dash", "a———b", "a--b"},
		{"fullwidth tilde", "3～5", "3~5"},
		{"wave dash", "3〜5", "3~5"},
		{"tilde operator", "3∼5", "3~5"},
		// markdown
		{"bold", "**5.5%**以上", "5.5%以上"},
		{"underscore bold", "__10家__", "10家"},
		{"bold italic", "***重点***", "重点"},
		{"single star kept", "a*b_c", "a*b_c"},
		// line breaks
		{"crlf", "一\r\n二", "一\n二"},
		{"lone cr", "一\r二", "一\n二"},
		{"wrap joined", long + "\n下一行，继续。", long + "下一行，继续。"},
		{"wrap crlf joined", long + "\r\n下一行，继续。", long + "下一行，继续。"},
		{"wrap trailing spaces", long + "  \n下一行，继续。", long + "下一行，继续。"},
		{"wrap after digit", long + "12\n万亩。", long + "12万亩。"},
		{"wrap before long line", long + "\n" + long, long + long},
		{"name line kept", long + "\n保定市人民政府市长 郭建英", long + "\n保定市人民政府市长 郭建英"},
		{"heading kept", "三、" + long + "\n聚焦项目，做强产业。", "三、" + long + "\n聚焦项目，做强产业。"},
		{"next heading kept", long + "\n（二）聚焦项目，做强产业。", long + "\n（二）聚焦项目，做强产业。"},
		{"next numbered kept", long + "\n2.聚焦项目，做强产业。", long + "\n2.聚焦项目，做强产业。"},
		{"dash title kept", "——" + long + "\n各位代表：", "-" + long + "\n各位代表："},
		{"zero-width line joined", long + "人\n\u200b\n民满意、世界瞩目。", long + "人民满意、世界瞩目。"},
		{"salutation kept", long + "\n各位代表：", long + "\n各位代表："},
		{"footer kept", long + "\n电话：0312-6699502", long + "\n电话：0312-6699502"},
		{"zero-width dropped", "6.5\u200b%\ufeff", "6.5%"},
		{"zero-width line short kept", "一\n\u200b\n二", "一\n二"},
		{"wrap ascii words", strings.Repeat("word ", 6) + "growth\nrate, too.", strings.Repeat("word ", 6) + "growth rate, too."},
		{"short line kept", "一、总体要求\n2023年", "一、总体要求\n2023年"},
		{"after punctuation kept", long + "。\n下一行，继续。", long + "。\n下一行，继续。"},
		{"after quote kept", long + "”\n下一行，继续。", long + "”\n下一行，继续。"},
		{"blank line kept", long + "\n\n下一行，继续。", long + "\n\n下一行，继续。"},
		{"indented kept", long + "\n  下一行，继续。", long + "\n  下一行，继续。"},
		{"ideographic indent kept", long + "\n\u3000\u3000下一行，继续。", long + "\n  下一行，继续。"},
		{"final break kept", long + "\n", long + "\n"},
		{"29 runes kept", long[:len(long)-3] + "\n下", long[:len(long)-3] + "\n下"},
		{"html off", "<b>5</b>&amp;", "<b>5</b>&amp;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Clean(tt.in, Options{})
			if got := string(v.Runes); got != tt.want {
				t.Errorf("Clean(%q) = %q; want %q", tt.in, got, tt.want)
			}
			checkView(t, tt.in, v)
		})
	}
}

func TestCleanHTML(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"inline tag", "增长<b>6.5</b>%", "增长6.5%"},
		{"block tags", "<p>一</p><p>二</p>", "\n一\n\n二\n"},
		{"br", "一<br/>二<BR>三", "一\n二\n三"},
		{"attributes", `<span style="color:red">10家</span>`, "10家"},
		{"script", "a<script type=\"x\">if (a<b) {}</script>b", "ab"},
		{"style", "a<STYLE>p{}</style >b", "ab"},
		{"comment", "a<!-- <p> -->b", "ab"},
		{"unclosed comment", "a<!-- b", "a<!-- b"},
		{"less than kept", "PM2.5<35", "PM2.5<35"},
		{"spaced less than", "a < b", "a < b"},
		{"unclosed tag kept", "a<b", "a<b"},
		{"nbsp", "6.5&nbsp;%", "6.5 %"},
		{"amp", "A&amp;B", "A&B"},
		{"lt gt", "&lt;p&gt;", "<p>"},
		{"decimal ref", "&#19975;元", "万元"},
		{"hex ref", "&#x4E07;元", "万元"},
		{"fullwidth ref folded", "&#65297;&#65298;", "12"},
		{"unknown entity kept", "&foo;", "&foo;"},
		{"no semicolon kept", "&amp b", "&amp b"},
		{"prefix entity kept", "&ampx;", "&ampx;"},
		{"bare ampersand", "A & B", "A & B"},
		{"two-rune entity", "&NotEqualTilde;", "\u2242\u0338"},
		{"tags and markdown", "<p>**5.5%**以上</p>", "\n5.5%以上\n"},
		{"source line breaks", "<div>\n  <p>\n    新增企业\n    10家\n  </p>\n</div>", "\n\n新增企业10家\n\n"},
		{"source break between words", "GDP\n  growth", "GDP growth"},
		{"spaces kept", "a  b", "a  b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := Clean(tt.in, Options{HTML: true})
			if got := string(v.Runes); got != tt.want {
				t.Errorf("Clean(%q, HTML) = %q; want %q", tt.in, got, tt.want)
			}
			checkView(t, tt.in, v)
		})
	}
}

func TestOrigSpan(t *testing.T) {
	tests := []struct {
		in         string
		html       bool
		find       string // substring of the cleaned text
		start, end int    // its original span
	}{
		{"增长**5.5%**以上", false, "5.5%", 4, 8},
		{"增长**5.5%**以上", false, "5.5%以上", 4, 12},
		{"增长**5.5%**以上", false, "以上", 10, 12},
		{"新增３家", false, "3家", 2, 4},
		{"3——5个", false, "3-5个", 0, 5},
		{"3——5个", false, "-", 1, 3},
		{"&#19975;元", true, "万", 0, 8},
		{"&#19975;元", true, "万元", 0, 9},
		{"&#19975;元", true, "元", 8, 9},
		{"<b>10</b>家", true, "10家", 3, 10},
		{"一\r\n二", false, "\n", 1, 3},
		{long + "1\n2万亩。", false, "12万亩", 30, 35},
	}
	for _, tt := range tests {
		v := Clean(tt.in, Options{HTML: tt.html})
		i := strings.Index(string(v.Runes), tt.find)
		require.GreaterOrEqualf(t, i, 0, "Clean(%q) = %q has no %q", tt.in, string(v.Runes), tt.find)
		start := len([]rune(string(v.Runes)[:i]))
		end := start + len([]rune(tt.find))
		gs, ge := v.OrigSpan(start, end)
		if gs != tt.start || ge != tt.end {
			t.Errorf("Clean(%q).OrigSpan(%d, %d) = %d, %d; want %d, %d", tt.in, start, end, gs, ge, tt.start, tt.end)
		}
	}
}

func TestViewAccessors(t *testing.T) {
	v := Clean("新增**10**家", Options{})
	assert.Equal(t, "新增10家", string(v.Runes))
	assert.Equal(t, 5, len(v.Runes))
	for i, want := range []int{0, 1, 4, 5, 8, 9} {
		if got := v.Orig(i); got != want {
			t.Errorf("Orig(%d) = %d; want %d", i, got, want)
		}
	}
	s, e := v.OrigSpan(2, 2)
	assert.Equal(t, [2]int{4, 4}, [2]int{s, e}, "empty span")
	s, e = v.OrigSpan(5, 5)
	assert.Equal(t, [2]int{9, 9}, [2]int{s, e}, "empty span at the end")
	assert.Equal(t, 6, v.OrigEnd(3))
	assert.Panics(t, func() { v.Orig(6) })
}

// checkView checks the offset map of v, cleaned from text: every rune comes
// from a span inside the text, spans are in order and do not overlap
// (except runes of one decoded entity, which share it), and a rune made from
// one code point is that code point or its fold.
func checkView(t testing.TB, text string, v *View) {
	t.Helper()
	orig := []rune(text)
	if v.Orig(len(v.Runes)) != len(orig) {
		t.Fatalf("Clean(%q).Orig(Len()) = %d; want %d", text, v.Orig(len(v.Runes)), len(orig))
	}
	if len(v.start) != len(v.Runes) || len(v.end) != len(v.Runes) {
		t.Fatalf("Clean(%q): map lengths %d, %d; want %d", text, len(v.start), len(v.end), len(v.Runes))
	}
	prevStart, prevEnd := 0, 0
	for i := 0; i < len(v.Runes); i++ {
		s, e := v.OrigSpan(i, i+1)
		if s < 0 || e <= s || e > len(orig) {
			t.Fatalf("Clean(%q): rune %d maps to [%d, %d) outside [0, %d)", text, i, s, e, len(orig))
		}
		if v.Orig(i) != s {
			t.Fatalf("Clean(%q): Orig(%d) = %d; OrigSpan says %d", text, i, v.Orig(i), s)
		}
		same := i > 0 && s == prevStart && e == prevEnd
		if i > 0 && s < prevEnd && !same {
			t.Fatalf("Clean(%q): rune %d maps to [%d, %d), overlapping [%d, %d)", text, i, s, e, prevStart, prevEnd)
		}
		if e-s == 1 {
			o, c := orig[s], v.Runes[i]
			y, year := yearDigit(o) // a year in Chinese digits: 一九八二 is 1982
			ok := c == foldRune(o) || o == '\r' && c == '\n' || (o == '\n' || o == '\r') && c == ' ' || year && c == y
			if !ok {
				t.Fatalf("Clean(%q): rune %d = %q maps to %q", text, i, c, o)
			}
		}
		prevStart, prevEnd = s, e
	}
	s, e := v.OrigSpan(0, len(v.Runes))
	if s < 0 || e > len(orig) || s > e {
		t.Fatalf("Clean(%q).OrigSpan(0, Len()) = %d, %d; out of [0, %d]", text, s, e, len(orig))
	}
}

// Runes of the brief, listed here independently of clean.go.
var (
	testZeroWidth = []rune("\u00ad\u200b\u200c\u200d\u2060\ufeff")
	testDashes    = []rune("‐‑‒–—―−－﹣")
	testTildes    = []rune("～〜∼")
	testKept      = []rune("，。；：！？、（）“”")
)

// wantFold is what Clean does to one rune between two letters, derived from
// width.Fold and the Unicode tables.
func wantFold(r rune) string {
	switch {
	case r == '\r':
		return "\n"
	case containsRune(testZeroWidth, r):
		return ""
	case containsRune(testDashes, r):
		return "-"
	case containsRune(testTildes, r):
		return "~"
	case r >= 0x80 && unicode.Is(unicode.Zs, r):
		return " "
	case containsRune(testKept, r):
		return string(r)
	}
	if f := width.Fold.String(string(r)); len(f) == 1 && f != string(r) && isFoldTarget(rune(f[0])) {
		return f
	}
	return string(r)
}

func containsRune(rs []rune, r rune) bool {
	for _, c := range rs {
		if c == r {
			return true
		}
	}
	return false
}

// TestCleanSweep runs every rune below U+1FFFF through Clean, alone and
// between letters, and checks the fold and the offset map.
func TestCleanSweep(t *testing.T) {
	extra := map[rune]string{'\uFE58': "-", '\u2053': "~", '\uFE6A': "%"} // variants beyond the brief
	for r := rune(0); r < 0x1FFFF; r++ {
		if 0xD800 <= r && r <= 0xDFFF {
			continue // surrogates are not runes of a string
		}
		in := "字" + string(r) + "字"
		v := Clean(in, Options{})
		checkView(t, in, v)
		want := wantFold(r)
		if e, ok := extra[r]; ok {
			want = e
		}
		if got := strings.TrimSuffix(strings.TrimPrefix(string(v.Runes), "字"), "字"); got != want {
			t.Errorf("Clean(%U) = %q; want %q", r, got, want)
		}
		checkView(t, string(r), Clean(string(r), Options{HTML: true}))
	}
}

// TestCleanValidUTF8 checks View.ValidUTF8 against utf8.ValidString on
// random texts of valid characters (of one to four bytes, U+FFFD written
// out) and bytes that start or continue a character, valid or not.
func TestCleanValidUTF8(t *testing.T) {
	pieces := []string{"a", "\r\n", "增", "。", "——", "é", "𝑥", "\uFFFD", "\x80", "\xbf", "\xc0", "\xc2", "\xe0", "\xe1", "\xe4", "\xec", "\xed", "\xee",
		"\xef", "\xf0", "\xf4", "\xf5", "\xff", "\xa0", "\x9f", "\x90", "\x8f"}
	rng := rand.New(rand.NewPCG(5, 6))
	valid := 0
	for range 20000 {
		var b strings.Builder
		for j := rng.IntN(30); j > 0; j-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		want := utf8.ValidString(text)
		if want {
			valid++
		}
		for _, html := range []bool{false, true} {
			if got := Clean(text, Options{HTML: html}).ValidUTF8(); got != want {
				t.Fatalf("Clean(%q, HTML %v).ValidUTF8() = %v, want %v", text, html, got, want)
			}
		}
	}
	if valid == 0 || valid == 20000 {
		t.Fatalf("%d of 20000 texts valid: want some of each", valid)
	}
}

func TestCleanInvalidUTF8(t *testing.T) {
	for _, in := range []string{"\xff", "增长\xff6.5%", "\xe4\xb8", "a\xc3\x28b", "\xed\xa0\x80"} {
		v := Clean(in, Options{HTML: true})
		checkView(t, in, v)
		if v.Orig(len(v.Runes)) != len([]rune(in)) {
			t.Errorf("Clean(%q).Orig(Len()) = %d; want %d", in, v.Orig(len(v.Runes)), len([]rune(in)))
		}
	}
	// more code points than codePointsAtLeast counts (stray continuation
	// bytes): readText's arrays grow
	for _, in := range []string{
		strings.Repeat("\x80", 100) + "增长6.5%",
		"地区\xbf生产\x80\x80总值——增长\r\n" + strings.Repeat("一\x80", 300),
		"\x80",
	} {
		for _, html := range []bool{false, true} {
			checkSameClean(t, fmt.Sprintf("%.20q", in), in, Options{HTML: html})
			if v := Clean(in, Options{HTML: html}); v.Orig(len(v.Runes)) != len([]rune(in)) {
				t.Errorf("Clean(%.20q).Orig(Len()) = %d; want %d", in, v.Orig(len(v.Runes)), len([]rune(in)))
			}
		}
	}
}

// TestCleanIdempotent checks that cleaning a cleaned text changes nothing
// (except hard wraps, which the first pass already joined).
func TestCleanIdempotent(t *testing.T) {
	data, err := os.ReadFile("testdata/county_gaotang_2023.txt")
	require.NoError(t, err)
	once := string(Clean(string(data), Options{}).Runes)
	twice := string(Clean(once, Options{}).Runes)
	if once != twice {
		a, b := []rune(once), []rune(twice)
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		t.Errorf("Clean(Clean(x)) != Clean(x): first difference at rune %d", i)
	}
	checkView(t, string(data), Clean(string(data), Options{HTML: true}))
}

func BenchmarkClean(b *testing.B) {
	data, err := os.ReadFile("testdata/county_gaotang_2023.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Clean(text, Options{})
	}
}

func BenchmarkCleanHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/county_gaotang_2023.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := "<html><body><p>" + strings.ReplaceAll(string(data), "\n", "</p>\n<p>&nbsp;&nbsp;") + "</p></body></html>"
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Clean(text, Options{HTML: true})
	}
}

// TestPasses checks the characters readText writes a run at a time
// (passRun) against what the general path would do with each of U+0800-
// U+FFFF: only characters that fold to themselves, that no later step
// looks for and that readText does not collapse, among them every CJK
// ideograph but 九 and 零.
func TestPasses(t *testing.T) {
	later := "九零〇○—―\u200b\u200c\u200d\u2060\ufeff"
	for c := rune(0x800); c <= 0xFFFF; c++ {
		got := passes[c>>6]&(1<<(c&63)) != 0
		if !got {
			if isIdeograph(c) && c != '九' && c != '零' {
				t.Errorf("%U (an ideograph) does not pass", c)
			}
			continue
		}
		switch {
		case 0xD800 <= c && c <= 0xDFFF:
			t.Errorf("%U (a surrogate) passes", c)
		case foldRune(c) != c:
			t.Errorf("%U passes, but folds to %U", c, foldRune(c))
		case strings.ContainsRune(later, c):
			t.Errorf("%U passes, but a later step looks for it", c)
		}
	}
	for _, c := range "，。、；：（）《》“”…" {
		if passes[c>>6]&(1<<(c&63)) == 0 {
			t.Errorf("%U (punctuation of every report) does not pass", c)
		}
	}
}

// TestPassRun checks where passRun stops: at the first character that
// does not pass, at a byte that does not start a valid three-byte
// character (cut short, overlong, a surrogate) and when the arrays are
// full; and what it writes.
func TestPassRun(t *testing.T) {
	tests := []struct {
		text string
		room int
		want int
	}{
		{"", 4, 0},
		{"增长", 4, 2},
		{"增长，。a", 8, 4},
		{"增长6.5%", 8, 2},
		{"一九八二", 8, 1},
		{"二〇〇八", 8, 1},
		{"１２", 8, 0},       // full-width digits fold
		{"\u3000各位", 8, 0}, // the ideographic space folds
		{"增长——", 8, 2},
		{"增\u200b长", 8, 1},
		{"增长", 1, 1},
		{"增\xe4\xb8", 8, 1},
		{"增\xe0\x80\x80", 8, 1}, // an overlong NUL
		{"增\xed\xa0\x80", 8, 1}, // a surrogate
		{"增\xe4\x38\x80", 8, 1},
		{"增\xe4\xb8\xc0", 8, 1},
		{"增\xf0\x9f\x98\x80", 8, 1},
		{"增é", 8, 1},
	}
	for _, tt := range tests {
		r, start, end := make([]rune, tt.room), make([]int32, tt.room), make([]int32, tt.room)
		n := passRun(tt.text, r, start, end, 7)
		if n != tt.want {
			t.Errorf("passRun(%q) with room for %d = %d, want %d", tt.text, tt.room, n, tt.want)
			continue
		}
		want := []rune(tt.text)[:n]
		for i := range n {
			if r[i] != want[i] || start[i] != int32(7+i) || end[i] != int32(8+i) {
				t.Errorf("passRun(%q): rune %d is %U from [%d, %d), want %U from [%d, %d)", tt.text, i, r[i], start[i], end[i], want[i], 7+i, 8+i)
			}
		}
	}
}

// TestNextMarker checks how dropMarkdownEmphasis finds the next '*' or
// '_'.
func TestNextMarker(t *testing.T) {
	tests := []struct {
		text string
		i    int
		want int
	}{
		{"", 0, 0},
		{"增长**6.5%**", 0, 2},
		{"增长**6.5%**", 3, 3},
		{"增长**6.5%**", 4, 8},
		{"a_b", 0, 1},
		{"增长６.５％", 0, 6},
		{"^`)+", 0, 4}, // the ASCII runes around '*' and '_'
		{"**", 2, 2},
	}
	for _, tt := range tests {
		if got := nextMarker([]rune(tt.text), tt.i); got != tt.want {
			t.Errorf("nextMarker(%q, %d) = %d, want %d", tt.text, tt.i, got, tt.want)
		}
	}
}

// TestCodePointsAtLeast checks the count that sizes readText's arrays:
// utf8.RuneCountInString exactly for valid UTF-8, never more for invalid.
func TestCodePointsAtLeast(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"地区生产总值增长6.5%", 12},
		{"𠀀😀 x", 4},
		{"一二三四五六七八九十", 10},
		{"a\x80b", 2},    // a stray continuation byte: 3 to the decoder
		{"\xe4\xb8", 1},  // a cut character: 2 to the decoder
		{"\xe4\xb8a", 2}, // 3 to the decoder
		{"\xff\xfe", 2},  // invalid lead bytes count
		{"\x80\x80\x80\x80\x80\x80\x80\x80\x80", 0},
	}
	for _, tt := range tests {
		if got := codePointsAtLeast(tt.in); got != tt.want {
			t.Errorf("codePointsAtLeast(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		b := make([]byte, rng.IntN(40))
		for j := range b {
			b[j] = byte(rng.IntN(256))
		}
		s := string(b)
		if i%2 == 0 {
			s = strings.ToValidUTF8(s, "中")
		}
		got, count := codePointsAtLeast(s), utf8.RuneCountInString(s)
		if utf8.ValidString(s) && got != count || got > count {
			t.Fatalf("codePointsAtLeast(%q) = %d; want %d (valid: %v)", s, got, count, utf8.ValidString(s))
		}
	}
}

// BenchmarkCodePoints sizes readText's arrays for a report: by
// codePointsAtLeast and, as before, by utf8.RuneCountInString.
func BenchmarkCodePoints(b *testing.B) {
	data, err := os.ReadFile("testdata/county_gaotang_2023.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	for _, c := range []struct {
		name  string
		count func(string) int
	}{{"codePointsAtLeast", codePointsAtLeast}, {"RuneCountInString", utf8.RuneCountInString}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				c.count(text)
			}
		})
	}
}

// BenchmarkCleanDir cleans the first 5 MB of the *.txt files of the
// directory GWR_STAGES_DIR names, one Clean per file as Extract cleans a
// report of one chunk; it is skipped without it:
//
//	GWR_STAGES_DIR=$PWD/bench/data/50mb go test -run - -bench CleanDir -cpu 1 ./normalize
func BenchmarkCleanDir(b *testing.B) {
	stagesdir.Bench(b, 5e6, func(f stagesdir.File) { Clean(f.Text, Options{}) })
}

// TestCleanAfterRelease checks that Clean gives the same view of a text
// with arrays a released view handed back (View.Release) as with new
// ones: the texts of golden/dev/texts, each cleaned after the view of
// another (longer or shorter, some with invalid UTF-8 or HTML) was
// released.
func TestCleanAfterRelease(t *testing.T) {
	dir := "../golden/dev/texts"
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var texts []string
	for _, e := range entries {
		b, err := os.ReadFile(dir + "/" + e.Name())
		require.NoError(t, err)
		texts = append(texts, string(b))
	}
	require.NotEmpty(t, texts)
	texts = append(texts, "６．５％\r\n——\xff一九九八年**10**", "<p>新增&nbsp;10家</p>")
	type cleaned struct {
		runes      string
		orig, ends []int
		valid      bool
	}
	read := func(v *View) cleaned {
		c := cleaned{runes: string(v.Runes), valid: v.ValidUTF8()}
		for i := range v.Runes {
			c.orig, c.ends = append(c.orig, v.Orig(i)), append(c.ends, v.OrigEnd(i))
		}
		c.orig = append(c.orig, v.Orig(len(v.Runes)))
		return c
	}
	opts := func(text string) Options { return Options{HTML: strings.HasPrefix(text, "<")} }
	fresh := make([]cleaned, len(texts))
	for i, text := range texts {
		fresh[i] = read(Clean(text, opts(text)))
	}
	for _, order := range [][]int{identity(len(texts)), reversed(len(texts))} {
		for _, i := range order {
			v := Clean(texts[i], opts(texts[i]))
			require.Equal(t, fresh[i], read(v), "text %d", i)
			v.Release()
			assert.Empty(t, v.Runes, "a released view is emptied")
		}
	}
}

func identity(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

func reversed(n int) []int {
	s := identity(n)
	slices.Reverse(s)
	return s
}
