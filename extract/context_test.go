package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestFiveEnd checks timeWords.fiveEnd against the two searches it
// stands for, on random strings of the characters that matter.
func TestFiveEnd(t *testing.T) {
	pieces := []string{"五", "末", "”", "“", "十三", "年", "a", "五末", "五”末"}
	rng := rand.New(rand.NewPCG(7, 8))
	hits := 0
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for j := rng.IntN(10); j > 0; j-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
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
