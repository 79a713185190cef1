package main

// Bad input, crashes and signals: gwr extract loses no good document, turns
// every bad file into one errors row with a clear message, and never leaves
// a partial file under a final output name. Most tests run the command in
// process through run(); the crash tests build the binary and kill it.

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/gwrfacts/gwr/extract/batch"
	"github.com/gwrfacts/gwr/schema"
)

// robustCorpus returns the bundled reports corpus/*.txt by file name.
func robustCorpus(t testing.TB) map[string][]byte {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "corpus", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no bundled reports in corpus/: %v", err)
	}
	out := map[string][]byte{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = b
	}
	return out
}

// sortedNames returns the keys of m in order.
func sortedNames[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// goodFile is an input that must be extracted as if nothing were odd.
type goodFile struct {
	name     string
	data     []byte
	text     string // the document text gwr must see (SPEC section 2)
	encoding string // documents.encoding
	same     string // if set, the file whose facts this one must equal (doc_id aside)
	facts    bool   // at least one fact expected
	body     string // if set, every fact lies inside the first occurrence of body in text
}

// badFile is an input that must become one errors row.
type badFile struct {
	name       string
	data       []byte
	unreadable bool   // chmod 000 after writing
	reason     string // expected in the error message, after the path
}

// longLine is the size of the one-line report: 5 MB without a line break.
const longLine = 5_000_000

// goodInputs builds the good half of the mixed batch: the bundled reports
// as they are, and some of them again in GBK, UTF-16LE with a BOM, UTF-8
// with a BOM, as an HTML page and as one 5 MB line.
func goodInputs(t testing.TB) []goodFile {
	t.Helper()
	reports := robustCorpus(t)
	names := sortedNames(reports)
	out := bundledReports(t)

	// GBK: the first bundled report that GBK can encode.
	var gbk goodFile
	for _, n := range names {
		b, err := simplifiedchinese.GBK.NewEncoder().Bytes(reports[n])
		if err != nil {
			continue
		}
		gbk = goodFile{name: "gbk-report.txt", data: b, text: string(reports[n]), encoding: "gb18030", same: n, facts: true}
		break
	}
	if gbk.name == "" {
		t.Fatal("no bundled report fits GBK")
	}
	if bytes.Equal(gbk.data, reports[gbk.same]) {
		t.Fatalf("GBK copy of %s has no non-ASCII text", gbk.same)
	}
	out = append(out, gbk)

	// UTF-16LE with a byte-order mark.
	src := names[len(names)-1]
	u16 := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(string(reports[src]))) {
		u16 = append(u16, byte(u), byte(u>>8))
	}
	out = append(out, goodFile{name: "utf16le-bom.txt", data: u16, text: string(reports[src]), encoding: "utf-16le", same: src, facts: true})

	// UTF-8 with a byte-order mark: the mark is dropped, offsets unchanged.
	src = names[len(names)-2]
	bom := append([]byte{0xEF, 0xBB, 0xBF}, reports[src]...)
	out = append(out, goodFile{name: "utf8-bom.txt", data: bom, text: string(reports[src]), encoding: "utf-8-bom", same: src, facts: true})

	// An HTML page saved from a government site, as .html.
	// Its menu, counters, script, style, comment and footer hold numbers
	// but no facts (SPEC section 7).
	page, body := htmlPage(string(reports[names[0]]))
	out = append(out, goodFile{name: "saved-page.html", data: []byte(page), text: page, encoding: "utf-8", facts: true, body: body})
	// The same page saved as .txt.
	out = append(out, goodFile{name: "saved-page-as-text.txt", data: []byte(page), text: page, encoding: "utf-8", same: "saved-page.html", facts: true, body: body})

	// One 5 MB line: every report, line breaks removed, repeated.
	var all strings.Builder
	for _, n := range names {
		all.WriteString(strings.NewReplacer("\r", "", "\n", "").Replace(string(reports[n])))
	}
	line := strings.Repeat(all.String(), longLine/all.Len()+1)
	line = line[:runeStartAt(line, longLine)]
	out = append(out, goodFile{name: "one-line.txt", data: []byte(line), text: line, encoding: "utf-8", facts: true})
	return out
}

// bundledReports returns the bundled reports as good files.
func bundledReports(t testing.TB) []goodFile {
	t.Helper()
	reports := robustCorpus(t)
	var out []goodFile
	for _, n := range sortedNames(reports) {
		out = append(out, goodFile{name: n, data: reports[n], text: string(reports[n]), encoding: "utf-8", facts: true})
	}
	return out
}

// htmlPage wraps a report in the chrome of a saved web page: a head with a
// script and a style, a menu, entities, a footer. It returns the page and
// the part of it that holds the report.
func htmlPage(report string) (page, body string) {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>政府工作报告_政务公开</title>\n")
	b.WriteString("<script>var views = 12345; if (a < b && c > 2) { track(\"3.5%\"); }</script>\n")
	b.WriteString("<style>p { margin: 10px 0; width: 80%; }</style>\n</head>\n<body>\n")
	b.WriteString("<div class=\"nav\"><a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政务公开</a></div>\n")
	b.WriteString("<div class=\"info\">发布时间：2024-01-15 浏览次数：3621</div>\n<div class=\"content\">\n")
	from := b.Len()
	for _, line := range strings.Split(report, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		line = strings.ReplaceAll(line, "“", "&ldquo;")
		line = strings.ReplaceAll(line, "”", "&rdquo;")
		fmt.Fprintf(&b, "<p style=\"text-indent:2em\">%s</p>\n", line)
	}
	to := b.Len()
	b.WriteString("</div>\n<!-- 统计代码 100万 -->\n<div class=\"footer\">版权所有 © 2024 ICP备12345678号</div>\n</body>\n</html>\n")
	return b.String(), b.String()[from:to]
}

// runeStartAt moves byte offset i back to the start of a rune of s.
func runeStartAt(s string, i int) int {
	i = min(i, len(s))
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// badInputs builds one file of each bad kind. maxBytes is the --max-bytes
// of the run.
func badInputs(t testing.TB, maxBytes int) []badFile {
	t.Helper()
	reports := robustCorpus(t)
	report := string(reports[sortedNames(reports)[0]])

	// Valid UTF-8 for a while, then bytes that are neither UTF-8 nor
	// GB18030 (0xFF never starts a GB18030 character).
	head := report[:runeStartAt(report, 600)]
	invalid := head + "\xFF\xFE\xFD" + report[len(head):]

	// A download cut inside its last character.
	cut := runeStartAt(report, len(report)/2) + 1
	for utf8.RuneStart(report[cut]) {
		cut++ // inside a multi-byte character
	}

	nulAt := runeStartAt(report, len(report)/3)
	withNUL := report[:nulAt] + "\x00" + report[nulAt:]

	return []badFile{
		{name: "invalid-utf8.txt", data: []byte(invalid),
			reason: fmt.Sprintf("not valid UTF-8, UTF-16 or GB18030 (first bad byte at offset %d)", len(head))},
		{name: "binary.txt", data: []byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"),
			reason: "binary content (NUL byte at offset 0)"},
		{name: "report.pdf.txt", data: []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
			reason: "a PDF file, not text"},
		{name: "report.docx.txt", data: []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml"),
			reason: "a ZIP archive (such as .docx or .xlsx), not text"},
		{name: "chart.png.txt", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"),
			reason: "a PNG image, not text"},
		{name: "empty.txt", data: []byte{},
			reason: "empty file"},
		{name: "truncated.txt", data: []byte(report[:cut]),
			reason: fmt.Sprintf("truncated: the file ends inside a multi-byte UTF-8 character (at offset %d)", runeStartAt(report, cut))},
		{name: "too-big.txt", data: []byte(strings.Repeat("a", maxBytes+1)),
			reason: fmt.Sprintf("file is %d bytes, over the --max-bytes limit of %d", maxBytes+1, maxBytes)},
		{name: "only-white-space.txt", data: []byte(" \r\n\t\u3000\n  \n"),
			reason: "empty file"},
		{name: "unreadable.txt", data: []byte(report), unreadable: true,
			reason: "permission denied"},
		{name: "nul-inside.txt", data: []byte(withNUL),
			reason: fmt.Sprintf("binary content (NUL byte at offset %d)", nulAt)},
	}
}

// writeInputs writes the files into dir.
func writeInputs(t testing.TB, dir string, good []goodFile, bad []badFile) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, g := range good {
		if err := os.WriteFile(filepath.Join(dir, g.name), g.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, b := range bad {
		p := filepath.Join(dir, b.name)
		if err := os.WriteFile(p, b.data, 0o644); err != nil {
			t.Fatal(err)
		}
		if b.unreadable {
			if err := os.Chmod(p, 0o000); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// runGWR runs the command in process and fails the test if it does not
// finish within limit.
func runGWR(t testing.TB, limit time.Duration, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	type result struct {
		status         int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		var o, e bytes.Buffer
		s := run(args, &o, &e)
		done <- result{s, o.String(), e.String()}
	}()
	select {
	case r := <-done:
		return r.status, r.stdout, r.stderr
	case <-time.After(limit):
		t.Fatalf("gwr %s did not finish within %v", strings.Join(args, " "), limit)
		return 0, "", ""
	}
}

// tables are the rows of one output directory, read from both formats of
// the run, which must agree.
type tables struct {
	facts  []schema.Fact
	docs   []schema.Document
	errors []schema.ErrorRow
}

func readTables(t testing.TB, dir string) tables {
	t.Helper()
	var out tables
	for i, ext := range []string{"parquet", "jsonl"} {
		facts, err := readTable(dir, "facts", ext, schema.ReadFacts)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := readTable(dir, "documents", ext, schema.ReadDocuments)
		if err != nil {
			t.Fatal(err)
		}
		errs, err := readTable(dir, "errors", ext, schema.ReadErrors)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			out = tables{facts, docs, errs}
			continue
		}
		if !reflect.DeepEqual(facts, out.facts) && !(len(facts) == 0 && len(out.facts) == 0) {
			t.Errorf("%s: facts.jsonl and facts.parquet differ (%d and %d rows)", dir, len(facts), len(out.facts))
		}
		if !reflect.DeepEqual(docs, out.docs) && !(len(docs) == 0 && len(out.docs) == 0) {
			t.Errorf("%s: documents.jsonl and documents.parquet differ", dir)
		}
		if !reflect.DeepEqual(errs, out.errors) && !(len(errs) == 0 && len(out.errors) == 0) {
			t.Errorf("%s: errors.jsonl and errors.parquet differ:\n%+v\n%+v", dir, errs, out.errors)
		}
	}
	return out
}

// readTable reads table name of the output directory dir in format ext:
// DIR/name.ext, or, when DIR/name is a (partitioned) directory, every part
// file of that format under it, in the order of their paths. Both are read
// from the committed generation, as every gwr reader does.
func readTable[R any](dir, name, ext string, read func(string) ([]R, error)) ([]R, error) {
	snap := batch.Snapshot(dir)
	if info, err := os.Stat(filepath.Join(snap, name)); err != nil || !info.IsDir() {
		return read(filepath.Join(snap, name+"."+ext))
	}
	var rows []R
	parts, err := filepath.Glob(filepath.Join(snap, name, "*", "*", "part-*."+ext))
	if name == "errors" {
		parts, err = filepath.Glob(filepath.Join(snap, name, "part-*."+ext))
	}
	if err != nil {
		return nil, err
	}
	sort.Strings(parts)
	for _, p := range parts {
		r, err := read(p)
		if err != nil {
			return nil, err
		}
		rows = append(rows, r...)
	}
	return rows, nil
}

// factsByDoc groups facts by doc_id.
func factsByDoc(facts []schema.Fact) map[string][]schema.Fact {
	m := map[string][]schema.Fact{}
	for _, f := range facts {
		m[f.DocID] = append(m[f.DocID], f)
	}
	return m
}

// sameFacts reports the first difference between two fact lists, ignoring
// doc_id, or "".
func sameFacts(got, want []schema.Fact) string {
	if len(got) != len(want) {
		return fmt.Sprintf("got %d facts, want %d", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		g.DocID, w.DocID = "", ""
		if !reflect.DeepEqual(g, w) {
			return fmt.Sprintf("fact %d: got %+v, want %+v", i+1, g, w)
		}
	}
	return ""
}

// docID is the doc_id gwr gives a file name.
func docID(name string) string { return strings.TrimSuffix(name, filepath.Ext(name)) }

// checkOffsets checks text[start:end] == mention in code points.
func checkOffsets(t testing.TB, name, text string, facts []schema.Fact) {
	t.Helper()
	r := []rune(text)
	for _, f := range facts {
		if f.Start < 0 || f.Start >= f.End || int(f.End) > len(r) {
			t.Errorf("%s fact %d: span [%d, %d) outside the text of %d code points", name, f.FactID, f.Start, f.End, len(r))
			continue
		}
		if got := string(r[f.Start:f.End]); got != f.Mention {
			t.Errorf("%s fact %d: text[%d:%d] = %q, mention %q", name, f.FactID, f.Start, f.End, got, f.Mention)
		}
	}
}

func TestExtractMixedBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts a 5 MB line twice")
	}
	const maxBytes = 6 << 20
	good := goodInputs(t)
	bad := badInputs(t, maxBytes)
	if os.Geteuid() == 0 {
		// root reads a file of mode 000
		for i, b := range bad {
			if b.unreadable {
				bad = append(bad[:i], bad[i+1:]...)
				break
			}
		}
		t.Log("running as root: no unreadable-file case")
	}

	dir := t.TempDir()
	mixed, clean := filepath.Join(dir, "mixed"), filepath.Join(dir, "clean")
	writeInputs(t, mixed, good, bad)
	writeInputs(t, clean, good, nil)
	// A directory with a report's name is walked as a directory, not read
	// as a file: it adds no row of any table.
	if err := os.Mkdir(filepath.Join(mixed, "x.txt"), 0o755); err != nil {
		t.Fatal(err)
	}

	mixedOut, cleanOut := filepath.Join(dir, "out-mixed"), filepath.Join(dir, "out-clean")
	args := []string{"--format", "parquet,jsonl", "--max-bytes", strconv.Itoa(maxBytes)}
	status, _, stderr := runGWR(t, 3*time.Minute, append([]string{"extract", "-o", mixedOut, mixed}, args...)...)
	if status != 1 {
		t.Errorf("mixed batch: exit status %d, want 1; stderr:\n%s", status, stderr)
	}
	cleanStatus, _, cleanStderr := runGWR(t, 3*time.Minute, append([]string{"extract", "-o", cleanOut, clean}, args...)...)
	if cleanStatus != 0 {
		t.Fatalf("good files alone: exit status %d, want 0; stderr:\n%s", cleanStatus, cleanStderr)
	}
	got, want := readTables(t, mixedOut), readTables(t, cleanOut)

	// Every good document: its row and facts exactly as in the clean run.
	gotFacts, wantFacts := factsByDoc(got.facts), factsByDoc(want.facts)
	gotDocs := map[string]schema.Document{}
	for _, d := range got.docs {
		gotDocs[d.DocID] = d
	}
	for _, g := range good {
		id := docID(g.name)
		d, ok := gotDocs[id]
		if !ok {
			t.Errorf("%s: no documents row", g.name)
			continue
		}
		if d.Encoding != g.encoding {
			t.Errorf("%s: encoding %q, want %q", g.name, d.Encoding, g.encoding)
		}
		if int(d.Facts) != len(gotFacts[id]) {
			t.Errorf("%s: documents.facts = %d, facts rows %d", g.name, d.Facts, len(gotFacts[id]))
		}
		if g.facts && len(gotFacts[id]) == 0 {
			t.Errorf("%s: no facts", g.name)
		}
		if diff := sameFacts(gotFacts[id], wantFacts[id]); diff != "" {
			t.Errorf("%s: facts differ from the run over good files alone: %s", g.name, diff)
		}
		checkOffsets(t, g.name, g.text, gotFacts[id])
		if g.body != "" {
			at := strings.Index(g.text, g.body)
			lo := utf8.RuneCountInString(g.text[:at])
			hi := lo + utf8.RuneCountInString(g.body)
			for _, f := range gotFacts[id] {
				if int(f.Start) < lo || int(f.End) > hi {
					t.Errorf("%s: fact %q at [%d, %d) lies in the page chrome, outside the report at [%d, %d)", g.name, f.Mention, f.Start, f.End, lo, hi)
				}
			}
		}
		if g.same != "" {
			if diff := sameFacts(gotFacts[id], gotFacts[docID(g.same)]); diff != "" {
				t.Errorf("%s: facts differ from those of %s: %s", g.name, g.same, diff)
			}
		}
	}
	if len(got.docs) != len(good) {
		t.Errorf("documents table has %d rows, want %d (one per good file)", len(got.docs), len(good))
	}

	// Every bad file: one errors row naming the file and the reason, and a
	// line on stderr.
	rows := map[string][]schema.ErrorRow{}
	for _, r := range got.errors {
		rows[r.DocID] = append(rows[r.DocID], r)
	}
	for _, b := range bad {
		path := filepath.Join(mixed, b.name)
		rs := rows[docID(b.name)]
		if len(rs) != 1 {
			t.Errorf("%s: %d errors rows, want 1", b.name, len(rs))
			continue
		}
		r := rs[0]
		if r.Path != path || r.Stage != "load" {
			t.Errorf("%s: errors row path %q stage %q, want %q and load", b.name, r.Path, r.Stage, path)
		}
		if want := "corpus: " + path + ": " + b.reason; !strings.HasPrefix(r.Message, want) {
			t.Errorf("%s: message %q, want it to start with %q", b.name, r.Message, want)
		}
		if line := lineWith(stderr, path); !strings.Contains(line, b.reason) {
			t.Errorf("%s: stderr line %q does not give the reason %q", b.name, line, b.reason)
		}
		if _, ok := gotFacts[docID(b.name)]; ok {
			t.Errorf("%s: bad file has facts", b.name)
		}
	}
	if len(got.errors) != len(bad) {
		t.Errorf("errors table has %d rows, want %d (one per bad file): %+v", len(got.errors), len(bad), got.errors)
	}
	if !strings.Contains(stderr, fmt.Sprintf("%d errors", len(bad))) {
		t.Errorf("stderr has no summary counting %d errors:\n%s", len(bad), stderr)
	}
	if len(want.errors) != 0 {
		t.Errorf("good files alone: %d errors rows: %+v", len(want.errors), want.errors)
	}
}

// lineWith returns the first line of s that contains sub.
func lineWith(s, sub string) string {
	for _, line := range strings.Split(s, "\n") {
		if strings.Contains(line, sub) {
			return line
		}
	}
	return ""
}

// hashDir returns the SHA-256 of every file in dir by name (the content a
// reader sees: through the links to the current generation; the files of
// a linked directory by their path under dir), and of the
// generations and temporary files gwr keeps under dir/.gwr by their path
// there.
func hashDir(t testing.TB, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	state := filepath.Join(dir, ".gwr")
	if gens, err := os.ReadDir(state); err == nil {
		current, _ := os.Readlink(filepath.Join(state, "current"))
		for _, g := range gens {
			if g.Name() != "lock" && g.Name() != "current" && g.Name() != current {
				out[filepath.Join(".gwr", g.Name())] = "stale"
			}
		}
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		if info, err := os.Stat(filepath.Join(dir, e.Name())); err == nil && info.IsDir() {
			// texts, or a partitioned table: a link to the generation's
			// directory; each file under it by its path
			root := filepath.Join(dir, e.Name()) + string(filepath.Separator)
			err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, err := os.ReadFile(p)
				rel, _ := filepath.Rel(dir, p)
				out[rel] = fmt.Sprintf("%x", sha256.Sum256(b))
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = fmt.Sprintf("%x", sha256.Sum256(b))
	}
	return out
}

func TestExtractUsageErrors(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeInputs(t, in, bundledReports(t)[:1], nil)
	missing := filepath.Join(dir, "no-such-report.txt")
	notDir := filepath.Join(dir, "plain-file")
	if err := os.WriteFile(notDir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}

	// A previous run's output: no usage error may touch it.
	prev := filepath.Join(dir, "prev")
	if s, _, e := runGWR(t, time.Minute, "extract", "-o", prev, "--format", "parquet,jsonl", in); s != 0 {
		t.Fatalf("seeding run: exit status %d: %s", s, e)
	}

	tests := []struct {
		name   string
		args   []string // after "extract -o OUT"
		stderr string
	}{
		{"unknown flag", []string{"--bogus", in}, "flag provided but not defined: -bogus"},
		{"no input", []string{"--format", "jsonl"}, "no INPUT given"},
		{"bad -j", []string{"-j", "many", in}, "invalid value \"many\" for flag -j"},
		{"unknown format", []string{"--format", "parquet,xml", in}, "unknown format \"xml\""},
		{"too many workers", []string{"-j", "100000000", in}, "-j 100000000: want 0 (all cores) up to 1024 workers"},
		{"negative -j", []string{"-j", "-1", in}, "-j -1: want 0"},
		{"zero --max-bytes", []string{"--max-bytes", "0", in}, "--max-bytes 0: want a positive number of bytes"},
		{"negative --max-bytes", []string{"--max-bytes", "-5", in}, "--max-bytes -5: want a positive"},
		{"manifest is a device", []string{"--manifest", "/dev/zero", in}, "/dev/zero: is a device"},
		{"unknown encoding", []string{"--encoding", "latin1", in}, "unknown encoding \"latin1\""},
		{"missing input", []string{missing}, "gwr extract: " + missing + ": no such file or directory"},
		{"missing input after a good one", []string{in, missing}, "gwr extract: " + missing + ": no such file or directory"},
		{"missing manifest", []string{"--manifest", missing, in}, missing},
		{"output is a file", []string{in}, "plain-file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := hashDir(t, prev)
			for _, out := range []string{prev, filepath.Join(t.TempDir(), "new")} {
				if tt.name == "output is a file" {
					out = notDir
				}
				args := append([]string{"extract", "-o", out}, tt.args...)
				status, stdout, stderr := runGWR(t, time.Minute, args...)
				if status != 2 {
					t.Errorf("gwr %s: exit status %d, want 2; stderr:\n%s", strings.Join(args, " "), status, stderr)
				}
				if !strings.Contains(stderr, tt.stderr) {
					t.Errorf("gwr %s: stderr %q, want it to hold %q", strings.Join(args, " "), stderr, tt.stderr)
				}
				if stdout != "" {
					t.Errorf("gwr %s: stdout %q, want none", strings.Join(args, " "), stdout)
				}
				switch out {
				case prev:
					if after := hashDir(t, prev); !reflect.DeepEqual(after, before) {
						t.Errorf("gwr %s changed the previous output:\nbefore %v\nafter  %v", strings.Join(args, " "), before, after)
					}
				case notDir:
				default:
					if _, err := os.Stat(out); !os.IsNotExist(err) {
						t.Errorf("gwr %s created the output directory before failing (stat: %v)", strings.Join(args, " "), err)
					}
				}
			}
		})
	}
}

// buildGWR compiles the command into a temporary directory.
func buildGWR(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the gwr binary")
	}
	if runtime.GOOS == "windows" {
		t.Skip("signals")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go tool: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "gwr")
	cmd := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// killFormats are written by the crash tests: every writer is exposed.
const killFormats = "parquet,arrow,jsonl,csv"

// outputState is the content of an output directory: the SHA-256 of each
// file under its final name, and the temporary files left beside them.
type outputState struct {
	files map[string]string
	temps []string
}

func readState(t *testing.T, dir string) outputState {
	t.Helper()
	st := outputState{files: map[string]string{}}
	for name, sum := range hashDir(t, dir) {
		if strings.HasPrefix(name, ".") && (strings.Contains(name, ".tmp-") || sum == "stale") {
			st.temps = append(st.temps, name)
			continue
		}
		if name == batch.MetaFile {
			// the same in both runs (one gwr version and rule set): it
			// cannot tell them apart, and is checked by the batch tests
			continue
		}
		st.files[name] = sum
	}
	sort.Strings(st.temps)
	return st
}

// copyDir copies the tree src into a new directory dst, links as links.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(to, 0o755)
		case d.Type()&os.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(target, to)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// killCorpus writes n documents into dir, copies of the bundled reports and
// of corpus/testdata/extra under new names.
func killCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	var paths []string
	for _, pat := range []string{"*.txt", filepath.Join("testdata", "extra", "*.txt")} {
		ps, err := filepath.Glob(filepath.Join("..", "..", "corpus", pat))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, ps...)
	}
	if len(paths) == 0 {
		t.Fatal("no reports in corpus/")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		p := paths[i%len(paths)]
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("r%03d_%s", i, filepath.Base(p))
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// killSetup prepares the crash tests: the binary, a 200-document corpus,
// the previous output (a complete run over the bundled reports) and the
// new output a complete run over the corpus writes, with its duration.
type killSetup struct {
	bin, in, prev string
	old, new      map[string]string
	took          time.Duration
}

func newKillSetup(t *testing.T) killSetup {
	t.Helper()
	s := killSetup{bin: buildGWR(t)}
	dir := t.TempDir()
	s.in = filepath.Join(dir, "in")
	killCorpus(t, s.in, 200)

	// The previous run: the bundled reports and an empty file, so that
	// every table differs from the new one's.
	prevIn := filepath.Join(dir, "prev-in")
	writeInputs(t, prevIn, bundledReports(t), []badFile{{name: "empty.txt"}})
	s.prev = filepath.Join(dir, "prev")
	cmd := exec.Command(s.bin, "extract", "-o", s.prev, "--format", killFormats, "--quiet", prevIn)
	if out, err := cmd.CombinedOutput(); cmd.ProcessState.ExitCode() != 1 {
		t.Fatalf("previous run: %v, want exit status 1\n%s", err, out)
	}
	s.old = readState(t, s.prev).files

	ref := filepath.Join(dir, "ref")
	start := time.Now()
	cmd = exec.Command(s.bin, "extract", "-o", ref, "--format", killFormats, "--quiet", s.in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("complete run: %v\n%s", err, out)
	}
	s.took = time.Since(start)
	s.new = readState(t, ref).files
	if len(s.new) != 12 || !reflect.DeepEqual(sortedNames(s.new), sortedNames(s.old)) {
		t.Fatalf("complete run wrote %v, previous run %v; want the same 12 files", sortedNames(s.new), sortedNames(s.old))
	}
	for name, sum := range s.new {
		if s.old[name] == sum {
			t.Fatalf("%s is the same in the previous and the new output: the test cannot tell them apart", name)
		}
	}
	t.Logf("a complete run over %d documents takes %v", 200, s.took)
	return s
}

// checkComplete checks that every file under a final name in dir is whole
// and readable, and that together they are the previous or the new output,
// not a mix. It returns which one.
func (s killSetup) checkComplete(t *testing.T, dir string) (which string, st outputState) {
	t.Helper()
	st = readState(t, dir)
	if !reflect.DeepEqual(sortedNames(st.files), sortedNames(s.old)) {
		t.Errorf("%s holds %v, want %v", dir, sortedNames(st.files), sortedNames(s.old))
	}
	var olds, news []string
	for _, name := range sortedNames(st.files) {
		// Read back whatever is there: a truncated file fails here.
		p := filepath.Join(dir, name)
		var err error
		switch {
		case strings.HasPrefix(name, "facts."):
			_, err = schema.ReadFacts(p)
		case strings.HasPrefix(name, "documents."):
			_, err = schema.ReadDocuments(p)
		case strings.HasPrefix(name, "errors."):
			_, err = schema.ReadErrors(p)
		}
		switch sum := st.files[name]; {
		case err != nil:
			t.Errorf("%s does not read back: %v", p, err)
		case sum == s.old[name]:
			olds = append(olds, name)
		case sum == s.new[name]:
			news = append(news, name)
		default:
			t.Errorf("%s reads back but is neither the previous nor the new file: the run wrote other rows than the complete run did (see TestExtractFactsDoNotDependOnLoad)", p)
		}
	}
	switch {
	case len(news) == 0:
		return "previous", st
	case len(olds) == 0:
		return "new", st
	}
	t.Errorf("%s mixes two runs: previous %v, new %v", dir, olds, news)
	return "mixed", st
}

// TestExtractCrash kills gwr extract with SIGKILL at several points of a
// run over 200 documents, and interrupts it with SIGINT and SIGTERM: the
// output directory always holds the previous output or the new one, whole.
func TestExtractCrash(t *testing.T) {
	s := newKillSetup(t)
	t.Run("SIGKILL", s.testKill)
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String()+" during the run", func(t *testing.T) { s.testInterrupt(t, sig, true) })
		t.Run(sig.String()+" during start-up", func(t *testing.T) { s.testInterrupt(t, sig, false) })
	}
}

// start starts gwr extract over the 200 documents into a copy of the
// previous output at out.
func (s killSetup) start(t *testing.T, out string, stderr *bytes.Buffer, env ...string) *exec.Cmd {
	t.Helper()
	copyDir(t, s.prev, out)
	cmd := exec.Command(s.bin, "extract", "-o", out, "--format", killFormats, s.in)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

func (s killSetup) testKill(t *testing.T) {
	delays := []time.Duration{50 * time.Millisecond, 200 * time.Millisecond, 500 * time.Millisecond, time.Second}
	// Also at fractions of a complete run, whatever the machine's speed,
	// to land near the end, where the files are renamed into place.
	for _, f := range []float64{0.5, 0.95, 1.3} {
		delays = append(delays, time.Duration(f*float64(s.took)))
	}
	dir := t.TempDir()
	seen := map[string]int{}
	var out string
	for i, d := range delays {
		out = filepath.Join(dir, fmt.Sprintf("out%d", i))
		var stderr bytes.Buffer
		cmd := s.start(t, out, &stderr)
		time.Sleep(d)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		which, st := s.checkComplete(t, out)
		seen[which]++
		t.Logf("SIGKILL after %v (%v): %s output, %d temporary files left", d, err, which, len(st.temps))
		if which == "previous" && len(st.temps) > 0 {
			// gwr's own readers take the tables by their final names.
			if status, stdout, stderr := runGWR(t, time.Minute, "diff", out, s.prev); status != 0 {
				t.Errorf("gwr diff KILLED PREVIOUS: exit status %d, want 0 (the same facts)\n%s%s", status, stdout, stderr)
			}
		}
	}
	if seen["previous"] == 0 {
		t.Errorf("no kill landed before the end of a run (%v): the test shows nothing", seen)
	}

	// Temporary files left by a kill are not output: the next run ignores
	// them and writes the new output whole.
	cmd := exec.Command(s.bin, "extract", "-o", out, "--format", killFormats, "--quiet", s.in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("run after the kill: %v\n%s", err, b)
	}
	if which, _ := s.checkComplete(t, out); which != "new" {
		t.Errorf("run after the kill left the %s output", which)
	}
}

// testInterrupt signals gwr during its run (after it has created its
// temporary files, a quarter of a run later) or during its start-up (as
// soon as it says, through the GWR_TEST_SIGNALS_READY file, that it catches
// signals, before it loads its dictionaries): it stops with status 130 and
// a message, removes its temporary files and leaves the previous output as
// it was.
func (s killSetup) testInterrupt(t *testing.T, sig os.Signal, running bool) {
	out := filepath.Join(t.TempDir(), "out")
	ready := filepath.Join(t.TempDir(), "ready")
	var stderr bytes.Buffer
	cmd := s.start(t, out, &stderr, "GWR_TEST_SIGNALS_READY="+ready)
	if running {
		for deadline := time.Now().Add(time.Minute); len(readState(t, out).temps) == 0; time.Sleep(time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatal("gwr made no temporary files in a minute")
			}
		}
		time.Sleep(s.took / 4)
	} else {
		for deadline := time.Now().Add(time.Minute); ; time.Sleep(time.Millisecond) {
			if _, err := os.Stat(ready); err == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("gwr did not start catching signals in a minute")
			}
		}
	}
	cmd.Process.Signal(sig)
	err := cmd.Wait()
	if err == nil {
		t.Skipf("the run finished before the signal (a complete run takes %v)", s.took)
	}
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Errorf("exit status %d (%v), want 130", code, err)
	}
	msg := strings.TrimSpace(stderr.String())
	if !strings.HasPrefix(msg, "gwr extract: interrupted") || !strings.HasSuffix(msg, out+" left as it was") {
		t.Errorf("stderr %q, want \"gwr extract: interrupted …; %s left as it was\"", msg, out)
	}
	st := readState(t, out)
	if !reflect.DeepEqual(st.files, s.old) {
		t.Errorf("the previous output changed: got %v, want %v", st.files, s.old)
	}
	if len(st.temps) > 0 {
		t.Errorf("temporary files left after %v: %v", sig, st.temps)
	}
}

// TestExtractLongLineMemory runs the binary on one 5 MB line of report
// text: it finishes, finds facts and stays within a bounded memory.
func TestExtractLongLineMemory(t *testing.T) {
	bin := buildGWR(t)
	var line goodFile
	for _, g := range goodInputs(t) {
		if g.name == "one-line.txt" {
			line = g
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "one-line.txt")
	if err := os.WriteFile(in, line.data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(bin, "extract", "-o", out, "--format", "jsonl", "--quiet", in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("gwr extract: %v\n%s", err, stderr.String())
		}
	case <-time.After(3 * time.Minute):
		cmd.Process.Kill()
		t.Fatal("gwr extract on one 5 MB line did not finish in 3 minutes")
	}
	facts, err := schema.ReadFacts(filepath.Join(out, "facts.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) == 0 {
		t.Error("no facts in the 5 MB line")
	}
	checkOffsets(t, "one-line.txt", line.text, facts)
	const limit = 1 << 30
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss := int64(ru.Maxrss) * 1024 // kilobytes on Linux
		t.Logf("one 5 MB line: %d facts, peak RSS %d MB", len(facts), rss>>20)
		if rss > limit {
			t.Errorf("peak RSS %d MB on a 5 MB input, want under %d MB", rss>>20, limit>>20)
		}
	}
}

// TestExtractFactsDoNotDependOnLoad runs the same batch with one worker,
// then with 32 workers sharing one CPU, as on a busy machine or with -j
// above the core count: a worker then waits for the CPU for hundreds of
// milliseconds at a time. The facts must not change: a time limit on a
// rule that expires while its goroutine waits must not drop facts.
func TestExtractFactsDoNotDependOnLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts 64 documents twice")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	killCorpus(t, in, 64)
	run := func(jobs string) []schema.Fact {
		out := filepath.Join(dir, "out-j"+jobs)
		if status, _, stderr := runGWR(t, 5*time.Minute, "extract", "-o", out, "-j", jobs, "--format", "jsonl", "--quiet", in); status != 0 {
			t.Fatalf("gwr extract -j %s: exit status %d: %s", jobs, status, stderr)
		}
		facts, err := schema.ReadFacts(filepath.Join(out, "facts.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		return facts
	}
	want := run("1")
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	got := run("32")
	if len(got) != len(want) {
		t.Errorf("-j 32 on one CPU: %d facts, -j 1: %d", len(got), len(want))
	}
	gotBy, wantBy := factsByDoc(got), factsByDoc(want)
	for _, id := range sortedNames(wantBy) {
		if diff := sameFacts(gotBy[id], wantBy[id]); diff != "" {
			t.Errorf("%s: -j 32 on one CPU differs from -j 1: %s", id, diff)
		}
	}
}

// TestExtractDanglingLink: a link to a missing file, found in a walked
// directory, is one bad input among good ones, not a reason to process
// none: it gets an errors row and the other reports their facts.
func TestExtractDanglingLink(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	good := bundledReports(t)[:2]
	writeInputs(t, in, good, nil)
	link := filepath.Join(in, "moved-report.txt")
	if err := os.Symlink(filepath.Join(dir, "no-such-target.txt"), link); err != nil {
		t.Skip("no symlinks:", err)
	}
	out := filepath.Join(dir, "out")
	status, _, stderr := runGWR(t, time.Minute, "extract", "-o", out, "--format", "parquet,jsonl", in)
	if status != 1 {
		t.Errorf("exit status %d, want 1; stderr:\n%s", status, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "errors.jsonl")); err != nil {
		t.Fatalf("no output: %v", err)
	}
	got := readTables(t, out)
	if len(got.docs) != len(good) {
		t.Errorf("documents table has %d rows, want %d", len(got.docs), len(good))
	}
	want := "corpus: " + link + ": no such file or directory"
	if len(got.errors) != 1 || got.errors[0].Path != link || got.errors[0].Message != want {
		t.Errorf("errors rows %+v, want one for %s: %q", got.errors, link, want)
	}
}

// TestExtractCPUProfile checks that --cpuprofile writes a profile pprof
// reads (gzip-compressed protocol buffers), --trace an execution trace
// (go tool trace's format starts "go 1."), and that they change no output.
func TestExtractCPUProfile(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeInputs(t, in, bundledReports(t)[:1], nil)
	prof := filepath.Join(dir, "cpu.prof")
	tr := filepath.Join(dir, "trace.out")
	if s, _, e := runGWR(t, time.Minute, "extract", "-o", filepath.Join(dir, "a"), "--format", "jsonl", "--cpuprofile", prof, "--trace", tr, in); s != 0 {
		t.Fatalf("exit status %d: %s", s, e)
	}
	if b, err := os.ReadFile(tr); err != nil || !strings.HasPrefix(string(b), "go 1.") {
		t.Fatalf("%s is not an execution trace (%v)", tr, err)
	}
	b, err := os.ReadFile(prof)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		t.Fatalf("%s is not a gzip-compressed profile (%d bytes)", prof, len(b))
	}
	if s, _, e := runGWR(t, time.Minute, "extract", "-o", filepath.Join(dir, "b"), "--format", "jsonl", in); s != 0 {
		t.Fatalf("exit status %d: %s", s, e)
	}
	a, _ := os.ReadFile(filepath.Join(dir, "a", "facts.jsonl"))
	c, _ := os.ReadFile(filepath.Join(dir, "b", "facts.jsonl"))
	if len(a) == 0 || string(a) != string(c) {
		t.Fatalf("facts with --cpuprofile (%d bytes) differ from facts without (%d bytes)", len(a), len(c))
	}
}

// TestExtractDictionaryLoadFails checks the background loading of the
// segmenter's dictionaries: when they cannot be loaded (no cache directory,
// as XDG_CACHE_HOME is relative, and no temporary directory to unpack them
// into), gwr extract fails with status 2 and one line naming the
// dictionaries and both causes, and leaves the output as it was: no
// tables in a new directory, the tables of the run before in an old one.
// No document is reported as failed: before, each was an "extract failed:
// internal error (please report)" line (the panic of its segmentation)
// before the real error. The check runs in a child process (this test
// binary again), whose dictionaries are not loaded yet.
func TestExtractDictionaryLoadFails(t *testing.T) {
	reports := []string{filepath.Join("..", "..", "corpus", "002_8301e86fb68a1f77.txt"), filepath.Join("..", "..", "corpus", "003_8d678484d61eac6b.txt")}
	if out := os.Getenv("GWR_TEST_DICT_CHILD"); out != "" {
		var o, e bytes.Buffer
		s := run(append([]string{"extract", "--format", "jsonl", "-o", out}, reports...), &o, &e)
		fmt.Printf("status=%d\n%s", s, e.String())
		return
	}
	dir := t.TempDir()
	old := filepath.Join(dir, "old")
	if s, _, e := runGWR(t, time.Minute, "extract", "--quiet", "--format", "jsonl", "-o", old, reports[0]); s != 0 {
		t.Fatalf("first run: status %d: %s", s, e)
	}
	before := hashDir(t, old)
	for _, out := range []string{filepath.Join(dir, "new"), old} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestExtractDictionaryLoadFails$")
		cmd.Env = append(os.Environ(), "GWR_TEST_DICT_CHILD="+out, "XDG_CACHE_HOME=relative", "TMPDIR="+filepath.Join(dir, "missing"))
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child: %v\n%s", err, b)
		}
		got, _, _ := strings.Cut(string(b), "PASS\n")
		want := "status=2\ngwr extract: cannot load the dictionaries: not written to the cache (path in $XDG_CACHE_HOME is relative) nor to a temporary directory: " +
			filepath.Join(dir, "missing") + ": no such file or directory\n"
		if got != want {
			t.Errorf("gwr extract -o %s with no temporary directory printed\n%s\nwant\n%s", out, got, want)
		}
		if out == old {
			if after := hashDir(t, old); !equalMaps(before, after) {
				t.Errorf("gwr extract with no temporary directory changed %s", old)
			}
		} else if _, err := os.Stat(filepath.Join(out, "facts.jsonl")); err == nil {
			t.Errorf("gwr extract with no temporary directory wrote %s, want no tables", filepath.Join(out, "facts.jsonl"))
		}
	}
}
