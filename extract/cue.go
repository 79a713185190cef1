package extract

// The cue question: which word governs a quantity.

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/extract/lexicon"
	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/schema"
)

// allCues lists every cue word, longest first.
var allCues = func() []string {
	seen := map[string]bool{}
	var out []string
	for _, list := range [][]string{growthCues, levelCues, deltaCues} {
		for _, w := range list {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len([]rune(out[i])) > len([]rune(out[j])) })
	return out
}()

// allCueLasts holds the last characters of allCues: a text that ends with
// none of them ends with no cue.
var allCueLasts = newSuffixWords(allCues).lasts

// allCueIndex finds the words of allCues in one pass (listItemGap).
var allCueIndex = newWordIndex(allCues)

// cueSet holds every cue word; maxCue is the longest, in code points.
var cueSet, maxCue = newWordSet(allCues), maxRunes(allCues)

// cueFirsts and cueLasts hold the first and the last characters of the cue
// words: firstCue, findCue and skipCue look words up only from and to
// one of them.
var cueFirsts, cueLasts = func() (*runeSet, *runeSet) {
	var first, last runeSet
	for _, w := range allCues {
		r, _ := utf8.DecodeRuneInString(w)
		first.add(r)
		r, _ = utf8.DecodeLastRuneInString(w)
		last.add(r)
	}
	return &first, &last
}()

// findCue returns the nearest cue word in [from, to) that sits on word
// boundaries, as [start, end), or -1.
func (a *analysis) findCue(from, to int) (string, int, int) {
	for end := to; end > from; end-- {
		if !a.tokE[end] || !cueLasts.has(a.s[end-1]) {
			continue
		}
		for st := max(from, end-maxCue); st < end; st++ {
			if a.tokStart[st] && cueFirsts.has(a.s[st]) && cueSet.has(a.sub(st, end)) {
				return a.sub(st, end), st, end
			}
		}
	}
	return "", -1, -1
}

// cueOf finds the word governing q in [cs, q.start): for a percentage the
// nearest change verb (技改投资【增长】20%), otherwise the first action of
// the clause (【实施】清洁取暖改造5.63万户), falling back to a verb-like bound
// word (突破170家) and to the nearest verb jieba tags.
func (a *analysis) cueOf(q *quantity, cs int) (cue string, st, en int, why string) {
	st, en = -1, -1
	if q.rule.FixedCue != "" {
		return q.rule.FixedCue, -1, -1, "fixed-rule" // 保持两位数【增长】
	}
	if q.pre.end > q.pre.start && q.unit != schema.Percent && q.unit != schema.PP && isLevelCue(a.sub(q.pre.start, q.pre.end)) {
		if c, s, e := a.firstCue(cs, q.pre.start); q.unit == schema.Count && c != "" && !isLevelCue(c) && lex.Is(c, lexicon.Delta) && !hasAny(a.sub(e, q.pre.start), countNouns) {
			// 培育技术经理人【超过】600人, 吸引高校毕业生就业每年超过40万人:
			// the count is of what the action did; 超过 is its bound; not
			// when a stock is named (认定科技型中小企业数量突破230家)
			return c, s, e, "action-before-bound-word"
		}
		w := a.sub(q.pre.start, q.pre.end)
		return w, q.pre.start, q.pre.start, "level-bound-word" // 融资规模【突破】255亿元
	}
	if q.unit == schema.Percent || q.unit == schema.PP || q.unit == schema.Times || q.rule.Yield == Fixed {
		cue, st, en = a.findCue(cs, q.start)
		why = "nearest-cue"
	} else if c, s, e := a.findCue(cs, q.start); c != "" && isLevelCue(c) {
		cue, st, en = c, s, e // 面积【稳定在】20万亩: the state verb wins
		why = "nearest-level-cue"
	} else {
		cue, st, en = a.firstCue(cs, q.start)
		why = "first-cue"
	}
	if cue != "" {
		return cue, st, en, why
	}
	if q.pre.end > q.pre.start {
		if w := a.sub(q.pre.start, q.pre.end); cueSet.has(w) {
			return w, q.pre.start, q.pre.start, "bound-word"
		}
	}
	if q.start > cs && a.s[q.start-1] == '达' {
		// 国际友城【达】137对: 达 right before its number is the level verb,
		// even where the segmenter joined it to the word before (友城达)
		return "达", q.start - 1, q.start, "da-before-number"
	}
	return a.cueInWordBefore(q.start, cs)
}

// cueInWordBefore returns the cue of a number at code point i in a clause
// starting at cs found in the word right before it, if no cue word is: the
// word itself if jieba tags it a verb, else a cue inside it.
func (a *analysis) cueInWordBefore(i, cs int) (cue string, st, en int, why string) {
	// the word right before the number (the tokens are ordered and do not
	// overlap: only one ends at i), read in place
	t := a.tokenEndingAt(i)
	if t == nil || t.Start < cs {
		return "", -1, -1, "none"
	}
	// the last verb jieba tags before the number: 改建8处, 喜摘奖牌82枚
	if t.POS == "v" && t.Runes() >= 2 {
		return t.Text, t.Start, t.End, "verb-before"
	}
	// a cue inside a compound noun: 城镇【新增】就业5400人
	if t.Runes() > 3 {
		for _, w := range compoundCues {
			if k := strings.Index(t.Text, w); k > 0 {
				st = t.Start + utf8.RuneCountInString(t.Text[:k])
				return w, st, st + 2, "cue-inside-word"
			}
		}
	}
	return "", -1, -1, "none"
}

// tokenEndingAt returns the token that ends at code point i, in place, or
// nil: the one holding i-1 (tokenHolding), if it ends there.
func (a *analysis) tokenEndingAt(i int) *segment.Token {
	if k := a.firstTokenFrom(i) - 1; k >= 0 && a.toks[k].End == i {
		return &a.toks[k]
	}
	return nil
}

// countNouns name how many things there are (数量): a count named by one
// over a bound word is a stock.
var countNouns = lex.Words(lexicon.CountNoun)

// compoundCues are the cues looked for inside a longer token.
var compoundCues = lex.Words(lexicon.CompoundCue)

// isLevelCue reports whether w is a level cue (lexicon role level).
func isLevelCue(w string) bool { return levelCueSet.has(w) }

// levelCueSet holds the level cues: cueOf and indicatorOf ask most words
// they find whether they are one.
var levelCueSet = newWordSet(levelCues)

// firstCue returns the first cue word in [from, to) on word boundaries.
func (a *analysis) firstCue(from, to int) (string, int, int) {
	for st := from; st < to; st++ {
		if !a.tokStart[st] || !cueFirsts.has(a.s[st]) {
			continue
		}
		for end := min(to, st+maxCue); end > st; end-- {
			if a.tokE[end] && cueLasts.has(a.s[end-1]) && cueSet.has(a.sub(st, end)) {
				return a.sub(st, end), st, end
			}
		}
	}
	return "", -1, -1
}

// skipCue skips a cue word at i (and the words of an enumeration mark), so
// that an indicator starting after an earlier number does not start with
// the next action's verb.
func (a *analysis) skipCue(i, limit int) int {
	for i < limit && isClauseMark(a.s[i]) {
		i++
	}
	// a cue is skipped only when words remain after it: in 发放【补贴】
	// the word is the name itself
	if i >= limit || !a.tokStart[i] || !cueFirsts.has(a.s[i]) {
		return i // no cue word starts at i
	}
	for n := min(maxCue, limit-i-1); n > 0; n-- {
		// only a whole word: 保障性安居工程 does not start with the verb 保障
		if a.tokE[i+n] && cueLasts.has(a.s[i+n-1]) && cueSet.has(a.sub(i, i+n)) {
			return i + n
		}
	}
	return i
}
