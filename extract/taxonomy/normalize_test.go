package taxonomy

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// TestNormalizeEqualsRegexps checks the word-list loops of Normalize against
// the regular expressions they replace, built from the same lists: scope
// words removed as ^(?:…)+ removes them, rate words as (?:…)+$ does. The
// strings are random sequences of scope words, rate words, their pieces and
// other characters, so that overlaps (预期/预期目标, 达/达到) and words inside
// words are all met.
func TestNormalizeEqualsRegexps(t *testing.T) {
	scope := regexp.MustCompile(`^(?:` + strings.Join(scopeWords, "|") + `)+`)
	rate := regexp.MustCompile(`(?:` + strings.Join(rateWords, "|") + `)+$`)
	var pieces []string
	pieces = append(pieces, scopeWords...)
	pieces = append(pieces, rateWords...)
	for _, w := range append(append([]string{}, scopeWords...), rateWords...) {
		r := []rune(w)
		pieces = append(pieces, string(r[:1]), string(r[len(r)-1:]))
	}
	pieces = append(pieces, "地区生产总值", "收入", "a", " ", "“", "标", "比")
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := rng.Intn(7); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		if got, want := trimScopeWords(s), scope.ReplaceAllString(s, ""); got != want {
			t.Fatalf("trimScopeWords(%q) = %q; want %q", s, got, want)
		}
		if got, want := trimRateWords(s), rate.ReplaceAllString(s, ""); got != want {
			t.Fatalf("trimRateWords(%q) = %q; want %q", s, got, want)
		}
	}
}

func BenchmarkNormalize(b *testing.B) {
	phrases := []string{"全省地区生产总值增长", "城镇居民人均可支配收入实际增长", "一般公共预算收入", "规模以上工业增加值年均增长", "社会消费品零售总额"}
	for b.Loop() {
		for _, p := range phrases {
			Normalize(p)
		}
	}
}
