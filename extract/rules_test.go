package extract

import (
	"fmt"
	"maps"
	"math/big"
	"math/rand/v2"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"

	"github.com/gwrfacts/gwr/extract/lexicon"
	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/extract/taxonomy"
	"github.com/gwrfacts/gwr/normalize"
)

// TestDispatchEqualsScan checks that trying, at each position, only the
// rules that can start with its character (ruleSet.matchAt) finds what one
// leftmost-first scan of the alternation of all the rules finds, from
// every starting position of every window of the corpus, the development
// set and some odd text.
func TestDispatchEqualsScan(t *testing.T) {
	rs, err := compileRules(Rules)
	if err != nil {
		t.Fatal(err)
	}
	ph := placeholders()
	var alts []string
	for i, r := range Rules {
		alts = append(alts, fmt.Sprintf("(?<r%d>%s)", i, expand(r.Pattern, ph)))
	}
	scan := regexp2.MustCompile(strings.Join(alts, "|"), ruleOptions...)

	docs := textDocs(
		"增长６．５％，新增𝟏𝟎家，“两个100%”，第十九届，PM2.5，３-５个，由2.3%提高到2.5%，翻一番，保持两位数增长，三千瓦，一万亩。",
		"𠀀12亿元𠀀、2024年1月9日、5G、12345热线、九大政策、年产20万吨、过5亿元项目、8至10亿元",
		"12024年，123月，12025-1-2，1234个月，A12345热线，十一大，二十强，一二三万亩，三两位数增长，十两个，1十大，一2强，22个方面")
	docs = append(append(docs, corpusDocs(t)...), devDocs(t)...)
	checked := 0
	for _, sr := range sentencesOf(docs) {
		for _, w := range appendWindows(nil, sr) {
			ws := sr[w.start:w.end]
			for at := range ws {
				want := "none"
				if m, _ := scan.FindRunesMatchStartingAt(ws, at); m != nil {
					for i := range Rules {
						if g := m.GroupByName(fmt.Sprintf("r%d", i)); g != nil && len(g.Captures) > 0 {
							want = fmt.Sprintf("%s@%d+%d", Rules[i].ID, m.RuneIndex, m.RuneLength)
							break
						}
					}
				}
				got := "none"
				for i := at; i < len(ws); i++ {
					m, r, err := rs.matchAt(ws, i)
					if err != nil {
						t.Fatal(err)
					}
					if r != nil {
						got = fmt.Sprintf("%s@%d+%d", r.ID, m.start, m.end-m.start)
						break
					}
				}
				if got != want {
					t.Fatalf("in %q from %d: dispatch found %s, scan %s", string(ws), at, got, want)
				}
				checked++
			}
		}
	}
	if checked < 10000 {
		t.Fatalf("checked %d positions; want the corpus's windows (> 10000)", checked)
	}
}

// TestNothingFollowsANumberLikeADigit backs the atomic group in {NUM}: no
// text a rule expects right after a number (multipliers, 多/余, units,
// bound words, range marks, spaces) starts with a digit, '.' or ',', so a
// shorter reading of a number can never let a rule match.
func TestNothingFollowsANumberLikeADigit(t *testing.T) {
	follow := []string{"十", "百", "千", "万", "亿", "多", "余", "-", "~", "至", "到", " ", "元", "美元"}
	follow = append(follow, baseUnitTexts()...)
	for _, b := range normalize.BoundWords {
		follow = append(follow, b.Word)
	}
	for _, w := range follow {
		if w != "" && strings.ContainsAny(w[:1], "0123456789.,") {
			t.Errorf("%q can follow a number and starts like one: {NUM} must not be atomic", w)
		}
	}
}

// TestLeadingTimeFirst checks leadingTimeFirst against the characters the
// leadingTime pattern can start with, read from its compiled program.
func TestLeadingTimeFirst(t *testing.T) {
	re, err := syntax.Parse(leadingTime.String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[uint32]bool{}
	var walk func(pc uint32)
	walk = func(pc uint32) {
		if seen[pc] {
			return
		}
		seen[pc] = true
		in := prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			walk(in.Out)
			walk(in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			walk(in.Out)
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			for c := rune(0); c < 0x10000; c++ {
				if in.MatchRune(c) && !strings.ContainsRune(leadingTimeFirst, c) {
					t.Errorf("leadingTime can start with %q, which leadingTimeFirst lacks", c)
				}
			}
		case syntax.InstMatch:
			t.Errorf("leadingTime matches the empty string: every string is a candidate")
		}
	}
	walk(uint32(prog.Start))
}

// TestRangeAheadIsImplied backs the {RANGE_AHEAD} test of the range rule:
// no unit holds a space or a range mark (so the characters between the
// multipliers and the mark are at most one unit's), and the rule finds
// the same matches with and without it at every position of the corpus's
// windows.
func TestRangeAheadIsImplied(t *testing.T) {
	units := baseUnitTexts()
	for _, u := range units {
		if strings.ContainsAny(u, " \t\n\u3000-~至到") {
			t.Errorf("unit %q holds a space or a range mark: {RANGE_AHEAD} would reject its ranges", u)
		}
	}
	var rangeRule Rule
	for _, r := range Rules {
		if r.ID == "range" {
			rangeRule = r
		}
	}
	if !strings.Contains(rangeRule.Pattern, "(?={RANGE_AHEAD})") {
		t.Fatalf("the range rule does not use {RANGE_AHEAD}: %s", rangeRule.Pattern)
	}
	bare := rangeRule
	bare.Pattern = strings.Replace(bare.Pattern, "(?={RANGE_AHEAD})", "", 1)
	with, err := compileRules([]Rule{rangeRule})
	if err != nil {
		t.Fatal(err)
	}
	without, err := compileRules([]Rule{bare})
	if err != nil {
		t.Fatal(err)
	}
	docs := append(textDocs("增长3-5个，5%-6%，60万吨至65万吨，8至10亿元，3 ~ 5千瓦，2万千瓦到3万千瓦，1.5亿立方米-2亿立方米"), corpusDocs(t)...)
	found := 0
	for _, sr := range sentencesOf(docs) {
		for at := range sr {
			m1, r1, _ := with.matchAt(sr, at)
			m2, r2, _ := without.matchAt(sr, at)
			if (r1 == nil) != (r2 == nil) || r1 != nil && m1.span != m2.span {
				t.Fatalf("in %q at %d: with {RANGE_AHEAD} %v, without %v", string(sr), at, m1, m2)
			}
			if r1 != nil {
				found++
			}
		}
	}
	if found < 10 {
		t.Fatalf("found %d ranges; want the corpus's (>= 10)", found)
	}
}

// TestTimeWordsThen checks that the time words of chained sentences,
// combined one sentence at a time, are those of their joined text.
func TestTimeWordsThen(t *testing.T) {
	sentences := []string{
		"去年的成绩单：地区生产总值增长5%；",
		"累计新增企业20家，力争明年翻番；",
		"2023年底建成；",
		"今年三年内完成；",
		"比上年增长19%，",
		"",
		"没有时间的句子；",
	}
	for i := range sentences {
		for j := range sentences {
			a, b := sentences[i], sentences[j]
			got := findTimeWords(a).then(len(a), findTimeWords(b))
			if want := findTimeWords(a + b); got != want {
				t.Errorf("%q then %q: got %+v, want %+v", a, b, got, want)
			}
		}
	}
	if got := noTimeWords.then(0, findTimeWords("将")); got != findTimeWords("将") {
		t.Errorf("noTimeWords then 将 = %+v; want %+v", got, findTimeWords("将"))
	}
}

// TestBadRuleNamed checks that a rule whose pattern does not compile is
// named in the error.
func TestBadRuleNamed(t *testing.T) {
	rules := append([]Rule(nil), Rules...)
	rules = append(rules, Rule{ID: "broken-rule", Yield: Point, Pattern: `(?<num>{NUM}`})
	_, err := compileRules(rules)
	if err == nil || !strings.Contains(err.Error(), "broken-rule") {
		t.Fatalf("compileRules with an unclosed group: got error %v; want one naming broken-rule", err)
	}
}

// TestRulesHashCoversLexiconAndUnits checks that the hash changes with one
// row of the lexicon, one field of one rule, one unit and the segmenter
// dictionary: everything that can change a fact (placeholders included).
func TestRulesHashCoversLexiconAndUnits(t *testing.T) {
	base := RulesHash(Rules, lex.Bytes(), segment.UserDict())
	if got, want := DefaultRulesHash(), HashWithTaxonomy(base, taxonomy.Default()); got != want {
		t.Errorf("DefaultRulesHash() = %s; want %s (the rules with the taxonomy)", got, want)
	}
	// one lexicon row loses a role: 压减 is no longer a growth cue
	edited := strings.Replace(string(lex.Bytes()), "压减\tgrowth delta", "压减\tdelta", 1)
	if edited == string(lex.Bytes()) {
		t.Fatal("the row of 压减 is not written as expected")
	}
	if _, err := lexicon.Parse([]byte(edited)); err != nil {
		t.Fatalf("the edited lexicon does not parse: %v", err)
	}
	if got := RulesHash(Rules, []byte(edited), segment.UserDict()); got == base {
		t.Errorf("RulesHash after editing the row of 压减 = %s, unchanged", got)
	}
	rules := append([]Rule(nil), Rules...)
	for i := range rules {
		if rules[i].Yield == Fixed {
			rules[i].FixedCue += "x"
			break
		}
	}
	if got := RulesHash(rules, lex.Bytes(), segment.UserDict()); got == base {
		t.Errorf("RulesHash after changing a fixed rule's cue = %s, unchanged", got)
	}
	ph := placeholders()
	if got := rulesHashWith(Rules, ph, lex.Bytes(), segment.UserDict()); got != base {
		t.Errorf("rulesHashWith the placeholders = %s; want RulesHash's %s", got, base)
	}
	ph["{MULT}"] = `[十百千万亿]{0,3}`
	if got := rulesHashWith(Rules, ph, lex.Bytes(), segment.UserDict()); got == base {
		t.Errorf("RulesHash after changing {MULT} = %s, unchanged", got)
	}
	if got := RulesHash(Rules, lex.Bytes(), append(segment.UserDict(), "新词 1000 n\n"...)); got == base {
		t.Errorf("RulesHash after adding a dictionary word = %s, unchanged", got)
	}
	old := normalize.BaseUnits[0].Exp
	normalize.BaseUnits[0].Exp = 1
	defer func() { normalize.BaseUnits[0].Exp = old }()
	if got := RulesHash(Rules, lex.Bytes(), segment.UserDict()); got == base {
		t.Errorf("RulesHash after changing the factor of %s = %s, unchanged", normalize.BaseUnits[0].Text, got)
	}
}

// TestFixedRuleExact checks that a fixed rule's value is read exactly (no
// float64 in between) and that a value that is not a decimal names the rule.
func TestFixedRuleExact(t *testing.T) {
	rs, err := compileRules(Rules)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs.rules {
		if r.ID == "two-digit" && r.high.Cmp(big.NewRat(9999, 100)) != 0 {
			t.Errorf("rule two-digit high = %s; want 9999/100 exactly", r.high.RatString())
		}
	}
	bad := append([]Rule(nil), Rules...)
	for i := range bad {
		if bad[i].ID == "double" {
			bad[i].High = "百"
		}
	}
	if _, err := compileRules(bad); err == nil || !strings.Contains(err.Error(), "rule double") {
		t.Errorf("compileRules with High \"百\" = %v; want an error naming rule double", err)
	}
}

// TestRuneClasses sweeps every character below U+20000: the class table
// says what the strings and the unit table it was built from say.
func TestRuneClasses(t *testing.T) {
	starts := map[rune]bool{}
	for _, u := range normalize.BaseUnits {
		starts[[]rune(u.Text)[0]] = true
	}
	for r := rune(0); r < 0x20000; r++ {
		numeral := strings.ContainsRune(normalize.ChineseNumeralClass+"萬億", r)
		if got := isChineseNumeral(r); got != numeral {
			t.Errorf("isChineseNumeral(%U %q) = %v; want %v", r, r, got, numeral)
		}
		if got := unitStart(r); got != starts[r] {
			t.Errorf("unitStart(%U %q) = %v; want %v", r, r, got, starts[r])
		}
		if got, want := classOf(r)&phraseMarkClass != 0, strings.ContainsRune(phraseMarks, r); got != want {
			t.Errorf("phrase mark %U %q: %v; want %v", r, r, got, want)
		}
		if got, want := classOf(r)&leadingTimeFirstClass != 0, strings.ContainsRune(leadingTimeFirst, r); got != want {
			t.Errorf("leadingTimeFirst %U %q: %v; want %v", r, r, got, want)
		}
		if got, want := isClauseMark(r), normalize.IsClauseMark(r); got != want {
			t.Errorf("isClauseMark(%U %q) = %v; want %v", r, r, got, want)
		}
		for _, p := range []rune{'1', '一', '十', '百', 'a'} {
			want := r >= '0' && r <= '9' && p >= '0' && p <= '9' ||
				strings.ContainsRune("一二三四五六七八九十", r) && strings.ContainsRune("一二三四五六七八九十", p)
			if got := insideRun(p, r); got != want {
				t.Errorf("insideRun(%q, %U %q) = %v; want %v", p, r, r, got, want)
			}
		}
	}
}

// plainPlaceholders are the placeholders written the obvious way, before
// they were tuned for fewer regexp2 steps: the tuned ones must match
// exactly what these match (TestTunedRulesEqualPlain).
func plainPlaceholders() map[string]string {
	ph := placeholders()
	longest := 0
	for _, u := range baseUnitTexts() {
		longest = max(longest, utf8.RuneCountInString(u))
	}
	ph["{RANGE_AHEAD}"] = fmt.Sprintf(`(?>[十百千万亿]*)[^\s\-~至到]{0,%d}\s*(?:-|~|至|到)`, longest)
	ph["{NUM}"] = `\d(?<!\d\d|\d[.,]\d)(?>\d*(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)`
	ph["{POST}"] = normalize.BoundPattern(false)
	return ph
}

// plainRules are Rules with the patterns of the rules tuned for fewer
// regexp2 steps written the obvious way: without the quick tests ahead
// ({DATE_AHEAD}, {COUNT_AHEAD}, {CN_RANGE_AHEAD}, {BARE_AHEAD},
// {THRESHOLD_AHEAD}), the whole run of digits
// read once for all the codes, the programme words a flat list.
func plainRules() []Rule {
	plain := map[string]string{
		"reject-date":        `{RUN}个月|{D1}\d{3}\s*年(?:\d{1,2}\s*月(?:\d{1,2}\s*日)?)?|{D1}\d?\s*月\s*\d{1,2}\s*日|{D1}\d{3}-\d{1,2}-\d{1,2}|{D1}\d?\s*月(?:底|末|份|中旬|上旬|下旬|前|初)?`,
		"reject-code":        `PM\s*2\.5|PM10|{RUN}\s*G(?![a-z])|{RUN}A级|{RUN}\s*(?:千伏|kV|KV)|{D1}\d{4}(?>\d*)\s*(?:热线|平台|服务)|{RUN}\s*\+\s*(?:\d+|[A-Z])|[A-Z]{1,5}\d+`,
		"reject-named-count": `[\d一二三四五六七八九十两](?<![\d一二三四五六七八九十两]{2})(?>[\d一二三四五六七八九十两]*)(?:大|个方面|方面|年攻坚|年行动|年计划|项行动|大行动|个一(?!般|体|流|级|线|类|站|次)|件实事|件事|条措施|条意见|条政策|条控制线|条红线|条底线|个(?<!\d个)专项|天工作制|个现代化)|{RUN}条(?=等|政策|措施|意见|”|")`,
	}
	rules := append([]Rule(nil), Rules...)
	for i, r := range rules {
		if p, ok := plain[r.ID]; ok {
			rules[i].Pattern = p
		}
		for _, ahead := range []string{"(?={CN_RANGE_AHEAD})", "(?={THRESHOLD_AHEAD})"} {
			rules[i].Pattern = strings.Replace(rules[i].Pattern, ahead, "", 1)
		}
		if p, ok := strings.CutPrefix(rules[i].Pattern, "(?={BARE_AHEAD})(?:"); ok {
			rules[i].Pattern = strings.TrimSuffix(p, ")")
		}
	}
	return rules
}

// TestTunedRulesEqualPlain compiles the rules as tuned and written
// plainly (plainRules, plainPlaceholders) and compares, at every position
// of every window of the corpus, the development set, odd texts and the
// hostile families, the rule that matches and the span of every group.
func TestTunedRulesEqualPlain(t *testing.T) {
	tuned, err := compileRules(Rules)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range plainRules() {
		if strings.Contains(r.Pattern, "_AHEAD}") && r.ID != "range" {
			t.Fatalf("rule %s still has a quick test ahead in its plain form: %s", r.ID, r.Pattern)
		}
	}
	plain, err := compileRulesWith(plainRules(), plainPlaceholders(), plainPlaceholders())
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"增长６．５％，新增𝟏𝟎家，“两个100%”，第十九届，PM2.5，３-５个，由2.3%提高到2.5%，翻一番，保持两位数增长，三千瓦，一万亩。",
		"1,234万元、1,2345吨、12,345.6亿元以上、1,23个、3.5-4.5%左右、3 - 5万千瓦、8至10亿元以内、5千瓦时~6千瓦时、2万多名、1.2.3个",
		"2024 年，12 月 9 日，2024年1月，6月底，12个月，1-2-3，2022-01-30，123个月，5 G，5Gb，4A级，110 千伏，12345 热线，1234热线，3 + 2，5+N，ABCDEF12",
		"九大政策，八个方面，三年攻坚行动，十大行动，6大集群，五天工作制，四个现代化，抓好三件事，两件实事，十条措施，5条政策，5条”，八个一，三个专项",
		"3000万贫困人口，近6000万低保人员，贫困人口减少6800多万，员额30万任务，人口1.5万，人次2,000万、5.万人口，过5亿元项目，5000万元以上企业，1.2亿美元以上产业，3千万元以下工程，5万万元以上项目",
		"二百八十万到三百万千瓦，三至五个，一千瓦到二千瓦，一点五至二点五倍，三十到，十万 到二十万，一二三四五六七八九十百千万亿一二三四五六七八九十百千万亿一二三千瓦至五千瓦",
		"10家以上，6.5%左右，不少于70项，3400多万人次，100万元以下的，5%以内，1-2个百分点以上，一万亩左右，",
	}
	for _, h := range hostile {
		texts = append(texts, h.text(64))
	}
	docs := append(append(textDocs(texts...), corpusDocs(t)...), devDocs(t)...)
	describe := func(m ruleMatch, r *compiledRule) string {
		if r == nil {
			return "none"
		}
		out := fmt.Sprintf("%s%v@%d+%d", r.ID, r.ID != "", m.start, m.end-m.start)
		// by name: the group numbers are each pattern's own
		for k, g := range m.groups {
			if g.end > g.start {
				out += fmt.Sprintf(" %s@%d+%d", groupNames[k], g.start, g.end-g.start)
			}
		}
		return out
	}
	checked := 0
	for _, sr := range sentencesOf(docs) {
		for _, w := range appendWindows(nil, sr) {
			ws := sr[w.start:w.end]
			for at := range ws {
				m1, r1, err1 := tuned.matchAt(ws, at)
				m2, r2, err2 := plain.matchAt(ws, at)
				if err1 != nil || err2 != nil {
					t.Fatal(err1, err2)
				}
				if got, want := describe(m1, r1), describe(m2, r2); got != want {
					t.Fatalf("in %q at %d: tuned rules %s, plain %s", string(ws), at, got, want)
				}
				checked++
			}
		}
	}
	if checked < 10000 {
		t.Fatalf("checked %d positions; want the corpus's windows (> 10000)", checked)
	}
}

// TestLastWordsEndTheQuantityRules checks that lastWords finds the word
// lists that end the quantity rules: what it saves rests on how the
// patterns end, which an edit of a rule could change unseen (the rule
// would still match the same, with the slower tries).
func TestLastWordsEndTheQuantityRules(t *testing.T) {
	ph := placeholders()
	if p, _ := lastWords(Rules[0].Pattern+"(?<post>{POST})?", ph); p != Rules[0].Pattern+"(?<post>{POST})?" {
		t.Error("lastWords rewrote a pattern for placeholders without lastWordLists")
	}
	maps.Copy(ph, lastWordLists())
	for _, id := range []string{"range", "mixed-point", "point", "decimal-years", "cn-percent", "cn-range", "cn-point", "reject-capacity"} {
		i := slices.IndexFunc(Rules, func(r Rule) bool { return r.ID == id })
		if i < 0 {
			t.Fatalf("no rule %s", id)
		}
		if p := Rules[i].Pattern; func() bool { last, _ := lastWords(p, ph); return last == p }() {
			t.Errorf("rule %s: lastWords finds no word list at its end: %s", id, p)
		}
	}
}

// TestLeadNumber: the rules that start with their number start with
// {NUM_LEAD}, and candidates leaves them out where {NUM}'s look-behind
// fails (inside a number), and only there. TestTunedRulesEqualPlain
// compares what they match with the plain {NUM}.
func TestLeadNumber(t *testing.T) {
	rs, err := compileRules(Rules)
	if err != nil {
		t.Fatal(err)
	}
	var lead []string
	for i, r := range rs.rules {
		if rs.numberLead&(1<<i) != 0 {
			lead = append(lead, r.ID)
		}
	}
	if want := []string{"range", "point", "decimal-years"}; !slices.Equal(lead, want) {
		t.Fatalf("rules starting with {NUM_LEAD}: %v; want %v", lead, want)
	}
	for _, c := range []struct {
		text string
		at   int
		lead bool // the rules of numberLead are candidates
	}{{"增长6.5%", 2, true}, {"增长6.5%", 4, false}, {"1,234万元", 2, false}, {"a,5万元", 2, true}, {".5万元", 1, true}, {"增长65%", 3, false}} {
		got := rs.candidates([]rune(c.text), c.at)&rs.numberLead == rs.numberLead
		if got != c.lead {
			t.Errorf("%q at %d: the lead-number rules are candidates: %v; want %v", c.text, c.at, got, c.lead)
		}
	}
}

// TestLeanCapturesMatchTheSame compiles each rule whose pattern
// leanCaptures rewrites (its groups, and the guard of the multipliers
// after a number) both ways and compares, at every position of the
// windows of the corpus, the development set, odd texts and the hostile
// families, the span of the match and of every group that captured
// something: what read reads (group takes an empty group for none).
func TestLeanCapturesMatchTheSame(t *testing.T) {
	ph := placeholders()
	type pair struct {
		id         string
		full, lean *regexp2.Regexp
	}
	var pairs []pair
	for _, r := range Rules {
		full := expand(r.Pattern, ph)
		lean := leanCaptures(full)
		if lean == full {
			continue
		}
		pairs = append(pairs, pair{r.ID, regexp2.MustCompile(`\G(?:`+full+`)`, ruleOptions...), regexp2.MustCompile(`\G(?:`+lean+`)`, ruleOptions...)})
	}
	if len(pairs) < 10 {
		t.Fatalf("leanCaptures rewrites %d rules; want the quantity rules (at least 10)", len(pairs))
	}
	describe := func(m *regexp2.Match) string {
		if m == nil {
			return "none"
		}
		out := fmt.Sprintf("%d+%d", m.RuneIndex, m.RuneLength)
		var groups []string
		for _, g := range m.Groups()[1:] {
			if g.RuneLength > 0 {
				groups = append(groups, fmt.Sprintf(" %s@%d+%d", g.Name, g.RuneIndex, g.RuneLength))
			}
		}
		slices.Sort(groups)
		return out + strings.Join(groups, "")
	}
	texts := []string{
		"1万6千多户，2万5千公里，3亿5千万元，3-5万亩，8至10亿元，500-1万元，2万多名，3400多万人次，5千瓦时，3万千瓦，1千万千瓦，5十百千万亿元，5百千万亿千瓦",
		"几千万人，数十家，几百万吨，三亿三千五百万人，三千八百多万人，二百八十万到三百万千瓦，百分之三十六点五，千分之五，由2.3%提高到2.5%，从9000多公里增加到1万公里",
		"收入倍差从1.96缩小至1.81，城乡居民收入比缩小至2.31:1，平均受教育年限提高到10.5年，3000万贫困人口，贫困人口减少6800多万，",
	}
	for _, h := range hostile {
		texts = append(texts, h.text(64))
	}
	docs := append(append(textDocs(texts...), corpusDocs(t)...), devDocs(t)...)
	matched := 0
	for _, sr := range sentencesOf(docs) {
		for _, w := range appendWindows(nil, sr) {
			ws := sr[w.start:w.end]
			for at := range ws {
				for _, p := range pairs {
					m1, err1 := p.full.FindRunesMatchStartingAt(ws, at)
					m2, err2 := p.lean.FindRunesMatchStartingAt(ws, at)
					if err1 != nil || err2 != nil {
						t.Fatal(err1, err2)
					}
					if got, want := describe(m2), describe(m1); got != want {
						t.Fatalf("rule %s in %q at %d: lean captures %s, as written %s", p.id, string(ws), at, got, want)
					}
					if m1 != nil {
						matched++
					}
				}
			}
		}
	}
	if matched < 5000 {
		t.Fatalf("%d matches compared; want the corpus's (> 5000)", matched)
	}
}

// TestBMPMasksListFirstChars checks bmpMasks, which lists each rule's first
// characters, against testing every character of the BMP against each
// rule's set.
func TestBMPMasksListFirstChars(t *testing.T) {
	rs, err := compileRules(Rules)
	if err != nil {
		t.Fatal(err)
	}
	masks := rs.bmpMasks()
	for c := range rune(0x10000) {
		want := rs.any
		for i, r := range rs.rules {
			if r.first != nil && r.first.PrefixSet.Contains(c) {
				want |= 1 << i
			}
		}
		if masks[c] != want {
			t.Errorf("%q (%U): got rules %b, want %b", c, c, masks[c], want)
		}
	}
}

// BenchmarkNew compiles the rule set as every run does once at start-up
// (New without a segmenter: the dictionaries load on their own thread).
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFirstCharsOfShortPatterns checks that each rule's pattern expanded
// with firstCharPlaceholders (the word lists as classes of their first
// characters) starts with the same characters, by regexp2's analysis
// (firstChars), as the pattern expanded with placeholders, and that the
// patterns are far shorter (a quarter, at present; at most half): for
// that compileRules takes the first characters from them.
func TestFirstCharsOfShortPatterns(t *testing.T) {
	ph, short := placeholders(), firstCharPlaceholders()
	full, shortLen := 0, 0
	for _, r := range Rules {
		p, q := leanCaptures(expand(r.Pattern, ph)), leanCaptures(expand(r.Pattern, short))
		full, shortLen = full+len(p), shortLen+len(q)
		want, err := firstChars(p)
		if err != nil {
			t.Fatalf("rule %s: %v", r.ID, err)
		}
		got, err := firstChars(q)
		if err != nil {
			t.Fatalf("rule %s, short pattern: %v", r.ID, err)
		}
		if (got == nil) != (want == nil) {
			t.Errorf("rule %s: first characters %v from the short pattern, %v from the pattern", r.ID, got, want)
			continue
		}
		if want == nil {
			continue
		}
		if got.PrefixSet.String() != want.PrefixSet.String() || got.CaseInsensitive != want.CaseInsensitive {
			t.Errorf("rule %s: first characters %s (case-insensitive %v) from the short pattern, %s (%v) from the pattern",
				r.ID, got.PrefixSet.String(), got.CaseInsensitive, want.PrefixSet.String(), want.CaseInsensitive)
		}
	}
	if shortLen*2 > full {
		t.Errorf("short patterns: %d bytes, the patterns %d; want at most half", shortLen, full)
	}
	t.Logf("%d rules: patterns %d bytes, short patterns %d", len(Rules), full, shortLen)
}

// TestTrieFirsts checks trieFirsts against the first characters of
// trieRegex's trie, by regexp2's analysis, for word lists with classes'
// special characters.
func TestTrieFirsts(t *testing.T) {
	for _, words := range [][]string{
		{"万元", "元", "亿元", "千瓦时", "千米"},
		{"-吨", "]x", "^度", `\秒`, "[件", "个"},
		{"", "个"},
		{},
	} {
		want, err := firstChars(trieRegex(words))
		if err != nil {
			t.Fatal(err)
		}
		got, err := firstChars(trieFirsts(words))
		if err != nil {
			t.Fatal(err)
		}
		if (got == nil) != (want == nil) || got != nil && got.PrefixSet.String() != want.PrefixSet.String() {
			t.Errorf("words %q: trieFirsts starts with %v, trieRegex with %v", words, got, want)
		}
	}
}

// TestWordListsAfter compares boundAfter and unitAfter with the patterns
// they stand for, (?<post>{POST})? and (?<unit>{UNIT}) where nothing
// follows them, at every position of the bundled reports' and the
// development set's sentences and of odd texts.
func TestWordListsAfter(t *testing.T) {
	docs := append(append(textDocs("1.5万吨及以上，10%或者更多，3家以上以下，5个以", "或更", "之", "5千瓦时，5千瓦，5千，3人次/天，3人次/，ug/m3，ug/m，TE"), corpusDocs(t)...), devDocs(t)...)
	sents := sentencesOf(docs)
	for _, tt := range []struct {
		name    string
		at      func([]rune, int) int
		pattern string
	}{
		{"boundAfter", boundAfter, normalize.BoundPattern(false)},
		{"unitAfter", unitAfter, placeholders()["{UNIT}"]},
	} {
		re := regexp2.MustCompile(`\G(?:`+tt.pattern+`)`, ruleOptions...)
		found := 0
		for _, s := range sents {
			for i := range len(s) + 1 {
				want := 0
				if m, err := re.FindRunesMatchStartingAt(s, i); err != nil {
					t.Fatal(err)
				} else if m != nil {
					want = m.RuneLength
				}
				if got := tt.at(s, i); got != want {
					t.Fatalf("in %q at %d: %s %d, the pattern %d", string(s), i, tt.name, got, want)
				}
				if want > 0 {
					found++
				}
			}
		}
		if found < 100 {
			t.Fatalf("%s: %d words found; want the corpus's (> 100)", tt.name, found)
		}
	}
}

// TestNumberEnd compares numberEnd with {NUM_LEAD} as regexp2 matches it,
// at every position of the bundled reports' and the development set's
// sentences and of random runs of digits, points, commas and others.
func TestNumberEnd(t *testing.T) {
	re := regexp2.MustCompile(`\G(?:`+numberPlaceholders()["{NUM_LEAD}"]+`)`, ruleOptions...)
	texts := sentencesOf(append(corpusDocs(t), devDocs(t)...))
	rng := rand.New(rand.NewPCG(35, 2026))
	for range 20000 {
		s := make([]rune, 1+rng.IntN(12))
		for k := range s {
			s[k] = []rune("0123456789..,,，a万")[rng.IntN(16)]
		}
		texts = append(texts, s)
	}
	numbers := 0
	for _, s := range texts {
		for i := range s {
			want := -1
			if m, err := re.FindRunesMatchStartingAt(s, i); err != nil {
				t.Fatal(err)
			} else if m != nil {
				want = i + m.RuneLength
				numbers++
			}
			if got := numberEnd(s, i); got != want {
				t.Fatalf("in %q at %d: numberEnd %d, the pattern %d", string(s), i, got, want)
			}
		}
	}
	if numbers < 10000 {
		t.Fatalf("%d numbers; want the corpus's and more (> 10000)", numbers)
	}
}

// TestQuantityAt compares quantityAt with the pattern of point, the rule
// it reads, compiled as a tuned rule is, at every position of random runs
// of digits, multipliers, 多 and 余, units and bound words (the bundled
// reports and the development set are compared by
// TestTunedRulesEqualPlain).
func TestQuantityAt(t *testing.T) {
	var k int
	for i, r := range Rules {
		if r.Pattern == quantityWhole {
			k = i
		}
	}
	rs, err := compileRules(Rules)
	if err != nil {
		t.Fatal(err)
	}
	if rs.wholeQuantity != 1<<k {
		t.Fatalf("wholeQuantity %b; want rule %d alone (%s)", rs.wholeQuantity, k, Rules[k].ID)
	}
	p, err := rs.compiledPattern(k)
	if err != nil {
		t.Fatal(err)
	}
	pieces := []string{"1", "23", ".5", ",000", "十", "百", "千", "万", "亿", "千万亿", "十百千万", "多", "余", "个", "元", "%", "千瓦", "瓦", "时", "千米", "百分点", "分", "人次", "次", "以上", "左右", "，", "a"}
	rng := rand.New(rand.NewPCG(35, 18))
	matched := 0
	for range 50000 {
		var b strings.Builder
		for n := 1 + rng.IntN(8); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := []rune(b.String())
		for i := range s {
			want, ok := patternAt(t, p, s, i)
			if ok {
				if n := boundAfter(s, want.end); n > 0 {
					want.groups[gPost] = span{want.end, want.end + n}
					want.end += n
				}
				matched++
			}
			got, gotOK := quantityAt(s, i)
			if gotOK != ok || got != want {
				t.Fatalf("in %q at %d: quantityAt %v %+v, the pattern %v %+v", string(s), i, gotOK, got, ok, want)
			}
		}
	}
	t.Logf("%d matches", matched)
	if matched < 10000 {
		t.Fatalf("%d matches; want more (> 10000)", matched)
	}
}

// TestChineseAtUnits checks what chineseAt takes for granted: after a
// point and its digits it tries neither fewer digits nor the run without
// them, where regexp2 would, since what the digits or the point would then
// start is a multiplier, 多 or 余, or a unit, and none of those starts with
// 点, 點 or a digit of a point (a unit that did, such as 点 itself, would
// make chineseAt miss matches regexp2 finds).
func TestChineseAtUnits(t *testing.T) {
	const starts = "点點零〇一二三四五六七八九"
	for _, u := range baseUnitTexts() {
		if r := []rune(u)[0]; strings.ContainsRune(starts, r) {
			t.Errorf("unit %q starts with %c: chineseAt must try fewer point digits, or none", u, r)
		}
	}
	for _, r := range strings.Trim(multiplierClass, "[]") + "多余" {
		if strings.ContainsRune(starts, r) {
			t.Errorf("multiplier or 多/余 %c is a point or a digit of one", r)
		}
	}
}

// patternAt is what quantityAt and chineseAt are checked against: the
// match of p's regexp2 pattern at i, if any, with its span and the groups
// a rule match keeps (the bound word after it left to the caller).
func patternAt(t *testing.T, p *anchoredPattern, s []rune, i int) (ruleMatch, bool) {
	t.Helper()
	var m ruleMatch
	ok := false
	err := p.re.FindRunesMatches(s, i, func(v regexp2.MatchView) bool {
		start, n, _ := v.GroupRange(0)
		m.span = span{start, start + n}
		for _, g := range p.nums {
			if start, n, ok := v.GroupRange(g.num); ok && n > 0 {
				m.groups[g.k] = span{start, start + n}
			}
		}
		ok = true
		return false
	})
	if err != nil {
		t.Fatal(err)
	}
	return m, ok
}

// TestChineseAt checks chineseAt against cn-point's pattern compiled by
// regexp2 (with the bound word after it, as matchRule reads it), at every
// position of random text of numerals, points, multipliers, units (some
// starting with a numeral: 千瓦, 百分点), bound words and other
// characters, and of every window of the corpus and the development set:
// the same match or none, with the same groups.
func TestChineseAt(t *testing.T) {
	rs, err := compileRules(Rules)
	if err != nil {
		t.Fatal(err)
	}
	k := slices.IndexFunc(Rules, func(r Rule) bool { return r.ID == "cn-point" })
	if k < 0 || rs.wholeChinese != 1<<k {
		t.Fatalf("wholeChinese %b; want rule %d alone (cn-point)", rs.wholeChinese, k)
	}
	p, err := rs.compiledPattern(k)
	if err != nil {
		t.Fatal(err)
	}
	regexpAt := func(s []rune, i int) (ruleMatch, bool) {
		m, ok := patternAt(t, p, s, i)
		if ok && p.readsPost {
			m.addBoundAfter(s)
		}
		return m, ok
	}
	matched := 0
	check := func(s []rune) {
		for i := range s {
			want, ok := regexpAt(s, i)
			if ok {
				matched++
			}
			if got, gotOK := chineseAt(s, i); gotOK != ok || got != want {
				t.Fatalf("in %q at %d: chineseAt %v %+v, the pattern %v %+v", string(s), i, gotOK, got, ok, want)
			}
		}
	}
	pieces := []string{"一", "两", "三", "零", "〇", "九", "十", "百", "千", "万", "亿", "萬", "億", "点", "點", "多", "余",
		"个", "元", "倍", "成", "千瓦", "千米", "百分点", "瓦", "时", "人次", "以上", "左右", "，", "的", "批", "a", "5"}
	rng := rand.New(rand.NewPCG(36, 5))
	for range 50000 {
		var b strings.Builder
		for n := 1 + rng.IntN(10); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check([]rune(b.String()))
	}
	check([]rune(strings.Repeat("三", 30) + "个，" + strings.Repeat("三", 25) + "个，" + strings.Repeat("九", 25) + "千瓦，" + strings.Repeat("五", 24) + "个，三点" + strings.Repeat("五", 13) + "个，三点" + strings.Repeat("五", 12) + "个"))
	random := matched
	for _, sr := range sentencesOf(append(corpusDocs(t), devDocs(t)...)) {
		for _, w := range appendWindows(nil, sr) {
			check(sr[w.start:w.end])
		}
	}
	t.Logf("%d matches in random text, %d in the corpus", random, matched-random)
	if random < 10000 || matched-random < 100 {
		t.Fatalf("%d matches in random text, %d in the corpus; want more", random, matched-random)
	}
}

// TestLeanExpand checks that leanExpand, which expands the word lists
// after leanCaptures, gives leanCaptures(expand(…)) of every rule's
// pattern, as written and as compileRules rewrites its end (lastWords),
// with the placeholders, the first-character ones, the plain ones and
// compileRules' (with the last words and the leading number).
func TestLeanExpand(t *testing.T) {
	ph, first, plain := placeholders(), firstCharPlaceholders(), plainPlaceholders()
	last := maps.Clone(ph) // compileRules' placeholders
	maps.Copy(last, lastWordLists())
	maps.Copy(last, numberPlaceholders())
	for _, r := range append(Rules, plainRules()...) {
		lead, _ := leadNumber(r.Pattern, last)
		ending, _ := lastWords(lead, last)
		for _, p := range []string{r.Pattern, lead, ending} {
			for _, m := range []map[string]string{ph, first, plain, last} {
				if got, want := leanExpand(p, m), leanCaptures(expand(p, m)); got != want {
					t.Fatalf("rule %s: leanExpand(%s) = %s, want %s", r.ID, p, got, want)
				}
			}
		}
	}
}
