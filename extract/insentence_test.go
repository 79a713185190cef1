package extract

import (
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

// TestNamesProject checks namesProject, which reads the text after a
// capacity as runes in place, against the same questions asked of that
// text as a string (namesProjectOfString), after every position of the
// bundled reports and the development set, in a plant's unit and in one
// that is none.
func TestNamesProject(t *testing.T) {
	found := map[bool]int{}
	for _, s := range sentencesOf(append(corpusDocs(t), devDocs(t)...)) {
		for i := range s {
			after := s[i:min(len(s), i+60)]
			for _, u := range []schema.Unit{"kW", schema.Count, schema.CNY} {
				got, want := namesProject(after, u), namesProjectOfString(string(after), u)
				if got != want {
					t.Fatalf("%q in %s: namesProject %v, of the string %v", string(after), u, got, want)
				}
				found[got]++
			}
		}
	}
	if found[true] < 1000 || found[false] < 1000 {
		t.Errorf("namesProject true %d times, false %d; want both of the corpus (> 1000)", found[true], found[false])
	}
}

// namesProjectOfString is namesProject as it was written before it read
// the runes in place: of the text made a string.
func namesProjectOfString(after string, u schema.Unit) bool {
	if i := strings.IndexAny(after, "。；;"); i >= 0 {
		after = after[:i]
	}
	if strings.Contains(after, "项目") {
		return true
	}
	if !plantUnits[u] {
		return false
	}
	if i := strings.IndexAny(after, "，,、：:"); i >= 0 {
		after = after[:i]
	}
	return hasSuffixAny(after, plantHeads)
}
