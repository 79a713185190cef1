package eval

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/gwrfacts/gwr/schema"
)

// Fields lists the fields whose accuracy is reported, in report order.
var Fields = []string{"value", "unit", "bound", "measure", "kind", "year", "indicator"}

// StrictFields lists the fields a pair must get right to be a strict true
// positive. A full true positive also needs the indicator.
var StrictFields = []string{"value", "unit", "bound", "measure", "kind"}

// ValueTolerance is the relative tolerance of SameValue.
const ValueTolerance = 1e-6

// SameValue reports whether a and b are equal within ValueTolerance:
// |a-b| <= 1e-6 * max(|a|, |b|). Zero only equals zero.
func SameValue(a, b float64) bool {
	return a == b || math.Abs(a-b) <= ValueTolerance*max(math.Abs(a), math.Abs(b))
}

// SameIndicator reports whether two indicators name the same thing. After
// dropping quote marks (“”‘’"'「」《》) and white space, they match when they
// are equal; when one contains the other and the shorter is at least half
// as long as the longer, in code points; or when the Jaccard index of their
// sets of character bigrams is at least 0.5.
func SameIndicator(a, b string) bool {
	x, y := cleanIndicator(a), cleanIndicator(b)
	if string(x) == string(y) {
		return true
	}
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) > 0 && strings.Contains(string(y), string(x)) && 2*len(x) >= len(y) {
		return true
	}
	return bigramJaccard(x, y) >= 0.5
}

// cleanIndicator drops quote marks and white space.
func cleanIndicator(s string) []rune {
	var out []rune
	for _, r := range s {
		if unicode.IsSpace(r) || strings.ContainsRune("“”‘’\"'「」《》", r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// bigramJaccard returns |A∩B| / |A∪B| for the sets of adjacent code-point
// pairs of a and b; 0 when both sets are empty.
func bigramJaccard(a, b []rune) float64 {
	bigrams := func(s []rune) map[[2]rune]bool {
		set := map[[2]rune]bool{}
		for i := 0; i+1 < len(s); i++ {
			set[[2]rune{s[i], s[i+1]}] = true
		}
		return set
	}
	sa, sb := bigrams(a), bigrams(b)
	inter := 0
	for g := range sa {
		if sb[g] {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// Agree reports whether pred gets field (one of Fields) of gold right.
// value compares value_low and value_high with SameValue; a gold year of
// null accepts any year; indicator uses SameIndicator; the other fields
// must be equal.
func Agree(field string, gold, pred schema.Fact) bool {
	switch field {
	case "value":
		return SameValue(gold.ValueLow, pred.ValueLow) && SameValue(gold.ValueHigh, pred.ValueHigh)
	case "unit":
		return gold.Unit == pred.Unit
	case "bound":
		return gold.Bound == pred.Bound
	case "measure":
		return gold.Measure == pred.Measure
	case "kind":
		return gold.Kind == pred.Kind
	case "year":
		return gold.Year == nil || pred.Year != nil && *gold.Year == *pred.Year
	case "indicator":
		return SameIndicator(gold.Indicator, pred.Indicator)
	}
	panic("eval: unknown field " + field)
}

// FieldDiff is one field a prediction gets wrong, with both values
// formatted for people: numbers plainly, strings quoted, a missing year as
// null, a value range as low..high.
type FieldDiff struct {
	Field string `json:"field"`
	Gold  string `json:"gold"`
	Pred  string `json:"predicted"`
}

// Diffs returns the Fields that pred gets wrong, in Fields order.
func Diffs(gold, pred schema.Fact) []FieldDiff {
	var diffs []FieldDiff
	for _, f := range Fields {
		if !Agree(f, gold, pred) {
			diffs = append(diffs, FieldDiff{f, formatField(f, gold), formatField(f, pred)})
		}
	}
	return diffs
}

func formatField(field string, f schema.Fact) string {
	switch field {
	case "value":
		lo := strconv.FormatFloat(f.ValueLow, 'f', -1, 64)
		if f.ValueHigh == f.ValueLow {
			return lo
		}
		return lo + ".." + strconv.FormatFloat(f.ValueHigh, 'f', -1, 64)
	case "unit":
		return strconv.Quote(string(f.Unit))
	case "bound":
		return strconv.Quote(string(f.Bound))
	case "measure":
		return strconv.Quote(string(f.Measure))
	case "kind":
		return strconv.Quote(string(f.Kind))
	case "year":
		if f.Year == nil {
			return "null"
		}
		return strconv.Itoa(int(*f.Year))
	case "indicator":
		return strconv.Quote(f.Indicator)
	}
	panic("eval: unknown field " + field)
}
