package schema

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCSVNeutralizesFormulas writes text cells that spreadsheets would run
// as formulas: no cell of the file starts with = + - @ unneutralised, and
// every string reads back as it was.
func TestCSVNeutralizesFormulas(t *testing.T) {
	hostile := []string{"=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=1", "'=1", "'plain", "''", "'", "plain", ""}
	var facts []Fact
	for i, s := range hostile {
		facts = append(facts, Fact{DocID: s, FactID: int32(i + 1), Mention: s, Sentence: s, Indicator: s, ValueLow: -2.5, ValueHigh: -2.5})
	}
	var buf bytes.Buffer
	w, err := NewWriter(FormatCSV, FactsTable, Meta{}, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(facts); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	numeric := map[int]bool{}
	for i, name := range recs[0] {
		numeric[i] = name == "value_low" || name == "value_high"
	}
	for _, rec := range recs[1:] {
		for i, cell := range rec {
			if !numeric[i] && cell != "" && strings.ContainsAny(cell[:1], "=+-@\t\r") {
				t.Errorf("column %s: cell %q starts with a formula character", recs[0][i], cell)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "facts.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadFacts(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range got {
		if f.Mention != hostile[i] || f.DocID != hostile[i] || f.ValueLow != -2.5 {
			t.Errorf("row %d read back as mention %q, doc_id %q, value %v; want %q, %q, -2.5", i+1, f.Mention, f.DocID, f.ValueLow, hostile[i], hostile[i])
		}
	}
}
