package preload

import "testing"

func TestWants(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"extract", "corpus"}, true},
		{[]string{"show", "r.txt"}, true},
		{[]string{"explain", "r.txt"}, true},
		{[]string{"review", "corpus"}, true},
		{[]string{"version"}, false},
		{[]string{"panel", "out"}, false},
		{[]string{"-test.run=TestWants"}, false},
		{[]string{"corpus", "extract"}, false},
	} {
		if got := wants(c.args); got != c.want {
			t.Errorf("wants(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}
