package segment

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// testDicts is a small stand-in for dictSet: five files in gojieba's order.
func testDicts(user string) []dictFile {
	files := make([]dictFile, len(dictFiles))
	for i, name := range dictFiles {
		files[i] = dictFile{name, []byte(strings.Repeat(name+" 1 n\n", 1000))}
		if name == userDict {
			files[i].data = []byte(user)
		}
	}
	return files
}

// checkPaths fails unless each path holds its file's data.
func checkPaths(t *testing.T, paths []string, files []dictFile) {
	t.Helper()
	if len(paths) != len(files) {
		t.Fatalf("got %d paths, want %d", len(paths), len(files))
	}
	for i, p := range paths {
		got, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%s: %v", files[i].name, err)
		} else if !bytes.Equal(got, files[i].data) {
			t.Errorf("%s at %s: got %d bytes %.20q…, want %d bytes %.20q…", files[i].name, p, len(got), got, len(files[i].data), files[i].data)
		}
	}
}

// tempFiles returns the names of the temporary files in dir.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			names = append(names, e.Name())
		}
	}
	return names
}

func TestCacheDictsReuse(t *testing.T) {
	root := t.TempDir()
	files := testDicts("新增 9 v\n")
	first, err := cacheDicts(root, files)
	if err != nil {
		t.Fatal(err)
	}
	checkPaths(t, first, files)
	before := make([]os.FileInfo, len(first))
	for i, p := range first {
		if before[i], err = os.Stat(p); err != nil {
			t.Fatal(err)
		}
	}
	second, err := cacheDicts(root, files)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range second {
		if p != first[i] {
			t.Errorf("second load: %s at %s, want %s as before", files[i].name, p, first[i])
		}
		after, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if !os.SameFile(before[i], after) {
			t.Errorf("second load wrote %s again; want the first file reused", files[i].name)
		}
	}

	// Another user dictionary: the same directory, another file for it,
	// the other files untouched.
	other := testDicts("减少 9 v\n")
	third, err := cacheDicts(root, other)
	if err != nil {
		t.Fatal(err)
	}
	checkPaths(t, third, other)
	checkPaths(t, first, files)
	for i, p := range third {
		if same := p == first[i]; same != (files[i].name != userDict) {
			t.Errorf("%s: path %s for another user dictionary, %s before; want the same path for the embedded files only", files[i].name, p, first[i])
		}
	}

	// Other embedded files: another directory.
	changed := testDicts("新增 9 v\n")
	changed[0].data = []byte("另一个 1 n\n")
	fourth, err := cacheDicts(root, changed)
	if err != nil {
		t.Fatal(err)
	}
	checkPaths(t, fourth, changed)
	if filepath.Dir(fourth[0]) == filepath.Dir(first[0]) {
		t.Errorf("changed main dictionary in %s; want a directory other than %s", filepath.Dir(fourth[0]), filepath.Dir(first[0]))
	}
	if got := tempFiles(t, filepath.Dir(first[0])); len(got) != 0 {
		t.Errorf("temporary files left: %v; want none", got)
	}
}

func TestCacheDictsConcurrent(t *testing.T) {
	root := t.TempDir()
	files := testDicts("新增 9 v\n")
	const n = 16
	var wg sync.WaitGroup
	results := make([][]string, n)
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = cacheDicts(root, files)
		}()
	}
	wg.Wait()
	for i := 0; i < n; i++ {
		if errs[i] != nil {
			t.Fatalf("load %d: %v", i, errs[i])
		}
		checkPaths(t, results[i], files)
		for j, p := range results[i] {
			if p != results[0][j] {
				t.Errorf("load %d: %s at %s; want %s like load 0", i, files[j].name, p, results[0][j])
			}
		}
	}
	if got := tempFiles(t, filepath.Dir(results[0][0])); len(got) != 0 {
		t.Errorf("temporary files left: %v; want none", got)
	}
}

func TestCacheDictsRepairs(t *testing.T) {
	files := testDicts("新增 9 v\n")
	main := files[0].data
	tests := []struct {
		name    string
		content []byte // what the main dictionary holds before the load
	}{
		{"partial", main[:len(main)/2]},
		{"empty", nil},
		{"corrupt, same size", append(bytes.Repeat([]byte{'x'}, 10), main[10:]...)},
		{"corrupt at the end", append(append([]byte{}, main[:len(main)-1]...), 'x')},
		{"too long", append(append([]byte{}, main...), "多余 1 n\n"...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			paths, err := cacheDicts(root, files)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(paths[0], tt.content, 0o600); err != nil {
				t.Fatal(err)
			}
			again, err := cacheDicts(root, files)
			if err != nil {
				t.Fatal(err)
			}
			checkPaths(t, again, files)
		})
	}
}

func TestPlaceDictsFallsBack(t *testing.T) {
	// The cache root lies under a regular file, so it cannot be made
	// (as root, a read-only mode would not stop the writes).
	tmp := t.TempDir()
	blocker := filepath.Join(tmp, "file")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_CACHE_HOME", filepath.Join(blocker, "cache"))
	t.Setenv("HOME", blocker)
	tempRoot := filepath.Join(tmp, "tmp")
	if err := os.Mkdir(tempRoot, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", tempRoot)
	files := testDicts("新增 9 v\n")
	paths, done, err := placeDicts(files)
	if err != nil {
		t.Fatalf("placeDicts with an unwritable cache: %v; want the temporary directory", err)
	}
	checkPaths(t, paths, files)
	dir := filepath.Dir(paths[0])
	if filepath.Dir(dir) != tempRoot || !strings.HasPrefix(filepath.Base(dir), legacyTempPrefix) {
		t.Errorf("files in %s; want a %s* directory in %s", dir, legacyTempPrefix, tempRoot)
	}
	done()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("after done, stat %s: %v; want it removed", dir, err)
	}
}

func TestPruneCache(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	tests := []struct {
		name string
		age  time.Duration
		keep bool
	}{
		{".tmp-jieba.dict.utf8-123", staleTemp + time.Minute, false},
		{".tmp-jieba.dict.utf8-456", staleTemp - time.Minute, true},
		{"user-01234567.dict.utf8", staleUserDict + time.Hour, false},
		{"user-11111111.dict.utf8", staleUserDict - time.Hour, true},
		{"user-22222222.dict.utf8", staleUserDict + time.Hour, true}, // in use
		{"jieba.dict.utf8", staleUserDict + time.Hour, true},
	}
	for _, tt := range tests {
		p := filepath.Join(dir, tt.name)
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, now.Add(-tt.age), now.Add(-tt.age)); err != nil {
			t.Fatal(err)
		}
	}
	pruneCache(dir, []string{filepath.Join(dir, "user-22222222.dict.utf8"), filepath.Join(dir, "jieba.dict.utf8")}, now)
	for _, tt := range tests {
		_, err := os.Stat(filepath.Join(dir, tt.name))
		if got := err == nil; got != tt.keep {
			t.Errorf("%s, %v old: kept %v, want %v", tt.name, tt.age, got, tt.keep)
		}
	}
}

func TestPruneTemp(t *testing.T) {
	tmp := t.TempDir()
	now := time.Now()
	tests := []struct {
		name string
		dir  bool
		age  time.Duration
		keep bool
	}{
		{"gwr-jieba-111", true, staleTemp + time.Minute, false},
		{"gwr-jieba-222", true, staleTemp - time.Minute, true}, // a run loading now
		{"gwr-jieba-333", false, staleTemp + time.Minute, true},
		{"other-444", true, staleTemp + time.Minute, true},
	}
	for _, tt := range tests {
		p := filepath.Join(tmp, tt.name)
		if tt.dir {
			if err := os.Mkdir(p, 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(p, "jieba.dict.utf8"), []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
		} else if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, now.Add(-tt.age), now.Add(-tt.age)); err != nil {
			t.Fatal(err)
		}
	}
	pruneTemp(tmp, now)
	for _, tt := range tests {
		_, err := os.Stat(filepath.Join(tmp, tt.name))
		if got := err == nil; got != tt.keep {
			t.Errorf("%s, %v old: kept %v, want %v", tt.name, tt.age, got, tt.keep)
		}
	}
}

func TestSameContent(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("地区生产总值 3 n\n"), 40000) // several read buffers
	tests := []struct {
		name       string
		file, want []byte
		same       bool
	}{
		{"equal", big, big, true},
		{"empty both", []byte{}, []byte{}, true},
		{"shorter", big[:len(big)-1], big, false},
		{"longer", append(append([]byte{}, big...), 'x'), big, false},
		{"last byte", append(append([]byte{}, big[:len(big)-1]...), 'x'), big, false},
	}
	for _, tt := range tests {
		p := filepath.Join(dir, "f")
		if err := os.WriteFile(p, tt.file, 0o600); err != nil {
			t.Fatal(err)
		}
		if got := sameContent(p, tt.want, make([]byte, 4096)); got != tt.same {
			t.Errorf("%s: sameContent = %v, want %v", tt.name, got, tt.same)
		}
	}
	if sameContent(filepath.Join(dir, "missing"), nil, make([]byte, 4096)) {
		t.Errorf("missing file: sameContent = true, want false")
	}
	if sameContent(dir, nil, make([]byte, 4096)) {
		t.Errorf("directory: sameContent = true, want false")
	}
}

// TestLoadUsesCache loads gojieba from a fresh cache and again from the
// filled one: the same tokens, and the cache holds the real dictionaries.
func TestLoadUsesCache(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	for round := 1; round <= 2; round++ {
		x, err := load()
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		var words []string
		for _, tok := range x.Segment("地区生产总值增长6.5%左右") {
			words = append(words, tok.Text)
		}
		if got, want := strings.Join(words, "/"), "地区生产总值/增长/6.5/%/左右"; got != want {
			t.Errorf("round %d: Segment = %s, want %s", round, got, want)
		}
		x.j.Free()
	}
	files, err := dictSet()
	if err != nil {
		t.Fatal(err)
	}
	paths, err := cacheDicts(filepath.Join(cache, "gwr"), files)
	if err != nil {
		t.Fatal(err)
	}
	checkPaths(t, paths, files)
	entries, err := os.ReadDir(filepath.Dir(paths[0]))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(files) {
		t.Errorf("cache holds %d files, want %d", len(entries), len(files))
	}
}
