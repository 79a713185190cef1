package schema

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// SchemaVersion is the version of the table layouts defined here. It is
// stored in every file as gwr.schema_version and changes whenever a column is
// added, removed, renamed or retyped.
const SchemaVersion = "2"

// Key/value metadata keys stored in the Arrow schema and the Parquet footer.
const (
	KeyTable         = "gwr.table"          // the table's name: facts, documents or errors
	KeySchemaVersion = "gwr.schema_version" // SchemaVersion
	KeyToolVersion   = "gwr.tool_version"   // Meta.ToolVersion
	KeyRulesHash     = "gwr.rules_hash"     // Meta.RulesHash
	KeyColumnPrefix  = "gwr.column."        // followed by a column name: Column.Description
)

// Meta is the provenance written into every file's key/value metadata.
type Meta struct {
	ToolVersion string // version of the gwr binary that wrote the file
	RulesHash   string // hash of the extraction rules that produced the rows
}

// Column is one column of a table: its name (also the JSON key and the CSV
// header), its Arrow type and its documentation.
type Column struct {
	Name     string
	Type     arrow.DataType
	Nullable bool
	// Doc is the meaning of the column, one or a few sentences.
	Doc string
	// Values lists the allowed values of an enumerated column, nil if the
	// column is open.
	Values []string
	// ValueDocs gives the meaning of some or all of Values.
	ValueDocs map[string]string
	// Unit is the unit of a numeric column, "" if none.
	Unit string
	// Example is one value as written in JSON Lines.
	Example string
}

// Description is the column's documentation on one line: its meaning, then
// its values, unit and example when it has them. It is stored in the file
// metadata under KeyColumnPrefix + Name.
func (c Column) Description() string {
	var b strings.Builder
	b.WriteString(c.Doc)
	if len(c.Values) > 0 {
		quoted := make([]string, len(c.Values))
		for i, v := range c.Values {
			quoted[i] = fmt.Sprintf("%q", v)
		}
		fmt.Fprintf(&b, " Values: %s.", strings.Join(quoted, ", "))
	}
	if c.Unit != "" {
		fmt.Fprintf(&b, " Unit: %s.", c.Unit)
	}
	if c.Example != "" {
		fmt.Fprintf(&b, " Example: %s.", c.Example)
	}
	return b.String()
}

// Dictionary reports whether the column is dictionary-encoded in Arrow.
func (c Column) Dictionary() bool { return c.Type.ID() == arrow.DICTIONARY }

// text reports whether the column holds strings: a string column or a
// dictionary column (whose values are strings, typeDict).
func (c Column) text() bool { return c.Type.ID() == arrow.STRING || c.Dictionary() }

// Table is one output table: its name, its columns in order, and the Go row
// type whose fields hold them.
type Table struct {
	Name    string
	Doc     string
	Columns []Column

	rowType reflect.Type
	cols    []binding // parallel to Columns
}

// valueKind is how a column's values are held in the Go row type.
type valueKind int

const (
	kindString      valueKind = iota // string
	kindInt32                        // int32
	kindNullInt32                    // *int32, nil for null
	kindFloat64                      // float64
	kindNullString                   // *string, nil for null
	kindNullFloat64                  // *float64, nil for null
	kindNullBool                     // *bool, nil for null
)

// nullable reports whether the field is a pointer, nil for null.
func (k valueKind) nullable() bool {
	return k == kindNullString || k == kindNullInt32 || k == kindNullFloat64 || k == kindNullBool
}

// binding ties a column to a field of the row type.
type binding struct {
	field  int     // index of the struct field
	offset uintptr // its offset in the struct (reflect.StructField.Offset)
	kind   valueKind
}

// RowType returns the Go type of one row: Fact, Document or ErrorRow.
func (t *Table) RowType() reflect.Type { return t.rowType }

// ColumnNames returns the column names in order: the CSV header and the
// JSON key order.
func (t *Table) ColumnNames() []string {
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	return names
}

// Column returns the column called name and whether there is one.
func (t *Table) Column(name string) (Column, bool) {
	for _, c := range t.Columns {
		if c.Name == name {
			return c, true
		}
	}
	return Column{}, false
}

// ArrowSchema returns the table's Arrow schema with m and the column
// descriptions as key/value metadata, in this order: gwr.table,
// gwr.schema_version, gwr.tool_version, gwr.rules_hash, then
// gwr.column.<name> for every column.
func (t *Table) ArrowSchema(m Meta) *arrow.Schema {
	fields := make([]arrow.Field, len(t.Columns))
	for i, c := range t.Columns {
		fields[i] = arrow.Field{Name: c.Name, Type: c.Type, Nullable: c.Nullable}
	}
	keys := []string{KeyTable, KeySchemaVersion, KeyToolVersion, KeyRulesHash}
	values := []string{t.Name, SchemaVersion, m.ToolVersion, m.RulesHash}
	for _, c := range t.Columns {
		keys = append(keys, KeyColumnPrefix+c.Name)
		values = append(values, c.Description())
	}
	md := arrow.NewMetadata(keys, values)
	return arrow.NewSchema(fields, &md)
}

// newTable builds a table and binds its columns to the fields of row type
// R by JSON key. A column without a field, a field without a column, or a
// Go type that cannot hold the Arrow type is a programming error: it
// panics when the package is initialised.
func newTable[R any](name, doc string, cols []Column) *Table {
	rt := reflect.TypeFor[R]()
	t := &Table{Name: name, Doc: doc, Columns: cols, rowType: rt, cols: make([]binding, len(cols))}
	byKey := map[string]int{}
	for i := 0; i < rt.NumField(); i++ {
		key, _, _ := strings.Cut(rt.Field(i).Tag.Get("json"), ",")
		byKey[key] = i
	}
	if len(byKey) != len(cols) {
		panic(fmt.Sprintf("schema: table %s has %d columns but %s has %d fields", name, len(cols), rt, len(byKey)))
	}
	for i, c := range cols {
		fi, ok := byKey[c.Name]
		if !ok {
			panic(fmt.Sprintf("schema: table %s: no field of %s has JSON key %q", name, rt, c.Name))
		}
		kind, err := bindKind(c, rt.Field(fi).Type)
		if err != nil {
			panic(fmt.Sprintf("schema: table %s: %v", name, err))
		}
		t.cols[i] = binding{field: fi, offset: rt.Field(fi).Offset, kind: kind}
	}
	return t
}

// bindKind returns how a Go field of type gt holds the values of c.
func bindKind(c Column, gt reflect.Type) (valueKind, error) {
	vt := c.Type
	if d, ok := vt.(*arrow.DictionaryType); ok {
		vt = d.ValueType
	}
	switch {
	case vt.ID() == arrow.STRING && gt.Kind() == reflect.String && !c.Nullable:
		return kindString, nil
	case vt.ID() == arrow.INT32 && gt.Kind() == reflect.Int32 && !c.Nullable:
		return kindInt32, nil
	case vt.ID() == arrow.INT32 && gt.Kind() == reflect.Pointer && gt.Elem().Kind() == reflect.Int32 && c.Nullable:
		return kindNullInt32, nil
	case vt.ID() == arrow.FLOAT64 && gt.Kind() == reflect.Float64 && !c.Nullable:
		return kindFloat64, nil
	case vt.ID() == arrow.STRING && gt.Kind() == reflect.Pointer && gt.Elem().Kind() == reflect.String && c.Nullable:
		return kindNullString, nil
	case vt.ID() == arrow.FLOAT64 && gt.Kind() == reflect.Pointer && gt.Elem().Kind() == reflect.Float64 && c.Nullable:
		return kindNullFloat64, nil
	case vt.ID() == arrow.BOOL && gt.Kind() == reflect.Pointer && gt.Elem().Kind() == reflect.Bool && c.Nullable:
		return kindNullBool, nil
	}
	return 0, fmt.Errorf("column %s (%s, nullable %v) cannot be held in a Go %s", c.Name, c.Type, c.Nullable, gt)
}

// rowSlice checks that rows is a slice of the table's row type and returns
// it as a reflect.Value.
func (t *Table) rowSlice(rows any) (reflect.Value, error) {
	v := reflect.ValueOf(rows)
	if v.Kind() != reflect.Slice || v.Type().Elem() != t.rowType {
		return reflect.Value{}, fmt.Errorf("schema: table %s takes []%s, got %T", t.Name, t.rowType.Name(), rows)
	}
	return v, nil
}
