package extract

// The indicator question: what a quantity measures, as written.

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/extract/lexicon"
	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/schema"
)

// nounAfter returns the noun phrase that follows position i: the thing a
// count counts (实施50个【市区重点技改项目】). Each answer is kept until
// segmentClause adds tokens, the one thing it depends on that changes
// (a fact asks for the noun after its number in indicatorOf and again
// in namingOf).
func (a *analysis) nounAfter(i int) phrase {
	for _, n := range a.nouns {
		if n.at == i {
			return n.p
		}
	}
	p := a.findNounAfter(i)
	a.nouns = append(a.nouns, nounAt{i, p})
	return p
}

// nounAt is nounAfter(at).
type nounAt struct {
	at int
	p  phrase
}

// findNounAfter is nounAfter without its memory.
func (a *analysis) findNounAfter(i int) phrase {
	var p phrase // grown in place: no one else holds it until it is returned
	toks := a.toks
	quoteEnd := -1 // inside a quoted name: “高效办成一件事”重点事项
	if i < len(a.s) {
		// a scale word opens the name: 4个【两千亿级】产业集群 (SPEC 1: no figure)
		// (every scale word holds 级: the pattern runs only where one is)
		if head := a.sub(i, min(len(a.s), i+8)); strings.Contains(head, "级") {
			if loc := scaleWord.FindStringIndex(head); loc != nil {
				quoteEnd = i + utf8.RuneCountInString(head[:loc[1]])
			}
		}
	}
	// the tokens are ordered and do not overlap: those ending after i
	// start at the first token ending after i
	for k := sort.Search(len(toks), func(k int) bool { return toks[k].End > i }); k < len(toks); k++ {
		t := toks[k]
		if t.Start < quoteEnd {
			p = p.grow(t.Start, t.End)
			continue
		}
		if n := len(p); n > 0 && t.Start > p[n-1].end {
			// text no token covers: a clause mark. 省、市重点项目: a one- or
			// two-character place before 、 joins the name
			if a.sub(p[n-1].end, t.Start) != "、" || p.runes() > 2 || !strings.HasPrefix(t.POS, "n") {
				break
			}
			p = p.grow(p[n-1].end, t.Start)
		}
		if t.Text == "“" && t.Start >= i {
			if e := a.closingQuote(t.End); e > 0 {
				quoteEnd = e
				p = p.grow(t.Start, t.End)
				continue
			}
		}
		r0 := firstRune(t.Text)
		if t.Start < i {
			// the quantity ends inside a token (个村): keep the rest
			rest := []rune(a.sub(i, t.End))
			if isClauseMark(rest[0]) || !isHan(rest[0]) {
				break
			}
			if len(rest) == 1 && strings.HasPrefix(t.POS, "n") && t.End-t.Start > 1 && !places.has(string(rest)) {
				p = p.grow(t.Start, t.End) // 13亿人【口】: the unit took part of the word, 人口 names it
				continue
			}
			p = p.grow(i, t.End)
			continue
		}
		nextNoun := k+1 < len(toks) && strings.HasPrefix(toks[k+1].POS, "n")
		// 省、市重点项目: a one- or two-character place before 、 joins the name
		if t.Text == "、" && len(p) > 0 && p.runes() <= 2 && nextNoun {
			p = p.grow(t.Start, t.End)
			continue
		}
		if isClauseMark(r0) || t.Text == "的" || nounStops.has(t.Text) || unicode.IsDigit(r0) || len(p) > 0 && cueSet.has(t.Text) && !nextNoun && !verbsBeforeSuffix(toks[k+1:]) && (!verbsInName(toks[k+1:], true) || a.prepositionBefore(i)) {
			break
		}
		noun := strings.HasPrefix(t.POS, "n") || t.POS == "vn" || t.POS == "b" || t.POS == "j" || t.POS == "l" || t.POS == "an" || t.POS == "a" || t.POS == "ng" || t.POS == "s" || t.POS == "f" && len(p) > 0 ||
			t.Text == "“" || t.Text == "”" || t.POS == "eng" || t.POS == "zg" || t.POS == "g"
		// a verb inside a name (高【成长】企业) continues it when a noun follows,
		// a run of verbs when a one-character noun ends it (易地【搬迁安置】区)
		if !noun && strings.HasPrefix(t.POS, "v") && k+1 < len(toks) && (strings.HasPrefix(toks[k+1].POS, "n") || len(p) > 0 && verbsBeforeSuffix(toks[k+1:])) {
			noun = true
		}
		// a run of verbs inside a name before its head (国家【自主创新】示范区,
		// 省属【回收】循环利用公司, 牵引性【集成】改革, 承接产业【转移】主平台,
		// 白洋淀生态【修复示范】项目): the verbs modify a noun, a verbal noun or
		// a distinguishing word after them; not after a preposition, where
		// the verb is the clause's (为33家企业【制定】辅导计划)
		if !noun && len(p) > 0 && strings.HasPrefix(t.POS, "v") && t.POS != "vn" && verbsInName(toks[k:], false) && !a.prepositionBefore(i) {
			noun = true
		}
		// a word the segmenter did not know (tagged x: 【涉雄安】重大交通项目,
		// 【灾后】重建项目) is part of a name that goes on after it
		if !noun && t.POS == "x" && isHanWord(t.Text) && k+1 < len(toks) && nameGoesOn(toks[k+1].POS) {
			noun = true
		}
		// one character the segmenter tagged as a measure word, numeral or
		// verb ends a name at the end of its clause: 精品国医【堂】, 服务【点】, 境外【展】
		if !noun && len(p) > 0 && (t.POS == "q" || t.POS == "m" || t.POS == "v") && t.Runes() == 1 && isHan(r0) &&
			(k+1 == len(toks) || isClauseMark(firstRune(toks[k+1].Text))) && (t.End >= len(a.s) || isClauseMark(a.s[t.End])) {
			noun = true
		}
		// an adjective ends no name: 战新产业项目【扎实】推进
		if len(p) > 0 && (t.POS == "a" || t.POS == "ad") && (k+1 >= len(toks) || !nameGoesOn(toks[k+1].POS)) {
			break
		}
		if !noun {
			break
		}
		p = p.grow(t.Start, t.End)
	}
	return slices.Clip(p) // p's array is shared from here on: no append may write into it
}

// coordinated extends the noun phrase after a count over the names joined
// to it by 和 or 、 (26处【街头游园、社区公园、村镇公园】, 15部【法律草案和行政
// 法规草案】): one number shared by several names is one fact whose
// indicator names them all (SPEC 7). Each name is a run of noun words
// ending in a noun (plainName) followed by the clause's end, 和 or a
// verb; a list that goes on with 等 keeps its first name (the head after
// 等 names the things counted: tidy), and so does one that ends in 的
// (高产优质、多抗广适【的】新品种: modifiers of a head), unless another
// count follows the 的 (127个国家和地区的584个港口: the names are counted). A clause after 、 is
// segmented on its own, its words kept out of the sentence's tokens, so
// that no other name depends on whether this one was asked for.
func (a *analysis) coordinated(after phrase) phrase {
	if len(after) != 1 || !a.plainName(after) {
		return after // 1100人【驰援湖北武汉】: no name to go on from
	}
	out := after
	for {
		e := out[len(out)-1].end
		if e+1 >= len(a.s) {
			break
		}
		var toks []segment.Token
		switch {
		case a.s[e] == '、':
			ce := a.clauseEnd(e + 1)
			toks = a.seg.Segment(a.sub(e+1, ce))
			for k := range toks {
				toks[k].Start += e + 1
				toks[k].End += e + 1
			}
		case a.s[e] == '和' && a.posAt(e) == "c":
			toks = a.toks
		}
		end := nameRun(toks, e+1)
		if end < 0 && a.s[e] == '、' {
			return after // 4家实体公司和广电、报社、【唐尧网3家】文化公司: the names go on to another count
		}
		if end < 0 {
			break // 院校和【机构深度合作】, 协调组和【用工用能】等6个服务组
		}
		out = out.add(e, end)
	}
	if end := out[len(out)-1].end; end < len(a.s) && (a.s[end] == '的' && !a.hasQuantity(end+1, end+2) || a.s[end] == '等') {
		return after // not 127个【国家和地区】的584个港口: a 的 before another count ends the names counted
	}
	return out
}

// nameRun returns the end of the name that starts at i among toks: a run
// of noun words (startsName; the first of two characters or more unless a
// one-character name, not 【创】历史新高) ending in a noun, followed by
// nothing, a clause mark, 和, 等, 的, a preposition, an adverb or a verb
// that no noun follows; or -1.
func nameRun(toks []segment.Token, i int) int {
	end := -1
	lastNoun := false
	for k, t := range toks {
		if t.End <= i {
			continue
		}
		if t.Start != max(i, end) || t.Start < i {
			if t.Start < i || end < 0 {
				return -1 // no word starts at i, or a gap: the clause ended
			}
			break
		}
		if startsName(t.POS) && (end >= 0 || t.End-t.Start >= 2 || oneCharNames.has(t.Text)) {
			end, lastNoun = t.End, strings.HasPrefix(t.POS, "n")
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		if end < 0 || !(isClauseMark(r) || t.Text == "和" || t.Text == "等" || t.Text == "的" || t.POS == "p" || t.POS == "d" || strings.HasPrefix(t.POS, "v")) {
			return -1 // 用工【用能】: not the end of a name
		}
		if strings.HasPrefix(t.POS, "v") && k+1 < len(toks) && toks[k+1].Start == t.End && strings.HasPrefix(toks[k+1].POS, "n") {
			return -1 // 木材【采伐】企业: the name goes on past a verb
		}
		break
	}
	if !lastNoun {
		return -1
	}
	return end
}

// plainName reports whether p is words of a noun phrase alone - nouns,
// verbal nouns, distinguishing words, idioms - with no verb (镇【获评】全国
// 百强区) and no number, ending in a noun (not 国家和【地区发展】).
func (a *analysis) plainName(p phrase) bool {
	toks := a.tokens(p)
	for _, t := range toks {
		if !startsName(a.posAt(t.start)) {
			return false
		}
	}
	pos := a.posEndingAt(p[len(p)-1].end)
	return len(toks) > 0 && strings.HasPrefix(pos, "n") && pos != "nr"
}

// startsName reports whether a word tagged pos can open a name of a list:
// a noun (not a person), a verbal noun, a distinguishing word, an idiom
// or a place word (街头).
func startsName(pos string) bool {
	return strings.HasPrefix(pos, "n") && pos != "nr" || pos == "vn" || pos == "b" || pos == "j" || pos == "l" || pos == "s"
}

// scaleWord matches a scale word at the start of a name: 两千亿级, 百亿级,
// 50亿级.
var scaleWord = regexp.MustCompile(`^(?:[0-9]+|[一二两三四五六七八九十百千万亿]+)[万亿]?级`)

// verbsBeforeSuffix reports whether toks start with verbs followed by a
// one-character noun that ends a name (安置【区】, 处理【厂】).
func verbsBeforeSuffix(toks []segment.Token) bool {
	for _, t := range toks {
		switch {
		case strings.HasPrefix(t.POS, "v") && t.POS != "vn":
			continue
		case strings.HasPrefix(t.POS, "n") && t.Runes() == 1:
			return true
		}
		return false
	}
	return false
}

// prepositionBefore reports whether the quantity ending at i follows a
// preposition (为, 对, 向): the count is its object, and a verb after the
// noun is the clause's predicate.
func (a *analysis) prepositionBefore(i int) bool {
	for k := range a.qs {
		q := &a.qs[k]
		if q.end == i {
			return a.posEndingAt(q.start) == "p"
		}
	}
	return false
}

// verbsInName reports whether toks start with a run of verbs inside a name:
// verbs of two characters or more, none a word of the predicate or status
// roles (竣工投产, 实现, 上云 say something of the things counted), followed
// in the same clause by a noun of two characters or more, or (unless
// toNoun) by a verbal noun or a distinguishing word that ends the clause
// or comes before a noun. With toNoun, verbal
// nouns and distinguishing words may come between (整治【综合】基础建设项目),
// and the run must reach a noun.
func verbsInName(toks []segment.Token, toNoun bool) bool {
	for k, t := range toks {
		n := t.Runes()
		switch {
		case k > 0 && t.Start != toks[k-1].End:
			return false // the clause ended
		case strings.HasPrefix(t.POS, "n") && n >= 2:
			return true
		case statusWords.has(t.Text) || predicateSet.has(t.Text):
			return false
		case t.POS == "vn" || t.POS == "b":
			// it ends the name or a noun follows: not 寄宿生【提供】生活补助
			if next := k + 1; !toNoun && (next == len(toks) || toks[next].Start != t.End || nameGoesOn(toks[next].POS) && toks[next].POS != "a" || !isHanWord(toks[next].Text) && toks[next].POS == "x") {
				return true
			}
		case strings.HasPrefix(t.POS, "v") && n >= 2:
		default:
			return false
		}
	}
	return false
}

// isHanWord reports whether s is two or more Han characters.
func isHanWord(s string) bool {
	n := 0
	for _, r := range s {
		if !isHan(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// nameGoesOn reports whether a token tagged pos continues a noun phrase:
// a noun, an adjective or a distinguishing word (重大, 省级).
func nameGoesOn(pos string) bool {
	return strings.HasPrefix(pos, "n") || pos == "vn" || pos == "a" || pos == "b"
}

// closingQuote returns the end of the ” that closes a quotation opened
// before i, in the same clause and at most 16 code points on, or -1.
func (a *analysis) closingQuote(i int) int {
	for j := i; j < len(a.s) && j < i+16; j++ {
		switch {
		case a.s[j] == '”':
			return j + 1
		case a.s[j] == '“' || isClauseMark(a.s[j]) && a.s[j] != '、':
			return -1
		}
	}
	return -1
}

// notNames follow a number without naming what it counts.
var notNames = lexSet(lexicon.NotName)

// nounStops end the noun phrase after a number.
var nounStops = lexSet(lexicon.NounStop)

// indicatorOf names what q measures: the words between the cue and the
// number (新增【高新技术企业】10家), else the subject before the cue
// (【地区生产总值】增长6.5%), else the noun after a count (实施50个【市区重点
// 技改项目】), else the previous list item's, carried over. The answer is
// a phrase: pieces of the sentence, never looked for again.
func (a *analysis) indicatorOf(q *quantity, prev *fact, cs, cueS, cueE int, carried bool) (phrase, string) {
	qs := q.start
	var mid, subj phrase
	midS := cs
	keptVerb := false // a second verb kept before a plain noun (实施【帮扶】项目)
	if cueS >= 0 {
		midS = cueE
		// words after an earlier number of the clause belong to this one:
		// 保障7个项目390亩【土地】, 投资4.4亿元新改扩建【城区主次干路】4条
		if e := a.lastQuantityEnd(cueE, qs); e > 0 {
			midS = a.skipCue(e, qs)
		}
		m0 := midS
		midS = a.skipCue(midS, qs) // 关停取缔“散乱污”企业: a second verb is not the name
		if midS > m0 && plainNouns.has(a.text(a.trim(a.piece(midS, qs)))) {
			midS, keptVerb = m0, true // 实施【帮扶】项目: unless it is all that tells a plain noun apart
		}
		if qs > midS {
			mid = a.piece(midS, qs)
		}
		// the same for the subject: 26个【省市重点项目投资】完成34.67亿元
		subjS := cs
		if e := a.lastQuantityEnd(cs, cueS); e > 0 {
			subjS = e
		}
		if cueS > subjS {
			subj = a.piece(subjS, cueS)
		}
	} else if qs > cs {
		subj = a.piece(cs, qs)
	}
	if cueS >= 0 {
		subj = a.dropOwnClause(subj) // 益阳电厂三期建成投产、【总装机】达386万千瓦
	}
	cue := a.piece(cueS, cueE)
	var cueRoles lexicon.Roles // the cue's roles, looked up once: the branches ask up to five
	if cueS >= 0 {
		cueRoles = lex.Roles(a.text(cue))
	}
	midQ := a.hasQuantity(midS, qs)
	after := a.nounAfter(q.end)
	if a.textLen(after) <= maxNotNameBytes && notNames.has(a.text(after)) {
		after = nil // 跃上1.4万亿斤【新台阶】 names no thing
	}
	if len(after) > 0 && after.runes() <= 2 && !a.isPlace(after) {
		// 新设【14个】国家自主创新示范区: the noun phrase stopped at an adverb
		// it runs to the end of the clause and ends in a noun, so that it
		// never takes the predicate in (9个项目【竣工投产】)
		if l := a.looseNounAfter(q.end); len(l) > 0 && l[0].start == after[0].start && l.runes() > after.runes() {
			if e := l[len(l)-1].end; e == a.clauseEnd(e) && a.posEndingAt(e) == "n" {
				after = l
			}
		}
	}
	tmid, tsubj := a.trim(mid), a.trim(subj)
	counted := q.unit == schema.Count || len(tmid) == 0 && len(tsubj) == 0 && a.bareCount(q, after)
	if counted {
		after = a.coordinated(after) // 26处【街头游园、社区公园、村镇公园】
	}
	tmidText := a.text(tmid)
	var ind phrase
	var why string
	switch {
	case q.end < len(a.s) && a.s[q.end] == '的' && a.totalBefore(qs) >= 0 && a.nameable(a.tidy(a.attributeOf(q.end+1))):
		// 总投资518亿元的105个【省市县重大项目】: the total of the projects it
		// is an attribute of (LABELING: Y总投资)
		ind, why = a.tidy(a.attributeOf(q.end+1)).join(a.piece(a.totalBefore(qs), qs)), "total-of-attribute"
	case cueS >= 0 && cueE == qs && len(tsubj) == 0 && endsWithQizhong(a.sub(cs, cueS)) && a.nameable(cue) && !(counted && len(after) > 0):
		// (a count with its noun after it is named by it: 其中增加120座【桥梁】)
		ind, why = cue, "sub-item" // 进出口总额5000亿美元，其中【出口】2662亿美元: the item's name
	case cueS >= 0 && cueE == qs && len(tsubj) > 0 && strings.HasPrefix(strings.TrimSpace(a.sub(cs, cueS)), "其中") && tsubj.runes() <= 4 && !a.hasQuantity(cs, cueS):
		ind, why = tsubj.join(cue), "sub-item" // 退税减税约2.5万亿元，其中【留抵退税】约1.5万亿元
	case cueS >= 0 && cueE == qs && q.unit == schema.Percent && len(tsubj) > 0 && cueRoles.Has(lexicon.RateName) && !a.hasQuantity(subjStart(subj, cs), cueS):
		ind, why = subj.join(cue), "rate-name-cue" // 新能源装机【占比】超过60%: the share is named by the cue, which stays
	case len(after) > 0 && (counted || len(tmid) == 0 && cueS >= 0 && cueE == qs ||
		cueS < 0 && len(tsubj) == 0 && cs > 0 && a.s[cs-1] == '、'): // 、28公里【地下管网】: a list item names its thing after the number
		ind, why = after, "noun-after" // 实施50个【市区重点技改项目】, 建设1.5万亩【“吨半粮田”示范方】
		if said := a.saidOfBareCount(q, after, cueS); len(said) > 0 {
			ind, why = said, "bare-count-and-predicate" // 【8000多万】农业转移人口成为城镇居民: who, and what became of them
		} else if qn := a.quotedSubject(tsubj, subj, cs, cueS, qs); counted && len(qn) > 0 {
			ind, why = qn.join(after), "quoted-subject-and-noun-after" // “千里轻舟”货运班轮开通13条【航线】: which 航线
		} else if rel := a.relativeBefore(qs, midS, cs, cueS); len(rel) > 0 && !a.isPlace(after) && (after.runes() <= 2 || a.selectingRelative(rel, after)) {
			ind, why = rel.join(a.headBeforePredicate(after)), "relative-and-noun-after" // 【重大水利工程已开工的】57个【项目】, 【2000年以前建成的】57个【老旧小区】: which ones
		} else if pred, head := a.saidOfCount(after); counted && len(pred) > 0 && a.laterCountOfList(qs, cs) {
			ind, why = head, "list-noun-before-predicate" // 6个企业品牌、2个【区域品牌】入选…: the items of a list share the predicate, each named by its noun
		} else if counted && len(pred) > 0 {
			ind, why = pred.join(head), "predicate-and-noun-after" // 597家【企业】【实现差别化资源要素配置】
		} else if counted && len(head) > 0 && head.runes() < after.runes() {
			ind, why = head, "noun-before-predicate" // 6个【项目】建成投产: the verbs are the cue
		} else if pre := a.nameBeforeCount(qs, midS, cs, cueS); counted && plainNouns.has(a.text(after)) && len(pre) > 0 {
			ind, why = pre.join(after), "name-before-count" // 推进【制度型开放试点】33项【任务】
		}
	case q.unit != schema.Count && q.end < len(a.s) && a.s[q.end] == '的' && len(a.nounAfter(q.end+1)) > 0:
		ind, why = a.nounAfter(q.end+1), "noun-after-de" // 投资15亿元的【…项目】
	case cueS >= 0 && len(tmid) > 0 && !midQ && a.beneficiaryBefore(cs, cueS) && a.nameable(a.tidy(mid)):
		ind, why = mid, "object-after-beneficiary" // 为5万名农民工追回【欠薪】3亿元: who it was done for is no part of the name
	case cueS >= 0 && len(tmid) == 0 && cueE == qs && cue.runes() >= 3 && a.beneficiaryBefore(cs, cueS) && a.nameable(a.actionName(cue)):
		ind, why = a.actionName(cue), "action-after-beneficiary" // 为企业【减税降费】446亿元: the action names the money
	case cueS > cs && !a.tokStart[cueS] && !midQ && len(tmid) > 0 && len(tsubj) > 0:
		ind, why = subj.join(cue).join(mid), "cue-inside-word" // 【城镇新增就业】5400人: the name as written
	case len(tmid) > 0 && !midQ && tmid.runes() == 1 && strings.Contains("率量数额值比度", tmidText) && cueS >= cs:
		ind, why = subj.join(cue).join(mid), "cue-inside-noun" // 建成率达80%: the cue was part of the noun
	case cueS >= 0 && a.sub(cueS, cueE) == "占" && !midQ:
		ind, why = subj.join(cue).join(mid), "share" // 发电量【占】总发电量的比重: the share names both
		if len(tsubj) == 0 && prev != nil && a.nameable(prev.ind) {
			ind = prev.ind.join(cue).join(mid) // 民生领域财政支出45.14亿元，【占】公共预算支出的91.26%: the share of what was named
			why += "-of-previous"
		}
	case len(tmid) == 0 && strings.TrimSpace(a.text(mid)) != "" && a.text(mid) != "了" && len(tsubj) > 0 && !midQ && cueS >= 0 && !a.hasQuantity(cueE, qs):
		ind, why = subj.join(cue), "cue-inside-name" // 经济增长预期目标为5%: the cue is part of the name
	case len(tmid) > 0 && !midQ && len(tsubj) > 0 && (hasPrefixAny(tmidText, hedgeWords) || genericHeads.has(a.text(cue))) && a.onlyVerbs(tmid) && !a.hasQuantity(subjStart(subj, cs), max(cs, cueS)):
		ind, why = tsubj.join(cue), "cue-inside-name" // 中央预算内【投资】拟安排7350亿元: a hedged verb follows the cue
	case q.unit == schema.Percent && cueS >= 0 && cueRoles.Has(lexicon.Level) && len(tmid) > 0 && !midQ && len(tsubj) > 0 && qs > 0 && a.s[qs-1] == '的' &&
		!endsChange(a.text(cue)) && a.onlyNouns(tmid) && a.onlyNouns(tsubj) && tsubj.runes()+cue.runes()+tmid.runes() <= maxIndicator && !a.hasQuantity(subjStart(subj, cs), max(cs, cueS)):
		ind, why = tsubj.join(cue).join(tmid), "share-of-whole" // 高标准农田【达到】耕地总面积的64%: A's share of B, as A占B (SPEC 2)
	case len(tmid) > 0 && !midQ && len(tsubj) > 0 && (tmid.runes() <= 3 || keptVerb && tmid.runes() <= 4) && !a.hasQuantity(subjStart(subj, cs), max(cs, cueS)):
		ind, why = tsubj.join(tmid), "subject-and-object" // 可再生能源新增装机: the subject names whose 装机
		if c := a.text(cue); !cueRoles.Has(lexicon.Level) && !strings.HasSuffix(c, "到") && !strings.HasSuffix(c, "至") && !strings.ContainsAny(a.text(mid)+c, "的（）()") {
			ind = tsubj.join(cue).join(mid) // the name as written: 城中村【改造】安置, 经济【增长】贡献率
		}
	case len(tmid) > 0 && !midQ:
		ind, why = mid, "object"
	case cueS >= 0 && cueE == qs && genericHeads.has(a.sub(cueS, cueE)) && len(tmid) == 0 && len(tsubj) > 0 && !a.hasQuantity(subjStart(subj, cs), cueS) && a.nameable(tsubj) &&
		!strings.HasSuffix(a.text(tsubj), "等") && (q.end >= len(a.s) || a.s[q.end] != '的'): // not 康达水业等投资37亿元的6个项目
		ind, why = tsubj.join(cue), "generic-cue-in-name" // 实际使用外商直接【投资】1196亿美元: the head of the name
	case len(tsubj) > 0 && cueS >= 0 && a.predicateOfPrevious(tsubj, prev, cs, cueS):
		ind, why = prev.ind, "carried-over-predicate" // 生产总值达到5.53万亿元、稳居全国前十强、增长【4.8%】
	case len(tsubj) > 0 && !a.hasQuantity(subjStart(subj, cs), max(cs, cueS)):
		ind, why = subj, "subject"
		if cueE == qs && onlyAction(a.text(cue)) && a.tokStart[cueS] {
			ind, why = subj.join(cue), "subject-and-action" // 国土空间生态【修复】353万亩: the work done names it, as written
		}
	case cueS >= 0 && cueE == qs && len(tmid) == 0 && len(tsubj) == 0 && genericHeads.has(a.text(cue)) && len(a.previousModifier(prev, q, cs)) > 0:
		// 重点项目总投资5942亿元，当年计划【投资】1003亿元: the generic head
		// of the figure before, with its words (市以上重点项目当年计划投资)
		ind, why = a.previousModifier(prev, q, cs).join(a.piece(cs, cueE)), "generic-cue-after-previous"
	case cueS >= 0 && len(tmid) == 0 && len(tsubj) == 0 && q.end == a.clauseEnd(q.end) && (q.unit == schema.CNY || q.unit == schema.USD) && !a.hasQuantity(cs, cueS):
		ind, why = a.objectOfNextClause(q.end), "object-of-next-clause" // 投资1亿元，实施【城市品质提升行动】
	case cueS >= 0 && len(tmid) == 0 && len(tsubj) == 0:
		ind, why = a.objectOfVerbAt(q.end), "object-of-next-verb" // 投资4.4亿元新改扩建【城区主次干路】
	}
	if why == "noun-after" && counted {
		if l := a.nameOverModifier(q, ind); len(l) > 0 {
			ind, why = l, "noun-after-over-modifier" // 7家【跨境资金】集中运营中心: the head comes later
		}
	}
	if share := a.shareOfUnits(q, cs, cueS); len(share) > 0 {
		ind, why = share, "share-of-units" // 【71%】的煤电机组实现超低排放: the units and what they do
	}
	if cueS >= 0 && cueRoles.Has(lexicon.Benefit) {
		if r := a.benefitName(q, cs, cueS, cueE, after, tmid, midQ); len(r) > 0 {
			ind, why = r, "benefit" // 实施育儿补贴制度，惠及23.6万婴幼儿: 【育儿补贴制度惠及婴幼儿】
		}
	} else if a.reachesCount(q, cueS, cueE, cueRoles, after) {
		if r := a.benefitName(q, cs, cueS, cueE, after, tmid, midQ); len(r) > 0 {
			ind, why = r, "reach" // 跨境电商业务【覆盖】40个国家和地区: 【跨境电商业务覆盖国家和地区】
		}
	}
	// no cue, or only the bound word of the mention (突破1200列): the verb
	// phrase before it is the clause's, its object the name
	if why == "subject" && (cueS < 0 || cueS == cueE && q.leadBound && isLevelCue(a.sub(q.pre.start, q.pre.end))) && q.unit != schema.Percent && q.unit != schema.PP && q.unit != schema.Times {
		if obj := a.objectOfVerbPhrase(a.tidy(ind), q.unit == schema.Count); len(obj) > 0 {
			ind, why = obj, "object-of-verb-phrase" // 提请全国人大常委会审议【法律议案】10件
		}
	}
	if counted && len(ind) > 0 && a.listsMembers(ind, qs) {
		if l := a.looseNounAfter(q.end); a.nameable(l) && (a.posAt(l[0].start) == "ug" || !strings.HasPrefix(a.posAt(l[0].start), "u")) {
			ind, why = l, "noun-after-members" // (过, tagged ug, is 'over' here: 3个【过三千亿元城市】) // 山阳、勉县等6个【抽水蓄能项目】: the members come before the count, their class after it
		}
	}
	if len(ind) == 0 && counted {
		if l := a.looseNounAfter(q.end); a.nameable(l) && !strings.HasPrefix(a.posAt(l[0].start), "u") {
			ind, why = l, "loose-noun-after" // 新开通【28个】高速服务区出入口: the things counted, before the previous item's name
		}
	}
	if len(ind) == 0 && prev != nil {
		ind, why = prev.ind, "carried"
	}
	asWritten := why == "predicate-and-noun-after" || why == "bare-count-and-predicate" || why == "share-of-units" ||
		why == "noun-after-over-modifier" && a.s[ind[0].start] == '有' // 【有】国际竞争力的科技领军企业: the relative clause keeps its verb (有 is no trimmed prefix here)
	if !asWritten {
		ind = a.tidy(ind) // the predicate keeps its verb as written (实现…企业)
	}
	if prev != nil && (carried || cueS < 0) && isModifier(a.text(ind)) {
		ind = ind.join(a.headOf(prev.ind))
		why += "+head-of-previous" // 省级【专精特新企业】
	}
	if !a.nameable(ind) || a.endsInQuantity(ind) { // 让13.07万户【46万】群众: a figure names nothing (SPEC 1, 2)
		// SPEC 2: never empty, a fragment, a time word or a place alone.
		// The next names in order: the place with what is said of it, the
		// subject, the object, the previous item's, the name an earlier
		// clause gave (ellipsis), the noun after the number.
		bad := ind
		ind, why = a.fallback(q, ind, prev, tsubj, tmid, midQ, cs, cueS, cueE)
		if len(ind) == 0 {
			ind, why = a.keptFragment(bad, tsubj, tmid), why+"-kept-fragment" // no other name: the words found say more than none
		}
	}
	namedByPrevious := false
	if prev != nil && len(ind) > 0 && len(prev.ind) > 0 && prev.ind[len(prev.ind)-1].end <= ind[0].start {
		short := a.textLen(ind) <= maxHeadBytes // no longer text is a head: neither set is looked up
		if s := a.text(ind); (short && genericHeads.has(s) && prev.q.unit == schema.Count || utf8.RuneCountInString(s) <= 3 && isRateName(s) || short && scaleHeads.has(s) && prev.q.unit == q.unit) && a.nameable(prev.ind) {
			// 重点项目1349个，完成【投资】3210亿元; 投资完成34.67亿元，【完成率】达到146.6%:
			// the head names the figure of the things named before (SPEC 2)
			switch k := overlap(prev.indicator, s); {
			case strings.HasSuffix(prev.indicator, s):
				ind = prev.ind
			case k > 0:
				ind = prev.ind.join(ind.slice(k, ind.runes())) // 财政赤字…，【赤字率】: 财政赤字率
			default:
				ind = prev.ind.join(ind)
			}
			why += "+name-of-previous"
			namedByPrevious = true
		}
	}
	if !namedByPrevious {
		if owned := a.ownerOfHead(prev, ind, cs); len(owned) > 0 {
			ind, why = owned, why+"+owner-of-previous" // 投资项目1933个、【总金额】2.26万亿元: 投资项目总金额
		}
	}
	if len(ind) == 0 {
		why = "none"
	}
	if a.textLen(ind) <= maxPlainNounBytes && plainNouns.has(a.text(ind)) {
		if t := a.topic(cs); len(t) > 0 {
			ind, why = t.join(ind), why+"+topic" // 【高速公路】，开工…等2个【项目】
		}
	}
	if asWritten {
		return ind, why // saidOfCount and saidOfBareCount bound it: shortening would cut the predicate's verb
	}
	return a.shorten(ind), why
}

// endsWithQizhong reports whether s, less its blanks and a time at its
// end, ends with 其中. The time pattern only cuts an end off: a text
// without 其中 is not tried.
func endsWithQizhong(s string) bool {
	return strings.Contains(s, "其中") && strings.HasSuffix(trailingTime.ReplaceAllString(strings.TrimSpace(s), ""), "其中")
}

// dropOwnClause cuts out of a subject the part before its last 、 when
// that part is a clause of its own, a noun phrase followed by its
// predicate (益阳电厂三期建成投产、总装机达386万千瓦; “湘易办”用户突破3500
// 万、月访问量稳定在2000万人次): the predicate belongs to no name (SPEC 2),
// so the subject is the noun phrase that opens the first clause, the
// topic both clauses share, followed by what comes after the 、. A part
// made of nouns alone is an item of a list (省、市重点项目), a part made
// of verbs alone names the work (新建、改建道路), parts ending in the same
// character are items of one list (代表建议办结率、委员提案办复率), and a
// subject with 等 or more than one 、 lists members: none of them is cut.
// The caller applies it to the subject before a cue only: with no cue the
// words after the 、 may be the verb's second object (修订国家标准、行业
// 标准7项).
func (a *analysis) dropOwnClause(subj phrase) phrase {
	if len(subj) != 1 {
		return subj
	}
	s, e := subj[0].start, subj[0].end
	c := strings.IndexRune(a.sub(s, e), '、')
	if c < 0 || strings.Count(a.sub(s, e), "、") > 1 || strings.ContainsRune(a.sub(s, e), '等') {
		return subj
	}
	c = s + utf8.RuneCountInString(a.sub(s, e)[:c])
	if a.hasQuantity(c, e) || c+1 < e && a.s[c-1] == a.s[e-1] {
		return subj // 代表建议办结率、提案办复率: parts ending alike are items of a list
	}
	topicEnd, quoteEnd := -1, -1
	for _, t := range a.tokens(a.piece(s, c)) {
		if t.start < quoteEnd {
			continue // a quoted name (“湘易办”) holds no predicate of the clause
		}
		if a.s[t.start] == '“' {
			if quoteEnd = a.closingQuote(t.end); quoteEnd > 0 {
				continue
			}
		}
		if pos, w := a.posAt(t.start), a.sub(t.start, t.end); strings.HasPrefix(pos, "v") && pos != "vn" || pos == "d" || pos == "ad" || onlyCues(w) || wholeSet.has(w) {
			topicEnd = t.start
			break
		}
	}
	if pos := a.posEndingAt(topicEnd); topicEnd-s < 2 || !a.endsNoun(topicEnd) && pos != "t" && pos != "b" { // 三期 (t), 二期 (b) end a name
		return subj
	}
	topic := a.tidy(a.piece(s, topicEnd))
	if len(topic) == 0 {
		return subj
	}
	return topic.add(c+1, e)
}

// listsMembers reports whether ind, right before a count at qs, lists
// members of what is counted rather than naming it: names joined by 、 or
// names ending in 等 (荆州、孝感、黄冈3个过三千亿元城市, 弗朗智能装备等6个
// 前期项目): the count's name is then the class after the number. The
// names of a list without 等 are short (place and project names, at most
// four code points each).
func (a *analysis) listsMembers(ind phrase, qs int) bool {
	raw := ind[len(ind)-1].end
	if raw > qs {
		return false
	}
	s, gap := a.text(ind), a.sub(raw, qs)
	if strings.HasSuffix(s, "等") && (gap == "" || strings.HasSuffix(gap, "的")) || gap == "等" {
		return true // 弗朗智能装备等【投资18.8亿元的】6个前期项目: an attribute of the class between
	}
	if gap != "" || !strings.Contains(s, "、") {
		return false // (one item, or none: no list)
	}
	items := 0
	for it := range strings.SplitSeq(s, "、") {
		if n := utf8.RuneCountInString(it); n == 0 || n > 4 {
			return false // 家庭农场、农民合作社6000家、3000家: names, each with its number
		}
		items++
	}
	return items > 1
}

// predicateOfPrevious reports whether the subject subj of a number whose
// own part of the clause holds only its cue is a part of its own between
// two 、 after the previous fact, opening with a verb: a predicate of the
// thing that fact named (地区生产总值达到5.53万亿元、稳居全国前十强、增长4.8%:
// the growth is the 地区生产总值's; SPEC 2, a name left out by ellipsis is
// carried). Not 新增上市公司3家、挂牌企业27家: the words are the number's own.
func (a *analysis) predicateOfPrevious(subj phrase, prev *fact, cs, cueS int) bool {
	if prev == nil || cs == 0 || a.s[cs-1] != '、' || prev.q.end >= cs || a.hasQuantity(prev.q.end, cs) || !a.nameable(prev.ind) {
		return false
	}
	if a.sub(prev.q.end, cs) != "、" || strings.TrimSpace(a.sub(subj[len(subj)-1].end, cueS)) != "、" {
		return false
	}
	pos := a.posAt(subj[0].start)
	return strings.HasPrefix(pos, "v") && pos != "vn" && a.tokStart[subj[0].start]
}

// ownerOfHead names a figure whose own name is only a short head - a
// word of figureHeads of at most three code points, after qualifiers of
// the figure (【总】金额, 【年度计划】投资, 【释放】产值) - by the thing the
// previous figure of the sentence named, when the head opens the clause
// right after that figure's: 投资项目1933个、【总金额】2.26万亿元 (投资项目
// 总金额), 养老服务机构1596个、【床位】23.1万张 (养老服务机构床位). The thing
// is the previous name less its own figure head and the qualifiers before
// that head (林下经济面积达260万亩、【产值】130亿元: 林下经济产值; 苹果综合
// 产值增长8%、【出口】增长12%: 苹果出口); after a comma, the head must
// repeat a word of that figure head (通车里程3200公里，【总里程】: not 粮食产量
// …，【能耗】, a figure of its own). A plain noun that repeats the end of
// the previous name names the same things (承接转移项目43项，【项目】数量增长
// 26%: 承接转移项目). A scale head has its own rule (name-of-previous, in
// the same unit). nil otherwise.
func (a *analysis) ownerOfHead(prev *fact, ind phrase, cs int) phrase {
	if prev == nil || len(ind) != 1 || len(prev.ind) == 0 || prev.ind[len(prev.ind)-1].end > ind[0].start || cs < 1 {
		return nil
	}
	// (the cheap tests first: the previous name is tested only for a head
	// that opens its clause right after it)
	if prev.q.end != cs-1 && maxEnd(prev.ind) != cs-1 || !strings.ContainsRune("、，", a.s[cs-1]) || !a.nameable(prev.ind) ||
		len(a.trim(a.piece(cs, ind[0].start))) > 0 && !a.cueBetween(cs, ind[0].start) {
		return nil // the head opens the clause right after the previous figure or its name, which ends its own
	}
	s := a.text(ind)
	if plainNouns.has(s) && strings.HasSuffix(prev.indicator, s) && prev.indicator != s {
		return prev.ind // 承接转移项目43项，【项目】数量增长26%: the same things
	}
	head := stripQualifiers(s, false)
	if !figureHeads.has(head) || utf8.RuneCountInString(head) > 3 || scaleHeads.has(head) || figureHeads.has(prev.indicator) {
		return nil // 民间投资 names a figure of its own; 规模: name-of-previous
	}
	owner, prevHead := a.ownerOf(prev)
	if len(owner) == 0 || a.s[cs-1] == '，' && prevHead != "" && !sharesWord(head, prevHead) || strings.Contains(a.text(owner), head) {
		return nil // 进出口总额…、【出口】: the head is the owner's own word
	}
	return owner.join(ind)
}

// ownerOf returns the thing a previous figure's name names and that
// name's figure head: the name less its head and the figure qualifiers
// before it (苹果综合产值: 苹果, 产值), or the whole name of things with no
// figure head (投资项目, ""). nil when the owner would be no name: too
// short, cut inside a word, a clause, or a figure whose head the lexicon
// does not hold (全社会用电量).
func (a *analysis) ownerOf(prev *fact) (phrase, string) {
	owner := prev.ind
	h := headSuffix(prev.indicator, figureHeads)
	switch {
	case h != "" && !genericHeads.has(h):
		n := utf8.RuneCountInString(stripQualifiers(strings.TrimSuffix(prev.indicator, h), true))
		if n < 2 {
			return nil, ""
		}
		owner = prev.ind.slice(0, n)
	case hasOwnHead(prev.indicator):
		return nil, ""
	default:
		h = ""
	}
	if !a.nameable(owner) || !a.endsAtWord(owner[len(owner)-1].end) || a.joinsClauses(owner) {
		return nil, ""
	}
	return owner, h
}

// sharesWord reports whether a and b have two adjacent code points in
// common (收入比 and 可支配收入, 总里程 and 里程).
func sharesWord(a, b string) bool {
	r := []rune(a)
	for i := 0; i+1 < len(r); i++ {
		if strings.Contains(b, string(r[i:i+2])) {
			return true
		}
	}
	return false
}

// endsAtWord reports whether a name ending at e ends where a word of the
// segmentation ends, or inside a noun after two code points of it or
// more (粮食 of 粮食播种面积; not 则本【年】 of 年收入).
func (a *analysis) endsAtWord(e int) bool {
	for _, t := range a.toks {
		if t.Start < e && e <= t.End {
			return t.End == e || e-t.Start >= 2 && (strings.HasPrefix(t.POS, "n") || t.POS == "vn" || t.POS == "j" || t.POS == "l")
		}
	}
	return false
}

// joinsClauses reports whether p holds a conjunction (和, 与, 及): a name
// of two things, or of places and what is done there (国家和地区开展业务),
// owns no one figure.
func (a *analysis) joinsClauses(p phrase) bool {
	for _, t := range a.tokens(p) {
		if a.posAt(t.start) == "c" {
			return true
		}
	}
	return false
}

// maxEnd returns where the last of p's pieces in the text ends (a
// predicate joined before its noun: 【投产达效】项目).
func maxEnd(p phrase) int {
	e := -1
	for _, sp := range p {
		e = max(e, sp.end)
	}
	return e
}

// cueBetween reports whether [s, e) holds the cue of its clause and
// words trimmed from a name only (支持【项目】512个, 其中企业).
func (a *analysis) cueBetween(s, e int) bool {
	_, cs, ce := a.firstCue(s, e)
	return cs >= 0 && len(a.trim(a.piece(s, cs))) == 0 && len(a.trim(a.piece(ce, e))) == 0
}

// stripQualifiers returns s without the figure qualifiers at its start
// (年度计划投资: 投资), or at its end with atEnd (苹果综合: 苹果); never empty.
func stripQualifiers(s string, atEnd bool) string {
	has, cut := strings.HasPrefix, func(s, w string) string { return s[len(w):] }
	if atEnd {
		has, cut = strings.HasSuffix, func(s, w string) string { return s[:len(s)-len(w)] }
	}
	for {
		longest := ""
		for _, w := range figureQualifiers {
			if len(w) > len(longest) && len(w) < len(s) && has(s, w) {
				longest = w
			}
		}
		if longest == "" {
			return s
		}
		s = cut(s, longest)
	}
}

// figureQualifiers qualify a figure between a thing's name and the
// figure's head, not the thing: a name of such words and a head alone
// (【总】金额, 【年度计划】投资, 【释放】产值) names no thing (a rule table:
// the lexicon's 64 role bits are taken).
var figureQualifiers = []string{"总", "年度", "计划", "综合", "释放", "新增", "人均"}

// nameOverModifier extends the noun phrase after a count that stopped at
// a modifier of the thing counted, before its head (7家【跨境资金】集中运营
// 中心, 3条【新能源装备】制造完整产业链, 100家【有国际竞争力】的科技领军
// 企业, 8个【设施】完善的社区养老服务站), as written: over verbs,
// adjectives and nouns to the noun that ends the clause or comes right
// before a cue, status or predicate word (22条重点入黄排水沟【整治】率达…:
// the clause's own verb); or over a relative clause ending in 的 that
// does not end in a noun (12个项目的前期工作 counts 项目), to the noun
// phrase after 的. No number, no clause mark and no quotation on the way;
// the name at most maxIndicator code points. nil when nothing is added.
func (a *analysis) nameOverModifier(q *quantity, after phrase) phrase {
	if len(after) != 1 {
		return nil
	}
	s, e := after[0].start, after[0].end
	ce := a.clauseEnd(e)
	if e >= ce || a.hasQuantity(e, ce) || a.prepositionBefore(q.end) || q.start > 0 && a.s[q.start-1] == '、' {
		return nil // 为33家企业【制定】辅导计划: after a preposition the verb is the clause's; a list item's name is the list's business
	}
	end, lastNoun, sawNoun := -1, false, false
	has := a.s[s] == '有' || s > 0 && a.s[s-1] == '有' // 100家【有】国际竞争力的…: 有 and its noun are the relative clause
	if a.s[s] != '有' && has {
		s--
	}
	for k, t := range a.toks {
		if t.Start < e {
			continue
		}
		if t.Start >= ce || t.End > s+maxIndicator {
			break
		}
		r0 := firstRune(t.Text)
		if isClauseMark(r0) || strings.ContainsRune("“”《》（）()", r0) || unicode.IsDigit(r0) || t.Text != "的" && strings.Contains(t.Text, "的") {
			break
		}
		if t.Text == "的" {
			if !has && (sawNoun || t.Start == e && a.posEndingAt(e) != "a" && a.posEndingAt(e) != "b") {
				break // 项目【的】前期工作: 的 after a noun makes it the owner
			}
			if head := a.nounAfter(t.End); len(head) == 1 && head[0].start == t.End && head.runes() >= 2 && a.endsNoun(head[0].end) && head[0].end-s <= maxIndicator+2 {
				return a.piece(s, head[0].end) // 【有国际竞争力】的科技领军企业
			}
			break
		}
		if t.Start == e && (cueSet.has(t.Text) || statusWords.has(t.Text) || wholeSet.has(t.Text) || a.predicateAt(t.Start) > 0 || t.POS == "d" || t.POS == "p" || t.Runes() == 1) {
			break // 乡镇【建设】…, 企业【实现】…, 学校【全部】达到…, 专家【到】…: the clause's verb, what is said of them
		}
		pos := t.POS
		lastNoun = strings.HasPrefix(pos, "n") && pos != "nr" || pos == "j"
		sawNoun = sawNoun || strings.HasPrefix(pos, "n") || pos == "j" || pos == "r"
		next := ""
		if k+1 < len(a.toks) && a.toks[k+1].Start < ce {
			next = a.toks[k+1].Text
		}
		if lastNoun && (t.End == ce || cueSet.has(next) || statusWords.has(next) || predicateSet.has(next)) {
			end = t.End // the noun ends the clause or comes before its verb (城市【建设】)
		}
		if !lastNoun && !strings.HasPrefix(pos, "v") && pos != "a" && pos != "ad" && pos != "d" && pos != "b" && pos != "l" && pos != "t" && !(pos == "x" && isHanWord(t.Text)) {
			break
		}
	}
	if end < 0 || end-e < 2 {
		return nil
	}
	return a.piece(s, end)
}

// shareOfUnits names a percent that opens its clause and is followed by
// the units it is a share of and what they do, as written: 【71%】的煤电机组
// 实现超低排放, 【85%以上】农户参与农业产业化经营 (LABELING: a share of units
// that do something). Without the predicate the row would name the units
// alone, as if it counted them. The noun ends before a verb or an adverb
// that runs to the end of the clause with no number in it, within
// maxPredicateName code points; nil otherwise, and for a percent with a
// cue of its own or a fixed measure (翻一番, 两位数增长: a change, no share).
func (a *analysis) shareOfUnits(q *quantity, cs, cueS int) phrase {
	if q.unit != schema.Percent || cueS >= 0 || q.rule.FixedMeasure != "" {
		return nil
	}
	if subj := a.trim(a.piece(cs, q.start)); len(subj) > 0 {
		return a.shareOfSubject(q, subj)
	}
	s := q.end
	if s < len(a.s) && a.s[s] == '的' {
		s++
	}
	noun := a.nounAfter(s)
	if len(noun) != 1 || noun[0].start != s {
		noun = a.looseNounAfter(s)
	}
	if len(noun) != 1 || noun[0].start != s || !a.nameable(noun) && !a.isPlace(noun) || !a.endsNoun(noun[0].end) {
		return nil
	}
	if pred, head := a.saidOfCount(noun); len(pred) > 0 && len(head) > 0 {
		return a.piece(s, pred[len(pred)-1].end) // the noun phrase took the predicate in
	}
	e, ce := noun[0].end, a.clauseEnd(noun[0].end)
	if e >= ce || ce-s > maxPredicateName || a.hasQuantity(e, ce) {
		return nil
	}
	if pos := a.posAt(e); !strings.HasPrefix(pos, "v") || pos == "vn" {
		if pos != "d" {
			return nil // 90%的企业，…: no predicate follows the units
		}
	}
	if p := a.piece(s, ce); a.nameable(p) {
		return p // 80%以上【行政村】实现快递进村: a place unit names the units too
	}
	return nil
}

// shareOfSubject names a percent between the whole it is a share of and
// what that share does, as written: 财政支出【近八成】投向民生领域 names
// 财政支出投向民生领域, 规上工业企业【70%】实现数字化改造 names 规上工业企业
// 实现数字化改造. The subject is a nameable noun phrase with no number;
// a verb or an adverb follows the percent and runs to the end of the
// clause with no number in it, within maxPredicateName code points; nil
// otherwise.
func (a *analysis) shareOfSubject(q *quantity, subj phrase) phrase {
	e, ce := q.end, a.clauseEnd(q.end)
	if e >= ce || !a.nameable(subj) || a.isPlace(subj) || a.hasQuantity(subj[0].start, subj[len(subj)-1].end) || !a.endsNoun(subj[len(subj)-1].end) {
		return nil
	}
	if pos := a.posAt(e); !strings.HasPrefix(pos, "v") && pos != "d" || pos == "vn" {
		return nil
	}
	if ce-e+subj.runes() > maxPredicateName || a.hasQuantity(e, ce) {
		return nil
	}
	return subj.join(a.piece(e, ce))
}

// bareCount reports whether q is a count in 万 or 亿 written with no
// measure word right before the noun of the people it counts (【13.2万】脱贫
// 人口实现稳岗就业, 【4386万】异地务工人员): the noun after names it, as after
// a count with a classifier. Not a plain noun (员额30万【任务】: the noun
// before names it).
func (a *analysis) bareCount(q *quantity, after phrase) bool {
	return q.rule.ID == "bare-multiplier" && len(after) > 0 && after[0].start == q.end &&
		a.endsNoun(after[len(after)-1].end) && !plainNouns.has(a.text(after))
}

// quotedSubject returns the subject of a count's clause when it is a
// short name that opens with a quoted name (“全球服务商计划”累计引进201家企业,
// “高效办成一件事”13个重点事项全部落地): the quoted name tells which of the
// things counted after the number these are, so the indicator keeps it
// (SPEC 2: long enough to tell the figure apart); not after a verb of its
// own (抓细抓实“十个常态化”30项措施). The subject holds no
// number and at most maxQuotedSubject code points; else nil.
func (a *analysis) quotedSubject(tsubj, subj phrase, cs, cueS, qs int) phrase {
	if len(tsubj) != 1 || tsubj.runes() > maxQuotedSubject || a.hasQuantity(subjStart(subj, cs), max(cs, cueS, qs)) {
		return nil
	}
	text := a.text(tsubj)
	o, c := strings.Index(text, "“"), lastIndex(text, "”")
	if o != 0 || c < o || strings.Count(text, "“") != strings.Count(text, "”") || strings.ContainsAny(text, "，、；：") || strings.HasSuffix(text, "等") || !a.nameable(tsubj) {
		return nil // “西部数谷”【等】4个项目: an example, not the kind
	}
	// the words after the quote: a noun phrase (货运班轮, 试点), past an
	// adverb that ends the subject (累计); not a verb (规划【共设置】26项指标)
	toks := a.tokens(tsubj)
	for k, t := range toks {
		if t.start < tsubj[0].start+utf8.RuneCountInString(text[:c]) {
			continue
		}
		if pos := a.posAt(t.start); strings.HasPrefix(pos, "v") && pos != "vn" || pos == "d" && k+1 < len(toks) {
			return nil // an adverb before more words starts a predicate: 规划【共】设置
		}
	}
	return tsubj
}

// maxQuotedSubject bounds the subject quotedSubject keeps before the
// things counted.
const maxQuotedSubject = 12

// previousModifier returns the modifier of the previous fact's name,
// before its figure head (市以上重点项目 of 市以上重点项目总投资), when that
// fact is in the same unit and ends the clause right before the one
// starting at cs; else nil.
func (a *analysis) previousModifier(prev *fact, q *quantity, cs int) phrase {
	if prev == nil || prev.q.unit != q.unit || len(prev.ind) == 0 || cs < 1 || prev.q.end != cs-1 || a.s[cs-1] != '，' {
		return nil
	}
	head := headSuffix(prev.indicator, figureHeads)
	if head == "" || bareHeads.has(prev.indicator) {
		return nil
	}
	n := prev.ind.runes() - utf8.RuneCountInString(head)
	if n < 2 {
		return nil
	}
	m := prev.ind.slice(0, n)
	if !a.nameable(m) {
		return nil
	}
	return m
}

// saidOfBareCount names a bare count of people with no cue of its own by
// the people and what the rest of its clause says became of them, as
// written (【4386万】异地务工人员稳定就业, 【100多万】群众住上了安全房): the
// clause after the noun holds no number, starts with a verb, an adverb, an
// adjective or 和 and another noun (低保人员和特困群众基本生活得到保障), and is not so long that it needs shortening (maxPredicateName). It
// returns nil otherwise, and for counts with a measure word (saidOfCount).
func (a *analysis) saidOfBareCount(q *quantity, after phrase, cueS int) phrase {
	if cueS >= 0 || q.unit == schema.Count || q.rule.ID != "bare-multiplier" || len(after) != 1 || after[0].start != q.end {
		return nil
	}
	e := after[0].end
	ce := a.clauseEnd(e)
	if e == ce {
		// the noun phrase took the predicate in (农业转移人口在城镇【落户】):
		// the clause as written, not the predicate moved before the noun
		if pred, _ := a.saidOfCount(after); len(pred) > 0 && ce-q.end <= maxPredicateName {
			return after
		}
		return nil
	}
	switch pos := a.posAt(e); {
	case strings.HasPrefix(pos, "v") && pos != "vn", pos == "d", pos == "a", pos == "ad":
		// 成为, 已, 稳定 (就业): what is said of them
	case pos == "c" && a.s[e] == '和':
		// 低保人员【和】特困群众基本生活得到保障: two kinds of people, one predicate
	default:
		return nil // the noun ends the clause, or no predicate follows it
	}
	if ce-q.end > maxPredicateName || a.hasQuantity(e, ce) {
		return nil
	}
	return a.piece(q.end, ce)
}

// saidOfCount splits the noun phrase after a count into the things
// counted and what the rest of the clause says of them, when it says
// something: 597家【企业】【实现差别化资源要素配置】, 100家【养殖场】【实现规模化
// 生产】 (the noun phrase took the predicate in), 1万家【企业】【上云】. The
// predicate starts with a word of the lexicon's predicate role, after
// adverbs (率先, 已), and runs to the end of the clause with no number in
// it; a word of the whole set (72项任务【全部】完成) says the noun alone
// names the count, and gives nothing; a predicate of cue and status words
// alone (竣工投产) gives the noun alone. It returns nil, nil otherwise.
func (a *analysis) saidOfCount(after phrase) (pred, head phrase) {
	if len(after) != 1 || !a.nameable(after) {
		return nil, nil
	}
	s, e := after[0].start, after[0].end
	ce := a.clauseEnd(e)
	// the predicate inside the noun phrase: 养殖场【实现】规模化生产, unless
	// the verb and one noun end the clause, a name of their own
	// (申报省“双招双引”【签约项目】)
	for k, t := range a.toks {
		if t.Start > s && t.Start < e && a.predicateAt(t.Start) > 0 && a.endsNoun(t.Start) &&
			!(k+1 < len(a.toks) && a.toks[k+1].End == ce && strings.HasPrefix(a.toks[k+1].POS, "n")) {
			e = t.Start
			break
		}
	}
	head = a.piece(s, e)
	if !a.nameable(head) || a.isPlace(head) || !a.endsNoun(e) || strings.Count(a.text(head), "“") != strings.Count(a.text(head), "”") {
		return nil, nil // 签约项目【加快】落地, 事项“跨境【通】办”: no noun before the predicate
	}
	v := e
	for _, t := range a.toks {
		if t.Start < v || t.Start >= ce {
			continue
		}
		if t.Start > v || a.predicateAt(v) > 0 {
			break
		}
		if wholeSet.has(t.Text) || t.POS != "d" {
			return nil, nil // 任务【全部】完成: the noun names them all
		}
		v = t.End // 率先, 已: an adverb before the predicate
	}
	if a.predicateAt(v) == 0 || ce-v+head.runes() > maxPredicateName || a.hasQuantity(v, ce) {
		return nil, nil
	}
	pred = a.piece(v, ce) // as written: 实现 and 开展 are no cue here
	text := a.text(pred)
	switch {
	case pred.runes() <= a.predicateAt(v) && a.predicateAt(v) < 2:
		return nil, nil // 通 alone says nothing
	case onlyCues(text):
		return nil, head // 9个项目【竣工投产】: the verb is the count's cue, the noun its name
	case passiveWords.has(a.sub(v, v+a.predicateAt(v))) && a.onlyActions(a.piece(v+a.predicateAt(v), ce)):
		return nil, head // 100多项经验【受到肯定和推广】: what was done to them, with no doer, is the cue
	case strings.HasSuffix(text, "后") || strings.HasSuffix(text, "时"):
		return nil, nil // 120个项目【建成后】，…: a time clause, no predicate
	}
	return pred, head
}

// laterCountOfList reports whether the count at qs (its clause starting at
// cs) is a later item of a list of counts: right after 、 that follows an
// earlier number of the same clause (14个集体、【15名】个人荣获…), or right
// after 和 with an earlier number in its clause (171名个人和【6个】科技创新
// 团队入选…). What the clause says after the last item is said of all.
func (a *analysis) laterCountOfList(qs, cs int) bool {
	switch {
	case qs == cs && cs > 0 && a.s[cs-1] == '、':
		return a.lastQuantityEnd(a.wholeClauseStart(cs-1), cs-1) > 0
	case qs > 0 && a.s[qs-1] == '和':
		return a.lastQuantityEnd(cs, qs-1) > 0
	}
	return false
}

// benefitName names the number of a cue of the benefit role (惠及) by the
// action that reached them, the cue and who was reached, as a researcher
// heads the column (SPEC 2): the subject before the cue (“以旧换新”政策【惠及】
// 76万群众), else the object of the cue that opens the clause before, when
// that clause holds no number (实施【育儿补贴制度】，惠及23.6万婴幼儿); who
// is the noun between cue and number or after the number, if any
// (建立困难和重度残疾人“两项补贴”制度，惠及2100多万人). It returns nil when
// no action is named: 完成18个老旧小区改造、惠及群众3395户 keeps 群众.
func (a *analysis) benefitName(q *quantity, cs, cueS, cueE int, after, tmid phrase, midQ bool) phrase {
	var who phrase
	switch {
	case len(tmid) > 0 && !midQ:
		who = tmid // 惠及【学生】3400多万人次
	case cueE == q.start && len(after) > 0:
		who = a.tidy(after) // 惠及23.6万【婴幼儿】
	}
	if len(who) > 0 && !a.nameable(who) && !a.isPlace(who) {
		return nil // a place is who too: 惠及15个【乡镇】
	}
	cue := a.piece(cueS, cueE)
	if subj := a.tidy(a.piece(cs, cueS)); len(subj) > 0 {
		if a.hasQuantity(cs, cueS) || !a.nameable(subj) || !a.endsNoun(subj[len(subj)-1].end) {
			return nil
		}
		return subj.join(cue).join(who)
	}
	if cs < 2 || !isClauseMark(a.s[cs-1]) || a.s[cs-1] == '、' {
		return nil
	}
	ps, pe := a.clauseStart(cs-2), cs-1
	if a.hasQuantity(ps, pe) {
		return nil
	}
	a.segmentClause(ps, pe)
	_, vs, ve := a.firstCue(ps, pe)
	if vs < 0 || a.trim(a.piece(ps, vs)).runes() > 0 {
		return nil // the clause must open with the action's verb
	}
	obj := a.tidy(a.nounAfter(ve))
	if len(obj) == 0 || obj[len(obj)-1].end != a.clauseEnd(ve) {
		obj = a.tidy(a.looseNounAfter(ve))
	}
	if len(obj) == 0 || !a.nameable(obj) || obj[len(obj)-1].end != a.clauseEnd(ve) {
		return nil // the object ends the clause: 实施育儿补贴制度
	}
	return obj.join(cue).join(who)
}

// reachesCount reports whether the count q, right after a reach cue, is of
// the places or units something reaches (物流网络【覆盖】30个【省区市】,
// 航线【通达】12个【国家和地区】, 远程教育【覆盖】2万所【农村学校】). The
// noun after the count (places, schools, villages) tells no figure apart
// alone (SPEC 2): as with those an action benefited, the figure is named
// by what reaches them, the cue and what it reaches (benefitName).
// cueRoles are the lexicon roles of the cue [cueS, cueE).
func (a *analysis) reachesCount(q *quantity, cueS, cueE int, cueRoles lexicon.Roles, after phrase) bool {
	return cueS >= 0 && cueE == q.start && cueRoles.Has(lexicon.Reach) &&
		len(after) > 0
}

// beneficiaryBefore reports whether the words before the cue at cueS in
// the clause starting at cs end with whom the action was done for: a
// preposition of benefit (为, 向, 给) and its object, with no verb between
// them and the cue (为企业减税降费, 为6107名困难家庭高校新生发放, 向230家企业
// 融资授信). Those people or firms are no part of the figure's name: the
// object of the cue, or the action itself, names it. Not 为 right before
// the cue (为争取…而奋斗: a purpose, no one the action serves).
func (a *analysis) beneficiaryBefore(cs, cueS int) bool {
	at, object := -1, false
	for _, t := range a.toks {
		if t.Start < cs || t.End > cueS {
			continue
		}
		switch {
		case t.POS == "p" && (t.Text == "为" || t.Text == "向" || t.Text == "给"):
			at, object = t.Start, false
		case at >= 0 && strings.HasPrefix(t.POS, "v") && t.POS != "vn":
			at = -1 // 为企业提供…: the verb after the preposition is the clause's
		case at >= 0:
			object = true
		}
	}
	return at >= 0 && object
}

// actionName returns what names the money of a cue word that is a whole
// action: its object after a shorter cue verb it opens with (发放【贷款】),
// else the action itself (减税降费, 留抵退税).
func (a *analysis) actionName(cue phrase) phrase {
	s := a.text(cue)
	for _, w := range allCues { // longest first
		if n := utf8.RuneCountInString(w); n >= 2 && n+2 <= cue.runes() && strings.HasPrefix(s, w) {
			return cue.slice(n, cue.runes())
		}
	}
	return cue
}

// onlyAction reports whether a cue is a verb of work and nothing else
// (修复, 改造, 搬迁): a delta cue with no other role in the lexicon. Such a
// verb right after the name and before the number is part of the name as
// written (农村危房改造); an auxiliary (新增, 完成, 实现), a verb of change
// (增加) or a state (达到) is not.
func onlyAction(cue string) bool {
	e, ok := lex.Lookup(cue)
	return ok && e.Roles.Without(lexicon.Statistic, lexicon.Benefit) == lexicon.RolesOf(lexicon.Delta) // 旅游【接待】1.3亿人次 names it whatever its measure
}

// nameBeforeCount returns the words between the cue (or the clause start,
// or an earlier number) and the count at qs when they name the kind of a
// plain noun after it (推进【制度型开放试点】33项任务): a short noun phrase,
// no list, no examples (康达水业【等】6个项目), no relative clause; else nil.
func (a *analysis) nameBeforeCount(qs, midS, cs, cueS int) phrase {
	s := cs
	if cueS >= 0 {
		s = midS
	}
	if e := a.lastQuantityEnd(s, qs); e > 0 {
		s = e
	}
	p := a.trim(a.piece(s, qs))
	text := a.text(p)
	if s > 0 && a.s[s-1] == '、' {
		return nil // 升钟灌区、【大桥灌区】6个工程: the last item of a list
	}
	if len(p) != 1 || p.runes() > 10 || !a.nameable(p) || strings.ContainsAny(text, "、的等，") || !a.onlyNouns(p) {
		return nil
	}
	return p
}

// onlyNouns reports whether p is a noun phrase: it starts and ends with a
// noun, a distinguishing word or a name the segmenter holds (试点, 省级),
// and a verb inside it is followed by a noun (制度型【开放】试点).
func (a *analysis) onlyNouns(p phrase) bool {
	toks := a.tokens(p)
	if len(toks) == 0 {
		return false
	}
	for k, t := range toks {
		pos := a.posAt(t.start)
		noun := strings.HasPrefix(pos, "n") || pos == "vn" || pos == "j" || pos == "l" || pos == "b" || pos == "k" || strings.ContainsAny(a.sub(t.start, t.end), "“”")
		inner := k > 0 && k < len(toks)-1 && strings.HasPrefix(pos, "v")
		if !noun && !inner {
			return false
		}
	}
	return true
}

// topic returns the name that opens the sentence as a clause of its own
// (【高速公路】，开工长深高速改扩建等2个项目): a noun phrase of two to eight
// characters before a comma or colon, when the fact's clause (starting at
// cs) comes after it; else nil.
func (a *analysis) topic(cs int) phrase {
	e := a.clauseEnd(0)
	if e >= len(a.s) || e < 2 || e > 8 || cs <= e || a.s[e] != '，' && a.s[e] != '：' {
		return nil
	}
	a.segmentClause(0, e)
	p := a.trim(a.piece(0, e))
	if len(p) != 1 || p.runes() < 2 || !a.nameable(p) || a.hasQuantity(0, e) || !a.onlyNouns(p) || !strings.HasPrefix(a.posEndingAt(p[0].end), "n") {
		return nil // not 招商引资【有声有色】: a topic ends with a noun
	}
	return p
}

// plainNouns alone tell no count of the report apart (lexicon role
// plain-noun).
var plainNouns = lexSet(lexicon.PlainNoun)

// maxPredicateName bounds a name made of a predicate and its noun: longer
// than maxIndicator, since neither part can be cut (通过大湾区职称评价港澳
// 工程专业人才).
const maxPredicateName = 20

// endsNoun reports whether the word that ends at i is a noun, a name the
// segmenter holds (j, l) or a closing quote or bracket.
func (a *analysis) endsNoun(i int) bool {
	pos := a.posEndingAt(i)
	return strings.HasPrefix(pos, "n") || pos == "vn" || pos == "j" || pos == "l" || i > 0 && strings.ContainsRune("”）)", a.s[i-1])
}

// onlyCues reports whether s is made of cue and status words alone
// (竣工投产, 开工建设, 落地实施), longest first.
func onlyCues(s string) bool {
	for s != "" {
		n := longestCueOrStatus(s)
		if n == 0 {
			return false
		}
		s = s[n:]
	}
	return true
}

// longestCueOrStatus returns the length in bytes of the longest cue or
// status word s starts with, or 0: a look-up of each prefix of s that ends
// between two code points (s is a text of the sentence, valid UTF-8), up
// to the longest word, rather than a test of every word.
func longestCueOrStatus(s string) int {
	for n := min(len(s), maxCueOrStatus); n > 0; n-- {
		if (n == len(s) || utf8.RuneStart(s[n])) && (cueSet.has(s[:n]) || statusWords.has(s[:n])) {
			return n
		}
	}
	return 0
}

// maxCueOrStatus is the length in bytes of the longest cue or status word.
var maxCueOrStatus = max(cueSet.maxLen, statusWords.maxLen)

// predicateAt returns the length of the longest word of the predicate
// role that starts at position i of the sentence and ends where a word of
// the segmentation ends (not 跨境【通】办), or 0.
func (a *analysis) predicateAt(i int) int {
	for l := min(maxPredicate, len(a.s)-i); l > 0; l-- {
		if a.tokE[i+l] && predicateSet.has(a.sub(i, i+l)) {
			return l
		}
	}
	return 0
}

// predicateSet holds the words that start what a clause says of the
// things counted before them; wholeSet words say it of all of them
// (lexicon roles predicate and whole-set).
var (
	predicateSet = lexSet(lexicon.Predicate)
	maxPredicate = maxRunes(lex.Words(lexicon.Predicate)) // the longest predicate word, in code points
	wholeSet     = lexSet(lexicon.WholeSet)
	statusWords  = lexSet(lexicon.Status)
	passiveWords = lexSet(lexicon.Passive) // 受到, 得到
)

// totalBefore returns where a total written right before position i
// starts (【总投资】518亿元, 【年度总投资】12.3亿元), or -1.
func (a *analysis) totalBefore(i int) int {
	for _, w := range totalWords {
		n := utf8.RuneCountInString(w)
		if i >= n && a.sub(i-n, i) == w {
			return i - n
		}
	}
	return -1
}

// totalWords name the total of the things the figure is an attribute
// of, longest first.
var totalWords = []string{"年度计划总投资", "年度总投资", "计划总投资", "总投资"}

// attributeOf returns the noun phrase a figure followed by 的 at i is an
// attribute of, past a count (总投资518亿元的105个【省市县重大项目】).
func (a *analysis) attributeOf(i int) phrase {
	for k := range a.qs {
		q := &a.qs[k]
		if q.start == i && q.unit == schema.Count {
			i = q.end
			break
		}
	}
	p := a.tidy(a.nounAfter(i))
	if !a.nameable(p) {
		p = a.looseNounAfter(i) // 36个【省、市重点项目】: a place before 、 starts the name
	}
	// without the verb: 的滨河湿地公园项目【建设】
	if toks := a.tokens(p); len(toks) > 1 {
		if last := toks[len(toks)-1]; cueSet.has(a.sub(last.start, last.end)) {
			p = p.slice(0, p.runes()-(last.end-last.start))
		}
	}
	return p
}

// relativeBefore returns the relative clause that ends with 的 right
// before the quantity at qs (重大水利工程已开工的【57个】项目): the words
// from the cue, the clause start or an earlier number, when they hold no
// number and are short enough to be part of a name; else nil.
func (a *analysis) relativeBefore(qs, midS, cs, cueS int) phrase {
	if qs == 0 || a.s[qs-1] != '的' {
		return nil
	}
	s := cs
	if cueS >= 0 && midS < qs-1 {
		s = midS // 建设【…的】: the cue governs the count; else it is the clause's own verb (已开工的)
	}
	if e := a.lastQuantityEnd(s, qs); e > 0 {
		s = e
	}
	rel := a.trim(a.piece(s, qs-1))
	if len(rel) == 0 || rel.runes() > 12 || a.hasQuantity(rel[0].start, qs) || !a.nameable(rel) {
		return nil
	}
	return rel.add(qs-1, qs)
}

// selectingRelative reports whether the relative clause rel before a
// count selects which of the things named by the longer noun after it are
// counted - when or how newly they came about (2000年以前建成的, 新谋划的,
// 今年新开工的) - rather than saying who made them (区人代会确定的,
// 超额完成国家下达的, 苏联为我国设计的: no part of the name) or whose they
// are (辽宁省纺织系统的): no noun in it is followed by a verb or a
// preposition, its subject, none names a place, a body or a person, and
// it lists nothing (、); and it has two words or more before 的 (a bare
// verb, 确定的, says only that the things exist). With the noun after it,
// the name stays within maxIndicator code points.
func (a *analysis) selectingRelative(rel, after phrase) bool {
	if rel.runes()+after.runes() > maxIndicator || strings.Contains(a.text(rel), "、") {
		return false
	}
	toks := a.tokens(rel)
	for k, t := range toks {
		pos := a.posAt(t.start)
		if pos == "ns" || pos == "nt" || pos == "nr" {
			return false
		}
		if k+1 < len(toks) && (strings.HasPrefix(pos, "n") || pos == "j") {
			if next := a.posAt(toks[k+1].start); strings.HasPrefix(next, "v") || next == "p" {
				return false
			}
		}
	}
	return len(toks) > 2 // words and 的
}

// headBeforePredicate returns the things counted in the noun phrase after
// a count, without a predicate saidOfCount finds after them (民生实事 of
// 民生实事基本完成), else after itself.
func (a *analysis) headBeforePredicate(after phrase) phrase {
	if _, head := a.saidOfCount(after); len(head) > 0 && head.runes() < after.runes() {
		return head
	}
	return after
}

// overlap returns how many code points at the start of s repeat the end
// of prev, at least two (财政赤字, 赤字率: 2), or 0.
func overlap(prev, s string) int {
	p, r := []rune(prev), []rune(s)
	for k := min(len(p), len(r)-1); k >= 2; k-- {
		if string(p[len(p)-k:]) == string(r[:k]) {
			return k
		}
	}
	return 0
}

// objectOfVerbPhrase returns the object of a name that is a verb phrase
// (提请全国人大常委会审议法律议案, 依法主动公开政务信息): the noun phrase after
// its last verb, when the phrase starts with a verb, an adverb or the body
// that acts (国务院提请…), and the object is long enough to name the thing
// counted: three characters (not 项目 of 承接京津转移项目, 岗位 of 募集就业见习
// 岗位); a one-character object after two verbs takes the second in
// (打通【断头路】). A final word tagged as a verb after a noun
// is part of the object (人大代表【建议】); a quoted name right after the
// first verb is the object (认证【“三品一标”产品】). Else nil.
func (a *analysis) objectOfVerbPhrase(p phrase, count bool) phrase {
	toks := a.tokens(p)
	text := a.text(p)
	isVerb := func(t span) bool {
		pos := a.posAt(t.start)
		return strings.HasPrefix(pos, "v") && pos != "vn"
	}
	// a verb before a quoted name: 认证【“三品一标”产品】
	if len(p) == 1 && len(toks) >= 2 && isVerb(toks[0]) && a.s[toks[0].end] == '“' && !strings.ContainsAny(text, "、0123456789") {
		if obj := a.piece(toks[0].end, p[0].end); obj.runes() >= 4 && a.nameable(obj) {
			return obj
		}
	}
	// not a list, a figure or a quotation inside the name, a rate or a
	// comparison; a 、 between two verbs joins them (修订、制定【政府规章】)
	if len(p) != 1 || len(toks) < 2 || strings.ContainsAny(text, "0123456789“”\"") || isRateName(text) || isComparison(text) {
		return nil
	}
	for k, t := range toks {
		if a.sub(t.start, t.end) == "、" && (k == 0 || k+1 == len(toks) || !isVerb(toks[k-1]) || !isVerb(toks[k+1])) {
			return nil
		}
	}
	first := 0
	for first < len(toks) && a.posAt(toks[first].start) == "d" {
		first++ // 依法【主动】公开
	}
	actor := false
	if first == 0 && len(toks) >= 3 && a.isActor(toks[0]) && count {
		first = a.actorEnd(toks) // 【国务院】提请…, 【重庆大学工程师学院】输送…: the government or a body before the verb phrase
		actor = first > 0
	}
	if first == len(toks) || !isVerb(toks[first]) && a.posAt(toks[0].start) != "d" {
		return nil
	}
	n := len(toks)
	if n-first >= 3 && isVerb(toks[n-1]) && strings.HasPrefix(a.posAt(toks[n-2].start), "n") {
		n-- // 人大代表【建议】: a noun the segmenter tags as a verb ends the object
	}
	last := -1
	for k := first; k < n-1; k++ {
		if isVerb(toks[k]) {
			last = k
		}
	}
	if last < 0 {
		return nil
	}
	if !count && toks[last].end-toks[last].start < 2 {
		return nil // 出【产】生铁, 开【垦】荒地: an amount's name cut inside a word
	}
	objStart := last + 1
	if w := a.sub(toks[objStart].start, toks[objStart].end); (w == "了" || w == "过") && objStart+1 < len(toks) {
		objStart++ // 提出【了】钢产量: the aspect mark is the verb's
	}
	obj := a.piece(toks[objStart].start, p[0].end)
	if !count && strings.Contains(a.text(obj), "的") {
		return nil // 参加新型农村合作医疗【的】人口: the verb is in a relative clause of the name
	}
	twoVerbs := last > first && isVerb(toks[last-1])
	switch {
	case obj.runes() == 1 && twoVerbs:
		obj = a.piece(toks[last].start, p[0].end) // 打通【断头路】: a verb before a one-character noun is part of the name
	case obj.runes() < 3:
		return nil
	}
	if !a.nameable(obj) || actor && headSuffix(a.text(obj), figureHeads) != "" {
		return nil // 重点高校专项招收…学生【人数】: a statistic of what the body does, named as written
	}
	return obj
}

// actorEnd returns the index of the verb after the name of who acts that
// opens toks (an organisation, then the nouns, places, distinguishing words
// and adjectives that go on with its name: 重庆大学国家卓越工程师学院,
// 四川大学华西医院), or 0
// when no verb follows the name.
func (a *analysis) actorEnd(toks []span) int {
	for k := 1; k < len(toks); k++ {
		switch pos := a.posAt(toks[k].start); {
		case strings.HasPrefix(pos, "v") && pos != "vn":
			return k
		case !(strings.HasPrefix(pos, "n") || pos == "j" || pos == "b" || pos == "a"): // n covers ns
			return 0
		}
	}
	return 0
}

// isActor reports whether t names who acts: an organisation or a person
// (国务院, 全国人大常委会), or a word ending in 政府 (市政府); not a noun or
// place that modifies the verb after it (线下【无】理由退货, 京津【保】合作).
func (a *analysis) isActor(t span) bool {
	pos := a.posAt(t.start)
	return pos == "nt" || pos == "nr" || strings.HasSuffix(a.sub(t.start, t.end), "政府")
}

// genericHeads name no figure alone: 完成投资3210亿元 is the investment in
// the things named before.
var genericHeads = lexSet(lexicon.GenericHead)

// scaleHeads name the size of what was named right before them (转移支付
// 增加约1.5万亿元、【规模】近9.8万亿元).
var scaleHeads = lexSet(lexicon.ScaleHead)

// tidy cuts an indicator to the words after the last 等 (专项债券、政策性贷款
// 等【各类资金】), a 等 that is a word of its own (not 高等院校), and trims it
// (trimIndicator).
func (a *analysis) tidy(ind phrase) phrase {
	s := a.text(ind)
	for i := lastIndex(s, "等"); i >= 0; i = lastIndex(s[:i], "等") {
		k := utf8.RuneCountInString(s[:i])
		if !a.startsWord(ind.slice(k, k+1)[0].start) {
			if len([]rune(s[i+len("等"):])) >= 2 {
				ind = ind.slice(k+1, ind.runes())
			}
			break
		}
	}
	return a.trim(a.dropNotes(a.dropMembers(ind)))
}

// dropMembers cuts the members of a list off the quoted group name they
// make up, when the group name counts them (电动汽车、锂电池、光伏产品【“新三样”
// 出口】, 致富能人、乡村匠人【“三支队伍”人数】): the group name names the
// figure, as the head after 等 does. The list is joined by 、 and runs
// right up to the opening quote; the quoted name counts at least its
// items (a numeral of 2 to 9) and the name does not go on with 等 (疫苗
// 接种、妇女“两癌”筛查等: the quote is inside the last item).
func (a *analysis) dropMembers(ind phrase) phrase {
	s := a.text(ind)
	o := lastIndex(s, "“")
	if o <= 0 || !strings.Contains(s[:o], "、") || strings.HasSuffix(s, "等") {
		return ind
	}
	c := strings.Index(s[o:], "”")
	if c < 0 {
		return ind
	}
	n := 0
	for _, r := range s[o : o+c] {
		switch n = strings.IndexRune("〇一二三四五六七八九", r) / len("一"); {
		case r == '两':
			n = 2
		case r >= '0' && r <= '9':
			n = int(r - '0')
		}
		if n > 0 {
			break
		}
	}
	if items := strings.Count(s[:o], "、") + 1; n < items {
		return ind
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:o]); !isHan(r) {
		return ind // 、“两新”: the quoted name is an item of the list
	}
	k := utf8.RuneCountInString(s[:o])
	return ind.slice(k, ind.runes())
}

// startsWord reports whether the character at i begins or continues a
// word of the segmentation that goes on after it (【高】等院校, 中【等】职业):
// a character that is not the last of its word.
func (a *analysis) startsWord(i int) bool {
	t, ok := a.tokenHolding(i)
	return ok && i < t.End-1
}

// noteRe matches a footnote mark inside a name: “双千工程”[1]项目,
// ”行动^[4]累计入库项目, 十百千工程〔27〕.
var noteRe = regexp.MustCompile(`\^?\[\d{1,3}\]|〔\d{1,3}〕`)

// mayHoldNote reports whether s holds [ or 〔, which every match of
// noteRe holds.
func mayHoldNote(s string) bool {
	return strings.IndexByte(s, '[') >= 0 || strings.Contains(s, "〔")
}

// dropNotes cuts footnote marks out of p's pieces.
func (a *analysis) dropNotes(p phrase) phrase {
	if a.notes == 0 {
		a.notes = -1
		if mayHoldNote(a.str) {
			a.notes = 1
		}
	}
	if a.notes < 0 || !slices.ContainsFunc(p, func(sp span) bool { return mayHoldNote(a.sub(sp.start, sp.end)) }) {
		return p // no note (most names): p as it is, uncopied
	}
	var out phrase
	for _, sp := range p {
		text := a.sub(sp.start, sp.end)
		if !mayHoldNote(text) {
			out = out.add(sp.start, sp.end)
			continue
		}
		at := sp.start
		for _, m := range noteRe.FindAllStringIndex(text, -1) {
			s := sp.start + utf8.RuneCountInString(text[:m[0]])
			out = out.add(at, s)
			at = sp.start + utf8.RuneCountInString(text[:m[1]])
		}
		out = out.add(at, sp.end)
	}
	return out
}

// nameable reports whether p can be an indicator (SPEC 2): not empty, not
// one character unless a one-character name (钢), not a time word, not a
// word that names nothing alone (实际, 即) and not a place alone (县, 村,
// or one place name: 唐山).
func (a *analysis) nameable(p phrase) bool {
	s := a.text(p)
	switch {
	case s == "", len(s) <= maxNoNameBytes && (timeOnlyIndicators.has(s) || notAlone.has(s)):
		return false
	case oneRune(s):
		return oneCharNames.has(s)
	}
	if n := len(s) - len("到"); n >= 0 && (s[n:] == "到" || s[n:] == "至") && cueSet.has(s[:n]) {
		return false // 增加到: a verb (到 and 至 are both of three bytes)
	}
	if isModifier(s) {
		return false // 省级: a qualifier without its noun
	}
	if isComparison(s) {
		return false // 较2022年: a comparison, no name
	}
	if p.runes() <= 6 && a.startsWithPreposition(p) {
		return false // 比上年, 由年初, 按可比口径: a comparison or a basis, no name
	}
	if a.fragment(p) {
		return false // 我国只生产, 第一时间果断扩面, 比上年年初预算: a piece of a predicate
	}
	return !a.isPlace(p)
}

// fragment reports whether p is a piece of a predicate rather than a name
// (SPEC 2: never a verb, an adverbial or a fragment): it holds an
// adverbial (adverbialsIn), or it opens with a comparison word of its own,
// of any length (【比】上年年初预算, 【较】“十三五”; not 比重, 较大).
func (a *analysis) fragment(p phrase) bool {
	// the tokens in a buffer of the sentence: fragment tests every name tried
	a.fragmentToks = a.appendTokens(a.fragmentToks[:0], p)
	toks := a.fragmentToks
	if len(toks) > 1 {
		if first := a.sub(toks[0].start, toks[0].end); first == "比" || first == "较" {
			return true
		}
	}
	return len(a.adverbialsIn(toks)) > 0
}

// keptFragment returns the first of the phrases that is no name only for
// being a fragment (第一时间果断扩面), tidied, or nil: when nothing names a
// figure, the words found before SPEC 2's fragment test say more than none.
func (a *analysis) keptFragment(ps ...phrase) phrase {
	for _, p := range ps {
		if p = a.tidy(a.tidy(p)); p.runes() > 1 && a.fragment(p) {
			return p
		}
	}
	return nil
}

// endsInQuantity reports whether p ends with one of the sentence's
// quantities (13.07万户, 总投资12亿元): a figure, or a figure and what it
// measures, names no other figure.
func (a *analysis) endsInQuantity(p phrase) bool {
	for k := range a.qs {
		q := &a.qs[k]
		if q.start >= p[0].start && q.end == p[len(p)-1].end {
			return true
		}
	}
	return false
}

// adverbialsIn returns the adverbials among toks, as whole words, in
// order (我国【只】生产, 【第一时间】【果断】扩面, 在【执行中】争取, 在…的
// 【情况下】): a one-character adverbial counts only as a word tagged d.
func (a *analysis) adverbialsIn(toks []span) []span {
	var out []span
	for _, t := range toks {
		if !adverbialFirsts.has(a.s[t.start]) {
			continue // (most words)
		}
		for _, w := range adverbialRunes {
			e := t.start + len(w)
			if e > toks[len(toks)-1].end || a.s[t.start] != w[0] || !slices.Equal(a.s[t.start:e], w) || !a.tokE[e] {
				continue
			}
			if e-t.start > 1 || t.end == e && a.posAt(t.start) == "d" {
				out = append(out, span{t.start, e})
				break
			}
		}
	}
	return out
}

// adverbials are words of how, when or how far a predicate holds: a
// phrase holding one as whole words (a one-character one as a word tagged
// d) is a piece of a predicate, no indicator (SPEC 2). A rule table, not
// a lexicon role: the lexicon's 64 role bits are all taken.
var adverbials = []string{"只", "仅", "才", "也", "果断", "稳妥", "第一时间", "期间", "情况下", "执行中", "本世纪末", "中有"}

// adverbialRunes are the adverbials as code points, compared with the
// sentence's own without converting them for every token; adverbialFirsts
// holds their first characters.
var adverbialRunes, adverbialFirsts = func() ([][]rune, *runeSet) {
	out, firsts := make([][]rune, len(adverbials)), &runeSet{}
	for i, w := range adverbials {
		out[i] = []rune(w)
		firsts.add(out[i][0])
	}
	return out, firsts
}()

// named returns p tidied when it is a name, else the name beside its
// adverbial (besideAdverbial), else nil.
func (a *analysis) named(p phrase) phrase {
	if p = a.tidy(p); a.nameable(p) {
		return p
	}
	return a.besideAdverbial(p)
}

// beforeFrame returns p up to the preposition that opens an adverbial
// frame after its first word (【外贸进出口】在对美贸易下降超3成的情况下增长:
// the subject before 在…情况下), when a verb follows that preposition in p;
// p itself otherwise.
func (a *analysis) beforeFrame(p phrase) phrase {
	toks := a.tokens(p)
	for k, t := range toks {
		if k == 0 || a.posAt(t.start) != "p" {
			continue
		}
		for _, v := range toks[k+1:] {
			if a.posAt(v.start) == "v" {
				return p.within(p[0].start, t.start)
			}
		}
		break
	}
	return p
}

// besideAdverbial returns the name in a phrase that holds an adverbial:
// the words before a one-character adverb (【产量】也将增长), else the words
// after the last adverbial when a word that starts a name starts them
// other than a verbal noun (提前实现了本世纪末【国民生产总值】翻两番, “十五”
// 期间【年均经济增长速度】; not 我国只【生产】);
// nil when neither is a name.
func (a *analysis) besideAdverbial(p phrase) phrase {
	toks := a.tokens(p)
	adv := a.adverbialsIn(toks)
	if len(adv) == 0 {
		return nil
	}
	if first := adv[0]; first.end-first.start == 1 && first.start > p[0].start {
		if before := a.tidy(a.beforeFrame(p.within(p[0].start, first.start))); a.nameable(before) { // 【粮食产量】在1953年到1978年间平均每年只增长
			return before
		}
	}
	if after := a.tidy(p.within(adv[len(adv)-1].end, p[len(p)-1].end)); a.nameable(after) && startsName(a.posAt(after[0].start)) && a.posAt(after[0].start) != "vn" {
		return after // 仅对【制假售假…】: after the words tidy drops (对)
	}
	return nil
}

// startsWithPreposition reports whether the first token inside p is a
// word the segmenter tags as a preposition (p): a.posAt(a.tokens(p)[0].start)
// == "p", without making the list of tokens.
func (a *analysis) startsWithPreposition(p phrase) bool {
	for _, sp := range p {
		// the first token starting in the piece, if it ends there too (the
		// tokens are ordered and do not overlap: no later one would)
		if k := a.firstTokenFrom(sp.start); k < len(a.toks) && a.toks[k].End <= sp.end {
			return a.posAt(a.toks[k].Start) == "p"
		}
	}
	return false
}

// posAt returns the part-of-speech tag of the token starting at i, or "".
func (a *analysis) posAt(i int) string {
	if k := a.firstTokenFrom(i); k < len(a.toks) && a.toks[k].Start == i {
		return a.toks[k].POS
	}
	return ""
}

// notAlone, places and oneCharNames are the lexicon's words that alone
// are no indicator, the place units, and the one-character names.
var (
	notAlone     = lexSet(lexicon.NotAlone)
	places       = lexSet(lexicon.Place)
	oneCharNames = lexSet(lexicon.OneCharName)
)

// maxPlaceBytes and maxNoNameBytes are the longest place unit and the
// longest word of notAlone and timeOnlyIndicators, in bytes: a longer
// text is looked up in neither (isPlace and nameable ask every name).
// So are maxNotNameBytes, maxPlainNounBytes and maxHeadBytes for
// notNames, plainNouns and the generic and scale heads, which indicatorOf
// asks of the noun after each number and of each indicator (most are
// longer: no lookup, and no text made of a phrase of several pieces).
var (
	maxPlaceBytes     = places.maxLen
	maxNoNameBytes    = max(notAlone.maxLen, timeOnlyIndicators.maxLen)
	maxNotNameBytes   = notNames.maxLen
	maxPlainNounBytes = plainNouns.maxLen
	maxHeadBytes      = max(genericHeads.maxLen, scaleHeads.maxLen)
)

// fallback names q when the indicator found (bad) is no name. A place
// alone takes what the clause says of it (【72个】村开展驻村帮扶: 村开展驻村
// 帮扶); otherwise the first nameable of: the subject before the cue, the
// words between cue and number, the previous fact's indicator, the name
// an earlier clause of the sentence gave (外贸出口从7月份开始回升，全年达到
// 【1949亿美元】: 外贸出口), the noun after the number.
func (a *analysis) fallback(q *quantity, bad phrase, prev *fact, tsubj, tmid phrase, midQ bool, cs, cueS, cueE int) (phrase, string) {
	if len(bad) > 0 && bad[0].start >= q.end && a.isPlace(bad) {
		if v := a.predicateAfter(bad[len(bad)-1].end); v >= 0 {
			e := a.clauseEnd(v)
			if n := a.nextQuantityStart(v); n >= 0 && n < e {
				e = n // 村【达到】50%以上: what it reaches is no name
			}
			e = min(e, v+maxIndicator-bad.runes()) // shortening must not cut the place off
			if p := a.tidy(bad.add(v, e)); p.runes() > bad.runes()+2 {
				return p, "place-and-predicate" // 【72个】村【开展驻村帮扶】
			}
		}
	}
	subjQ := cueS >= 0 && a.hasQuantity(cs, cueS)
	loose := a.looseNounAfter(q.end)
	if p := a.besideAdverbial(bad); len(p) > 0 {
		return p, "beside-adverbial" // 【产量】也将增长30%: the name beside the adverbial
	}
	earlier := a.piece(cs, max(cs, a.nextQuantityStart(cs)))
	switch {
	case a.nameable(loose):
		return loose, "loose-noun-after" // 开展首批【15个】以县城为重要载体的【新型城镇化建设试点】, 严守【18亿亩】【耕地红线】
	case len(tsubj) > 0 && !subjQ && len(a.named(tsubj)) > 0:
		return a.named(tsubj), "subject-after-fragment"
	case cueS >= 0 && a.nextQuantityStart(cs) >= 0 && a.nextQuantityStart(cs) < cueS && len(a.named(a.beforeFrame(earlier))) > 0:
		return a.named(a.beforeFrame(earlier)), "subject-before-earlier-number" // 【国内生产总值】从不到70万亿元增加到超过100万亿元
	case len(tmid) > 0 && !midQ && len(a.named(tmid)) > 0:
		return a.named(tmid), "object-after-fragment"
	case len(bad) > 0 && bad[0].start == q.end && a.isPlace(bad) && cueS >= 0 && a.sub(cueS, cueE) != "占" && (cueE == q.start || a.trim(a.piece(cueE, q.start)).runes() == 0) && a.placeEndsClause(bad):
		// 惠及【26个】省份 after a clause naming something else: the places
		// the clause counts are its cue and the place, not the name of
		// the earlier clause carried over (SPEC 2: a place alone is no name)
		return a.piece(cueS, cueE).join(bad), "cue-and-place"
	case prev != nil && a.nameable(prev.ind):
		return prev.ind, "carried-after-fragment"
	}
	if q.unit == schema.CNY || q.unit == schema.USD {
		if p := a.objectOfNextClauseLoose(q.end); a.nameable(p) {
			return p, "object-of-next-clause" // 拟安排【430亿元】，用于补助低保住房困难家庭的【实物廉租房建设】
		}
	}
	if p := a.namedBefore(cs); len(p) > 0 {
		return p, "named-by-earlier-clause"
	}
	return nil, "none"
}

// placeEndsClause reports whether nothing but the clause's end or its next
// number follows the place p (惠及26个省份。, 惠及80个乡镇近300万群众): no
// predicate says anything of the places.
func (a *analysis) placeEndsClause(p phrase) bool {
	e := p[len(p)-1].end
	ce := a.clauseEnd(e)
	if n := a.nextQuantityStart(e); n >= 0 && n < ce {
		ce = n
	}
	return e == ce
}

// objectOfNextClauseLoose is objectOfNextClause with looseNounAfter: the
// name after the first verb of the clause that follows position i.
func (a *analysis) objectOfNextClauseLoose(i int) phrase {
	return a.afterFirstVerbOfNextClause(i, a.looseNounAfter)
}

// predicateAfter returns where the verb of what a clause says of the place
// ending at i starts, looking past a gloss in brackets and a list of other
// places (【1个】镇、8个村【入选】…), or -1.
func (a *analysis) predicateAfter(i int) int {
	for s := i; s < len(a.s); {
		e := a.clauseEnd(s)
		a.segmentClause(a.clauseStart(s), e)
		for _, t := range a.toks {
			if t.Start >= s && t.End <= e && t.POS == "v" {
				return t.Start
			}
		}
		if e >= len(a.s) || a.s[e] != '、' {
			break
		}
		s = e + 1
	}
	return -1
}

// looseNounAfter returns the name after a number when the noun phrase of
// nounAfter has none: the words up to the noun that ends the phrase before
// the clause's verb, past adverbs, scale words and a relative clause ending
// in 的 (【320家】承包或委托经营的【中小学食堂】实现…, 【350多批次】【央企、京企】来保…).
func (a *analysis) looseNounAfter(i int) phrase {
	ce := a.clauseEnd(i)
	for ce < len(a.s) && a.s[ce] == '、' {
		ce = a.clauseEnd(ce + 1)
	}
	for s := i; s < ce; s = a.clauseEnd(s) + 1 {
		a.segmentClause(a.clauseStart(s), a.clauseEnd(s))
	}
	if i < len(a.s) && (a.s[i] == '（' || a.s[i] == '(') {
		gloss := a.sub(i, min(len(a.s), i+8))
		if j := strings.IndexAny(gloss, "）)"); j > 0 {
			i += utf8.RuneCountInString(gloss[:j]) + 1 // 改造提升【11条】（段）市政路: a gloss
		}
	}
	start, nounEnd, lastNoun := i, -1, false
	for _, t := range a.toks {
		if t.End <= i || t.Start < i {
			continue
		}
		if t.Start >= ce || unicode.IsDigit(firstRune(t.Text)) && a.hasQuantity(t.Start, t.End) {
			break // the next figure; a number that is no fact (65岁及以上) is part of the name
		}
		noun := strings.HasPrefix(t.POS, "n") || t.POS == "vn" || t.POS == "j" || t.POS == "l" || t.POS == "eng" || t.Text == "”"
		verb := strings.HasPrefix(t.POS, "v") && t.POS != "vn"
		if verb && lastNoun || nounStops.has(t.Text) && strings.HasPrefix(t.POS, "n") && nounEnd > start {
			break // the predicate: 央企、京企【来】保, 任务【全部】落地
		}
		if t.Text == "的" {
			start = t.End // a relative clause before the head: keep the head
		}
		if noun {
			nounEnd = t.End
		}
		lastNoun = noun || t.Text == "、" && lastNoun
	}
	if nounEnd <= start {
		return nil
	}
	return a.tidy(a.piece(start, nounEnd))
}

// nextQuantityStart returns the start of the first quantity of the
// sentence at or after i, or -1.
func (a *analysis) nextQuantityStart(i int) int {
	for k := range a.qs {
		q := &a.qs[k]
		if q.start >= i {
			return q.start
		}
	}
	return -1
}

// isPlace reports whether p is a place alone: a place unit of the lexicon
// (县, 村) or one word the segmenter tags as a place name.
func (a *analysis) isPlace(p phrase) bool {
	if a.textLen(p) <= maxPlaceBytes && places.has(a.text(p)) {
		return true
	}
	// one token that is p: p is one piece and the first token starting
	// in it spans it (the tokens are ordered and do not overlap: no other
	// lies inside)
	if len(p) != 1 {
		return false
	}
	k := a.firstTokenFrom(p[0].start)
	return k < len(a.toks) && a.toks[k].Start == p[0].start && a.toks[k].End == p[0].end && a.toks[k].POS == "ns"
}

// namedBefore returns the name an earlier clause of the sentence gave to
// what a clause starting at cs leaves out: the first noun phrase of the
// nearest of the three clauses before it that has one, past its leading
// adverbs, prepositions and verbs (外贸出口从7月份开始回升，全年达到1949亿美元;
// 向困难群众发放补助，惠及1100多万人).
func (a *analysis) namedBefore(cs int) phrase {
	end := cs - 1
	for n := 0; n < 3 && end > 0; n++ {
		s := a.clauseStart(end)
		a.segmentClause(s, end)
		adv := a.adverbialsIn(a.tokens(a.piece(s, end)))
		for _, t := range a.toks {
			if t.Start < s || t.End > end || slices.ContainsFunc(adv, func(v span) bool { return v.start <= t.Start && t.End <= v.end }) {
				continue // 第一【时间】: a word of an adverbial names nothing
			}
			pos := t.POS
			if pos == "d" || pos == "p" || pos == "c" || pos == "r" || pos == "x" && !strings.ContainsAny(t.Text, "“\"") || strings.HasPrefix(pos, "v") && pos != "vn" || trimPrefixSet.has(t.Text) {
				continue
			}
			if p := a.tidy(a.nounAfter(t.Start)); len(p) > 0 && a.nameable(p) && !a.hasQuantity(p[0].start, p[len(p)-1].end) {
				return p
			}
		}
		end = s - 1
	}
	return nil
}

// trimPrefixSet is trimPrefixes as a set.
var trimPrefixSet = lexSet(lexicon.TrimPrefix)

// posEndingAt returns the part-of-speech tag of the token ending at e,
// or "".
func (a *analysis) posEndingAt(e int) string {
	for _, t := range a.toks {
		if t.End == e {
			return t.POS
		}
	}
	return ""
}

// onlyVerbs reports whether p's tokens are all verbs or adverbs (拟安排).
func (a *analysis) onlyVerbs(p phrase) bool {
	toks := a.tokens(p)
	if len(toks) == 0 {
		return false
	}
	for _, t := range toks {
		pos := a.posAt(t.start)
		if !(strings.HasPrefix(pos, "v") && pos != "vn" || pos == "d") {
			return false
		}
	}
	return true
}

// onlyActions reports whether p is made of verbs, adverbs and
// conjunctions alone (肯定和推广, 有效化解, 改造): an action with no doer
// and no object.
func (a *analysis) onlyActions(p phrase) bool {
	toks := a.tokens(p)
	for _, t := range toks {
		if pos := a.posAt(t.start); !strings.HasPrefix(pos, "v") && pos != "d" && pos != "ad" && pos != "a" && pos != "c" {
			return false
		}
	}
	return len(toks) > 0
}

// subjStart returns where the subject starts: cs, or after an earlier
// number of the clause.
func subjStart(subj phrase, cs int) int {
	if len(subj) > 0 {
		return subj[0].start
	}
	return cs
}

// objectOfVerbAt returns the noun phrase after the verb that starts at i
// (投资4.4亿元【新改扩建】城区主次干路), or "".
func (a *analysis) objectOfVerbAt(i int) phrase {
	for k, t := range a.toks {
		if t.Start == i && strings.HasPrefix(t.POS, "v") {
			end := t.End
			if k+1 < len(a.toks) && a.toks[k+1].Start == end && (a.toks[k+1].Text == "了" || a.toks[k+1].Text == "过") {
				end = a.toks[k+1].End // 投资4.8亿元实施【了】农村饮水安全巩固提升
			}
			return a.nounAfter(end)
		}
	}
	return nil
}

// objectOfNextClause returns the noun phrase after the first verb of the
// clause that follows position i.
func (a *analysis) objectOfNextClause(i int) phrase {
	return a.afterFirstVerbOfNextClause(i, a.nounAfter)
}

// afterFirstVerbOfNextClause returns what noun reads after the first verb
// of the clause that follows the comma at position i; nil when i is no
// comma or the clause has no verb.
func (a *analysis) afterFirstVerbOfNextClause(i int, noun func(int) phrase) phrase {
	ns, ne, ok := a.nextClauseOf(i)
	if !ok {
		return nil
	}
	a.segmentClause(ns, ne)
	for _, t := range a.toks {
		if t.Start >= ns && t.End <= ne && t.POS == "v" {
			return noun(t.End)
		}
	}
	return nil
}

// firstRune returns the first code point of s, a token's text: what
// []rune(s)[0] is, without the conversion.
func firstRune(s string) rune {
	r, _ := decodeFirst(s)
	return r
}

// isModifier reports whether an indicator is only a qualifier (省级, 市级,
// 县级以上) that needs the head noun of the previous list item.
func isModifier(s string) bool {
	return (strings.HasSuffix(s, "级") || strings.HasSuffix(s, "级以上")) && utf8.RuneCountInString(s) <= 4
}

// headOf returns the head of an indicator after its level qualifier:
// 国家级专精特新企业 -> 专精特新企业.
func (a *analysis) headOf(p phrase) phrase {
	s := a.text(p)
	if i := lastIndex(s, "级"); i >= 0 {
		s = s[i+len("级"):]
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "以上"), "以下")
	n := utf8.RuneCountInString(s)
	return p.slice(p.runes()-n, p.runes())
}

// maxIndicator bounds an indicator; a longer phrase keeps its last words,
// where a Chinese noun phrase has its head.
const maxIndicator = 16

func (a *analysis) shorten(p phrase) phrase {
	if p.runes() <= maxIndicator {
		return p
	}
	toks := a.tokens(p)
	n := 0
	i := len(toks)
	for i > 0 && n+toks[i-1].end-toks[i-1].start <= maxIndicator {
		n += toks[i-1].end - toks[i-1].start
		i--
	}
	if i == len(toks) {
		// no word boundary fits (no token lies inside the phrase, or its
		// last word is too long): keep its end
		return a.trim(p.slice(p.runes()-maxIndicator, p.runes()))
	}
	var out phrase
	for _, t := range toks[i:] {
		out = out.add(t.start, t.end)
	}
	return a.trim(out)
}
