package batch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gwrfacts/gwr/schema"
)

// The state gwr keeps in an output directory, under DIR/.gwr:
//
//	DIR/.gwr/lock            flock'ed by the run writing to DIR; holds its pid
//	DIR/.gwr/gen-000007/     one generation: every table of a run (single
//	                         files, or the partitioned facts/, documents/
//	                         and errors/ trees), its texts and gwr.json
//	DIR/.gwr/current         symbolic link to the committed generation
//	DIR/facts.parquet …      symbolic links to .gwr/current/facts.parquet …
//	DIR/facts/ …             (partitioned) links to .gwr/current/facts …
//
// A run writes its tables into a new generation directory, then commits
// them all with one atomic rename: a new link current.new, renamed over
// current. A partitioned --append hard-links the part files of the
// committed generation into the new one (part names name their content,
// so a part name means the same rows in every generation). Before that rename DIR holds the previous run's tables, after it
// the new ones, whatever kills the process in between; the links at the
// top level never change once made, they only go through current. Old
// generations and whatever a killed run left (its generation, temporary
// files of earlier gwr versions) are removed by the next run, under the
// lock.
const (
	stateDir    = ".gwr"
	lockFile    = "lock"
	currentLink = "current"
	genPrefix   = "gen-"
	oldPrefix   = "old-" // a real directory of an older gwr (DIR/texts, DIR/facts …), being removed
)

// Snapshot returns the directory that holds the committed tables of the
// output directory dir (single files or partitioned trees): its current
// generation, or dir itself when it was written by a gwr without
// generations (or holds none).
// Reading every table of one run from the same Snapshot gives tables that
// agree, even while another run commits.
func Snapshot(dir string) string {
	target, err := os.Readlink(filepath.Join(dir, stateDir, currentLink))
	if err != nil || strings.ContainsRune(target, filepath.Separator) || !strings.HasPrefix(target, genPrefix) {
		return dir
	}
	return filepath.Join(dir, stateDir, target)
}

// LockError reports an output directory locked by another run.
type LockError struct {
	Dir, Holder string
}

func (e *LockError) Error() string {
	return fmt.Sprintf("batch: %s is being written by another gwr run (%s)", e.Dir, e.Holder)
}

// dirLock is the lock on an output directory: an exclusive flock on
// DIR/.gwr/lock, released when the process ends, however it ends.
type dirLock struct{ f *os.File }

// lockDir takes the lock on dir, creating DIR/.gwr. If another process
// holds it, waiting is called once with a description of the holder, and
// lockDir waits until the lock is free or ctx is done. With ctx nil it
// does not wait: it returns a *LockError.
func lockDir(ctx context.Context, dir string, waiting func(holder string)) (*dirLock, error) {
	state := filepath.Join(dir, stateDir)
	if err := os.MkdirAll(state, 0o755); err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(state, lockFile), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	told := false
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("batch: locking %s: %w", dir, err)
		}
		holder := lockHolder(f)
		if ctx == nil {
			f.Close()
			return nil, &LockError{Dir: dir, Holder: holder}
		}
		if !told && waiting != nil {
			waiting(holder)
			told = true
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	// say who holds it, for the message of a run that waits
	if err := f.Truncate(0); err == nil {
		fmt.Fprintf(f, "pid %d, since %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339))
	}
	return &dirLock{f: f}, nil
}

// lockHolder reads the description the holder wrote into the lock file.
func lockHolder(f *os.File) string {
	b := make([]byte, 200)
	n, _ := f.ReadAt(b, 0)
	if s := strings.TrimSpace(string(b[:n])); s != "" {
		return s
	}
	return "pid unknown"
}

func (l *dirLock) unlock() {
	if l != nil && l.f != nil {
		l.f.Close() // closing the last descriptor releases the flock
		l.f = nil
	}
}

// generations lists the numbers of the generation directories in state.
func generations(state string) ([]int, error) {
	entries, err := os.ReadDir(state)
	var out []int
	for _, e := range entries {
		if n, ok := genNumber(e.Name()); ok {
			out = append(out, n)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	return out, nil
}

func genNumber(name string) (int, bool) {
	if !strings.HasPrefix(name, genPrefix) {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimPrefix(name, genPrefix))
	return n, err == nil && n > 0
}

func genName(n int) string { return fmt.Sprintf("%s%06d", genPrefix, n) }

// cleanStale removes what killed runs left in dir: generations other than
// the current one, an uncommitted current link, hidden temporary files of
// single-file tables and part files. Only called under the lock.
func cleanStale(dir string) {
	state := filepath.Join(dir, stateDir)
	current := filepath.Base(Snapshot(dir))
	entries, _ := os.ReadDir(state)
	for _, e := range entries {
		name := e.Name()
		_, isGen := genNumber(name)
		if isGen && name != current || strings.HasPrefix(name, currentLink+".new") || strings.HasPrefix(name, oldPrefix) {
			os.RemoveAll(filepath.Join(state, name))
		}
	}
	entries, _ = os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") && (strings.Contains(name, ".tmp-") || strings.HasPrefix(name, ".part-") && strings.HasSuffix(name, ".tmp") ||
			strings.HasSuffix(name, ".link-tmp")) {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// crashPoint, for the fault-injection tests only: the process kills itself
// with SIGKILL at the commit step of this name (GWR_TEST_CRASH_AT), or
// fails it as a rename would (GWR_TEST_FAIL_AT).
var crashPoint, failPoint = os.Getenv("GWR_TEST_CRASH_AT"), os.Getenv("GWR_TEST_FAIL_AT")

func commitStep(name string) error {
	if crashPoint == name {
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		time.Sleep(time.Minute)
	}
	if failPoint == name {
		return fmt.Errorf("batch: %s: %w (GWR_TEST_FAIL_AT)", name, fs.ErrPermission)
	}
	return nil
}

// switchGeneration commits generation gen of dir (its files complete and
// synced): current is made to point to it by one rename, then every table
// file of the generation gets its link at the top level, and links to
// tables the generation lacks are removed.
func switchGeneration(dir, gen string, files []string) error {
	state := filepath.Join(dir, stateDir)
	if err := syncDir(filepath.Join(state, gen)); err != nil {
		return err
	}
	// names shown for the first time get their link now, so that the
	// switch shows all of them at once (until then a link leads nowhere,
	// as if the table were not there)
	for _, name := range files {
		if _, err := os.Lstat(filepath.Join(dir, name)); errors.Is(err, fs.ErrNotExist) {
			os.Symlink(filepath.Join(stateDir, currentLink, name), filepath.Join(dir, name))
		}
	}
	if err := commitStep("before-switch"); err != nil {
		return err
	}
	tmp := filepath.Join(state, currentLink+".new")
	os.Remove(tmp)
	if err := os.Symlink(gen, tmp); err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	if err := commitStep("rename-current"); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, filepath.Join(state, currentLink)); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("batch: committing %s: %w", dir, err)
	}
	if err := syncDir(state); err != nil {
		return err
	}
	// From here on the run is committed: what follows only makes the top
	// level show it, and is redone by the next run if it is cut short.
	commitStep("after-switch")
	return linkTables(dir, files)
}

// relink finishes the commit of a run killed after its switch, before it
// made its links: every name of the current generation without an entry
// in dir gets its link (see linkTables; what else linkTables does waits
// for the next commit). Only called under the lock.
func relink(dir string) error {
	snap := Snapshot(dir)
	if snap == dir {
		return nil
	}
	entries, err := os.ReadDir(snap)
	if err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	for _, e := range entries {
		link := filepath.Join(dir, e.Name())
		if _, err := os.Lstat(link); strings.HasPrefix(e.Name(), ".") || !errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err := os.Symlink(filepath.Join(stateDir, currentLink, e.Name()), link); err != nil {
			return fmt.Errorf("batch: %w", err)
		}
	}
	return nil
}

// linkTables makes DIR/name a link to .gwr/current/name for each name of
// the current generation (a table file, a partitioned table's directory,
// texts, gwr.json), replacing a regular file or directory an older gwr
// wrote, and removes links of those names to what the generation does not
// hold.
func linkTables(dir string, files []string) error {
	want := map[string]bool{}
	for _, name := range files {
		want[name] = true
		link := filepath.Join(dir, name)
		target := filepath.Join(stateDir, currentLink, name)
		if t, err := os.Readlink(link); err == nil && t == target {
			continue
		}
		if err := retireDir(dir, name); err != nil {
			return err
		}
		tmp := filepath.Join(dir, "."+name+".link-tmp")
		os.Remove(tmp)
		if err := os.Symlink(target, tmp); err != nil {
			return fmt.Errorf("batch: %w", err)
		}
		if err := os.Rename(tmp, link); err != nil {
			os.Remove(tmp)
			return fmt.Errorf("batch: %w", err)
		}
	}
	names := []string{TextsDir, MetaFile}
	for _, t := range tables {
		names = append(names, t.Name)
		for _, f := range schema.Formats {
			names = append(names, t.Name+"."+schema.Ext(f))
		}
	}
	for _, name := range names {
		link := filepath.Join(dir, name)
		if target, err := os.Readlink(link); err == nil && !want[name] && target == filepath.Join(stateDir, currentLink, name) {
			os.Remove(link)
		}
	}
	for _, name := range []string{TextsDir, schema.FactsTable.Name, schema.DocumentsTable.Name, schema.ErrorsTable.Name} {
		if !want[name] {
			if err := retireDir(dir, name); err != nil {
				return err
			}
		}
	}
	return syncDir(dir)
}

// retireDir moves a real directory DIR/name an older gwr wrote (its texts,
// or a partitioned table, now kept in the generations) out of the way,
// into the state directory, and removes it.
func retireDir(dir, name string) error {
	path := filepath.Join(dir, name)
	info, err := os.Lstat(path)
	if err != nil || !info.IsDir() {
		return nil
	}
	old := filepath.Join(dir, stateDir, oldPrefix+name)
	os.RemoveAll(old)
	if err := os.Rename(path, old); err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	return os.RemoveAll(old)
}
