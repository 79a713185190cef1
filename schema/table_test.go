package schema

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
)

// TestColumnOrder checks that every table's columns follow its row type's
// fields and JSON keys in order, so JSON Lines, CSV and Arrow agree.
func TestColumnOrder(t *testing.T) {
	for _, tab := range Tables {
		rt := tab.RowType()
		var keys []string
		for i := 0; i < rt.NumField(); i++ {
			keys = append(keys, strings.Split(rt.Field(i).Tag.Get("json"), ",")[0])
		}
		if got := tab.ColumnNames(); !slices.Equal(got, keys) {
			t.Errorf("%s columns = %v, want the JSON keys of %s %v", tab.Name, got, rt, keys)
		}
	}
}

func TestColumnTypes(t *testing.T) {
	dict := map[string][]string{
		"facts":     {"doc_id", "measure", "bound", "unit", "unit_text", "classifier", "kind", "hedge", "rule", "cue", "indicator_code"},
		"documents": {"format", "encoding", "level", "doc_type"},
		"errors":    {"stage"},
	}
	nullable := map[string][]string{"facts": {"year", "indicator_code"}, "documents": {"year", "region_code", "plan_start"}}
	for _, tab := range Tables {
		for _, c := range tab.Columns {
			if got, want := c.Dictionary(), slices.Contains(dict[tab.Name], c.Name); got != want {
				t.Errorf("%s.%s dictionary = %v, want %v", tab.Name, c.Name, got, want)
			}
			if got, want := c.Nullable, slices.Contains(nullable[tab.Name], c.Name); got != want {
				t.Errorf("%s.%s nullable = %v, want %v", tab.Name, c.Name, got, want)
			}
			if c.Doc == "" || c.Example == "" {
				t.Errorf("%s.%s lacks a Doc or an Example", tab.Name, c.Name)
			}
			for _, v := range c.Values {
				if c.ValueDocs[v] == "" {
					t.Errorf("%s.%s: value %q has no ValueDocs entry", tab.Name, c.Name, v)
				}
			}
			if len(c.ValueDocs) != len(c.Values) {
				t.Errorf("%s.%s: %d ValueDocs for %d Values", tab.Name, c.Name, len(c.ValueDocs), len(c.Values))
			}
		}
	}
	want := map[string]arrow.Type{"fact_id": arrow.INT32, "start": arrow.INT32, "end": arrow.INT32, "year": arrow.INT32, "value_low": arrow.FLOAT64, "value_high": arrow.FLOAT64, "mention": arrow.STRING}
	for name, id := range want {
		c, ok := FactsTable.Column(name)
		if !ok || c.Type.ID() != id {
			t.Errorf("facts.%s type = %v, want %v", name, c.Type, id)
		}
	}
}

func TestEnumerations(t *testing.T) {
	tests := []struct {
		tab    *Table
		column string
		want   []string
	}{
		{FactsTable, "measure", Measures},
		{FactsTable, "bound", Bounds},
		{FactsTable, "unit", Units},
		{FactsTable, "kind", Kinds},
		{DocumentsTable, "level", Levels},
		{DocumentsTable, "doc_type", DocTypes},
	}
	for _, tt := range tests {
		c, _ := tt.tab.Column(tt.column)
		if !slices.Equal(c.Values, tt.want) {
			t.Errorf("%s.%s values = %v, want %v", tt.tab.Name, tt.column, c.Values, tt.want)
		}
	}
}

func TestArrowSchemaMetadata(t *testing.T) {
	s := FactsTable.ArrowSchema(Meta{ToolVersion: "v1", RulesHash: "h"})
	md := s.Metadata()
	wantFirst := []string{KeyTable, "facts", KeySchemaVersion, SchemaVersion, KeyToolVersion, "v1", KeyRulesHash, "h"}
	for i := 0; i < 4; i++ {
		if md.Keys()[i] != wantFirst[2*i] || md.Values()[i] != wantFirst[2*i+1] {
			t.Errorf("metadata[%d] = %s=%s, want %s=%s", i, md.Keys()[i], md.Values()[i], wantFirst[2*i], wantFirst[2*i+1])
		}
	}
	if got, want := md.Len(), 4+len(FactsTable.Columns); got != want {
		t.Errorf("metadata has %d keys, want %d", got, want)
	}
	if got, want := md.FindKey(KeyColumnPrefix+"unit") >= 0, true; got != want {
		t.Errorf("metadata has %sunit = %v, want %v", KeyColumnPrefix, got, want)
	}
}

func TestDescription(t *testing.T) {
	tests := []struct {
		c    Column
		want string
	}{
		{Column{Doc: "Plain."}, "Plain."},
		{Column{Doc: "Kind.", Values: []string{"a", ""}, Example: `"a"`}, `Kind. Values: "a", "". Example: "a".`},
		{Column{Doc: "Year.", Unit: "calendar year", Example: "2024"}, "Year. Unit: calendar year. Example: 2024."},
	}
	for _, tt := range tests {
		if got := tt.c.Description(); got != tt.want {
			t.Errorf("Description() = %q, want %q", got, tt.want)
		}
	}
}

// TestNewTablePanics checks that a column list that does not fit its row
// type is caught when the table is built.
func TestNewTablePanics(t *testing.T) {
	type row struct {
		A string `json:"a"`
		B *int32 `json:"b"`
	}
	tests := []struct {
		name string
		cols []Column
	}{
		{"missing column", []Column{{Name: "a", Type: typeString}}},
		{"unknown column", []Column{{Name: "a", Type: typeString}, {Name: "c", Type: typeInt32, Nullable: true}}},
		{"not nullable pointer", []Column{{Name: "a", Type: typeString}, {Name: "b", Type: typeInt32}}},
		{"wrong type", []Column{{Name: "a", Type: typeInt32}, {Name: "b", Type: typeInt32, Nullable: true}}},
	}
	for _, tt := range tests {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: newTable did not panic", tt.name)
				}
			}()
			newTable[row]("t", "", tt.cols)
		}()
	}
	tab := newTable[row]("t", "", []Column{{Name: "a", Type: typeDict}, {Name: "b", Type: typeInt32, Nullable: true}})
	if got, want := tab.RowType(), reflect.TypeFor[row](); got != want {
		t.Errorf("RowType() = %v, want %v", got, want)
	}
}
