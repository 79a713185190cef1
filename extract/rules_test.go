package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dlclark/regexp2"

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
		p := r.Pattern
		for k, v := range ph {
			p = strings.ReplaceAll(p, k, "(?:"+v+")")
		}
		alts = append(alts, fmt.Sprintf("(?<r%d>%s)", i, p))
	}
	scan := regexp2.MustCompile(strings.Join(alts, "|"), regexp2.None)

	texts := []string{
		"增长６．５％，新增𝟏𝟎家，“两个100%”，第十九届，PM2.5，３-５个，由2.3%提高到2.5%，翻一番，保持两位数增长，三千瓦，一万亩。",
		"𠀀12亿元𠀀、2024年1月9日、5G、12345热线、九大政策、年产20万吨、过5亿元项目、8至10亿元",
	}
	for _, d := range corpusDocs(t) {
		texts = append(texts, d.Text)
	}
	paths, _ := filepath.Glob("../golden/dev/texts/*.txt")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	checked := 0
	for _, text := range texts {
		v := normalize.Clean(text, normalize.Options{})
		for _, s := range splitSentences(v.Runes) {
			sr := v.Runes[s.start:s.end]
			for _, w := range windows(sr) {
				ws := sr[w.start:w.end]
				for at := range ws {
					want := "none"
					if m, _ := scan.FindRunesMatchStartingAt(ws, at); m != nil {
						for i := range Rules {
							if g := m.GroupByName(fmt.Sprintf("r%d", i)); g != nil && len(g.Captures) > 0 {
								want = fmt.Sprintf("%s@%d+%d", Rules[i].ID, m.Index, m.Length)
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
						if m != nil {
							got = fmt.Sprintf("%s@%d+%d", r.ID, m.Index, m.Length)
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
	follow = append(follow, otherUnits...)
	for _, u := range normalize.BaseUnits {
		follow = append(follow, u.Text)
	}
	for _, b := range normalize.BoundWords {
		follow = append(follow, b.Word)
	}
	for _, w := range follow {
		if w != "" && strings.ContainsAny(w[:1], "0123456789.,") {
			t.Errorf("%q can follow a number and starts like one: {NUM} must not be atomic", w)
		}
	}
}
