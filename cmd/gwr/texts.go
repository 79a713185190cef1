package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/gwrfacts/gwr/extract/batch"
)

// textSink keeps, beside the tables, the text of each document that was
// not read from a plain .txt or .html file (a Word file, a PDF, an archive
// member): DIR/<doc_id>.txt, so that text[start:end] == mention can be
// checked for every document. Files are written under hidden temporary
// names and renamed into place by commit, with the tables.
type textSink struct {
	batch.Sink
	dir     string
	pending [][2]string // temporary and final names
}

func (s *textSink) Add(r batch.Result) error {
	if r.Doc != nil && r.OwnText {
		if err := os.MkdirAll(s.dir, 0o755); err != nil {
			return err
		}
		name := batch.TextFile(r.Doc.DocID)
		f, err := os.CreateTemp(s.dir, "."+name+".tmp-*")
		if err != nil {
			return err
		}
		_, err = f.WriteString(r.Text)
		if serr := f.Sync(); err == nil {
			err = serr
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		s.pending = append(s.pending, [2]string{f.Name(), filepath.Join(s.dir, name)})
		if err != nil {
			return fmt.Errorf("--text-dir: %w", err)
		}
	}
	return s.Sink.Add(r)
}

// commit renames the texts into place.
func (s *textSink) commit() error {
	for _, p := range s.pending {
		if err := os.Rename(p[0], p[1]); err != nil {
			return fmt.Errorf("--text-dir: %w", err)
		}
	}
	s.pending = nil
	return nil
}

// abort removes the texts not committed.
func (s *textSink) abort() {
	for _, p := range s.pending {
		os.Remove(p[0])
	}
	s.pending = nil
}
