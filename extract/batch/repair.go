package batch

// gwr repair: an output directory whose tables disagree (written by an
// older gwr killed while renaming them, or edited by hand) brought back to
// tables that agree.

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"

	"github.com/gwrfacts/gwr/schema"
)

// RepairReport says what Repair did.
type RepairReport struct {
	Formats []string // the formats of the directory, all rewritten
	Source  string   // the format whose rows were kept: the one that agreed for most documents
	Kept    int      // documents kept, with their facts
	Facts   int      // facts kept
	// Dropped are the documents left out, each once: their rows disagreed
	// (twice in a table, facts missing, out of order or more than the row
	// says) or the source format lacks them. DroppedPaths are their inputs'
	// paths as their rows name them (one per path, sorted), to be extracted
	// again with --append; Dropped also holds doc_ids known only from
	// facts, whose path no table tells.
	Dropped      []string
	DroppedPaths []string
}

// docCheck is what one format's tables say of one document.
type docCheck struct {
	rows       int   // rows in the documents table
	facts      int32 // its facts column
	path       string
	seen, last int32 // facts in the facts table, the last fact_id
	outOfOrder bool
}

func (c *docCheck) ok() bool {
	return c.rows == 1 && !c.outOfOrder && c.seen == c.facts
}

// Repair rewrites the single-file tables of dir so that they agree: from
// the format whose tables agree for the most documents, every document
// whose rows agree (one documents row, its facts numbered in order and as
// many as the row says) is kept with its facts, and written in every
// format dir holds, as one new generation; the error rows of that format
// are kept. It works under the lock, like a run, and removes what killed
// runs left. It reports the documents it left out, so that their inputs
// can be extracted again with --append. A directory written by an older
// gwr (plain files) comes out in generations.
func Repair(dir string, wait context.Context, waiting func(holder string)) (*RepairReport, error) {
	for _, t := range tables {
		if isDir(filepath.Join(dir, t.Name)) {
			return nil, fmt.Errorf("batch: %s holds partitioned tables (%s/): gwr repair rewrites single-file tables only; a partitioned run already removes parts a killed run left", dir, t.Name)
		}
	}
	m, err := ReadMeta(dir)
	if err != nil {
		return nil, fmt.Errorf("batch: %s: no %s to tell which gwr wrote the tables (%v): extract the inputs again into it", dir, MetaFile, err)
	}
	meta := schema.Meta{ToolVersion: m[schema.KeyToolVersion], RulesHash: m[schema.KeyRulesHash]}
	var formats []string
	snap := Snapshot(dir)
	for _, f := range schema.Formats {
		for _, t := range tables {
			if exists(filepath.Join(snap, t.Name+"."+schema.Ext(f))) {
				formats = append(formats, f)
				break
			}
		}
	}
	if len(formats) == 0 {
		return nil, fmt.Errorf("batch: %s holds no gwr tables", dir)
	}
	o, err := Create(dir, formats, meta, CreateOptions{Wait: wait, Waiting: waiting})
	if err != nil {
		return nil, err
	}
	defer o.Abort()
	snap = Snapshot(dir) // under the lock now
	checks := map[string]map[string]*docCheck{}
	order := &idOrder{seen: map[string]bool{}}
	source, best := "", -1
	for _, f := range formats {
		c, err := checkFormat(snap, f, order)
		if err != nil {
			return nil, err
		}
		checks[f] = c
		n := 0
		for _, d := range c {
			if d.ok() {
				n++
			}
		}
		if n > best {
			source, best = f, n
		}
	}
	keep := map[string]bool{}
	for id, d := range checks[source] {
		if d.ok() {
			keep[id] = true
		}
	}
	rep := &RepairReport{Formats: formats, Source: source, Kept: len(keep)}
	paths := map[string]bool{}
	for _, id := range order.ids {
		if keep[id] {
			continue
		}
		rep.Dropped = append(rep.Dropped, id)
		for _, f := range formats {
			if d := checks[f][id]; d != nil && d.path != "" {
				paths[d.path] = true
			}
		}
	}
	rep.DroppedPaths = slices.Sorted(maps.Keys(paths))
	for _, t := range tables {
		name := t.Name + "." + schema.Ext(source)
		if !exists(filepath.Join(snap, name)) {
			continue
		}
		err := t.Scan(filepath.Join(snap, name), func(rows any) error {
			switch rows := rows.(type) {
			case []schema.Document:
				rows = slices.DeleteFunc(slices.Clone(rows), func(d schema.Document) bool { return !keep[d.DocID] })
				return o.writeAll(t, rows)
			case []schema.Fact:
				rows = slices.DeleteFunc(slices.Clone(rows), func(f schema.Fact) bool { return !keep[f.DocID] })
				rep.Facts += len(rows)
				return o.writeAll(t, rows)
			}
			return o.writeAll(t, rows)
		})
		if err != nil {
			return nil, fmt.Errorf("batch: repair: reading %s: %w", filepath.Join(snap, name), err)
		}
	}
	if err := o.Commit(); err != nil {
		return nil, err
	}
	return rep, nil
}

// writeAll writes rows of table t in every format of the output.
func (o *Output) writeAll(t *schema.Table, rows any) error {
	for _, tf := range o.single {
		if tf.table == t {
			if err := tf.w.Write(rows); err != nil {
				return fmt.Errorf("batch: repair: %w", err)
			}
		}
	}
	return nil
}

// idOrder lists doc_ids in the order first seen.
type idOrder struct {
	ids  []string
	seen map[string]bool
}

// checkFormat reads the documents and facts tables of format f in snap
// and says, for each doc_id either names, whether its rows agree. It
// adds the doc_ids it sees to order.
func checkFormat(snap, f string, order *idOrder) (map[string]*docCheck, error) {
	checks := map[string]*docCheck{}
	get := func(id string) *docCheck {
		c := checks[id]
		if c == nil {
			c = &docCheck{}
			checks[id] = c
			if !order.seen[id] {
				order.seen[id] = true
				order.ids = append(order.ids, id)
			}
		}
		return c
	}
	for _, t := range []*schema.Table{schema.DocumentsTable, schema.FactsTable} {
		path := filepath.Join(snap, t.Name+"."+schema.Ext(f))
		if !exists(path) {
			continue
		}
		err := t.Scan(path, func(rows any) error {
			switch rows := rows.(type) {
			case []schema.Document:
				for _, d := range rows {
					c := get(d.DocID)
					c.rows++
					c.facts, c.path = d.Facts, d.Path
				}
			case []schema.Fact:
				for _, fa := range rows {
					c := get(fa.DocID)
					if fa.FactID <= c.last {
						c.outOfOrder = true
					}
					c.seen++
					c.last = fa.FactID
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("batch: repair: reading %s: %w", path, err)
		}
	}
	return checks, nil
}
