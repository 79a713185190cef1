package panel

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gwrfacts/gwr/extract/taxonomy"
	"github.com/gwrfacts/gwr/schema"
)

// Result is what Build makes of a set of documents and facts.
type Result struct {
	Rows      []schema.PanelRow      // one per region_code, year, indicator_code
	Conflicts []schema.PanelConflict // the facts not picked
	Stats     Stats
}

// Stats counts what Build did, for the summary line.
type Stats struct {
	Documents     int // documents read
	NoRegion      int // documents without a region code, left out
	NoYear        int // documents without a year, left out
	Coded         int // facts with an indicator code in the documents used
	Targets       int // cells with a target
	Actuals       int // cells with an outcome
	Met, Missed   int // cells where met is true, false
	Disagreements int // conflicts that state another value than the one picked
}

// candidate is a fact that states one side of a cell.
type candidate struct {
	f   *schema.Fact
	doc *schema.Document
}

type cellKey struct {
	region string
	year   int32
	code   string
}

type cell struct {
	targets, actuals []candidate
}

// Build makes the panel from documents and their facts. tax names the
// codes (indicator_name_zh, indicator_name_en) and gives each its
// direction, which decides met. Facts whose document is not among docs,
// or has no region code or year, are left out.
//
// A fact is a target of year Y when its kind is target, its year is Y and
// its document is the report of year Y; it is an outcome of year Y when
// its kind is actual, its year is Y and its document is a report of a
// later year. An average over several years (年均增长7.1% in its clause
// before the number) is neither, whatever its year. An estimate (hedge
// 预计, 初步统计 …) is no target: one that came out as a target of the
// report's year is an outcome of the year before (SPEC section 6 makes
// it one), unless its sentence names 今年, 明年 or the report's year. Of several facts for one side of a cell, pickTarget and
// pickActual choose one; the others become conflicts.
func Build(docs []schema.Document, facts []schema.Fact, tax *taxonomy.Taxonomy) Result {
	var res Result
	byID := map[string]*schema.Document{}
	for i := range docs {
		d := &docs[i]
		res.Stats.Documents++
		switch {
		case d.RegionCode == nil:
			res.Stats.NoRegion++
		case d.Year == nil:
			res.Stats.NoYear++
		default:
			byID[d.DocID] = d
		}
	}
	cells := map[cellKey]*cell{}
	for i := range facts {
		f := &facts[i]
		d := byID[f.DocID]
		if d == nil || f.IndicatorCode == nil || f.Year == nil || spanAverage(f) {
			continue
		}
		res.Stats.Coded++
		k := cellKey{*d.RegionCode, *f.Year, *f.IndicatorCode}
		var side *[]candidate
		switch {
		case f.Kind == "target" && *f.Year == *d.Year && estimateHedges[f.Hedge]:
			if aboutPlanYear(f, *d.Year) {
				continue
			}
			k.year = *d.Year - 1 // an estimate of last year (SPEC section 6)
			side = &cellOf(cells, k).actuals
		case f.Kind == "target" && *f.Year == *d.Year:
			side = &cellOf(cells, k).targets
		case f.Kind == "actual" && *f.Year < *d.Year:
			side = &cellOf(cells, k).actuals
		default:
			continue
		}
		*side = append(*side, candidate{f, d})
	}
	keys := make([]cellKey, 0, len(cells))
	for k := range cells {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b cellKey) int {
		return cmp.Or(cmp.Compare(a.region, b.region), cmp.Compare(a.year, b.year), cmp.Compare(a.code, b.code))
	})
	for _, k := range keys {
		c := cells[k]
		row := schema.PanelRow{RegionCode: k.region, Year: k.year, IndicatorCode: k.code}
		if code, ok := tax.Lookup(k.code); ok {
			row.IndicatorNameZH, row.IndicatorNameEN = code.NameZH, code.NameEN
		}
		var target, actual *candidate
		if len(c.targets) > 0 {
			slices.SortStableFunc(c.targets, compareTargets)
			target = &c.targets[0]
			res.Conflicts = appendConflicts(res.Conflicts, k, "target", c.targets)
			res.Stats.Targets++
		}
		if len(c.actuals) > 0 {
			unit := ""
			if target != nil {
				unit = string(target.f.Unit)
			}
			slices.SortStableFunc(c.actuals, func(a, b candidate) int { return compareActuals(a, b, unit) })
			if unit == "" || string(c.actuals[0].f.Unit) == unit {
				actual = &c.actuals[0]
				res.Conflicts = appendConflicts(res.Conflicts, k, "actual", c.actuals)
				res.Stats.Actuals++
			} else {
				// no outcome in the target's unit: all are conflicts
				res.Conflicts = appendConflicts(res.Conflicts, k, "actual", append([]candidate{*target}, c.actuals...))
			}
		}
		row.Conflicts = int32(max(len(c.targets), 1) - 1 + len(c.actuals))
		if actual != nil {
			row.Conflicts--
		}
		first := target
		if first == nil {
			first = actual
		}
		row.Region, row.Level, row.Unit = first.doc.Region, first.doc.Level, string(first.f.Unit)
		if target != nil {
			f := target.f
			row.TargetLow, row.TargetHigh = ptr(f.ValueLow), ptr(f.ValueHigh)
			row.TargetBound, row.TargetHedge, row.TargetMention = ptr(string(f.Bound)), ptr(f.Hedge), ptr(f.Mention)
			row.TargetDocID, row.TargetFactID = ptr(f.DocID), ptr(f.FactID)
		}
		if actual != nil {
			f := actual.f
			row.ActualLow, row.ActualHigh = ptr(f.ValueLow), ptr(f.ValueHigh)
			row.ActualBound, row.ActualMention = ptr(string(f.Bound)), ptr(f.Mention)
			row.ActualDocID, row.ActualFactID = ptr(f.DocID), ptr(f.FactID)
		}
		if target != nil && actual != nil {
			code, _ := tax.Lookup(k.code)
			if m, ok := Met(*target.f, *actual.f, code.Direction); ok {
				row.Met = &m
				if m {
					res.Stats.Met++
				} else {
					res.Stats.Missed++
				}
			}
		}
		res.Rows = append(res.Rows, row)
	}
	for _, c := range res.Conflicts {
		if c.Agrees == "differs" {
			res.Stats.Disagreements++
		}
	}
	return res
}

// estimateHedges mark an estimate, not a target: 预计全省地区生产总值迈上
// 14万亿元 in a 2025 report is last year's result (SPEC section 6), even
// where a fact of it came out as a target.
var estimateHedges = map[string]bool{"预计": true, "初步预计": true, "初步统计": true, "初步核算": true}

// aboutPlanYear reports whether an estimate's sentence speaks of the plan
// year (预计今年高校毕业生超过1170万人) rather than of the year before.
func aboutPlanYear(f *schema.Fact, year int32) bool {
	return strings.Contains(f.Sentence, "今年") || strings.Contains(f.Sentence, "明年") ||
		strings.Contains(f.Sentence, strconv.Itoa(int(year))+"年")
}

// toWords follow the starting point of a change: 从54万亿元【增加到】82.7万亿元.
var toWords = regexp.MustCompile(`^(?:增加|提高|增长|上升|下降|降低|扩大|缩小|减少|提升)?(?:到|至)`)

// startingPoint is 1 for the first number of 从A增加到B / 由A提高到B, whose
// year is the start of a span, 0 otherwise.
func startingPoint(f *schema.Fact) int {
	i := strings.Index(f.Sentence, f.Mention)
	if i < 0 {
		return 0
	}
	clause := f.Sentence[:i]
	if j := strings.LastIndexAny(clause, "，；。,;"); j >= 0 {
		clause = clause[j:]
	}
	if strings.ContainsAny(clause, "从由") && toWords.MatchString(f.Sentence[i+len(f.Mention):]) {
		return 1
	}
	return 0
}

// estimate is 1 for an estimate (hedge 预计 …), 0 for a reported figure.
func estimate(f *schema.Fact) int {
	if estimateHedges[f.Hedge] {
		return 1
	}
	return 0
}

// averageWords before a figure in its clause make it an average over
// several years (年均增长7.1%), whatever year the fact was given.
var averageWords = regexp.MustCompile(`年均|平均每年|年平均|平均增长`)

// spanAverage reports whether the clause of the fact's mention, up to the
// mention, names an average over years.
func spanAverage(f *schema.Fact) bool {
	i := strings.Index(f.Sentence, f.Mention)
	if i < 0 {
		return false
	}
	clause := f.Sentence[:i]
	if j := strings.LastIndexAny(clause, "，；。,;"); j >= 0 {
		clause = clause[j:]
	}
	return averageWords.MatchString(clause)
}

func cellOf(cells map[cellKey]*cell, k cellKey) *cell {
	c := cells[k]
	if c == nil {
		c = &cell{}
		cells[k] = c
	}
	return c
}

func ptr[T any](v T) *T { return &v }

// appendConflicts adds every candidate but the first (the one picked).
func appendConflicts(out []schema.PanelConflict, k cellKey, side string, cands []candidate) []schema.PanelConflict {
	p := cands[0].f
	for _, c := range cands[1:] {
		f := c.f
		agrees := "differs"
		if f.ValueLow == p.ValueLow && f.ValueHigh == p.ValueHigh && f.Bound == p.Bound && f.Unit == p.Unit {
			agrees = "same"
		}
		out = append(out, schema.PanelConflict{
			RegionCode: k.region, Year: k.year, IndicatorCode: k.code, Side: side,
			DocID: f.DocID, FactID: f.FactID, Mention: f.Mention, Sentence: f.Sentence,
			ValueLow: f.ValueLow, ValueHigh: f.ValueHigh, Bound: string(f.Bound), Unit: string(f.Unit),
			PickedDocID: p.DocID, PickedFactID: p.FactID, Agrees: agrees,
		})
	}
	return out
}

// docTypeRank puts the report itself before a work plan and a news
// article about it.
func docTypeRank(d *schema.Document) int {
	switch d.DocType {
	case "report":
		return 0
	case "plan":
		return 1
	}
	return 2
}

// targetsWords mark the sentence that states a report's main targets:
// 今年发展主要预期目标是：国内生产总值增长5%左右.
var targetsWords = regexp.MustCompile(`预期目标|主要目标|调控目标|发展目标|目标是|目标为|目标定为|预期为|预期性指标|主要指标`)

// inTargets is 0 for a fact whose sentence states the targets, 1 otherwise.
func inTargets(f *schema.Fact) int {
	if targetsWords.MatchString(f.Sentence) {
		return 0
	}
	return 1
}

// multiYearWords in a sentence place its figures in a plan or review of
// several years: 十四五 targets, five-year totals.
var multiYearWords = regexp.MustCompile(`年均|五年|十三五|十四五|十五五|期间|累计|到20\d\d年|20\d\d年前`)

// multiYear is 1 for a fact whose sentence speaks of several years, 0
// otherwise.
func multiYear(f *schema.Fact) int {
	if multiYearWords.MatchString(f.Sentence) {
		return 1
	}
	return 0
}

// bare is 1 for a figure without bound words, 0 otherwise: a target is
// mostly stated with 左右, 以上, 以内 or as a range, so a bare figure
// among targets is more often a result read as a target.
func bare(f *schema.Fact) int {
	if f.Bound == "eq" {
		return 1
	}
	return 0
}

// compareTargets orders the targets of one cell, the one picked first:
// the report before a plan or news document; a fact in the targets
// paragraph (its sentence names 主要预期目标, 预期目标, 主要目标, 调控目标 …)
// before one elsewhere; a sentence about one year before one about
// several (年均, 五年, 十四五, 期间, 累计, 到2025年); a bounded figure before
// a bare one; then by document id and the earlier in its document.
func compareTargets(a, b candidate) int {
	return cmp.Or(
		cmp.Compare(docTypeRank(a.doc), docTypeRank(b.doc)),
		cmp.Compare(inTargets(a.f), inTargets(b.f)),
		cmp.Compare(multiYear(a.f), multiYear(b.f)),
		cmp.Compare(bare(a.f), bare(b.f)),
		cmp.Compare(a.doc.DocID, b.doc.DocID),
		cmp.Compare(a.f.Start, b.f.Start),
	)
}

// namesYear is 0 when the sentence names the fact's year (2024年全省地区生产
// 总值增长5.4%), 1 otherwise.
func namesYear(f *schema.Fact) int {
	if f.Year != nil && strings.Contains(f.Sentence, strconv.Itoa(int(*f.Year))+"年") {
		return 0
	}
	return 1
}

// compareActuals orders the outcomes of one cell, the one picked first:
// the closest later report (that of year + 1); the report before a plan or
// news document; an outcome in the target's unit (unit, "" for none)
// before one in another (only one in the target's unit is picked: the
// others are conflicts); a reported figure before an estimate; a figure
// before the starting point of 从A增加到B (A is of an earlier year); a sentence about one year before one about
// several; a plain figure before a bounded one (an estimate, 5%左右); a
// sentence that names the year before one that does not; then by
// document id and the earlier in its document.
func compareActuals(a, b candidate, unit string) int {
	otherUnit := func(c candidate) int {
		if unit != "" && string(c.f.Unit) != unit {
			return 1
		}
		return 0
	}
	return cmp.Or(
		cmp.Compare(*a.doc.Year, *b.doc.Year),
		cmp.Compare(docTypeRank(a.doc), docTypeRank(b.doc)),
		cmp.Compare(otherUnit(a), otherUnit(b)),
		cmp.Compare(estimate(a.f), estimate(b.f)),
		cmp.Compare(startingPoint(a.f), startingPoint(b.f)),
		cmp.Compare(multiYear(a.f), multiYear(b.f)),
		cmp.Compare(1-bare(a.f), 1-bare(b.f)),
		cmp.Compare(namesYear(a.f), namesYear(b.f)),
		cmp.Compare(a.doc.DocID, b.doc.DocID),
		cmp.Compare(a.f.Start, b.f.Start),
	)
}

// eps absorbs the float noise of values like 5.4 read from text.
const eps = 1e-9

// Met reports whether the outcome meets the target, and false for ok when
// the bound cannot decide it. The outcome's value is its value_low, or
// the middle of its range. A negative target is a decrease, and its bound
// speaks of the size of the fall (SPEC section 7: 下降3%以上 is -3, ge):
//
//	ge, gt     the outcome is at least (more than) the target; for a
//	           decrease, falls at least (more than) that much
//	le, lt     the outcome is at most (less than) the target; for a
//	           decrease, falls at most (less than) that much
//	range      direction up: at least the low end; down: at most the high
//	           end; neither: inside the range
//	eq, approx direction up: at least the value; down: at most the value;
//	           neither: not decided
//
// direction is the indicator's (taxonomy.Up, Down or Neither). No
// tolerance is allowed: 4.9 against 5%左右 is missed.
func Met(target, actual schema.Fact, direction string) (met, ok bool) {
	a := actual.ValueLow
	if actual.ValueHigh != actual.ValueLow {
		a = (actual.ValueLow + actual.ValueHigh) / 2
	}
	lo, hi := target.ValueLow, target.ValueHigh
	if math.IsNaN(a) || math.IsNaN(lo) || math.IsNaN(hi) {
		return false, false
	}
	decrease := hi < 0
	switch target.Bound {
	case "ge", "gt":
		if decrease {
			return a < hi+eps && (target.Bound == "ge" || a < hi-eps), true
		}
		return a > lo-eps && (target.Bound == "ge" || a > lo+eps), true
	case "le", "lt":
		if decrease {
			return a > lo-eps && (target.Bound == "le" || a > lo+eps), true
		}
		return a < hi+eps && (target.Bound == "le" || a < hi-eps), true
	case "range":
		switch direction {
		case taxonomy.Up:
			return a > lo-eps, true
		case taxonomy.Down:
			return a < hi+eps, true
		}
		return a > lo-eps && a < hi+eps, true
	case "eq", "approx":
		switch direction {
		case taxonomy.Up:
			return a > lo-eps, true
		case taxonomy.Down:
			return a < hi+eps, true
		}
	}
	return false, false
}
