// Package schematest writes table files for tests of the packages that read
// gwr's tables, the way gwr extract's writers write them.
package schematest

import (
	"os"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

// WriteTable writes rows, a slice of table's row type, to path in the
// format its extension names (see schema.FormatOf); it fails the test on
// any error.
func WriteTable(t testing.TB, path string, table *schema.Table, m schema.Meta, rows any) {
	t.Helper()
	format, ok := schema.FormatOf(path)
	if !ok {
		t.Fatalf("WriteTable(%s): unknown file extension", path)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, err := schema.NewWriter(format, table, m, f)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}
