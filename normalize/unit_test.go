package normalize

import (
	"math/big"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLookupUnitSpec checks every written form of SPEC section 5, plus the
// compositions and variants the table adds.
func TestLookupUnitSpec(t *testing.T) {
	tests := []struct {
		text, canonical string
		exp             int
		classifier      string
	}{
		{"元", "CNY", 0, ""},
		{"万元", "CNY", 4, ""},
		{"亿元", "CNY", 8, ""},
		{"万亿元", "CNY", 12, ""},
		{"美元", "USD", 0, ""},
		{"万美元", "USD", 4, ""},
		{"亿美元", "USD", 8, ""},
		{"%", "percent", 0, ""},
		{"％", "percent", 0, ""},
		{"个百分点", "pp", 0, ""},
		{"百分点", "pp", 0, ""},
		{"亩", "mu", 0, ""},
		{"万亩", "mu", 4, ""},
		{"平方米", "m2", 0, ""},
		{"m2", "m2", 0, ""},
		{"m²", "m2", 0, ""},
		{"㎡", "m2", 0, ""},
		{"万平方米", "m2", 4, ""},
		{"万m2", "m2", 4, ""},
		{"平方公里", "km2", 0, ""},
		{"公顷", "ha", 0, ""},
		{"公里", "km", 0, ""},
		{"千米", "km", 0, ""},
		{"米", "m", 0, ""},
		{"千瓦", "kW", 0, ""},
		{"万千瓦", "kW", 4, ""},
		{"千瓦时", "kWh", 0, ""},
		{"度", "kWh", 0, ""},
		{"万千瓦时", "kWh", 4, ""},
		{"亿千瓦时", "kWh", 8, ""},
		{"吨", "t", 0, ""},
		{"万吨", "t", 4, ""},
		{"千吨", "t", 3, ""},
		{"立方米", "m3", 0, ""},
		{"万立方米", "m3", 4, ""},
		{"ug/m3", "ug/m3", 0, ""},
		{"μg/m³", "ug/m3", 0, ""},
		{"µg/m³", "ug/m3", 0, ""},
		{"微克/立方米", "ug/m3", 0, ""},
		{"天", "day", 0, ""},
		{"倍", "times", 0, ""},
		{"万人", "count", 4, "人"},
		{"万户", "count", 4, "户"},
		{"亿人次", "count", 8, "人次"},
		{"百万千瓦", "kW", 6, ""},
	}
	for _, w := range strings.Fields("家 个 人 名 人次 项 处 座 所 张 套 台 台套 户 辆 场 条 批 头 只 部 栋 间") {
		tests = append(tests, struct {
			text, canonical string
			exp             int
			classifier      string
		}{w, "count", 0, w})
	}
	for _, tt := range tests {
		got, ok := LookupUnit(tt.text)
		want := Unit{Text: tt.text, Canonical: tt.canonical, Exp: tt.exp, Classifier: tt.classifier}
		if !ok || got != want {
			t.Errorf("LookupUnit(%q) = %+v, %v; want %+v, true", tt.text, got, ok, want)
		}
	}
}

func TestLookupUnitMissing(t *testing.T) {
	for _, text := range []string{"", "万", "亿", "万亿", "瓦", "分点", "千千", "克", "元/", "/吨", "分", "5元", "元 ", "年", "月", "第"} {
		if got, ok := LookupUnit(text); ok {
			t.Errorf("LookupUnit(%q) = %+v, true; want false", text, got)
		}
	}
}

// TestUnitTable checks every row: canonical units come from Canonicals
// (never "other"), counts and only counts carry a classifier, and the text
// ends with the base unit's text (brackets dropped: 台（套） is 台套).
func TestUnitTable(t *testing.T) {
	units := Units()
	require.NotEmpty(t, units)
	for _, u := range units {
		if !slices.ContainsFunc(Canonicals, func(c Canonical) bool { return c.Name == u.Canonical }) {
			t.Errorf("unit %q: canonical %q is not a SPEC unit", u.Text, u.Canonical)
		}
		if (u.Canonical == "count") != (u.Classifier != "") {
			t.Errorf("unit %q: canonical %q with classifier %q", u.Text, u.Canonical, u.Classifier)
		}
		if u.Classifier != "" && !strings.HasSuffix(unbracket.Replace(u.Text), u.Classifier) {
			t.Errorf("unit %q: classifier %q is not its base", u.Text, u.Classifier)
		}
		if got, ok := LookupUnit(u.Text); !ok || got != u {
			t.Errorf("LookupUnit(%q) = %+v, %v; want %+v, true", u.Text, got, ok, u)
		}
	}
	for _, c := range Canonicals {
		if c.Name == Other {
			continue
		}
		if WrittenForms(c.Name) == "" {
			t.Errorf("canonical unit %q has no written form", c.Name)
		}
		if Format(big.NewRat(1, 1), c.Name, "") == "1" {
			t.Errorf("canonical unit %q has no primary written form", c.Name)
		}
	}
}

func TestLookupUnit(t *testing.T) {
	tests := []struct {
		in        string
		canonical string // "" for no unit
		exp       int
		mul       int64
	}{
		{"万千瓦时", "kWh", 4, 0},
		{"千瓦时", "kWh", 0, 0},
		{"千瓦", "kW", 0, 0},
		{"兆瓦", "kW", 3, 0},
		{"吉瓦", "kW", 6, 0},
		{"千米", "km", 0, 0},
		{"个百分点", "pp", 0, 0},
		{"个", "count", 0, 0},
		{"万人次", "count", 4, 0},
		{"台套", "count", 0, 0},
		{"万m2", "m2", 4, 0},
		{"微克/立方米", "ug/m3", 0, 0},
		{"万亿元", "CNY", 12, 0},
		{"千吨", "t", 3, 0},
		{"公斤", "t", -3, 0},
		{"斤", "t", -4, 5},
		{"亿斤", "t", 4, 5},
		{"万吨标准煤", "tce", 4, 0},
		{"吨标煤", "tce", 0, 0},
		{"万标箱", "TEU", 4, 0},
		{"标准箱", "TEU", 0, 0},
		{"TEU", "TEU", 0, 0},
		{"小时", Other, 0, 0},
		{"万千伏安", Other, 4, 0},
		{"万", "", 0, 0},
		{"万亿", "", 0, 0},
		{"年", "", 0, 0},
		{"", "", 0, 0},
		{"个项目", "", 0, 0},
	}
	for _, tt := range tests {
		got, ok := LookupUnit(tt.in)
		if tt.canonical == "" {
			if ok {
				t.Errorf("LookupUnit(%q) = %+v; want no unit", tt.in, got)
			}
			continue
		}
		if !ok || got.Canonical != tt.canonical || got.Exp != tt.exp || got.Mul != tt.mul {
			t.Errorf("LookupUnit(%q) = %+v, %v; want %s ×%d 1e%d", tt.in, got, ok, tt.canonical, tt.mul, tt.exp)
		}
	}
}

// TestScaleJin checks the one factor that is not a power of ten: 1.3万亿斤
// is 6.5e8 t (SPEC section 5).
func TestScaleJin(t *testing.T) {
	u, _ := LookupUnit("万亿斤")
	if got := u.Scale(rat(t, "1.3")); got.Cmp(big.NewRat(650000000, 1)) != 0 {
		t.Errorf("1.3万亿斤 = %s t; want 650000000", got.RatString())
	}
}

func TestScale(t *testing.T) {
	tests := []struct {
		num, unit, want string
	}{
		{"3.42", "亿元", "342000000"},
		{"4", "万千瓦", "40000"},
		{"1", "万人", "10000"},
		{"29", "万m2", "290000"},
		{"6.5", "%", "6.5"},
		{"1.5", "万亩", "15000"},
		{"0.0001", "万亿元", "100000000"},
	}
	for _, tt := range tests {
		u, ok := LookupUnit(tt.unit)
		require.Truef(t, ok, "LookupUnit(%q)", tt.unit)
		n := rat(t, tt.num)
		got := u.Scale(n)
		if want := rat(t, tt.want); got.Cmp(want) != 0 {
			t.Errorf("%q.Scale(%s) = %s; want %s", tt.unit, tt.num, got.RatString(), want.RatString())
		}
		if n.Cmp(rat(t, tt.num)) != 0 {
			t.Errorf("%q.Scale(%s) changed its argument to %s", tt.unit, tt.num, n.RatString())
		}
	}
}

func TestUnitPattern(t *testing.T) {
	re, err := regexp2.Compile(`^`+UnitPattern()+`$`, regexp2.None)
	require.NoError(t, err)
	for _, u := range Units() {
		if ok, _ := re.MatchString(u.Text); !ok {
			t.Errorf("UnitPattern does not match %q", u.Text)
		}
	}
	for _, s := range []string{"万", "瓦", "年", "m", "5元"} {
		if ok, _ := re.MatchString(s); ok {
			t.Errorf("UnitPattern matches %q; want no match", s)
		}
	}
	// Longest first: the unanchored match at the start is the longest unit.
	start, err := regexp2.Compile(`^`+UnitPattern(), regexp2.None)
	require.NoError(t, err)
	for in, want := range map[string]string{
		"万千瓦时以上": "万千瓦时",
		"个百分点":   "个百分点",
		"千瓦时":    "千瓦时",
		"人次":     "人次",
		"台套":     "台套",
	} {
		m, err := start.FindStringMatch(in)
		require.NoError(t, err)
		if m == nil || m.String() != want {
			t.Errorf("UnitPattern on %q matched %v; want %q", in, m, want)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		value, canonical, classifier, want string
	}{
		{"342000000", "CNY", "", "3.42亿元"},
		{"2000000000000", "CNY", "", "2万亿元"},
		{"51800000000", "CNY", "", "518亿元"},
		{"5000", "CNY", "", "5000元"},
		{"50000000", "CNY", "", "5000万元"},
		{"40000", "kW", "", "4万千瓦"},
		{"6.5", "percent", "", "6.5%"},
		{"-3", "percent", "", "-3%"},
		{"2", "pp", "", "2个百分点"},
		{"118", "count", "台", "118台"},
		{"10000", "count", "人", "1万人"},
		{"3", "count", "", "3个"},
		{"15000", "mu", "", "1.5万亩"},
		{"290000", "m2", "", "29万平方米"},
		{"-65000", "t", "", "-6.5万吨"},
		{"35", "ug/m3", "", "35微克/立方米"},
		{"7", "day", "", "7天"},
		{"2", "times", "", "2倍"},
		{"300000000", "kWh", "", "3亿千瓦时"},
		{"7", "other", "", "7"},
		{"7", "furlong", "", "7"},
		{"0", "CNY", "", "0元"},
	}
	for _, tt := range tests {
		if got := Format(rat(t, tt.value), tt.canonical, tt.classifier); got != tt.want {
			t.Errorf("Format(%s, %q, %q) = %q; want %q", tt.value, tt.canonical, tt.classifier, got, tt.want)
		}
	}
}

// parseQuantity splits s into a number and a unit of the table, the way an
// extractor reads a mention, and returns the value in the canonical unit.
func parseQuantity(s string) (*big.Rat, Unit, bool) {
	r := []rune(s)
	for k := 1; k < len(r); k++ {
		u, ok := LookupUnit(string(r[k:]))
		if !ok {
			continue
		}
		if n, err := ParseNumber(string(r[:k])); err == nil {
			return u.Scale(n), u, true
		}
	}
	return nil, Unit{}, false
}

// TestFormatRoundTrip writes every unit of the table with a few numbers,
// formats the value and reads it back.
func TestFormatRoundTrip(t *testing.T) {
	for _, u := range Units() {
		if u.Canonical == Other {
			continue // Format writes a number alone in a unit outside SPEC's table
		}
		for _, num := range []string{"1", "6.5", "118", "3.42", "4779", "0.25"} {
			v := u.Scale(rat(t, num))
			s := Format(v, u.Canonical, u.Classifier)
			got, gu, ok := parseQuantity(s)
			if !ok {
				t.Errorf("Format(%s %s) = %q, which does not parse", num, u.Text, s)
				continue
			}
			if got.Cmp(v) != 0 || gu.Canonical != u.Canonical || gu.Classifier != u.Classifier {
				t.Errorf("Format(%s %s) = %q, read back as %s %s %q; want %s %s %q",
					num, u.Text, s, got.RatString(), gu.Canonical, gu.Classifier, v.RatString(), u.Canonical, u.Classifier)
			}
		}
	}
	// And from the text side: mentions as reports write them.
	for _, s := range []string{"3.42亿元", "4万千瓦", "6.5%", "118台", "1.5万亩", "2个百分点", "1万人", "5000万元", "29万平方米"} {
		v, u, ok := parseQuantity(s)
		require.Truef(t, ok, "parseQuantity(%q)", s)
		if got := Format(v, u.Canonical, u.Classifier); got != s {
			t.Errorf("Format(parse(%q)) = %q; want %q", s, got, s)
		}
	}
}

func TestMultipliers(t *testing.T) {
	for _, m := range Multipliers {
		n, err := ParseNumber("1" + m.Text)
		if assert.NoErrorf(t, err, "ParseNumber(1%s)", m.Text) && n.Cmp(pow10(m.Exp)) != 0 {
			t.Errorf("ParseNumber(1%s) = %s; want 1e%d", m.Text, n.RatString(), m.Exp)
		}
	}
}

func BenchmarkLookupUnit(b *testing.B) {
	inputs := []string{"万千瓦时", "个百分点", "家", "的企业"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		LookupUnit(inputs[i%len(inputs)])
	}
}

// TestScaleEveryUnit checks Scale's shortcuts (times one, a cached power
// of ten) against the product with the unit's factor, for every unit of
// the table and values of either sign, and that neither the argument nor
// the cached powers change.
func TestScaleEveryUnit(t *testing.T) {
	before := make([]string, len(pow10Cache))
	for i, p := range pow10Cache {
		before[i] = p.RatString()
	}
	for text, u := range unitTable.byText {
		for _, num := range []string{"0", "1", "-2.5", "1/3", "123456789.0123"} {
			n := rat(t, num)
			want := new(big.Rat).Mul(n, factor(u.Exp, u.Mul))
			got := u.Scale(n)
			if got.Cmp(want) != 0 || got == n {
				t.Errorf("%q.Scale(%s) = %s; want %s, a new value", text, num, got.RatString(), want.RatString())
			}
			got.Add(got, big.NewRat(1, 7)) // the result is the caller's to change
			if n.Cmp(rat(t, num)) != 0 {
				t.Errorf("%q.Scale(%s) changed its argument to %s", text, num, n.RatString())
			}
		}
	}
	for i, p := range pow10Cache {
		if p.RatString() != before[i] {
			t.Errorf("pow10Cache[%d] = %s after Scale; want %s", i, p.RatString(), before[i])
		}
	}
}

// unbracket drops the brackets of a measure word's variant: 台（套） -> 台套.
var unbracket = strings.NewReplacer("(", "", ")", "", "（", "", "）", "")

// TestPerThingAndBracketedUnits: prices per thing are units outside SPEC's
// table (unit other, 元 takes a multiplier, 分 does not); a measure word
// with its variant in brackets is one count.
func TestPerThingAndBracketedUnits(t *testing.T) {
	for _, tt := range []struct {
		text, canonical, classifier string
		exp                         int
		ok                          bool
	}{
		{"元/吨", Other, "", 0, true},
		{"万元/人", Other, "", 4, true},
		{"分/千瓦时", Other, "", 0, true},
		{"万分/千瓦时", "", "", 0, false},
		{"台（套）", "count", "台套", 0, true},
		{"万台(套)", "count", "台套", 4, true},
		{"航次", "count", "航次", 0, true},
		{"万重量箱", Other, "", 4, true},
	} {
		u, ok := LookupUnit(tt.text)
		if ok != tt.ok || ok && (u.Canonical != tt.canonical || u.Classifier != tt.classifier || u.Exp != tt.exp) {
			t.Errorf("LookupUnit(%q) = %+v, %v; want %s %q exp %d, %v", tt.text, u, ok, tt.canonical, tt.classifier, tt.exp, tt.ok)
		}
	}
}

// TestAlternationOrder checks alternation, which counts each word's
// length once, against the sort it replaces (the length counted at each
// comparison), on the unit table's forms and the bound words, and on
// words of equal lengths and of several scripts.
func TestAlternationOrder(t *testing.T) {
	plain := func(words []string) string {
		ws := append([]string(nil), words...)
		slices.SortFunc(ws, func(a, b string) int {
			if na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b); na != nb {
				return nb - na
			}
			return strings.Compare(a, b)
		})
		for i, w := range ws {
			ws[i] = regexp2.Escape(w)
		}
		return "(?:" + strings.Join(ws, "|") + ")"
	}
	var forms []string
	for text := range unitTable.byText {
		forms = append(forms, text)
	}
	var bounds []string
	for _, b := range BoundWords {
		bounds = append(bounds, b.Word)
	}
	for _, words := range [][]string{forms, bounds, {"b", "a", "ab", "千瓦", "kW", "%", "(", "万千瓦时", "a.b", ""}} {
		if got, want := alternation(words), plain(words); got != want {
			t.Fatalf("alternation(%d words) = %.200s…, want %.200s…", len(words), got, want)
		}
	}
	if unitTable.pattern != alternation(forms) {
		t.Fatal("the unit table's pattern is not the alternation of its forms")
	}
}
