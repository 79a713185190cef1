package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

// TestPanelCommand extracts two reports of 河北省 (2021 flat, 2022
// partitioned), builds the panel of both and checks the 2021 GDP growth
// cell: the 2021 report's target against the 2022 report's outcome.
func TestPanelCommand(t *testing.T) {
	dir := t.TempDir()
	extra := filepath.Join("..", "..", "corpus", "testdata", "extra")
	flat, parts, out := filepath.Join(dir, "flat"), filepath.Join(dir, "parts"), filepath.Join(dir, "panel")
	extractRun(t, 0, "--quiet", "--format", "jsonl", "-o", flat, filepath.Join(extra, "province_hebei_2021.txt"))
	extractRun(t, 0, "--quiet", "--partition-by", "year,level", "-o", parts, filepath.Join(extra, "province_hebei_2022.txt"))
	page := filepath.Join(dir, "panel.html")
	var o, e bytes.Buffer
	if got := run([]string{"panel", "-o", out, "--format", "parquet,jsonl,csv", "--html", page, flat, parts}, &o, &e); got != 0 {
		t.Fatalf("gwr panel: exit status %d, want 0; stderr:\n%s", got, e.String())
	}
	if !strings.HasPrefix(e.String(), "gwr panel: 2 documents (0 without region code, 0 without year), ") || !strings.Contains(e.String(), " conflicts (") {
		t.Errorf("summary line = %q, want it to count documents, rows and conflicts", e.String())
	}
	for _, ext := range []string{"parquet", "jsonl", "csv"} {
		rows, err := schema.PanelTable.ReadFile(filepath.Join(out, "panel."+ext))
		if err != nil {
			t.Fatal(err)
		}
		var cell *schema.PanelRow
		for _, r := range rows.([]schema.PanelRow) {
			if r.Year == 2021 && r.IndicatorCode == "gdp_growth" {
				cell = &r
			}
		}
		if cell == nil {
			t.Fatalf("panel.%s has no 2021 gdp_growth row", ext)
		}
		got := []any{cell.Region, cell.RegionCode, cell.Level, *cell.TargetLow, *cell.TargetBound, *cell.TargetDocID, *cell.ActualLow, *cell.ActualDocID, *cell.Met}
		want := []any{"河北省", "130000", "province", 6.5, "eq", "province_hebei_2021", 6.5, "province_hebei_2022", true}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("panel.%s 2021 gdp_growth: got %v, want %v", ext, got, want)
				break
			}
		}
		if _, err := schema.ConflictsTable.ReadFile(filepath.Join(out, "panel_conflicts."+ext)); err != nil {
			t.Errorf("panel_conflicts.%s: %v", ext, err)
		}
	}
	html, err := os.ReadFile(page)
	if err != nil || !bytes.Contains(html, []byte(`"indicator_code":"gdp_growth"`)) {
		t.Errorf("panel page: %v; want it to hold the rows", err)
	}
}

func TestPanelUsage(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-o", dir}, "no TABLES given"},
		{[]string{dir}, "give -o DIR, --html FILE or both"},
		{[]string{"-o", dir, "--format", "xlsx", dir}, `unknown format "xlsx"`},
		{[]string{"-o", dir, dir}, "holds no table written by gwr extract"},
		{[]string{"-o", dir, filepath.Join(dir, "missing")}, "missing: no such file"},
		{[]string{"-o", dir, "--indicators", filepath.Join(dir, "none.tsv"), dir}, "none.tsv"},
	}
	for _, tt := range tests {
		var o, e bytes.Buffer
		if got := run(append([]string{"panel"}, tt.args...), &o, &e); got != 2 || !strings.Contains(e.String(), tt.want) {
			t.Errorf("gwr panel %s: status %d, stderr %q; want 2 and %q", strings.Join(tt.args, " "), got, e.String(), tt.want)
		}
	}
}
