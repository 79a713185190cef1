package eval

import (
	"slices"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

func TestSameValue(t *testing.T) {
	tests := []struct {
		a, b float64
		want bool
	}{
		{10, 10, true},
		{342000000, 342000000.5, true}, // 1.5e-9 relative
		{1e6, 1e6 + 1, true},           // exactly 1e-6 relative
		{1e6, 1e6 + 1.01, false},
		{1, 1.00001, false},
		{6.5, 6.5000001, true},
		{-3, -3.000000001, true},
		{-3, 3, false},
		{0, 0, true},
		{0, 1e-12, false}, // zero only equals zero
		{1e-12, 0, false},
	}
	for _, tt := range tests {
		if got := SameValue(tt.a, tt.b); got != tt.want {
			t.Errorf("SameValue(%v, %v) = %v; want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSameIndicator(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"equal", "地区生产总值", "地区生产总值", true},
		{"quotes dropped", "“瞪羚”企业", "瞪羚企业", true},
		{"other quotes dropped", "「晨星工厂」《名录》", "'晨星工厂'\"名录\"", true},
		{"white space dropped", "高新 技术\t企业", "高新技术企业", true},
		{"contains, shorter over half", "高新技术企业", "国家高新技术企业", true},
		{"contains, shorter exactly half", "企业", "新增企业", true},
		{"contains, shorter under half", "企业", "高新技术企业", false},
		{"bigram Jaccard 8/12", "城镇居民人均可支配收入", "农村居民人均可支配收入", true},
		{"bigram Jaccard exactly 0.5", "新增企业", "新增企户", true},
		{"bigram Jaccard 2/5", "新增企业数", "新增企户数", false},
		{"unrelated", "地区生产总值", "一般公共预算收入", false},
		{"one character each", "亩", "米", false},
		{"both empty", "", "", true},
		{"one empty", "", "企业", false},
	}
	for _, tt := range tests {
		if got := SameIndicator(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: SameIndicator(%q, %q) = %v; want %v", tt.name, tt.a, tt.b, got, tt.want)
		}
		if got := SameIndicator(tt.b, tt.a); got != tt.want {
			t.Errorf("%s: SameIndicator(%q, %q) = %v; want %v", tt.name, tt.b, tt.a, got, tt.want)
		}
	}
}

func year(y int32) *int32 { return &y }

// base is a fully specified fact; tests change one field of a copy.
var base = schema.Fact{
	Indicator: "高新技术企业", Measure: "delta", ValueLow: 10, ValueHigh: 10,
	Bound: "ge", Unit: "count", Kind: "target", Year: year(2023),
}

func with(change func(*schema.Fact)) schema.Fact {
	f := base
	change(&f)
	return f
}

func TestAgree(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred schema.Fact
		wrong      []string // the fields that must disagree; all others agree
	}{
		{"identical", base, base, nil},
		{"value within tolerance", base, with(func(f *schema.Fact) { f.ValueLow, f.ValueHigh = 10.000001, 10.000001 }), nil},
		{"value high differs", with(func(f *schema.Fact) { f.ValueHigh = 20 }), with(func(f *schema.Fact) { f.ValueHigh = 30 }), []string{"value"}},
		{"value low differs", base, with(func(f *schema.Fact) { f.ValueLow = 1 }), []string{"value"}},
		{"unit", base, with(func(f *schema.Fact) { f.Unit = "percent" }), []string{"unit"}},
		{"bound", base, with(func(f *schema.Fact) { f.Bound = "eq" }), []string{"bound"}},
		{"measure", base, with(func(f *schema.Fact) { f.Measure = "level" }), []string{"measure"}},
		{"kind", base, with(func(f *schema.Fact) { f.Kind = "actual" }), []string{"kind"}},
		{"year differs", base, with(func(f *schema.Fact) { f.Year = year(2024) }), []string{"year"}},
		{"year missing in prediction", base, with(func(f *schema.Fact) { f.Year = nil }), []string{"year"}},
		{"gold year null accepts a year", with(func(f *schema.Fact) { f.Year = nil }), base, nil},
		{"gold year null accepts null", with(func(f *schema.Fact) { f.Year = nil }), with(func(f *schema.Fact) { f.Year = nil }), nil},
		{"indicator equivalent", base, with(func(f *schema.Fact) { f.Indicator = "国家高新技术企业" }), nil},
		{"indicator differs", base, with(func(f *schema.Fact) { f.Indicator = "农田" }), []string{"indicator"}},
		{"mention, cue, hedge are not scored", base, with(func(f *schema.Fact) { f.Mention, f.Cue, f.Hedge = "x", "y", "z" }), nil},
	}
	for _, tt := range tests {
		for _, field := range Fields {
			want := !slices.Contains(tt.wrong, field)
			if got := Agree(field, tt.gold, tt.pred); got != want {
				t.Errorf("%s: Agree(%q) = %v; want %v", tt.name, field, got, want)
			}
		}
	}
}

func TestDiffs(t *testing.T) {
	gold := with(func(f *schema.Fact) { f.ValueHigh = 20; f.Year = year(2023) })
	pred := with(func(f *schema.Fact) { f.ValueHigh = 30; f.Unit = "percent"; f.Year = nil })
	got := Diffs(gold, pred)
	want := []FieldDiff{
		{"value", "10..20", "10..30"},
		{"unit", `"count"`, `"percent"`},
		{"year", "2023", "null"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Diffs() = %v; want %v", got, want)
	}
}
