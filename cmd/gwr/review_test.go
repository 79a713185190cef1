package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var markID = regexp.MustCompile(`<mark id="([^"]+)"`)

// highlights returns the ids of the highlights of a review page.
func highlights(page []byte) []string {
	var ids []string
	for _, m := range markID.FindAllSubmatch(page, -1) {
		ids = append(ids, string(m[1]))
	}
	return ids
}

func TestReviewCommand(t *testing.T) {
	dir := t.TempDir()
	_, outDir := writeShowFixture(t, dir, "")
	_, noText := writeShowFixture(t, filepath.Join(dir, "gone"), filepath.Join(dir, "nowhere", "t.txt"))
	partitioned := writePartitioned(t, outDir, filepath.Join(dir, "partitioned"))
	page := filepath.Join(dir, "review.html")

	tests := []struct {
		name    string
		args    []string
		status  int
		marks   string // ids of the highlights, space-separated
		page    []string
		notPage []string
		stderr  string // held by the last line of stderr
	}{
		{name: "facts directory", args: []string{outDir, "-o", page}, marks: "f-t-1 f-t-2 f-t-3",
			page: []string{
				`<mark id="f-t-1" class="fact k-actual m-delta u-count y-2022 h-_" data-doc="t" data-fact="1" data-indicator="高新技术企业" data-value="≥10家"`,
				`data-measure="growth" data-kind="actual" data-year="2022"`,
				">3.42亿元</mark>。\n</div>",
				"测试县 · county · 2023 · report",
				"<title>gwr review</title>",
			},
			notPage: []string{"each fact is shown in its sentence"},
			stderr:  "gwr review: 1 documents, 3 facts -> " + page},
		{name: "partitioned output", args: []string{partitioned, "-o", page}, marks: "f-t-1 f-t-2 f-t-3",
			page: []string{">3.42亿元</mark>。\n</div>", "测试县 · county · 2023 · report"}, notPage: []string{"each fact is shown in its sentence"}},
		{name: "title", args: []string{"--title", "淄博 <2023>", outDir, "-o", page}, marks: "f-t-1 f-t-2 f-t-3",
			page: []string{"<title>淄博 &lt;2023&gt;</title>"}},
		{name: "text not found", args: []string{noText, "-o", page}, marks: "f-t-1 f-t-2 f-t-3",
			page:   []string{"each fact is shown in its sentence", `新增高新技术企业<mark id="f-t-1"`},
			stderr: "1 documents, 3 facts"},
		{name: "two inputs with the same document", args: []string{outDir, outDir, "-o", page}, marks: "f-t-1 f-t-2 f-t-3 f-t-1~2 f-t-2~2 f-t-3~2",
			page: []string{`<section class="doc active" id="d-t" data-doc-id="t"`, `<section class="doc" id="d-t~2" data-doc-id="t"`}},
		{name: "no input", args: []string{"-o", page}, status: 2, stderr: "gwr review: no INPUT given"},
		{name: "missing input", args: []string{filepath.Join(dir, "none.txt"), "-o", page}, status: 2, stderr: "none.txt"},
		{name: "unwritable output", args: []string{outDir, "-o", filepath.Join(dir, "no", "such", "dir", "r.html")}, status: 2, stderr: ": no such file or directory"},
		{name: "help", args: []string{"-h"}},
	}
	for _, tt := range tests {
		os.Remove(page)
		var stdout, stderr bytes.Buffer
		status := run(append([]string{"review"}, tt.args...), &stdout, &stderr)
		if status != tt.status {
			t.Errorf("%s: status %d; want %d (stderr %q)", tt.name, status, tt.status, stderr.String())
		}
		lines := strings.Split(strings.TrimRight(stderr.String(), "\n"), "\n")
		if last := lines[len(lines)-1]; !strings.Contains(last, tt.stderr) {
			t.Errorf("%s: stderr = %q; want its last line to hold %q", tt.name, stderr.String(), tt.stderr)
		}
		if tt.status != 0 && len(lines) != 1 {
			t.Errorf("%s: stderr = %q; want one line", tt.name, stderr.String())
		}
		if tt.name == "help" {
			if !strings.HasPrefix(stdout.String(), "usage: gwr review [flags] INPUT... -o review.html") {
				t.Errorf("help: stdout = %q; want the usage", stdout.String())
			}
			continue
		}
		b, err := os.ReadFile(page)
		if tt.status != 0 {
			if err == nil {
				t.Errorf("%s: a page was written", tt.name)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := strings.Join(highlights(b), " "); got != tt.marks {
			t.Errorf("%s: highlights %s; want %s", tt.name, got, tt.marks)
		}
		for _, s := range tt.page {
			if !bytes.Contains(b, []byte(s)) {
				t.Errorf("%s: page lacks %q", tt.name, s)
			}
		}
		for _, s := range tt.notPage {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("%s: page has %q", tt.name, s)
			}
		}
	}

	// The text is on the page, split at the facts, and escaped.
	run([]string{"review", outDir, "-o", page}, new(bytes.Buffer), new(bytes.Buffer))
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	plain := regexp.MustCompile(`<mark [^>]*>|</mark>`).ReplaceAll(b, nil)
	if !bytes.Contains(plain, []byte(">"+showText+"</div>")) {
		t.Errorf("page does not hold the document text between its highlights")
	}

	// The same input gives the same page.
	again := filepath.Join(dir, "again.html")
	run([]string{"review", outDir, "-o", again}, new(bytes.Buffer), new(bytes.Buffer))
	if b2, _ := os.ReadFile(again); !bytes.Equal(b, b2) {
		t.Errorf("two runs on the same input wrote different pages")
	}
}

// TestReviewReport runs gwr review on a report: one highlight per fact the
// extractor finds, and the same page as for its extracted facts table.
func TestReviewReport(t *testing.T) {
	dir, path, facts := testReport(t)
	var want []string
	for _, f := range facts {
		want = append(want, "f-r-"+strconv.Itoa(int(f.FactID)))
	}

	page := filepath.Join(dir, "r.html")
	var stdout, stderr bytes.Buffer
	if status := run([]string{"review", path, "-o", page}, &stdout, &stderr); status != 0 {
		t.Fatalf("status %d: %s", status, stderr.String())
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(highlights(b), " "); got != strings.Join(want, " ") {
		t.Errorf("highlights %s; want %s", got, strings.Join(want, " "))
	}

	// Extracting to JSON Lines and reviewing that gives the same page.
	out := filepath.Join(dir, "out")
	if status := run([]string{"extract", "--quiet", "--format", "jsonl", "-o", out, path}, &stdout, &stderr); status != 0 {
		t.Fatalf("extract: status %d: %s", status, stderr.String())
	}
	page2 := filepath.Join(dir, "r2.html")
	if status := run([]string{"review", out, "-o", page2}, &stdout, &stderr); status != 0 {
		t.Fatalf("review of the facts: status %d: %s", status, stderr.String())
	}
	if b2, _ := os.ReadFile(page2); !bytes.Equal(b, b2) {
		t.Errorf("the page of the report and the page of its extracted facts differ")
	}
}
