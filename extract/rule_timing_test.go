package extract

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestRuleTiming(t *testing.T) {
	paths, _ := filepath.Glob("../corpus/*.txt")
	rules, _ := compileRules(Rules)
	for _, r := range rules {
		st := time.Now()
		for _, p := range paths {
			b, _ := os.ReadFile(p)
			m, _ := r.re.FindStringMatch(string(b))
			for m != nil {
				m, _ = r.re.FindNextMatch(m)
			}
		}
		t.Logf("%-22s %v", r.ID, time.Since(st))
	}
}
