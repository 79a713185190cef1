package segment

import (
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unsafe"
)

// gojieba reads its dictionaries from files, so they must be on disk before
// it loads them. They are kept in a cache directory, written once and
// reused by every later run:
//
//	<os.UserCacheDir()>/gwr/jieba-<key>/jieba.dict.utf8, hmm_model.utf8,
//	    idf.utf8, stop_words.utf8      the embedded files (5.5 MB)
//	    user-<key>.dict.utf8            one per version of the user dictionary
//
// where a key is the CRC-32C of the content in 8 hex digits (the four
// embedded files together, with their names and sizes; the user dictionary
// alone). The user dictionary changes with the lexicon and the unit table,
// so it has its own name and does not make a new 5.5 MB directory each
// time. The key only keeps versions apart: every file is checked byte for
// byte before use (below), so two versions with the same key would cost a
// rewrite, never a wrong dictionary. CRC-32C because it took 1.4 ms for
// the 5.5 MB where SHA-256 took 9-10 ms (a benchmark on the 2-core
// development host).
//
// A file is written to a temporary name in its directory and renamed into
// place, so a process killed while writing leaves at worst a temporary
// file (removed by a later run once it is staleTemp old) and never a
// half-written dictionary under the real name; concurrent runs may write
// the same file at once, and whichever rename comes last installs the same
// bytes. Before a file is used its content is compared with the embedded
// one, so a file damaged from outside is written again, not loaded.
//
// When the cache directory cannot be made or written (no home directory, a
// read-only file system), the files go to a new temporary directory that
// is removed once gojieba has read them, as before the cache existed.

const (
	// staleTemp is the age after which a temporary file in the cache
	// directory, or a gwr-jieba-* directory in os.TempDir, is taken for
	// the leftover of a killed run and removed. Writing the dictionaries
	// takes milliseconds.
	staleTemp = 10 * time.Minute
	// staleUserDict is how long a user dictionary of another version
	// stays in the cache after it was last used.
	staleUserDict = 7 * 24 * time.Hour
	// tempPrefix starts the names of files being written.
	tempPrefix = ".tmp-"
	// legacyTempPrefix starts the temporary directories of the fallback
	// (and of gwr before the cache).
	legacyTempPrefix = "gwr-jieba-"
)

// castagnoli is the CRC-32C table of the cache keys.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// dictFile is one of the files gojieba loads: its name and its content,
// which is only read (hashed, compared, written to a file): the main
// dictionary's is the embedded string's bytes themselves (stringBytes).
type dictFile struct {
	name string
	data []byte
}

// stringBytes returns the bytes of s, not a copy: for reading only. Copying
// the 5 MB main dictionary took 23-38 ms at the start of every load, most
// of it faulting in fresh heap pages (a timer around dictSet, 3 runs).
func stringBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

// dictSet returns the five files gojieba.NewJieba takes, in its order
// (dictFiles): the embedded files and the user dictionary.
func dictSet() ([]dictFile, error) {
	files := make([]dictFile, len(dictFiles))
	for i, name := range dictFiles {
		switch name {
		case userDict:
			files[i] = dictFile{name, UserDict()}
			continue
		case dictFiles[0]:
			files[i] = dictFile{name, stringBytes(mainDict)}
			continue
		}
		b, err := dicts.ReadFile("dict/" + name)
		if err != nil {
			return nil, fmt.Errorf("segment: embedded dictionary %s: %w", name, err)
		}
		files[i] = dictFile{name, b}
	}
	return files, nil
}

// placeDicts puts files on disk and returns their paths, in the order of
// files, and a function to call once gojieba has read them. It uses the
// cache under os.UserCacheDir and, if that fails, a temporary directory
// that done removes.
//
// When neither works, the error names the dictionaries and both causes:
// the run cannot go on, and the user needs to know what to fix (a
// relative $XDG_CACHE_HOME and a missing $TMPDIR, no file descriptors
// left).
func placeDicts(files []dictFile) (paths []string, done func(), err error) {
	root, cerr := os.UserCacheDir()
	if cerr == nil {
		if paths, cerr = cacheDicts(filepath.Join(root, "gwr"), files); cerr == nil {
			return paths, func() {}, nil
		}
	}
	paths, done, terr := tempDicts(files)
	if terr != nil {
		return nil, nil, fmt.Errorf("segment: cannot load the dictionaries: not written to the cache (%v) nor to a temporary directory: %w", cerr, terr)
	}
	return paths, done, nil
}

// cacheDicts makes sure files are in the cache under root (see above) and
// returns their paths. Files already there with the right content are
// used as they are; others are written. It fails if a file cannot be
// written; the caller then falls back to a temporary directory.
func cacheDicts(root string, files []dictFile) ([]string, error) {
	var key uint32
	for _, f := range files {
		if f.name != userDict {
			key = crc32.Update(key, castagnoli, fmt.Appendf(nil, "%s %d\n", f.name, len(f.data)))
			key = crc32.Update(key, castagnoli, f.data)
		}
	}
	dir := filepath.Join(root, fmt.Sprintf("jieba-%08x", key))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	paths := make([]string, len(files))
	buf := make([]byte, 64<<10)
	wrote := false
	for i, f := range files {
		name := f.name
		if name == userDict {
			name = fmt.Sprintf("user-%08x.dict.utf8", crc32.Checksum(f.data, castagnoli))
		}
		paths[i] = filepath.Join(dir, name)
		w, err := ensureFile(paths[i], f.data, buf)
		if err != nil {
			return nil, err
		}
		wrote = wrote || w
		if f.name == userDict {
			// Mark it used, so that pruneCache keeps it.
			now := time.Now()
			os.Chtimes(paths[i], now, now)
		}
	}
	pruneCache(dir, paths, time.Now())
	if wrote {
		// A new version, or the first run with a cache: the directories
		// that runs before the cache left in os.TempDir go too.
		pruneTemp(os.TempDir(), time.Now())
	}
	return paths, nil
}

// ensureFile makes path hold data: if it does not already, data is
// written to a temporary file beside it, synced and renamed to path, and
// wrote is true. buf is sameContent's.
func ensureFile(path string, data, buf []byte) (wrote bool, err error) {
	if sameContent(path, data, buf) {
		return false, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), tempPrefix+filepath.Base(path)+"-*")
	if err != nil {
		return false, err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err == nil, err
}

// sameContent reports whether the file at path holds exactly data. It
// reads the file into buf piece by piece, so it needs no buffer of the
// file's size.
func sameContent(path string, data, buf []byte) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false
	}
	for off := 0; ; {
		n, err := f.Read(buf)
		if n > len(data)-off || !bytes.Equal(buf[:n], data[off:off+n]) {
			return false
		}
		off += n
		if errors.Is(err, io.EOF) {
			return off == len(data)
		}
		if err != nil {
			return false
		}
	}
}

// pruneCache removes from dir the temporary files of killed runs (older
// than staleTemp) and the user dictionaries of other versions not used
// for staleUserDict; keep are the paths in use. Errors are ignored: a
// file left behind costs only disk space.
func pruneCache(dir string, keep []string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	kept := map[string]bool{}
	for _, p := range keep {
		kept[filepath.Base(p)] = true
	}
	for _, e := range entries {
		name := e.Name()
		var limit time.Duration
		switch {
		case kept[name]:
			continue
		case strings.HasPrefix(name, tempPrefix):
			limit = staleTemp
		case strings.HasPrefix(name, "user-") && strings.HasSuffix(name, ".dict.utf8"):
			limit = staleUserDict
		default:
			continue
		}
		if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > limit {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// tempDicts writes files to a new temporary directory and returns their
// paths and a function that removes the directory. It first removes the
// gwr-jieba-* directories older than staleTemp that killed runs left in
// os.TempDir.
func tempDicts(files []dictFile) (paths []string, done func(), err error) {
	pruneTemp(os.TempDir(), time.Now())
	dir, err := os.MkdirTemp("", legacyTempPrefix)
	if err != nil {
		return nil, nil, err
	}
	done = func() { os.RemoveAll(dir) }
	paths = make([]string, len(files))
	for i, f := range files {
		paths[i] = filepath.Join(dir, f.name)
		if err := os.WriteFile(paths[i], f.data, 0o600); err != nil {
			done()
			return nil, nil, err
		}
	}
	return paths, done, nil
}

// pruneTemp removes the gwr-jieba-* directories in tmp older than
// staleTemp: those of runs killed while loading, which could not remove
// their own. Errors are ignored (another user's directories, say).
func pruneTemp(tmp string, now time.Time) {
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), legacyTempPrefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > staleTemp {
			os.RemoveAll(filepath.Join(tmp, e.Name()))
		}
	}
}
