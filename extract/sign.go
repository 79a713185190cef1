package extract

// The sign question: whether a delta or growth is a decrease.

import (
	"strings"

	"github.com/gwrfacts/gwr/schema"
)

// signOf decides whether a fact's number is negative (SPEC section 7): a
// delta or growth governed by a decrease word (拆除, 下降, 压减 …), but not
// a level reached (下降到). A from-to start is never negative.
func signOf(measure schema.Measure, cue string, fromTo bool) (negative bool, why string) {
	switch {
	case fromTo:
		return false, "from-to-start"
	case measure != schema.Growth && measure != schema.Delta:
		return false, "level"
	case isDecrease(cue):
		return true, "decrease-cue"
	}
	return false, "no-decrease-cue"
}

// isDecrease reports a cue holding a decrease word of the lexicon (sign -),
// unless it names the level reached (下降到, 降至).
func isDecrease(cue string) bool {
	for _, w := range decreaseCues {
		if strings.Contains(cue, w) {
			return !strings.HasSuffix(cue, "到") && !strings.HasSuffix(cue, "至")
		}
	}
	return false
}
