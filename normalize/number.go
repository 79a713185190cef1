package normalize

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// ParseNumber reads a number written in a report into an exact value.
//
// Grammar (after full-width digits and '．' are folded to ASCII):
//
//	number   = [sign] ( arabic [multiplier] | chinese | mixed )
//	sign     = "-" | "+" | "负"
//	arabic   = digits [ "." digits ]          e.g. 4779, 0.5, 1202.7
//	         | groups [ "." digits ]          e.g. 1,202.7, 12,345,678
//	groups   = 1-3 digits, then ("," 3 digits)+
//	chinese  = Chinese numerals 零〇一二两三四五六七八九 with the units
//	           十百千万亿 and 点 for the decimal point (also the financial
//	           forms 壹贰叁…拾佰仟 and 萬億)
//	mixed    = Arabic numbers in place of Chinese digits: 1.5万, 3.42亿,
//	           2万亿, 5千, 3百万, 3亿5000万
//
// Units within a section (十百千) must fall; 万 and 亿 may each appear once,
// and "万亿" is 10^12. A trailing digit right after a unit is read the
// colloquial way: 一万五 is 15000, 三千五 is 3500. Digits after 点 are read
// one by one (三点一四 is 3.14). Malformed input returns an error naming it.
func ParseNumber(s string) (*big.Rat, error) {
	if isPlainDecimal(s) {
		if v, ok := parseArabic(s); ok {
			return v, nil
		}
		return nil, fmt.Errorf("normalize: bad number %q", s)
	}
	if v, ok := quickNumber(s); ok {
		return v, nil
	}
	if n, ok := chineseInteger(s); ok {
		return newRat(n, 1), nil
	}
	return parseGeneral(s)
}

// chineseInteger reads s written in Chinese digits and multipliers alone
// (三千九百五十, 两亿零七百万, 十二, 百), as parseUnsigned does but in int64
// arithmetic, where parseUnsigned adds and multiplies big.Rats (about ten
// thousand instructions a number): such a number is at most 9999亿9999万
// 9999, far within an int64. ok is false for any other form (a sign,
// 点, an Arabic digit, another character) and for what parseUnsigned
// rejects, both left to parseGeneral (TestChineseIntegerIsGeneral).
func chineseInteger(s string) (n int64, ok bool) {
	var high, mid, sec, pend int64 // as numParser's, pend valid if hasPend
	hasPend, highSet, midSet := false, false, false
	lastSmall, prevUnit := 4, 0
	zeroGap, any, sinceBig := false, false, false
	for _, c := range s {
		if d, isDigit := chineseDigits[c]; isDigit {
			switch {
			case hasPend:
				return 0, false // two digits in a row
			case d == 0 && any:
				zeroGap = true
			default:
				pend, hasPend, any, sinceBig = d, true, true, true
			}
			continue
		}
		e, isUnit := chineseUnits[c]
		if !isUnit {
			return 0, false
		}
		switch {
		case e < 4:
			v := pend
			if !hasPend {
				if e != 1 || !(lastSmall == 4 && sec == 0 || lastSmall == 2) {
					return 0, false
				}
				v = 1
			}
			if e >= lastSmall {
				return 0, false
			}
			sec += v * pow10Int[e]
			lastSmall, sinceBig = e, true
		case e == 4:
			if midSet || !sinceBig {
				return 0, false
			}
			mid = (sec + pend) * 1e4 // (pend is 0 when not set)
			midSet, sec, lastSmall, sinceBig = true, 0, 4, false
		default: // 亿
			if highSet || !any || !sinceBig && !midSet {
				return 0, false
			}
			high = (sec + pend + mid) * 1e8
			highSet, mid, midSet, sec, lastSmall, sinceBig = true, 0, false, 0, 4, false
		}
		pend, hasPend, prevUnit, zeroGap, any = 0, false, e, false, true
	}
	if !any {
		return 0, false
	}
	if hasPend && prevUnit > 1 && !zeroGap {
		pend *= pow10Int[prevUnit-1] // 一万五: 15000
	}
	return sec + pend + mid + high, true
}

// pow10Int holds the powers of ten up to 10^7, for chineseInteger.
var pow10Int = [8]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7}

// parseGeneral is ParseNumber for every form: s folded and read by
// numParser.
func parseGeneral(s string) (*big.Rat, error) {
	r := foldNumberRunes(s)
	neg := false
	if len(r) > 0 && (r[0] == '-' || r[0] == '+' || r[0] == '负') {
		neg = r[0] != '+'
		r = r[1:]
	}
	v, ok := parseUnsigned(r)
	if !ok {
		return nil, fmt.Errorf("normalize: bad number %q", s)
	}
	if neg {
		v.Neg(v)
	}
	return v, nil
}

// quickNumber reads the two most common forms after plain decimals
// without folding and the general parser: one Chinese digit (一, 两, 零)
// and a plain decimal times 万 or 亿 (1.5万, 14亿: the decimal point moves
// and smallDecimal reads the digits). It gives the value parseGeneral
// gives (TestQuickNumberIsGeneral); ok is false for anything else, valid
// or not, which parseGeneral then reads or rejects.
func quickNumber(s string) (v *big.Rat, ok bool) {
	if c, size := utf8.DecodeRuneInString(s); size == len(s) {
		if d, ok := chineseDigits[c]; ok {
			return newRat(d, 1), true
		}
		return nil, false
	}
	var e int
	switch {
	case strings.HasSuffix(s, "万"):
		e = 4
	case strings.HasSuffix(s, "亿"):
		e = 8
	default:
		return nil, false
	}
	num := s[:len(s)-len("万")]
	if !isPlainDecimal(num) || num[0] == '.' {
		return nil, false
	}
	intPart, frac, hasFrac := strings.Cut(num, ".")
	if hasFrac && (frac == "" || strings.IndexByte(frac, '.') >= 0) {
		return nil, false
	}
	if len(frac) <= e {
		intPart += frac + "00000000"[:e-len(frac)]
		frac = ""
	} else {
		intPart, frac = intPart+frac[:e], frac[e:]
	}
	return smallDecimal(intPart, frac)
}

// isPlainDecimal reports whether s has only ASCII digits and '.', the common
// case that needs no folding.
func isPlainDecimal(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c == '.') {
			return false
		}
	}
	return s != ""
}

// foldNumberRunes folds full-width digits, '．', dashes and tildes.
func foldNumberRunes(s string) []rune {
	r := []rune(s)
	for i, c := range r {
		r[i] = foldRune(c)
	}
	return r
}

// chineseDigits maps Chinese digits to their values: the one table of
// them (corpus, normalize.Clean and the extractor ask ChineseDigit).
var chineseDigits = map[rune]int64{
	'零': 0, '〇': 0, '○': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
	'壹': 1, '贰': 2, '貳': 2, '叁': 3, '參': 3, '肆': 4, '伍': 5,
	'陆': 6, '陸': 6, '柒': 7, '捌': 8, '玖': 9,
}

// ChineseDigit returns the value of a Chinese digit: 〇 ○ 零 一 二 两 … 九
// and their financial forms (壹 贰 …).
func ChineseDigit(r rune) (int, bool) {
	d, ok := chineseDigits[r]
	return int(d), ok
}

// ChineseMultiplier returns the power of ten of a Chinese numeral
// multiplier: 十 百 千 万 亿 and their financial forms.
func ChineseMultiplier(r rune) (int, bool) {
	e, ok := chineseUnits[r]
	return e, ok
}

// IsChineseNumeral reports a Chinese digit or multiplier.
func IsChineseNumeral(r rune) bool {
	_, d := chineseDigits[r]
	_, m := chineseUnits[r]
	return d || m
}

// ChineseDigitClass is the Chinese digits of ordinary text, as a regexp
// character class without brackets: 零〇一二三四五六七八九 (not 两, ○ or the
// financial forms, which only ChineseDigit reads).
const ChineseDigitClass = "零〇一二三四五六七八九"

// ChineseNumeralClass adds 两 and the multipliers 十百千万亿 to
// ChineseDigitClass: the numerals a report writes its figures with.
const ChineseNumeralClass = ChineseDigitClass + "两十百千万亿"

// chineseUnits maps the unit characters to their power of ten.
var chineseUnits = map[rune]int{
	'十': 1, '拾': 1, '百': 2, '佰': 2, '千': 3, '仟': 3,
	'万': 4, '萬': 4, '亿': 8, '億': 8,
}

// numParser holds the state of parseUnsigned. A number is read as
// high (everything up to 亿) + mid (up to 万) + sec (the current section
// of 十百千) + pend (a digit or Arabic number not yet followed by a unit).
type numParser struct {
	high, mid, sec big.Rat
	pend           *big.Rat
	pendArabic     bool // pend is an Arabic number
	pendDecimal    bool // pend has a 点 fraction
	highSet        bool
	midSet         bool
	lastSmall      int  // exponent of the last 十百千 in this section; 4 if none
	prevUnit       int  // exponent of the unit right before pend; 0 if none
	zeroGap        bool // a 零 since the last unit
	any            bool // a number token was read
	sinceBig       bool // a token was read since the last 万 or 亿
}

func parseUnsigned(r []rune) (*big.Rat, bool) {
	p := numParser{lastSmall: 4}
	for i := 0; i < len(r); {
		c := r[i]
		switch {
		case isDigit(c):
			j := i
			for j < len(r) && (isDigit(r[j]) || r[j] == '.' || r[j] == ',') {
				j++
			}
			v, ok := parseArabic(string(r[i:j]))
			if !ok || p.pend != nil {
				return nil, false
			}
			p.setPend(v, true)
			i = j
			continue
		case c == '点' || c == '點': // 點 in traditional characters (1950s transcriptions)
			if !p.point(r[i+1:]) {
				return nil, false
			}
			for i++; i < len(r) && isChineseDigit(r[i]); i++ {
			}
			continue
		case isChineseDigit(c):
			if !p.digit(chineseDigits[c]) {
				return nil, false
			}
		default:
			e, ok := chineseUnits[c]
			if !ok || !p.unit(e) {
				return nil, false
			}
		}
		i++
	}
	return p.total()
}

func isDigit(c rune) bool { return '0' <= c && c <= '9' }

func isChineseDigit(c rune) bool {
	_, ok := chineseDigits[c]
	return ok
}

func (p *numParser) setPend(v *big.Rat, arabic bool) {
	p.pend = v
	p.pendArabic = arabic
	p.pendDecimal = false
	p.any = true
	p.sinceBig = true
}

// digit reads one Chinese digit.
func (p *numParser) digit(d int64) bool {
	if p.pend != nil {
		return false // two digits in a row: "二三"
	}
	if d == 0 {
		if !p.any {
			p.setPend(new(big.Rat), false) // "零" or "零点五"
			return true
		}
		p.zeroGap = true
		return true
	}
	p.setPend(big.NewRat(d, 1), false)
	return true
}

// point reads 点 and the Chinese digits after it.
func (p *numParser) point(frac []rune) bool {
	if p.pendArabic || p.pendDecimal || (p.pend == nil && p.sec.Sign() == 0) {
		return false
	}
	n := 0
	for n < len(frac) && isChineseDigit(frac[n]) {
		n++
	}
	if n == 0 {
		return false
	}
	v := new(big.Rat).Set(&p.sec)
	if p.pend != nil {
		v.Add(v, p.pend)
	}
	scale := big.NewRat(1, 1)
	for _, c := range frac[:n] {
		scale.Mul(scale, big.NewRat(1, 10))
		v.Add(v, new(big.Rat).Mul(scale, big.NewRat(chineseDigits[c], 1)))
	}
	p.sec.SetInt64(0)
	p.lastSmall = 4
	p.setPend(v, false)
	p.pendDecimal = true
	p.prevUnit = 0
	return true
}

// unit reads a unit character of exponent e (1, 2, 3, 4 or 8).
func (p *numParser) unit(e int) bool {
	switch {
	case e < 4:
		v := p.pend
		if v == nil {
			if e != 1 || !(p.lastSmall == 4 && p.sec.Sign() == 0 || p.lastSmall == 2) {
				return false // only 十 may stand alone: "十二", "二十万", and after 百: "四百十一" (411)
			}
			v = big.NewRat(1, 1)
		}
		if e >= p.lastSmall {
			return false // "五百三千"
		}
		p.sec.Add(&p.sec, new(big.Rat).Mul(v, pow10(e)))
		p.lastSmall = e
		p.sinceBig = true
	case e == 4:
		if p.midSet || !p.sinceBig {
			return false // "五万三万", "万"
		}
		v := p.sectionValue()
		p.mid.Mul(v, pow10(4))
		p.midSet = true
		p.sec.SetInt64(0)
		p.lastSmall = 4
		p.sinceBig = false
	default: // 亿
		if p.highSet || !p.any {
			return false
		}
		if !p.sinceBig && !p.midSet {
			return false
		}
		v := p.sectionValue()
		v.Add(v, &p.mid)
		p.high.Mul(v, pow10(8))
		p.highSet = true
		p.mid.SetInt64(0)
		p.midSet = false
		p.sec.SetInt64(0)
		p.lastSmall = 4
		p.sinceBig = false
	}
	p.pend = nil
	p.pendArabic = false
	p.pendDecimal = false
	p.prevUnit = e
	p.zeroGap = false
	p.any = true
	return true
}

// sectionValue returns sec + pend.
func (p *numParser) sectionValue() *big.Rat {
	v := new(big.Rat).Set(&p.sec)
	if p.pend != nil {
		v.Add(v, p.pend)
	}
	return v
}

func (p *numParser) total() (*big.Rat, bool) {
	if !p.any {
		return nil, false
	}
	if p.pend != nil && p.prevUnit > 1 && !p.zeroGap {
		// A number right after 百, 千, 万 or 亿.
		if p.pendArabic || p.pendDecimal {
			return nil, false // "3亿5000": write "3亿5000万"
		}
		// Colloquial "一万五" = 15000: the digit counts the next lower unit.
		p.pend.Mul(p.pend, pow10(p.prevUnit-1))
	}
	v := p.sectionValue()
	v.Add(v, &p.mid)
	v.Add(v, &p.high)
	return v, true
}

// parseArabic reads an Arabic number with optional thousands separators and
// decimal fraction. It rejects "1,23", "1..2", "1." and "1,2.3,4".
func parseArabic(s string) (*big.Rat, bool) {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if hasFrac && (frac == "" || strings.ContainsAny(frac, ".,")) {
		return nil, false
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return nil, false
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return nil, false
			}
		}
		intPart = strings.Join(groups, "")
	}
	if intPart == "" {
		return nil, false
	}
	if v, ok := smallDecimal(intPart, frac); ok {
		return v, true
	}
	if hasFrac {
		return new(big.Rat).SetString(intPart + "." + frac)
	}
	return new(big.Rat).SetString(intPart)
}

// smallDecimal reads intPart.frac, both ASCII digits, of at most 18
// digits together: the common case, exact in an int64 over a power of ten,
// without big.Rat's string parsing.
func smallDecimal(intPart, frac string) (*big.Rat, bool) {
	if len(intPart)+len(frac) > 18 {
		return nil, false
	}
	var n int64
	for _, part := range [2]string{intPart, frac} {
		for i := 0; i < len(part); i++ {
			c := part[i]
			if c < '0' || c > '9' {
				return nil, false
			}
			n = n*10 + int64(c-'0')
		}
	}
	return decimalRat(n, len(frac)), true
}

// decimalRat returns n/10^frac (frac at most 18) as a new value.
func decimalRat(n int64, frac int) *big.Rat {
	d := int64(1)
	for range frac {
		d *= 10
	}
	// n/d in lowest terms: d's only prime factors are 2 and 5, so that
	// newRat is given what SetFrac64 would reduce to, without its greatest
	// common divisor
	for _, p := range [2]int64{2, 5} {
		for d%p == 0 && n%p == 0 {
			n, d = n/p, d/p
		}
	}
	return newRat(n, d)
}

// ParseDecimalRunes is ParseNumber(string(r)) for r a plain decimal of at
// most 18 digits (digits, and a point between two of them): the numbers
// the rules read most, read from their code points without making their
// text. ok is false for anything else, which ParseNumber reads or rejects
// (TestParseDecimalRunes).
func ParseDecimalRunes(r []rune) (v *big.Rat, ok bool) {
	var n int64
	point := -1 // the index of the point, if any
	for i, c := range r {
		switch {
		case '0' <= c && c <= '9':
			n = n*10 + int64(c-'0')
		case c == '.' && point < 0 && i > 0 && i < len(r)-1:
			point = i
		default:
			return nil, false
		}
	}
	digits, frac := len(r), 0
	if point >= 0 {
		digits, frac = len(r)-1, len(r)-1-point
	}
	if digits == 0 || digits > 18 {
		return nil, false
	}
	return decimalRat(n, frac), true
}

// ratWord is a big.Rat with room for its numerator: a value of one word
// is one allocation.
type ratWord struct {
	r big.Rat
	w [1]big.Word
}

// newRat returns n/d, which must be in lowest terms with 0 <= n and
// 0 < d, as a new value: one allocation when d is 1, two otherwise (the
// three of new(big.Rat).SetInt64 and Denom().SetInt64). The numerator's
// word is in the same object as the Rat, set through Num's reference;
// an operation on the value that needs more words allocates its own.
func newRat(n, d int64) *big.Rat {
	if n < 0 || uint64(big.Word(n)) != uint64(n) { // 32-bit words
		v := new(big.Rat).SetInt64(n)
		if d != 1 {
			v.Denom().SetInt64(d)
		}
		return v
	}
	b := &ratWord{w: [1]big.Word{big.Word(n)}}
	v := &b.r
	v.Num().SetBits(b.w[:])
	if d != 1 {
		// Denom is a reference only to a set denominator: Set sets it
		// to 1, in words of its own
		v.Set(v)
		v.Denom().SetInt64(d)
	}
	return v
}

// ratParts returns v's numerator and denominator when both fit an int64.
// (An integer's denominator is not asked of Denom, which makes a new Int
// for a Rat whose denominator was never set, as newRat leaves it.)
func ratParts(v *big.Rat) (n, d int64, ok bool) {
	if !v.Num().IsInt64() {
		return 0, 0, false
	}
	if v.IsInt() {
		return v.Num().Int64(), 1, true
	}
	if !v.Denom().IsInt64() {
		return 0, 0, false
	}
	return v.Num().Int64(), v.Denom().Int64(), true
}

// scaleSmall returns v * mul * 10^exp (mul 0 meaning 1) as newRat makes
// it, when v is not negative and the product's numerator and denominator
// fit an int64; ok is false otherwise. Rat.Mul gives the same value in
// lowest terms, with a few more allocations.
func scaleSmall(v *big.Rat, exp int, mul int64) (r *big.Rat, ok bool) {
	n, d, ok := ratParts(v)
	if !ok || n < 0 || mul < 0 || exp <= -len(pow10Words) || exp >= len(pow10Words) {
		return nil, false
	}
	num, den := uint64(n), uint64(d)
	if mul != 0 {
		if num, ok = mulInt64(num, uint64(mul)); !ok {
			return nil, false
		}
	}
	if exp > 0 {
		num, ok = mulInt64(num, pow10Words[exp])
	} else if exp < 0 {
		den, ok = mulInt64(den, pow10Words[-exp])
	}
	if !ok {
		return nil, false
	}
	g := gcd(num, den)
	return newRat(int64(num/g), int64(den/g)), true
}

// pow10Words holds 10^0 to 10^18, the powers of ten of an int64.
var pow10Words = func() []uint64 {
	t := make([]uint64, 19)
	t[0] = 1
	for i := 1; i < len(t); i++ {
		t[i] = t[i-1] * 10
	}
	return t
}()

// mulInt64 returns a*b and whether it fits an int64.
func mulInt64(a, b uint64) (uint64, bool) {
	hi, lo := bits.Mul64(a, b)
	return lo, hi == 0 && lo <= math.MaxInt64
}

// gcd returns the greatest common divisor of a and b, b > 0.
func gcd(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

var pow10Cache = func() []*big.Rat {
	t := make([]*big.Rat, 25)
	x := big.NewInt(1)
	for i := range t {
		t[i] = new(big.Rat).SetInt(x)
		x = new(big.Int).Mul(x, big.NewInt(10))
	}
	return t
}()

// pow10 returns 10^e as a new value; e may be negative.
func pow10(e int) *big.Rat {
	if e >= 0 && e < len(pow10Cache) {
		return new(big.Rat).Set(pow10Cache[e])
	}
	x := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(e))), nil)
	if e < 0 {
		return new(big.Rat).SetFrac(big.NewInt(1), x)
	}
	return new(big.Rat).SetInt(x)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Float returns the float64 nearest to r, for the output column only; nil
// gives 0.
func Float(r *big.Rat) float64 {
	if r == nil {
		return 0
	}
	// numerator and denominator exact in a float64: IEEE division rounds
	// their quotient to the nearest float64, ties to even, as Rat.Float64
	// does, without its allocations (almost every figure: 6.5 is 13/2)
	if n, d, ok := ratParts(r); ok && n >= -maxExact && n <= maxExact && d <= maxExact {
		return float64(n) / float64(d)
	}
	f, _ := r.Float64()
	return f
}

// maxExact is the largest integer up to which every integer is exact in
// a float64.
const maxExact = 1 << 53

// maxFormatDecimals is the number of decimals [FormatNumber] writes for a
// value with no finite decimal expansion (1/3).
const maxFormatDecimals = 10

// FormatNumber writes v as a plain decimal with no exponent and no trailing
// zeros: "342000000", "6.5", "-3". A value with no finite decimal expansion
// is rounded to 10 decimals.
func FormatNumber(v *big.Rat) string {
	d, ok := decimals(v)
	if !ok {
		d = maxFormatDecimals
	}
	s := v.FloatString(d)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// decimals returns the number of decimals v needs, and false if its decimal
// expansion does not end (its denominator has a prime factor other than 2
// and 5).
func decimals(v *big.Rat) (int, bool) {
	d := new(big.Int).Set(v.Denom())
	two, five := big.NewInt(2), big.NewInt(5)
	var a, b int
	m := new(big.Int)
	for {
		if q, r := new(big.Int).QuoRem(d, two, m); r.Sign() == 0 {
			d, a = q, a+1
			continue
		}
		break
	}
	for {
		if q, r := new(big.Int).QuoRem(d, five, m); r.Sign() == 0 {
			d, b = q, b+1
			continue
		}
		break
	}
	if d.Cmp(big.NewInt(1)) != 0 {
		return 0, false
	}
	return max(a, b), true
}
