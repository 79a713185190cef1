package extract

// The sign question: whether a delta or growth is a decrease.

import (
	"strings"

	"github.com/gwrfacts/gwr/extract/lexicon"
	"github.com/gwrfacts/gwr/schema"
)

// signOf decides whether a fact's number is negative (SPEC section 7): a
// delta or growth governed by a decrease word (拆除, 下降, 压减 …), but not
// a level reached (下降到): decrease is isDecrease of its cue. A from-to
// start is never negative.
func signOf(measure schema.Measure, decrease, fromTo bool) (negative bool, why string) {
	switch {
	case fromTo:
		return false, "from-to-start"
	case measure != schema.Growth && measure != schema.Delta:
		return false, "level"
	case decrease:
		return true, "decrease-cue"
	}
	return false, "no-decrease-cue"
}

// isDecrease reports a cue holding a decrease word of the lexicon (sign -),
// unless it names the level reached (下降到, 降至).
func isDecrease(cue string) bool {
	return decreaseIndex.any(cue) && !endsReached(cue)
}

// decreaseIndex finds the decrease words in one pass over a cue.
var decreaseIndex = newWordIndex(decreaseCues)

// removals are the decrease words of an action that takes things away
// (delta, sign -, no growth role: 拆除, 关停, 销号), not of a fall
// (下降) nor of money (化解: 24万多户…登记问题得到有效化解 are problems
// solved, a positive count): after the counted noun they say the things
// were removed.
var removals = func() []string {
	var out []string
	for _, w := range decreaseCues {
		if lex.Is(w, lexicon.Delta) && !lex.Is(w, lexicon.Growth) && !lex.Is(w, lexicon.MoneyAction) {
			out = append(out, w)
		}
	}
	return out
}()

// removedAfter reports whether the rest of a count's phrase (after the
// number) ends with a removal: 154个风险点全部【销号】, 320处违建已【拆除】
// (SPEC 7: a removal is a negative delta). A fall there is no removal of
// the things counted (3个指标下降).
func removedAfter(rest string) bool {
	return removalEnds.endOf(strings.TrimRight(rest, "了完毕"))
}

// removalEnds finds a removal at the end of a text.
var removalEnds = newSuffixWords(removals)

// resolves reports a cue whose decrease word resolves rather than removes
// (化解): a money-action word of sign -, neither a removal nor a fall, so
// a running total of what it resolved is a level like any other
// (累计化解矛盾纠纷2491件, LABELING).
func resolves(cue string) bool {
	for _, w := range decreaseCues {
		if strings.Contains(cue, w) {
			return lex.Is(w, lexicon.MoneyAction) && !lex.Is(w, lexicon.Growth)
		}
	}
	return false
}
