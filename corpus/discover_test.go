package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// writeTree creates files (path -> content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDiscover(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"reports/2023/zichuan.txt":     "x",
		"reports/2022/zichuan.txt":     "x",
		"reports/2022/zichuan-2.txt":   "x", // takes its plain ID; the duplicate skips "-2"
		"reports/b/page.HTML":          "x",
		"reports/b/old.htm":            "x",
		"reports/a.b.txt":              "x",
		"reports/notes.md":             "x", // not an input extension
		"reports/scan.pdf":             "x", // an input format: Load reads (or refuses) it
		"reports/sheet.xlsx":           "x", // not an input extension
		"reports/old.DOC":              "x", // a report format not read: Load says so
		"reports/.hidden.txt":          "x",
		"reports/.git/objects/x.txt":   "x",
		"loose/readme.md":              "x", // named on the command line: taken
		"loose/zichuan.txt":            "x",
		"loose/stdin.txt":              "x",
		"reports/2023/nested/deep.txt": "x",
	})
	j := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	args := []string{j("reports"), j("loose/readme.md"), "-", j("loose/zichuan.txt"), j("loose/stdin.txt"), j("reports/a.b.txt")}

	got, err := Discover(args)
	if err != nil {
		t.Fatal(err)
	}
	want := []Input{
		{Path: j("reports/2022/zichuan-2.txt"), ID: "zichuan-2"},
		{Path: j("reports/2022/zichuan.txt"), ID: "zichuan"},
		{Path: j("reports/2023/nested/deep.txt"), ID: "deep"},
		{Path: j("reports/2023/zichuan.txt"), ID: "zichuan-3"},
		{Path: j("reports/a.b.txt"), ID: "a.b"},
		{Path: j("reports/b/old.htm"), ID: "old"},
		{Path: j("reports/b/page.HTML"), ID: "page"},
		{Path: j("reports/old.DOC"), ID: "old-2"},
		{Path: j("reports/scan.pdf"), ID: "scan"},
		{Path: j("loose/readme.md"), ID: "readme"},
		{Path: "-", ID: "stdin"},
		{Path: j("loose/zichuan.txt"), ID: "zichuan-4"},
		{Path: j("loose/stdin.txt"), ID: "stdin-2"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Discover mismatch\ngot  %v\nwant %v", got, want)
	}
	again, err := Discover(args)
	if err != nil || !reflect.DeepEqual(again, got) {
		t.Errorf("second Discover: got %v, %v; want the same list as the first", again, err)
	}
}

func TestDiscoverSymlinks(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"real/a.txt": "x", "in/b.txt": "x"})
	if err := os.Symlink(filepath.Join(dir, "real/a.txt"), filepath.Join(dir, "in/link.txt")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "in/dirlink.txt")); err != nil {
		t.Fatal(err)
	}
	got, err := Discover([]string{filepath.Join(dir, "in")})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, in := range got {
		ids = append(ids, in.ID)
	}
	if want := []string{"b", "link"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("got IDs %v, want %v (a link to a file is followed, a link to a directory is not)", ids, want)
	}
}

// TestDiscoverLinkedDir: a directory given as a link to one is walked like
// the directory itself, with the paths under the name given.
func TestDiscoverLinkedDir(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"real/a.txt": "x", "real/sub/b.txt": "x"})
	link := filepath.Join(dir, "linked")
	if err := os.Symlink(filepath.Join(dir, "real"), link); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	got, err := Discover([]string{link})
	if err != nil {
		t.Fatalf("Discover(%s): %v", link, err)
	}
	var paths []string
	for _, in := range got {
		paths = append(paths, in.Path)
	}
	want := []string{filepath.Join(link, "a.txt"), filepath.Join(link, "sub/b.txt")}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("got paths %v, want %v", paths, want)
	}
}

func TestDiscoverErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-report.txt")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing file", []string{dir, missing}, "corpus: " + missing + ": no such file or directory"},
		{"no arguments", nil, "corpus: no inputs given"},
		{"empty argument", []string{""}, "corpus: empty path argument"},
		{"no report files", []string{dir}, "corpus: " + dir + ": no .txt, .htm, .html, .docx, .pdf or .zip files found"},
	}
	for _, tt := range tests {
		got, err := Discover(tt.args)
		if err == nil {
			t.Errorf("%s: got %v, want error %q", tt.name, got, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("%s: got error %q, want %q", tt.name, err, tt.want)
		}
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: got error %v, want kind ErrNotFound", tt.name, err)
		}
	}
}

func TestDiscoverSameFileOnce(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": "x"})
	p := filepath.Join(dir, "a.txt")
	unclean := dir + string(filepath.Separator) + "." + string(filepath.Separator) + "a.txt"
	got, err := Discover([]string{p, dir, unclean, "-", "-"})
	if err != nil {
		t.Fatal(err)
	}
	want := []Input{{Path: p, ID: "a"}, {Path: "-", ID: "stdin"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
