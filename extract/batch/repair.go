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

// Repair rewrites the tables of dir so that they agree: from the format
// whose tables agree for the most documents, every document whose rows
// agree (one documents row, its facts numbered in order, together, and as
// many as the row says) is kept with its facts and its text, and written
// in every format dir holds, in the same layout (single files or the same
// partitioning), as one new generation; the error rows of that format are
// kept. It works under the lock, like a run, and removes what killed runs
// left. It reports the documents it left out, so that their inputs can be
// extracted again with --append. A directory written by an older gwr
// (without generations) comes out in generations.
func Repair(dir string, wait context.Context, waiting func(holder string)) (*RepairReport, error) {
	m, err := ReadMeta(dir)
	if err != nil {
		return nil, fmt.Errorf("batch: %s: no %s to tell which gwr wrote the tables (%v): extract the inputs again into it", dir, MetaFile, err)
	}
	meta := schema.Meta{ToolVersion: m[schema.KeyToolVersion], RulesHash: m[schema.KeyRulesHash]}
	formats, keys := repairLayout(Snapshot(dir))
	if len(formats) == 0 {
		return nil, fmt.Errorf("batch: %s holds no gwr tables", dir)
	}
	o, err := Create(dir, formats, meta, CreateOptions{PartitionBy: keys, Wait: wait, Waiting: waiting, repair: true})
	if err != nil {
		return nil, err
	}
	defer o.Abort()
	snap := Snapshot(dir) // under the lock now
	if f, k := repairLayout(snap); !slices.Equal(f, formats) || !slices.Equal(k, keys) {
		return nil, fmt.Errorf("batch: repair: %s was rewritten by another run while this one waited: run gwr repair again", dir)
	}
	files := func(t *schema.Table, f string) []string {
		if keys == nil {
			if p := filepath.Join(snap, t.Name+"."+schema.Ext(f)); exists(p) {
				return []string{p}
			}
			return nil
		}
		all, _ := partFiles(filepath.Join(snap, t.Name))
		return slices.DeleteFunc(all, func(p string) bool { g, _ := schema.FormatOf(p); return g != f })
	}
	checks := map[string]map[string]*docCheck{}
	order := &idOrder{seen: map[string]bool{}}
	source, best := "", -1
	for _, f := range formats {
		c, err := checkFormat(func(t *schema.Table) []string { return files(t, f) }, order)
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
	if err := o.keepTexts(snap, keep); err != nil {
		return nil, err
	}
	scan := func(t *schema.Table, fn func(rows any) error) error {
		for _, p := range files(t, source) {
			if err := t.Scan(p, fn); err != nil {
				return fmt.Errorf("batch: repair: reading %s: %w", p, err)
			}
		}
		return nil
	}
	if keys == nil {
		for _, t := range tables {
			err := scan(t, func(rows any) error {
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
				return nil, err
			}
		}
	} else if err := repairParts(o, scan, keep, rep); err != nil {
		return nil, err
	}
	if err := o.Commit(); err != nil {
		return nil, err
	}
	return rep, nil
}

// repairLayout returns the formats of the tables in snap and, when they
// are partitioned, the partition keys (nil for single files).
func repairLayout(snap string) (formats, keys []string) {
	for _, f := range schema.Formats {
		for _, t := range tables {
			if exists(filepath.Join(snap, t.Name+"."+schema.Ext(f))) {
				formats = append(formats, f)
				break
			}
		}
	}
	if len(formats) > 0 {
		return formats, nil
	}
	for _, t := range tables {
		parts, _ := partFiles(filepath.Join(snap, t.Name))
		for _, p := range parts {
			if f, _ := schema.FormatOf(p); !slices.Contains(formats, f) {
				formats = append(formats, f)
			}
			if rel, err := filepath.Rel(filepath.Join(snap, t.Name), p); err == nil && t != schema.ErrorsTable && keys == nil {
				keys = keysOf(rel)
			}
		}
	}
	if len(formats) > 0 && len(keys) == 0 {
		keys = PartitionBy // errors only: any partitioning reads alike
	}
	slices.SortFunc(formats, func(a, b string) int { return slices.Index(schema.Formats, a) - slices.Index(schema.Formats, b) })
	return formats, keys
}

// repairParts writes the kept documents of the source format, with their
// facts, and its error rows, into the partitioned output o.
func repairParts(o *Output, scan func(*schema.Table, func(any) error) error, keep map[string]bool, rep *RepairReport) error {
	docs := map[string]*schema.Document{}
	var ids []string
	err := scan(schema.DocumentsTable, func(rows any) error {
		for _, d := range rows.([]schema.Document) {
			if keep[d.DocID] {
				docs[d.DocID] = &d
				ids = append(ids, d.DocID)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	// a kept document's facts are together (checkFormat): each run of
	// them is one document's rows
	var run []schema.Fact
	done := map[string]bool{}
	flush := func() error {
		if len(run) == 0 {
			return nil
		}
		id := run[0].DocID
		done[id] = true
		rep.Facts += len(run)
		err := o.Add(Result{Doc: docs[id], Facts: run})
		run = nil
		return err
	}
	err = scan(schema.FactsTable, func(rows any) error {
		for _, f := range rows.([]schema.Fact) {
			if !keep[f.DocID] {
				continue
			}
			if len(run) > 0 && run[0].DocID != f.DocID {
				if err := flush(); err != nil {
					return err
				}
			}
			run = append(run, f)
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return err
	}
	for _, id := range ids {
		if !done[id] {
			if err := o.Add(Result{Doc: docs[id]}); err != nil {
				return err
			}
		}
	}
	return scan(schema.ErrorsTable, func(rows any) error {
		for _, e := range rows.([]schema.ErrorRow) {
			if err := o.Add(Result{Err: &e}); err != nil {
				return err
			}
		}
		return nil
	})
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

// checkFormat reads the documents and facts tables of one format (files
// gives a table's files) and says, for each doc_id either names, whether
// its rows agree. It adds the doc_ids it sees to order.
func checkFormat(files func(*schema.Table) []string, order *idOrder) (map[string]*docCheck, error) {
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
	last := "" // the document of the fact before
	for _, t := range []*schema.Table{schema.DocumentsTable, schema.FactsTable} {
		for _, path := range files(t) {
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
						if fa.FactID <= c.last || c.seen > 0 && last != fa.DocID {
							c.outOfOrder = true // twice, out of order, or apart
						}
						c.seen++
						c.last = fa.FactID
						last = fa.DocID
					}
				}
				return nil
			})
			if err != nil {
				return nil, fmt.Errorf("batch: repair: reading %s: %w", path, err)
			}
		}
	}
	return checks, nil
}
