package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/golden/eval"
)

// TestLabelSpans checks every hand label against the text it points into:
// the document exists, the span lies inside it, text[start:end] (code
// points) equals the row's mention, and rows are sorted by start. A label
// whose offsets drift from its text would be scored against the wrong
// number by `gwr eval`. A classifier holding a multiplier (万辆次) betrays
// a value left unscaled.
func TestLabelSpans(t *testing.T) {
	for _, set := range []struct{ labels, texts string }{
		{"labels", corpusDir},
		{"dev/labels", "dev/texts"},
		{provinces2026Labels, provinces2026Dir},
	} {
		gold, err := eval.ReadGold(set.labels)
		if err != nil {
			t.Fatal(err)
		}
		texts := map[string][]rune{}
		last := map[string]int{}
		for _, g := range gold {
			text, ok := texts[g.DocID]
			if !ok {
				path := filepath.Join(set.texts, g.DocID+".txt")
				raw, err := os.ReadFile(path)
				if err != nil {
					t.Errorf("%s: label of %s: %v", set.labels, g.DocID, err)
					texts[g.DocID] = nil
					continue
				}
				s, _, err := corpus.Decode(raw, "")
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				text = []rune(s)
				texts[g.DocID] = text
				last[g.DocID] = -1
			}
			if text == nil {
				continue
			}
			start, end := int(g.Start), int(g.End)
			if start < 0 || start >= end || end > len(text) {
				t.Errorf("%s/%s: span [%d,%d) of %q outside the text (%d code points)", set.labels, g.DocID, start, end, g.Mention, len(text))
				continue
			}
			if got := string(text[start:end]); got != g.Mention {
				t.Errorf("%s/%s: text[%d:%d] = %q, want the mention %q", set.labels, g.DocID, start, end, got, g.Mention)
			}
			if start < last[g.DocID] {
				t.Errorf("%s/%s: row at %d after a row at %d: want rows sorted by start", set.labels, g.DocID, start, last[g.DocID])
			}
			last[g.DocID] = start
			if strings.ContainsAny(g.Classifier, "万亿") {
				t.Errorf("%s/%s: row %q at %d has classifier %q: want the measure word alone, its multiplier in unit_text and value", set.labels, g.DocID, g.Mention, start, g.Classifier)
			}
			if strings.TrimSpace(g.Indicator) == "" && !g.Optional {
				t.Errorf("%s/%s: required row %q at %d has no indicator", set.labels, g.DocID, g.Mention, start)
			}
		}
		if len(texts) == 0 {
			t.Errorf("%s: no labelled documents", set.labels)
		}
	}
}
