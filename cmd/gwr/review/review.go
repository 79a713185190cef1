package review

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/schema"
)

// Document is one report shown on the page.
type Document struct {
	// ID is the document's id, as in the facts' doc_id.
	ID string
	// Row is the document's row of the documents table; nil when unknown.
	// Its region, level, year and doc_type are shown under the title.
	Row *schema.Document
	// Text is the document text the facts' offsets point into (SPEC
	// section 2). It is used only when HasText is set.
	Text string
	// HasText says whether Text is the document text. Without it each fact
	// is shown in its sentence.
	HasText bool
	// Facts are the document's facts, in any order.
	Facts []schema.Fact
}

// Options control Write.
type Options struct {
	// Title is the page title; "" gives "gwr review".
	Title string
	// Generator names the program that wrote the page, such as
	// "gwr 0.1.0"; it is shown in the footer.
	Generator string
}

var (
	//go:embed assets/page.html
	pageHTML string
	//go:embed assets/review.css
	pageCSS string
	//go:embed assets/review.js
	pageJS string

	pageTemplate = template.Must(template.New("page").Parse(pageHTML))
)

// Write writes the review page of docs to w. Documents are shown in the
// order given, the first one open.
func Write(w io.Writer, docs []Document, opt Options) error {
	p := build(docs, opt)
	bw := bufio.NewWriterSize(w, 1<<16)
	if err := pageTemplate.Execute(bw, p); err != nil {
		return fmt.Errorf("review: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("review: %w", err)
	}
	return nil
}

// page is the data of the page template.
type page struct {
	Title, Generator string
	// Key names the page's corrections in the browser's local storage: a
	// hash of its documents and facts, so that a page written again for
	// the same facts finds them and one for other facts does not.
	Key       string
	CSS       template.CSS
	FilterCSS template.CSS
	JS        template.JS
	Total     int
	// Kinds, Bounds, Measures and Units are the choices of the correction
	// form (schema's lists).
	Kinds, Bounds, Measures, Units []string
	Counts                         []countGroup
	Filters                        []countGroup
	Docs                           []docView
}

// docView is one document on the page.
type docView struct {
	Anchor   string // id of its <section>
	ID       string
	Meta     string
	Active   bool
	HasText  bool // facts can be added by selecting text only then
	Segments []segment
	Rows     []*row
	Counts   []countGroup
}

// segment is a piece of the shown text: plain text, or the highlight of
// one fact. In sentence mode (no document text) Break starts a new line
// before the segment.
type segment struct {
	Text  string
	Fact  *row
	Break bool
}

// row is one fact as shown: the highlight's attributes and the side
// table's cells.
type row struct {
	HID, RID   string // ids of the highlight and of the table row
	Class      string // tokens k-<kind> m-<measure> u-<unit>
	Doc        string
	FactID     string
	Mention    string
	Indicator  string
	Value      string
	Unit       string
	UnitText   string
	Classifier string
	Bound      string
	Measure    string
	Kind       string
	Year       string
	Cue        string
	Hedge      string
	Rule       string
	Sentence   string
	Start, End int32  // code-point offsets into the text
	Low, High  string // value_low and value_high as JSON numbers
	Span       string // "[start, end)"
	Title      string // the hover tooltip
	Odd        string // why the highlight is not exactly text[start:end]; "" when it is
}

// countGroup is a list of counts under one heading: by kind, measure or
// unit.
type countGroup struct {
	Name   string
	Counts []count
}

// count is the number of facts with one value of a field. Token is the
// CSS class token of the value (k-target, u-CNY …).
type count struct {
	Value, Token string
	N            int
}

func build(docs []Document, opt Options) page {
	p := page{Title: opt.Title, Generator: opt.Generator, CSS: template.CSS(pageCSS), JS: template.JS(pageJS),
		Kinds: schema.Kinds, Bounds: schema.Bounds, Measures: schema.Measures, Units: schema.Units}
	if p.Title == "" {
		p.Title = "gwr review"
	}
	ids := newIDs()
	key := sha256.New()
	var all []schema.Fact
	for i, d := range docs {
		v := docView{Anchor: ids.unique("d-" + idPart(d.ID)), ID: d.ID, Active: i == 0, HasText: d.HasText, Meta: docMeta(d.Row)}
		facts := slices.Clone(d.Facts)
		sort.SliceStable(facts, func(a, b int) bool {
			if facts[a].Start != facts[b].Start {
				return facts[a].Start < facts[b].Start
			}
			return facts[a].End < facts[b].End
		})
		v.Rows = make([]*row, len(facts))
		for j, f := range facts {
			v.Rows[j] = newRow(d.ID, f, ids)
			fmt.Fprintf(key, "%s\x00%d\x00%d\x00%d\n", d.ID, f.FactID, f.Start, f.End)
		}
		if d.HasText {
			v.Segments = splitText(d.Text, facts, v.Rows)
		} else {
			v.Segments = splitSentences(facts, v.Rows)
		}
		v.Counts = countFacts(facts)
		p.Docs = append(p.Docs, v)
		all = append(all, facts...)
	}
	p.Key = "gwr-review-" + hex.EncodeToString(key.Sum(nil))[:16]
	p.Total = len(all)
	p.Counts = countFacts(all)
	p.Filters = p.Counts
	p.FilterCSS = template.CSS(filterCSS(p.Counts))
	return p
}

// docMeta describes a document's row in one line: region, level, year and
// type, those known.
func docMeta(r *schema.Document) string {
	if r == nil {
		return ""
	}
	var parts []string
	for _, s := range []string{r.Region, r.Level} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if r.Year != nil {
		parts = append(parts, strconv.Itoa(int(*r.Year)))
	}
	if r.DocType != "" {
		parts = append(parts, r.DocType)
	}
	parts = append(parts, fmt.Sprintf("%d characters", r.Chars))
	return strings.Join(parts, " · ")
}

func newRow(doc string, f schema.Fact, ids *idSet) *row {
	hid := ids.unique("f-" + idPart(doc) + "-" + strconv.Itoa(int(f.FactID)))
	r := &row{
		HID:        hid,
		RID:        "r" + hid[1:],
		Class:      tokens(f),
		Doc:        doc,
		FactID:     strconv.Itoa(int(f.FactID)),
		Mention:    f.Mention,
		Indicator:  f.Indicator,
		Value:      FormatValue(f),
		Unit:       string(f.Unit),
		UnitText:   f.UnitText,
		Classifier: f.Classifier,
		Bound:      string(f.Bound),
		Measure:    string(f.Measure),
		Kind:       string(f.Kind),
		Year:       "",
		Cue:        f.Cue,
		Hedge:      f.Hedge,
		Rule:       f.Rule,
		Sentence:   f.Sentence,
		Start:      f.Start,
		End:        f.End,
		Low:        strconv.FormatFloat(f.ValueLow, 'f', -1, 64),
		High:       strconv.FormatFloat(f.ValueHigh, 'f', -1, 64),
		Span:       fmt.Sprintf("[%d, %d)", f.Start, f.End),
	}
	if f.Year != nil {
		r.Year = strconv.Itoa(int(*f.Year))
	}
	ind := f.Indicator
	if ind == "" {
		ind = "(no indicator)"
	}
	year := r.Year
	if year == "" {
		year = "no year"
	}
	r.Title = fmt.Sprintf("%s: %s\n%s · %s · %s · %s", ind, r.Value, f.Kind, f.Measure, f.Bound, year)
	return r
}

// splitText cuts text at the boundaries of facts (sorted by start) into
// plain and highlighted segments; rows are the facts' rows. A span before
// the end of the previous highlight starts where that one ends; a span
// outside the text is clipped to it.
func splitText(text string, facts []schema.Fact, rows []*row) []segment {
	// Offsets are code points: index the rune starts once.
	starts := make([]int, 0, len(text)+1)
	for i := range text {
		starts = append(starts, i)
	}
	n := len(starts)
	starts = append(starts, len(text))
	var segs []segment
	pos := 0
	for i, f := range facts {
		s := clamp(int(f.Start), 0, n)
		e := clamp(int(f.End), 0, n)
		r := rows[i]
		switch {
		case int(f.Start) < 0 || int(f.End) > n || f.End < f.Start:
			r.Odd = fmt.Sprintf("span %s is outside the text (%d code points)", r.Span, n)
		case s < pos:
			r.Odd = "span overlaps the previous fact; highlight clipped"
		}
		s = max(s, pos)
		e = max(e, s)
		if r.Odd == "" && text[starts[s]:starts[e]] != f.Mention {
			r.Odd = fmt.Sprintf("text at %s is %q, not the mention", r.Span, text[starts[s]:starts[e]])
		}
		if s > pos {
			segs = append(segs, segment{Text: text[starts[pos]:starts[s]]})
		}
		segs = append(segs, segment{Text: text[starts[s]:starts[e]], Fact: r})
		pos = e
	}
	if pos < n {
		segs = append(segs, segment{Text: text[starts[pos]:]})
	}
	for _, r := range rows {
		if r.Odd != "" {
			r.Class += " odd"
			r.Title += "\n" + r.Odd
		}
	}
	return segs
}

// splitSentences shows each fact in its sentence, the mention (its first
// occurrence there) highlighted, one sentence per line.
func splitSentences(facts []schema.Fact, rows []*row) []segment {
	var segs []segment
	for i, f := range facts {
		before, after, ok := strings.Cut(f.Sentence, f.Mention)
		if f.Mention == "" || !ok {
			before, after = f.Sentence+" ", ""
		}
		segs = append(segs,
			segment{Text: before, Break: i > 0},
			segment{Text: f.Mention, Fact: rows[i]},
			segment{Text: after})
	}
	return segs
}

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }

// tokens returns the CSS class tokens of a fact: k-<kind> m-<measure>
// u-<unit> y-<year> h-<hedge>.
func tokens(f schema.Fact) string {
	return "k-" + token(string(f.Kind)) + " m-" + token(string(f.Measure)) + " u-" + token(string(f.Unit)) +
		" y-" + token(yearOf(f)) + " h-" + token(f.Hedge)
}

// yearOf returns a fact's year as text, "" when it has none.
func yearOf(f schema.Fact) string {
	if f.Year == nil {
		return ""
	}
	return strconv.Itoa(int(*f.Year))
}

// token makes a value usable in a class name: letters and digits are kept,
// anything else becomes "_" followed by its code point in hex ("ug/m3" is
// "ug_2fm3", "" is "_").
func token(v string) string {
	if v == "" {
		return "_"
	}
	var b strings.Builder
	for _, r := range v {
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, "_%x", r)
	}
	return b.String()
}

// idPart makes a document id usable in an element id: white space becomes
// "_".
func idPart(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			return '_'
		}
		return r
	}, s)
}

// idSet hands out element ids, each once.
type idSet struct{ seen map[string]bool }

func newIDs() *idSet { return &idSet{seen: map[string]bool{}} }

// unique returns id, or id with the first free suffix "~2", "~3" … when id
// was given out before.
func (s *idSet) unique(id string) string {
	u := id
	for i := 2; s.seen[u]; i++ {
		u = id + "~" + strconv.Itoa(i)
	}
	s.seen[u] = true
	return u
}

// countFacts counts facts by kind, measure, unit, year and hedge. Known
// values come in the schema's order (those with no fact left out), others
// after them sorted; years come newest first, then "none".
func countFacts(facts []schema.Fact) []countGroup {
	field := []struct {
		name, prefix string
		known        []string
		get          func(schema.Fact) string
	}{
		{"kind", "k-", schema.Kinds, func(f schema.Fact) string { return string(f.Kind) }},
		{"measure", "m-", schema.Measures, func(f schema.Fact) string { return string(f.Measure) }},
		{"unit", "u-", schema.Units, func(f schema.Fact) string { return string(f.Unit) }},
		{"year", "y-", nil, yearOf},
		{"hedge", "h-", []string{""}, func(f schema.Fact) string { return f.Hedge }},
	}
	var groups []countGroup
	for _, fd := range field {
		n := map[string]int{}
		for _, f := range facts {
			n[fd.get(f)]++
		}
		var others []string
		for v := range n {
			if !slices.Contains(fd.known, v) {
				others = append(others, v)
			}
		}
		sort.Strings(others)
		if fd.name == "year" {
			// newest first, no year last ("" sorts first)
			slices.Reverse(others)
		}
		g := countGroup{Name: fd.name}
		for _, v := range append(slices.Clone(fd.known), others...) {
			if n[v] > 0 {
				label := v
				if v == "" {
					label = "none"
				}
				g.Counts = append(g.Counts, count{Value: label, Token: fd.prefix + token(v), N: n[v]})
			}
		}
		groups = append(groups, g)
	}
	return groups
}

// filterCSS returns the rules that hide filtered facts: with the class
// hide-<token> on the body, highlights of that token lose their colour and
// label and table rows of it are hidden. The label is made invisible, not
// removed, so that a filter repaints the text without laying it out again.
func filterCSS(groups []countGroup) string {
	var b strings.Builder
	for _, g := range groups {
		for _, c := range g.Counts {
			fmt.Fprintf(&b, ".hide-%[1]s mark.%[1]s{background:none;box-shadow:none;cursor:auto}.hide-%[1]s mark.%[1]s::before{visibility:hidden}.hide-%[1]s tr.%[1]s{display:none}\n", c.Token)
		}
	}
	return b.String()
}
