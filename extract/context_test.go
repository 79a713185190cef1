package extract

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFiveEnd checks timeWords.fiveEnd against the two searches it
// stands for, on random strings of the characters that matter.
func TestFiveEnd(t *testing.T) {
	pieces := []string{"五", "末", "”", "“", "十三", "年", "a", "五末", "五”末"}
	rng := rand.New(rand.NewPCG(7, 8))
	hits := 0
	for i := 0; i < 20000; i++ {
		s := randomText(rng, pieces, 10)
		want := strings.Contains(s, "五末") || strings.Contains(s, "五”末")
		if got := findTimeWords(s).fiveEnd >= 0; got != want {
			t.Errorf("findTimeWords(%q).fiveEnd >= 0 is %v; want %v", s, got, want)
		}
		if want {
			hits++
		}
	}
	if hits == 0 {
		t.Error("no string holds 五末: the test would prove nothing")
	}
}

// TestClassifyHeadingWords checks classifyHeading, which finds its words
// in one pass (headingIndex) and looks for the done words only where one
// is (doneHeadingIndex), against the search of each word of each list, on
// every sentence of the bundled reports and the development set and on
// random strings of the words that matter, for several plan years.
func TestClassifyHeadingWords(t *testing.T) {
	var texts []string
	for _, s := range sentencesOf(append(corpusDocs(t), devDocs(t)...)) {
		texts = append(texts, string(s))
	}
	var pieces []string
	for _, l := range [][]string{pastWords, planWords, planHeadings, reviewHeadings, doneHeadingWords, causativeWords} {
		pieces = append(pieces, l...)
	}
	pieces = append(pieces, "我们", "，", "一、", "2020年", "全面", "新", "。")
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 20000; i++ {
		texts = append(texts, randomText(rng, pieces, 8))
	}
	// the classification as it was, a search for each word
	statesDoneEach := func(h string) bool {
		h = headingNumberRe.ReplaceAllString(h, "")
		if weDidRe.MatchString(h) && !weModalRe.MatchString(h) {
			return true
		}
		last := h
		if k := strings.LastIndexAny(h, "，,；;"); k >= 0 {
			last = h[k+utf8.RuneLen([]rune(h[k:])[0]):]
		}
		last = strings.TrimRight(last, "。！!　 ")
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
	classifyEach := func(h string, planYear int) section {
		if m := yearRe.FindStringSubmatch(h); m != nil && planYear > 0 {
			switch y, _ := strconv.Atoi(m[1]); {
			case y < planYear:
				return sectionReview
			case y >= planYear && !strings.Contains(h, "回顾"):
				return sectionPlan
			}
		}
		switch {
		case hasAny(h, pastWords) && !hasAny(h, planWords), statesDoneEach(h):
			return sectionReview
		case hasAny(h, planHeadings):
			return sectionPlan
		case hasAny(h, reviewHeadings):
			return sectionReview
		}
		return sectionNone
	}
	seen := map[section]int{}
	for _, h := range texts {
		for _, py := range []int{0, 2021} {
			got, want := classifyHeading(h, py), classifyEach(h, py)
			if got != want {
				t.Errorf("classifyHeading(%q, %d) = %v, want %v", h, py, got, want)
			}
			seen[got]++
		}
		if got, want := statesDone(h), statesDoneEach(h); got != want {
			t.Errorf("statesDone(%q) = %v, want %v", h, got, want)
		}
	}
	if seen[sectionReview] == 0 || seen[sectionPlan] == 0 || seen[sectionNone] == 0 {
		t.Errorf("classifications seen: %v; want some of each", seen)
	}
}

// TestLastIndex checks lastIndex against strings.LastIndex: overlapping
// and adjacent occurrences, none, an empty word, a word longer than the
// text, and random strings of a few characters (with a byte of an
// invalid sequence among them).
func TestLastIndex(t *testing.T) {
	for _, tt := range []struct{ s, w string }{
		{"", "等"}, {"等", ""}, {"", ""}, {"等", "等等"}, {"省市等重点项目等", "等"},
		{"、、、", "、、"}, {"今年计划，今年", "今年"}, {"由2020年的100亿元", "由"},
		{"高等院校", "等"}, {"aaa", "aa"}, {"增长", "今年"},
	} {
		if got, want := lastIndex(tt.s, tt.w), strings.LastIndex(tt.s, tt.w); got != want {
			t.Errorf("lastIndex(%q, %q) = %d; want %d", tt.s, tt.w, got, want)
		}
	}
	alphabet := []string{"等", "今", "年", "、", "由", "a", "\xe4"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var s, w strings.Builder
		for range rng.IntN(12) {
			s.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		for range 1 + rng.IntN(3) {
			w.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		if got, want := lastIndex(s.String(), w.String()), strings.LastIndex(s.String(), w.String()); got != want {
			t.Fatalf("lastIndex(%q, %q) = %d; want %d", s.String(), w.String(), got, want)
		}
	}
}

// TestBaseYearLast checks baseYearLast against the characters a match of
// baseYearRe can end with, and that every match of planEndRe ends with 末
// (namedYear runs the patterns only on a text that ends so or holds 末).
func TestBaseYearLast(t *testing.T) {
	for _, tt := range []struct {
		re   *regexp.Regexp
		last func(rune) bool
		want string
	}{{baseYearRe, baseYearLast.has, "的年底末"}, {planEndRe, func(r rune) bool { return r == '末' }, "末"}} {
		re, err := syntax.Parse(tt.re.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		chars, empty := lastChars(re.Simplify(), false)
		if empty {
			t.Errorf("%s matches the empty string; want every match to end with a character", tt.re)
		}
		for _, r := range chars {
			if !tt.last(r) {
				t.Errorf("%s can end with %q, which %q lacks", tt.re, r, tt.want)
			}
		}
	}
}

// TestThisYearAfter checks thisYearAfter, which looks for the words after
// the last 今年 only, against its definition: the last 今年 starts after
// the last multi-year word and the last ；, on random strings.
func TestThisYearAfter(t *testing.T) {
	alphabet := []string{"今年", "今", "年", "；", "五年来", "年均", "期间", "增长", "，"}
	alphabet = append(alphabet, multiYearWords...)
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		s := randomText(rng, alphabet, 8)
		k := strings.LastIndex(s, "今年")
		last := -1
		for _, w := range multiYearWords {
			last = max(last, strings.LastIndex(s, w))
		}
		if got, want := thisYearAfter(s), k > last && k > strings.LastIndex(s, "；"); got != want {
			t.Fatalf("thisYearAfter(%q) = %v; want %v", s, got, want)
		}
	}
}

// TestByYearMayMatch checks findByYear, which runs byYearRe only where
// byYearMayMatch allows a match, against the pattern alone: on sentences
// written for it, on every prefix of the sentences of the bundled reports
// and on random strings of the pattern's pieces. It also pins the pattern
// byYearMayMatch was written for.
func TestByYearMayMatch(t *testing.T) {
	if want := `(?:到|至|在|于|截至|截止)((?:19|20)\d\d)\s*年|((?:19|20)\d\d)\s*年(?:底|末)`; byYearRe.String() != want {
		t.Fatalf("byYearRe is %s; byYearMayMatch was written for %s", byYearRe, want)
	}
	for _, c := range []struct {
		text string
		may  bool
	}{
		{"到2027年，全市新建充电桩", true},
		{"截止2025 年底，累计建成", true},
		{"截至2026年", true},
		{"力争于2030年前", true},
		{"2025年末常住人口", true},
		{"2024年，全市地区生产总值增长", false},
		{"比2020年增长", false},
		{"2019—2023年年均增长", false},
		{"在2021年基础上", true},
		{"一九八五年底", true}, // (no match: the pattern wants digits)
	} {
		if got := byYearMayMatch(c.text); got != c.may {
			t.Errorf("byYearMayMatch(%q) = %v; want %v", c.text, got, c.may)
		}
	}
	var texts []string
	for _, s := range sentencesOf(corpusDocs(t)) {
		if !slices.Contains(s, '年') {
			continue
		}
		for i := 1; i <= len(s); i++ {
			texts = append(texts, string(s[:i]))
		}
	}
	alphabet := []string{"19", "20", "2", "0", "9", "1", " ", "年", "底", "末", "至", "到", "截至", "截止", "止", "在", "于", "，", "年底", "增长"}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 30000 {
		texts = append(texts, randomText(rng, alphabet, 10))
	}
	for _, b := range texts {
		if got, want := findByYear(b), byYearRe.FindStringSubmatch(b); !slices.Equal(got, want) {
			t.Fatalf("findByYear(%q) = %q; want %q", b, got, want)
		}
	}
}

// TestYearStart checks that the year patterns, searched from yearStart,
// find what they find in the whole text, and that the scans that read
// spanYearRe and anyYearRe (spanYearMatch, yearMatches) find what the
// patterns find: on the sentences of the reports and development texts,
// each cut after every 5th character, and on random strings of digits,
// year words, blanks and marks.
func TestYearStart(t *testing.T) {
	var texts []string
	for _, s := range sentencesOf(append(corpusDocs(t), devDocs(t)...)) {
		for i := 5; i <= len(s); i += 5 {
			texts = append(texts, arabicYears(string(s[:i])))
		}
	}
	alphabet := []string{"19", "20", "2", "0", "9", "1", "5", " ", "\t", "\n", "\r", "\f", "\v", "\u3000", "\xe5", "年", "底", "末", "至", "到", "截至", "截止", "在", "于", "—", "-", "－", "~", "比", "的", "增长"}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 30000 {
		texts = append(texts, randomText(rng, alphabet, 14))
	}
	spans := []string{"2018", "1964", "2020", "20", "1", "年", "年 ", " ", "\t", "\f", "至", "到", "—", "-", "－", "~", "的"}
	for range 30000 {
		texts = append(texts, randomText(rng, spans, 8))
	}
	for _, b := range texts {
		if got, want := spanYearMatch(b), spanYearRe.FindStringSubmatchIndex(b); !slices.Equal(got, want) {
			t.Fatalf("spanYearMatch(%q) = %v; want %v", b, got, want)
		}
		if got, want := findByYear(b), byYearRe.FindStringSubmatch(b); !slices.Equal(got, want) {
			t.Fatalf("findByYear(%q) = %q; want %q", b, got, want)
		}
		got, want := yearMatches(b), anyYearRe.FindAllStringSubmatchIndex(b, -1)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("yearMatches(%q) = %v; want %v", b, got, want)
		}
		if c := yearStart(b, 0); anyYearRe.FindAllStringIndex(b[c:], -1) == nil != (want == nil) {
			t.Fatalf("anyYearRe in %q from yearStart finds nothing", b)
		}
	}
}

// randomText returns rng.IntN(max) pieces drawn at random from pieces,
// joined: the random texts that fast paths are checked on against their
// originals.
func randomText(rng *rand.Rand, pieces []string, max int) string {
	var b strings.Builder
	for range rng.IntN(max) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// TestReportedTargetQuick checks reportedTarget, which tries its patterns
// only on a text holding 目标, against the patterns tried on every text,
// on random clauses of the words that matter around a figure of a review.
func TestReportedTargetQuick(t *testing.T) {
	pieces := []string{"目标", "目", "标", "为", "是", "：", "增长", "的", "、", "和", "主要", "预期", "年度", "发展",
		"实现", "完成", "达到", "年初", "确定的", "超额", "没有", "未", "全年", "经济", "，", "降低", "左右"}
	orig := func(lead, rest string) bool {
		if targetBeforeRe.MatchString(lead) {
			return true
		}
		if !targetAfterRe.MatchString(rest) {
			return false
		}
		return !hasAny(lead, targetReachedWords) || hasAny(lead, targetApartWords)
	}
	rng := rand.New(rand.NewPCG(31, 4))
	hits := 0
	for range 50000 {
		lead, rest := randomText(rng, pieces, 8), randomText(rng, pieces, 8)
		want := orig(lead, rest)
		if got := reportedTarget(lead, rest); got != want {
			t.Fatalf("reportedTarget(%q, %q) = %v; want %v", lead, rest, got, want)
		}
		if want {
			hits++
		}
	}
	for _, c := range [][2]string{{"今年经济增长目标为", ""}, {"年初确定的地区生产总值增长", "的目标顺利实现"}, {"提前实现了人均收入翻一番", "的目标"}, {"粮食产量", "，比上年增加"}} {
		if got, want := reportedTarget(c[0], c[1]), orig(c[0], c[1]); got != want {
			t.Errorf("reportedTarget(%q, %q) = %v; want %v", c[0], c[1], got, want)
		}
	}
	if hits == 0 {
		t.Error("no random clause reports a target: the test would prove nothing")
	}
}

// TestWithinYearMatch checks withinYearMatch and headingYear, which run
// their patterns on part of a text or on fewer texts, against the
// patterns run on the whole text, and lastClauseMark against
// strings.LastIndexAny: on the sentences of the bundled and
// development reports, each also as a prefix of the next, and on random
// strings of numerals, years, blanks, clause marks, bytes that are no
// valid UTF-8 and 年内.
func TestWithinYearMatch(t *testing.T) {
	var texts []string
	prev := ""
	for _, s := range sentencesOf(append(corpusDocs(t), devDocs(t)...)) {
		str := string(s)
		texts = append(texts, str, prev+str)
		prev = str
	}
	pieces := []string{"年内", "年", "内", "三", "两", "十", "2", "0", "五", " ", "\t", "\u3000", "在", "，", "今后", "个月", "年内年内", ",", "；", ";", "\xe4", "\xef\xbc", "2024", "1999", "\r\n", "\f"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		texts = append(texts, randomText(rng, pieces, 10))
	}
	within, years := 0, 0
	for _, s := range texts {
		if got, want := lastClauseMark(s), strings.LastIndexAny(s, "，,；;"); got != want {
			t.Fatalf("lastClauseMark(%q) = %d, want %d", s, got, want)
		}
		got, want := withinYearMatch(s), withinYearRe.FindStringSubmatch(s)
		if !slices.Equal(got, want) {
			t.Fatalf("withinYearMatch(%q) = %q, want %q", s, got, want)
		}
		if want != nil {
			within++
		}
		for _, planYear := range []int{0, 2024} {
			got, want := headingYear(s, planYear), yearRe.FindStringSubmatch(s)
			if planYear <= 0 {
				want = nil
			}
			if !slices.Equal(got, want) {
				t.Fatalf("headingYear(%q, %d) = %q, want %q", s, planYear, got, want)
			}
			if want != nil {
				years++
			}
		}
	}
	if within < 100 || years < 100 {
		t.Errorf("%d texts hold N年内, %d a year: want more (the test would prove little)", within, years)
	}
}
