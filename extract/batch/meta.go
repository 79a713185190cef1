package batch

// The sidecar of an output directory and the checks --append makes before
// it adds to one.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gwrfacts/gwr/schema"
)

// MetaFile is the sidecar every run writes into its output directory, in
// every format and layout: the metadata Parquet and Arrow files hold in
// their schema (schema version, tool version, rules hash), as one JSON
// object with the same keys, so that JSON Lines and CSV outputs carry it
// too and --append can check it whatever the format.
const MetaFile = "gwr.json"

// writeMeta writes MetaFile into the run's generation, committed with the
// tables (DIR/gwr.json is a link to it, like the tables).
func (o *Output) writeMeta() error {
	b, err := json.MarshalIndent(map[string]string{
		schema.KeySchemaVersion: schema.SchemaVersion,
		schema.KeyToolVersion:   o.meta.ToolVersion,
		schema.KeyRulesHash:     o.meta.RulesHash,
	}, "", "  ")
	if err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	f, err := os.OpenFile(filepath.Join(o.dir, stateDir, o.gen, MetaFile), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	_, err = f.Write(append(b, '\n'))
	if err := errors.Join(err, f.Sync(), f.Close()); err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	return nil
}

// ReadMeta reads the MetaFile of an output directory: the one of its
// committed generation (see Snapshot), or the one an older gwr wrote into
// the directory itself.
func ReadMeta(dir string) (map[string]string, error) {
	b, err := os.ReadFile(filepath.Join(Snapshot(dir), MetaFile))
	if errors.Is(err, fs.ErrNotExist) {
		b, err = os.ReadFile(filepath.Join(dir, MetaFile))
	}
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, MetaFile), err)
	}
	return m, nil
}

// agreement checks, while --append reads them, that the facts and
// documents tables of one format agree: each document once, each fact of
// a document in the documents table, its fact_ids increasing and as many
// as the document's facts column says.
type agreement struct {
	docs  map[string]int32    // doc_id -> facts column
	facts map[string]*factRun // doc_id -> facts seen
}

type factRun struct {
	n, last int32
}

// disagreement is an error found while reading: the file is named by
// the caller.
type disagreement struct{ what string }

func (d *disagreement) Error() string { return d.what }

func (a *agreement) doc(d schema.Document) error {
	if _, dup := a.docs[d.DocID]; dup {
		return &disagreement{fmt.Sprintf("holds document %s twice", d.DocID)}
	}
	a.docs[d.DocID] = d.Facts
	return nil
}

func (a *agreement) fact(f schema.Fact) error {
	r := a.facts[f.DocID]
	if r == nil {
		r = &factRun{}
		a.facts[f.DocID] = r
	}
	if f.FactID <= r.last {
		return &disagreement{fmt.Sprintf("holds fact %d of %s twice (or out of order)", f.FactID, f.DocID)}
	}
	r.n++
	r.last = f.FactID
	return nil
}

// check compares the facts seen with the documents table (read after the
// facts table).
func (a *agreement) check() error {
	for id, r := range a.facts {
		n, ok := a.docs[id]
		if !ok {
			return fmt.Errorf("%d facts of %s, a document the documents table does not hold", r.n, id)
		}
		if r.n != n {
			return fmt.Errorf("%d facts of %s, the documents table says %d", r.n, id, n)
		}
	}
	for id, n := range a.docs {
		if a.facts[id] == nil && n > 0 {
			return fmt.Errorf("no facts of %s, the documents table says %d", id, n)
		}
	}
	return nil
}

// checkSingle checks that the single files in dir can be appended to: all
// three tables in every requested format and in no other, written by the
// same schema, tool and rules, and no partitioned tables beside them.
func (o *Output) checkSingle() error {
	snap := Snapshot(o.dir)
	for _, t := range tables {
		if isDir(filepath.Join(o.dir, t.Name)) {
			return fmt.Errorf("batch: --append: %s holds a partitioned %s table (%s/); append to it with --partition-by",
				o.dir, t.Name, filepath.Join(o.dir, t.Name))
		}
	}
	var present []string
	for _, f := range schema.Formats {
		var have, missing []string
		for _, t := range tables {
			name := filepath.Join(snap, t.Name+"."+schema.Ext(f))
			if exists(name) {
				have = append(have, name)
			} else {
				missing = append(missing, name)
			}
		}
		if len(have) == 0 {
			continue
		}
		present = append(present, f)
		if len(missing) > 0 {
			return fmt.Errorf("batch: --append: %s is missing while %s exists: the output in %s is incomplete", missing[0], have[0], o.dir)
		}
		for _, name := range have {
			if err := o.checkMeta(name); err != nil {
				return err
			}
		}
	}
	return o.checkFormats(present)
}

// checkFormats checks that the formats found in the output directory are
// the requested ones (or that none were found).
func (o *Output) checkFormats(present []string) error {
	if len(present) == 0 {
		return nil
	}
	for _, f := range present {
		if !slices.Contains(o.formats, f) {
			return fmt.Errorf("batch: --append: %s holds %s tables, which this run would leave without its documents; add %s to --format",
				o.dir, f, f)
		}
	}
	for _, f := range o.formats {
		if !slices.Contains(present, f) {
			return fmt.Errorf("batch: --append: %s holds no %s tables, only %s: they could not hold the earlier documents; drop %s from --format",
				o.dir, f, strings.Join(present, ", "), f)
		}
	}
	return nil
}

// checkMeta checks that the Parquet or Arrow file at path was written by
// this schema version, tool version and rule set. Other formats carry no
// metadata and pass.
func (o *Output) checkMeta(path string) error {
	format, _ := schema.FormatOf(path)
	var m map[string]string
	var err error
	if format == schema.FormatParquet || format == schema.FormatArrow {
		m, err = schema.ReadMeta(path)
	} else if m, err = ReadMeta(o.dir); errors.Is(err, fs.ErrNotExist) {
		// JSON Lines and CSV carry no metadata: the sidecar says it
		return fmt.Errorf("batch: --append: %s has no %s, which says which gwr version and rule set wrote %s (gwr before 0.2.0?): extract into a new directory, or again without --append",
			o.dir, MetaFile, path)
	}
	if err != nil {
		return fmt.Errorf("batch: --append: %w", err)
	}
	for _, c := range []struct{ key, want, what string }{
		{schema.KeySchemaVersion, schema.SchemaVersion, "schema version"},
		{schema.KeyToolVersion, o.meta.ToolVersion, "gwr version"},
		{schema.KeyRulesHash, o.meta.RulesHash, "rule set"},
	} {
		if got := m[c.key]; got != c.want {
			return fmt.Errorf("batch: --append: %s was written with %s %q, this run has %q: extract into a new directory, or again without --append",
				path, c.what, got, c.want)
		}
	}
	return nil
}
