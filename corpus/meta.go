package corpus

import (
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Levels and document types, as in schema.Levels and schema.DocTypes.
const (
	LevelNational = "national"
	LevelProvince = "province"
	LevelCity     = "city"
	LevelDistrict = "district"
	LevelCounty   = "county"

	DocReport = "report"
	DocNews   = "news"
	DocPlan   = "plan"
)

// RegionNational is the Region of a national (State Council) report.
const RegionNational = "全国"

// Meta is what is known about a document besides its text.
type Meta struct {
	Region  string // innermost administrative unit: "淄川区", "保定市", "西藏自治区", "全国"; "" unknown
	Level   string // one of schema.Levels: national, province, city, district, county; "" unknown
	Year    int    // the year the report plans for; 0 unknown
	DocType string // one of schema.DocTypes: report, news, plan
}

// InferMeta guesses a document's metadata from its text. The text may
// carry page chrome (menus, repository headers) around the report and may
// be an HTML page. Nothing is looked up by file name. It runs in time
// linear in the text.
//
// Region is the innermost administrative unit named where the report was
// delivered: the session line ("2023年1月5日在淄川区第十九届人民代表大会…",
// "保定市十六届人大"), else the speaker's office ("保定市人民政府市长",
// "高唐县县长"), "X人民政府" or a title ("高唐县2023年政府工作报告"). These
// weaker places also catch places the report only mentions, so they count
// only if the text names the place (高唐 for 高唐县) at least three times
// and once per 1,200 characters; among several, the most named wins. A
// chain such as "保定市清苑区" gives its last unit. A speech on behalf of
// the State Council (我代表国务院), or a session of the 全国人民代表大会
// without any local unit, is national: Region "全国". When in doubt,
// Region is "" rather than a guess.
//
// Level follows from the unit's suffix: 省, 自治区 and the four
// municipalities (北京市 上海市 天津市 重庆市) are province; 市 is city,
// except a 市 inside another 市, 州, 盟 or 地区 (a county-level city), which
// is county; 州, 盟, 地区 are city; 区 is district; 县 and 旗 are county.
// A 市 named alone is taken as a prefecture-level city. Without a unit the
// most frequent of 全县, 全区, 全市, 全省 … decides.
//
// Year is the plan year, from the first of: the session date (a session in
// December plans for the next year); a heading line that reviews year Y
// ("2022年工作回顾", "回望2022"), giving Y+1, or plans year Y
// ("2022年重点工作安排", "展望2023", "2018年经济社会发展总体要求"),
// whichever comes first; a title "…Y年…政府工作报告"; a paragraph opening
// "Y年，"; a publication date ("发布时间：2023-01-12"). Otherwise 0.
//
// DocType is report when the text is the speech itself (各位代表： opening
// a line, or 我代表…政府/国务院); otherwise news when it has the marks of a
// news article (…日讯, 本报讯, 记者, 作《政府工作报告》, 聚焦…两会, 摘登);
// otherwise plan when it is a work plan (工作安排, 工作要点, 工作计划,
// 主要预期目标); otherwise report.
func InferMeta(text string) Meta { return inferMeta(text, looksHTML(text)) }

// inferMeta is InferMeta of a text of which looksHTML is already known.
func inferMeta(text string, html bool) Meta {
	if html {
		text = htmlToText(text)
	}
	var m Meta
	if isNationalSpeech(text) {
		m.Region, m.Level = RegionNational, LevelNational
	} else if u, ok := findRegion(text); ok {
		m.Region, m.Level = u.name, u.level()
	} else if nationalSession.match(text) != nil {
		m.Region, m.Level = RegionNational, LevelNational
	} else {
		m.Level = levelFromScope(text)
	}
	m.Year = inferYear(text)
	m.DocType = inferDocType(text)
	return m
}

var (
	// speechMarks: "我代表区人民政府向大会报告工作", "我代表国务院".
	// Found by its first words: a match spans at most the key, 20
	// characters of up to four bytes and 国务院.
	speechMarks = cue{Key: "我代表", After: 20*utf8.UTFMax + len("国务院"), Re: mustCompile(`我代表[^。，\n]{0,20}?(?:政府|国务院)`)}
	// newsMarks all start with a literal, which keeps them fast.
	newsMarks = []*regexp.Regexp{
		mustCompile(`记者`),
		mustCompile(`作《?政府工作报告》?`),
		mustCompile(`聚焦[^。\n]{0,10}两会`),
		mustCompile(`摘登`),
	}
	// dateline: "淄博1月9日讯", "本报讯", "保定日报讯 ".
	dateline = cue{Key: "讯", Before: 6, After: 3, Re: mustCompile(`[0-9]日讯|本报讯|\p{Han}{2}讯[\s\x{3000}]`)}
	// planWords mark a work plan.
	planWords = []string{"工作安排", "工作要点", "工作计划", "主要预期目标"}
)

func inferDocType(text string) string {
	switch {
	case addressesDeputies(text) || speechMarks.match(text) != nil:
		return DocReport
	case dateline.match(text) != nil || anyMatch(newsMarks, text):
		return DocNews
	}
	for _, w := range planWords {
		if index(text, w) >= 0 {
			return DocPlan
		}
	}
	return DocReport
}

// addressesDeputies reports whether a line opens with "各位代表" followed
// by a colon within a few characters ("各位代表：", "各位代表、同志们：").
func addressesDeputies(text string) bool {
	for k := range occurrences(text, "各位代表") {
		if !atLineStart(text, k) {
			continue
		}
		rest := text[k+len("各位代表"):]
		for n, r := range rest {
			if r == '：' || r == ':' {
				return true
			}
			if r == '\n' || r == '。' || utf8.RuneCountInString(rest[:n]) >= 8 {
				break
			}
		}
	}
	return false
}

// atLineStart reports whether only blanks stand between the start of the
// line and byte offset k.
func atLineStart(text string, k int) bool {
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:k])
		if r == '\n' {
			return true
		}
		if !isBlank(r) {
			return false
		}
		k -= size
	}
	return true
}

func anyMatch(res []*regexp.Regexp, text string) bool {
	for _, re := range res {
		if re.MatchString(text) {
			return true
		}
	}
	return false
}

// nameYear is a year in a file name: 2025年…, 2026_四川省_…, …-2023.
var nameYear = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)`)

// nameYearWord is a year with its 年, cut out of a name before its region
// is looked for.
var nameYearWord = regexp.MustCompile(`(?:19|20)[0-9]{2}年?`)

// nameRegion is the run of Han characters before 政府/人民政府/人大 in a file
// name (years cut out), as in a title: 2025年山东省政府工作报告,
// 高唐县2023年政府工作报告, 2026_四川省_政府工作报告.
var nameRegion = regexp.MustCompile(`(\p{Han}{2,20}?)[\s_\-—·]*(?:人民)?(?:政府|人大|两会)`)

// inferMetaNamed is InferMeta of the text, with what the text does not
// tell (an unknown region, level or year) taken from the file or member
// name, read as a title: 2025年山东省政府工作报告.docx is 山东省, province,
// 2025. html is looksHTML(text).
func inferMetaNamed(name, text string, html bool) Meta {
	m := inferMeta(text, html)
	if m.Region != "" && m.Year != 0 {
		return m
	}
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	base = strings.TrimSuffix(base, path.Ext(base))
	if m.Year == 0 {
		if y := nameYear.FindStringSubmatch(base); y != nil {
			m.Year, _ = strconv.Atoi(y[1])
		}
	}
	if m.Region == "" {
		for _, sub := range nameRegion.FindAllStringSubmatch(nameYearWord.ReplaceAllString(base, "_"), -1) {
			if u, ok := parseUnit(sub[1]); ok {
				m.Region, m.Level = u.name, u.level()
				break
			}
		}
	}
	return m
}
