package extract

import (
	"strings"
	"testing"
)

// TestCategoryThresholds: a threshold (以上, 超, a range) before a
// category noun of the lexicon, or before 的 and one, names a class (SPEC
// 4: 亿元以上项目): no fact; the count of the class is one, and so is a
// threshold with its verb and no class after it. The sentences were
// written for this test.
func TestCategoryThresholds(t *testing.T) {
	x := newExtractor(t)
	for _, tc := range []struct {
		class, text string
		want        []string
	}{
		{"a list of 超 thresholds before one class", "全年新增主营业务收入超20亿元、超60亿元产业集群5个和3个。", []string{
			detected("5个", 5, "eq", "count", "个", "个"),
			detected("3个", 3, "eq", "count", "个", "个")}},
		{"以上 的 and a long class name", "扶持30家年销售收入5亿元以上的特色食品加工产业集群。", []string{
			detected("30家", 30, "eq", "count", "家", "家")}},
		{"a range of percentages 的 a quoted class", "整治280个闲置率40%—60%的“空心村”。", []string{
			detected("280个", 280, "eq", "count", "个", "个")}},
		{"a physical threshold 的 a class", "引导年吞吐量50万吨以上的港区、物流园区建设铁路专用线。", nil},
		{"households in a village class", "全县50户以上自然村实现客车通达。", nil},
		{"超 before a mine", "新发现某地超20吨铁矿2处。", []string{
			detected("2处", 2, "eq", "count", "处", "处")}},
		// what stays a fact
		{"a threshold with its verb", "全年完成工业投资15亿元以上。", []string{
			detected("15亿元以上", 1.5e9, "ge", "CNY", "亿元", "")}},
		{"the count of a money class", "新签约5亿元以上项目16个。", []string{
			detected("16个", 16, "eq", "count", "个", "个")}},
		{"a count of the class itself", "新建3个以上省级物流园区。", []string{
			detected("3个以上", 3, "ge", "count", "个", "个")}},
		{"a count of the class itself, with 的", "培育5家以上的龙头企业。", []string{
			detected("5家以上", 5, "ge", "count", "家", "家")}},
		{"以上 的 a word that is no class", "产业规模达到80亿元以上的水平。", []string{
			detected("80亿元以上", 8e9, "ge", "CNY", "亿元", "")}},
		{"超 and a clause break before a class", "社会消费品零售总额超200亿元，项目建设提速。", []string{
			detected("超200亿元", 2e10, "gt", "CNY", "亿元", "")}},
		{"a percentage before a noun without 的", "规上工业增加值增长8%以上企业效益改善。", []string{
			detected("8%以上", 8, "ge", "percent", "%", "")}},
	} {
		t.Run(tc.class, func(t *testing.T) {
			if got := detectedIn(x, tc.text); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Extract(%q):\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestNamedCountsAndRemovals: a number inside a name (三条控制线, 八个一,
// 十二届七次全会, 七天云谷) is no fact, but a count whose noun starts with 一 (一般性, 一体化, 一级) is;
// a count whose phrase ends with a removal (全部销号, 已拆除, 关停) is a
// negative delta (SPEC 7), a fall there is not. The sentences were written
// for this test.
func TestNamedCountsAndRemovals(t *testing.T) {
	x := newExtractor(t)
	for _, tc := range []struct {
		class, text string
		want        []string
	}{
		{"a count of 一般性 things closed out", "排查出的76个一般性隐患点全部销号。", []string{
			detected("76个", -76, "eq", "count", "个", "个")}},
		{"counts of 一体化 and 一级 things", "建成4个一体化示范区，新增9个一级学科。", []string{
			detected("4个", 4, "eq", "count", "个", "个"),
			detected("9个", 9, "eq", "count", "个", "个")}},
		{"八个一 is a name", "深入落实八个一工程。", nil},
		{"N条控制线 is a name", "科学划定三条控制线，优化国土空间布局。", nil},
		{"N条红线 is a name", "严守两条红线。", nil},
		{"a count removed after its noun", "全市违法建筑320处已拆除，5个指标下降。", []string{
			detected("320处", -320, "eq", "count", "处", "处"),
			detected("5个", 5, "eq", "count", "个", "个")}},
		{"注销 before the count", "依法注销长期停业企业230户。", []string{
			detected("230户", -230, "eq", "count", "户", "户")}},
		{"the sessions of a plenum are ordinals", "贯彻落实市委十二届七次、八次全会精神。", nil},
		{"a count of meetings stays", "全年召开政府常务会议26次。", []string{
			detected("26次", 26, "eq", "count", "次", "次")}},
		{"days inside a company's name", "支持某地七天云谷科技等企业做大做强。", nil},
		{"days before 的 or 内 stay", "经过五天的集中攻坚，七天内全部办结。", []string{
			detected("五天", 5, "eq", "day", "天", ""),
			detected("七天", 7, "eq", "day", "天", "")}},
		{"problems 化解 are solved, not removed", "全市3200多件信访积案得到有效化解。", []string{
			detected("3200多件", 3200, "gt", "count", "件", "件")}},
		{"a count finished is no removal", "45项重点任务全部完成。", []string{
			detected("45项", 45, "eq", "count", "项", "项")}},
	} {
		t.Run(tc.class, func(t *testing.T) {
			if got := detectedIn(x, tc.text); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Extract(%q):\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestRemovalSigns: the sign of a count or amount (SPEC 7) when the
// removal is not the first cue: a removal right after the cue (完成裁减)
// is negative, the level a cut reaches (缩减为) is not, and a decrease
// word that is no action on things (改善) does not make a count of things
// improved negative. The sentences were written for this test.
func TestRemovalSigns(t *testing.T) {
	x := newExtractor(t)
	for _, tc := range []struct {
		class, text string
		want        []string
	}{
		{"a removal right after the cue", "年内完成淘汰落后产能煤矿12处。", []string{
			detected("12处", -12, "eq", "count", "处", "处")}},
		{"an area after a removal's object is another action's", "完成关停矿山复绿治理1500亩。", []string{
			detected("1500亩", 1500, "eq", "mu", "亩", "")}},
		{"the level a cut reaches", "行政经费压缩为8000万元。", []string{
			detected("8000万元", 8e7, "eq", "CNY", "万元", "")}},
		{"things improved are counted up", "改善1200多所农村学校办学条件。", []string{
			detected("1200多所", 1200, "gt", "count", "所", "所")}},
		{"a concentration improved falls", "细颗粒物平均浓度改善6%。", []string{
			detected("6%", -6, "eq", "percent", "%", "")}},
	} {
		t.Run(tc.class, func(t *testing.T) {
			if got := detectedIn(x, tc.text); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Extract(%q):\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}
