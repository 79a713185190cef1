package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/extract"
)

func init() {
	register("explain", command{"list every number of a report and what became of it", runExplain})
}

const explainUsage = "usage: gwr explain [flags] INPUT..."

// runExplain prints one line per numeric candidate of a report, in text
// order, in the style of go/scanner's error list: FILE:LINE:COL: then the
// candidate and either the fact it became (its rule and the named decision
// of each question) or why it was dropped.
func runExplain(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("explain", flag.ContinueOnError)
	var read readFlags
	read.register(flags)
	pos, err := parseInterspersed(flags, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, explainUsage+`

Runs the extractor on reports as gwr extract does - the same inputs (.txt,
.htm/.html, .docx, .pdf, .zip archives, directories, or - for standard
input) and the same --manifest - and prints, for every numeric candidate in
the text, in order, what happened to it:

  FILE:LINE:COL: 12万吨: fact 1 (rule point): delta -120000 t eq; cue 压降 [first-cue]; …
  FILE:LINE:COL: 2024年: dropped (rule reject-date): claimed by reject rule reject-date: …

A fact lists the answer to each question with the name of the decision
that gave it: cue, indicator, measure, sign, hedge, time (kind and year).
A dropped candidate names the rule or the check that rejected it; a run of
digits that no rule matched is listed too. LINE and COL count code points
from 1; FILE is ARCHIVE:MEMBER for a member of a zip archive. A report that
cannot be read is named on stderr and costs only itself (exit 1).

Flags:`)
		flags.SetOutput(stdout)
		flags.PrintDefaults()
		return 0
	}
	if err == nil && len(pos) == 0 {
		err = errors.New("want at least one FILE argument")
	}
	var opt corpus.Options
	if err == nil {
		opt, err = read.options()
	}
	if err != nil {
		fmt.Fprintf(stderr, "gwr explain: %v (%s)\n", err, explainUsage)
		return 2
	}
	inputs, err := corpus.Discover(pos)
	if err != nil {
		fmt.Fprintf(stderr, "gwr explain: %v\n", err)
		return 2
	}
	x, err := read.extractor()
	if err != nil {
		fmt.Fprintf(stderr, "gwr explain: %v\n", err)
		return 2
	}
	status := 0
	for _, in := range inputs {
		name := corpus.SafeName(in.Path)
		if in.Path == corpus.StdinPath {
			name = "<stdin>"
		}
		if in.Member != "" {
			name += ":" + corpus.SafeName(in.Member)
		}
		doc, err := corpus.Load(in, opt)
		if err != nil {
			fmt.Fprintf(stderr, "gwr explain: %s: %s\n", name, reason(in.Path, err.Error()))
			status = 1
			continue
		}
		cands, err := x.Explain(extract.Document{ID: doc.ID, Text: doc.Text, HTML: doc.HTML, PlanYear: doc.Meta.Year})
		lines := newLineIndex(doc.Text)
		for _, c := range cands {
			line, col := lines.position(c.Start)
			fmt.Fprintf(stdout, "%s:%d:%d: %s\n", name, line, col, oneLine(c.String()))
		}
		if err != nil {
			fmt.Fprintf(stderr, "gwr explain: %s: %v\n", name, err)
			status = 1
		}
	}
	return status
}

// lineIndex turns a code-point offset into a line and column, both from 1,
// the way go/token computes a position only when it is shown.
type lineIndex struct {
	starts []int // code-point offset of the start of each line
}

func newLineIndex(text string) lineIndex {
	x := lineIndex{starts: []int{0}}
	i := 0
	for _, r := range text {
		i++
		if r == '\n' {
			x.starts = append(x.starts, i)
		}
	}
	return x
}

func (x lineIndex) position(offset int) (line, col int) {
	n := len(x.starts)
	for n > 1 && x.starts[n-1] > offset {
		n--
	}
	return n, offset - x.starts[n-1] + 1
}
