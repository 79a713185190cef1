package extract

// Gates: cheap necessary conditions that let the rule engine skip rules
// that cannot match at a position.
//
// At a digit, nine rules can start (the reject rules for ordinals, dates,
// codes, named counts and thresholds, range, mixed-point, point,
// bare-multiplier), and regexp2 tries them in turn: most positions become
// a point after seven rules have failed, and those failures cost about
// as much as the match. Most of them fail on one character: the one that
// follows the run of digits (年 for a date, 大 or 个 for a named count,
// 元 for a threshold, 强 for a rank). A gate reads that character in Go
// before regexp2 is called, and drops the rule from those tried at that
// position when it cannot match (see ruleSet.gated).

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// gate is a necessary condition for a rule to match at a position i of a
// window: when the character at i is in On (any character when On is
// empty), then from i on, past the characters of Skip, the first
// character must be in Need, and the one after it in Then (if Then is
// not empty), or, when the Need character is a key of After, in its class
// there instead; a match of the rule at i reads those characters there.
// With AfterUnits, a Need character that a unit has first past its
// numerals (see {UNIT_PAST_CN}) and that ends no unit is, when it is no
// other character of Need and no key of After, a key of After with the
// class of the characters that follow it in those units (公 of 公斤,
// 公里, 公顷: [斤里顷]; 分 of 分钟, 分/亩 and 百分点: [钟/点]): past its
// numerals, a unit is read whole.
// A rule that starts with a look-behind may have Behind instead of Need,
// or as well: from i back, past the characters of BehindSkip, the
// character before must be in Behind. On, Skip, Need, Then, BehindSkip,
// Behind and After's classes are regexp2 character classes, read as the
// rules are (ruleOptions: \d is [0-9], \s ASCII space), in
// which {UNIT_PAST_CN} stands for the characters a unit can have first
// past Chinese numerals (see gateClassPlaceholders).
//
// A gate may admit positions where its rule fails (it is only the first
// test the rule makes, or a weaker one); it must never refuse one where
// the rule matches. TestGatesNeverRefuseAMatch tries every gated rule
// alone, with and without its gate, at every position of the corpus, the
// development set and random text made of the rules' own characters.
type gate struct {
	Rule string // rule ID
	// Pattern is the first 12 hex digits of the SHA-256 of the rule's
	// Pattern the gate was written for: a gate whose rule changed is not
	// used (and TestGatesFitTheirRules fails until it is checked again).
	Pattern              string
	On, Skip, Need, Then string
	After                map[rune]string // the class of the character after these Need characters, instead of Then
	AfterUnits           bool            // After holds the units' second characters too (see above)
	BehindSkip, Behind   string
	// Tail: the rule's match ends in one of the words of its last group,
	// (?:以上|以下), right after the Need character or the one after it,
	// and a look-ahead of optional words and words, (?=(?:…)?(?:…)), reads
	// the character after it: it must be the first character of one of
	// the look-ahead's words. Both lists are read from the pattern
	// (patternTail), not written here.
	Tail                   bool
	Why                    string // the part of the pattern the gate reads
	on, skip, needed, then *charClass
	after                  []afterClass // After's classes: a search of a few, not a map look-up, where Need passes
	afterKeys              *runeSet     // After's keys: most Need characters are none (cn-point's 个, 亩, 元), and one bit says so
	behindSkip, behind     *charClass
	tailWords              [][]rune   // Tail: the words the match ends in
	tailNext               *charClass // Tail: the first characters of the look-ahead's words
}

// afterClass is the class of the character after a Need character of
// gate.After.
type afterClass struct {
	need rune
	then *charClass
}

// gates are the rules' gates. Only those that pay are here: rules tried
// at many positions where they fail. (Not point: matchRule reads it
// without regexp2, quantityAt, and where it fails that costs less than
// its gate did at every number.)
var gates = []gate{
	{Rule: "reject-quoted-name", Pattern: "9f6138b4f200", Skip: `[^\d”’」》，。；\n]`, Need: `\d`,
		Why: "a digit comes before any ，。；, line end or closing quote ”’」》: the name between the quotes holds none of them (the opening quote the gate starts at is none of them; \" both opens and closes, and is skipped)"},
	{Rule: "reject-ordinal", Pattern: "7514554245ca", On: `[\d一二三四五六七八九十百千]`, Skip: `[\d一二三四五六七八九十百千]`, Need: `[强次]`,
		Why: "at a numeral only the third branch can start: (?>[\\d一二三四五六七八九十百千]*)(?:强|次…)"},
	{Rule: "reject-date", Pattern: "d014e9725844", Skip: `[\d\s]`, Need: `[个年月\-]`, After: map[rune]string{'个': `月`, '-': `\d`},
		Why: "{DATE_AHEAD}: (?>\\d+)\\s*[个年月-]; 个 only in {RUN}个月, - only in {D1}\\d{3}-\\d{1,2}"},
	{Rule: "reject-code", Pattern: "3ec37ac9a518", On: `\d`, Skip: `[\d\s]`, Need: `[GA千kK热平服+]`,
		Why: "at a digit only the {RUN} branch can start; what follows the run: \\s*G, A级, \\s*千伏|kV|KV, \\s*热线|平台|服务, \\s*\\+"},
	{Rule: "reject-named-count", Pattern: "676ba1aede8e", Skip: `[\d一二三四五六七八九十两]`, Need: `[大个方年项件条天]`,
		After: map[rune]string{'个': `[方一专现]`, '方': `面`, '年': `[攻行计]`, '项': `行`, '件': `[实事]`, '条': `[措意政控红底等”"]`, '天': `工`},
		Why:   "{COUNT_AHEAD}: (?>[\\d一二三四五六七八九十两]+)[大个方年项件条天], then the word's second character: 个(?:方面|一|专项|现代化), 方面, 年(?:攻坚|行动|计划), 项行动, 件(?:实事|事), 条(?:措施|意见|政策|控制线|红线|底线) or {RUN}条(?=等|政策|措施|意见|”|\"), 天工作制"},
	{Rule: "reject-threshold", Pattern: "366d5f25dfb8", On: `[^过超]`, Skip: `[\d.,十百千万亿]`, Need: `[元美]`, Then: `[以元]`, Tail: true,
		Why: "not at 过 or 超, only the second branch can start: {THRESHOLD_AHEAD} (?>[\\d.,]+)(?>[十百千万亿]*)(?:元|美元), then 以上 or 以下, then the look-ahead's first word: 项目, 企业, 重点…"},
	{Rule: "range", Pattern: "59b3f2e8c0a5", Skip: `[^\-~至到]`, Need: `[\-~至到]`,
		Why: "{RANGE_AHEAD}: a range mark - ~ 至 到 follows"},
	{Rule: "mixed-point", Pattern: "fe962046e257", Skip: `\d`, Need: `[万亿]`, Then: `\d`,
		Why: "{RUN}[万亿]\\d"},
	{Rule: "bare-multiplier", Pattern: "21285b4c1625", Skip: `[\d.,]`, Need: `[万亿多余]`,
		Then: `[多余左以人农群职学儿婴老居城低劳贫脱游患移干工务异妇残家员监在纳青市村参偏山，。；、,;任增到至]`, After: map[rune]string{'多': `[万亿]`, '余': `[万亿]`},
		Why: "{BARE_AHEAD}: (?>[\\d.,]+)[万亿多余]; after 万 or 亿: 多 or 余, the bound word (左右|以上), the first character of a word of the first branch's look-ahead (人口|农民|…) or of the second's ([，。；、,;]|任务|增|到|至); after 多 or 余: 万 or 亿"},
	{Rule: "decimal-years", Pattern: "a237deead71e", Skip: `[\d.,]`, Need: `年`,
		Why: "{NUM} then 年: the number's characters, then 年"},
	{Rule: "income-ratio", Pattern: "23b3f4c5e028", On: `\d`, Skip: `[\d.,]`, Need: `[\s:∶，。；、缩下降扩]`,
		Why: "{NUM}, then what the look-ahead reads: \\s*[:∶], a clause mark, 缩小, 下降, 降至/降到, 扩大"},
	{Rule: "from-to-bare-end", Pattern: "7e7360c768d1", BehindSkip: `\s`, Behind: `[到至]`,
		Why: "the look-behind it starts with ends in (?:到|至)\\s*"},
	{Rule: "cn-range", Pattern: "56aac197444c", Skip: `[^到至]`, Need: `[到至]`,
		Why: "{CN_RANGE_AHEAD}: 到 or 至 follows"},
	{Rule: "reject-capacity", Pattern: "c5674ea42386", Skip: `[年日]`, Need: `[产处加吞出存生]`,
		After: map[rune]string{'产': `[能\s\d]`, '处': `理`, '加': `工`, '吞': `吐`, '出': `栏`, '存': `栏`, '生': `产`},
		Why:   "(?:年产|年处理|年加工|年吞吐|年出栏|年存栏|年生产|日处理|日产)(?:能力)?\\s*{NUM}: the word's second character, then its third, or after 产 能, a space or a digit"},
	{Rule: "cn-several", Pattern: "308c16fe6126", Skip: `[几数]`, Need: `[十百千万亿]`,
		Why: "[几数](?<num>[十百千万亿]{1,6})"},
	{Rule: "cn-point", Pattern: "91a964f623c8", Skip: `[零〇一二两三四五六七八九十百千万亿萬億]`, Need: `[点點多余{UNIT_PAST_CN}]`, AfterUnits: true,
		Why: "{CN} and {MULT} are numerals; no unit is numerals alone, so the first character past the run of numerals is in the match: the decimal point of {CN}, 多 or 余, or the unit's first character that is not a numeral (个, 亩, 瓦 of 千瓦, 分 of 百分点), then the rest of the unit"},
}

// gateClassPlaceholders are expanded in the gates' classes.
func gateClassPlaceholders() map[string]string {
	var past []rune
	for _, u := range unitsPastNumerals() {
		if !slices.Contains(past, u[0]) {
			past = append(past, u[0])
		}
	}
	return map[string]string{"{UNIT_PAST_CN}": classEscape(past)}
}

// unitsPastNumerals returns the base units without the numerals they
// start with (百分点: 分点, 千瓦: 瓦), as runes; a unit of numerals alone
// (none is) would be left out.
func unitsPastNumerals() [][]rune {
	var out [][]rune
	for _, u := range baseUnitTexts() {
		if rest := strings.TrimLeft(u, cnNumerals); rest != "" {
			out = append(out, []rune(rest))
		}
	}
	return out
}

// unitSeconds returns, for each first character of unitsPastNumerals
// that ends none of them, the class of the characters that follow it in
// them (AfterUnits).
func unitSeconds() map[rune]string {
	ends := map[rune]bool{}
	next := map[rune][]rune{}
	for _, u := range unitsPastNumerals() {
		if len(u) == 1 {
			ends[u[0]] = true
		} else if !slices.Contains(next[u[0]], u[1]) {
			next[u[0]] = append(next[u[0]], u[1])
		}
	}
	out := map[rune]string{}
	for c, n := range next {
		if !ends[c] {
			out[c] = "[" + classEscape(n) + "]"
		}
	}
	return out
}

// cnNumerals are the characters of a Chinese number of {CN} before its
// decimal point (the class of the cn-point gate's Skip).
const cnNumerals = "零〇一二两三四五六七八九十百千万亿萬億"

// classEscape writes characters as the inside of a gate class.
func classEscape(cs []rune) string {
	var b strings.Builder
	for _, c := range cs {
		switch c {
		case '\\', '-', ']', '[', '^', '.', '+':
			b.WriteByte('\\')
		}
		if c == '\n' {
			b.WriteString(`\n`)
			continue
		}
		if c == '\t' {
			b.WriteString(`\t`)
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// expandGateClass replaces the placeholders ph (gateClassPlaceholders)
// of a gate class.
func expandGateClass(class string, ph map[string]string) string {
	for k, v := range ph {
		class = strings.ReplaceAll(class, k, v)
	}
	return class
}

// patternSum is the short hash of a rule pattern that gate.Pattern holds.
func patternSum(pattern string) string {
	h := sha256.Sum256([]byte(pattern))
	return hex.EncodeToString(h[:])[:12]
}

// charClass is a set of characters, as a gate tests it at every position:
// a bit per character of the BMP, so that any character costs one test
// (a search of a list of the class's characters cost several at each
// Chinese character), and a list of those beyond it.
type charClass struct {
	neg   bool    // the class is [^…]: all characters but those listed
	bmp   runeSet // the characters of the BMP, as bits
	other []rune  // characters beyond the BMP
}

// has reports whether c is in the class.
func (cc *charClass) has(c rune) bool {
	if uint32(c) < 0x10000 {
		return cc.bmp.has(c) != cc.neg
	}
	return slices.Contains(cc.other, c) != cc.neg
}

// parseClass reads a class of the form the gates use: one character, \d
// or \s (ASCII, as in ruleOptions: [\t\n\f\r ]), or [ … ] or [^ … ] of characters, \d,
// \s and escaped characters (\- \n \t). TestGateClasses checks every
// gate's class against regexp2's reading of it, character by character.
func parseClass(class string) (*charClass, error) {
	if class == "" {
		return nil, nil
	}
	cc := &charClass{}
	body := class
	if strings.HasPrefix(class, "[") {
		if !strings.HasSuffix(class, "]") || len(class) < 3 {
			return nil, fmt.Errorf("extract: gate class %q is not closed", class)
		}
		body = class[1 : len(class)-1]
		if strings.HasPrefix(body, "^") {
			cc.neg, body = true, body[1:]
		}
	} else if n := utf8.RuneCountInString(class); n != 1 && !(n == 2 && class[0] == '\\') {
		return nil, fmt.Errorf("extract: gate class %q is not one character or a class", class)
	}
	add := func(c rune) {
		if uint32(c) < 0x10000 {
			cc.bmp.add(c)
		} else if !slices.Contains(cc.other, c) {
			cc.other = append(cc.other, c)
		}
	}
	rs := []rune(body)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == '\\' && i+1 < len(rs):
			i++
			switch rs[i] {
			case 'd':
				for d := '0'; d <= '9'; d++ {
					add(d)
				}
			case 's':
				for _, sp := range " \t\n\f\r" { // RE2: no \v
					add(sp)
				}
			case 'n':
				add('\n')
			case 't':
				add('\t')
			case '-', '\\', ']', '[', '^', '.', '+':
				add(rs[i])
			default:
				return nil, fmt.Errorf("extract: gate class %q: unknown escape \\%c", class, rs[i])
			}
		case c == '\\' || c == '[' || c == ']':
			return nil, fmt.Errorf("extract: gate class %q: %q must be escaped", class, c)
		case c == '-':
			return nil, fmt.Errorf("extract: gate class %q: ranges are not read; escape - as \\-", class)
		default:
			add(c)
		}
	}
	return cc, nil
}

// compileGates returns the gate of each rule (nil for none), those that
// fit the rule's pattern.
func compileGates(rules []Rule) ([]*gate, error) {
	out := make([]*gate, len(rules))
	// (made once: making them for each class, from the unit table, cost
	// some 34 million instructions a process)
	ph := gateClassPlaceholders()
	for _, g := range gates {
		for i, r := range rules {
			if r.ID != g.Rule || patternSum(r.Pattern) != g.Pattern {
				continue
			}
			c := g
			var err error
			classes := []struct {
				to    **charClass
				class string
			}{{&c.on, g.On}, {&c.skip, g.Skip}, {&c.needed, g.Need}, {&c.then, g.Then}, {&c.behindSkip, g.BehindSkip}, {&c.behind, g.Behind}}
			for _, cl := range classes {
				if *cl.to, err = parseClass(expandGateClass(cl.class, ph)); err != nil {
					break
				}
			}
			after := g.After
			if g.AfterUnits && err == nil {
				after, err = withUnitSeconds(g)
			}
			for need, class := range after {
				if err != nil {
					break
				}
				if c.needed == nil || !c.needed.has(need) {
					err = fmt.Errorf("After key %q is not in Need %s", need, g.Need)
					break
				}
				var cc *charClass
				if cc, err = parseClass(expandGateClass(class, ph)); err == nil {
					c.after = append(c.after, afterClass{need, cc})
					if c.afterKeys == nil {
						c.afterKeys = new(runeSet)
					}
					c.afterKeys.add(need)
				}
			}
			if g.Tail && err == nil {
				err = c.readTail(r.Pattern)
			}
			if err != nil {
				return nil, fmt.Errorf("extract: gate of rule %s: %w", g.Rule, err)
			}
			out[i] = &c
		}
	}
	return out, nil
}

// withUnitSeconds returns g.After with unitSeconds' classes for the Need
// characters that are no other character of Need (Need read without
// {UNIT_PAST_CN}) and no key of g.After.
func withUnitSeconds(g gate) (map[rune]string, error) {
	others, err := parseClass(strings.ReplaceAll(g.Need, "{UNIT_PAST_CN}", ""))
	if err != nil {
		return nil, err
	}
	after := maps.Clone(g.After)
	if after == nil {
		after = map[rune]string{}
	}
	for c, class := range unitSeconds() {
		if _, ok := after[c]; !ok && (others == nil || !others.has(c)) {
			after[c] = class
		}
	}
	return after, nil
}

// gateScan remembers, for each gate, the last scan past its Skip
// characters in a window: from where it started and where it stopped.
// A scan from a later position before the stop ends at the same place,
// so each character of a window is skipped at most once per gate.
type gateScan struct {
	from, stop [64]int // by rule index; from -1: no scan yet
}

// reset readies the scan of n rules for a new window.
func (gs *gateScan) reset(n int) {
	for k := range n {
		gs.from[k] = -1
	}
}

// admits reports whether the gate k (g) lets its rule be tried at
// position i of s.
func (g *gate) admits(s []rune, i int, gs *gateScan, k int) bool {
	if g.on != nil && !g.on.has(s[i]) {
		return true
	}
	if g.behind != nil {
		b := i - 1
		for b >= 0 && g.behindSkip != nil && g.behindSkip.has(s[b]) {
			b--
		}
		if b < 0 || !g.behind.has(s[b]) {
			return false
		}
	}
	if g.needed == nil {
		return true
	}
	p := gs.stop[k]
	if gs.from[k] < 0 || i < gs.from[k] || i > p {
		p = i
		for p < len(s) && g.skip.has(s[p]) {
			p++
		}
		gs.from[k], gs.stop[k] = i, p
	}
	if p == len(s) || !g.needed.has(s[p]) {
		return false
	}
	then := g.then
	if g.afterKeys != nil && g.afterKeys.has(s[p]) {
		for _, a := range g.after {
			if a.need == s[p] {
				then = a.then
				break
			}
		}
	}
	if then != nil && !(p+1 < len(s) && then.has(s[p+1])) {
		return false
	}
	return g.tailNext == nil || g.tailFollows(s, p)
}

// patternTail reads the end of a pattern a Tail gate is written for:
// (?:A|B))(?=(?:C|D)?(?:E|F)), the words of the group before the
// look-ahead and the look-ahead's two groups.
var patternTail = regexp.MustCompile(`\(\?:([^()]*)\)\)\(\?=\(\?:([^()]*)\)\?\(\?:([^()]*)\)\)$`)

// readTail sets the Tail gate's words and look-ahead characters from the
// rule's pattern.
func (g *gate) readTail(pattern string) error {
	m := patternTail.FindStringSubmatch(pattern)
	if m == nil {
		return fmt.Errorf("Tail: the pattern does not end in (?:…))(?=(?:…)?(?:…))")
	}
	var next []rune
	for _, w := range strings.Split(m[1], "|") {
		g.tailWords = append(g.tailWords, []rune(w))
	}
	for _, w := range strings.Split(m[2]+"|"+m[3], "|") {
		if c, _ := utf8.DecodeRuneInString(w); !slices.Contains(next, c) {
			next = append(next, c)
		}
	}
	var err error
	g.tailNext, err = parseClass("[" + classEscape(next) + "]")
	return err
}

// tailFollows reports whether one of the Tail gate's words starts right
// after the Need character at p of s, or one after, and the character
// after the word starts a word of the rule's look-ahead.
func (g *gate) tailFollows(s []rune, p int) bool {
	for j := p + 1; j <= p+2; j++ {
		for _, w := range g.tailWords {
			if e := j + len(w); e < len(s) && slices.Equal(s[j:e], w) && g.tailNext.has(s[e]) {
				return true
			}
		}
	}
	return false
}
