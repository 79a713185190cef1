package extract

import (
	"fmt"
	"os"
	"testing"

	"github.com/gwrfacts/gwr/extract/segment"
)

func TestDebugSentence(t *testing.T) {
	s := os.Getenv("GWR_DEBUG")
	if s == "" {
		t.Skip("set GWR_DEBUG to a sentence")
	}
	seg, _ := segment.Default()
	x, _ := New(seg)
	t.Log(seg.Segment(s))
	for _, f := range x.Extract(Document{ID: "d", Text: s, PlanYear: 2023}) {
		y := "null"
		if f.Year != nil {
			y = fmt.Sprint(*f.Year)
		}
		t.Logf("%s ind=%q cue=%q %s %v..%v %s %s %s y=%s hedge=%q rule=%s", f.Mention, f.Indicator, f.Cue, f.Measure, f.ValueLow, f.ValueHigh, f.Bound, f.Unit, f.Kind, y, f.Hedge, f.Rule)
	}
}
