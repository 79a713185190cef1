package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gwrfacts/gwr/cmd/gwr/panel"
	"github.com/gwrfacts/gwr/extract/batch"
	"github.com/gwrfacts/gwr/extract/taxonomy"
	"github.com/gwrfacts/gwr/schema"
)

func init() {
	register("panel", command{"targets against outcomes: one row per region, year and indicator code", runPanel})
}

const panelUsage = "usage: gwr panel [-o DIR] [--format LIST] [--html FILE] [--indicators FILE] TABLES...   (TABLES: directories written by gwr extract, flat or partitioned)"

func runPanel(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("panel", flag.ContinueOnError)
	out := flags.String("o", "", "output `DIR`: DIR/panel.<ext> and DIR/panel_conflicts.<ext> for each format")
	formats := flags.String("format", "parquet", "comma list of output formats: parquet, arrow, jsonl, csv")
	html := flags.String("html", "", "write a self-contained page of the panel to `FILE`: a region's targets against its outcomes over the years, a year's regions × indicators coloured by met/missed")
	indicators := flags.String("indicators", "", "the taxonomy `FILE` given to gwr extract --indicators, for the names and directions of its codes")
	quiet := flags.Bool("quiet", false, "no summary line on stderr")
	pos, err := parseInterspersed(flags, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, panelUsage+"\n\n"+
			"Reads the documents and facts tables of each TABLES directory and writes the panel: one row per\n"+
			"(region_code, year, indicator_code) with the target the report of that year set, the outcome a\n"+
			"later report stated and whether it was met; the facts not picked go to panel_conflicts.\n"+
			"Columns and rules: docs/panel.md.\n\nFlags:")
		flags.SetOutput(stdout)
		flags.PrintDefaults()
		return 0
	}
	var fmts []string
	switch {
	case err != nil:
	case len(pos) == 0:
		err = errors.New("no TABLES given")
	case *out == "" && *html == "":
		err = errors.New("give -o DIR, --html FILE or both")
	default:
		fmts = strings.Split(*formats, ",")
		for _, f := range fmts {
			if !slices.Contains(schema.Formats, f) {
				err = fmt.Errorf("unknown format %q in --format (want %s)", f, strings.Join(schema.Formats, ", "))
			}
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "gwr panel: %v (%s)\n", err, panelUsage)
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "gwr panel: %v\n", err)
		return 2
	}
	tax := taxonomy.Default()
	if *indicators != "" {
		if tax, err = taxonomy.Load(*indicators); err != nil {
			return fail(err)
		}
	}
	var docs []schema.Document
	var facts []schema.Fact
	for _, dir := range pos {
		d, f, err := readExtractDir(dir)
		if err != nil {
			return fail(err)
		}
		docs, facts = append(docs, d...), append(facts, f...)
	}
	res := panel.Build(docs, facts, tax)
	if *out != "" {
		if err := writePanel(*out, fmts, res); err != nil {
			return fail(err)
		}
	}
	if *html != "" {
		if err := writeAtomic(*html, func(w io.Writer) error { return panel.WriteHTML(w, res.Rows) }); err != nil {
			return fail(err)
		}
	}
	if !*quiet {
		fmt.Fprintln(stderr, panelSummary(res, *out, *html))
	}
	return 0
}

// readExtractDir reads the documents and facts of a directory written by
// gwr extract (any layout and format, as batch.Open reads it).
func readExtractDir(dir string) ([]schema.Document, []schema.Fact, error) {
	d, err := batch.Open(dir)
	if err != nil {
		return nil, nil, err
	}
	if !d.Has(schema.DocumentsTable) {
		return nil, nil, fmt.Errorf("%s: no documents table beside the facts: give the directory written by gwr extract", dir)
	}
	docs, err := d.Documents()
	if err != nil {
		return nil, nil, err
	}
	facts, err := d.Facts()
	if err != nil {
		return nil, nil, err
	}
	return docs, facts, nil
}

// writePanel writes DIR/panel.<ext> and DIR/panel_conflicts.<ext> for each
// format, each under a temporary name renamed into place when complete.
func writePanel(dir string, formats []string, res panel.Result) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	meta := schema.Meta{ToolVersion: Version}
	for _, f := range formats {
		for _, t := range []struct {
			table *schema.Table
			rows  any
		}{{schema.PanelTable, res.Rows}, {schema.ConflictsTable, res.Conflicts}} {
			path := filepath.Join(dir, t.table.Name+"."+schema.Ext(f))
			err := writeAtomic(path, func(w io.Writer) error {
				rw, err := schema.NewWriter(f, t.table, meta, w)
				if err != nil {
					return err
				}
				if err := rw.Write(t.rows); err != nil {
					rw.Close()
					return err
				}
				return rw.Close()
			})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// writeAtomic writes path through write into a temporary file beside it,
// renamed into place when complete.
func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// panelSummary is the line printed at the end of a run.
func panelSummary(res panel.Result, out, html string) string {
	s := res.Stats
	var dest []string
	if out != "" {
		dest = append(dest, out)
	}
	if html != "" {
		dest = append(dest, html)
	}
	return fmt.Sprintf("gwr panel: %d documents (%d without region code, %d without year), %d rows: %d targets, %d outcomes, %d met, %d missed; %d conflicts (%d disagree) -> %s",
		s.Documents, s.NoRegion, s.NoYear, len(res.Rows), s.Targets, s.Actuals, s.Met, s.Missed, len(res.Conflicts), s.Disagreements, strings.Join(dest, ", "))
}
