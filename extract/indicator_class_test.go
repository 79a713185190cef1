package extract

import "testing"

// TestIndicatorClasses checks, class by class, the indicator of one fact of
// sentences written for the test or taken from unlabelled reports (the
// source names the report; none is a dev or holdout source): the phrase a
// researcher would put in a column header (SPEC 2).
func TestIndicatorClasses(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		class, source, text, mention, want string
	}{
		// (c) a time word or span is no part of a name
		{"time", "written", "年底前完成改造200户。", "200户", "改造"},
		{"time", "province_hebei_2021", "单位GDP能耗五年下降21%。", "21%", "单位GDP能耗"},
		{"time", "province_hebei_2021", "连续五年财政民生支出占比稳定在80%以上。", "80%以上", "财政民生支出占比"},
		{"time", "written", "全县财政用于教育支出五年累计达到36亿元。", "36亿元", "财政用于教育支出"},
		{"time", "written", "中央财政连续三年安排资金90亿元。", "90亿元", "中央财政资金"},
		{"time", "written", "高校毕业生就业率去年底达到91%。", "91%", "高校毕业生就业率"},
		{"time", "written", "来我市就医人次从疫情前的0.2万增至17万。", "0.2万", "来我市就医人次"},
		{"time", "written", "全市粮食总产量连续5年稳定在100万吨以上。", "100万吨以上", "粮食总产量"},
	}
	for _, tc := range tests {
		t.Run(tc.class+"/"+tc.mention, func(t *testing.T) {
			got := "(no fact)"
			for _, f := range x.Extract(Document{ID: tc.source, Text: tc.text, PlanYear: 2025}) {
				if f.Mention == tc.mention {
					got = f.Indicator
					break
				}
			}
			if got != tc.want {
				t.Errorf("%s: indicator of %s in %q = %q, want %q", tc.source, tc.mention, tc.text, got, tc.want)
			}
		})
	}
}
