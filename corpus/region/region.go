package region

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed codes.tsv
var codesTSV string

// National is the code of a national (State Council) report.
const National = "000000"

// Unit is one row of the code table.
type Unit struct {
	Code   string // "130628"
	Name   string // "高阳县"
	Level  string // province, city or county
	Parent string // code of the enclosing unit, "" for a province
}

// Table is the code table, indexed by name.
type Table struct {
	Units  []Unit
	byName map[string][]int
	byCode map[string]int
}

var (
	once sync.Once
	def  *Table
)

// Default returns the embedded table. It panics if codes.tsv is malformed,
// which a test rules out.
func Default() *Table {
	once.Do(func() {
		t, err := parse(codesTSV)
		if err != nil {
			panic(err)
		}
		def = t
	})
	return def
}

func parse(text string) (*Table, error) {
	t := &Table{byName: map[string][]int{}, byCode: map[string]int{}}
	header := false
	for i, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if !header {
			if line != "code\tname\tlevel\tparent" {
				return nil, fmt.Errorf("region: codes.tsv:%d: header %q", i+1, line)
			}
			header = true
			continue
		}
		if len(f) != 4 || len(f[0]) != 6 {
			return nil, fmt.Errorf("region: codes.tsv:%d: bad row %q", i+1, line)
		}
		u := Unit{Code: f[0], Name: f[1], Level: f[2], Parent: f[3]}
		t.byName[u.Name] = append(t.byName[u.Name], len(t.Units))
		t.byCode[u.Code] = len(t.Units)
		t.Units = append(t.Units, u)
	}
	return t, nil
}

// Lookup returns the unit of a code.
func (t *Table) Lookup(code string) (Unit, bool) {
	i, ok := t.byCode[code]
	if !ok {
		return Unit{}, false
	}
	return t.Units[i], true
}

// tableLevel is the table's level for a document level: districts and
// counties are both county-level units.
func tableLevel(level string) string {
	switch level {
	case "district", "county":
		return "county"
	}
	return level
}

// Resolve returns the code of the unit called name at a document level
// (national, province, city, district, county or "" for unknown), "" if
// none can be told. A national level or the name 全国 is National. A
// province may be named short (广西自治区 for 广西壮族自治区). When no unit
// of the name has the level, a 市 named alone may be a
// county-level city, and the city and county levels are tried for each
// other. text, the document's text, decides between units of the same
// name (see the package doc); it may be "".
func (t *Table) Resolve(name, level, text string) string {
	if level == "national" || name == "全国" {
		return National
	}
	if name == "" {
		return ""
	}
	cands := t.candidates(name, tableLevel(level))
	if len(cands) == 0 && level == "province" {
		// 广西自治区, 新疆自治区: the short name of a province-level unit
		for _, u := range t.Units {
			if u.Level == "province" && short(u.Name) == short(name) {
				cands = append(cands, u)
			}
		}
	}
	if len(cands) == 0 && (level == "city" || level == "county") {
		other := map[string]string{"city": "county", "county": "city"}[level]
		cands = t.candidates(name, other)
	}
	switch len(cands) {
	case 0:
		return ""
	case 1:
		return cands[0].Code
	}
	// several units of this name: the one whose enclosing units the text
	// names most often
	best, bestN, tie := "", 0, false
	for _, u := range cands {
		n := 0
		for p := u.Parent; p != ""; {
			pu, ok := t.Lookup(p)
			if !ok {
				break
			}
			n += strings.Count(text, short(pu.Name))
			p = pu.Parent
		}
		switch {
		case n > bestN:
			best, bestN, tie = u.Code, n, false
		case n == bestN:
			tie = true
		}
	}
	if bestN == 0 || tie {
		return ""
	}
	return best
}

func (t *Table) candidates(name, level string) []Unit {
	var out []Unit
	for _, i := range t.byName[name] {
		if u := t.Units[i]; level == "" || u.Level == level {
			out = append(out, u)
		}
	}
	return out
}

// unitSuffixes are dropped to get the short name a text uses (保定 for
// 保定市); the longest first.
var unitSuffixes = []string{"维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "地区", "省", "市", "盟"}

// short is a unit's name as texts mostly write it.
func short(name string) string {
	for _, s := range unitSuffixes {
		if r := strings.TrimSuffix(name, s); r != name && len([]rune(r)) >= 2 {
			return r
		}
	}
	return name
}
