package corpus

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// unit is one administrative unit parsed from a name chain.
type unit struct {
	name   string // full name with suffix, "清苑区"
	suffix string // "区"
	parent string // suffix of the enclosing unit in the chain, "" if none
}

// municipalities are the four cities at province level.
var municipalities = map[string]bool{"北京市": true, "上海市": true, "天津市": true, "重庆市": true}

func (u unit) level() string {
	switch u.suffix {
	case "省", "自治区":
		return LevelProvince
	case "市":
		switch {
		case municipalities[u.name]:
			return LevelProvince
		case u.parent == "市" || u.parent == "州" || u.parent == "自治州" || u.parent == "盟" || u.parent == "地区":
			return LevelCounty
		}
		return LevelCity
	case "州", "自治州", "盟", "地区":
		return LevelCity
	case "区":
		return LevelDistrict
	case "县", "旗", "自治县", "自治旗":
		return LevelCounty
	}
	return ""
}

// suffixes of administrative units, longest first.
var suffixes = []string{"自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "县", "区", "旗", "盟"}

// maxName is the longest name (without suffix) accepted for each suffix;
// longer runs of characters are sentences, not names.
var maxName = map[string]int{
	"省": 3, "市": 4, "县": 4, "区": 4, "盟": 4, "地区": 4,
	"旗": 8, "自治区": 8, "自治州": 10, "自治县": 10, "自治旗": 10,
}

// minName is the shortest name accepted; one-character names are common
// only for counties and banners (易县, 涉县).
var minName = map[string]int{"市": 2, "区": 2, "省": 2, "盟": 2, "地区": 2}

// notName are first characters that make a one-character "name" a scope
// word (全县, 本县, 各区) rather than a place.
const notName = "全本我该各每外邻此一二两三四五六七八九十百千万多几某省市县区强大小新老原副代"

// parseUnit parses a chain of unit names ("山东省聊城市高唐县") and returns
// its innermost unit.
func parseUnit(raw string) (unit, bool) {
	var u unit
	for _, s := range suffixes {
		if strings.HasSuffix(raw, s) {
			u.suffix = s
			break
		}
	}
	if u.suffix == "" {
		return u, false
	}
	head := []rune(strings.TrimSuffix(raw, u.suffix))
	lo := max(minName[u.suffix], 1)
	// The rightmost split that leaves a long enough name and a valid
	// parent chain.
	start := 0
	for i := len(head) - lo; i >= 1; i-- {
		if p, ok := parseUnit(string(head[:i])); ok {
			start = i
			u.parent = p.suffix
			break
		}
	}
	name := head[start:]
	if len(name) < lo || len(name) > maxName[u.suffix] {
		return u, false
	}
	if len(name) == 1 && strings.ContainsRune(notName, name[0]) {
		return u, false
	}
	u.name = string(name) + u.suffix
	return u, true
}

// An anchor yields the byte offsets in text where a unit name may end:
// right before a session of a people's congress, a head of government, …
type anchor func(text string) iter.Seq[int]

// An anchorGroup is a set of anchors of equal trust and what a unit found
// at them needs to be taken: at least MinMentions mentions (see mentions)
// and, if RunesPerMention > 0, one mention per RunesPerMention characters.
type anchorGroup struct {
	Anchors         []anchor
	MinMentions     int
	RunesPerMention int
}

// accepts reports whether a unit mentioned n times in text is taken.
func (g anchorGroup) accepts(n int, text string) bool {
	return n >= g.MinMentions && (g.RunesPerMention == 0 || runesAtMost(text, n*g.RunesPerMention))
}

// regionAnchors are tried group by group. The session of the congress
// names where the report was given. The weaker anchors (the speaker's
// office, "X人民政府", a title) also catch places the report only
// mentions, so their unit must be the document's subject: a report names
// its own place every few hundred characters (淄川 32 times in 15,000
// characters; 易县 22 in 15,000), places named in passing far more rarely
// (北京 6 times in the same 15,000).
var regionAnchors = []anchorGroup{
	{Anchors: []anchor{sessionAnchor}, MinMentions: 1},
	{Anchors: []anchor{headAnchor, literalAnchor("人民政府"), literalAnchor("政府工作报告")}, MinMentions: 3, RunesPerMention: 1200},
}

// sessionAnchor: "淄川区|第十九届人民代表大会", "保定市|十六届人大"; all of
// the first kind, then all of the second. Both are found in one look for
// 届.
func sessionAnchor(text string) iter.Seq[int] {
	return func(yield func(int) bool) {
		var short []int // where 届人大 is
		for k := range occurrences(text, "届") {
			switch rest := text[k+len("届"):]; {
			case strings.HasPrefix(rest, "人民代表大会"):
				if start, ok := sessionStart(text, k); ok && !yield(start) {
					return
				}
			case strings.HasPrefix(rest, "人大"):
				short = append(short, k)
			}
		}
		for _, k := range short {
			if start, ok := sessionStart(text, k); ok && !yield(start) {
				return
			}
		}
	}
}

// sessionStart returns where the session number before the 届 at byte
// offset k starts, with its 第: "第十九|届"; false without a number.
func sessionStart(text string, k int) (int, bool) {
	start := k
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		start -= size
	}
	if start == k {
		return 0, false
	}
	if strings.HasSuffix(text[:start], "第") {
		start -= len("第")
	}
	return start, true
}

// headAnchor: the head of a government, "高唐县|县长", "西藏自治区代理|主席"
// (skipBetween drops the 代理).
func headAnchor(text string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for k := range occurrences(text, "长") {
			r, size := utf8.DecodeLastRuneInString(text[:k])
			if strings.ContainsRune("县区市省州旗盟", r) && !yield(k-size) {
				return
			}
		}
		for k := range occurrences(text, "主席") {
			if !yield(k) {
				return
			}
		}
	}
}

// literalAnchor: a unit name right before the word, "易县|人民政府".
func literalAnchor(word string) anchor {
	return func(text string) iter.Seq[int] { return occurrences(text, word) }
}

// national marks: the State Council's speech, and a session of the
// National People's Congress.
var nationalSession = cue{Key: "届全国人民代表大会", Before: 20, After: 40,
	Re: mustCompile(`在第[一二三四五六七八九十]+届全国人民代表大会第[一二三四五六七八九十]+次(?:会议|會議|会議)上`)}

// nationalSpeech is the State Council's voice in its report, in the
// forms of every era: 我代表国务院 (today), 我现在代表中华人民共和国国务院
// (1956), 我受中共中央和国务院的委托 (1960), 我现在根据国务院的决定 (1959),
// 中华人民共和国国务院向第一届全国人民代表大会…提出 (1955).
var nationalSpeech = cue{Key: "国务院", Before: 45, After: 12,
	Re: mustCompile(`我(?:现在)?代表(?:中华人民共和国)?国务院|我(?:现在)?受(?:中共中央和)?国务院的?委托|我(?:现在)?根据国务院的决定|中华人民共和国国务院向`)}

// isNationalSpeech reports a report of the State Council: its voice in
// the text (nationalSpeech), or a title line, the first line with text,
// that names the issuer and the genre (1954年中华人民共和国国务院政府工作报告,
// 国务院政府工作报告（摘要）).
func isNationalSpeech(text string) bool {
	if nationalSpeech.match(text) != nil {
		return true
	}
	title := firstLine(text)
	return strings.Contains(title, "国务院") && strings.Contains(title, "政府工作报告")
}

// firstLine returns the first line of text holding more than blanks,
// without its blanks, cut at 200 bytes.
func firstLine(text string) string {
	for len(text) > 0 {
		line, rest, _ := strings.Cut(text, "\n")
		if line = strings.TrimFunc(line, isBlank); line != "" {
			if len(line) > 200 {
				line = line[:200]
			}
			return line
		}
		text = rest
	}
	return ""
}

// findRegion returns the unit named at the anchors of the first group of
// regionAnchors that yields one mentioned often enough: of those, the most
// mentioned, the first found on a tie.
//
// A unit's name is text of the text, so it is mentioned at least once: a
// group that takes any unit mentioned once takes its only unit without
// counting.
func findRegion(text string) (unit, bool) {
	for _, group := range regionAnchors {
		var units []unit
		seen := map[string]bool{}
		for _, a := range group.Anchors {
			for end := range a(text) {
				u, ok := parseUnit(nameBefore(text, end))
				if !ok || seen[u.name] {
					continue
				}
				seen[u.name] = true
				units = append(units, u)
			}
		}
		if len(units) == 1 && group.MinMentions <= 1 && group.RunesPerMention == 0 {
			return units[0], true
		}
		var best unit
		bestCount := 0
		for _, u := range units {
			if n := mentions(text, u); n > bestCount {
				best, bestCount = u, n
			}
		}
		if group.accepts(bestCount, text) {
			return best, true
		}
	}
	return unit{}, false
}

// runesAtMost reports whether s holds at most n code points (as
// utf8.RuneCountInString counts them), reading s only as far as it must:
// a piece of n+1 bytes or more, cut where a character starts, is counted,
// and the rest of s must hold what n leaves.
func runesAtMost(s string, n int) bool {
	for len(s) > n {
		k := n + 1
		for k < len(s) && !utf8.RuneStart(s[k]) {
			k++
		}
		if n -= utf8.RuneCountInString(s[:k]); n < 0 {
			return false
		}
		s = s[k:]
	}
	return true
}

// mentions counts how often the text names u, by its name without the
// suffix when that has two or more characters (高唐 for 高唐县, 西藏 for
// 西藏自治区), else by its full name (易县).
func mentions(text string, u unit) int {
	stem := strings.TrimSuffix(u.name, u.suffix)
	if utf8.RuneCountInString(stem) < 2 {
		stem = u.name
	}
	return count(text, stem)
}

// between are words that stand between a name and an anchor and are
// skipped: "保定市人民政府市长", "易县人民政府代县长", "米易县2023年人民政府工作报告".
var between = []string{"人民政府", "人民", "代理", "代"}

// skipBetween moves end back over spaces, the words in between and a
// year ("2023年"), in any order.
func skipBetween(text string, end int) int {
	for {
		i := end
		for i > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:i])
			if !isBlank(r) {
				break
			}
			i -= size
		}
		for _, w := range between {
			if strings.HasSuffix(text[:i], w) {
				i -= len(w)
				break
			}
		}
		if strings.HasSuffix(text[:i], "年") {
			j := i - len("年")
			digits := 0
			for ; digits < 4; digits++ {
				r, size := utf8.DecodeLastRuneInString(text[:j])
				if digitValue(r) < 0 {
					break
				}
				j -= size
			}
			if digits == 4 {
				i = j
			}
		}
		if i == end {
			return end
		}
		end = i
	}
}

// isBlank reports spaces, including the ideographic space and the '?'
// that some scraped pages show in place of it.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '?'
}

// hardStop are characters that never belong to a place name and end the
// backward scan.
const hardStop = "在的了是及与对为由据即届次"

// softStop are characters that start some place names (于都县, 和平区,
// 从化区, 向阳区, 将乐县) but usually are words before them.
const softStop = "于和从向将"

// stopWords are words that end the name when they come before it:
// "我代表易县人民政府", "上午，高阳县", "会议上高唐县县长".
var stopWords = []string{"代表", "上午", "下午", "晚上", "召开", "举行", "开幕", "隆重", "出席", "宣布", "主持", "会议上", "会议", "期间", "之际", "来自", "标题", "单位", "摘要"}

// maxNameRunes bounds the backward scan.
const maxNameRunes = 20

// nameBefore returns the run of Han characters that ends at byte offset
// end of text (skipping what skipBetween skips), cut at the first stop
// character or stop word seen going backward.
func nameBefore(text string, end int) string {
	i := skipBetween(text, end)
	stop := i
	for n := 0; i > 0 && n < maxNameRunes; n++ {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune(hardStop, r) {
			break
		}
		if r == '日' || r == '月' || r == '年' {
			if p, _ := utf8.DecodeLastRuneInString(text[:i-size]); isNumeral(p) {
				break
			}
		}
		i -= size
	}
	raw := text[i:stop]
	for _, w := range stopWords {
		if k := strings.LastIndex(raw, w); k >= 0 {
			raw = raw[k+len(w):]
		}
	}
	// A soft stop character is cut when what follows it is a place with
	// a name of two or more characters.
	for k, r := range raw {
		if strings.ContainsRune(softStop, r) {
			rest := raw[k+utf8.RuneLen(r):]
			if u, ok := parseUnit(rest); ok && utf8.RuneCountInString(u.name)-utf8.RuneCountInString(u.suffix) >= 2 {
				raw = rest
			}
		}
	}
	return raw
}

// scopeWords map "全X" to the level of the document that says it.
var scopeWords = [...]struct{ word, level string }{
	{"全县", LevelCounty}, {"全旗", LevelCounty},
	{"全区", LevelDistrict},
	{"全市", LevelCity}, {"全州", LevelCity}, {"全盟", LevelCity},
	{"全省", LevelProvince},
}

// levelFromScope returns the level of the most frequent scope word, or ""
// if there is none. Ties go to the earlier entry of scopeWords. The words
// are counted in one pass over the text, at each 全 (every scope word is
// 全 and one character, and no two overlap).
func levelFromScope(text string) string {
	var n [len(scopeWords)]int
	for k := range occurrences(text, "全") {
		rest := text[k+len("全"):]
		for i, s := range scopeWords {
			if strings.HasPrefix(rest, strings.TrimPrefix(s.word, "全")) {
				n[i]++
				break
			}
		}
	}
	best, level := 0, ""
	for i, s := range scopeWords {
		if n[i] > best {
			best, level = n[i], s.level
		}
	}
	return level
}
