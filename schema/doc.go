// Package schema defines gwr's output tables and reads and writes them.
//
// There are three tables: facts (one row per number found in a report, see
// SPEC section 2), documents (one row per input report) and errors (one row
// per report that could not be processed). Each is a [Table]: a list of
// [Column] values, each with a name, an Arrow type, nullability and its
// documentation. Everything else is derived from that one list: the Arrow
// schema ([Table.ArrowSchema]), the JSON keys and their order, the CSV
// header, the Parquet key/value metadata that describes every column, and
// the data dictionary docs/schema.md ([Markdown]).
//
// The row types [Fact], [Document] and [ErrorRow] are bound to their tables
// by JSON key: column "doc_id" is the struct field tagged `json:"doc_id"`.
//
// [NewWriter] streams rows, in batches, to Parquet, Arrow IPC, JSON Lines or
// CSV; the format of a named file is chosen by its extension ([FormatOf];
// [Ext] is the extension gwr writes for a format: one table holds both
// directions; tests write table files with package schematest). Memory is bounded by one row group
// (Parquet) or one record batch (Arrow, which spills earlier batches to a
// temporary file), never by the number of rows. Output is deterministic:
// the same rows and the same [Meta] give byte-identical files. [ReadFacts],
// [ReadDocuments] and [ReadErrors] read any of those formats back;
// [ReadMeta] returns a file's key/value metadata and [ReadArrowSchema] its
// Arrow schema.
//
// [Describe] renders an Arrow schema as stable text for golden files;
// golden/schema.txt holds the three tables' schemas as read back from
// Parquet, and docs/schema.md is [Markdown]. Both are checked by this
// package's tests and rewritten by GWR_UPDATE=1 go test ./schema/.
//
// golden/interop (make interop) reads the output with DuckDB and Apache
// Arrow JS, as researchers' tools would.
//
// [PartitionPath] names Hive-style partition directories
// (doc_year=2024/level=county) for partitioned output.
package schema
