package schema

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update reports whether golden files should be rewritten: GWR_UPDATE=1.
// An environment variable, not a flag, because go test ./... rejects flags
// that some test binaries do not define.
func update() bool { return os.Getenv("GWR_UPDATE") == "1" }

// checkGolden compares got with the file at path, or rewrites the file
// when updating. A mismatch reports the first differing line.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if update() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run GWR_UPDATE=1 go test ./schema/ to create it)", err)
	}
	if got == string(want) {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Errorf("%s differs at line %d (run GWR_UPDATE=1 go test ./schema/ to accept):\ngot  %q\nwant %q", path, i+1, g, w)
			return
		}
	}
}

// goldenSchemas describes the Arrow schema of each table as read back from
// a Parquet file, and checks that it equals the schema that was written.
func goldenSchemas(t *testing.T) string {
	var b strings.Builder
	dir := t.TempDir()
	for i, tab := range Tables {
		var rows any
		switch tab {
		case FactsTable:
			rows = randomFacts(10, 3)
		case DocumentsTable:
			rows = randomDocuments(3)
		case ErrorsTable:
			rows = testErrors
		}
		path := writeFile(t, dir, tab.Name+".parquet", tab, rows, 10, BatchRows)
		s, err := ReadArrowSchema(path)
		if err != nil {
			t.Fatal(err)
		}
		got := Describe(s)
		if want := Describe(tab.ArrowSchema(Meta{})); got != want {
			t.Errorf("%s: schema read back from Parquet differs from the one written:\ngot\n%s\nwant\n%s", tab.Name, got, want)
		}
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "# %s\n%s", tab.Name, got)
	}
	return b.String()
}

func TestGoldenSchema(t *testing.T) {
	checkGolden(t, filepath.Join("..", "golden", "schema.txt"), goldenSchemas(t))
}

func TestMarkdownFile(t *testing.T) {
	checkGolden(t, filepath.Join("..", "docs", "schema.md"), Markdown())
}

func TestMarkdownCoversEveryColumn(t *testing.T) {
	md := Markdown()
	for _, tab := range Tables {
		if !strings.Contains(md, "\n## "+tab.Name+"\n") {
			t.Errorf("Markdown() has no section for table %s", tab.Name)
		}
		for _, c := range tab.Columns {
			row := fmt.Sprintf("| `%s` | %s | %s |", c.Name, typeName(c), nullText(c.Nullable))
			if !strings.Contains(md, row) {
				t.Errorf("Markdown() has no row starting %q", row)
			}
			for _, v := range c.Values {
				if !strings.Contains(md, "`"+v+"`") && v != "" {
					t.Errorf("Markdown() does not name value %q of %s.%s", v, tab.Name, c.Name)
				}
			}
		}
	}
	for _, k := range []string{KeyTable, KeySchemaVersion, KeyToolVersion, KeyRulesHash, KeyColumnPrefix} {
		if !strings.Contains(md, "`"+k) {
			t.Errorf("Markdown() does not document metadata key %s", k)
		}
	}
}

func TestDescribe(t *testing.T) {
	got := Describe(ErrorsTable.ArrowSchema(Meta{ToolVersion: "v1.2.3", RulesHash: "deadbeef"}))
	other := Describe(ErrorsTable.ArrowSchema(Meta{ToolVersion: "v9", RulesHash: "cafe"}))
	if got != other {
		t.Errorf("Describe depends on tool version and rules hash:\n%s\nvs\n%s", got, other)
	}
	want := `doc_id: utf8
path: utf8
stage: dictionary<values=utf8, indices=int32, ordered=false>
message: utf8
metadata:
  gwr.column.doc_id = "The document's id: its file name without extension. Example: \"000_905a9ba025aa535a\"."
  gwr.column.message = "The error message, naming the file and what is wrong. Example: \"corpus: corpus/x.txt: not valid UTF-8, UTF-16 or GB18030 (first bad byte at offset 1024)\"."
  gwr.column.path = "The input file's path. Example: \"corpus/000_905a9ba025aa535a.txt\"."
  gwr.column.stage = "The pipeline stage that failed. Values: \"load\", \"extract\". Example: \"load\"."
  gwr.rules_hash = <…>
  gwr.schema_version = "2"
  gwr.table = "errors"
  gwr.tool_version = <…>
`
	if got != want {
		t.Errorf("Describe(errors) =\n%s\nwant\n%s", got, want)
	}
	if !bytes.Contains([]byte(Describe(FactsTable.ArrowSchema(Meta{}))), []byte("\nyear: int32 nullable\n")) {
		t.Errorf("Describe(facts) does not show year as nullable")
	}
}
