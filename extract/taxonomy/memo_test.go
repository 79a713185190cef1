package taxonomy

import (
	"fmt"
	"sync"
	"testing"
)

// TestMemoPublishes stores answers from several goroutines at once and
// checks that each is loaded back, published or pending, and that the
// memo counts each key once.
func TestMemoPublishes(t *testing.T) {
	var m memo
	code := "gdp"
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 3000 {
				k := memoKey{fmt.Sprint("指标", i), "level", "CNY"}
				var c *string
				if i%2 == 0 {
					c = &code
				}
				if !m.store(k, c) {
					t.Errorf("goroutine %d: store(%v) = false, want true", g, k)
				}
				if got, ok := m.load(k); !ok || got != c {
					t.Errorf("goroutine %d: load(%v) = %v, %v, want %v, true", g, k, got, ok, c)
				}
			}
		})
	}
	wg.Wait()
	if m.n != 3000 {
		t.Errorf("memo holds %d answers, want 3000", m.n)
	}
	if p := m.published.Load(); p == nil || len(*p) < 2000 {
		t.Errorf("published answers: want most of 3000")
	}
}
