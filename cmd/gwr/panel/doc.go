// Package panel turns the facts of many reports into research data: one
// row per region, year and indicator code with the target the report of
// that year set, the outcome a later report stated and whether the target
// was met (schema.PanelTable), and the facts that stated a cell but were
// not picked (schema.ConflictsTable). Build makes the tables, WriteHTML a
// self-contained page of them, Markdown their documentation
// (docs/panel.md).
package panel
