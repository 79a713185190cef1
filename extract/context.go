package extract

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/extract/lexicon"
	"github.com/gwrfacts/gwr/normalize"
	"github.com/gwrfacts/gwr/schema"
)

// section is what the latest heading says about the text under it.
type section int

const (
	sectionNone   section = iota // no heading seen: sentence cues decide, default target
	sectionReview                // a review of past results: actual
	sectionPlan                  // plans: target
)

// classifyHeading tells whether a heading opens a review or a plan part.
func classifyHeading(h string, planYear int) section {
	// a heading naming its year: "一、2023年工作回顾" reviews, "二、2024年
	// 工作目标和主要任务" plans, in a report for 2024
	if m := headingYear(h, planYear); m != nil {
		switch y, _ := strconv.Atoi(m[1]); {
		case y < planYear:
			return sectionReview
		case y >= planYear && !strings.Contains(h, "回顾"):
			return sectionPlan
		}
	}
	var e [4]int // where the first word of each list of headingIndex ends in h; -1 for none
	headingIndex.firstEnds(h, e[:])
	if e[0] >= 0 && e[1] < 0 {
		return sectionReview // 一年来，我们…，自身建设全面加强: a review of what was done
	}
	if statesDone(h) {
		return sectionReview // 我们始终注重自身建设，行政效能实现新提高: what was done, though it names 自身建设
	}
	if e[2] >= 0 {
		return sectionPlan
	}
	if e[3] >= 0 {
		return sectionReview
	}
	return sectionNone
}

// headingIndex finds the words classifyHeading looks for in one pass: the
// past words, the plan words, the plan headings' and the review headings'.
var headingIndex = newWordIndex(pastWords, planWords, planHeadings, reviewHeadings)

// headingNumberRe matches the numbering a heading opens with: 一、, （一）,
// 1., 一是.
var headingNumberRe = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]{1,3}(?:[、.．]|是)|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．])\s*`)

// weDidRe matches a heading in the first person that says how we acted
// (我们始终坚持…, 我们坚定…), not one that names a task (我们在…战线上的
// 任务); weModalRe one that says what is to be done (我们要…, 我们将…).
var (
	weDidRe   = regexp.MustCompile(`^我们(?:始终|一直|坚持|持续|不断|全力|着力|牢牢|坚定|扎实|奋力|勇于|主动|积极|深入|全面|切实)`)
	weModalRe = regexp.MustCompile(`^我们(?:始终|一直|继续)?(?:要|将|必须|一定|务必|需要|应当|应该|还要|更要|仍将|会|决心|愿)`)
)

// yearBaseWords before a year make it the base of a comparison (比2020年),
// not the figure's time; gapBaseWords too where the figure follows the
// year (快于2024年【1.8个百分点】: the gap, of the year under review), not
// where that year's own figure does (低于1985年增长【44.6%】的速度).
var (
	// priorYearBases are the lastYearBases of 上年: in a review, the year
	// before the year reviewed
	priorYearBases = func() (out []string) {
		for _, w := range lastYearBases {
			if strings.Contains(w, "上年") {
				out = append(out, w)
			}
		}
		return out
	}()
	yearBaseWords = lex.Words(lexicon.YearBase)
	gapBaseWords  = lex.Words(lexicon.GapBase)
	// gapYearRe: the text after such a year when a figure follows it at
	// once (年【1.8个百分点】, or 年1.8个百分点，…【3.4个】 for later figures)
	gapYearRe = regexp.MustCompile(`^年(?:$|\s*[\d０-９])`)
)

var (
	doneHeadingWords = lex.Words(lexicon.DoneHeading)
	doneHeadingIndex = newWordIndex(doneHeadingWords)
	causativeWords   = append(lex.Words(lexicon.Causative), planWords...)
)

// statesDone reports whether a heading says what was done, as the
// sections of a review are headed: in the first person (我们始终坚持提质增效，
// 产业发展取得新突破) or with a last clause that reports a result of what it
// names first (政府自身建设全面加强; 行政效能实现新提高). A causative or plan
// word before the result makes the heading an aim (推动高质量发展取得新成效;
// 力争…实现新突破), and a result word that opens the clause is an order
// (全面加强政府自身建设).
func statesDone(h string) bool {
	if loc := headingNumberRe.FindStringIndex(h); loc != nil {
		h = h[loc[1]:] // the pattern is anchored: it matches once, at the start
	}
	if weDidRe.MatchString(h) && !weModalRe.MatchString(h) {
		return true
	}
	last := h
	if k := lastClauseMark(h); k >= 0 {
		_, n := utf8.DecodeRuneInString(h[k:])
		last = h[k+n:]
	}
	last = strings.TrimRight(last, "。！!　 ")
	if !doneHeadingIndex.any(last) {
		return false // the search of each word below would find none
	}
	for _, w := range doneHeadingWords {
		k := strings.Index(last, w)
		if k <= 0 || !strings.HasSuffix(last, w) && !strings.HasSuffix(w, "新") {
			continue
		}
		if !hasAny(last[:k], causativeWords) {
			return true
		}
	}
	return false
}

var (
	yearRe       = regexp.MustCompile(`((?:19|20)\d\d)\s*年`)
	byYearRe     = regexp.MustCompile(`(?:到|至|在|于|截至|截止)((?:19|20)\d\d)\s*年|((?:19|20)\d\d)\s*年(?:底|末)`)
	spanYearRe   = regexp.MustCompile(`((?:19|20)\d\d)\s*年?\s*(?:至|到|—|-|－|~)\s*((?:19|20)\d\d)\s*年`)
	withinYearRe = regexp.MustCompile(`([\d一二两三四五六七八九十]+)\s*年内`)
)

// lastClauseMark is strings.LastIndexAny(h, "，,；;") for h of valid
// UTF-8 (a heading: the string of its code points), which decodes each
// character of h from its end: the marks are found by their last bytes,
// one byte at a time (a comma or semicolon byte is no part of another
// character, and ，'s and ；'s bytes EF BC 8C and EF BC 9B are only theirs).
func lastClauseMark(h string) int {
	for i := len(h) - 1; i >= 0; i-- {
		switch h[i] {
		case ',', ';':
			return i
		case 0x8C, 0x9B: // the last byte of ， and ；
			if i >= 2 && h[i-2] == 0xEF && h[i-1] == 0xBC {
				return i - 2
			}
		}
	}
	return -1
}

// headingYear is yearRe.FindStringSubmatch(h) where classifyHeading reads
// it, with a plan year. The pattern's leftmost match ends with the first
// 年 that blanks and four digits (19xx, 20xx) stand before, so each 年 is
// looked at from its end back, where the pattern would be tried at each
// character of h.
func headingYear(h string, planYear int) []string {
	if planYear <= 0 {
		return nil
	}
	for at := 0; ; {
		k := strings.Index(h[at:], "年")
		if k < 0 {
			return nil
		}
		end := at + k // the 年
		d := end      // the digits' end, before the blanks
		for d > 0 && isBlank(h[d-1]) {
			d--
		}
		if d >= 4 && yearDigitsAt(h, d-4) {
			return []string{h[d-4 : end+len("年")], h[d-4 : d]}
		}
		at = end + len("年")
	}
}

// withinYearMatch is withinYearRe.FindStringSubmatch(s), with the pattern
// run on the text of each 年内 in turn, from the numerals and blanks right
// before it: every match ends with a 年内 and starts after the one before
// (its numerals and blanks cannot hold 年), so the first 年内 with a match
// ends the leftmost one; a long text is not tried at each of its
// characters.
func withinYearMatch(s string) []string {
	for from := 0; ; {
		i := strings.Index(s[from:], "年内")
		if i < 0 {
			return nil
		}
		e := from + i + len("年内")
		k := from + i
		for k > from {
			r, n := utf8.DecodeLastRuneInString(s[:k])
			if !(r >= '0' && r <= '9' || r <= ' ' || strings.ContainsRune("一二两三四五六七八九十", r)) {
				break
			}
			k -= n
		}
		if m := withinYearRe.FindStringSubmatch(s[k:e]); m != nil {
			return m
		}
		from = e
	}
}

// timeWords records where the words timeOf looks for first end in the text
// of a sentence (after the sentences it is chained to): a prefix of
// length n holds such a word if and only if the end is at most n. A
// sentence is searched once this way instead of once per fact.
type timeWords struct {
	plan, past, comparison, multiYear int // ends of the first word of each list; -1 if none
	nian, c19, c20, within            int // ends of the first 年, 19, 20 and 年内
	done, lastYear, cnYear            int // ends of the first word of doneWords, lastYearWords, and of a year in Chinese numerals' first two
	estimate                          int // end of the first 预计, 初步统计 or 初步核算
	fiveEnd                           int // end of the first 五末 or 五”末 (“十三五”末), in the text as it is (not masked)
}

func findTimeWords(s string) timeWords {
	w, _, _, _ := sentenceWords(s)
	return w
}

// sentenceWords returns the time words of s (findTimeWords), whether s
// holds a hedge word (hedgeIndex.any), s masked (maskNotTime) and the end
// of the first plan word of s itself, not masked, or -1 (what
// planWordBefore looks for), from one pass over s in most sentences:
// sentenceIndex finds the time words, the not-time words and the hedge
// words at once, and only a text that holds a not-time word is masked and
// read again for its time words, from its first masked byte: masking
// takes words out and puts none in (no time word holds notTimeBlank), so
// a list whose first word ends at or before that byte keeps it, and the
// words of the others in the masked text all start after it.
func sentenceWords(s string) (w timeWords, hedged bool, masked string, planEnd int) {
	var e [15]int
	sentenceIndex.firstEnds(s, e[:])
	return sentenceWordsFrom(nil, nil, s, e)
}

// sentenceWordsOf is sentenceWords(s) for s the text of the code points
// rs, off their byte offsets in s (runeTexts): the words are looked for in
// rs (wordIndex.firstEndsOf), which needs no decoding of s.
func sentenceWordsOf(rs []rune, off []int32, s string) (w timeWords, hedged bool, masked string, planEnd int) {
	var e [15]int
	sentenceIndex.firstEndsOf(rs, off, s, e[:])
	return sentenceWordsFrom(rs, off, s, e)
}

// sentenceWordsFrom is sentenceWords after its pass of sentenceIndex over
// s, whose ends are e; rs and off are s's code points and their offsets
// as sentenceWordsOf has them, else nil.
func sentenceWordsFrom(rs []rune, off []int32, s string, e [15]int) (w timeWords, hedged bool, masked string, planEnd int) {
	masked, planEnd = s, e[0]
	if e[12] >= 0 {
		var from int
		if off != nil {
			masked, from = notTimeIndex.maskFirstOf(rs, off, s, notTimeBlank)
		} else {
			masked, from = notTimeIndex.maskFirst(s, notTimeBlank)
		}
		var after [12]int
		timeIndex.firstEnds(masked[from:], after[:])
		for i, end := range after {
			if e[i] > from {
				e[i] = end
				if end >= 0 {
					e[i] += from
				}
			}
		}
	}
	return timeWords{e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9], e[10], e[11], e[14]}, e[13] >= 0, masked, planEnd
}

// timeLists are the words of timeWords, in its field order.
var timeLists = [][]string{planWords, pastWords, comparisonWords, multiYearWords, {"年"}, {"19"}, {"20"}, {"年内"}, doneWords, lastYearWords, {"一九", "二〇", "二○", "二零"}, {"预计", "初步统计", "初步核算"}}

// timeIndex finds the words of timeWords, in its field order;
// sentenceIndex those, then the not-time words, the hedge words and the
// ends of a plan period (fiveEndWords).
var (
	timeIndex     = newWordIndex(timeLists...)
	sentenceIndex = newWordIndex(append(slices.Clone(timeLists), notTimeWords, hedgeWords, fiveEndWords)...)
)

// fiveEndWords are the end of a five-year plan period (“十三五”末), the
// words of timeWords.fiveEnd.
var fiveEndWords = []string{"五末", "五”末"}

// notTimeWords hold a time or hedge word but say nothing of time: 人均
// 预期寿命 is no plan, 经济恢复好于预期 no hedge.
var notTimeWords = lex.Words(lexicon.NotTime)

// maskNotTime blanks the words of notTimeWords in s, each as as many
// bytes of notTimeBlank: the text keeps its length, so offsets into it
// stay valid.
func maskNotTime(s string) string { return notTimeIndex.mask(s, notTimeBlank) }

// notTimeBlank is the byte maskNotTime writes for each byte of a word.
const notTimeBlank = '_'

// noTimeWords is the timeWords of a text without any of the words.
var noTimeWords = timeWords{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}

// then returns the timeWords of a text of n bytes with these words,
// followed by a text with next's. No word spans the two (a chained
// sentence ends in a semicolon).
func (w timeWords) then(n int, next timeWords) timeWords {
	pick := func(a, b int) int {
		if a >= 0 || b < 0 {
			return a
		}
		return n + b
	}
	return timeWords{
		pick(w.plan, next.plan), pick(w.past, next.past), pick(w.comparison, next.comparison), pick(w.multiYear, next.multiYear),
		pick(w.nian, next.nian), pick(w.c19, next.c19), pick(w.c20, next.c20), pick(w.within, next.within),
		pick(w.done, next.done), pick(w.lastYear, next.lastYear), pick(w.cnYear, next.cnYear), pick(w.estimate, next.estimate),
		pick(w.fiveEnd, next.fiveEnd),
	}
}

// chain is the sentences before the current one in a list joined by
// semicolons ("去年的成绩单：A达到1亿元；B达到2亿元；"), which share their time,
// with the time words found in them. Text and words change together.
type chain struct {
	text  string
	words timeWords
}

var noChain = chain{words: noTimeWords}

// add returns the chain extended by sentence s, whose time words are w.
func (c chain) add(s string, w timeWords) chain {
	return chain{text: c.text + s, words: c.words.then(len(c.text), w)}
}

// in reports whether the word ending at end lies within a prefix of n bytes.
func in(end, n int) bool { return end >= 0 && end <= n }

// timeOf decides kind and year of a fact from its part of the report and
// the words of its sentence before the number (SPEC section 6); w holds
// where those words are in the sentence's text, of which before is a
// prefix. The sentence overrides the part: an explicit year wins, an
// estimate of the finished year (预计 in a review, 初步统计, 初步核算) is a
// result, a figure described as done (已) is a result, a review of several
// years and an average over a span have no year.
// masked returns maskNotTime(before); it is called at most once, and only
// for a sentence that needs it.
func timeOf(p part, before string, masked func() string, w *timeWords, planYear int) (kind schema.Kind, year *int32) {
	upto := len(before)
	sec := p.sec
	kind = "target"
	if sec == sectionReview {
		kind = "actual"
	}
	switch {
	case sec == sectionReview && in(w.plan, upto) && !targetsMet(masked()):
		kind = "target"
	case sec != sectionReview && in(w.past, upto) && !in(w.comparison, upto) && !planAfterPast(masked()):
		kind = "actual"
	case sec != sectionReview && in(w.done, upto) && !in(w.plan, upto):
		kind = "actual" // 关税总水平已由15.3%降到12%: a change already made
	}
	y := planYear
	if kind == "actual" {
		y = planYear - 1
	}
	// inside a review of several years a figure has no year of its own,
	// unless its paragraph or its sentence is about the last year alone
	span := p.spanYears > 0 && kind == "actual"
	if span && (p.paraYear > 0 || in(w.lastYear, upto) && !in(w.comparison, upto)) {
		span = false
		if p.paraYear > 0 {
			y = p.paraYear
		}
	}
	// The regexps run only when their literal parts are present.
	named := false   // the sentence names the figure's year: it wins over multi-year words
	afterNamed := "" // the text after the last year named
	if in(w.nian, upto) && (in(w.c20, upto) || in(w.c19, upto) || in(w.cnYear, upto)) || in(w.fiveEnd, upto) {
		b := before
		if in(w.cnYear, upto) {
			b = arabicYears(b)
		}
		if m := spanYearMatch(b); m != nil {
			// 2018至2020年, 1964年至1980年: a span of years, unless the
			// sentence then turns to a plan (从一九五三年到一九八○年的二十八年中，
			// 农业总产值平均每年递增百分之三点四，六五计划期间要求每年递增【百分之四到五】)
			n, _ := strconv.Atoi(b[m[4]:m[5]])
			if planYear > 0 && n < planYear {
				if rest := b[m[1]:]; !hasAny(rest, intentWords) && !hasAny(rest, planWords) {
					return "actual", nil
				}
				return kind, nil
			}
		}
		if m := findByYear(b); m != nil {
			n, _ := strconv.Atoi(m[1] + m[2])
			if planYear == 0 || n >= planYear {
				y, kind, span, named = n, "target", false, true
			}
		}
		if n, base := namedYear(b); n > 0 {
			y, span, named = n, false, true
			afterNamed = b[lastYearEnd(b):]
			planned := plannedLast(afterNamed)
			switch {
			case planned && !base:
				kind = "target" // 一九八一年计划为【百分之三点七】: the plan of that year
			case !base && sec != sectionReview && planYear > 0 && n < planYear && strings.Contains(maskNotTime(afterNamed), "今年"):
				// 2024年全省地区生产总值增长5.5%，今年预期增长【5%左右】: the
				// sentence turns from the year named to the plan year
				y, kind = planYear, "target"
			case base || planYear > 0 && n < planYear:
				kind = "actual" // 2024年全省地区生产总值…, 比2020年的【X】
			case sec == sectionReview && in(w.estimate, upto):
				// 一九八二年预计达到…: an estimate of the year under review
			case planYear > 0 && !in(w.done, upto):
				kind = "target" // 到2027年, 一九五九年将生产…
			}
		}
	}
	// (the text is searched only for a report of before 2000, the one
	// place the words matter)
	if planYear > 0 && planYear < 2000 {
		if k := centuryEnd(before); k >= 0 {
			// 到本世纪末争取实现工农业年总产值【翻两番】: by the year 2000, unless
			// an average over years follows (…今后五年…平均每年增长【X】: null)
			y, kind, span, named = 2000, "target", false, !hasAny(before[k:], multiYearWords)
		}
	}
	if planYear > 0 && in(w.within, upto) && (!named || strings.Contains(afterNamed, "年内")) {
		// N年内 counts from the plan year, unless a year named after it
		// gives the figure its time (五年内…。其中…在一九五七年将达到【X】)
		if m := withinYearMatch(before); m != nil {
			if n, err := normalize.ParseNumber(m[1]); err == nil && n.IsInt() && n.Num().IsInt64() && n.Num().Int64() >= 1 && n.Num().Int64() <= 20 {
				y = planYear + int(n.Num().Int64()) - 1 // N年内, for a plausible N
			}
		}
	}
	if planYear > 0 && in(w.past, upto) && hasSuffixAny(before, lastYearBases) {
		// 赤字率从去年的【2.1%】提高到2.3%: the starting point is last year's level
		y, kind, named, span = planYear-1, "actual", true, false
		if sec == sectionReview && p.spanYears == 0 && hasSuffixAny(before, priorYearBases) {
			// 常住人口由上年【729万人】增加到732万人 in the review of 2025: 上年 is
			// the year before the year reviewed (去年 is the year reviewed)
			y = planYear - 2
		}
	}
	if named && in(w.multiYear, upto) && multiYearAfterYear(before) {
		named = false // 1997年，…达到5160元，五年来年均实际增长【6%】: the span is the figure's time
	}
	if in(w.multiYear, upto) && thisYearAfter(before) {
		// “十一五”期间，关停5000万千瓦小火电机组，今年要关停【1000万千瓦】: this year's part
		// of a multi-year figure
		return kind, yearOf(y)
	}
	if span || in(w.multiYear, upto) && !in(w.within, upto) && !named {
		return kind, nil
	}
	if p.planSpan && kind == "target" && !named && !in(w.within, upto) && !strings.Contains(before, "今年") {
		return kind, nil // the targets of a five-year plan period: no single year (SPEC 6)
	}
	return kind, yearOf(y)
}

// targetsMet reports whether every plan word of s, a review
// sentence up to a figure, names the reviewed year's targets as met or
// passed rather than planning: 主要预期目标全面完成，地区生产总值增长【5.6%】;
// 高于年初预期目标【0.3个百分点】. Only a plan word that names targets
// (预期 of 预期目标) can, and it does when its clause says the targets were
// met after it (完成, 实现, 达成) or dates them to the start of the
// reviewed year before it (年初); 力争, 确保 and 今年 always plan
// (确保完成…). s is the sentence as maskNotTime returns it (hedgeOf has
// it masked already).
func targetsMet(s string) bool {
	found := false
	for _, w := range planWords {
		for k := 0; ; {
			i := strings.Index(s[k:], w)
			if i < 0 {
				break
			}
			i += k
			k = i + len(w)
			if !slices.Contains(targetNouns, w) {
				return false
			}
			lead, rest := s[:i], s[k:]
			if c := strings.LastIndexAny(lead, "，,；;：:。"); c >= 0 {
				lead = lead[c:]
			}
			if c := strings.IndexAny(rest, "，,；;。"); c >= 0 {
				rest = rest[:c]
			}
			if !hasAny(lead, targetDatedWords) && !hasAny(rest, targetMetWords) {
				return false
			}
			found = true
		}
	}
	return found
}

var (
	// targetNouns are the plan words that name targets (预期目标), which a
	// review can report as met
	targetNouns = []string{"预期"}
	// targetMetWords, after a plan word in its clause, say the targets were
	// reached: 主要预期目标全面【完成】
	targetMetWords = []string{"完成", "实现", "达成", "超额"}
	// targetDatedWords, before a plan word in its clause, date the targets
	// to the start of the year reviewed: 高于【年初】预期目标
	targetDatedWords = []string{"年初"}
)

// reportedTarget reports whether a figure of a review is the reviewed
// year's target, not its result: the clause names it the target right
// before it (全年经济增长目标为【5%左右】) or after it, alone or as the last
// item of a list (年初确定的地区生产总值增长【6%左右】的目标顺利实现; 超额完成
// 【5%】的预期目标; 没有实现年初确定的…降低【4%左右】、…减少2%的目标). A
// target the clause says was reached, with no other figure for the result
// (提前实现了…翻两番的目标), stays a result. lead is its clause up to it,
// rest its clause after it.
//
// Both patterns match only a text holding 目标: a text without it is not
// tried (most figures of a review).
func reportedTarget(lead, rest string) bool {
	if strings.Contains(lead, "目标") && targetBeforeRe.MatchString(lead) {
		return true
	}
	if !strings.Contains(rest, "目标") || !targetAfterRe.MatchString(rest) {
		return false
	}
	return !hasAny(lead, targetReachedWords) || hasAny(lead, targetApartWords)
}

var (
	targetAfterRe  = regexp.MustCompile(`^(?:[、和][^，。；！]*?的|的)?(?:主要)?(?:预期|年度|发展)?目标`)
	targetBeforeRe = regexp.MustCompile(`目标(?:为|是|：|:)(?:增长)?$`)
	// targetReachedWords say the target was reached: the figure is then
	// what was reached (提前实现了…翻两番的目标)
	targetReachedWords = []string{"实现", "完成", "达到"}
	// targetApartWords keep the target apart from the result even so: it
	// was set at the year's start, passed, or missed (完成了年初确定的…;
	// 超额完成; 没有实现)
	targetApartWords = []string{"年初", "确定的", "超额", "没有", "未"}
)

// planAfterPast reports whether a plan word (今年, 力争 …) follows the last
// past word (去年, 上年 …) of s, a sentence outside a review up to a
// figure as maskNotTime returns it: the sentence turns from last year's
// result to this year's target (去年全省生产总值增长5.2%，今年预期增长【5%左右】;
// 在去年增长5.2%的基础上，今年全省生产总值力争增长【5.5%】).
func planAfterPast(s string) bool {
	return lastIndexAny(s, planWords) > lastIndexAny(s, pastWords)
}

// centuryEnd returns where 到本世纪末 or 在本世纪末 (by the year 2000)
// starts in s, the last of them; -1 if none.
func centuryEnd(s string) int {
	return max(lastIndex(s, "到本世纪末"), lastIndex(s, "在本世纪末"))
}

// thisYearAfter reports whether 今年 follows the last multi-year word of
// before, in the same sentence (not before a ； that chains it).
func thisYearAfter(before string) bool {
	// (no multi-year word and no ； starting after the last 今年: both are
	// looked for in the text after it only)
	k := lastIndex(before, "今年")
	return k >= 0 && !hasAny(before[k:], multiYearWords) && !strings.Contains(before[k:], "；")
}

// yearOf returns y as a year, nil when it is not one (0 or less). A year
// from 1900 to 2099 points into years, which all facts share (nothing
// writes through a fact's year): describe allocates nothing for it.
func yearOf(y int) *int32 {
	if y <= 0 {
		return nil
	}
	if k := y - firstSharedYear; k >= 0 && k < len(years) {
		return &years[k]
	}
	y32 := int32(y)
	return &y32
}

// years holds the years 1900 to 2099, for yearOf.
var years = func() (ys [200]int32) {
	for k := range ys {
		ys[k] = int32(firstSharedYear + k)
	}
	return ys
}()

// firstSharedYear is the first year of years.
const firstSharedYear = 1900

// namedYear returns the year the text before a number names as the
// number's time: the base of a comparison right before it (比2020年的【X】,
// base true), else the last year named that is not the base of a
// comparison (比2020年增长, 是2022年的4.62倍), the start of a span (2020年以来,
// 从2020年起), the start of a change (由2013年的2330元增长到【8629元】) or
// a reference point (在2020年基础上). 0 if none.
func namedYear(before string) (year int, base bool) {
	// (a match of baseYearRe ends with one of baseYearLast, a match of
	// planEndRe with 末: each pattern runs only where it can match)
	if endsWithAny(before, baseYearLast) {
		if m := baseYearRe.FindStringSubmatch(before); m != nil {
			n, _ := strconv.Atoi(m[1] + m[2])
			return n, true
		}
	}
	if m := planEndMatches(before); m != nil {
		// “十四五”末: the last year of the five-year plan; not the start of a
		// change (由“十二五”末的29.1亿元增长到【50.1亿元】)
		last := m[len(m)-1]
		lead := strings.TrimSuffix(before[:last[0]], "“")
		compared := hasSuffixAny(lead, []string{"比", "较", "同"})
		switch start := strings.HasPrefix(before[last[1]:], "的") && hasSuffixAny(lead, []string{"由", "从"}); {
		case (start || compared) && before[last[1]:] == "的":
			return planPeriodEnd[before[last[2]:last[3]]], true // 由“十二五”末的【29.1亿元】: the start; 较“十三五”末的【X】: the base
		case compared:
			// 较“十三五”末增加【4500亿元】: the base of a comparison, not the figure's time
		case !start:
			year = planPeriodEnd[before[last[2]:last[3]]]
		}
	}
	ms := yearMatches(before)
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		pre, post := before[:m[2]], before[m[3]:]
		if hasSuffixAny(pre, yearBaseWords) || gapYearRe.MatchString(post) && hasSuffixAny(pre, gapBaseWords) ||
			hasSuffixAny(pre, []string{"由", "从"}) && hasPrefixAny(post, []string{"年的", "年底的", "年末的"}) ||
			insideClause(pre, post) && byYearFrameRe.MatchString(pre) ||
			hasPrefixAny(post, []string{"年以来", "年起", "年开始", "年以前", "年前", "年底前", "年的基础上", "年基础上", "年水平", "年同期", "年至", "年到", "年、", "年和"}) {
			continue
		}
		n, _ := strconv.Atoi(before[m[2]:m[3]])
		return n, false
	}
	return year, false
}

// insideClause reports whether a year, between pre and post, is the time
// of its own clause only: it stands inside the clause (not at its start or
// after 到/在…) and the clause ends before the number (到2025年，…，城中村改造
// 工作2023年全部完成，…，全市GDP超过【5000亿元】). It is asked only inside
// the frame of a year to come (byYearFrameRe).
func insideClause(pre, post string) bool {
	if !strings.ContainsAny(post, "，；") || pre == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(pre)
	return !strings.ContainsRune("，。；：、（(“ 　到至在于止从由是的", r) && !unicode.IsDigit(r)
}

// planPeriodEnd is the last year of each five-year plan named by its
// number.
var planPeriodEnd = map[string]int{"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}

// findByYear is byYearRe.FindStringSubmatch(b), searched from yearStart
// and only when b can hold a match (byYearMayMatch): the pattern holds no
// literal prefix for the engine to look for, and most texts with a year
// hold no match.
func findByYear(b string) []string {
	b = b[yearStart(b, len("截至")):]
	if !byYearMayMatch(b) {
		return nil
	}
	return byYearRe.FindStringSubmatch(b)
}

// byYearMayMatch reports whether b can hold a match of byYearRe. Every
// match holds 年底 or 年末 (a year's end), or a year's digits right after
// one of the characters that end the pattern's lead words (到, 至, 在,
// 于, 截至, 截止): b holds neither, no match (TestByYearMayMatch).
func byYearMayMatch(b string) bool {
	if strings.Contains(b, "年底") || strings.Contains(b, "年末") {
		return true
	}
	for i := 1; i+1 < len(b); i++ {
		if b[i] == '1' && b[i+1] == '9' || b[i] == '2' && b[i+1] == '0' {
			if r, _ := utf8.DecodeLastRuneInString(b[:i]); strings.ContainsRune(byYearLeadLasts, r) {
				return true
			}
		}
	}
	return false
}

// byYearLeadLasts are the last characters of byYearRe's lead words.
const byYearLeadLasts = "到至在于止"

// yearStart returns where in b a year pattern (spanYearRe, byYearRe,
// anyYearRe) can start to match: lead bytes, the most its match holds
// before the year's digits (截至 of 截至2025年), before the first 19 or 20
// of b; len(b) when b holds neither, and no year. The patterns search b
// from there: the text before its first year, often most of it, cannot
// hold the start of a match (none of them looks behind where it starts).
func yearStart(b string, lead int) int {
	k := strings.Index(b, "19")
	if j := strings.Index(b, "20"); j >= 0 && (k < 0 || j < k) {
		k = j
	}
	if k < 0 {
		return len(b)
	}
	return max(0, k-lead)
}

// The year patterns spanYearRe and anyYearRe are read by plain scans
// (spanYearMatch, yearMatches): the engine tried every character of the
// text before a number from its first year on, and most of the time
// describe spent in regexp went there. TestYearStart checks the scans
// against the patterns.

// spanYearMatch is spanYearRe.FindStringSubmatchIndex(b): the first span
// of two years, 2018至2020年 or 1964年 — 1980年. Its match starts with the
// first year's digits (so at yearStart or after), and each part of the
// pattern is followed by one that none of its characters can start:
// taking each part as far as it goes, or not at all, is the only way to
// match.
func spanYearMatch(b string) []int {
	for i := yearStart(b, 0); i < len(b); i++ {
		if !yearDigitsAt(b, i) {
			continue
		}
		j := skipBlanks(b, i+4)
		if strings.HasPrefix(b[j:], "年") {
			j = skipBlanks(b, j+len("年"))
		}
		n := spanMarkLen(b[j:])
		if n == 0 {
			continue
		}
		k := skipBlanks(b, j+n)
		if !yearDigitsAt(b, k) {
			continue
		}
		e := skipBlanks(b, k+4)
		if strings.HasPrefix(b[e:], "年") {
			return []int{i, e + len("年"), i, i + 4, k, k + 4}
		}
	}
	return nil
}

// spanMarkLen returns the length of the mark between the years of a span
// that s starts with (至, 到, —, -, －, ~), or 0.
func spanMarkLen(s string) int {
	for _, mark := range [...]string{"至", "到", "—", "-", "－", "~"} {
		if strings.HasPrefix(s, mark) {
			return len(mark)
		}
	}
	return 0
}

// yearMatches is anyYearRe.FindAllStringSubmatchIndex(b, -1): each year
// written 2020年 (blanks allowed before 年), left to right, with the
// digits as the group.
func yearMatches(b string) [][]int {
	var ms [][]int
	for i := yearStart(b, 0); i < len(b); i++ {
		if !yearDigitsAt(b, i) {
			continue
		}
		if e := skipBlanks(b, i+4); strings.HasPrefix(b[e:], "年") {
			ms = append(ms, []int{i, e + len("年"), i, i + 4})
			i = e + len("年") - 1 // (the next match starts after this one)
		}
	}
	return ms
}

// yearDigitsAt reports whether b holds the digits of a year at i, as the
// year patterns read them: (?:19|20)\d\d.
func yearDigitsAt(b string, i int) bool {
	return i+4 <= len(b) && (b[i] == '1' && b[i+1] == '9' || b[i] == '2' && b[i+1] == '0') &&
		'0' <= b[i+2] && b[i+2] <= '9' && '0' <= b[i+3] && b[i+3] <= '9'
}

// skipBlanks returns the end of the blanks of b from i (isBlank).
func skipBlanks(b string, i int) int {
	for i < len(b) && isBlank(b[i]) {
		i++
	}
	return i
}

// isBlank reports whether c is one of the year patterns' \s: tab,
// newline, form feed, carriage return, space.
func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// planEndMatches is planEndRe.FindAllStringSubmatchIndex(s, -1), run
// only when s holds 末, with which every match ends.
func planEndMatches(s string) [][]int {
	if !strings.Contains(s, "末") {
		return nil
	}
	return planEndRe.FindAllStringSubmatchIndex(s, -1)
}

// baseYearLast holds the characters a match of baseYearRe can end with
// (TestBaseYearLast checks it against the pattern).
var baseYearLast = runeSetOf("的年底末")

var (
	// the base of a comparison: 比2020年的【X】, 由2020年【X】; not 比2010年【翻一番】
	baseYearRe = regexp.MustCompile(`(?:比|较)((?:19|20)\d\d)\s*年(?:底|末)?的$|(?:从|由)((?:19|20)\d\d)\s*年(?:底|末)?的?$`)
	anyYearRe  = regexp.MustCompile(`((?:19|20)\d\d)\s*年`)
	// a clause opening with the year a target is for: 到2025年，…
	byYearFrameRe = regexp.MustCompile(`(?:^|[，,：:；])(?:力争)?(?:到|至)(?:19|20)\d\d\s*年`)
	planEndRe     = regexp.MustCompile(`(` + fivePlan + `)` + planEndTail)
)

// fivePlan names a five-year plan (十三五) and planEndTail, after it, its
// last year (”末, 规划末, 期末): the pieces of every pattern that reads “十三五”末.
const (
	fivePlan    = `十[一二三四五]五`
	planEndTail = `”?(?:规划)?(?:期)?末`
)

func hasPrefixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// plannedLast reports whether the text after a named year states that
// year's plan for the figure: a planned word (计划为) not followed by a
// word of what was reached instead (一九八一年计划为百分之三点七，实际达到【百分之四点六】;
// 一九八二年计划为百分之四，预计可以达到【百分之六点四】).
func plannedLast(after string) bool {
	p := lastIndexAny(after, plannedWords)
	return p >= 0 && p > lastIndexAny(after, realizedWords) && p > lastIndex(after, "预计")
}

// lastIndexAny returns the start of the last occurrence in s of any of
// words, or -1.
func lastIndexAny(s string, words []string) int {
	last := -1
	for _, w := range words {
		if k := lastIndex(s, w); k > last {
			last = k
		}
	}
	return last
}

// lastIndex is strings.LastIndex(s, w), found by searching forwards:
// strings.Index compares many bytes at a time, where strings.LastIndex
// hashes s one byte at a time from its end (callgrind put it first of
// all the functions describing facts); the words looked for are rare in
// a sentence, so few searches follow the first.
func lastIndex(s, w string) int {
	if w == "" {
		return len(s)
	}
	last := -1
	for at := 0; ; {
		k := strings.Index(s[at:], w)
		if k < 0 {
			return last
		}
		last = at + k
		at = last + 1 // an occurrence may overlap the one before (w = 、、)
	}
}

// lastYearEnd returns the end of the last year named in b (2015年, or
// the last year of a period: “十二五”末), or 0.
func lastYearEnd(b string) int {
	end := 0
	if ms := yearMatches(b); ms != nil {
		end = ms[len(ms)-1][1]
	}
	if ms := planEndMatches(b); ms != nil {
		end = max(end, ms[len(ms)-1][1])
	}
	return end
}

// multiYearAfterYear reports whether a multi-year word (年均, 五年来 …)
// follows the last year named in before, other than in the year's place
// in a period (2024年是“十四五”规划的关键之年，…新增【800家】: the year's
// figure).
func multiYearAfterYear(before string) bool {
	after := before[lastYearEnd(before):]
	if loc := yearInPeriodRe.FindStringIndex(after); loc != nil {
		after = after[loc[1]:]
	}
	return hasAny(after, multiYearWords)
}

// yearInPeriodRe matches, right after a year, the clause that places the
// year in a period: 是“十四五”规划的关键之年, 是实现“十四五”目标任务的关键一年.
var yearInPeriodRe = regexp.MustCompile(`^是[^，,。；]{0,40}?(?:之年|一年)`)

// arabicYears rewrites years written in Chinese numerals (一九八二年,
// 二〇二四年) in Arabic digits, for the year patterns.
func arabicYears(s string) string {
	return cnYearRe.ReplaceAllStringFunc(s, func(m string) string {
		var b strings.Builder
		for _, r := range m {
			if d := strings.IndexRune("〇一二三四五六七八九", r); d >= 0 {
				b.WriteByte(byte('0' + len([]rune("〇一二三四五六七八九"[:d]))))
			} else if r == '零' || r == '○' || r == 'Ｏ' || r == 'O' {
				b.WriteByte('0')
			} else {
				b.WriteRune(r)
			}
		}
		return b.String()
	})
}

var cnYearRe = regexp.MustCompile(`[一二][〇○零Ｏ一二三四五六七八九]{3}年`)

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
