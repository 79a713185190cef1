package schema

import (
	"fmt"
	"strings"
)

// Markdown renders the data dictionary, docs/schema.md: the output formats,
// the key/value metadata, and every table and column with its type,
// nullability, meaning, enumerated values, unit and an example. It is
// generated from Tables, the same column lists the writers use.
func Markdown() string {
	var b strings.Builder
	b.WriteString("# gwr output tables\n\n")
	b.WriteString("<!-- Generated from package schema by Markdown(); do not edit. Regenerate with: GWR_UPDATE=1 go test ./schema/ -->\n\n")
	fmt.Fprintf(&b, "Schema version %s. `gwr extract` writes three tables: ", SchemaVersion)
	for i, t := range Tables {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "[%s](#%s)", t.Name, t.Name)
	}
	b.WriteString(". The facts table is the contract of SPEC section 2.\n\n")

	b.WriteString("## Formats\n\n")
	b.WriteString("Every table can be written in each format; all carry the same rows and columns, in the order listed below.\n\n")
	b.WriteString("| format | file | notes |\n|---|---|---|\n")
	fmt.Fprintf(&b, "| `parquet` | `.parquet` | zstd-compressed (level %d), up to %d rows (or %d MiB of text) per row group; columns that are not nullable are `REQUIRED`; the Arrow schema is stored (`ARROW:schema`), so dictionary columns read back as dictionaries; row group statistics (least and greatest value) for the numbers and `doc_id` only; key/value metadata as below |\n", zstdLevel, BatchRows, BatchBytes>>20)
	b.WriteString("| `arrow` | `.arrow` | Arrow IPC file format, uncompressed, one dictionary per dictionary column for the whole file; schema metadata as below |\n")
	b.WriteString("| `jsonl` | `.jsonl` | one JSON object per line, keys in column order, UTF-8 text unescaped, null for a null cell, numbers in shortest round-trip decimal form (342000000, 6.5, -3) |\n")
	b.WriteString("| `csv` | `.csv` | RFC 4180, a header row of column names, numbers as in JSON Lines, an empty field for null (so an empty string and a null look alike in the columns that can be null); a text cell starting with `=`, `+`, `-`, `@`, tab, carriage return or `'` gets a leading `'` so that spreadsheets show it instead of running it as a formula (gwr's own reader removes it; numbers are written as numbers) |\n\n")
	b.WriteString("Output is deterministic: the same rows give byte-identical files. ")
	b.WriteString("Types are Arrow types; `dictionary` is `dictionary<values=utf8, indices=int32>`, a string column stored once per distinct value (Parquet: a `BYTE_ARRAY` `STRING` column).\n\n")

	b.WriteString("## Key/value metadata\n\n")
	b.WriteString("Parquet files carry these keys in the footer's key/value metadata, Arrow files in the schema metadata.\n\n")
	b.WriteString("| key | value |\n|---|---|\n")
	fmt.Fprintf(&b, "| `%s` | the table's name: %s |\n", KeyTable, tableNames())
	fmt.Fprintf(&b, "| `%s` | the version of this layout, now `%s`; it changes when a column is added, removed, renamed or retyped |\n", KeySchemaVersion, SchemaVersion)
	fmt.Fprintf(&b, "| `%s` | the version of the gwr binary that wrote the file |\n", KeyToolVersion)
	fmt.Fprintf(&b, "| `%s` | a hash of the extraction rules that produced the rows |\n", KeyRulesHash)
	fmt.Fprintf(&b, "| `%s<name>` | one per column: the column's meaning, values, unit and example on one line |\n", KeyColumnPrefix)
	b.WriteString("| `ARROW:schema` | (Parquet only) the serialized Arrow schema, written by the Arrow library |\n")

	for _, t := range Tables {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n", t.Name, t.Doc)
		b.WriteString(t.ColumnsMarkdown())
	}
	return b.String()
}

// ColumnsMarkdown renders the table's columns as a Markdown table (name,
// type, nullability, meaning, unit, example), then one table of values for
// each enumerated column, under "### table.column" headings.
func (t *Table) ColumnsMarkdown() string {
	var b strings.Builder
	b.WriteString("| column | type | null | meaning | unit | example |\n|---|---|---|---|---|---|\n")
	for _, c := range t.Columns {
		meaning := c.Doc
		if len(c.Values) > 0 {
			meaning += " One of " + valueList(c.Values) + "."
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n",
			c.Name, typeName(c), nullText(c.Nullable), cell(meaning), cell(c.Unit), exampleCell(c.Example))
	}
	for _, c := range t.Columns {
		if len(c.ValueDocs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n### %s.%s\n\n", t.Name, c.Name)
		b.WriteString("| value | meaning |\n|---|---|\n")
		for _, v := range c.Values {
			fmt.Fprintf(&b, "| %s | %s |\n", valueList([]string{v}), cell(c.ValueDocs[v]))
		}
	}
	return b.String()
}

func tableNames() string {
	names := make([]string, len(Tables))
	for i, t := range Tables {
		names[i] = "`" + t.Name + "`"
	}
	return strings.Join(names, ", ")
}

// typeName is the short type name shown in the dictionary.
func typeName(c Column) string {
	if c.Dictionary() {
		return "dictionary"
	}
	return c.Type.String()
}

func nullText(nullable bool) string {
	if nullable {
		return "yes"
	}
	return "no"
}

// valueList renders enumerated values as code spans; the empty string is
// shown as `""`.
func valueList(values []string) string {
	out := make([]string, len(values))
	for i, v := range values {
		if v == "" {
			v = `""`
		}
		out[i] = "`" + v + "`"
	}
	return strings.Join(out, ", ")
}

// cell escapes text for a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

func exampleCell(s string) string {
	if s == "" {
		return ""
	}
	return "`" + cell(s) + "`"
}
