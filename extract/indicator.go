package extract

// The indicator question: what a quantity measures, as written.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/extract/lexicon"
	"github.com/gwrfacts/gwr/schema"
)

// nounAfter returns the noun phrase that follows position i: the thing a
// count counts (实施50个【市区重点技改项目】).
func (a *analysis) nounAfter(i int) phrase {
	var p phrase
	toks := a.toks
	for k, t := range toks {
		if t.End <= i {
			continue
		}
		r0 := []rune(t.Text)[0]
		if t.Start < i {
			// the quantity ends inside a token (个村): keep the rest
			rest := []rune(a.sub(i, t.End))
			if isClauseMark(rest[0]) || !isHan(rest[0]) {
				break
			}
			p = p.add(i, t.End)
			continue
		}
		nextNoun := k+1 < len(toks) && strings.HasPrefix(toks[k+1].POS, "n")
		// 省、市重点项目: a one- or two-character place before 、 joins the name
		if t.Text == "、" && len(p) > 0 && p.runes() <= 2 && nextNoun {
			p = p.add(t.Start, t.End)
			continue
		}
		if isClauseMark(r0) || t.Text == "的" || nounStops[t.Text] || unicode.IsDigit(r0) || len(p) > 0 && cueSet[t.Text] && !nextNoun {
			break
		}
		noun := strings.HasPrefix(t.POS, "n") || t.POS == "vn" || t.POS == "b" || t.POS == "j" || t.POS == "l" || t.POS == "an" || t.POS == "a" || t.POS == "ng" || t.POS == "s" || t.POS == "f" && len(p) > 0 ||
			t.Text == "“" || t.Text == "”" || t.POS == "eng" || t.POS == "zg" || t.POS == "g"
		// a verb inside a name (高【成长】企业) continues it when a noun follows
		if !noun && strings.HasPrefix(t.POS, "v") && k+1 < len(toks) && strings.HasPrefix(toks[k+1].POS, "n") {
			noun = true
		}
		if !noun {
			break
		}
		p = p.add(t.Start, t.End)
	}
	return p
}

// notNames follow a number without naming what it counts.
var notNames = lex.Set(lexicon.NotName)

// nounStops end the noun phrase after a number.
var nounStops = lex.Set(lexicon.NounStop)

// indicatorOf names what q measures: the words between the cue and the
// number (新增【高新技术企业】10家), else the subject before the cue
// (【地区生产总值】增长6.5%), else the noun after a count (实施50个【市区重点
// 技改项目】), else the previous list item's, carried over. The answer is
// a phrase: pieces of the sentence, never looked for again.
func (a *analysis) indicatorOf(q *quantity, prev *fact, cs, cueS, cueE int, carried bool) (phrase, string) {
	qs := q.start
	var mid, subj phrase
	midS := cs
	if cueS >= 0 {
		midS = cueE
		// words after an earlier number of the clause belong to this one:
		// 保障7个项目390亩【土地】, 投资4.4亿元新改扩建【城区主次干路】4条
		if e := a.lastQuantityEnd(cueE, qs); e > 0 {
			midS = a.skipCue(e, qs)
		}
		midS = a.skipCue(midS, qs) // 关停取缔“散乱污”企业: a second verb is not the name
		mid = mid.add(midS, qs)
		subj = subj.add(cs, cueS)
	} else {
		subj = subj.add(cs, qs)
	}
	cue := phrase{}.add(cueS, cueE)
	midQ := a.hasQuantity(midS, qs)
	after := a.nounAfter(q.end)
	if notNames[a.text(after)] {
		after = nil // 跃上1.4万亿斤【新台阶】 names no thing
	}
	tmid, tsubj := a.trim(mid), a.trim(subj)
	tmidText := a.text(tmid)
	var ind phrase
	var why string
	switch {
	case len(after) > 0 && (q.unit == schema.Count || len(tmid) == 0 && cueS >= 0 && cueE == qs):
		ind, why = after, "noun-after" // 实施50个【市区重点技改项目】, 建设1.5万亩【“吨半粮田”示范方】
	case q.unit != schema.Count && q.end < len(a.s) && a.s[q.end] == '的' && len(a.nounAfter(q.end+1)) > 0:
		ind, why = a.nounAfter(q.end+1), "noun-after-de" // 投资15亿元的【…项目】
	case len(tmid) > 0 && !midQ && tmid.runes() == 1 && strings.Contains("率量数额值比度", tmidText) && cueS > cs:
		ind, why = subj.join(cue).join(mid), "cue-inside-noun" // 建成率达80%: the cue was part of the noun
	case cueS >= 0 && a.sub(cueS, cueE) == "占" && !midQ:
		ind, why = subj.join(cue).join(mid), "share" // 发电量【占】总发电量的比重: the share names both
	case len(tmid) == 0 && strings.TrimSpace(a.text(mid)) != "" && len(tsubj) > 0 && !midQ && cueS >= 0:
		ind, why = subj.join(cue), "cue-inside-name" // 经济增长预期目标为5%: the cue is part of the name
	case len(tmid) > 0 && !midQ && len(tsubj) > 0 && tmid.runes() <= 3 && !a.hasQuantity(cs, max(cs, cueS)):
		ind, why = tsubj.join(tmid), "subject-and-object" // 可再生能源新增装机: the subject names whose 装机
	case len(tmid) > 0 && !midQ:
		ind, why = mid, "object"
	case len(tsubj) > 0 && !a.hasQuantity(cs, max(cs, cueS)):
		ind, why = subj, "subject"
	case cueS >= 0 && len(tmid) == 0 && len(tsubj) == 0 && q.end == a.clauseEnd(q.end) && (q.unit == schema.CNY || q.unit == schema.USD):
		ind, why = a.objectOfNextClause(q.end), "object-of-next-clause" // 投资1亿元，实施【城市品质提升行动】
	case cueS >= 0 && len(tmid) == 0 && len(tsubj) == 0:
		ind, why = a.objectOfVerbAt(q.end), "object-of-next-verb" // 投资4.4亿元新改扩建【城区主次干路】
	}
	if len(ind) == 0 && prev != nil {
		ind, why = prev.ind, "carried"
	}
	if len(ind) == 0 {
		why = "none"
	}
	if s := a.text(ind); true {
		if i := strings.LastIndex(s, "等"); i >= 0 && len([]rune(s[i+len("等"):])) >= 2 {
			ind = ind.slice(utf8.RuneCountInString(s[:i+len("等")]), ind.runes()) // 专项债券、政策性贷款等【各类资金】
		}
	}
	ind = a.trim(ind)
	if prev != nil && (carried || cueS < 0) && isModifier(a.text(ind)) {
		ind = ind.join(a.headOf(prev.ind))
		why += "+head-of-previous" // 省级【专精特新企业】
	}
	return a.shorten(ind), why
}

// objectOfVerbAt returns the noun phrase after the verb that starts at i
// (投资4.4亿元【新改扩建】城区主次干路), or "".
func (a *analysis) objectOfVerbAt(i int) phrase {
	for _, t := range a.toks {
		if t.Start == i && strings.HasPrefix(t.POS, "v") {
			return a.nounAfter(t.End)
		}
	}
	return nil
}

// objectOfNextClause returns the noun phrase after the first verb of the
// clause that follows position i.
func (a *analysis) objectOfNextClause(i int) phrase {
	if i >= len(a.s) || a.s[i] != '，' && a.s[i] != ',' {
		return nil
	}
	ns, ne := i+1, a.clauseEnd(i+1)
	a.segmentClause(ns, ne)
	for _, t := range a.toks {
		if t.Start >= ns && t.End <= ne && t.POS == "v" {
			return a.nounAfter(t.End)
		}
	}
	return nil
}

// isModifier reports whether an indicator is only a qualifier (省级, 市级,
// 县级以上) that needs the head noun of the previous list item.
func isModifier(s string) bool {
	r := []rune(s)
	return len(r) > 0 && len(r) <= 4 && (strings.HasSuffix(s, "级") || strings.HasSuffix(s, "级以上"))
}

// headOf returns the head of an indicator after its level qualifier:
// 国家级专精特新企业 -> 专精特新企业.
func (a *analysis) headOf(p phrase) phrase {
	s := a.text(p)
	if i := strings.LastIndex(s, "级"); i >= 0 {
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
