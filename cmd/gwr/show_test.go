package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/extract"
	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/schema"
)

// showText is the report of the show and review tests; showFacts are its
// facts, written by hand.
const showText = "一、回顾\n新增高新技术企业10家以上，地区生产总值增长6.5%左右。\n二、安排\n实际利用外资3.42亿元。\n"

func showFacts() []schema.Fact {
	return []schema.Fact{
		{DocID: "t", FactID: 1, Start: 13, End: 18, Mention: "10家以上", Sentence: "新增高新技术企业10家以上，", Indicator: "高新技术企业",
			Cue: "新增", Measure: "delta", ValueLow: 10, ValueHigh: 10, Bound: "ge", Unit: "count", UnitText: "家", Classifier: "家",
			Kind: "actual", Year: yearPtr(2022), Rule: "point"},
		{DocID: "t", FactID: 2, Start: 27, End: 33, Mention: "6.5%左右", Sentence: "地区生产总值增长6.5%左右。", Indicator: "地区生产总值",
			Cue: "增长", Measure: "growth", ValueLow: 6.5, ValueHigh: 6.5, Bound: "approx", Unit: "percent", UnitText: "%",
			Kind: "actual", Year: yearPtr(2022), Rule: "point"},
		{DocID: "t", FactID: 3, Start: 46, End: 52, Mention: "3.42亿元", Sentence: "实际利用外资3.42亿元。", Indicator: "实际利用外资",
			Measure: "level", ValueLow: 342000000, ValueHigh: 342000000, Bound: "eq", Unit: "CNY", UnitText: "亿元",
			Kind: "target", Rule: "point"},
	}
}

// writeShowFixture writes showText to dir/corpus/t.txt and a facts
// directory dir/out with facts.jsonl and a documents.jsonl whose path is
// docPath (the text's path when docPath is "").
func writeShowFixture(t *testing.T, dir, docPath string) (textPath, outDir string) {
	t.Helper()
	textPath = filepath.Join(dir, "corpus", "t.txt")
	if err := os.MkdirAll(filepath.Dir(textPath), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(textPath, []byte(showText), 0o644); err != nil {
		t.Fatal(err)
	}
	facts := showFacts()
	r := []rune(showText)
	for _, f := range facts {
		if got := string(r[f.Start:f.End]); got != f.Mention {
			t.Fatalf("fixture: text[%d:%d] = %q; want %q", f.Start, f.End, got, f.Mention)
		}
	}
	outDir = filepath.Join(dir, "out")
	writeTestFactsJSONL(t, filepath.Join(outDir, "facts.jsonl"), facts)
	if docPath == "" {
		docPath = textPath
	}
	doc := schema.Document{DocID: "t", Path: docPath, Encoding: "utf-8", Region: "测试县", Level: "county", Year: yearPtr(2023), DocType: "report", Chars: int32(len(r)), Facts: 3}
	line, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outDir, "documents.jsonl"), append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	return textPath, outDir
}

func TestShowCommand(t *testing.T) {
	dir := t.TempDir()
	textPath, outDir := writeShowFixture(t, dir, "")
	_, noText := writeShowFixture(t, filepath.Join(dir, "gone"), filepath.Join(dir, "nowhere", "t.txt"))
	partitioned := writePartitioned(t, outDir, filepath.Join(dir, "partitioned"))
	changedDir := filepath.Join(dir, "changed")
	changedText, changed := writeShowFixture(t, changedDir, "")
	if err := os.WriteFile(changedText, []byte("改过了。"+showText), 0o644); err != nil {
		t.Fatal(err)
	}

	header := "# indicator value unit bound measure kind year mention in context"
	row1 := "1 高新技术企业 ≥10家 count ge delta actual 2022 新增高新技术企业【10家以上】，地区生产总值增长6.5…"
	row2 := "2 地区生产总值 ≈6.5% percent approx growth actual 2022 …家以上，地区生产总值增长【6.5%左右】。"
	row3 := "3 实际利用外资 3.42亿元 CNY eq level target - 实际利用外资【3.42亿元】。"
	tests := []struct {
		name   string
		args   []string
		status int
		stdout []string // lines, spaces squeezed, in order
		stderr string   // held by the only line of stderr; "" for none
	}{
		{name: "facts directory", args: []string{outDir, "--color", "never"},
			stdout: []string{"t 测试县 county 2023 report 3 facts", header, row1, row2, row3}},
		{name: "facts file", args: []string{filepath.Join(outDir, "facts.jsonl"), "--color", "never"},
			stdout: []string{"t 测试县 county 2023 report 3 facts", header, row1, row2, row3}},
		{name: "short context", args: []string{outDir, "--context", "3", "--color", "never"},
			stdout: []string{"1 高新技术企业 ≥10家 count ge delta actual 2022 …术企业【10家以上】，地区…"}},
		{name: "partitioned output", args: []string{partitioned, "--color", "never"},
			stdout: []string{"t 测试县 county 2023 report 3 facts", header, row1, row2, row3}},
		{name: "one document", args: []string{"--doc", "t", outDir, "--color", "never"}, stdout: []string{row1}},
		{name: "kind", args: []string{outDir, "--kind", "target", "--color", "never"},
			stdout: []string{"t 测试县 county 2023 report 1 of 3 facts", header, row3}},
		{name: "units", args: []string{outDir, "--unit", "percent,count", "--color", "never"},
			stdout: []string{"t 测试县 county 2023 report 2 of 3 facts", header, row1, row2}},
		{name: "measure", args: []string{outDir, "--measure", "growth", "--color", "never"}, stdout: []string{header, row2}},
		{name: "indicator", args: []string{outDir, "--indicator", "^(地区|实际)", "--color", "never"}, stdout: []string{header, row2, row3}},
		{name: "nothing matches", args: []string{outDir, "--indicator", "人口"},
			stderr: "gwr show: none of the 3 facts match the filters"},
		{name: "text not found", args: []string{noText, "--color", "never"},
			stdout: []string{header, "1 高新技术企业 ≥10家 count ge delta actual 2022 新增高新技术企业【10家以上】，"},
			stderr: "no text for t (looked for"},
		{name: "text from --corpus", args: []string{noText, "--corpus", filepath.Dir(textPath), "--color", "never"},
			stdout: []string{header, row1}},
		{name: "text changed", args: []string{changed, "--color", "never"},
			stdout: []string{header, "2 地区生产总值 ≈6.5% percent approx growth actual 2022 地区生产总值增长【6.5%左右】。"},
			stderr: "3 of 3 mentions of t are not at their offsets"},
		{name: "unknown document", args: []string{outDir, "--doc", "x"}, status: 2, stderr: `no document "x" (it has t)`},
		{name: "unknown kind", args: []string{outDir, "--kind", "plan"}, status: 2, stderr: `--kind: unknown value "plan" (want target, actual)`},
		{name: "unknown unit", args: []string{outDir, "--unit", "yuan"}, status: 2, stderr: `--unit: unknown value "yuan"`},
		{name: "bad regex", args: []string{outDir, "--indicator", "("}, status: 2, stderr: "--indicator: error parsing regexp"},
		{name: "bad colour", args: []string{outDir, "--color", "rainbow"}, status: 2, stderr: `unknown --color "rainbow"`},
		{name: "negative context", args: []string{outDir, "--context", "-1"}, status: 2, stderr: "--context must not be negative"},
		{name: "no argument", args: nil, status: 2, stderr: "want one DOC_OR_FILE argument, got 0"},
		{name: "two arguments", args: []string{outDir, outDir}, status: 2, stderr: "want one DOC_OR_FILE argument, got 2"},
		{name: "missing file", args: []string{filepath.Join(dir, "none.txt")}, status: 2, stderr: "none.txt"},
		{name: "unknown flag", args: []string{"--frobnicate", outDir}, status: 2, stderr: "flag provided but not defined"},
		{name: "help", args: []string{"--help"}, stdout: []string{"usage: gwr show [flags] DOC_OR_FILE (a report .txt/.html, or a facts file or directory written by gwr extract)"}},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		status := run(append([]string{"show"}, tt.args...), &stdout, &stderr)
		if status != tt.status {
			t.Errorf("%s: status %d; want %d (stderr %q)", tt.name, status, tt.status, stderr.String())
		}
		if tt.stdout == nil && stdout.Len() > 0 {
			t.Errorf("%s: stdout = %q; want nothing", tt.name, stdout.String())
		}
		if err := containsLines(squeezeSpaces(stdout.String()), tt.stdout); err != "" {
			t.Errorf("%s: stdout %s; got:\n%s", tt.name, err, stdout.String())
		}
		if got := stderr.String(); tt.stderr == "" && got != "" || !strings.Contains(got, tt.stderr) || strings.Count(got, "\n") > 1 {
			t.Errorf("%s: stderr = %q; want one line holding %q", tt.name, got, tt.stderr)
		}
		if strings.Contains(stdout.String(), "\x1b[") {
			t.Errorf("%s: stdout has ANSI escapes without --color always", tt.name)
		}
	}
}

// writePartitioned copies the facts and documents of the flat output dir
// into the layout of gwr extract --partition-by year,level under to, and
// returns to.
func writePartitioned(t *testing.T, dir, to string) string {
	t.Helper()
	for from, part := range map[string]string{
		"facts.jsonl":     "facts/doc_year=2023/level=county/part-0123456789abcdef.jsonl",
		"documents.jsonl": "documents/doc_year=2023/level=county/part-0123456789abcdef.jsonl",
	} {
		b, err := os.ReadFile(filepath.Join(dir, from))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(to, filepath.FromSlash(part))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A part file being written is skipped.
	if err := os.WriteFile(filepath.Join(to, "facts", "doc_year=2023", "level=county", ".part-x.jsonl.tmp-1"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	return to
}

// containsLines reports how want is not a subsequence of the lines of got,
// or "" when it is.
func containsLines(got string, want []string) string {
	lines := strings.Split(got, "\n")
	i := 0
	for _, w := range want {
		for i < len(lines) && lines[i] != w {
			i++
		}
		if i == len(lines) {
			return "lacks the line " + w + " (or has it out of order)"
		}
		i++
	}
	return ""
}

// TestShowAlignment checks that columns line up in terminal cells, CJK
// characters counting two.
func TestShowAlignment(t *testing.T) {
	_, outDir := writeShowFixture(t, t.TempDir(), "")
	var stdout, stderr bytes.Buffer
	if status := run([]string{"show", outDir, "--color", "never"}, &stdout, &stderr); status != 0 {
		t.Fatalf("status %d: %s", status, stderr.String())
	}
	lines := strings.Split(strings.TrimRight(stdout.String(), "\n"), "\n")[1:] // skip the title
	cond := &runewidth.Condition{EastAsianWidth: false}
	col := func(line, cell string) int {
		i := strings.Index(line, cell)
		if i < 0 {
			t.Fatalf("line %q lacks %q", line, cell)
		}
		return cond.StringWidth(line[:i])
	}
	cells := [][]string{
		{"indicator", "value", "unit", "bound", "measure", "kind", "mention in context"},
		{"高新技术企业", "≥10家", "count", "ge", "delta", "actual", "新增"},
		{"地区生产总值", "≈6.5%", "percent", "approx", "growth", "actual", "…家以上"},
		{"实际利用外资", "3.42亿元", "CNY", "eq", "level", "target", "实际利用外资【"},
	}
	for c := range cells[0] {
		want := col(lines[0], cells[0][c])
		for r := 1; r < len(cells); r++ {
			if got := col(lines[r], cells[r][c]); got != want {
				t.Errorf("row %d: %q starts at cell %d; want %d like its header %q\n%s", r, cells[r][c], got, want, cells[0][c], stdout.String())
			}
		}
	}
}

func TestShowColor(t *testing.T) {
	_, outDir := writeShowFixture(t, t.TempDir(), "")
	var stdout, stderr bytes.Buffer
	if status := run([]string{"show", outDir, "--color", "always", "--kind", "target"}, &stdout, &stderr); status != 0 {
		t.Fatalf("status %d: %s", status, stderr.String())
	}
	for _, want := range []string{
		"\x1b[1mt  测试县 county 2023 report\x1b[0m", // title
		"\x1b[34m3.42亿元\x1b[0m",                   // value, blue for level
		"\x1b[1;4m3.42亿元\x1b[0m",                  // the mention
		"\x1b[2m实际利用外资\x1b[0m\x1b[1;4m3.42亿元",     // context before it
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("--color always: output lacks %q; got:\n%q", want, stdout.String())
		}
	}
	// Without the escapes the columns are those of the plain table.
	var plain bytes.Buffer
	run([]string{"show", outDir, "--color", "never", "--kind", "target"}, &plain, &stderr)
	stripped := ansiStrip(stdout.String())
	if want := strings.ReplaceAll(plain.String(), "【3.42亿元】", "3.42亿元"); stripped != want {
		t.Errorf("coloured output without escapes:\n%s\nwant:\n%s", stripped, want)
	}
}

func ansiStrip(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestUseColor(t *testing.T) {
	tests := []struct {
		mode     string
		terminal bool
		noColor  string
		want     bool
	}{
		{"auto", true, "", true},
		{"auto", true, "1", false},
		{"auto", false, "", false},
		{"always", false, "1", true},
		{"never", true, "", false},
	}
	for _, tt := range tests {
		if got := useColor(tt.mode, tt.terminal, tt.noColor); got != tt.want {
			t.Errorf("useColor(%q, terminal %v, NO_COLOR %q) = %v; want %v", tt.mode, tt.terminal, tt.noColor, got, tt.want)
		}
	}
}

// testReport writes the report r.txt (showText, for 2023) into a temporary
// directory and returns the directory, the file and the facts the
// extractor finds in it: what gwr show and gwr review must present.
func testReport(t *testing.T) (dir, path string, facts []schema.Fact) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "r.txt")
	if err := os.WriteFile(path, []byte("2023年政府工作报告\n"+showText), 0o644); err != nil {
		t.Fatal(err)
	}
	seg, err := segment.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(seg)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := corpus.Load(corpus.Input{Path: path, ID: "r"}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return dir, path, x.Extract(extract.Document{ID: doc.ID, Text: doc.Text, PlanYear: doc.Meta.Year})
}

// TestShowReport runs gwr show on a report: one row per fact the extractor
// finds, each mention marked in its context.
func TestShowReport(t *testing.T) {
	_, path, facts := testReport(t)
	if len(facts) == 0 {
		t.Fatal("the extractor finds no fact in the test report")
	}
	var stdout, stderr bytes.Buffer
	if status := run([]string{"show", path, "--color", "never"}, &stdout, &stderr); status != 0 {
		t.Fatalf("status %d: %s", status, stderr.String())
	}
	lines := strings.Split(strings.TrimRight(stdout.String(), "\n"), "\n")
	if got, want := len(lines), len(facts)+2; got != want {
		t.Errorf("got %d lines; want a title, a header and %d rows:\n%s", got, len(facts), stdout.String())
	}
	if !strings.HasPrefix(lines[0], "r  ") || !strings.HasSuffix(lines[0], " facts") {
		t.Errorf("title line %q; want the document id and its fact count", lines[0])
	}
	for i, f := range facts {
		if i+2 < len(lines) && !strings.Contains(lines[i+2], "【"+f.Mention+"】") {
			t.Errorf("row %d = %q; want the mention 【%s】", i+1, lines[i+2], f.Mention)
		}
	}
}
