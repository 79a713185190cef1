package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
)

// TestGatesFitTheirRules checks that every gate names a rule of Rules and
// the pattern it was written for: a gate whose rule changed is not used,
// and must be checked against the new pattern (then its Pattern set to
// the sum this test prints).
func TestGatesFitTheirRules(t *testing.T) {
	byID := map[string]Rule{}
	for _, r := range Rules {
		byID[r.ID] = r
	}
	compiled, err := compileGates(Rules)
	if err != nil {
		t.Fatal(err)
	}
	used := 0
	for _, g := range compiled {
		if g != nil {
			used++
		}
	}
	for _, g := range gates {
		r, ok := byID[g.Rule]
		if !ok {
			t.Errorf("gate of rule %s: no such rule", g.Rule)
			continue
		}
		if got := patternSum(r.Pattern); got != g.Pattern {
			t.Errorf("gate of rule %s: written for pattern %s, the rule's is %s: check the gate against the pattern, then set Pattern to %q", g.Rule, g.Pattern, got, got)
		}
	}
	if used != len(gates) {
		t.Errorf("%d of %d gates fit their rules; want all", used, len(gates))
	}
}

// TestGateClasses checks that every class of the gates reads as regexp2
// reads it in the rules (ruleOptions: \d is ASCII digits, \s ASCII space),
// for every character of the BMP and a few beyond, and that parseClass
// refuses what it does not read.
func TestGateClasses(t *testing.T) {
	classes := []string{`[\d\s]`, `[^\-~至到]`, `强`, `\d`}
	for _, g := range gates {
		classes = append(classes, g.On, g.Skip, g.Need, g.Then, g.BehindSkip, g.Behind)
		for _, class := range g.After {
			classes = append(classes, class)
		}
	}
	for _, class := range classes {
		if class == "" {
			continue
		}
		class = expandGateClass(class, gateClassPlaceholders())
		cc, err := parseClass(class)
		if err != nil {
			t.Fatal(err)
		}
		re := regexp2.MustCompile(`^`+class+`$`, ruleOptions...)
		for c := rune(0); c < 0x10000+256; c++ {
			if c >= 0xd800 && c < 0xe000 {
				continue // surrogates: not characters
			}
			want, _ := re.MatchRunes([]rune{c})
			if got := cc.has(c); got != want {
				t.Fatalf("class %s, %q (%U): parseClass says %v, regexp2 %v", class, c, c, got, want)
			}
		}
	}
	for _, bad := range []string{"[", "[a-z]", "ab", `[\w]`, "[]]"} {
		if _, err := parseClass(bad); err == nil {
			t.Errorf("parseClass(%q) gave no error; want one", bad)
		}
	}
}

// gateTexts returns the texts the gate tests read: every sentence of the
// bundled reports and the development set, the rules' own examples, and
// random text made of the characters of the rules' patterns.
func gateTexts(t *testing.T) [][]rune {
	docs := append(corpusDocs(t), devDocs(t)...)
	var examples []string
	for _, r := range Rules {
		examples = append(examples, r.Doc)
	}
	examples = append(examples,
		"12 3年，2024 年，5 G，110 千伏，12345 热线，12345平台，123456 服务，3 + 2，A12345热线，一2强，二十强，1十大，5万3元，5万元以上项目，1.2亿美元以上产业，3千万元以下工程，超5亿元项目，过5亿元项目",
		"1.5万人口，人口1.5万，5.万人口，3-5万亩，3 ~ 5千瓦，三至五个，二百八十万到三百万千瓦，“两个100%”，“3510”，“人才金政50条”，\"两个100%\"，‘3510’，「人才金政50条」，《2035年远景目标》，“四新”经济增长8%",
		"1万6千多户，2万5千公里，3亿5千万元，第十九届，前十，前40名，全国前40",
		"12个月，3个项目，3个方面，八个一，5个专项，四个现代化，5年攻坚，3年行动，3年计划，5年来，3项行动，3项工作，2件实事，5件事，10条措施，3条意见，50条”，5条政策，3条道路，5天工作制，5天内，2022-01-30，2022-1，2022-",
		"3万多人口，5万人口，3万左右农业转移人口，人口3万，人口3万任务，3万元，5万吨，3多万人，3余万游客，三个百分点，五十万千瓦，三点五亿元，一万多亩，二百四十多个，三千八百多万人次，五成，一点八倍，十一点，三年，一体化，七千伏安",
		"年产20万吨，年产能力5000吨，年产 3万吨，年生产100台，年处理5000吨，日处理300吨，日产5吨，年加工2万吨，年吞吐300万标箱，年出栏10万头，年存栏5万头，年产值，日处，几十万人，数百家，数以万计，几个，几年")
	// every unit after a number, with its numerals, and cut short by one
	// character (the gate of cn-point reads the unit whole)
	var units []string
	for _, u := range baseUnitTexts() {
		cut := string([]rune(u)[:utf8.RuneCountInString(u)-1])
		units = append(units, "3"+u, "三"+u, "3万"+u+"以上", "3"+cut+"，", "三"+cut+"的")
	}
	examples = append(examples, strings.Join(units, "，"))
	docs = append(docs, textDocs(examples...)...)
	texts := sentencesOf(docs)

	// random text: runs of digits and numerals, and characters of the
	// patterns (units, bound words, marks), so that every gate meets its
	// Skip and Need characters and their neighbours in every order
	ph := placeholders()
	var alphabet []rune
	seen := map[rune]bool{}
	for _, r := range Rules {
		for _, c := range expand(r.Pattern, ph) {
			if !seen[c] {
				seen[c] = true
				alphabet = append(alphabet, c)
			}
		}
	}
	alphabet = append(alphabet, []rune(" \t\n，。；、年月个大强元美万亿多余到至-~GAkK+增长")...)
	rng := rand.New(rand.NewPCG(18, 2026))
	for range 20000 {
		var b strings.Builder
		for n := 1 + rng.IntN(8); n > 0; n-- {
			switch rng.IntN(4) {
			case 0:
				for k := 1 + rng.IntN(6); k > 0; k-- {
					b.WriteByte(byte('0' + rng.IntN(10)))
				}
			case 1:
				b.WriteRune([]rune("一二三四五六七八九十两百千万亿零点")[rng.IntN(17)])
			default:
				b.WriteRune(alphabet[rng.IntN(len(alphabet))])
			}
		}
		texts = append(texts, []rune(b.String()))
	}
	return texts
}

// TestGatesNeverRefuseAMatch tries each gated rule alone, compiled as the
// rule set compiles it, at every position of the texts where its gate
// refuses it: it must not match there. It also checks that a window's
// remembered scans (gateScan) give what a fresh scan gives, and that each
// gate refuses somewhere (it does something) and passes where its rule
// matches.
func TestGatesNeverRefuseAMatch(t *testing.T) {
	rs, err := compileRules(Rules)
	if err != nil {
		t.Fatal(err)
	}
	texts := gateTexts(t)
	for k, g := range rs.gates {
		if g == nil {
			continue
		}
		re, err := regexp2.Compile(`\G(?:`+rs.patterns[k]+`)`, ruleOptions...)
		if err != nil {
			t.Fatal(err)
		}
		refused, matched := 0, 0
		for _, s := range texts {
			var gs gateScan
			gs.reset(len(rs.rules))
			for i := range s {
				var fresh gateScan
				fresh.reset(len(rs.rules))
				ok := g.admits(s, i, &gs, k)
				if fok := g.admits(s, i, &fresh, k); ok != fok {
					t.Fatalf("gate of %s in %q at %d: %v after the window's earlier scans, %v alone", g.Rule, string(s), i, ok, fok)
				}
				if ok {
					if matched < 50 {
						// a few calls, to see that matches do pass
						if m, _ := re.FindRunesMatchStartingAt(s, i); m != nil {
							matched++
						}
					}
					continue
				}
				refused++
				if m, err := re.FindRunesMatchStartingAt(s, i); err != nil || m != nil {
					t.Fatalf("gate of %s refuses %q at %d, where the rule matches %v (err %v)", g.Rule, string(s), i, m, err)
				}
			}
		}
		if refused == 0 || matched == 0 {
			t.Errorf("gate of %s: refused %d positions, passed %d matches; want some of each", g.Rule, refused, matched)
		}
	}
}

// TestEveryRuleCompiles compiles the pattern of every rule, which
// compileRules leaves to the first position that needs it: a pattern
// regexp2 refused would otherwise fail only on the input that first meets
// it.
func TestEveryRuleCompiles(t *testing.T) {
	rs, err := compileRules(Rules)
	if err != nil {
		t.Fatal(err)
	}
	for k, r := range rs.rules {
		p, err := rs.compiledPattern(k)
		if err != nil {
			t.Fatalf("rule %s: %v", r.ID, err)
		}
		if p == nil || p.re == nil {
			t.Fatalf("rule %s: none compiled", r.ID)
		}
	}
}

// TestGateTail checks that the Tail gate of reject-threshold reads its
// words from the rule's pattern, and what it admits there.
func TestGateTail(t *testing.T) {
	rs, err := compileRules(Rules)
	if err != nil {
		t.Fatal(err)
	}
	k := slices.IndexFunc(rs.rules, func(r compiledRule) bool { return r.ID == "reject-threshold" })
	g := rs.gates[k]
	if g == nil || g.tailNext == nil {
		t.Fatal("reject-threshold has no Tail gate")
	}
	if len(g.tailWords) != 2 || string(g.tailWords[0]) != "以上" || string(g.tailWords[1]) != "以下" {
		t.Errorf("tail words %q, want 以上 以下", g.tailWords)
	}
	for _, c := range "重产工制龙骨招外项企集园品城" {
		if !g.tailNext.has(c) {
			t.Errorf("%c is not a first character of the look-ahead's words", c)
		}
	}
	for text, want := range map[string]bool{
		"5000万元以上企业": true, "1亿美元以下项目": true, "10亿元以上重点项目": true,
		"1亿元以上，": false, "1亿元以上的": false, "5000万元企业": false, "1亿元以上": false,
	} {
		var gs gateScan
		gs.reset(len(rs.rules))
		if got := g.admits([]rune(text), 0, &gs, k); got != want {
			t.Errorf("%s: admits %v, want %v", text, got, want)
		}
	}
}
