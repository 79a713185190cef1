package corpus

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestInferMetaRegion(t *testing.T) {
	tests := []struct {
		text        string
		region      string
		level       string
		description string
	}{
		{"——2023年1月5日在淄川区\n\n第十九届人民代表大会第二次会议上", "淄川区", "district", "session line broken by blank lines"},
		{"——2024年1月23日在保定市清苑区第三届人民代表大会第四次会议上", "清苑区", "district", "chain: innermost unit"},
		{"（2023年2月12日在米易县第十九届人民代表大会第三次会议上）", "米易县", "county", "county"},
		{"——2025年1月14日在易县第十八届人民代表大会第五次会议上", "易县", "county", "one-character county"},
		{"2025年1月19日在西藏自治区第十二届人民代表大会第三次会议上", "西藏自治区", "province", "autonomous region"},
		{"在广西壮族自治区第十四届人民代表大会第二次会议上", "广西壮族自治区", "province", "autonomous region with ethnic name"},
		{"在河北省第十三届人民代表大会第四次会议上", "河北省", "province", "province"},
		{"在北京市第十六届人民代表大会第二次会议上", "北京市", "province", "municipality"},
		{"在重庆市万州区第五届人民代表大会第三次会议上", "万州区", "district", "district of a municipality; 州 inside a name"},
		{"在杭州市第十四届人民代表大会第三次会议上", "杭州市", "city", "州 inside a city name"},
		{"在郑州市二七区第十六届人民代表大会第一次会议上", "二七区", "district", "numeral district name"},
		{"在延边朝鲜族自治州第十六届人民代表大会第二次会议上", "延边朝鲜族自治州", "city", "autonomous prefecture"},
		{"在湘西土家族苗族自治州吉首市第十八届人民代表大会上", "吉首市", "county", "city inside a prefecture is county-level"},
		{"山东省潍坊市高密市人民政府市长\n高密发展，高密建设，高密人民", "高密市", "county", "city inside a city is county-level"},
		{"在鄂托克前旗第十八届人民代表大会第二次会议上", "鄂托克前旗", "county", "banner"},
		{"在于都县第十九届人民代表大会第三次会议上", "于都县", "county", "于 starting a name"},
		{"在天津市和平区第十八届人民代表大会第三次会议上", "和平区", "district", "和 starting a name"},
		{"1月12日上午，高阳县第十八届人民代表大会第三次会议隆重开幕。", "高阳县", "county", "news lead"},
		{"闫继红在保定市十六届人大七次会议上的政府工作报告（摘登）", "保定市", "city", "short session form"},
		{"市长闫继红在市十六届人大四次会议上作政府工作报告。全市上下", "", "city", "relative session: no name, scope word"},
		{"较好地完成了区三届人大三次会议既定任务", "", "", "a sentence is not a name"},
		{"高唐县县长  杨曙光\n各位代表：\n高唐发展，高唐建设", "高唐县", "county", "speaker's office"},
		{"西藏自治区代理主席 嘎玛泽登\n各位代表：\n西藏发展，西藏建设", "西藏自治区", "province", "acting chairman"},
		{"县委书记高怀军、县长蒋东方、副县长杨进忠", "", "", "office without a place"},
		{"现在，我代表易县人民政府向大会报告工作。易县发展，易县建设", "易县", "county", "on behalf of the government"},
		{"标题：高唐县2023年政府工作报告\n高唐发展，高唐建设", "高唐县", "county", "title with the year after the name"},
		{"2021年保定市政府工作报告\n发文单位：未知\n保定发展，保定建设", "保定市", "city", "title"},
		{"现在，我代表国务院，向大会报告政府工作", "全国", "national", "State Council"},
		{"——2021年3月5日在第十三届全国人民代表大会第四次会议上", "全国", "national", "NPC session"},
		{"——2023年1月8日在高唐县第十八届人民代表大会第二次会议上\n贯彻十四届全国人大一次会议精神，在第十四届全国人民代表大会第一次会议上", "高唐县", "county", "local report citing the NPC"},
		{"认真贯彻县委“1357”工作体系。全县上下，全市", "", "county", "scope words only"},
		{"阜平县县长\n", "", "", "a weak anchor needs three mentions"},
		{"与北京市人民政府签署协议。阜平发展，阜平建设，阜平人民，全县上下", "", "county", "a place mentioned in passing is not the subject"},
		{"与北京市人民政府签署协议。阜平县人民政府。阜平发展，阜平建设", "阜平县", "county", "the most mentioned weak candidate"},
		{"与北京市人民政府签署协议，承接北京产业，服务北京。全县上下，全县人民" + strings.Repeat("。", 3600), "", "county", "a weak candidate must be mentioned densely"},
		{"保定市第十六届人民代表大会第四次会议闭幕（侧栏）\n——2024年1月23日在清苑区第三届人民代表大会第四次会议上\n清苑发展", "清苑区", "district", "the most mentioned session candidate"},
	}
	for _, tt := range tests {
		got := InferMeta(tt.text)
		if got.Region != tt.region || got.Level != tt.level {
			t.Errorf("%s: InferMeta(%q) = region %q, level %q; want %q, %q", tt.description, tt.text, got.Region, got.Level, tt.region, tt.level)
		}
	}
}

func TestInferMetaYear(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"——2023年1月5日在淄川区第十九届人民代表大会第二次会议上", 2023},
		{"二〇二三年一月五日在淄川区第十九届人民代表大会第二次会议上", 2023},
		{"2022年12月28日在某某县第十八届人民代表大会第二次会议上", 2023},
		{"2022年工作回顾\n刚刚过去的2022年", 2023},
		{"一、“十三五”时期和2020年主要工作回顾", 2021},
		{"二〇二四年工作回顾", 2025},
		{"回望2022\n规上工业\n展望2023", 2023},
		{"2022年重点工作安排\n刊发日期:2022-01-30", 2022},
		{"二、2018年经济社会发展总体要求和政策取向", 2018},
		{"三、2021年重点工作\n（一）坚持创新驱动", 2021},
		{"2022年阜平县政府工作报告（相关链接）\n三、2021年重点工作", 2021},
		{"标题：2026年保定市政府工作报告", 2026},
		{"淄博1月9日讯 …\n\n2024年，桓台县聚焦打造“强富美优”桓台绩优板", 2024},
		{"发布时间：2023-01-12\n发布机构：高阳县人民政府办公室", 2023},
		{"力争2060年前实现碳中和，为实现2060年前碳中和总体要求而努力。这是一句很长的话，不是标题，所以不能算作年份的依据。", 0},
		{"没有年份的文本", 0},
		{"1800年工作回顾", 0},
	}
	for _, tt := range tests {
		if got := InferMeta(tt.text).Year; got != tt.want {
			t.Errorf("InferMeta(%q).Year = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestInferMetaDocType(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"各位代表：\n现在，我代表区人民政府向大会报告工作", "report"},
		{"许勤作政府工作报告。河北日报记者孟宇光摄\n各位代表：\n现在，我代表河北省人民政府向大会作工作报告", "report"},
		{"淄博1月9日讯 1月9日，桓台县人民政府县长范伟作《政府工作报告》。", "news"},
		{"本报讯 2月4日，市长闫继红在市十六届人大七次会议上作政府工作报告时指出", "news"},
		{"【聚焦两会】高阳县第十八届人民代表大会第三次会议隆重开幕", "news"},
		{"大众日报淄博融媒体中心记者 张雨桐", "news"},
		{"2022年重点工作安排\n主要预期目标是：GDP增长8%左右", "plan"},
		{"地区生产总值增长6%左右。", "report"},
	}
	for _, tt := range tests {
		if got := InferMeta(tt.text).DocType; got != tt.want {
			t.Errorf("InferMeta(%q).DocType = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestInferMetaBundled checks the five reports bundled in this directory.
func TestInferMetaBundled(t *testing.T) {
	tests := []struct {
		file string
		want Meta
	}{
		{"000_905a9ba025aa535a.txt", Meta{Region: "桓台县", Level: "county", Year: 2024, DocType: "news"}},
		{"001_4d8ee72d9e714460.txt", Meta{Region: "临淄区", Level: "district", Year: 2023, DocType: "news"}},
		{"002_8301e86fb68a1f77.txt", Meta{Region: "淄川区", Level: "district", Year: 2023, DocType: "report"}},
		{"003_8d678484d61eac6b.txt", Meta{Region: "张店区", Level: "district", Year: 2023, DocType: "news"}},
		// A county work plan that never names its county.
		{"004_865d686ba06770a9.txt", Meta{Region: "", Level: "county", Year: 2022, DocType: "plan"}},
	}
	for _, tt := range tests {
		b, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		if got := InferMeta(string(b)); got != tt.want {
			t.Errorf("InferMeta(%s) = %+v, want %+v", tt.file, got, tt.want)
		}
	}
}

// readManifest reads dir's MANIFEST.tsv: its rows (the header first) and
// the index of each column by its header.
func readManifest(t *testing.T, dir string) ([][]string, map[string]int) {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s: empty manifest", dir)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	return rows, col
}

// TestInferMetaExtra checks InferMeta against the hand-made manifest of
// testdata/extra (reports from other sources, regions and years).
//
// The manifest's columns differ from ours: region is the full chain
// ("河北省保定市易县"; "全国（国务院）"), of which we report the innermost
// unit; level "news" marks a news article, whose level is its region's;
// and its level "county" covers county-level districts (清苑区), which our
// levels call "district".
func TestInferMetaExtra(t *testing.T) {
	dir := filepath.Join("testdata", "extra")
	rows, col := readManifest(t, dir)
	if len(rows) < 21 {
		t.Fatalf("got %d manifest rows, want 21", len(rows)-1)
	}
	for _, row := range rows[1:] {
		file, level, chain := row[col["file"]], row[col["level"]], row[col["region"]]
		year, err := strconv.Atoi(row[col["report_year"]])
		if err != nil {
			t.Fatalf("%s: report_year: %v", file, err)
		}
		region := innermostOfChain(chain)
		want := Meta{Region: region, Level: level, Year: year, DocType: "report"}
		if level == "news" {
			want.DocType = "news"
		}
		if level == "news" || (level == "county" && strings.HasSuffix(region, "区")) {
			want.Level = levelOfSuffix(region)
		}
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if got := InferMeta(string(b)); got != want {
			t.Errorf("InferMeta(%s) = %+v, want %+v", file, got, want)
		}
	}
}

// innermostOfChain returns the last unit of a region chain from the test
// manifest: "河北省保定市易县" -> "易县", "全国（国务院）" -> "全国".
func innermostOfChain(chain string) string {
	if strings.HasPrefix(chain, "全国") {
		return "全国"
	}
	cut := 0
	for _, sep := range []string{"自治区", "省", "市"} {
		for i := 0; i < len(chain); {
			k := strings.Index(chain[i:], sep)
			if k < 0 {
				break
			}
			end := i + k + len(sep)
			if end < len(chain) && end > cut {
				cut = end
			}
			i = end
		}
	}
	return chain[cut:]
}

func levelOfSuffix(region string) string {
	switch {
	case region == "全国":
		return "national"
	case strings.HasSuffix(region, "省"), strings.HasSuffix(region, "自治区"):
		return "province"
	case strings.HasSuffix(region, "市"):
		return "city"
	case strings.HasSuffix(region, "区"):
		return "district"
	}
	return "county"
}

// TestInferMetaNational checks InferMeta on the State Council's reports of
// every era (testdata/national, 1954-2025): each is national, region 全国,
// with the manifest's year, whether the text says 我代表国务院, 我受国务院的委托,
// 我现在根据国务院的决定 or only its title line does.
func TestInferMetaNational(t *testing.T) {
	dir := filepath.Join("testdata", "national")
	rows, col := readManifest(t, dir)
	if len(rows) != 51 {
		t.Fatalf("got %d manifest rows, want 50", len(rows)-1)
	}
	for _, row := range rows[1:] {
		file := row[col["file"]]
		year, err := strconv.Atoi(row[col["report_year"]])
		if err != nil {
			t.Fatalf("%s: report_year: %v", file, err)
		}
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		want := Meta{Region: RegionNational, Level: LevelNational, Year: year, DocType: DocReport}
		if got := InferMeta(string(b)); got != want {
			t.Errorf("InferMeta(%s) = %+v, want %+v", file, got, want)
		}
	}
}

func TestNationalSpeechForms(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"各位代表：\n现在，我代表国务院，向大会报告政府工作", true},
		{"我现在代表中华人民共和国国务院向第一届全国人民代表大会第三次会议提出", true},
		{"我受中共中央和国务院的委托，向大会作关于…的报告", true},
		{"我现在根据国务院的决定，向第二届全国人民代表大会第一次会议作政府工作报告", true},
		{"1964年中华人民共和国国务院政府工作报告（摘要）\n五年来，我国各族人民", true},
		{"\n\n 1985年中华人民共和国国务院政府工作报告\n各位代表：", true},
		{"2025年山东省政府工作报告\n认真贯彻国务院政府工作报告精神", false},
		{"各位代表：\n国务院印发了…的通知，我代表省人民政府", false},
	}
	for _, tt := range tests {
		if got := isNationalSpeech(tt.text); got != tt.want {
			t.Errorf("isNationalSpeech(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
