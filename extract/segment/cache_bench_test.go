package segment

import (
	"path/filepath"
	"testing"
)

// BenchmarkPlaceDicts compares putting the real dictionaries on disk for
// one load: from a filled cache (checked against the embedded bytes) and
// written to a temporary directory that is then removed (the fallback).
func BenchmarkPlaceDicts(b *testing.B) {
	files, err := dictSet()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("cache", func(b *testing.B) {
		root := filepath.Join(b.TempDir(), "gwr")
		if _, err := cacheDicts(root, files); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := cacheDicts(root, files); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("temp", func(b *testing.B) {
		b.Setenv("TMPDIR", b.TempDir())
		b.ReportAllocs()
		for b.Loop() {
			_, done, err := tempDicts(files)
			if err != nil {
				b.Fatal(err)
			}
			done()
		}
	})
}
