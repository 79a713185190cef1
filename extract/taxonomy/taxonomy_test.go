package taxonomy

import (
	"os"

	"github.com/gwrfacts/gwr/schema"
	"path/filepath"
	"strings"
	"testing"
)

// TestAssign runs the default taxonomy over indicator phrases as gwr
// extract reads them from the reports of ../shared/corpus-extra and
// ../shared/corpus-national (phrase, measure, unit), grouped by theme.
func TestAssign(t *testing.T) {
	tests := []struct {
		indicator, measure, unit string
		want                     string
	}{
		// output: growth and level, every name reports use
		{"地区生产总值", "growth", "percent", "gdp_growth"},
		{"全省地区生产总值", "growth", "percent", "gdp_growth"},
		{"生产总值", "growth", "percent", "gdp_growth"},
		{"国内生产总值", "growth", "percent", "gdp_growth"},
		{"GDP", "growth", "percent", "gdp_growth"},
		{"经济增长", "growth", "percent", "gdp_growth"},
		{"经济", "growth", "percent", "gdp_growth"},
		{"中央提出今年经济增长", "growth", "percent", "gdp_growth"},
		{"经济增长速度的调控", "level", "percent", "gdp_growth"},
		{"经济增长速度", "level", "percent", "gdp_growth"},
		{"经济增长速度", "growth", "percent", "gdp_growth"},
		{"经济增长速度的调控", "growth", "percent", "gdp_growth"},
		{"地区生产总值", "level", "CNY", "gdp"},
		{"国内生产总值", "level", "CNY", "gdp"},
		{"我国经济总量", "level", "CNY", "gdp"},
		{"人均地区生产总值", "level", "USD", "gdp_per_capita"},
		{"国民生产总值", "level", "CNY", "gnp"},
		{"规上工业增加值", "growth", "percent", "industry_va_growth"},
		{"规模以上工业增加值", "growth", "percent", "industry_va_growth"},
		{"服务业增加值", "growth", "percent", "services_va_growth"},
		{"高技术制造业", "growth", "percent", "high_tech_mfg_va_growth"},
		// prices and jobs
		{"居民消费价格", "growth", "percent", "cpi"},
		{"居民消费价格涨幅", "level", "percent", "cpi"},
		{"居民消费价格指数涨幅", "level", "percent", "cpi"},
		{"居民消费价格总水平涨幅", "level", "percent", "cpi"},
		{"物价涨幅", "level", "percent", "cpi"},
		{"城镇调查失业率", "level", "percent", "unemployment"},
		{"城镇登记失业率", "level", "percent", "registered_unemployment"},
		{"城镇就业", "delta", "count", "new_jobs"},
		{"城镇新增就业", "delta", "count", "new_jobs"},
		{"城镇新增就业人数", "level", "count", "new_jobs"},
		// public finance
		{"一般公共预算收入", "growth", "percent", "fiscal_revenue_growth"},
		{"地方一般公共预算收入", "growth", "percent", "fiscal_revenue_growth"},
		{"县级一般公共预算收入", "growth", "percent", "fiscal_revenue_growth"},
		{"财政收入", "growth", "percent", "fiscal_revenue_growth"},
		{"一般公共预算收入", "level", "CNY", "fiscal_revenue"},
		{"赤字率拟按", "level", "percent", "deficit_ratio"},
		{"中央财政赤字", "level", "CNY", "deficit"},
		{"地方政府专项债券", "delta", "CNY", "special_bonds"},
		{"超长期特别国债", "delta", "CNY", "ultra_long_bonds"},
		{"广义货币M2", "growth", "percent", "m2_growth"},
		// investment, consumption, trade, foreign capital
		{"固定资产投资", "growth", "percent", "fai_growth"},
		{"全社会固定资产投资", "growth", "percent", "fai_growth"},
		{"全社会固定资产投资", "level", "CNY", "fai"},
		{"民间投资", "growth", "percent", "private_investment_growth"},
		{"技改投资", "growth", "percent", "tech_upgrade_investment_growth"},
		{"社会消费品零售总额", "growth", "percent", "retail_growth"},
		{"社会消费品零售总额实际", "growth", "percent", "retail_growth"},
		{"社会商品零售总额", "level", "CNY", "retail"},
		{"网络零售额", "growth", "percent", "online_retail_growth"},
		{"进出口总额", "growth", "percent", "trade"},
		{"进出口总额", "level", "USD", "trade"},
		{"外贸进出口总值", "level", "CNY", "trade"},
		{"货物贸易进出口总额", "growth", "percent", "trade"},
		{"进出口", "growth", "percent", "trade"},
		{"出口", "growth", "percent", "export_growth"},
		{"出口总额", "level", "CNY", "exports"},
		{"实际利用外资", "level", "USD", "fdi"},
		{"实际使用外资", "growth", "percent", "fdi_growth"},
		// incomes
		{"居民人均可支配收入", "growth", "percent", "income_growth"},
		{"全体居民人均可支配收入", "growth", "percent", "income_growth"},
		{"居民人均可支配收入实际", "growth", "percent", "income_growth"},
		{"城镇居民人均可支配收入", "growth", "percent", "urban_income_growth"},
		{"城镇居民人均可支配收入", "level", "CNY", "urban_income"},
		{"农村居民人均可支配收入实际", "growth", "percent", "rural_income_growth"},
		{"农村居民人均纯收入", "level", "CNY", "rural_income"},
		// R&D, innovation
		{"全社会研发经费投入强度", "level", "percent", "rd_intensity"},
		{"研发投入强度", "level", "percent", "rd_intensity"},
		{"研究与试验发展经费强度", "level", "percent", "rd_intensity"},
		{"全社会研发经费投入", "growth", "percent", "rd_spending_growth"},
		{"科技进步贡献率", "level", "percent", "tech_progress_contribution"},
		{"技术合同成交额", "level", "CNY", "tech_contract_value"},
		{"高新技术企业", "delta", "count", "high_tech_firms_new"},
		{"国家级高新技术企业", "level", "count", "high_tech_firms"},
		{"科技型中小企业", "delta", "count", "tech_smes_new"},
		// energy, emissions, environment
		{"单位国内生产总值能耗", "growth", "percent", "energy_intensity"},
		{"单位GDP能耗", "growth", "percent", "energy_intensity"},
		{"单位生产总值能耗", "growth", "percent", "energy_intensity"},
		{"单位国内生产总值用水量", "growth", "percent", "water_intensity"},
		{"单位GDP二氧化碳排放", "growth", "percent", "carbon_intensity"},
		{"非化石能源占一次能源消费比重", "level", "percent", "non_fossil_share"},
		{"化学需氧量", "growth", "percent", "cod_emissions"},
		{"二氧化硫排放量", "growth", "percent", "so2_emissions"},
		{"PM2.5平均浓度", "growth", "percent", "pm25_change"},
		{"细颗粒物（PM2.5）平均浓度", "growth", "percent", "pm25_change"},
		{"PM2.5平均浓度", "level", "ug/m3", "pm25"},
		{"空气质量优良天数比率", "level", "percent", "air_quality_days"},
		{"森林覆盖率", "level", "percent", "forest_cover"},
		// agriculture, urbanisation, housing
		{"粮食产量", "level", "t", "grain"},
		{"粮食总产量", "level", "t", "grain"},
		{"高标准农田", "delta", "mu", "high_standard_farmland"},
		{"农林牧渔业总产值", "growth", "percent", "agri_output_growth"},
		{"常住人口城镇化率", "level", "percent", "urbanization"},
		{"城镇化率", "level", "percent", "urbanization"},
		{"户籍人口城镇化率", "level", "percent", "urbanization_hukou"},
		{"老旧小区", "delta", "count", "old_housing_renovation"},
		{"棚户区住房", "delta", "count", "shantytown_renovation"},
		{"农村危房改造", "delta", "count", "rural_housing_renovation"},
		// education, health, social security
		{"学前三年毛入园率", "level", "percent", "preschool_enrolment"},
		{"普惠性幼儿园覆盖率", "level", "percent", "public_kindergarten_coverage"},
		{"人均预期寿命", "level", "other", "life_expectancy"},
		{"基本养老保险参保率", "level", "percent", "basic_pension_insurance"},
		{"基本医保参保率", "level", "percent", "basic_medical_insurance"},
		{"人均基本公共卫生服务经费补助标准", "level", "CNY", "public_health_funding"},

		// no code rather than a wrong one
		{"城乡居民人均可支配收入", "growth", "percent", ""}, // all residents or the urban/rural pair
		{"“十五”期间年均经济增长速度", "level", "percent", ""},
		{"地区生产总值", "level", "percent", ""}, // a share, not the level
		{"地区生产总值", "delta", "CNY", ""},
		{"地区生产总值由“十二五”末", "level", "CNY", ""},
		{"数字经济", "growth", "percent", ""},
		{"县域经济", "growth", "percent", ""},
		{"二氧化碳排放", "growth", "percent", ""}, // intensity or total: the text decides
		{"死亡人数", "growth", "percent", ""},
		{"国内生产总值", "growth", "times", ""},
		{"高新技术企业", "growth", "percent", ""},
		{"投资", "delta", "CNY", ""},
		{"", "growth", "percent", ""},
		{"城镇调查失业率", "growth", "percent", "unemployment"}, // a list's 增长 carried onto the rate
		{"城镇调查失业率", "delta", "pp", ""},
		{"粮食产量", "level", "CNY", ""},
	}
	tax := Default()
	for _, tt := range tests {
		if got := tax.Assign(tt.indicator, tt.measure, tt.unit); got != tt.want {
			t.Errorf("Assign(%q, %s, %s) = %q, want %q", tt.indicator, tt.measure, tt.unit, got, tt.want)
		}
	}
}

// TestRequiredCodes checks the codes the panel's users rely on: their
// names, measures and units.
func TestRequiredCodes(t *testing.T) {
	tax := Default()
	if n := len(tax.Codes); n < 80 {
		t.Errorf("the taxonomy has %d codes, want at least 80", n)
	}
	required := []struct{ code, nameZH, measure, unit, direction string }{
		{"gdp_growth", "地区生产总值增长", "growth", "percent", Up},
		{"gdp", "地区生产总值", "level", "CNY", Up},
		{"cpi", "居民消费价格涨幅", "growth", "percent", Down},
		{"unemployment", "城镇调查失业率", "level", "percent", Down},
		{"new_jobs", "城镇新增就业", "delta", "count", Up},
		{"fiscal_revenue_growth", "一般公共预算收入增长", "growth", "percent", Up},
		{"fai_growth", "固定资产投资增长", "growth", "percent", Up},
		{"retail_growth", "社会消费品零售总额增长", "growth", "percent", Up},
		{"income_growth", "居民人均可支配收入增长", "growth", "percent", Up},
		{"urban_income_growth", "城镇居民人均可支配收入增长", "growth", "percent", Up},
		{"rural_income_growth", "农村居民人均可支配收入增长", "growth", "percent", Up},
		{"trade", "进出口总额", "growth", "percent", Up},
		{"trade", "进出口总额", "level", "CNY", Up},
		{"export_growth", "出口增长", "growth", "percent", Up},
		{"exports", "出口总额", "level", "USD", Up},
		{"rd_intensity", "研发经费投入强度", "level", "percent", Up},
		{"grain", "粮食产量", "level", "t", Up},
		{"energy_intensity", "单位地区生产总值能耗", "growth", "percent", Down},
	}
	for _, r := range required {
		c, ok := tax.Lookup(r.code)
		if !ok {
			t.Errorf("no code %s", r.code)
			continue
		}
		if c.NameZH != r.nameZH || c.Direction != r.direction {
			t.Errorf("%s: name_zh %q, direction %q; want %q, %q", r.code, c.NameZH, c.Direction, r.nameZH, r.direction)
		}
		if !contains(c.Measures, r.measure) || !contains(c.Units, r.unit) {
			t.Errorf("%s: measures %v, units %v; want them to include %s, %s", r.code, c.Measures, c.Units, r.measure, r.unit)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TestAssignFactsPairs checks the 分别 pairs: 城乡居民人均可支配收入 with two
// numbers is urban, then rural; with one number it is left without code.
func TestAssignFactsPairs(t *testing.T) {
	s1 := "城乡居民人均可支配收入分别增长4.4%、5.6%。"
	s2 := "城乡居民人均可支配收入增长5.8%。"
	facts := []schema.Fact{
		{Indicator: "城乡居民人均可支配收入", Measure: "growth", Unit: "percent", Sentence: s1},
		{Indicator: "城乡居民人均可支配收入分别增长", Measure: "growth", Unit: "percent", Sentence: s1},
		{Indicator: "城乡居民人均可支配收入", Measure: "growth", Unit: "percent", Sentence: s2},
		{Indicator: "地区生产总值", Measure: "growth", Unit: "percent", Sentence: "地区生产总值增长5%。"},
	}
	Default().AssignFacts(facts)
	want := []string{"urban_income_growth", "rural_income_growth", "", "gdp_growth"}
	for i, f := range facts {
		got := ""
		if f.IndicatorCode != nil {
			got = *f.IndicatorCode
		}
		if got != want[i] {
			t.Errorf("fact %d (%s in %s): code %q, want %q", i, f.Indicator, f.Sentence, got, want[i])
		}
	}
}

const header = "code\tname_zh\tname_en\tmeasure\tunit\tdirection\tpatterns\tnote\n"

// TestLoad extends the default taxonomy with a file: a new code is added,
// a known code is replaced, and the hash changes.
func TestLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mine.tsv")
	body := header +
		"# a researcher's codes\n" +
		"county_economy_growth\t县域经济增长\tCounty economy growth\tgrowth\tpercent\tup\t县域经济\t\n" +
		"gdp_growth\t地区生产总值增长\tGDP growth\tgrowth\tpercent\tup\t(地区)?生产总值\tnarrower\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	tax, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := tax.Assign("县域经济", "growth", "percent"); got != "county_economy_growth" {
		t.Errorf("extended Assign(县域经济) = %q, want county_economy_growth", got)
	}
	if got := tax.Assign("经济", "growth", "percent"); got != "" {
		t.Errorf("replaced gdp_growth still maps 经济: got %q, want \"\"", got)
	}
	if got := tax.Assign("地区生产总值", "level", "CNY"); got != "gdp" {
		t.Errorf("Assign(地区生产总值, level) = %q, want gdp (default rows kept)", got)
	}
	if got, want := len(tax.Codes), len(Default().Codes)+1; got != want {
		t.Errorf("%d codes, want %d", got, want)
	}
	if tax.Hash() == Default().Hash() {
		t.Error("extending the taxonomy left its hash unchanged")
	}
}

// TestParseErrors checks that a bad file is an error naming the file, the
// line and what is wrong.
func TestParseErrors(t *testing.T) {
	row := func(fields ...string) string { return strings.Join(fields, "\t") + "\n" }
	tests := []struct{ body, want string }{
		{"code\tname\n", "x.tsv:1: header is"},
		{"", "x.tsv: no header row"},
		{header + row("gdp", "a", "b", "level", "CNY", "up", "x"), "x.tsv:2: 7 fields, want 8"},
		{header + row("GDP", "a", "b", "level", "CNY", "up", "x", ""), `x.tsv:2: code "GDP"`},
		{header + row("g", "a", "b", "rate", "CNY", "up", "x", ""), `x.tsv:2: g: measure "rate"`},
		{header + row("g", "a", "b", "level", "yuan", "up", "x", ""), `x.tsv:2: g: unit "yuan"`},
		{header + row("g", "a", "b", "level", "CNY", "better", "x", ""), `x.tsv:2: g: direction "better"`},
		{header + row("g", "a", "b", "level", "CNY", "up", "(x", ""), "x.tsv:2: g: patterns:"},
		{header + row("g", "a", "b", "level", "CNY", "up", "x", "") + row("g", "a", "b", "level", "CNY", "up", "y", ""), "x.tsv:3: code g given twice"},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.body), "x.tsv")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want one containing %q", tt.body, err, tt.want)
		}
	}
}

// TestPairsHoldChengXiang checks what pairOf's quick test assumes: every
// pair phrase holds 城 and 乡, so an indicator without them is no pair.
func TestPairsHoldChengXiang(t *testing.T) {
	for _, p := range pairs {
		if !strings.Contains(p.phrase, "城") || !strings.Contains(p.phrase, "乡") {
			t.Errorf("pair phrase %s: holds 城 %v and 乡 %v, want both (pairOf skips indicators without them)",
				p.phrase, strings.Contains(p.phrase, "城"), strings.Contains(p.phrase, "乡"))
		}
	}
	if _, ok := pairOf("城 乡“居民收入”"); !ok {
		t.Errorf("pairOf(城 乡“居民收入”) is no pair, want 城乡居民收入 (spaces and quotes are normalized away)")
	}
}

// TestAssignMemo checks that the taxonomy's memo answers as Assign does,
// on first and repeated calls, for a taxonomy with a memo and one
// without, and that it stops growing at maxMemo, the document's own
// answers taking over.
func TestAssignMemo(t *testing.T) {
	tax := Default()
	deref := func(c *string) string {
		if c == nil {
			return ""
		}
		return *c
	}
	for _, tx := range []*Taxonomy{tax, {Codes: tax.Codes}} {
		var local map[memoKey]*string
		for _, k := range []memoKey{{"地区生产总值", "growth", "percent"}, {"地区生产总值", "level", "CNY"}, {"城乡居民收入", "growth", "percent"}, {"不是指标", "level", "count"}} {
			want := tax.Assign(k.indicator, k.measure, k.unit)
			for i := 0; i < 2; i++ {
				if got := deref(tx.code(k, &local)); got != want {
					t.Errorf("memo %v, call %d: code%v = %q, want %q (Assign's answer)", tx.memo != nil, i+1, k, got, want)
				}
			}
		}
	}
	small := &Taxonomy{Codes: tax.Codes, memo: &memo{n: maxMemo}}
	k := memoKey{"地区生产总值", "growth", "percent"}
	var local map[memoKey]*string
	small.code(k, &local)
	if _, ok := small.memo.load(k); ok {
		t.Errorf("a full memo (%d answers) took one more, want it to stop at maxMemo", maxMemo)
	}
	if len(local) != 1 {
		t.Errorf("a full memo left %d answers to the document, want 1", len(local))
	}
	if got := deref(small.code(k, &local)); got != "gdp_growth" {
		t.Errorf("a full memo answers %q, want gdp_growth", got)
	}
}
