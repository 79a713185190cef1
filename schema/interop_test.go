package schema

import (
	"os"
	"testing"
)

// TestWriteInteropFiles writes sample tables in every format to the
// directory named by GWR_INTEROP_DIR, for testdata/interop/check.mjs to read
// with DuckDB and Apache Arrow JS. The facts are written in batches of 97
// rows, so the Parquet file has several row groups and the Arrow file
// several record batches sharing one dictionary per column.
func TestWriteInteropFiles(t *testing.T) {
	dir := os.Getenv("GWR_INTEROP_DIR")
	if dir == "" {
		t.Skip("GWR_INTEROP_DIR not set")
	}
	facts := randomFacts(1000, 42)
	docs := randomDocuments(40)
	for _, f := range Formats {
		writeFile(t, dir, "facts."+f, FactsTable, facts, 33, 97)
		writeFile(t, dir, "documents."+f, DocumentsTable, docs, 33, 97)
	}
}
