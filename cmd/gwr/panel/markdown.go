package panel

import (
	"fmt"
	"strings"

	"github.com/gwrfacts/gwr/extract/taxonomy"
	"github.com/gwrfacts/gwr/schema"
)

// Markdown renders docs/panel.md: how gwr panel builds its rows, every
// column of the panel and panel_conflicts tables, and the indicator
// taxonomy tax, code by code.
func Markdown(tax *taxonomy.Taxonomy) string {
	var b strings.Builder
	b.WriteString("# Targets and outcomes: the panel and the indicator taxonomy\n\n")
	b.WriteString("<!-- Generated from packages panel, schema and taxonomy by panel.Markdown; do not edit. Regenerate with: GWR_UPDATE=1 go test ./cmd/gwr/panel/ -->\n\n")
	b.WriteString("`gwr extract` gives every fact an `indicator_code` from the taxonomy below and every document a `region_code` " +
		"(GB/T 2260, from `corpus/region/codes.tsv`); `gwr panel -o DIR TABLES...` joins them into a panel: one row per " +
		"(`region_code`, `year`, `indicator_code`) with the target set for the year and the outcome reported for it.\n\n")

	b.WriteString("## How a cell is filled\n\n")
	b.WriteString("- **Target of year Y**: a fact with `kind` = `target` and `year` = Y from a document whose own `year` is Y (the report of Y). Targets for other years (到2027年) are not the year's target.\n")
	b.WriteString("- **Outcome of year Y**: a fact with `kind` = `actual` and `year` = Y from a document of a later year (the report of Y+1 states Y's results).\n")
	b.WriteString("- Left out: facts without `indicator_code` or `year`, documents without `region_code` or `year`, and averages over several years (年均, 平均每年, 年平均 or 平均增长 in the clause before the number), whatever year they were given. An estimate (hedge 预计, 初步预计, 初步统计 or 初步核算: 预计全省地区生产总值迈上14万亿元 is last year's result, SPEC §6) is never a target, whatever its `kind`: one that came out as a target of the report's year is an outcome of the year before, unless its sentence names 今年, 明年 or the report's year.\n")
	b.WriteString("- **Which fact fills a cell** when several state one side of it, in this order of preference:\n")
	b.WriteString("  - target: the report itself before a work plan or a news article; a fact in **the targets paragraph** (its sentence names 预期目标, 主要目标, 调控目标, 发展目标, 目标是/为/定为, 预期为, 预期性指标 or 主要指标) before one elsewhere; a sentence about one year before one about several (年均, 五年, 十三五, 十四五, 十五五, 期间, 累计, 到20XX年, 20XX年前); a figure with a bound (左右, 以上, 以内, a range) before a bare one; then by document id and position in the document.\n")
	b.WriteString("  - outcome: the closest later report (normally Y+1); the report before a plan or news article; only an outcome in the target's unit when there is a target (`trade` can be a growth or a value: the other is a conflict); a reported figure before an estimate; any figure before the starting point A of 从A增加到B or 由A提高到B (of an earlier year); a sentence about one year before one about several; a plain figure before a bounded one (an estimate, 5%左右); a sentence naming the year (2024年…) before one that does not; then by document id and position.\n")
	b.WriteString("  - Every other fact of the cell is a row of `panel_conflicts`, with `agrees` = `same` when it repeats the picked value and `differs` otherwise. The summary line of `gwr panel` counts both.\n\n")

	b.WriteString("## met\n\n")
	b.WriteString("`met` is decided where both sides exist in the same unit, from the target's bound and the indicator's direction " +
		"(`up`: more is better; `down`: less is better; `-`: neither). The outcome's value is its `actual_low`, or the middle of its range. " +
		"A negative target is a decrease, and its bound speaks of the size of the fall (SPEC §7: 下降3%以上 is -3, `ge`).\n\n")
	b.WriteString("| target bound | met when |\n|---|---|\n")
	b.WriteString("| `ge`, `gt` | outcome ≥ (>) target; for a decrease, it falls at least (more than) that much: outcome ≤ (<) target |\n")
	b.WriteString("| `le`, `lt` | outcome ≤ (<) target; for a decrease, it falls at most (less than) that much: outcome ≥ (>) target |\n")
	b.WriteString("| `range` | `up`: outcome ≥ low end; `down`: outcome ≤ high end; `-`: inside the range |\n")
	b.WriteString("| `eq`, `approx` | `up`: outcome ≥ target; `down`: outcome ≤ target; `-`: not decided (null) |\n\n")
	b.WriteString("No tolerance is allowed: 4.9 against 5%左右 is missed. So `energy_intensity` (down) with target 下降3%左右 (-3, `approx`) is met by -3.2 and missed by -2.9; `cpi` (down) with target 3%左右 is met by 0.2.\n\n")

	for _, t := range schema.PanelTables {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", t.Name, t.Doc)
		b.WriteString(t.ColumnsMarkdown())
		b.WriteString("\n")
	}

	b.WriteString("## The indicator taxonomy\n\n")
	fmt.Fprintf(&b, "%d codes, from `extract/taxonomy/indicators.tsv` (embedded in the binary). A fact gets a code when its indicator phrase, "+
		"with scope words in front (全省, 我市, 今年, 提出 …) and rate words at the end (增长, 增速, 实际, 分别 …) removed, matches the "+
		"whole of a row's pattern (a Go regular expression) and its `measure` and `unit` are among the row's; the first such row wins. "+
		"A level or growth in percent of a phrase ending in 增长速度, 增长率 or 增速 is read as a growth of what precedes it (经济增长速度8%% is "+
		"`gdp_growth`). Two neighbouring numbers of one 分别 sentence whose phrase is 城乡居民人均可支配收入 are the urban, then the rural "+
		"figure; the phrase alone gets no code. Otherwise no code rather than a doubtful one. "+
		"`gwr extract --indicators FILE` adds codes in the same format (a code given there replaces the built-in row); give the same "+
		"file to `gwr panel --indicators FILE` for its names and direction.\n\n", len(tax.Codes))
	b.WriteString("| code | name (zh) | name (en) | measure | unit | direction | pattern | note |\n|---|---|---|---|---|---|---|---|\n")
	for _, c := range tax.Codes {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | `%s` | %s |\n", c.Code, mdCell(c.NameZH), mdCell(c.NameEN),
			strings.Join(c.Measures, ", "), strings.Join(c.Units, ", "), c.Direction, mdCell(c.Patterns), mdCell(c.Note))
	}
	return b.String()
}

// mdCell escapes text for a Markdown table cell.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
