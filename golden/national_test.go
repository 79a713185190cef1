package golden

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/extract"
	"github.com/gwrfacts/gwr/extract/segment"
)

// notPercentFacts are the 百分之 numerals of the national reports that are
// no fact, each with its reason: the text right after 百分之, keyed by
// document.
var notPercentFacts = map[string][]struct{ after, why string }{
	"national_china_1981": {{"几十", "百分之几十 (some tens of percent) names no number"}},
}

var percentWord = regexp.MustCompile(`百分之`)

// TestNationalPercentInvariant checks, over every State Council report in
// corpus/testdata/national (1954-2025), that each 百分之 numeral lies inside
// a fact or is on the short list of numerals that are no fact (issue 12).
func TestNationalPercentInvariant(t *testing.T) {
	inputs, err := corpus.Discover([]string{nationalDir})
	if err != nil {
		t.Fatal(err)
	}
	x := newNationalExtractor(t)
	docs, total := 0, 0
	for _, in := range inputs {
		d, err := corpus.Load(in, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(filepath.Base(d.Path), "national_china_") {
			continue
		}
		docs++
		facts := x.Extract(extract.Document{ID: d.ID, Text: d.Text, PlanYear: d.Meta.Year})
		runes := []rune(d.Text)
		for _, loc := range percentWord.FindAllStringIndex(d.Text, -1) {
			total++
			at := len([]rune(d.Text[:loc[0]]))
			inside := false
			for _, f := range facts {
				if int(f.Start) <= at && at < int(f.End) {
					inside = true
					break
				}
			}
			after := string(runes[at+3 : min(len(runes), at+9)])
			listed := false
			for _, n := range notPercentFacts[d.ID] {
				if strings.HasPrefix(after, n.after) {
					listed = true
				}
			}
			if inside == listed {
				context := string(runes[max(0, at-20):min(len(runes), at+12)])
				if inside {
					t.Errorf("%s: 百分之%s… is a fact but on the not-a-fact list: %s", d.ID, after, context)
				} else {
					t.Errorf("%s: 百分之%s… is no fact: %s", d.ID, after, context)
				}
			}
		}
	}
	if docs != 50 || total < 500 {
		t.Errorf("read %d national reports with %d 百分之; want 50 reports and at least 500", docs, total)
	}
}

// gdpTargets are the GDP growth targets the national reports of 1997-2025
// in corpus/testdata/national state, read from their texts: 2000 and 2002
// state none in these transcriptions, 2001 only the 十五 five-year average,
// 2020 and 2023 are not in the corpus. 1998's is written with spaced
// full-width digits (8 ％).
var gdpTargets = []struct {
	year      int32
	low, high float64
	bound     string
}{
	{1997, 8, 8, "eq"}, {1998, 8, 8, "eq"}, {1999, 7, 7, "approx"},
	{2003, 7, 7, "approx"}, {2004, 7, 7, "approx"}, {2005, 8, 8, "approx"}, {2006, 8, 8, "approx"},
	{2007, 8, 8, "approx"}, {2008, 8, 8, "approx"}, {2009, 8, 8, "approx"}, {2010, 8, 8, "approx"},
	{2011, 8, 8, "approx"}, {2012, 7.5, 7.5, "eq"}, {2013, 7.5, 7.5, "approx"}, {2014, 7.5, 7.5, "approx"},
	{2015, 7, 7, "approx"}, {2016, 6.5, 7, "range"}, {2017, 6.5, 6.5, "approx"}, {2018, 6.5, 6.5, "approx"},
	{2019, 6, 6.5, "range"}, {2021, 6, 6, "ge"}, {2022, 5.5, 5.5, "approx"}, {2024, 5, 5, "approx"},
	{2025, 5, 5, "approx"},
}

var gdpIndicator = regexp.MustCompile(`国内生产总值|经济增长`)

// TestNationalGDPTargets checks that each GDP growth target of gdpTargets
// is a target fact of its report's year with the right value and bound.
func TestNationalGDPTargets(t *testing.T) {
	x := newNationalExtractor(t)
	for _, g := range gdpTargets {
		path := filepath.Join(nationalDir, fmt.Sprintf("national_china_%d.txt", g.year))
		inputs, err := corpus.Discover([]string{path})
		if err != nil {
			t.Fatal(err)
		}
		d, err := corpus.Load(inputs[0], corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range x.Extract(extract.Document{ID: d.ID, Text: d.Text, PlanYear: d.Meta.Year}) {
			if f.Kind == "target" && f.Year != nil && *f.Year == g.year && f.Measure == "growth" && f.Unit == "percent" &&
				f.ValueLow == g.low && f.ValueHigh == g.high && string(f.Bound) == g.bound && gdpIndicator.MatchString(f.Indicator) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%s: no target fact of %d for GDP growth %v-%v (%s)", d.ID, g.year, g.low, g.high, g.bound)
		}
	}
}

// newNationalExtractor returns an extractor with the built-in rules and
// the default segmenter.
func newNationalExtractor(t *testing.T) *extract.Extractor {
	t.Helper()
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(seg)
	if err != nil {
		t.Fatal(err)
	}
	return x
}
