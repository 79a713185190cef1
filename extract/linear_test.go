package extract

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"

	"github.com/gwrfacts/gwr/normalize"
)

// hostile are texts that made the rules quadratic before they were
// rewritten (1 MB of digits took 246 s, of 1万万…万 358 s), one family of
// rules each: a function of n giving about n code points.
var hostile = []struct {
	name string
	text func(n int) string
}{
	{"digits", func(n int) string { return strings.Repeat("1", n) }},
	{"digits and a unit", func(n int) string { return strings.Repeat("1", n-1) + "个" }},
	{"digits and 个月", func(n int) string { return strings.Repeat("1", n-2) + "个月" }},
	{"spaced digits", func(n int) string { return strings.Repeat("1 ", n/2) }},
	{"decimals", func(n int) string { return strings.Repeat("1.", n/2) }},
	{"thousands", func(n int) string { return "1" + strings.Repeat(",111", n/4) }},
	{"multipliers", func(n int) string { return "1" + strings.Repeat("万", n-2) + "。" }},
	{"multipliers and a unit", func(n int) string { return "1" + strings.Repeat("万", n-2) + "元" }},
	{"multipliers, 多, multipliers", func(n int) string {
		return "1" + strings.Repeat("万", n/2) + "多" + strings.Repeat("万", n/2) + "人"
	}},
	{"Chinese numerals", func(n int) string { return strings.Repeat("三", n-2) + "万亩" }},
	{"Chinese numerals and 大", func(n int) string { return strings.Repeat("一", n-1) + "小" }},
	{"numerals and 强", func(n int) string { return strings.Repeat("1十", n/2) + "弱" }},
	{"ranges", func(n int) string { return strings.Repeat("1-", n/2) + "个" }},
	{"range words", func(n int) string { return strings.Repeat("1至", n/2) + "万" }},
	{"years", func(n int) string { return strings.Repeat("2024", n/4) + "年" }},
	{"months", func(n int) string { return strings.Repeat("1月", n/2) }},
	{"codes", func(n int) string { return strings.Repeat("A1", n/2) }},
	{"plus", func(n int) string { return strings.Repeat("1+", n/2) }},
	{"quotes", func(n int) string { return strings.Repeat("“1", n/2) }},
	{"bound words", func(n int) string { return strings.Repeat("不少于", n/3) + "1个" }},
	{"翻番", func(n int) string { return strings.Repeat("翻", n) }},
	{"两位数", func(n int) string { return strings.Repeat("增长两位数", n/5) }},
	{"ordinals", func(n int) string { return strings.Repeat("第", n/2) + strings.Repeat("1", n/2) }},
	{"capacity", func(n int) string { return strings.Repeat("年产1万", n/4) }},
}

// steps runs the rules over s as one sentence and returns the number of
// steps regexp2 took: the lines "Text:" its debug mode prints, one a step.
func steps(t *testing.T, rs *ruleSet, s []rune) int {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	counted := make(chan int)
	go func() {
		n := 0
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			if bytes.HasPrefix(sc.Bytes(), []byte("Text:")) {
				n++
			}
		}
		counted <- n
	}()
	stdout := os.Stdout
	os.Stdout = w
	x := &Extractor{rules: rs}
	_, merr := x.match(s, nil, newRuleWork(len(s)))
	os.Stdout = stdout
	w.Close()
	n := <-counted
	r.Close()
	if merr != nil {
		t.Fatal(merr)
	}
	return n
}

// TestRulesAreLinear runs each rule alone (so that the steps of one rule
// are not drowned in the constant work of the others) over each hostile
// family at three window sizes n, 2n, 4n and counts regexp2's steps f.
// Steps, not time: the count is the same on any machine. For work linear
// in the window, a + b·n, f(4n) − 2·f(2n) = −a is never positive, whatever
// bounded work a rule does once per run; for quadratic work c·n² it is
// 8c·n², which shows at once. The steps per code point also stay under a
// fixed bound.
func TestRulesAreLinear(t *testing.T) {
	const n, maxPerRune = 32, 100
	for _, r := range Rules {
		rs := debugRules(t, r)
		worst := 0.0
		for _, h := range hostile {
			var f [3]int
			var size [3]int
			for k := range f {
				text := []rune(h.text(n << k))
				f[k], size[k] = steps(t, rs, text), len(text)
			}
			// the families round n to their period: scale to exact sizes
			excess := float64(f[2])/float64(size[2]) - float64(f[1])/float64(size[1])
			per := float64(f[2]) / float64(size[2])
			worst = max(worst, per)
			if excess*float64(size[2]) > max(0.05*float64(f[2]), 200) {
				t.Errorf("rule %s on %s: %d, %d, %d steps on %d, %d, %d code points: the work grows faster than the window",
					r.ID, h.name, f[0], f[1], f[2], size[0], size[1], size[2])
			}
			if per > maxPerRune {
				t.Errorf("rule %s on %s: %.1f steps a code point, want at most %d", r.ID, h.name, per, maxPerRune)
			}
		}
		t.Logf("rule %-18s at most %4.1f steps a code point", r.ID, worst)
	}
}

// debugRules compiles the rule r alone in regexp2's debug mode, which
// prints a line "Text:" at each step (and, while compiling, the program:
// not counted).
func debugRules(t *testing.T, r Rule) *ruleSet {
	t.Helper()
	saved, stdout := ruleOptions, os.Stdout
	defer func() { ruleOptions, os.Stdout = saved, stdout }()
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer devnull.Close()
	ruleOptions, os.Stdout = append(slices.Clip(saved), regexp2.OptionDebug()), devnull
	rs, err := compileRules([]Rule{r})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// TestHostileMegabytes extracts 1 MB of the two texts that took minutes
// (digits, 1万万…万) with a real extractor: no error, their work within
// the limit.
func TestHostileMegabytes(t *testing.T) {
	x := newExtractor(t)
	for _, text := range []string{strings.Repeat("1", 1<<20), "1" + strings.Repeat("万", 1<<20/3) + "元。"} {
		if _, err := x.ExtractChecked(Document{ID: "hostile", Text: text, PlanYear: 2025}); err != nil {
			t.Errorf("%.10s… (1 MB): %v", text, err)
		}
	}
}

// workOf returns the rules' work on d's text and the text's length in code
// points, counted as Extract counts it.
func workOf(x *Extractor, d Document) (int64, int) {
	text := normalize.Clean(d.Text, normalize.Options{HTML: d.HTML}).Runes
	w := newRuleWork(len(text))
	w.limit = math.MaxInt64
	for _, s := range splitSentences(text) {
		x.match(text[s.start:s.end], nil, w)
	}
	return w.used, len(text)
}

// TestReportsFarBelowWorkLimit: the bundled reports and the development
// set use at most a quarter of RuleWorkPerCodePoint (about 1 a code point;
// -v logs the most).
func TestReportsFarBelowWorkLimit(t *testing.T) {
	x := newExtractor(t)
	most, which := 0.0, ""
	for _, d := range append(corpusDocs(t), devDocs(t)...) {
		used, n := workOf(x, d)
		per := float64(used) / float64(n)
		if per > RuleWorkPerCodePoint/4 {
			t.Errorf("%s: the rules' work is %.2f a code point (%d on %d); want at most %d, a quarter of the limit", d.ID, per, used, n, RuleWorkPerCodePoint/4)
		}
		if per > most {
			most, which = per, d.ID
		}
	}
	t.Logf("at most %.2f a code point (%s)", most, which)
}

// TestRuleWorkLimit extracts texts made to make the rules try every
// position of every window (a digit, then characters that rules start
// with): each is over the work limit, the error says so with the figures,
// and the result is the same on an idle and on a loaded machine (here: with
// every core kept busy), because the limit counts work, not time.
func TestRuleWorkLimit(t *testing.T) {
	x := newExtractor(t)
	for _, unit := range []string{"1一", "1“““““““““““““““", "1第第第第第第第第第第第第第第第"} {
		text := strings.Repeat(unit, 30000/utf8.RuneCountInString(unit))
		d := Document{ID: "dense", Text: text, PlanYear: 2025}
		facts, err := x.ExtractChecked(d)
		if !errors.Is(err, ErrRuleWork) {
			t.Fatalf("%q × %d: error %v; want ErrRuleWork", unit, len(text)/len(unit), err)
		}
		limit := fmt.Sprintf("more than %d code points", RuleWorkPerCodePoint*utf8.RuneCountInString(text)+RuleWorkBase)
		if !strings.Contains(err.Error(), limit) {
			t.Errorf("%q: error %q does not name the limit (%q)", unit, err, limit)
		}
		stop := make(chan struct{})
		var busy sync.WaitGroup
		for range runtime.GOMAXPROCS(0) * 2 {
			busy.Add(1)
			go func() {
				defer busy.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
				}
			}()
		}
		loadedFacts, loadedErr := x.ExtractChecked(d)
		close(stop)
		busy.Wait()
		if fmt.Sprint(loadedErr) != fmt.Sprint(err) || !reflect.DeepEqual(loadedFacts, facts) {
			t.Errorf("%q: under load %d facts, error %v; idle %d facts, error %v", unit, len(loadedFacts), loadedErr, len(facts), err)
		}
	}
}
