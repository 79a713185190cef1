package taxonomy

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/gwrfacts/gwr/schema"
)

// indicatorsTSV is the default taxonomy, indicators.tsv.
//
//go:embed indicators.tsv
var indicatorsTSV string

// Columns are the column names of a taxonomy file, in order.
var Columns = []string{"code", "name_zh", "name_en", "measure", "unit", "direction", "patterns", "note"}

// Directions of an indicator: which way is better.
const (
	Up      = "up"   // more is better: a target is a floor
	Down    = "down" // less is better: a target is a ceiling
	Neither = "-"    // neither: only a range or an explicit bound decides
)

// Code is one row of the taxonomy.
type Code struct {
	Code      string   // gdp_growth
	NameZH    string   // 地区生产总值增长
	NameEN    string   // GDP growth
	Measures  []string // facts.measure values it takes: growth, level, delta
	Units     []string // facts.unit values it takes: percent, CNY …
	Direction string   // Up, Down or Neither
	Patterns  string   // the regular expression as written
	Note      string

	re *regexp.Regexp // ^(?:Patterns)$
}

// Taxonomy is a list of codes. The zero value is empty.
type Taxonomy struct {
	Codes  []Code
	byCode map[string]int
	hash   []byte // sha256 of the files read, in order
	memo   *memo  // Assign's answers, shared by the documents of a run; nil in the zero value
}

// code returns Assign's answer for k as a shared string, nil for none:
// from the run's memo when it has the answer, else from local (the
// answers of one document that the memo had no room for), else from
// Assign, kept in the memo or, once it is full, in local.
func (t *Taxonomy) code(k memoKey, local *map[memoKey]*string) *string {
	if t.memo != nil {
		if c, ok := t.memo.load(k); ok {
			return c
		}
	}
	if c, ok := (*local)[k]; ok {
		return c
	}
	var c *string
	if code := t.Assign(k.indicator, k.measure, k.unit); code != "" {
		c = &code
	}
	// a clone: the indicator may be a slice of a whole sentence
	if t.memo != nil && t.memo.store(memoKey{strings.Clone(k.indicator), k.measure, k.unit}, c) {
		return c
	}
	if *local == nil {
		*local = map[memoKey]*string{}
	}
	(*local)[k] = c
	return c
}

var (
	defaultOnce sync.Once
	defaultTax  *Taxonomy
)

// Default returns the taxonomy embedded in the binary (indicators.tsv). It
// panics if that file is malformed, which a test rules out.
func Default() *Taxonomy {
	defaultOnce.Do(func() {
		t, err := Parse(strings.NewReader(indicatorsTSV), "indicators.tsv")
		if err != nil {
			panic(err)
		}
		defaultTax = t
	})
	return defaultTax
}

// Load returns the default taxonomy extended by the file at path, in the
// same format: a code of the file replaces the default row of that code,
// a new code is added after the default ones.
func Load(path string) (*Taxonomy, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("taxonomy: %w", err)
	}
	defer f.Close()
	extra, err := Parse(f, path)
	if err != nil {
		return nil, err
	}
	return Default().Extend(extra), nil
}

// Extend returns a taxonomy with the codes of t, each replaced by the row
// of the same code in other, then the other codes of other.
func (t *Taxonomy) Extend(other *Taxonomy) *Taxonomy {
	out := &Taxonomy{byCode: map[string]int{}, memo: &memo{}}
	add := func(c Code) {
		if i, ok := out.byCode[c.Code]; ok {
			out.Codes[i] = c
			return
		}
		out.byCode[c.Code] = len(out.Codes)
		out.Codes = append(out.Codes, c)
	}
	for _, c := range t.Codes {
		add(c)
	}
	for _, c := range other.Codes {
		add(c)
	}
	h := sha256.New()
	h.Write(t.hash)
	h.Write(other.hash)
	out.hash = h.Sum(nil)
	return out
}

// Parse reads a taxonomy file: tab-separated, a header row naming Columns,
// lines starting with # are comments. name is used in error messages.
func Parse(r io.Reader, name string) (*Taxonomy, error) {
	t := &Taxonomy{byCode: map[string]int{}, memo: &memo{}}
	h := sha256.New()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	header := false
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		h.Write([]byte(text + "\n"))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if !header {
			if !slices.Equal(fields, Columns) {
				return nil, fmt.Errorf("taxonomy: %s:%d: header is %q, want the tab-separated columns %s", name, line, text, strings.Join(Columns, ", "))
			}
			header = true
			continue
		}
		c, err := parseRow(fields)
		if err != nil {
			return nil, fmt.Errorf("taxonomy: %s:%d: %v", name, line, err)
		}
		if _, dup := t.byCode[c.Code]; dup {
			return nil, fmt.Errorf("taxonomy: %s:%d: code %s given twice", name, line, c.Code)
		}
		t.byCode[c.Code] = len(t.Codes)
		t.Codes = append(t.Codes, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("taxonomy: %s: %w", name, err)
	}
	if !header {
		return nil, fmt.Errorf("taxonomy: %s: no header row (%s)", name, strings.Join(Columns, "\t"))
	}
	t.hash = h.Sum(nil)
	return t, nil
}

var codeRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// units a row may name: the schema's canonical units (and tce and TEU of
// SPEC section 5, should the schema not list them).
var units = func() []string {
	out := slices.Clone(schema.Units)
	for _, u := range []string{"tce", "TEU"} {
		if !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
	return out
}()

func parseRow(f []string) (Code, error) {
	if len(f) != len(Columns) {
		return Code{}, fmt.Errorf("%d fields, want %d (%s)", len(f), len(Columns), strings.Join(Columns, ", "))
	}
	c := Code{Code: f[0], NameZH: f[1], NameEN: f[2], Measures: strings.Split(f[3], "|"), Units: strings.Split(f[4], "|"),
		Direction: f[5], Patterns: f[6], Note: f[7]}
	if !codeRE.MatchString(c.Code) {
		return c, fmt.Errorf("code %q is not lower-case letters, digits and _", c.Code)
	}
	if c.NameZH == "" || c.NameEN == "" {
		return c, fmt.Errorf("%s: name_zh and name_en must not be empty", c.Code)
	}
	for _, m := range c.Measures {
		if !slices.Contains(schema.Measures, m) {
			return c, fmt.Errorf("%s: measure %q is not one of %s", c.Code, m, strings.Join(schema.Measures, ", "))
		}
	}
	for _, u := range c.Units {
		if !slices.Contains(units, u) {
			return c, fmt.Errorf("%s: unit %q is not one of %s", c.Code, u, strings.Join(units, ", "))
		}
	}
	if c.Direction != Up && c.Direction != Down && c.Direction != Neither {
		return c, fmt.Errorf("%s: direction %q is not up, down or -", c.Code, c.Direction)
	}
	if c.Patterns == "" {
		return c, fmt.Errorf("%s: no patterns", c.Code)
	}
	re, err := regexp.Compile(`^(?:` + c.Patterns + `)$`)
	if err != nil {
		return c, fmt.Errorf("%s: patterns: %v", c.Code, err)
	}
	c.re = re
	return c, nil
}

// Lookup returns the row of code.
func (t *Taxonomy) Lookup(code string) (Code, bool) {
	i, ok := t.byCode[code]
	if !ok {
		return Code{}, false
	}
	return t.Codes[i], true
}

// Hash is a hex SHA-256 of the files the taxonomy was read from; it
// changes whenever a row does.
func (t *Taxonomy) Hash() string { return hex.EncodeToString(t.hash) }

// scopeWords are words before an indicator that name where or when, not
// what: 全省地区生产总值 is 地区生产总值. They are tried in this order.
var scopeWords = []string{"全国", "全省", "全市", "全区", "全县", "全州", "全盟", "全旗", "全自治区",
	"本省", "本市", "本区", "本县", "我省", "我市", "我区", "我县", "我州", "我国",
	"今年", "全年", "年内", "去年", "上年", "当年", "实现", "完成", "中央提出", "提出",
	"初步核算", "初步统计", "预计"}

// rateWords are words after an indicator that belong to the rate, not to
// what it measures: 地区生产总值增长, 居民人均可支配收入实际.
var rateWords = []string{"分别", "同比", "实际", "名义", "比上年", "预期", "预期目标", "目标",
	"增长", "增速", "增幅", "年均", "达到", "达", "要", "总计", "合计"}

// maxRateWord is the length in bytes of the longest of rateWords.
var maxRateWord = func() int {
	n := 0
	for _, w := range rateWords {
		n = max(n, len(w))
	}
	return n
}()

// Normalize returns the indicator phrase that patterns are matched
// against: width-folded spaces and quotes removed, scope words in front
// and rate words at the end removed. It runs once or twice for every fact,
// so it is plain string work, not a regular expression.
func Normalize(indicator string) string {
	s := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u3000', '\t', '“', '”', '"', '‘', '’':
			return -1
		}
		return r
	}, indicator)
	return trimRateWords(trimScopeWords(s))
}

// trimScopeWords removes scope words from the front, one at a time, each
// time the first of scopeWords that s starts with (what the leftmost-first
// match of ^(?:全国|全省|…)+ removes).
func trimScopeWords(s string) string {
	for {
		cut := false
		for _, w := range scopeWords {
			if rest, ok := strings.CutPrefix(s, w); ok {
				s, cut = rest, true
				break
			}
		}
		if !cut {
			return s
		}
	}
}

// trimRateWords removes the longest tail of s that is a sequence of rate
// words (what the leftmost match of (?:分别|同比|…)+$ removes): ends[i]
// says whether s[i:] is such a sequence, computed from the end.
func trimRateWords(s string) string {
	ends := make([]bool, len(s)+1)
	ends[len(s)] = true
	cut := len(s)
	// A word is at most maxRateWord bytes long: once that many positions
	// in a row start no sequence, no earlier one can.
	for i := len(s) - 1; i >= 0 && i >= cut-maxRateWord; i-- {
		for _, w := range rateWords {
			if j := i + len(w); j <= len(s) && ends[j] && strings.HasPrefix(s[i:], w) {
				ends[i] = true
				break
			}
		}
		if ends[i] && i < len(s) {
			cut = i
		}
	}
	return s[:cut]
}

// speedSuffix ends a phrase that names a growth rate as a level:
// 经济增长速度的调控目标定为8% is a growth of 8 percent.
var speedSuffix = regexp.MustCompile(`(?:增长速度|增长率|增速)(?:的调控)?$`)

// Assign returns the code of the first row whose patterns match the whole
// normalized indicator and that takes measure and unit; "" if none does.
// A fact without an indicator phrase gets no code. A level or growth in
// percent of a phrase ending in 增长速度, 增长率 or 增速 is taken as a
// growth of what precedes it.
func (t *Taxonomy) Assign(indicator, measure, unit string) string {
	s := Normalize(indicator)
	if (measure == "level" || measure == "growth") && unit == "percent" && speedSuffix.MatchString(s) {
		s, measure = Normalize(speedSuffix.ReplaceAllString(s, "")), "growth"
	}
	if s == "" {
		return ""
	}
	for _, c := range t.Codes {
		if slices.Contains(c.Measures, measure) && slices.Contains(c.Units, unit) && c.re.MatchString(s) {
			return c.Code
		}
	}
	return ""
}

// pairs are phrases that name two indicators at once, each number of a
// 分别 list standing for one of them in turn: 城乡居民人均可支配收入分别增长
// 4.4%、5.6% is urban income growth 4.4 and rural 5.6.
var pairs = []struct{ phrase, first, second string }{
	{"城乡居民人均可支配收入", "城镇居民人均可支配收入", "农村居民人均可支配收入"},
	{"城乡居民收入", "城镇居民人均可支配收入", "农村居民人均可支配收入"},
}

// AssignFacts sets IndicatorCode of every fact of one document, in order,
// from its indicator, measure and unit (nil where nothing maps). Two
// neighbouring facts of one sentence with 分别 whose indicator is a pair
// phrase (城乡居民人均可支配收入) and that share measure and unit are
// assigned as the pair's first and second indicator; a pair phrase alone
// gets no code.
func (t *Taxonomy) AssignFacts(facts []schema.Fact) {
	for i := range facts {
		facts[i].IndicatorCode = nil
	}
	// A report states the same indicator many times, and reports state
	// the same ones: each (indicator, measure, unit) is assigned once per
	// run (once per document when the run's memo is full).
	var local map[memoKey]*string
	set := func(f *schema.Fact, indicator string) {
		f.IndicatorCode = t.code(memoKey{indicator, string(f.Measure), string(f.Unit)}, &local)
	}
	for i := 0; i < len(facts); i++ {
		f := &facts[i]
		if p, ok := pairOf(f.Indicator); ok {
			if i+1 < len(facts) {
				g := &facts[i+1]
				if q, ok := pairOf(g.Indicator); ok && q == p && g.Sentence == f.Sentence &&
					g.Measure == f.Measure && g.Unit == f.Unit && strings.Contains(f.Sentence, "分别") {
					set(f, p.first)
					set(g, p.second)
					i++
				}
			}
			continue
		}
		set(f, f.Indicator)
	}
}

// pairOf returns the pair whose phrase the indicator is.
func pairOf(indicator string) (struct{ phrase, first, second string }, bool) {
	// every pair phrase holds 城 and 乡 (Normalize only removes
	// characters): most indicators are ruled out without normalizing
	if !strings.Contains(indicator, "城") || !strings.Contains(indicator, "乡") {
		return pairs[0], false
	}
	s := Normalize(indicator)
	for _, p := range pairs {
		if s == p.phrase {
			return p, true
		}
	}
	return pairs[0], false
}
