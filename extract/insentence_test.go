package extract

import (
	"math/rand/v2"
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

// TestInPlaceTests checks the tests isProjectCapacity and read make on
// the runes in place against the strings they were made of: at every
// position of every sentence of the bundled reports and the development
// set, and of random runs of Chinese, marks, digits and invalid code
// points, startsHanNounAt against startsHanNoun of the two code points
// there, and allCueLasts, which rules out a cue ending right before the
// position, against hasSuffixAny of the six code points before it.
func TestInPlaceTests(t *testing.T) {
	texts := sentencesOf(append(corpusDocs(t), devDocs(t)...))
	pieces := []rune{'增', '长', '新', '建', '的', '，', '、', '5', 'a', 0xD800, -1, 0x10FFFF + 1, '𠀀', '达', '到'}
	rng := rand.New(rand.NewPCG(36, 7))
	for range 20000 {
		s := make([]rune, 1+rng.IntN(8))
		for k := range s {
			s[k] = pieces[rng.IntN(len(pieces))]
		}
		texts = append(texts, s)
	}
	cueEnds := 0
	for _, s := range texts {
		for i := 0; i <= len(s); i++ {
			if got, want := startsHanNounAt(s, i), startsHanNoun(string(s[i:min(len(s), i+2)])); got != want {
				t.Fatalf("%q at %d: startsHanNounAt %v, startsHanNoun %v", string(s), i, got, want)
			}
			if hasSuffixAny(string(s[max(0, i-6):i]), allCues) {
				cueEnds++
				if i == 0 || !allCueLasts.has(s[i-1]) {
					t.Fatalf("%q at %d: a cue ends there, but allCueLasts rules it out", string(s), i)
				}
			}
		}
	}
	if cueEnds < 1000 {
		t.Fatalf("%d positions after a cue; want more", cueEnds)
	}
}
