package review

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/gwrfacts/gwr/normalize"
	"github.com/gwrfacts/gwr/schema"
)

// boundSigns are the signs FormatValue puts before a bounded value.
var boundSigns = map[string]string{
	"ge":     "≥",
	"gt":     ">",
	"le":     "≤",
	"lt":     "<",
	"approx": "≈",
}

// FormatValue writes a fact's value the way a report would, with its bound:
// 342000000 CNY is "3.42亿元", 6.5 percent approx is "≈6.5%", 10 count 家
// ge is "≥10家", a range 3 to 5 count 个 is "3–5个" (the unit written once
// when both ends share it). The number is written by normalize.Format; a
// unit it does not know (such as "other") is written as the fact's
// unit_text after the number.
func FormatValue(f schema.Fact) string {
	lo := formatAmount(f.ValueLow, f)
	if f.Bound == "range" || f.ValueHigh != f.ValueLow {
		hi := formatAmount(f.ValueHigh, f)
		ln, lu := splitNumber(lo)
		hn, hu := splitNumber(hi)
		if lu == hu {
			return ln + "–" + hn + hu
		}
		return lo + "–" + hi
	}
	return boundSigns[string(f.Bound)] + lo
}

// formatAmount writes one end of a fact's value with its unit.
func formatAmount(v float64, f schema.Fact) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	r, ok := new(big.Rat).SetString(s)
	if !ok { // NaN or an infinity
		return s + f.UnitText
	}
	if !knownUnit(string(f.Unit)) {
		return normalize.FormatNumber(r) + f.UnitText
	}
	return normalize.Format(r, string(f.Unit), f.Classifier)
}

// knownUnit reports whether normalize.Format writes a unit for u.
func knownUnit(u string) bool {
	return u != "" && u != "other" && normalize.Format(big.NewRat(1, 1), u, "") != "1"
}

// splitNumber splits a formatted amount into its number ("-3.5", with any
// scale word such as 万 or 亿 left in the unit part) and its unit.
func splitNumber(s string) (number, unit string) {
	i := strings.IndexFunc(s, func(r rune) bool {
		return !(r >= '0' && r <= '9' || r == '.' || r == '-')
	})
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}
