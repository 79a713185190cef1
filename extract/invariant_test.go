package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

// The invariants hold on every report, labelled or not (issue 11): they
// run over the unlabelled reports copied into corpus/testdata, so a rule
// that fits the labelled documents but breaks on others fails here, with
// the document and the sentence named.

// invariantCorpora are the directories of unlabelled reports
// (provinces2026 is labelled for its GDP results and headline targets
// only: golden TestProvincialGDP2026).
var invariantCorpora = []string{"../corpus/testdata/extra", "../corpus/testdata/national", "../corpus/testdata/provinces2026"}

// earlierYearRe finds a year named as the time of a sentence: not the base
// of a comparison (比2020年), not the start of a span (2020年以来) and not a
// year inside a name.
var earlierYearRe = regexp.MustCompile(`(^|[^比较与同自从])((?:19|20)\d\d)年(?:[^以起初基来前的度]|$)`)

// namedPast returns the earlier year (or 去年/上年) the text before a
// mention names as its time, or "" if it names none: the last time named
// counts (1979年…增长28%，1980年上半年又…增长20.2%), and a year that only
// sets up a comparison (比去年, 象去年那样, 保持了去年的水平) does not.
func namedPast(before string, planYear int) string {
	last, what := -1, ""
	for _, m := range earlierYearRe.FindAllStringSubmatchIndex(before, -1) {
		y, _ := strconv.Atoi(before[m[4]:m[5]])
		last, what = m[4], ""
		if y < planYear {
			what = before[m[4]:m[5]] + "年"
		}
	}
	for _, w := range []string{"今年", "明年", "去年", "上年"} {
		for i := 0; ; {
			j := strings.Index(before[i:], w)
			if j < 0 {
				break
			}
			at := i + j
			i = at + len(w)
			if at < last {
				continue
			}
			pre, post := before[max(0, at-6):at+len(w)], before[at+len(w):]
			if w == "今年" || w == "明年" {
				last, what = at, "" // the time turns to the plan year
				continue
			}
			if hasAny(pre, comparisonWords) || hasAny(pre, []string{"象" + w, "像" + w, "同" + w, "和" + w, "与" + w, "从" + w, "由" + w}) ||
				hasPrefixAny(post, []string{"的水平", "水平", "同期", "结余", "基础上", "的基础上"}) {
				continue
			}
			last, what = at, w
		}
	}
	return what
}

// timeWordIndicators are words of time that never name what is measured.
var timeWordIndicators = map[string]bool{"年": true, "年底": true, "年底前": true, "年内": true, "前": true, "今年": true, "去年": true, "全年": true, "当年": true, "上年": true, "明年": true, "年末": true, "月底": true, "上半年": true, "下半年": true, "目前": true, "以来": true, "年来": true, "次": true}

// checkTimeAndIdentity returns one line per fact of d that breaks an
// invariant: a target for the plan year whose sentence names an earlier
// year as its time (checkTime), and an indicator that is empty, one
// character or a time word (checkIdentity).
func checkTimeAndIdentity(d Document, facts []schema.Fact) []string {
	return append(checkTime(d, facts), checkIdentity(d, facts)...)
}

// checkTime lists the targets for the plan year whose sentence names an
// earlier year (or 去年, 上年) as their time.
func checkTime(d Document, facts []schema.Fact) []string {
	var out []string
	for _, f := range facts {
		if d.PlanYear > 0 && f.Kind == "target" && f.Year != nil && int(*f.Year) == d.PlanYear {
			i := strings.Index(f.Sentence, f.Mention)
			if i >= 0 {
				if y := namedPast(f.Sentence[:i], d.PlanYear); y != "" {
					out = append(out, fmt.Sprintf("%s: %q is a %d target but its sentence names %s: %s", d.ID, f.Mention, d.PlanYear, y, f.Sentence))
				}
			}
		}
	}
	return out
}

// checkIdentity lists the facts whose indicator is empty, one character
// (but for a one-character name), a time word or a place alone (SPEC 2),
// except the facts of identityExempt.
func checkIdentity(d Document, facts []schema.Fact) []string {
	var out []string
	for _, f := range facts {
		if exemptIdentity(f) {
			continue
		}
		ind := f.Indicator
		switch n := len([]rune(ind)); {
		case n == 0:
			out = append(out, fmt.Sprintf("%s: %q has no indicator: %s", d.ID, f.Mention, f.Sentence))
		case placeIndicators[ind]:
			out = append(out, fmt.Sprintf("%s: %q has the place %q alone as indicator: %s", d.ID, f.Mention, ind, f.Sentence))
		case n == 1 && !oneCharacterNames[ind]:
			out = append(out, fmt.Sprintf("%s: %q has the one-character indicator %q: %s", d.ID, f.Mention, ind, f.Sentence))
		case timeWordIndicators[ind]:
			out = append(out, fmt.Sprintf("%s: %q has the time word %q as indicator: %s", d.ID, f.Mention, ind, f.Sentence))
		}
	}
	return out
}

// The invariant's own word lists, kept apart from the lexicon so that a
// change of the rules' data cannot weaken it.
var (
	// placeIndicators are place units that name no figure alone
	// (【72个】村开展驻村帮扶 is about the villages that do something).
	placeIndicators = map[string]bool{"省": true, "市": true, "县": true, "区": true, "乡": true, "镇": true, "村": true,
		"乡镇": true, "县（市）": true, "县（市、区）": true, "省（区、市）": true, "省份": true, "地市": true}
	// oneCharacterNames are the one-character indicators that are names:
	// products the historic reports list by one character (钢三百二十二万吨,
	// 煤一千三百万吨, 糖十万九千吨). Any other one character is a fragment.
	oneCharacterNames = map[string]bool{"钢": true, "铁": true, "煤": true, "电": true, "油": true, "糖": true, "纸": true,
		"纱": true, "布": true, "盐": true, "棉": true, "粮": true, "铜": true}
)

// identityExempt are the facts of the unlabelled reports that have no
// nameable indicator in the text the extractor sees: the source breaks the
// sentence with a line break, so the subject is on a line of its own
// (or split from its number) and the figure's sentence names nothing.
// Each is a mention and the start of its sentence; duplicate reports
// (national_china_2015-2) share the entry.
var identityExempt = []struct{ mention, sentence, why string }{
	{"12%左右", "预期增长12%左右", "广义货币M / 2 / 预期增长…: the subscript of M2 on a line of its own"},
	{"6%以上", "为6%以上", "今年预期目标设定 / (zero-width space) / 为6%以上: the subject two lines up"},
	{"6.7%", "万亿元，增长6.7%", "国内生产总值达到74.4 / (zero-width space) / 万亿元，增长6.7%: the number split from its unit"},
}

func exemptIdentity(f schema.Fact) bool {
	for _, e := range identityExempt {
		if f.Mention == e.mention && strings.HasPrefix(f.Sentence, e.sentence) {
			return true
		}
	}
	return false
}

// TestTimeUnlabelledReports: no target for the plan year on a sentence
// that names an earlier year, on any unlabelled report.
func TestTimeUnlabelledReports(t *testing.T) {
	x := newExtractor(t)
	bad := 0
	for _, d := range loadReports(t, invariantCorpora) {
		for _, line := range checkTime(d, x.Extract(d)) {
			t.Error(line)
			bad++
		}
	}
	if bad > 0 {
		t.Logf("%d facts break an invariant", bad)
	}
}

func TestCheckTimeAndIdentityFindsBreaches(t *testing.T) {
	y := func(n int32) *int32 { return &n }
	d := Document{ID: "d", PlanYear: 2025}
	facts := []schema.Fact{
		{Mention: "5.5%", Sentence: "2024年全省地区生产总值增长5.5%。", Kind: "target", Year: y(2025), Indicator: "地区生产总值"},
		{Mention: "5.5%", Sentence: "去年地区生产总值增长5.5%。", Kind: "target", Year: y(2025), Indicator: "地区生产总值"},
		{Mention: "5%", Sentence: "地区生产总值比2024年增长5%。", Kind: "target", Year: y(2025), Indicator: "地区生产总值"},
		{Mention: "6%", Sentence: "比上年增长6%。", Kind: "target", Year: y(2025), Indicator: "收入"},
		{Mention: "511户", Sentence: "去年已经对其中近300户提供资金支持，今年要扩大到511户。", Kind: "target", Year: y(2025), Indicator: "企业"},
		{Mention: "2.3%", Sentence: "赤字率从去年的2.1%提高到2.3%。", Kind: "target", Year: y(2025), Indicator: "赤字率"},
		{Mention: "5.5%", Sentence: "2024年全省地区生产总值增长5.5%。", Kind: "actual", Year: y(2024), Indicator: "地区生产总值"},
		{Mention: "3个", Sentence: "年底前建成3个。", Kind: "target", Year: y(2025), Indicator: "年底前"},
		{Mention: "3个", Sentence: "建成3个。", Kind: "target", Year: y(2025), Indicator: ""},
		{Mention: "3个", Sentence: "建成3个。", Kind: "target", Year: y(2025), Indicator: "率"},
		{Mention: "3个", Sentence: "3个村获评。", Kind: "actual", Year: y(2024), Indicator: "村"},
		{Mention: "三百万吨", Sentence: "钢三百万吨。", Kind: "actual", Year: y(2024), Indicator: "钢"},
		{Mention: "6%以上", Sentence: "为6%以上，考虑了经济运行恢复情况。", Kind: "target", Year: y(2025), Indicator: ""},
	}
	got := checkTimeAndIdentity(d, facts)
	want := []string{"names 2024年", "names 去年", "time word \"年底前\"", "no indicator", "one-character indicator \"率\"", "place \"村\" alone"}
	if len(got) != len(want) {
		t.Fatalf("checkTimeAndIdentity found %d breaches, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("breach %d = %q, want it to say %q", i, got[i], want[i])
		}
	}
}

// TestIndicatorUnlabelledReports: no indicator is empty, one character
// (but a one-character name), a time word or a place alone, on any
// unlabelled report (SPEC 2). A verb alone is not checked: the segmenter
// tags names of figures such as 收入, 支出 and 就业 as verbs.
func TestIndicatorUnlabelledReports(t *testing.T) {
	x := newExtractor(t)
	bad, total := 0, 0
	for _, d := range loadReports(t, invariantCorpora) {
		facts := x.Extract(d)
		total += len(facts)
		for _, line := range checkIdentity(d, facts) {
			t.Error(line)
			bad++
		}
	}
	if bad > 0 {
		t.Logf("%d of %d facts break the indicator invariant", bad, total)
	}
}
