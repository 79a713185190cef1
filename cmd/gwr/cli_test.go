package main

// The command line as a newcomer meets it: usage errors, help, and
// messages that name files and problems, not the program's packages.

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestNoArgumentsIsAUsageError(t *testing.T) {
	var o, e bytes.Buffer
	if got := run(nil, &o, &e); got != 2 {
		t.Errorf("gwr: exit status %d, want 2", got)
	}
	if o.Len() != 0 || !strings.Contains(e.String(), "Commands:") {
		t.Errorf("gwr: stdout %q, stderr %q; want the command list on stderr only", o.String(), e.String())
	}
	o.Reset()
	if got := run([]string{"help"}, &o, &e); got != 0 || !strings.Contains(o.String(), "Commands:") {
		t.Errorf("gwr help: status %d, stdout %q; want 0 and the command list", got, o.String())
	}
}

func TestHelpCommand(t *testing.T) {
	for name := range commands {
		var o, e bytes.Buffer
		if got := run([]string{"help", name}, &o, &e); got != 0 {
			t.Errorf("gwr help %s: exit status %d, want 0; stderr %q", name, got, e.String())
		}
		var want bytes.Buffer
		run([]string{name, "--help"}, &want, &e)
		if o.String() != want.String() || !strings.HasPrefix(o.String(), "usage: gwr "+name) {
			t.Errorf("gwr help %s printed %q, want the output of gwr %s --help, %q", name, o.String(), name, want.String())
		}
	}
	var o, e bytes.Buffer
	run([]string{"help", "extract"}, &o, &e)
	for _, flag := range []string{"-partition-by", "-manifest", "-format"} {
		if !strings.Contains(o.String(), flag) {
			t.Errorf("gwr help extract: no %s in %q", flag, o.String())
		}
	}
	if got := run([]string{"help", "nosuch"}, &o, &e); got != 2 {
		t.Errorf("gwr help nosuch: exit status %d, want 2", got)
	}
}

// packagePrefix finds a package name used as a message prefix.
var packagePrefix = regexp.MustCompile(`\b(corpus|batch|schema|extract|segment|normalize|eval|factdiff|match|review): `)

func TestMessagesNameNoPackage(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "binary.txt")
	if err := os.WriteFile(bin, []byte("\x00\x01 not a report"), 0o644); err != nil {
		t.Fatal(err)
	}
	nosuch := filepath.Join(dir, "nosuch.txt")
	for _, tc := range []struct {
		args   []string
		status int
		want   string // the message, after "gwr CMD: "
	}{
		{[]string{"extract", "-o", dir, nosuch}, 2, nosuch + ": no such file or directory"},
		{[]string{"extract", "-o", dir, "--format", "xlsx", bin}, 2, `unknown format "xlsx"`},
		{[]string{"extract", "-o", filepath.Join(dir, "o1"), "--partition-by", "level,year", bin}, 2, `cannot partition by "level,year"`},
		{[]string{"extract", "-o", filepath.Join(dir, "o2"), "--shard", "3/2", bin}, 2, `bad shard "3/2"`},
		{[]string{"extract", "-o", filepath.Join(dir, "o3"), bin}, 1, bin + ": load failed: binary content"},
		{[]string{"show", nosuch}, 2, nosuch},
		{[]string{"diff", nosuch, nosuch}, 2, nosuch},
		{[]string{"review", "-o", filepath.Join(dir, "r.html"), nosuch}, 2, nosuch},
	} {
		var o, e bytes.Buffer
		got := run(tc.args, &o, &e)
		msg := e.String()
		if got != tc.status {
			t.Errorf("gwr %s: exit status %d, want %d; stderr %q", strings.Join(tc.args, " "), got, tc.status, msg)
		}
		if !strings.Contains(msg, "gwr "+tc.args[0]+": "+tc.want) {
			t.Errorf("gwr %s: stderr %q, want it to hold %q", strings.Join(tc.args, " "), msg, "gwr "+tc.args[0]+": "+tc.want)
		}
		if m := packagePrefix.FindString(strings.ReplaceAll(msg, "gwr "+tc.args[0]+": ", "")); m != "" {
			t.Errorf("gwr %s: stderr %q names the package %q", strings.Join(tc.args, " "), msg, m)
		}
		for _, p := range []string{nosuch, bin} {
			if n := strings.Count(firstLine(msg), p); n > 1 {
				t.Errorf("gwr %s: stderr %q names %s %d times, want once", strings.Join(tc.args, " "), msg, p, n)
			}
		}
	}
}

func TestPlainMessage(t *testing.T) {
	for in, want := range map[string]string{
		"corpus: a.txt: empty file":                     "a.txt: empty file",
		"batch: --append: copying x: schema: a: broken": "--append: copying x: a: broken",
		"corpus: corpus: bad encoding":                  "corpus: bad encoding", // a file named corpus
		"corpus/x.txt: load failed":                     "corpus/x.txt: load failed",
		"read: 空文件\nschema: second line":                "read: 空文件\nsecond line",
		"open /tmp/a.txt: no such file or directory":    "/tmp/a.txt: no such file or directory",
	} {
		if got := plainMessage(in); got != want {
			t.Errorf("plainMessage(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestManifestRowMatchingNoInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join("..", "..", "corpus", "002_8301e86fb68a1f77.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "report.txt"), text, 0o644); err != nil {
		t.Fatal(err)
	}
	man := filepath.Join(dir, "m.csv")
	if err := os.WriteFile(man, []byte("doc_id,region,level,year\nreport,某县,county,2024\nreprot,某市,city,2023\nzz,某省,province,2022\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr := extractRun(t, 0, "--quiet", "--manifest", man, "-o", filepath.Join(dir, "out"), in)
	want := "gwr extract: " + man + `: 2 doc_id(s) match no input, their rows are not used: "reprot", "zz"` + "\n"
	if stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}
