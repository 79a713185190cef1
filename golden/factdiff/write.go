package factdiff

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/gwrfacts/gwr/golden/match"
	"github.com/gwrfacts/gwr/schema"
)

// WriteText writes the differences for people, one block per document:
//
//	== 000_905a9ba025aa535a
//	- 4.5%  城镇登记失业率控制在【4.5%】以内
//	~ 100家  新增高新技术企业【100家】以上
//	      mention "10家" -> "100家"
//	      value_low 10 -> 100
//	+ 2家  新增标杆工厂【2家】
//
// Each fact shows its mention and its sentence with the mention marked; a
// changed fact shows its new mention and sentence and then its changes.
// The last line is the Summary.
func (r Result) WriteText(w io.Writer) error {
	var b strings.Builder
	for i, d := range r.Diffs {
		if i == 0 || r.Diffs[i-1].DocID != d.DocID {
			fmt.Fprintf(&b, "== %s\n", d.DocID)
		}
		f := d.Fact()
		fmt.Fprintf(&b, "%s %s  %s\n", d.Op, oneLine(f.Mention), context(f))
		for _, c := range d.Changes {
			fmt.Fprintf(&b, "      %s\n", oneLine(c.String()))
		}
	}
	if !r.Empty() {
		b.WriteString("\n")
	}
	b.WriteString(r.Summary().String() + "\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("factdiff: %w", err)
	}
	return nil
}

// WriteJSONL writes one JSON object per difference, {"doc_id", "op",
// "old", "new", "changes"}, with old or new null for an added or removed
// fact, then a last line {"summary": {...}}.
func (r Result) WriteJSONL(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range r.Diffs {
		if d.Changes == nil {
			d.Changes = []Change{}
		}
		if err := enc.Encode(d); err != nil {
			return fmt.Errorf("factdiff: %w", err)
		}
	}
	if err := enc.Encode(map[string]Summary{"summary": r.Summary()}); err != nil {
		return fmt.Errorf("factdiff: %w", err)
	}
	return nil
}

// context returns the fact's sentence with its mention marked, on one line.
func context(f *schema.Fact) string {
	return oneLine(match.Mark(f.Sentence, f.Mention))
}

// oneLine replaces line breaks with spaces so that a fact stays on its line.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// formatValue formats a column value: numbers plainly, strings quoted, nil
// as null.
func formatValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(v), 'f', -1, 32)
	default:
		if r := reflect.ValueOf(v); r.Kind() == reflect.String {
			return strconv.Quote(r.String()) // schema.Unit, schema.Measure …
		}
		return fmt.Sprint(v)
	}
}
