package lexicon

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestDefault(t *testing.T) {
	l, err := Parse(embedded)
	if err != nil {
		t.Fatalf("Parse(lexicon.tsv): %v", err)
	}
	if got, want := len(l.Entries()), len(Default().Entries()); got != want || got < 400 {
		t.Errorf("Parse(lexicon.tsv) has %d rows, Default %d; want the same, at least 400", got, want)
	}
}

// TestRolesAgree checks what one word's roles imply about its others.
func TestRolesAgree(t *testing.T) {
	for _, e := range Default().Entries() {
		has := e.Roles.HasAny
		switch {
		case e.Sign < 0 && !has(Cue...):
			t.Errorf("line %d: %s is a decrease but no cue", e.Line, e.Word)
		case has(GrowthNext) && !has(Growth):
			t.Errorf("line %d: %s states a growth rate but is no growth cue", e.Line, e.Word)
		case has(Level) && (strings.HasSuffix(e.Word, "到") || strings.HasSuffix(e.Word, "至")) && e.Sign < 0:
			t.Errorf("line %d: %s names the level reached, which has no sign", e.Line, e.Word)
		case has(Passive) && !has(Predicate):
			t.Errorf("line %d: %s is passive but no predicate", e.Line, e.Word)
		case e.Tag == "v" && !has(Cue...) && !has(Retag): // a retag only corrects the dictionary's tag (公开: ad in jieba)
			t.Errorf("line %d: %s is a verb for the segmenter but no cue", e.Line, e.Word)
		}
	}
	// a verb of change that falls is a decrease: 压降 and friends once were not
	for _, w := range []string{"压减", "压降", "缩减", "减排", "削减", "下降"} {
		e, ok := Default().Lookup(w)
		if !ok || e.Sign >= 0 || !e.Roles.Has(Delta) {
			t.Errorf("Lookup(%q) = %+v, %v; want a delta cue with sign -1", w, e, ok)
		}
	}
	// relief granted is money given to those relieved, no fall: positive
	// (LABELING: 为企业减负, 减税降费 are positive deltas)
	for _, w := range []string{"减负", "减税降费"} {
		e, ok := Default().Lookup(w)
		if !ok || e.Sign < 0 || !e.Roles.Has(Delta) {
			t.Errorf("Lookup(%q) = %+v, %v; want a delta cue with sign +1", w, e, ok)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"新增\tdelta\t+\t\n新增\tdelta\t+\t\n", "line 2: \"新增\" is already the row of line 1"},
		{"新增\tdelta\t+\n", "line 1: 3 fields"},
		{"新增\tdeltas\t+\t\n", `unknown role "deltas"`},
		{"新增\t\t+\t\n", "no role"},
		{"新增\tdelta\t\t\n", "a cue has a sign"},
		{"的\ttrim-prefix\t-\t\n", "a cue has a sign"},
		{"新增\tdelta\t+\tv 3000\n", "segmenter entry"},
		{"新增\tdelta\t*\t\n", `sign "*"`},
		{"城乡=城镇\tpair\t\t\n", "a pair is written A=B+C"},
		{"城乡=城镇+农村\tnot-alone\t\t\n", "a pair is written A=B+C"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v; want one containing %q", tt.in, err, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	l, err := Parse([]byte("# comment\n\n压降\tdelta growth\t-\t2000 v\n的\ttrim-prefix trim-suffix\t\t\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Words(Delta); len(got) != 1 || got[0] != "压降" {
		t.Errorf("Words(Delta) = %q; want [压降]", got)
	}
	if got := l.Words(TrimPrefix, TrimSuffix); len(got) != 1 || got[0] != "的" {
		t.Errorf("Words(TrimPrefix, TrimSuffix) = %q; want [的]", got)
	}
	if !l.Is("压降", Growth) || l.Is("压降", Level) || l.Is("压减", Growth) {
		t.Errorf("Is: 压降 growth %v, level %v; 压减 growth %v; want true, false, false", l.Is("压降", Growth), l.Is("压降", Level), l.Is("压减", Growth))
	}
	if got := l.Decreases(); len(got) != 1 || got[0] != "压降" {
		t.Errorf("Decreases() = %q; want [压降]", got)
	}
	if got := l.Entries()[0]; got.Line != 3 || got.Freq != 2000 || got.Tag != "v" || got.Sign != -1 {
		t.Errorf("row 1 = %+v; want line 3, 2000 v, sign -1", got)
	}
	if got := RolesOf(Growth, Delta).String(); got != "delta growth" {
		t.Errorf("RolesOf(Growth, Delta).String() = %q; want %q", got, "delta growth")
	}
	if got := Delta.String(); got != "delta" {
		t.Errorf("Delta.String() = %q; want delta", got)
	}
	s := RolesOf(Level).With(Achieve).Union(RolesOf(Delta))
	if !s.Has(Achieve) || !s.Has(Level) || !s.HasAny(Growth, Delta) || s.HasAny(Growth) || s.Without(Level, Delta) != RolesOf(Achieve) || s.IsEmpty() || !(Roles{}).IsEmpty() {
		t.Errorf("RolesOf(level).With(achieve).Union(delta) = %v: Has, HasAny, Without or IsEmpty wrong", s)
	}
}

// TestUserDict checks that the segmenter dictionary holds the rows with an
// entry and the units, each line "word frequency tag".
func TestUserDict(t *testing.T) {
	d := Default().UserDict()
	for _, want := range []string{"新增 3000 v\n", "地区生产总值 2000 n\n", "个百分点 3000 m\n", "万千瓦时 2000 q\n", "亿元 3000 q\n", "人次 2000 q\n"} {
		if !bytes.Contains(d, []byte(want)) {
			t.Errorf("UserDict() lacks %q", want)
		}
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(d), "\n"), "\n") {
		if len(strings.Fields(line)) != 3 {
			t.Errorf("UserDict() line %d = %q; want word frequency tag", i+1, line)
		}
	}
}

// TestNoRoleArithmetic checks that no Go file of the module combines roles
// with the bit operators: a Role is the number of its bit, not the bit, so
// the union of two roles by the operator compiles and is a third, wrong
// role. Pass several roles to Is, Words and Set, or use a Roles set.
func TestNoRoleArithmetic(t *testing.T) {
	bad := regexp.MustCompile(`(^|[^\w.])(lexicon\.)?[A-Z]\w*\s*(\||&\^?)\s*(lexicon\.)?[A-Z]\w*`)
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		inside := filepath.Base(filepath.Dir(path)) == "lexicon"
		for n, line := range strings.Split(string(src), "\n") {
			if (inside || strings.Contains(line, "lexicon.")) && bad.MatchString(line) {
				t.Errorf("%s:%d: roles combined with | or &: %s", path, n+1, strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
