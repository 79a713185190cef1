package extract

// A bound word after the last number of a list of items, each named and
// counted in the same measure word, covers every number of it (SPEC 7;
// LABELING: 新增“掌上办”高频服务事项100项、“高效办成一件事”20项以上 gives two
// ge rows).

import (
	"slices"
	"strings"

	"github.com/gwrfacts/gwr/schema"
)

// listBoundWords are the bound words after a number that a list's last
// item lends to the items before it.
var listBoundWords = []string{"以上", "以内", "以下", "左右"}

// maxListItemName is how long the name of a later item may be (the words
// between the 、 and its number).
const maxListItemName = 16

// carryListBound gives the counts of a list without a bound word of their
// own the bound word written after the list's last count: the items are
// separated by 、 within one clause, each is only a name before its count
// (no verb of its own: not 投资增长10%、…投资占50%以上), and every count is
// written in the same measure word (100项、…20项以上). A list whose last
// bound is written before the number (超20项) or that holds 其中 (a part,
// not an item) lends nothing.
func carryListBound(qs []quantity, s []rune) {
	for i := len(qs) - 1; i > 0; i-- {
		last := &qs[i]
		if last.unit != schema.Count || last.bound == schema.Eq || last.bound == schema.Range || last.post.end == last.post.start ||
			!slices.Contains(listBoundWords, string(s[last.post.start:last.post.end])) {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			p, next := &qs[j], &qs[j+1]
			if !listItemGap(s[p.end:next.start]) || p.unitText != last.unitText || p.unit != last.unit ||
				p.rule.Yield != Point || p.bound != schema.Eq || p.pre.end > p.pre.start {
				break
			}
			p.bound = last.bound
		}
	}
}

// listItemGap reports whether gap, the text between two numbers, is a 、
// then the next item's name: no other clause mark, no digit, no 其中.
func listItemGap(gap []rune) bool {
	if len(gap) < 2 || gap[0] != '、' || len(gap) > maxListItemName+1 {
		return false
	}
	for _, r := range gap[1:] {
		if isClauseMark(r) || r >= '0' && r <= '9' {
			return false
		}
	}
	g := string(gap)
	return !strings.Contains(g, "其中") && !allCueIndex.any(g)
}
