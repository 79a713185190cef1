package normalize

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rat parses an exact decimal or fraction for test expectations.
func rat(t testing.TB, s string) *big.Rat {
	t.Helper()
	v, ok := new(big.Rat).SetString(s)
	require.Truef(t, ok, "bad test value %q", s)
	return v
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// Arabic
		{"0", "0"},
		{"4779", "4779"},
		{"0.5", "0.5"},
		{"6.5", "6.5"},
		{"1202.7", "1202.7"},
		{"007", "7"},
		{"1,202.7", "1202.7"},
		{"12,345,678", "12345678"},
		{"999,999", "999999"},
		{"1,000", "1000"},
		{"0.0001", "0.0001"},
		{"123456789012345678901234567890", "123456789012345678901234567890"},
		// full-width
		{"１２", "12"},
		{"１２．５", "12.5"},
		{"１,２０２．７", "1202.7"},
		// sign
		{"-3", "-3"},
		{"+3", "3"},
		{"－3", "-3"},
		{"负三", "-3"},
		// Chinese
		{"零", "0"},
		{"〇", "0"},
		{"一", "1"},
		{"两", "2"},
		{"十", "10"},
		{"十二", "12"},
		{"二十", "20"},
		{"二十五", "25"},
		{"一百", "100"},
		{"一百零五", "105"},
		{"一百一十", "110"},
		{"三千九百五十", "3950"},
		{"一千零五十", "1050"},
		{"一万", "10000"},
		{"十万", "100000"},
		{"二十万", "200000"},
		{"一百万", "1000000"},
		{"两千三百万", "23000000"},
		{"一万零一", "10001"},
		{"一亿", "100000000"},
		{"十亿", "1000000000"},
		{"一万亿", "1000000000000"},
		{"一亿二千万", "120000000"},
		{"三亿零五万", "300050000"},
		{"九千九百九十九万九千九百九十九", "99999999"},
		{"壹佰贰拾叁", "123"},
		{"拾", "10"},
		{"贰萬", "20000"},
		// colloquial trailing digit
		{"一万五", "15000"},
		{"三千五", "3500"},
		{"两百五", "250"},
		{"一亿五", "150000000"},
		// 点
		{"三点五", "3.5"},
		{"零点五", "0.5"},
		{"三点一四", "3.14"},
		{"十点五", "10.5"},
		{"一点五万", "15000"},
		{"二点零五亿", "205000000"},
		// mixed
		{"1.5万", "15000"},
		{"3.42亿", "342000000"},
		{"2万亿", "2000000000000"},
		{"1.2万亿", "1200000000000"},
		{"5千", "5000"},
		{"3百万", "3000000"},
		{"3千万", "30000000"},
		{"12000万", "120000000"},
		{"3亿5000万", "350000000"},
		{"1万2千", "12000"},
		{"2.5十", "25"},
		{"１．５万", "15000"},
		{"1,200万", "12000000"},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in)
		if !assert.NoErrorf(t, err, "ParseNumber(%q)", tt.in) {
			continue
		}
		if want := rat(t, tt.want); got.Cmp(want) != 0 {
			t.Errorf("ParseNumber(%q) = %s; want %s", tt.in, got.RatString(), want.RatString())
		}
	}
}

func TestParseNumberExact(t *testing.T) {
	got, err := ParseNumber("3.42亿")
	require.NoError(t, err)
	assert.True(t, got.IsInt(), "ParseNumber(3.42亿) = %s; want an integer", got.RatString())
	assert.Equal(t, "342000000", got.RatString())
}

func TestParseNumberInvalid(t *testing.T) {
	for _, in := range []string{
		"", " ", "-", "+", "负",
		"1..2", "1.", ".5", "1.2.3", "1,23", "1,2345", ",123", "1,,234", "1,234,56", "1.234,5",
		"12a", "a12", "1 2", "%", "5%", "3个",
		"二三", "二〇二三", "百", "千", "万", "亿", "点五", "三点", "三点点五",
		"五百三千", "十十", "一百百", "五万三万", "一亿二亿", "亿万", "万万",
		"3五", "五3", "3亿5000", "1万5", "1点5", "三点五点",
		"1.5.万", "万1",
		"1，202", // a full-width comma separates clauses, not thousands
	} {
		if got, err := ParseNumber(in); err == nil {
			t.Errorf("ParseNumber(%q) = %s; want an error", in, got.RatString())
		}
	}
}

func TestParseNumberError(t *testing.T) {
	_, err := ParseNumber("1..2")
	require.Error(t, err)
	assert.Equal(t, `normalize: bad number "1..2"`, err.Error())
}

func TestChineseNumerals(t *testing.T) {
	for i, r := range []rune("〇一二三四五六七八九") {
		if d, ok := ChineseDigit(r); !ok || d != i {
			t.Errorf("ChineseDigit(%q) = %d, %v; want %d, true", r, d, ok, i)
		}
	}
	for r, want := range map[rune]int{'零': 0, '○': 0, '两': 2, '贰': 2} {
		if d, ok := ChineseDigit(r); !ok || d != want {
			t.Errorf("ChineseDigit(%q) = %d, %v; want %d, true", r, d, ok, want)
		}
	}
	for r, want := range map[rune]int{'十': 1, '百': 2, '千': 3, '万': 4, '亿': 8} {
		if e, ok := ChineseMultiplier(r); !ok || e != want {
			t.Errorf("ChineseMultiplier(%q) = %d, %v; want %d, true", r, e, ok, want)
		}
	}
	for _, r := range ChineseNumeralClass {
		if !IsChineseNumeral(r) {
			t.Errorf("IsChineseNumeral(%q) = false; want true (it is in ChineseNumeralClass)", r)
		}
	}
	for _, r := range "点年个a1" {
		if IsChineseNumeral(r) {
			t.Errorf("IsChineseNumeral(%q) = true; want false", r)
		}
	}
}

func TestFloat(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"342000000", 342000000},
		{"6.5", 6.5},
		{"-3", -3},
		{"1/3", 1.0 / 3},
		{"0.1", 0.1},
	}
	for _, tt := range tests {
		if got := Float(rat(t, tt.in)); got != tt.want {
			t.Errorf("Float(%s) = %v; want %v", tt.in, got, tt.want)
		}
	}
	if got := Float(nil); got != 0 {
		t.Errorf("Float(nil) = %v; want 0", got)
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0", "0"},
		{"342000000", "342000000"},
		{"6.5", "6.5"},
		{"-3", "-3"},
		{"1/8", "0.125"},
		{"1/3", "0.3333333333"},
		{"-1/3", "-0.3333333333"},
		{"100", "100"},
		{"3.14159265358979323846", "3.14159265358979323846"},
	}
	for _, tt := range tests {
		if got := FormatNumber(rat(t, tt.in)); got != tt.want {
			t.Errorf("FormatNumber(%s) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// BenchmarkParseNumberQuick reads the forms quickNumber takes (the most
// frequent after plain decimals in the bench corpus: 一, 零, 两, 1亿,
// 2000万, 1.5万), by ParseNumber and by the general parser.
func BenchmarkParseNumberQuick(b *testing.B) {
	inputs := []string{"一", "零", "两", "1亿", "2000万", "1.5万", "14亿", "三"}
	for _, p := range []struct {
		name  string
		parse func(string) (*big.Rat, error)
	}{{"ParseNumber", ParseNumber}, {"general", parseGeneral}} {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if _, err := p.parse(inputs[i%len(inputs)]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkParseNumber(b *testing.B) {
	inputs := []string{"4779", "1,202.7", "3.42亿", "三千九百五十", "两千三百万", "6.5"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := ParseNumber(inputs[i%len(inputs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSmallDecimalEqualsSetString checks the int64 fast path of
// parseArabic against big.Rat's own parsing, around the 18-digit limit.
func TestSmallDecimalEqualsSetString(t *testing.T) {
	for _, s := range []string{"0", "7", "6.5", "0.05", "3.42", "100", "12345.678", "999999999999999999", "99999999999999999.9", "1234567890123456789", "0.000000000000000001", "00012.500"} {
		intPart, frac, _ := strings.Cut(s, ".")
		want, _ := new(big.Rat).SetString(s)
		got, ok := smallDecimal(intPart, frac)
		if len(intPart)+len(frac) > 18 {
			if ok {
				t.Errorf("smallDecimal(%q) took %d digits; want a fallback past 18", s, len(intPart)+len(frac))
			}
			continue
		}
		if !ok || got.Cmp(want) != 0 {
			t.Errorf("smallDecimal(%q) = %v, %v; want %v", s, got, ok, want.RatString())
		}
	}
}

// TestFloatMatchesRat checks Float's fast path against big.Rat.Float64,
// bit for bit: figures as ParseNumber reads them (decimals, 亿 and 万
// scales, negatives), edges of exact float64 integers, and random
// fractions.
func TestFloatMatchesRat(t *testing.T) {
	var rats []*big.Rat
	for _, s := range []string{"0", "6.5", "-2.1", "1/3", "-7/9", "12345.678", "0.0001", "9007199254740992", "9007199254740993",
		"-9007199254740993", "1/9007199254740993", "9007199254740993/9007199254740992", "123456789012345678901234567890", "1e-30", "3.3333333333333333333"} {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			t.Fatalf("bad test rational %s", s)
		}
		rats = append(rats, r)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 100000; i++ {
		n := rng.Int64N(1<<54) - 1<<53
		d := rng.Int64N(1<<(1+rng.IntN(54))) + 1
		rats = append(rats, big.NewRat(n, d))
	}
	for _, r := range rats {
		want, _ := r.Float64()
		if got := Float(r); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("Float(%s) = %v, want %v (big.Rat.Float64)", r.RatString(), got, want)
		}
	}
}

// TestSmallDecimalInLowestTerms checks smallDecimal against big.Rat's own
// parsing: the same value, numerator and denominator, for every decimal of
// up to 4 digits with up to 3 after the point, and for long ones.
func TestSmallDecimalInLowestTerms(t *testing.T) {
	check := func(intPart, frac string) {
		t.Helper()
		got, ok := smallDecimal(intPart, frac)
		want, _ := new(big.Rat).SetString(intPart + "." + frac + "0")
		if !ok || got.Cmp(want) != 0 || got.Num().Cmp(want.Num()) != 0 || got.Denom().Cmp(want.Denom()) != 0 || got.RatString() != want.RatString() {
			t.Fatalf("smallDecimal(%q, %q) = %v, %v; want %v", intPart, frac, got, ok, want)
		}
	}
	for n := 0; n < 10000; n++ {
		digits := fmt.Sprintf("%04d", n)
		for k := 0; k <= 3; k++ {
			check(digits[:4-k], digits[4-k:])
		}
	}
	for _, c := range [][2]string{{"0", ""}, {"999999999999999999", ""}, {"1", "00000000000000000"}, {"0", "00000000000000005"},
		{"123456789", "123456789"}, {"0", "00000000000000000"}, {"1000000000", "25"}, {"31", "250000"}} {
		check(c[0], c[1])
	}
}

// TestQuickNumberIsGeneral checks ParseNumber's quick forms against the
// general parser: every Chinese digit and numeral alone, every decimal of
// up to 4 digits with up to 3 decimals times 万 and 亿, and odd or long
// ones; the same value, or an error from both.
func TestQuickNumberIsGeneral(t *testing.T) {
	inputs := []string{
		"", "万", "亿", ".5万", "5.万", "1..2万", "1.2.3亿", "0万", "00.50亿", "-3万", "负3万", "+3亿",
		"1,000万", "５万", "3万亿", "2万万", "3千万", "1.5萬", "12345678901234567万", "1234567890.123456789亿",
		"123456789012345678万", "0.123456789亿", "1.23456789万", "3亿5000万", "a万", "1e5万",
	}
	for r := range chineseDigits {
		inputs = append(inputs, string(r))
	}
	for r := range chineseUnits {
		inputs = append(inputs, string(r))
	}
	for _, r := range "点年个a1０〇○" {
		inputs = append(inputs, string(r))
	}
	for n := 0; n < 10000; n++ {
		for dec := 0; dec <= 3; dec++ {
			d := fmt.Sprint(n)
			if dec > 0 {
				d = fmt.Sprintf("%d.%0*d", n/1000, dec, n%1000)
			}
			inputs = append(inputs, d+"万", d+"亿")
		}
	}
	quick := 0
	for _, s := range inputs {
		want, wantErr := parseGeneral(s)
		if _, ok := quickNumber(s); ok {
			quick++
		}
		got, err := ParseNumber(s)
		switch {
		case (err != nil) != (wantErr != nil):
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", s, got, err, want, wantErr)
		case err == nil && got.Cmp(want) != 0:
			t.Errorf("ParseNumber(%q) = %s; want %s", s, got.RatString(), want.RatString())
		}
	}
	if quick < 80000 {
		t.Errorf("quickNumber read %d of %d inputs; want the 80,000 decimals times 万 and 亿 at least", quick, len(inputs))
	}
}

// TestScaleIsMul checks Unit.Scale's int64 path (scaleSmall) against
// big.Rat.Mul by the unit's factor: the same value, numerator and
// denominator, for values of every kind a report's numbers parse to and
// the factors of the unit table and beyond, including products past an
// int64 (where Scale falls back to Mul).
func TestScaleIsMul(t *testing.T) {
	var values []*big.Rat
	for _, s := range []string{"0", "1", "7", "6.5", "0.05", "1.25", "3.333", "12,345", "999999999999999999", "0.000000000000000001",
		"1.5万", "3.42亿", "一", "两", "三千五百", "一点八", "922337203685477580.7"} {
		v, err := ParseNumber(s)
		if err != nil {
			t.Fatal(err)
		}
		values = append(values, v)
	}
	values = append(values, big.NewRat(1, 3), big.NewRat(22, 7), big.NewRat(-13, 2), new(big.Rat).SetFrac(big.NewInt(math.MaxInt64), big.NewInt(3)))
	for _, v := range values {
		for exp := -20; exp <= 20; exp++ {
			for _, mul := range []int64{0, 5, 3, 2000, math.MaxInt64} {
				u := Unit{Exp: exp, Mul: mul}
				want := new(big.Rat).Mul(v, factor(exp, mul))
				got := u.Scale(v)
				if got.Cmp(want) != 0 || got.Num().Cmp(want.Num()) != 0 || got.Denom().Cmp(want.Denom()) != 0 || got.RatString() != want.RatString() {
					t.Fatalf("Scale(%s) by 10^%d * %d = %s, want %s", v.RatString(), exp, mul, got.RatString(), want.RatString())
				}
			}
		}
	}
}

// TestNewRatOwnsItsWords checks that a value of newRat, whose numerator's
// word lives in the same object, takes arithmetic on itself as any Rat
// does, and that two values never share words.
func TestNewRatOwnsItsWords(t *testing.T) {
	for _, c := range []struct{ n, d int64 }{{0, 1}, {1, 1}, {13, 2}, {math.MaxInt64, 1}, {7, 1000}} {
		a, b := newRat(c.n, c.d), newRat(c.n, c.d)
		want := big.NewRat(c.n, c.d)
		if a.Cmp(want) != 0 || a.RatString() != want.RatString() {
			t.Fatalf("newRat(%d, %d) = %s", c.n, c.d, a.RatString())
		}
		a.Add(a, big.NewRat(math.MaxInt64, 3)) // more words than it has
		a.Neg(a)
		want2 := new(big.Rat).Neg(new(big.Rat).Add(want, big.NewRat(math.MaxInt64, 3)))
		if a.Cmp(want2) != 0 || b.Cmp(want) != 0 {
			t.Fatalf("newRat(%d, %d): after arithmetic %s and %s, want %s and %s", c.n, c.d, a.RatString(), b.RatString(), want2.RatString(), want.RatString())
		}
		b.Mul(b, big.NewRat(2, 1))
		if b.Cmp(new(big.Rat).Mul(want, big.NewRat(2, 1))) != 0 {
			t.Fatalf("newRat(%d, %d) times 2 = %s", c.n, c.d, b.RatString())
		}
	}
}

// TestChineseIntegerIsGeneral checks chineseInteger against the general
// parser: every string of up to three of the Chinese digits and
// multipliers (and 点, a sign, an Arabic digit, another character), every
// string of four and five of the common ones, and long random ones; where
// chineseInteger reads a value, parseGeneral reads the same, and
// ParseNumber gives the same value or error as parseGeneral everywhere.
func TestChineseIntegerIsGeneral(t *testing.T) {
	var all, common []rune
	for r := range chineseDigits {
		all = append(all, r)
	}
	for r := range chineseUnits {
		all = append(all, r)
	}
	all = append(all, '点', '负', '-', '5', '年')
	common = []rune("零〇一二两三五九十百千万亿")
	var inputs []string
	var gen func(alphabet []rune, prefix []rune, n int)
	gen = func(alphabet []rune, prefix []rune, n int) {
		inputs = append(inputs, string(prefix))
		if n == 0 {
			return
		}
		for _, r := range alphabet {
			gen(alphabet, append(prefix, r), n-1)
		}
	}
	gen(all, nil, 3)
	// with -short (make test-race, 11 s in full there), strings of
	// common characters up to 4 long, not 5, and a tenth of the random
	// ones
	random := 200000
	if testing.Short() {
		gen(common, nil, 4)
		random /= 10
	} else {
		gen(common, nil, 5)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range random {
		r := make([]rune, 1+rng.IntN(20))
		for k := range r {
			r[k] = common[rng.IntN(len(common))]
		}
		inputs = append(inputs, string(r))
	}
	inputs = append(inputs, "九千九百九十九亿九千九百九十九万九千九百九十九", "九千九百九十九万亿", "两亿零七百万", "三千九百五十", "一万五", "三亿五", "四百十一", "十万八千")
	fast := 0
	for _, s := range inputs {
		want, wantErr := parseGeneral(s)
		if n, ok := chineseInteger(s); ok {
			fast++
			if wantErr != nil || want.Cmp(big.NewRat(n, 1)) != 0 {
				t.Fatalf("chineseInteger(%q) = %d; parseGeneral gives %v, %v", s, n, want, wantErr)
			}
		}
		got, err := ParseNumber(s)
		switch {
		case (err != nil) != (wantErr != nil):
			t.Fatalf("ParseNumber(%q) = %v, %v; want %v, %v", s, got, err, want, wantErr)
		case err == nil && got.RatString() != want.RatString():
			t.Fatalf("ParseNumber(%q) = %s; want %s", s, got.RatString(), want.RatString())
		}
	}
	if fast < len(inputs)/20 {
		t.Errorf("chineseInteger read %d of %d inputs; want more", fast, len(inputs))
	}
	t.Logf("chineseInteger read %d of %d inputs", fast, len(inputs))
}

// TestParseDecimalRunes checks ParseDecimalRunes against ParseNumber:
// where it reads a value, ParseNumber reads the same (numerator and
// denominator), on every string of up to six of 0 1 5 9 and '.', with
// commas, signs and other characters, and on long and random decimals;
// and it reads every plain decimal of up to 18 digits.
func TestParseDecimalRunes(t *testing.T) {
	var inputs []string
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		inputs = append(inputs, prefix)
		if n == 0 {
			return
		}
		for _, c := range []string{"0", "1", "5", "9", "."} {
			gen(prefix+c, n-1)
		}
	}
	gen("", 6)
	inputs = append(inputs, "1,000", "-5", "+5", "５", "1e5", "三", "1.5万", " 1", "123456789012345678", "1234567890123456789",
		"12345678901234567.8", "1234567890123456.78", "9999999999999999999", "99999999999999999.99", "0.000000000000000001", "999999999999999999", "99999999999999999.9")
	rng := rand.New(rand.NewPCG(3, 6))
	for range 100000 {
		d := fmt.Sprint(rng.Uint64N(1 << uint(rng.IntN(64))))
		if k := rng.IntN(len(d) + 1); k > 0 && k < len(d) {
			d = d[:k] + "." + d[k:]
		}
		inputs = append(inputs, d)
	}
	read := 0
	for _, s := range inputs {
		want, err := ParseNumber(s)
		got, ok := ParseDecimalRunes([]rune(s))
		if !ok {
			if isPlainDecimal(s) && err == nil && len(strings.ReplaceAll(s, ".", "")) <= 18 {
				t.Fatalf("ParseDecimalRunes(%q) reads nothing; ParseNumber reads %s", s, want.RatString())
			}
			continue
		}
		read++
		if err != nil || got.Num().Cmp(want.Num()) != 0 || got.Denom().Cmp(want.Denom()) != 0 {
			t.Fatalf("ParseDecimalRunes(%q) = %s; ParseNumber gives %v, %v", s, got.RatString(), want, err)
		}
	}
	t.Logf("read %d of %d inputs", read, len(inputs))
	if read < 50000 {
		t.Fatalf("read %d of %d inputs; want more", read, len(inputs))
	}
}
