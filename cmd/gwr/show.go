package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/mattn/go-runewidth"

	"github.com/gwrfacts/gwr/cmd/gwr/review"
	"github.com/gwrfacts/gwr/golden/match"
	"github.com/gwrfacts/gwr/schema"
)

func init() {
	register("show", command{"print a document's facts as a table in the terminal", runShow})
}

const showUsage = "usage: gwr show [flags] DOC_OR_FILE   (a report .txt/.html, or a facts file or directory written by gwr extract)"

// runShow prints the facts of one report, or of a facts table, as an
// aligned table: one block per document.
func runShow(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("show", flag.ContinueOnError)
	doc := flags.String("doc", "", "show only document `ID` (default: all, one block per document)")
	kinds := flags.String("kind", "", "comma `list` of kinds to show: target, actual")
	measures := flags.String("measure", "", "comma `list` of measures to show: level, delta, growth")
	units := flags.String("unit", "", "comma `list` of units to show: CNY, percent, count …")
	indicator := flags.String("indicator", "", "show only facts whose indicator matches the `REGEX` (Go syntax)")
	context := flags.Int("context", 12, "characters of context on each side of the mention")
	color := flags.String("color", "auto", "colour: auto (when stdout is a terminal and NO_COLOR is unset), always, never")
	var src sourceFlags
	src.register(flags)
	pos, err := parseInterspersed(flags, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, showUsage+`

Prints the facts as a table: fact id, indicator, value (with its bound:
≥ > ≤ < ≈, a range as low–high), unit, bound, measure, kind, year and the
mention in its context. A report is read and extracted by the code of gwr
extract (same flags --encoding, --max-bytes, --manifest, --indicators); a
report that fails is named on stderr as gwr extract names it, and the exit
status is 1. A facts table (a directory written by gwr extract, flat or
partitioned, or a table file) is read with its documents table; the context
comes from the document text (found as gwr review finds it) or else from
the fact's sentence.

Flags:`)
		flags.SetOutput(stdout)
		flags.PrintDefaults()
		return 0
	}
	var filter factFilter
	switch {
	case err != nil:
	case len(pos) != 1:
		err = fmt.Errorf("want one DOC_OR_FILE argument, got %d", len(pos))
	case *context < 0:
		err = errors.New("--context must not be negative")
	case *color != "auto" && *color != "always" && *color != "never":
		err = fmt.Errorf("unknown --color %q (want auto, always or never)", *color)
	default:
		filter, err = newFactFilter(*kinds, *measures, *units, *indicator)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gwr show: %v (%s)\n", err, showUsage)
		return 2
	}
	warn := func(msg string) { fmt.Fprintf(stderr, "gwr show: %s\n", msg) }
	docs, failed, err := src.load(pos[:1], warn)
	if err != nil {
		fmt.Fprintf(stderr, "gwr show: %v\n", err)
		return 2
	}
	if *doc != "" {
		i := slices.IndexFunc(docs, func(d review.Document) bool { return d.ID == *doc })
		if i < 0 {
			fmt.Fprintf(stderr, "gwr show: %s: no document %q (it has %s)\n", pos[0], *doc, docList(docs))
			return 2
		}
		docs = docs[i : i+1]
	}
	t := tablePrinter{
		w:       stdout,
		color:   useColor(*color, writerIsTerminal(stdout), os.Getenv("NO_COLOR")),
		cond:    runewidth.NewCondition(),
		context: *context,
	}
	total, shown := 0, 0
	for _, d := range docs {
		var facts []schema.Fact
		for _, f := range d.Facts {
			if filter.match(f) {
				facts = append(facts, f)
			}
		}
		total += len(d.Facts)
		shown += len(facts)
		if len(facts) == 0 && filter.active() {
			continue // a document with nothing to show under the filters
		}
		if err := t.print(d, facts); err != nil {
			fmt.Fprintf(stderr, "gwr show: %v\n", err)
			return 2
		}
	}
	if shown == 0 && total > 0 {
		fmt.Fprintf(stderr, "gwr show: none of the %d facts match the filters\n", total)
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// docList names the documents of docs for an error message: all of them,
// or the first five and how many more.
func docList(docs []review.Document) string {
	if len(docs) == 0 {
		return "no documents"
	}
	var ids []string
	for i, d := range docs {
		if i == 5 {
			ids = append(ids, fmt.Sprintf("and %d more", len(docs)-5))
			break
		}
		ids = append(ids, d.ID)
	}
	return strings.Join(ids, ", ")
}

// useColor decides whether gwr show colours its output: always with
// --color always, never with --color never, and with --color auto when
// stdout is a terminal and NO_COLOR is unset or empty (no-color.org).
func useColor(mode string, terminal bool, noColor string) bool {
	switch mode {
	case "always":
		return true
	case "auto":
		return terminal && noColor == ""
	}
	return false
}

// writerIsTerminal reports whether w is a terminal.
func writerIsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isTerminal(f)
}

// factFilter selects facts by kind, measure, unit and indicator; an empty
// set or a nil pattern lets everything through.
type factFilter struct {
	kinds, measures, units map[string]bool
	indicator              *regexp.Regexp
}

func newFactFilter(kinds, measures, units, indicator string) (factFilter, error) {
	var f factFilter
	var err error
	if f.kinds, err = valueSet("--kind", kinds, schema.Kinds); err != nil {
		return f, err
	}
	if f.measures, err = valueSet("--measure", measures, schema.Measures); err != nil {
		return f, err
	}
	if f.units, err = valueSet("--unit", units, schema.Units); err != nil {
		return f, err
	}
	if indicator != "" {
		if f.indicator, err = regexp.Compile(indicator); err != nil {
			return f, fmt.Errorf("--indicator: %v", err)
		}
	}
	return f, nil
}

// valueSet parses a comma list of values of a column; each must be one of
// known.
func valueSet(flagName, list string, known []string) (map[string]bool, error) {
	if list == "" {
		return nil, nil
	}
	set := map[string]bool{}
	for _, v := range strings.Split(list, ",") {
		v = strings.TrimSpace(v)
		if !slices.Contains(known, v) {
			return nil, fmt.Errorf("%s: unknown value %q (want %s)", flagName, v, strings.Join(known, ", "))
		}
		set[v] = true
	}
	return set, nil
}

// active reports whether the filter leaves anything out.
func (ff factFilter) active() bool {
	return ff.kinds != nil || ff.measures != nil || ff.units != nil || ff.indicator != nil
}

func (ff factFilter) match(f schema.Fact) bool {
	return (ff.kinds == nil || ff.kinds[string(f.Kind)]) &&
		(ff.measures == nil || ff.measures[string(f.Measure)]) &&
		(ff.units == nil || ff.units[string(f.Unit)]) &&
		(ff.indicator == nil || ff.indicator.MatchString(f.Indicator))
}

// ANSI styles of the table.
const (
	ansiReset   = "\x1b[0m"
	ansiBold    = "\x1b[1m"
	ansiDim     = "\x1b[2m"
	ansiMention = "\x1b[1;4m"
)

// measureColors colour a fact's value by its measure, as on the review
// page: level blue, delta green, growth yellow.
var measureColors = map[string]string{"level": "\x1b[34m", "delta": "\x1b[32m", "growth": "\x1b[33m"}

// maxIndicator is the widest an indicator is shown, in terminal cells.
const maxIndicator = 24

// tablePrinter prints one block per document.
type tablePrinter struct {
	w       io.Writer
	color   bool
	cond    *runewidth.Condition
	context int
	blocks  int
}

// cell is one table cell: its plain text, which sets the width, and the
// same text with ANSI styles when colour is on.
type cell struct{ plain, styled string }

func (t *tablePrinter) style(s, ansi string) cell {
	if !t.color || ansi == "" || s == "" {
		return cell{s, s}
	}
	return cell{s, ansi + s + ansiReset}
}

// print writes the block of one document: a title line and the table of
// facts (which may be a subset of d.Facts).
func (t *tablePrinter) print(d review.Document, facts []schema.Fact) error {
	var b strings.Builder
	if t.blocks > 0 {
		b.WriteString("\n")
	}
	t.blocks++
	title := d.ID
	if d.Row != nil {
		var meta []string
		for _, s := range []string{d.Row.Region, d.Row.Level, yearString(d.Row.Year), d.Row.DocType} {
			if s != "" && s != "-" {
				meta = append(meta, s)
			}
		}
		if len(meta) > 0 {
			title += "  " + strings.Join(meta, " ")
		}
	}
	n := fmt.Sprintf("%d facts", len(d.Facts))
	if len(facts) != len(d.Facts) {
		n = fmt.Sprintf("%d of %d facts", len(facts), len(d.Facts))
	}
	c := t.style(title, ansiBold)
	b.WriteString(c.styled + "  " + n + "\n")
	if len(facts) == 0 {
		_, err := io.WriteString(t.w, b.String())
		return err
	}
	var runes []rune
	if d.HasText {
		runes = []rune(d.Text)
	}
	header := []string{"#", "indicator", "value", "unit", "bound", "measure", "kind", "year", "mention in context"}
	rows := [][]cell{}
	hr := make([]cell, len(header))
	for i, h := range header {
		hr[i] = t.style(h, ansiBold)
	}
	rows = append(rows, hr)
	for _, f := range facts {
		ind := t.cond.Truncate(oneLine(f.Indicator), maxIndicator, "…")
		rows = append(rows, []cell{
			{strconv.Itoa(int(f.FactID)), strconv.Itoa(int(f.FactID))},
			{ind, ind},
			t.style(review.FormatValue(f), measureColors[string(f.Measure)]),
			{string(f.Unit), string(f.Unit)},
			{string(f.Bound), string(f.Bound)},
			{string(f.Measure), string(f.Measure)},
			{string(f.Kind), string(f.Kind)},
			{yearString(f.Year), yearString(f.Year)},
			t.mentionCell(f, runes),
		})
	}
	widths := make([]int, len(header))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], t.cond.StringWidth(c.plain))
		}
	}
	right := map[int]bool{0: true, 7: true} // numbers align right
	for _, r := range rows {
		var line strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-t.cond.StringWidth(c.plain))
			if i > 0 {
				line.WriteString("  ")
			}
			if i == len(r)-1 {
				line.WriteString(c.styled)
				break
			}
			if right[i] {
				line.WriteString(pad + c.styled)
			} else {
				line.WriteString(c.styled + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	_, err := io.WriteString(t.w, b.String())
	return err
}

// mentionCell shows the mention with up to t.context characters on each
// side, from the document text when it is known (stopping at a line
// break), else from the fact's sentence. The mention is marked 【…】, or
// bold and underlined with colour on.
func (t *tablePrinter) mentionCell(f schema.Fact, runes []rune) cell {
	var before, mention, after string
	if runes != nil && f.Start >= 0 && f.End >= f.Start && int(f.End) <= len(runes) {
		lo := int(f.Start)
		for lo > 0 && int(f.Start)-lo < t.context && runes[lo-1] != '\n' {
			lo--
		}
		hi := int(f.End)
		for hi < len(runes) && hi-int(f.End) < t.context && runes[hi] != '\n' {
			hi++
		}
		before, mention, after = string(runes[lo:f.Start]), string(runes[f.Start:f.End]), string(runes[f.End:hi])
		if lo > 0 && runes[lo-1] != '\n' {
			before = "…" + before
		}
		if hi < len(runes) && runes[hi] != '\n' {
			after += "…"
		}
	} else {
		b4, af, ok := strings.Cut(f.Sentence, f.Mention)
		if !ok || f.Mention == "" {
			b4, af = "", ""
		}
		before, mention, after = lastRunes(b4, t.context), f.Mention, firstRunes(af, t.context)
	}
	before, mention, after = oneLine(before), oneLine(mention), oneLine(after)
	plain := before + match.Open + mention + match.Close + after
	if !t.color {
		return cell{plain, plain}
	}
	return cell{plain, ansiDim + before + ansiReset + ansiMention + mention + ansiReset + ansiDim + after + ansiReset}
}

// lastRunes returns the last n code points of s, after "…" when s is
// longer.
func lastRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n:])
}

// firstRunes returns the first n code points of s, before "…" when s is
// longer.
func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// oneLine replaces line breaks, tabs and other control characters by
// spaces, so a cell stays on one line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

func yearString(y *int32) string {
	if y == nil {
		return "-"
	}
	return strconv.Itoa(int(*y))
}
