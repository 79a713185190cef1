package golden

import (
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
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(seg)
	if err != nil {
		t.Fatal(err)
	}
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
