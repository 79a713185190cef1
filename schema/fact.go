package schema

import "github.com/gwrfacts/gwr/normalize"

// Fact is one row of the facts table: one number in a report that quantifies
// something the government did or will do. Field names and JSON keys follow
// SPEC section 2; Start and End are code-point offsets into the document
// text (the decoded file with a leading BOM dropped).
type Fact struct {
	DocID     string `json:"doc_id"`
	FactID    int32  `json:"fact_id"`
	Start     int32  `json:"start"`
	End       int32  `json:"end"`
	Mention   string `json:"mention"`
	Sentence  string `json:"sentence"`
	Indicator string `json:"indicator"`
	// IndicatorCode is the code of the indicator taxonomy (package
	// taxonomy) the fact's indicator, measure and unit map to; nil if none.
	IndicatorCode *string `json:"indicator_code"`
	Cue           string  `json:"cue"`
	Measure       Measure `json:"measure"`
	ValueLow      float64 `json:"value_low"`
	ValueHigh     float64 `json:"value_high"`
	Bound         Bound   `json:"bound"`
	Unit          Unit    `json:"unit"`
	UnitText      string  `json:"unit_text"`
	Classifier    string  `json:"classifier"`
	Kind          Kind    `json:"kind"`
	Year          *int32  `json:"year"`
	Hedge         string  `json:"hedge"`
	Rule          string  `json:"rule"`
}

// Document is one row of the documents table: one input report.
type Document struct {
	DocID    string `json:"doc_id"`
	Path     string `json:"path"`
	Format   string `json:"format"`
	Member   string `json:"member"`
	SHA256   string `json:"sha256"`
	Encoding string `json:"encoding"`
	Region   string `json:"region"`
	// RegionCode is the six-digit GB/T 2260 code of Region (package
	// region), "000000" for a national report; nil if unknown.
	RegionCode *string `json:"region_code"`
	Level      string  `json:"level"`
	Year       *int32  `json:"year"`
	DocType    string  `json:"doc_type"`
	Chars      int32   `json:"chars"`
	Facts      int32   `json:"facts"`
	// PlanStart is the offset (code points into the document text) where
	// the plan part starts; nil when the text never turns to a plan.
	PlanStart *int32 `json:"plan_start"`
}

// ErrorRow is one row of the errors table: a document that could not be
// processed, and why.
type ErrorRow struct {
	DocID   string `json:"doc_id"`
	Path    string `json:"path"`
	Stage   string `json:"stage"`
	Message string `json:"message"`
}

// Measure is what a fact's number measures (SPEC section 3).
type Measure string

// The measures.
const (
	Level  Measure = "level"  // the indicator is, reaches or stays at the number
	Delta  Measure = "delta"  // an amount added, built, done or removed
	Growth Measure = "growth" // a relative change rate
)

// Bound is how the number bounds the indicator (SPEC section 4).
type Bound string

// The bounds.
const (
	Eq     Bound = "eq"
	Ge     Bound = "ge"
	Gt     Bound = "gt"
	Le     Bound = "le"
	Lt     Bound = "lt"
	Approx Bound = "approx"
	Range  Bound = "range"
)

// Kind says whether a figure is planned or reached (SPEC section 6).
type Kind string

// The kinds.
const (
	Target Kind = "target"
	Actual Kind = "actual"
)

// Unit is a canonical unit (SPEC section 5): a name of
// normalize.Canonicals.
type Unit string

// The canonical units the extractor decides with by name.
const (
	CNY     Unit = "CNY"
	USD     Unit = "USD"
	Percent Unit = "percent"
	PP      Unit = "pp"
	Count   Unit = "count"
	Times   Unit = "times"
	Day     Unit = "day"
	Other   Unit = normalize.Other
)

// Measures lists the values of Fact.Measure (SPEC section 3).
var Measures = []string{"level", "delta", "growth"}

// Bounds lists the values of Fact.Bound (SPEC section 4).
var Bounds = []string{"eq", "ge", "gt", "le", "lt", "approx", "range"}

// Kinds lists the values of Fact.Kind (SPEC section 6).
var Kinds = []string{"target", "actual"}

// Units lists the canonical values of Fact.Unit (SPEC section 5), from the
// unit table (normalize.Canonicals).
var Units = func() []string {
	var out []string
	for _, c := range normalize.Canonicals {
		out = append(out, c.Name)
	}
	return out
}()

// Levels lists the values of Document.Level.
var Levels = []string{"national", "province", "city", "district", "county", ""}

// DocTypes lists the values of Document.DocType.
var DocTypes = []string{"report", "news", "plan"}
