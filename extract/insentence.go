package extract

// The reading of a candidate that needs its whole sentence, not only the
// window the rules ran on: a capacity in a project's name whose 项目 is far
// after the number, and a bound word separated from its number.

import (
	"slices"
	"strings"

	"github.com/gwrfacts/gwr/schema"
)

// inSentence finishes the reading of quantity q of sentence s, after the
// quantities before it (prev): it says why q is no figure, or sets a bound
// written apart from the number and returns "".
func inSentence(q *quantity, s []rune, prev []quantity) string {
	if isProjectCapacity(q, s) {
		return "a capacity inside a project's name"
	}
	if q.bound == schema.Eq && q.pre.end == q.pre.start && q.post.end == q.post.start {
		if b, ok := separatedBound(q, s, prev); ok {
			q.bound, q.leadBound = b, true
		}
	}
	return ""
}

// isProjectCapacity reports a capacity inside a project's name: a physical
// quantity between a company or place name and a product, in a list of
// projects (齐鲁石化100万吨乙烯…等项目, 牧原集团200万头生猪屠宰…项目), or
// before the plant it names (国家1000万千瓦光伏大基地, 量产级9兆瓦时储能系统,
// 20万吨聚烯烃装置、…打破国外垄断). A cue right before the number
// (建设1.5万亩…) makes it a commitment instead; so does a cue earlier in
// its clause when the number follows a 、 (that is a list of amounts).
func isProjectCapacity(q *quantity, s []rune) bool {
	switch q.unit {
	case schema.Count, schema.Percent, schema.PP, schema.CNY, schema.USD, schema.Day:
		if q.unit != schema.Count || q.classifier != "头" && q.classifier != "片" {
			return false
		}
	}
	if q.pre.end > q.pre.start || !startsHanNounAt(s, q.end) {
		return false
	}
	if q.start > 0 && allCueLasts.has(s[q.start-1]) && hasSuffixAny(string(s[max(0, q.start-6):q.start]), allCues) {
		return false
	}
	switch {
	case q.start == 0:
	case s[q.start-1] == '、':
		// 300万吨级…、100吉瓦时锂电池储能等减碳项目: an item of a list of
		// names, unless a cue governs the list (新增风电50万千瓦、…)
		if hasAny(string(s[clauseStartOf(s, q.start):q.start]), allCues) {
			return false
		}
	case !isHan(s[q.start-1]):
		return false
	}
	return namesProject(s[q.end:min(len(s), q.end+60)], q.unit)
}

// namesProject reports whether after, the text after a capacity in unit
// u (up to 60 code points), names the project or plant it belongs to:
// 项目 before the sentence ends, or, for a plant's units, the plant
// itself ending the clause (光伏大基地, 储能系统, 聚烯烃装置). It reads the
// runes in place: a string is made only of a clause that may name a
// plant (TestNamesProject).
func namesProject(after []rune, u schema.Unit) bool {
	if i := slices.IndexFunc(after, isCapacityTextEnd); i >= 0 {
		after = after[:i]
	}
	if indexRunes(after, "项目") >= 0 {
		return true
	}
	if !plantUnits[u] {
		return false // 建立起五千四百多万亩种子基地: an area is no plant's capacity
	}
	if i := slices.IndexFunc(after, isPlantClauseEnd); i >= 0 {
		after = after[:i]
	}
	return hasSuffixAny(string(after), plantHeads)
}

// isCapacityTextEnd reports the marks that end the text after a capacity
// isProjectCapacity reads: 。；;.
func isCapacityTextEnd(c rune) bool { return c == '。' || c == '；' || c == ';' }

// isPlantClauseEnd reports the marks that end the clause that may name a
// capacity's plant: ，,、：:.
func isPlantClauseEnd(c rune) bool {
	return c == '，' || c == ',' || c == '、' || c == '：' || c == ':'
}

// plantHeads are the heads of a plant's or product's name that a capacity
// before them belongs to.
var plantHeads = []string{"基地", "装置", "系统", "电站", "生产线"}

// plantUnits are the units of a plant's capacity (power, energy, tonnes,
// cubic metres, and the heads and wafers of isProjectCapacity's counts).
var plantUnits = map[schema.Unit]bool{"kW": true, "kWh": true, "t": true, "m3": true, schema.Count: true}

// separatedBounds are the bound words that may stand apart from their
// number, before a 的 phrase (约为全国平均的70%, 不低于当地最低生活保障标准
// 的1.6倍, 不超过…原封顶线的20%) or a per-unit (超每千人6.5批次); 至少 also
// before the verb (至少建成2所). A word that holds another (不低于, 低于)
// comes first.
var separatedBounds = []separated{
	{[]rune("不少于"), schema.Ge, false}, {[]rune("不低于"), schema.Ge, false},
	{[]rune("不超过"), schema.Le, false}, {[]rune("不高于"), schema.Le, false},
	{[]rune("约为"), schema.Approx, false}, {[]rune("大约"), schema.Approx, false},
	{[]rune("至少"), schema.Ge, false}, {[]rune("超过"), schema.Gt, true},
	{[]rune("低于"), schema.Lt, false}, {[]rune("不到"), schema.Lt, false},
	{[]rune("约"), schema.Approx, false}, {[]rune("超"), schema.Gt, true},
}

// separatedFirsts holds the first characters of separatedBounds, as
// bits: separatedBound tests each of the 24 characters before most
// numbers, and one bit is a test where a search of the list was several.
var separatedFirsts = func() *runeSet {
	var set runeSet
	for _, w := range separatedBounds {
		set.add(w.word[0])
	}
	return &set
}()

// separated is a bound word that may stand apart from its number.
type separated struct {
	word  []rune
	bound schema.Bound
	// perUnitOnly: only before a per-unit (超每千人6.5批次); 超过…的15%
	// is the excess over a base, not a bound
	perUnitOnly bool
}

// maxSeparation is how far before its number a separated bound word may
// start, in code points.
const maxSeparation = 24

// separatedBound returns the bound of a word written apart from quantity
// q of sentence s (q has none of its own):
//   - a bound word, then a phrase ending in 的 or a per-unit 每…, then the
//     number, in one clause: 分别约为全国平均的70% (approx), 超每千人6.5批次 (gt);
//   - 至少 before the verb: 每个县至少打造2座 (ge);
//   - a milestone crossed: 跨越5000亿元大关 (gt), 迈上14万亿元新台阶 (ge);
//   - the next number of a 分别 list whose first number has a bound word
//     before it: 分别突破1.3万亿元、7000亿元 (both gt), 分别约为…的70%、60%.
//
// It reads runes in place: it runs for most quantities of a report.
func separatedBound(q *quantity, s []rune, prev []quantity) (schema.Bound, bool) {
	cs := clauseStartOf(s, q.start)
	if n := len(prev); n > 0 && prev[n-1].end > cs {
		cs = prev[n-1].end // 超过国家规定造价一百二十五元的百分之一百四十: not across a number
	}
	before := s[cs:q.start]
	after := s[q.end:min(len(s), q.end+3)]
	if len(after) > 0 && slices.Contains(milestoneFirsts, after[0]) { // (most numbers: none follows)
		for _, m := range milestoneVerbs {
			if runesHaveSuffix(before, m.word) {
				for _, w := range milestones {
					if runesHavePrefix(after, w) {
						return m.bound, true
					}
				}
			}
		}
	}
	if n := len(prev); n > 0 {
		p := prev[n-1]
		if p.leadBound && p.bound != schema.Eq && p.bound != schema.Range && p.end < q.start &&
			strings.Trim(string(s[p.end:q.start]), "、和及与") == "" &&
			strings.Contains(string(s[clauseStartOf(s, p.start):p.start]), "分别") {
			return p.bound, true
		}
	}
scan:
	for i := len(before) - 1; i >= 0 && len(before)-i <= maxSeparation; i-- {
		if before[i] >= '0' && before[i] <= '9' {
			return "", false
		}
		if !separatedFirsts.has(before[i]) {
			continue // no word starts here (most characters)
		}
		for _, w := range separatedBounds {
			if !runesHavePrefix(before[i:], w.word) {
				continue
			}
			if longer, ok := longerBoundEnding(before, i, i+len(w.word)); ok {
				// 不低于, not its 低于; 不超过, not its 超过
				i, w = i-(len(longer.word)-len(w.word)), longer
			}
			if len(w.word) == 1 && w.word[0] == '约' && i > 0 && strings.ContainsRune(wordsEndingInYue, before[i-1]) {
				continue scan // 节约, 制约: no bound word (至少节约百分之十 reads on)
			}
			gap := before[i+len(w.word):]
			switch {
			case perUnit(gap):
				return w.bound, true
			case w.perUnitOnly:
			case len(gap) > 0 && gap[len(gap)-1] == '的':
				return w.bound, true
			case len(w.word) == 2 && string(w.word) == "至少" && len(gap) >= 1 && len(gap) <= 3 && allHan(gap) && !slices.Contains(gap, '的'):
				return w.bound, true // 至少建成2所
			}
			return "", false
		}
	}
	return "", false
}

// milestoneVerbs are the verbs of a milestone crossed (跨越…大关, gt) or
// reached (迈上…新台阶, ge). Not 跃上: the dev labels keep 粮食产量首次跃上
// 1.4万亿斤新台阶 eq.
var milestoneVerbs = []separated{
	{[]rune("跨越"), schema.Gt, false}, {[]rune("跨过"), schema.Gt, false},
	{[]rune("迈过"), schema.Gt, false}, {[]rune("越过"), schema.Gt, false},
	{[]rune("迈上"), schema.Ge, false},
}

// milestones are the words after a figure crossed as a milestone.
var milestones = [][]rune{[]rune("大关"), []rune("关口"), []rune("台阶"), []rune("新台阶"), []rune("新关口")}

// milestoneFirsts are the first characters of milestones.
var milestoneFirsts = func() []rune {
	var out []rune
	for _, w := range milestones {
		if !slices.Contains(out, w[0]) {
			out = append(out, w[0])
		}
	}
	return out
}()

func runesHavePrefix(s, w []rune) bool { return len(s) >= len(w) && slices.Equal(s[:len(w)], w) }

func runesHaveSuffix(s, w []rune) bool { return len(s) >= len(w) && slices.Equal(s[len(s)-len(w):], w) }

// perUnit reports a per-unit written before the number: 每千人, 每立方米.
func perUnit(gap []rune) bool {
	return len(gap) >= 2 && len(gap) <= 4 && gap[0] == '每' && allHan(gap)
}

func allHan(rs []rune) bool {
	for _, r := range rs {
		if !isHan(r) {
			return false
		}
	}
	return true
}

// longerBoundEnding returns a separated bound word longer than rs[i:end]
// that ends at end (不低于 around 低于), if any.
func longerBoundEnding(rs []rune, i, end int) (separated, bool) {
	for _, w := range separatedBounds {
		if st := end - len(w.word); st < i && st >= 0 && slices.Equal(rs[st:end], w.word) {
			return w, true
		}
	}
	return separated{}, false
}
