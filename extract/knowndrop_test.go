package extract

import (
	"reflect"
	"testing"

	"github.com/gwrfacts/gwr/normalize"
)

// TestLoneBelowTwo: the positions loneBelowTwo skips, and those it leaves
// to regexp2, in sentences of the genre.
func TestLoneBelowTwo(t *testing.T) {
	rs, err := compileRules(Rules)
	if err != nil {
		t.Fatal(err)
	}
	if rs.lone < 0 {
		t.Fatalf("rule %s not found with the pattern %s the shortcut was written for", loneRule, loneRulePattern)
	}
	cases := []struct {
		text string
		at   int // the position asked about
		want bool
	}{
		{"新建一批重点项目", 2, true},
		{"汽车零部件产业", 2, true},
		{"举办一场招商会", 2, true},
		{"打造一个中心", 2, true},
		{"增长一倍", 2, false},       // a multiple is kept
		{"一成不变", 0, false},       // a share: implausible reads it
		{"预期寿命提高一岁", 6, false},   // an age may be a life expectancy
		{"建成一万亩基地", 2, false},    // 一万: more numerals follow
		{"一点五个百分点", 0, false},    // a decimal point follows
		{"一多个", 0, false},        // 多 follows
		{"超一个亿元以上项目", 1, false},  // a threshold word before it
		{"培育一家以上龙头企业", 2, false}, // 以 within reach: 以上 may follow the unit
		{"新建两个中心", 2, false},     // 两 is 2
		{"第一批", 1, true},         // (reject-ordinal, from 第, claims it first)
		{"一", 0, false},          // nothing follows
		{"引进一批，培育一批", 2, true},   // the first 一
		{"同比下降一个百分点", 4, true},   // percentage points are no percent: read drops them too
		{"完成一件大事", 2, true},      // 件
		{"提供一站式服务", 2, false},    // no unit: the gates leave no rule
		{"推进一二三产业融合", 2, false},  // 二 follows
		{"实现零的突破", 2, false},     // 的 starts no unit: the gates leave nothing
		{"建设〇号工程", 2, false},     // 号 starts no unit either
		{"安置一户人家", 2, true},      // 户
		{"坚持一张蓝图绘到底", 2, false},  // 到 follows: cn-range is left too
		{"发放一张卡", 2, true},       // 张
		{"一年以来", 0, false},       // 以 follows
		{"一年来", 0, false},        // reject-named-count's gate (年攻坚…) refuses, but 年 is a date's
	}
	for _, c := range cases {
		s := []rune(c.text)
		var gs gateScan
		gs.reset(len(rs.rules))
		mask := rs.gate(rs.candidates(s, c.at), s, c.at, &gs)
		if got := loneBelowTwo(rs.lone, mask, s, c.at); got != c.want {
			t.Errorf("loneBelowTwo(%q at %d [%c]) = %v, want %v (rules left: %s)", c.text, c.at, s[c.at], got, c.want, ruleIDs(rs, mask))
		}
	}
}

// ruleIDs names the rules of mask.
func ruleIDs(rs *ruleSet, mask uint64) []string {
	var ids []string
	for i, r := range rs.rules {
		if mask&(1<<i) != 0 {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// TestKnownDrops checks every position loneBelowTwo skips, in the texts
// of the gates' test (corpus, development set, random text of the rules'
// characters): the lone rule finds no match there, or one that read drops
// without claiming its span. And match gives the same quantities with
// the shortcut as without (the explainer's way).
func TestKnownDrops(t *testing.T) {
	x := newExtractor(t)
	rs := x.rules
	if rs.lone < 0 {
		t.Fatalf("no rule %s as written: no known drops", loneRule)
	}
	texts := append(gateTexts(t),
		[]rune("人均预期寿命提高一岁，增长一倍，一成不变，超一个亿元以上项目，培育一家以上企业，一%，零%"),
		[]rune("新建一批，零部件，一场，一个，一对，一人，一份，一片，一张，一只，一条，一次，一类，一级，一强，一天，一金"))
	skipped, matched := 0, 0
	for _, s := range texts {
		var gs gateScan
		gs.reset(len(rs.rules))
		for i := range s {
			first := rs.candidates(s, i)
			if first == 0 {
				continue
			}
			// the rules from the lone rule on (matchGated asks there
			// once the rules before it have failed)
			from := first &^ (1<<rs.lone - 1)
			if from&(1<<rs.lone) == 0 || !loneBelowTwo(rs.lone, rs.gate(from, s, i, &gs), s, i) {
				continue
			}
			skipped++
			m, ok, err := rs.matchRule(rs.lone, s, i)
			if err != nil {
				t.Fatal(err)
			}
			if !ok || m.end == m.start {
				continue
			}
			r := &rs.rules[rs.lone]
			matched++
			q, why := read(r, &m, s)
			if why == "" || q.claims {
				t.Fatalf("%q at %d: skipped, but %s matches %q and read keeps it (why %q, claims %v)",
					string(s), i, r.ID, string(s[m.start:m.end]), why, q.claims)
			}
		}
		fast, err := x.match(s, nil, newRuleWork(len(s)))
		if err != nil {
			t.Fatal(err)
		}
		var drops []drop
		slow, _ := x.match(s, &drops, newRuleWork(len(s)))
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("%q: match gives %v with the shortcut, %v without", string(s), fast, slow)
		}
	}
	if skipped < 100 || matched < 100 {
		t.Errorf("skipped %d positions, %d of them matches; want more of each", skipped, matched)
	}
	t.Logf("skipped %d positions, %d of them matches", skipped, matched)
}

// TestReadQuick checks read's quick path for plain decimals (readQuick)
// and the unit texts it takes from the unit table (ruleMatch.unit): at
// every match of the texts of the gates' test (corpus, development set,
// random text of the rules' characters), read gives the same quantity and
// reason with the quick path as without, and the unit text is the
// group's. A third of the matches at least take the quick path.
func TestReadQuick(t *testing.T) {
	rs, err := compileRules(Rules)
	if err != nil {
		t.Fatal(err)
	}
	quick, matched := 0, 0
	for _, s := range gateTexts(t) {
		for i := range s {
			m, r, err := rs.matchAt(s, i)
			if err != nil {
				t.Fatal(err)
			}
			if r == nil || r.Yield == Reject || m.end == m.start {
				continue
			}
			matched++
			if u, sp := m.unit(s); u != string(s[sp.start:sp.end]) || sp != m.groups[gUnit] {
				t.Fatalf("%q at %d: unit %q %v, want %q %v", string(s), i, u, sp, string(s[m.groups[gUnit].start:m.groups[gUnit].end]), m.groups[gUnit])
			}
			q1, why1 := read(r, &m, s)
			readQuick = false
			q2, why2 := read(r, &m, s)
			readQuick = true
			if !reflect.DeepEqual(q1, q2) || why1 != why2 {
				t.Fatalf("%q at %d (%s): read gives %+v %q with its quick path, %+v %q without", string(s), i, r.ID, q1, why1, q2, why2)
			}
			if _, ok := normalize.ParseDecimalRunes(s[m.groups[gNum].start:m.groups[gNum].end]); ok && r.Yield == Point && !r.ChineseDigits && m.groups[gMult].end == m.groups[gMult].start {
				quick++
			}
		}
	}
	t.Logf("%d matches, %d of them plain decimals", matched, quick)
	if quick < matched/3 {
		t.Fatalf("%d matches, %d of them plain decimals; want a third at least", matched, quick)
	}
}
