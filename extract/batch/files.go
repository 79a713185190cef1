package batch

// Small file-system helpers of the output layouts.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gwrfacts/gwr/schema"
)

// publish makes the temporary file tmp the file final, readable by all as
// a file written with os.Create would be. With replace false an existing
// final is kept and tmp removed.
func publish(tmp, final string, replace bool) error {
	if !replace && exists(final) {
		return os.Remove(tmp)
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	if err := os.Rename(tmp, final); err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	return nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	defer d.Close()
	d.Sync() // best effort: some file systems do not sync directories
	return nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// partFiles lists the part files under dir (none if dir does not exist),
// sorted: files named part-* with a known extension, outside hidden
// directories. dir may be a link to a directory (DIR/facts is one, to the
// committed generation's).
func partFiles(dir string) ([]string, error) {
	root := dir
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		root += string(filepath.Separator) // walked through the link
	}
	var found []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == root {
			return filepath.SkipDir
		}
		if err != nil {
			return fmt.Errorf("batch: %w", err)
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if _, ok := schema.FormatOf(p); ok && !d.IsDir() && strings.HasPrefix(d.Name(), "part-") {
			found = append(found, p)
		}
		return nil
	})
	sort.Strings(found)
	return found, err
}
