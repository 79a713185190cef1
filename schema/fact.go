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
	Measure       string  `json:"measure"`
	ValueLow      float64 `json:"value_low"`
	ValueHigh     float64 `json:"value_high"`
	Bound         string  `json:"bound"`
	Unit          string  `json:"unit"`
	UnitText      string  `json:"unit_text"`
	Classifier    string  `json:"classifier"`
	Kind          string  `json:"kind"`
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
