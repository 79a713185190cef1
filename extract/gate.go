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
// before regexp2 is called, and drops the rule from the alternation tried
// at that position when it cannot match (see ruleSet.gated).

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/dlclark/regexp2/syntax"
)

// gate is a necessary condition for a rule to match at a position i of a
// window: when the character at i is in On (any character when On is
// empty), then from i on, past the characters of Skip, the first
// character must be in Need; a match of the rule at i reads that
// character there. On, Skip and Need are regexp2 character classes, read
// as the rules are (ruleOptions: \d is [0-9], \s ASCII space).
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
	Pattern          string
	On, Skip, Need   string
	Why              string // the part of the pattern the gate reads
	on, skip, needed *syntax.CharSet
}

// gates are the rules' gates. Only those that pay are here: rules tried
// at many positions where they fail.
var gates = []gate{
	{Rule: "reject-quoted-name", Pattern: "9f6138b4f200", Skip: `[^\d，。；\n]`, Need: `\d`,
		Why: "a digit comes before any ，。；or line end: the name between the quotes holds none of them"},
	{Rule: "reject-ordinal", Pattern: "06e4522e8ae8", On: `[\d一二三四五六七八九十百千]`, Skip: `[\d一二三四五六七八九十百千]`, Need: `强`,
		Why: "at a numeral only the third branch can start: (?>[\\d一二三四五六七八九十百千]*)强"},
	{Rule: "reject-date", Pattern: "d014e9725844", Skip: `[\d\s]`, Need: `[个年月\-]`,
		Why: "{DATE_AHEAD}: (?>\\d+)\\s*[个年月-]"},
	{Rule: "reject-code", Pattern: "3ec37ac9a518", On: `\d`, Skip: `[\d\s]`, Need: `[GA千kK热平服+]`,
		Why: "at a digit only the {RUN} branch can start; what follows the run: \\s*G, A级, \\s*千伏|kV|KV, \\s*热线|平台|服务, \\s*\\+"},
	{Rule: "reject-named-count", Pattern: "34f6d98587ef", Skip: `[\d一二三四五六七八九十两]`, Need: `[大个方年项件条天]`,
		Why: "{COUNT_AHEAD}: (?>[\\d一二三四五六七八九十两]+)[大个方年项件条天]"},
	{Rule: "reject-threshold", Pattern: "4ea27740a924", On: `[^过超]`, Skip: `[\d.,十百千万亿]`, Need: `[元美]`,
		Why: "not at 过 or 超, only the second branch can start: {THRESHOLD_AHEAD} (?>[\\d.,]+)(?>[十百千万亿]*)(?:元|美元)"},
	{Rule: "range", Pattern: "59b3f2e8c0a5", Skip: `[^\-~至到]`, Need: `[\-~至到]`,
		Why: "{RANGE_AHEAD}: a range mark - ~ 至 到 follows"},
	{Rule: "mixed-point", Pattern: "fe962046e257", Skip: `\d`, Need: `[万亿]`,
		Why: "{RUN}[万亿]"},
	{Rule: "bare-multiplier", Pattern: "0e75a75de41a", Skip: `[\d.,]`, Need: `[万亿多余]`,
		Why: "{BARE_AHEAD}: (?>[\\d.,]+)[万亿多余]"},
	{Rule: "cn-range", Pattern: "56aac197444c", Skip: `[^到至]`, Need: `[到至]`,
		Why: "{CN_RANGE_AHEAD}: 到 or 至 follows"},
}

// patternSum is the short hash of a rule pattern that gate.Pattern holds.
func patternSum(pattern string) string {
	h := sha256.Sum256([]byte(pattern))
	return hex.EncodeToString(h[:])[:12]
}

// classSet parses a regexp2 character class: the characters a match of
// it can start with, as regexp2 computes them.
func classSet(class string) (*syntax.CharSet, error) {
	if class == "" {
		return nil, nil
	}
	p, err := firstChars(class)
	if err != nil {
		return nil, err
	}
	if p == nil || p.CaseInsensitive {
		return nil, fmt.Errorf("extract: gate class %q is not a character class", class)
	}
	return &p.PrefixSet, nil
}

// compileGates returns the gate of each rule (nil for none), those that
// fit the rule's pattern.
func compileGates(rules []Rule) ([]*gate, error) {
	out := make([]*gate, len(rules))
	for _, g := range gates {
		for i, r := range rules {
			if r.ID != g.Rule || patternSum(r.Pattern) != g.Pattern {
				continue
			}
			c := g
			var err error
			if c.on, err = classSet(g.On); err == nil {
				if c.skip, err = classSet(g.Skip); err == nil {
					c.needed, err = classSet(g.Need)
				}
			}
			if err != nil {
				return nil, fmt.Errorf("extract: gate of rule %s: %w", g.Rule, err)
			}
			out[i] = &c
		}
	}
	return out, nil
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
	if g.on != nil && !g.on.CharIn(s[i]) {
		return true
	}
	p := gs.stop[k]
	if gs.from[k] < 0 || i < gs.from[k] || i > p {
		p = i
		for p < len(s) && g.skip.CharIn(s[p]) {
			p++
		}
		gs.from[k], gs.stop[k] = i, p
	}
	return p < len(s) && g.needed.CharIn(s[p])
}
