package extract_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/extract"
	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/schema"
)

// FuzzExtract feeds the extractor any text: also invalid UTF-8, NULs,
// endless digits, nested quotes, '**' markup and HTML. Extract must not
// panic and every row must keep the invariants of SPEC section 2, checked
// by checkFacts. Seeds are in testdata/fuzz/FuzzExtract.
//
// The text the offsets count in is the input as Go's []rune conversion
// reads it: each byte that is not part of valid UTF-8 is one U+FFFD. (gwr
// only extracts decoded, valid text; the fuzzer also tries the rest.)
func FuzzExtract(f *testing.F) {
	seg, err := segment.Default()
	if err != nil {
		f.Fatal(err)
	}
	x, err := extract.New(seg)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, html bool, year uint16) {
		plan := fuzzPlanYear(year)
		facts := x.Extract(extract.Document{ID: "fuzz", Text: text, HTML: html, PlanYear: plan})
		checkFacts(t, text, plan, facts)
	})
}

// fuzzPlanYear maps the fuzzer's number to a plan year: 0 (unknown) or one
// of 1990 … 2069.
func fuzzPlanYear(n uint16) int {
	if n == 0 {
		return 0
	}
	return 1990 + int(n%80)
}

// Plausible years of a fact: SPEC section 6 gives the plan year, the year
// before, a year the text names (19xx or 20xx) or, for "N年内", Y+N-1;
// a century past the plan is the most a report may look ahead.
const (
	minFactYear = 1900
	maxFactYear = 2200
)

// checkFacts checks the SPEC invariants of facts extracted from text.
func checkFacts(t *testing.T, text string, plan int, facts []schema.Fact) {
	t.Helper()
	runes := []rune(text)
	for i, f := range facts {
		where := func() string {
			return "fact " + f.Mention + " (" + f.Rule + ")"
		}
		if f.DocID != "fuzz" {
			t.Errorf("%s: doc_id %q, want fuzz", where(), f.DocID)
		}
		if f.FactID != int32(i+1) {
			t.Errorf("%s: fact_id %d, want %d", where(), f.FactID, i+1)
		}
		if f.Start < 0 || f.Start >= f.End || int(f.End) > len(runes) {
			t.Fatalf("%s: span [%d, %d) not inside the %d code points of %+q", where(), f.Start, f.End, len(runes), text)
		}
		if got := string(runes[f.Start:f.End]); got != f.Mention {
			t.Errorf("text[%d:%d] = %+q, mention %+q", f.Start, f.End, got, f.Mention)
		}
		if i > 0 {
			prev := facts[i-1]
			if f.Start < prev.Start {
				t.Errorf("%s: start %d before the start %d of fact %d: not in start order", where(), f.Start, prev.Start, i)
			}
			if f.Start < prev.End {
				t.Errorf("%s: span [%d, %d) overlaps fact %d [%d, %d)", where(), f.Start, f.End, i, prev.Start, prev.End)
			}
		}
		if !strings.Contains(f.Sentence, f.Mention) {
			t.Errorf("%s: sentence %+q does not hold the mention", where(), f.Sentence)
		}
		for _, c := range []struct {
			column, value string
			values        []string
		}{
			{"measure", string(f.Measure), schema.Measures},
			{"bound", string(f.Bound), schema.Bounds},
			{"kind", string(f.Kind), schema.Kinds},
			{"unit", string(f.Unit), schema.Units},
		} {
			if !slices.Contains(c.values, c.value) {
				t.Errorf("%s: %s %q, want one of %v", where(), c.column, c.value, c.values)
			}
		}
		for _, v := range []float64{f.ValueLow, f.ValueHigh} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("%s: value %v..%v is not finite", where(), f.ValueLow, f.ValueHigh)
			}
		}
		if f.ValueLow > f.ValueHigh {
			t.Errorf("%s: value_low %v > value_high %v", where(), f.ValueLow, f.ValueHigh)
		}
		if f.Bound != "range" && f.ValueLow != f.ValueHigh {
			t.Errorf("%s: bound %s with two values %v..%v (only a range has two)", where(), f.Bound, f.ValueLow, f.ValueHigh)
		}
		if f.Classifier != "" && f.Unit != "count" {
			t.Errorf("%s: classifier %q with unit %s (only counts have one)", where(), f.Classifier, f.Unit)
		}
		if f.Year != nil && (*f.Year < minFactYear || *f.Year > maxFactYear) {
			t.Errorf("%s: year %d in a report for %d, want null or %d…%d", where(), *f.Year, plan, minFactYear, maxFactYear)
		}
		if f.Rule == "" {
			t.Errorf("%s: no rule id", where())
		}
	}
}
