package schema

// PanelTables lists the two tables gwr panel writes, in the order they are
// documented (docs/panel.md).
var PanelTables = []*Table{PanelTable, ConflictsTable}

// PanelRow is one row of the panel table: one region, year and indicator
// code, with the target the report of that year set and the outcome a
// later report stated.
type PanelRow struct {
	Region          string   `json:"region"`
	RegionCode      string   `json:"region_code"`
	Level           string   `json:"level"`
	Year            int32    `json:"year"`
	IndicatorCode   string   `json:"indicator_code"`
	IndicatorNameZH string   `json:"indicator_name_zh"`
	IndicatorNameEN string   `json:"indicator_name_en"`
	Unit            string   `json:"unit"`
	TargetLow       *float64 `json:"target_low"`
	TargetHigh      *float64 `json:"target_high"`
	TargetBound     *string  `json:"target_bound"`
	TargetHedge     *string  `json:"target_hedge"`
	TargetMention   *string  `json:"target_mention"`
	TargetDocID     *string  `json:"target_doc_id"`
	TargetFactID    *int32   `json:"target_fact_id"`
	ActualLow       *float64 `json:"actual_low"`
	ActualHigh      *float64 `json:"actual_high"`
	ActualBound     *string  `json:"actual_bound"`
	ActualMention   *string  `json:"actual_mention"`
	ActualDocID     *string  `json:"actual_doc_id"`
	ActualFactID    *int32   `json:"actual_fact_id"`
	Met             *bool    `json:"met"`
	Conflicts       int32    `json:"conflicts"`
}

// PanelConflict is one row of the panel_conflicts table: a fact that
// stated a panel cell too but was not picked.
type PanelConflict struct {
	RegionCode    string  `json:"region_code"`
	Year          int32   `json:"year"`
	IndicatorCode string  `json:"indicator_code"`
	Side          string  `json:"side"`
	DocID         string  `json:"doc_id"`
	FactID        int32   `json:"fact_id"`
	Mention       string  `json:"mention"`
	Sentence      string  `json:"sentence"`
	ValueLow      float64 `json:"value_low"`
	ValueHigh     float64 `json:"value_high"`
	Bound         string  `json:"bound"`
	Unit          string  `json:"unit"`
	PickedDocID   string  `json:"picked_doc_id"`
	PickedFactID  int32   `json:"picked_fact_id"`
	Agrees        string  `json:"agrees"`
}

// Sides lists the values of PanelConflict.Side.
var Sides = []string{"target", "actual"}

// PanelTable is the panel table written by gwr panel.
var PanelTable = newTable[PanelRow]("panel",
	"One row per region, year and indicator code: the target the report of that year set, the outcome a later report (normally the next year's) stated, and whether the target was met. Either side may be missing.",
	[]Column{
		{Name: "region", Type: typeString,
			Doc:     "The region as the documents table names it (documents.region); 全国 for national reports.",
			Example: `"河北省"`},
		{Name: "region_code", Type: typeString,
			Doc:     `The region's six-digit GB/T 2260 code (documents.region_code); "000000" for national reports. Documents without a region code give no rows.`,
			Example: `"130000"`},
		{Name: "level", Type: typeDict,
			Doc:     "The administrative level of the region (documents.level).",
			Values:  Levels,
			Example: `"province"`},
		{Name: "year", Type: typeInt32,
			Doc:     "The year the target and the outcome are for.",
			Unit:    "calendar year",
			Example: `2024`},
		{Name: "indicator_code", Type: typeDict,
			Doc:     "The indicator's code in the taxonomy (facts.indicator_code).",
			Example: `"gdp_growth"`},
		{Name: "indicator_name_zh", Type: typeDict,
			Doc:     "The code's Chinese name in the taxonomy.",
			Example: `"地区生产总值增长"`},
		{Name: "indicator_name_en", Type: typeDict,
			Doc:     "The code's English name in the taxonomy.",
			Example: `"GDP growth (real)"`},
		{Name: "unit", Type: typeDict,
			Doc:     "The canonical unit of the target and outcome values (facts.unit): the target's, else the outcome's.",
			Values:  Units,
			Example: `"percent"`},
		{Name: "target_low", Type: typeDouble, Nullable: true,
			Doc:     "The target's value_low: the lower end of a range, the number itself otherwise. Null without a target.",
			Unit:    "unit",
			Example: `5.5`},
		{Name: "target_high", Type: typeDouble, Nullable: true,
			Doc:     "The target's value_high: the upper end of a range, the number itself otherwise. Null without a target.",
			Unit:    "unit",
			Example: `5.5`},
		{Name: "target_bound", Type: typeDict, Nullable: true,
			Doc:     "The target's bound (facts.bound): ge for 以上, le for 以内, approx for 左右, range for X-Y, eq for a bare number.",
			Values:  Bounds,
			Example: `"approx"`},
		{Name: "target_hedge", Type: typeDict, Nullable: true,
			Doc:     `The target's hedge word (facts.hedge: 力争, 预期 … or "").`,
			Example: `"预期"`},
		{Name: "target_mention", Type: typeString, Nullable: true,
			Doc:     "The target as written (facts.mention).",
			Example: `"5.5%左右"`},
		{Name: "target_doc_id", Type: typeDict, Nullable: true,
			Doc:     "The document the target comes from: the report of year.",
			Example: `"province_hebei_2024"`},
		{Name: "target_fact_id", Type: typeInt32, Nullable: true,
			Doc:     "The target's fact_id in its document.",
			Example: `41`},
		{Name: "actual_low", Type: typeDouble, Nullable: true,
			Doc:     "The outcome's value_low. Null without an outcome.",
			Unit:    "unit",
			Example: `5.4`},
		{Name: "actual_high", Type: typeDouble, Nullable: true,
			Doc:     "The outcome's value_high. Null without an outcome.",
			Unit:    "unit",
			Example: `5.4`},
		{Name: "actual_bound", Type: typeDict, Nullable: true,
			Doc:     "The outcome's bound (facts.bound); eq for a plain figure.",
			Values:  Bounds,
			Example: `"eq"`},
		{Name: "actual_mention", Type: typeString, Nullable: true,
			Doc:     "The outcome as written (facts.mention).",
			Example: `"5.4%"`},
		{Name: "actual_doc_id", Type: typeDict, Nullable: true,
			Doc:     "The document the outcome comes from: the closest later report, normally that of year + 1.",
			Example: `"province_hebei_2025"`},
		{Name: "actual_fact_id", Type: typeInt32, Nullable: true,
			Doc:     "The outcome's fact_id in its document.",
			Example: `7`},
		{Name: "met", Type: typeBool, Nullable: true,
			Doc:     "Whether the outcome meets the target, decided by the target's bound and the indicator's direction (docs/panel.md, “met”); null where a side is missing or the bound cannot decide it.",
			Example: `false`},
		{Name: "conflicts", Type: typeInt32,
			Doc:     "How many other facts stated this cell (either side) and were not picked; they are rows of panel_conflicts.",
			Example: `1`},
	})

// ConflictsTable is the panel_conflicts table written by gwr panel.
var ConflictsTable = newTable[PanelConflict]("panel_conflicts",
	"One row per fact that states a panel cell but was not picked by the rule of docs/panel.md (“Which fact fills a cell”), beside the one that was.",
	[]Column{
		{Name: "region_code", Type: typeString,
			Doc:     "The cell's region code.",
			Example: `"130000"`},
		{Name: "year", Type: typeInt32,
			Doc:     "The cell's year.",
			Unit:    "calendar year",
			Example: `2024`},
		{Name: "indicator_code", Type: typeDict,
			Doc:     "The cell's indicator code.",
			Example: `"gdp_growth"`},
		{Name: "side", Type: typeDict,
			Doc:    "Which side of the cell the fact states.",
			Values: Sides,
			ValueDocs: map[string]string{
				"target": "a target for year set in the report of year",
				"actual": "an outcome of year stated in a later report",
			},
			Example: `"target"`},
		{Name: "doc_id", Type: typeDict,
			Doc:     "The fact's document.",
			Example: `"province_hebei_2024"`},
		{Name: "fact_id", Type: typeInt32,
			Doc:     "The fact's fact_id.",
			Example: `88`},
		{Name: "mention", Type: typeString,
			Doc:     "The fact as written.",
			Example: `"6%"`},
		{Name: "sentence", Type: typeString,
			Doc:     "The fact's sentence.",
			Example: `"全省地区生产总值增长6%。"`},
		{Name: "value_low", Type: typeDouble,
			Doc:     "The fact's value_low.",
			Unit:    "unit",
			Example: `6`},
		{Name: "value_high", Type: typeDouble,
			Doc:     "The fact's value_high.",
			Unit:    "unit",
			Example: `6`},
		{Name: "bound", Type: typeDict,
			Doc:     "The fact's bound.",
			Values:  Bounds,
			Example: `"eq"`},
		{Name: "unit", Type: typeDict,
			Doc:     "The fact's unit.",
			Values:  Units,
			Example: `"percent"`},
		{Name: "picked_doc_id", Type: typeDict,
			Doc:     "The document of the fact that was picked for this side of the cell (for an outcome in another unit than the target, when none is in the target's unit: the target's).",
			Example: `"province_hebei_2024"`},
		{Name: "picked_fact_id", Type: typeInt32,
			Doc:     "The fact_id of the fact that was picked.",
			Example: `41`},
		{Name: "agrees", Type: typeDict,
			Doc:    "Whether the fact says the same as the picked one.",
			Values: []string{"same", "differs"},
			ValueDocs: map[string]string{
				"same":    "same value_low, value_high, bound and unit: a repetition",
				"differs": "another value, bound or unit: a real conflict (or a misread fact)",
			},
			Example: `"same"`},
	})
