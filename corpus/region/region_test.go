package region

import "testing"

func TestResolve(t *testing.T) {
	tests := []struct {
		name, level, text string
		want              string
	}{
		{"高阳县", "county", "", "130628"},
		{"全国", "national", "", "000000"},
		{"", "national", "", "000000"},
		{"河北省", "province", "", "130000"},
		{"北京市", "province", "", "110000"},
		{"西藏自治区", "province", "", "540000"},
		{"广西壮族自治区", "province", "", "450000"},
		{"广西自治区", "province", "", "450000"},
		{"新疆维吾尔自治区", "province", "", "650000"},
		{"内蒙古自治区", "province", "", "150000"},
		{"保定市", "city", "", "130600"},
		{"清苑区", "district", "", "130608"},
		{"易县", "county", "", "130633"},
		{"高唐县", "county", "", "371526"},
		{"米易县", "county", "", "510421"},
		{"淄川区", "district", "", "370302"},
		// a county-level city named alone is inferred as a city
		{"迁安市", "city", "", "130283"},
		// the level decides: 北京市 is no county
		{"北京市", "county", "", ""},
		// a name several districts share: the text decides, or nothing
		{"鼓楼区", "district", "南京市鼓楼区第十九届人民代表大会……南京", "320106"},
		{"鼓楼区", "district", "福州福州福州鼓楼区", "350102"},
		{"鼓楼区", "district", "鼓楼区人民政府", ""},
		{"朝阳区", "district", "北京市朝阳区", "110105"},
		{"不存在县", "county", "", ""},
		{"", "", "", ""},
	}
	tab := Default()
	for _, tt := range tests {
		if got := tab.Resolve(tt.name, tt.level, tt.text); got != tt.want {
			t.Errorf("Resolve(%q, %q, %.20q) = %q, want %q", tt.name, tt.level, tt.text, got, tt.want)
		}
	}
}

// TestTable checks the generated table: every province-level unit, codes
// unique, parents present.
func TestTable(t *testing.T) {
	tab := Default()
	levels := map[string]int{}
	for _, u := range tab.Units {
		levels[u.Level]++
		if u.Parent != "" {
			if _, ok := tab.Lookup(u.Parent); !ok {
				t.Errorf("%s %s: parent %s is not in the table", u.Code, u.Name, u.Parent)
			}
		}
	}
	if levels["province"] != 34 || levels["city"] < 330 || levels["county"] < 2800 {
		t.Errorf("units by level = %v, want 34 provinces (with 台湾, 香港, 澳门), over 330 cities and 2,800 counties", levels)
	}
	if len(tab.byCode) != len(tab.Units) {
		t.Errorf("%d codes for %d units: a code is repeated", len(tab.byCode), len(tab.Units))
	}
}
