package extract

import (
	"strings"
	"testing"
)

// TestUnseenReportClasses: the classes of detection, bound and unit errors
// the labellers of three fresh 2026 provincial reports saw (issue 11):
// round figures written as a bare multiplier, the bound word of a list's
// last item, a measure word with a bracketed variant, numbers with no unit
// in a change, bare 万 before the people counted, prices per thing,
// thresholds in category names and grades. The sentences were written for
// this test.
func TestUnseenReportClasses(t *testing.T) {
	x := newExtractor(t)
	for _, tc := range []struct {
		class, text string
		want        []string
	}{
		// SPEC 4: a bound word makes a bare multiplier a round figure; the
		// things counted follow it
		{"超千场 and 近百场 before what they count", "全年举办超千场群众文化活动、近百场专业赛事。", []string{
			detected("超千场", 1000, "gt", "count", "场", "场"),
			detected("近百场", 100, "approx", "count", "场", "场")}},
		{"an action before a bare count", "年内培育百家专精特新企业。", []string{
			detected("百家", 100, "eq", "count", "家", "家")}},
		{"a bare multiplier in a saying is no count", "让改革成果惠及千家万户。", nil},
		{"a measure word that starts a noun is no count", "帮扶近万家庭增收。", nil},
		{"a scale word stays a name", "建设万亩示范片。", nil},
		// SPEC 7: the bound word after a list's last count covers every
		// count of the list (LABELING: 100项、…20项以上)
		{"以上 after the last item of a list of counts", "新增省级孵化器8家、众创空间12家以上。", []string{
			detected("8家", 8, "ge", "count", "家", "家"),
			detected("12家以上", 12, "ge", "count", "家", "家")}},
		{"左右 after the last item", "改造老旧小区300个、城中村50个左右。", []string{
			detected("300个", 300, "approx", "count", "个", "个"),
			detected("50个左右", 50, "approx", "count", "个", "个")}},
		{"not across another measure word", "新建学校6所、幼儿园20个以上。", []string{
			detected("6所", 6, "eq", "count", "所", "所"),
			detected("20个以上", 20, "ge", "count", "个", "个")}},
		{"not across an item with its own verb", "外贸进出口增长8%、民间投资占比55%以上。", []string{
			detected("8%", 8, "eq", "percent", "%", ""),
			detected("55%以上", 55, "ge", "percent", "%", "")}},
		{"not from a bound word before the last number", "新增上市公司3家、超10家企业完成股改。", []string{
			detected("3家", 3, "eq", "count", "家", "家"),
			detected("超10家", 10, "gt", "count", "家", "家")}},
		// a measure word with its variant in brackets is one unit
		{"台（套） with 以上", "推广首台（套）重大技术装备200台（套）以上。", []string{
			detected("200台（套）以上", 200, "ge", "count", "台（套）", "台套")}},
		{"万台(套)", "全年更新改造设备3.2万台(套)。", []string{
			detected("3.2万台(套)", 32000, "eq", "count", "万台(套)", "台套")}},
		// SPEC 5: numbers with no unit in a change 从A…至B (a ratio, a score)
		{"a ratio and a score with no unit", "城乡收入倍差从2.05缩小至1.93，群众安全感满意度由92.1提升到95.4。", []string{
			detected("2.05", 2.05, "eq", "other", "", ""),
			detected("1.93", 1.93, "eq", "other", "", ""),
			detected("92.1", 92.1, "eq", "other", "", ""),
			detected("95.4", 95.4, "eq", "other", "", "")}},
		{"a unitless end with a bound word", "营商环境评价得分从81提高到85以上。", []string{
			detected("81", 81, "eq", "other", "", ""),
			detected("85以上", 85, "ge", "other", "", "")}},
		{"years are no unitless change", "从2021到2025年，累计新增就业40万人。", []string{
			detected("40万人", 400000, "eq", "count", "万人", "人")}},
		// LABELING: people counted with a bare 万, a modifier before them
		{"bare 万 before 偏远山区群众 and 在校生", "让16万偏远山区群众用上自来水，资助3.4万在校生。", []string{
			detected("16万", 160000, "eq", "other", "万", ""),
			detected("3.4万", 34000, "eq", "other", "万", "")}},
		{"bare 万 before 纳税人", "提高个税专项附加扣除标准，惠及120万纳税人。", []string{
			detected("120万", 1.2e6, "eq", "other", "万", "")}},
		// SPEC 5: prices per thing are unit other, unit_text as written
		{"prices per kilowatt hour and per head", "新能源上网电价提高2分/千瓦时，人均补助达到1.2万元/人。", []string{
			detected("2分/千瓦时", 2, "eq", "other", "分/千瓦时", ""),
			detected("1.2万元/人", 12000, "eq", "other", "万元/人", "")}},
		{"a price per tonne", "污水处理费提高到1.5元/吨。", []string{
			detected("1.5元/吨", 1.5, "eq", "other", "元/吨", "")}},
		// other units of the genre
		{"车次, 航次 and 重量箱", "开行货运班列3.5万车次，完成海上运输800航次，压减平板玻璃产能500万重量箱。", []string{
			detected("3.5万车次", 35000, "eq", "count", "万车次", "车次"),
			detected("800航次", 800, "eq", "count", "航次", "航次"),
			detected("500万重量箱", -5e6, "eq", "other", "万重量箱", "")}},
		{"minutes a journey is cut to", "两市通勤时间缩短至40分钟。", []string{
			detected("40分钟", 40, "eq", "other", "分钟", "")}},
		{"minutes naming a time circle", "构建全域20分钟、中心城区15分钟通达圈。", nil},
		// SPEC 7: thresholds inside a category name are no facts
		{"过 and a Chinese-numeral threshold before 城市", "新增2个过五千亿元城市。", []string{
			detected("2个", 2, "eq", "count", "个", "个")}},
		{"a grade 1类 is no count", "新增3个1类新药获批上市。", []string{
			detected("3个", 3, "eq", "count", "个", "个")}},
	} {
		t.Run(tc.class, func(t *testing.T) {
			if got := detectedIn(x, tc.text); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Extract(%q):\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}
