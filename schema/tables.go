package schema

import (
	"github.com/apache/arrow-go/v18/arrow"

	"github.com/gwrfacts/gwr/normalize"
)

// Arrow types of the columns. Low-cardinality strings are dictionary
// encoded with int32 indices, which Parquet (via pqarrow), DuckDB and
// Apache Arrow JS all read.
var (
	typeString = arrow.BinaryTypes.String
	typeDict   = &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}
	typeInt32  = arrow.PrimitiveTypes.Int32
	typeDouble = arrow.PrimitiveTypes.Float64
	typeBool   = arrow.FixedWidthTypes.Boolean
)

// Tables lists the three tables in the order they are documented.
var Tables = []*Table{FactsTable, DocumentsTable, ErrorsTable}

// FactsTable is the facts table: one row per number in a report that
// quantifies something the government did or will do (SPEC section 2).
var FactsTable = newTable[Fact]("facts",
	"One row per number in a report that quantifies something the government did or will do: a target, a plan figure or a reported result. A range (3-5个) is one row.",
	[]Column{
		{Name: "doc_id", Type: typeDict,
			Doc:     "The document's id: its file name without extension.",
			Example: `"000_905a9ba025aa535a"`},
		{Name: "fact_id", Type: typeInt32,
			Doc:     "1, 2, 3 … in order of start within the document.",
			Example: `1`},
		{Name: "start", Type: typeInt32,
			Doc:     "Offset of the first code point of the mention in the document text, 0-based. The document text is the file decoded to Unicode with a leading byte-order mark dropped and nothing else changed.",
			Unit:    "Unicode code points (Python text[start:end])",
			Example: `1234`},
		{Name: "end", Type: typeInt32,
			Doc:     "Offset just past the last code point of the mention in the document text (end exclusive).",
			Unit:    "Unicode code points",
			Example: `1239`},
		{Name: "mention", Type: typeString,
			Doc:     "Exactly text[start:end]: the number with its unit and bound words.",
			Example: `"10家以上"`},
		{Name: "sentence", Type: typeString,
			Doc:     "The sentence that holds the mention.",
			Example: `"新增高新技术企业10家以上。"`},
		{Name: "indicator", Type: typeString,
			Doc:     "What is measured, as written in the text: the shortest phrase that still names it.",
			Example: `"高新技术企业"`},
		{Name: "indicator_code", Type: typeDict, Nullable: true,
			Doc:     "The code of the indicator taxonomy (docs/panel.md) that indicator, measure and unit map to together: a growth rate of 地区生产总值 is gdp_growth, its value in 亿元 is gdp. Null where nothing maps: a fact gets no code rather than a doubtful one.",
			Example: `"gdp_growth"`},
		{Name: "cue", Type: typeDict,
			Doc:     `The verb or trigger that governs the number: 新增, 增长, 控制在, 达到, 突破, 改造提升 … ("" if none).`,
			Example: `"新增"`},
		{Name: "measure", Type: typeDict,
			Doc:    "What the number says about the indicator (SPEC section 3).",
			Values: Measures,
			ValueDocs: map[string]string{
				"level":  "the indicator is, reaches or stays at the number: 达到80%, 控制在4.5%以内, 突破3000亿元, 总投资518亿元",
				"delta":  "an amount added, built, done or removed: 新增10家, 改造提升高标准农田1万亩, 提高2个百分点, 压减煤炭6.5万吨 (negative)",
				"growth": "a relative change rate: 增长6.5%, 下降3% (-3), 翻番 (100 percent), 两位数增长 (range 10 to 99.99 percent)",
			},
			Example: `"delta"`},
		{Name: "value_low", Type: typeDouble,
			Doc:     "The number in the canonical unit; a point value has value_low = value_high, a range has its lower end here; decreases are negative.",
			Unit:    "the canonical unit in column unit",
			Example: `342000000`},
		{Name: "value_high", Type: typeDouble,
			Doc:     "The number in the canonical unit; equal to value_low for a point value, the upper end of a range.",
			Unit:    "the canonical unit in column unit",
			Example: `342000000`},
		{Name: "bound", Type: typeDict,
			Doc:    "How the number bounds the indicator, from the words on its magnitude as written (SPEC section 4).",
			Values: Bounds,
			ValueDocs: map[string]string{
				"eq":     "no bound words",
				"ge":     "以上, 不少于, 不低于, 至少",
				"gt":     "超过, 突破, 超, 余, 多 (300余张, 2万多名)",
				"le":     "以内, 以下, 不超过, 不高于, 控制在…以内",
				"lt":     "低于, 不到",
				"approx": "左右, 约, 大约, 近, 上下",
				"range":  "X-Y, X—Y, X–Y, X~Y, X至Y, X到Y",
			},
			Example: `"ge"`},
		{Name: "unit", Type: typeDict,
			Doc:       "Canonical unit of value_low and value_high (SPEC section 5), from the unit table (normalize/unit.go); the written forms listed also take the multiplier words 十 百 千 万 亿 (万千瓦, 亿元). A unit not in the list is other, with unit_text as written.",
			Values:    Units,
			ValueDocs: unitDocs(),
			Example:   `"CNY"`},
		{Name: "unit_text", Type: typeDict,
			Doc:     "The unit as written in the text.",
			Example: `"亿元"`},
		{Name: "classifier", Type: typeDict,
			Doc:     `For unit = count, the measure word: 家, 个, 人, 项 … ("" otherwise).`,
			Example: `"家"`},
		{Name: "kind", Type: typeDict,
			Doc:    "Whether the number is planned or already reached (SPEC section 6).",
			Values: Kinds,
			ValueDocs: map[string]string{
				"target": "planned, for the report's year or later: the plan part of a report, or words such as 力争, 确保, 计划, 将, 预期, 目标",
				"actual": "a result already reached: the review of the past year (回顾, 过去一年, 去年)",
			},
			Example: `"target"`},
		{Name: "year", Type: typeInt32, Nullable: true,
			Doc:     "The year the figure is for: the plan year for targets, the reviewed year for results. Null for a figure over several years with no single year (过去五年, 累计, “十三五”期间).",
			Unit:    "calendar year",
			Example: `2024`},
		{Name: "hedge", Type: typeDict,
			Doc:     `The word that hedges the fact when one governs it: 力争, 确保, 计划, 预计 … ("" otherwise).`,
			Example: `"力争"`},
		{Name: "rule", Type: typeDict,
			Doc:     "Id of the rule that produced the row.",
			Example: `"count.delta"`},
	})

// DocumentsTable is the documents table: one row per input report that
// was read and extracted.
var DocumentsTable = newTable[Document]("documents",
	"One row per input report that was read and extracted. A report that failed has a row in errors instead, and none here.",
	[]Column{
		{Name: "doc_id", Type: typeString,
			Doc:     `The document's id: its file name without its last extension; a later input of the same name gets a suffix -2, -3 …; "stdin" for standard input. Joins facts.doc_id.`,
			Example: `"000_905a9ba025aa535a"`},
		{Name: "path", Type: typeString,
			Doc:     `The input file's path as given on the command line or found under the input directory; "-" for standard input; for a member of a zip archive, the archive's path (the member is in column member).`,
			Example: `"corpus/000_905a9ba025aa535a.txt"`},
		{Name: "format", Type: typeDict,
			Doc:    "The format the document was read from, told by its file (or member) name's extension; a page with HTML markup in a .txt file is html. The document text (that start and end point into) is the file decoded for txt and html, and the text gwr extract wrote to DIR/texts/<doc_id>.txt for docx, pdf and archive members.",
			Values: []string{"txt", "html", "docx", "pdf"},
			ValueDocs: map[string]string{
				"txt":  "plain text (.txt, standard input, any other name given on the command line)",
				"html": "a web page (.htm, .html): the text is the page with its markup; tags, scripts, styles and page chrome (navigation, headers, footers, sidebars) hold no facts",
				"docx": "a Word file: the body's paragraphs one a line (empty ones left out), tables one row a line with cells separated by tabs; no headers, footers, footnotes or comments",
				"pdf":  "a PDF's text layer (poppler's pdftotext), lines joined back into paragraphs, running headers, footers and page numbers dropped",
			},
			Example: `"docx"`},
		{Name: "member", Type: typeString,
			Doc:     `For a member of a zip archive, its name in the archive (decoded from UTF-8 or, without the zip UTF-8 flag, GB18030); "" for a file.`,
			Example: `"2025年山东省政府工作报告.docx"`},
		{Name: "sha256", Type: typeString,
			Doc:     "SHA-256 of the file's (or archive member's) bytes as read (before decoding), lower-case hex.",
			Example: `"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"`},
		{Name: "encoding", Type: typeDict,
			Doc:    `The encoding the file was decoded from: detected, or forced with --encoding; "" for docx and pdf, which are not decoded as text.`,
			Values: []string{"utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16le", "utf-16be", ""},
			ValueDocs: map[string]string{
				"utf-8":     "UTF-8 without a byte-order mark",
				"utf-8-bom": "UTF-8 that began with a byte-order mark (dropped from the text)",
				"gb18030":   "GB18030, which covers GBK and GB2312; what detection reports for any GB file",
				"gbk":       "GBK, only when forced with --encoding gbk (or gb2312, cp936)",
				"utf-16le":  "UTF-16 little-endian, from its byte-order mark or forced",
				"utf-16be":  "UTF-16 big-endian, from its byte-order mark or forced",
				"":          "not a text file: docx or pdf",
			},
			Example: `"utf-8"`},
		{Name: "region", Type: typeString,
			Doc:     `The innermost administrative unit the report is for, as named in it (a chain such as 保定市清苑区 gives 清苑区); 全国 for a national report; "" if unknown. Inferred from the text, or given by --manifest.`,
			Example: `"淄川区"`},
		{Name: "region_code", Type: typeString, Nullable: true,
			Doc:     `The six-digit administrative division code (GB/T 2260) of region, resolved with level (高阳县, county: 130628), from the table in package region; "000000" for a national report. Null when region is unknown or names no unit of the table (or several, and the text does not tell which).`,
			Example: `"130628"`},
		{Name: "level", Type: typeDict,
			Doc:    "The administrative level of the government that gave the report, from the suffix of region (or, without a region, from the most frequent of 全县, 全区, 全市, 全省 …), or given by --manifest.",
			Values: Levels,
			ValueDocs: map[string]string{
				"national": "the State Council",
				"province": "a province (省), autonomous region (自治区) or one of the municipalities 北京市, 上海市, 天津市, 重庆市",
				"city":     "a prefecture-level city (市), autonomous prefecture (州), league (盟) or prefecture (地区)",
				"district": "a district (区)",
				"county":   "a county (县), banner (旗) or county-level city (a 市 inside another unit)",
				"":         "unknown",
			},
			Example: `"district"`},
		{Name: "year", Type: typeInt32, Nullable: true,
			Doc:     "The report's plan year: targets are for this year, results for the year before. Inferred from the session date, headings, title or publication date, or given by --manifest. Null if unknown.",
			Unit:    "calendar year",
			Example: `2024`},
		{Name: "doc_type", Type: typeDict,
			Doc:    "What kind of document the file holds, inferred from the text or given by --manifest.",
			Values: DocTypes,
			ValueDocs: map[string]string{
				"report": "a government work report (政府工作报告): the speech itself (各位代表：, 我代表…政府), and any document that is neither news nor a plan",
				"news":   "a news article about a report (…日讯, 本报讯, 记者, 摘登)",
				"plan":   "a work plan that is not the speech itself (工作安排, 工作要点, 工作计划, 主要预期目标)",
			},
			Example: `"report"`},
		{Name: "chars", Type: typeInt32,
			Doc:     "Length of the document text.",
			Unit:    "Unicode code points",
			Example: `15321`},
		{Name: "facts", Type: typeInt32,
			Doc:     "Number of rows of the document in the facts table.",
			Example: `212`},
		{Name: "plan_start", Type: typeInt32, Nullable: true,
			Doc:     "Where the plan part of the report starts: the offset of the sentence or heading where the text turns to this year's work (今年是…, 2025年工作安排, 主要预期目标, 今后五年). Text before it is the review part: its figures are results unless their sentence says otherwise (SPEC section 6). Null when the text never turns to a plan.",
			Unit:    "Unicode code points into the document text",
			Example: `5821`},
	})

// ErrorsTable is the errors table: one row per document that could not be
// processed.
var ErrorsTable = newTable[ErrorRow]("errors",
	"One row per document that could not be processed, and why.",
	[]Column{
		{Name: "doc_id", Type: typeString,
			Doc:     "The document's id: its file name without extension.",
			Example: `"000_905a9ba025aa535a"`},
		{Name: "path", Type: typeString,
			Doc:     "The input file's path.",
			Example: `"corpus/000_905a9ba025aa535a.txt"`},
		{Name: "stage", Type: typeDict,
			Doc:    "The pipeline stage that failed.",
			Values: []string{"load", "extract"},
			ValueDocs: map[string]string{
				"load":    "reading, size check or decoding: missing, empty, too large, binary, badly encoded or truncated files",
				"extract": "the extractor failed on the decoded text (an internal error, to be reported)",
			},
			Example: `"load"`},
		{Name: "message", Type: typeString,
			Doc:     "The error message, naming the file and what is wrong.",
			Example: `"corpus: corpus/x.txt: not valid UTF-8, UTF-16 or GB18030 (first bad byte at offset 1024)"`},
	})

// unitDocs documents each canonical unit with its written forms, from the
// unit table.
func unitDocs() map[string]string {
	docs := map[string]string{}
	for _, c := range normalize.Canonicals {
		docs[c.Name] = c.Doc
		if forms := normalize.WrittenForms(c.Name); forms != "" {
			docs[c.Name] += ": " + forms
		}
	}
	return docs
}
