package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/gwrfacts/gwr/golden/match"
	"github.com/gwrfacts/gwr/schema"
)

// Corpus maps a doc_id to the document's text, as code points. It is used
// only to show mistakes in their sentence; a missing document is fine.
type Corpus map[string][]rune

// Sentence returns the mistake's sentence with its mention marked 【…】.
// The span is the gold row's, or the prediction's for a spurious one. When
// text holds that span and text[start:end] is the mention, the sentence
// is cut from text (match.Sentence); otherwise the mention is marked in the
// sentence column (match.Mark).
func (m Mistake) Sentence(text []rune) string {
	f := m.Pred
	if m.Gold != nil {
		f = &m.Gold.Fact
	}
	s, e := int(f.Start), int(f.End)
	if 0 <= s && s <= e && e <= len(text) && string(text[s:e]) == f.Mention {
		return match.Sentence(text, s, e)
	}
	sentence := f.Sentence
	if sentence == "" && m.Pred != nil {
		sentence = m.Pred.Sentence
	}
	return match.Mark(sentence, f.Mention)
}

// WriteText writes the figures as tables: the counts, detection, strict
// and full scores and field accuracy overall, then one line per document.
func (r *Report) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("scored %d documents with gold labels; ignored %d predicted documents without gold (%d facts)\n\n",
		len(r.Docs), r.IgnoredDocs, r.IgnoredFacts)

	o := r.Overall
	writeTable(ew, [][]string{
		{"", "gold", "optional", "predicted", "paired", "neutral"},
		{"overall", itoa(o.Gold), itoa(o.Optional), itoa(o.Predicted), itoa(o.Paired), itoa(o.Neutral)},
	})
	ew.printf("(neutral: predictions paired with optional gold rows, not counted)\n\n")

	rows := [][]string{{"", "precision", "recall", "F1"}}
	for _, row := range []struct {
		name string
		s    Scores
	}{{"detection", o.Detection()}, {"strict", o.Strict()}, {"full", o.Full()}} {
		rows = append(rows, []string{row.name, ftoa(row.s.Precision), ftoa(row.s.Recall), ftoa(row.s.F1)})
	}
	writeTable(ew, rows)

	ew.printf("\nfield accuracy over %d pairs\n", o.Paired)
	rows = nil
	for _, f := range Fields {
		rows = append(rows, []string{f, ftoa(o.Accuracy(f)), itoa(o.Correct[f])})
	}
	writeTable(ew, rows)

	ew.printf("\nper document\n")
	rows = [][]string{{"doc_id", "gold", "optional", "predicted", "paired", "neutral", "P", "R", "F1", "strict F1", "full F1"}}
	for _, d := range r.Docs {
		det := d.Detection()
		scores := []string{ftoa(det.Precision), ftoa(det.Recall), ftoa(det.F1), ftoa(d.Strict().F1), ftoa(d.Full().F1)}
		if d.Gold == 0 && d.Counted() == 0 {
			scores = []string{"-", "-", "-", "-", "-"} // only optional rows: nothing to score
		}
		rows = append(rows, append([]string{d.DocID, itoa(d.Gold), itoa(d.Optional), itoa(d.Predicted), itoa(d.Paired), itoa(d.Neutral)}, scores...))
	}
	writeTable(ew, rows)
	return ew.err
}

// WriteMistakes lists up to n missed, n spurious and n wrong rows, each
// with its doc_id, span and mention, the fields that differ (gold ->
// predicted) and its sentence (see Mistake.Sentence).
func (r *Report) WriteMistakes(w io.Writer, n int, corpus Corpus) error {
	ew := &errWriter{w: w}
	for _, list := range []struct {
		name     string
		mistakes []Mistake
	}{{"missed", r.Missed}, {"spurious", r.Spurious}, {"wrong", r.Wrong}} {
		shown := min(n, len(list.mistakes))
		ew.printf("\n%s: %d", list.name, len(list.mistakes))
		if shown < len(list.mistakes) {
			ew.printf(" (first %d)", shown)
		}
		ew.printf("\n")
		for _, m := range list.mistakes[:shown] {
			f := m.Pred
			if m.Gold != nil {
				f = &m.Gold.Fact
			}
			ew.printf("  %s  [%d,%d)  %s\n", m.DocID, f.Start, f.End, f.Mention)
			if m.Gold != nil && m.Pred != nil && (m.Gold.Start != m.Pred.Start || m.Gold.End != m.Pred.End) {
				ew.printf("      mention %s -> %s\n", span(&m.Gold.Fact), span(m.Pred))
			}
			for _, d := range m.Diffs {
				ew.printf("      %s %s -> %s\n", d.Field, d.Gold, d.Pred)
			}
			ew.printf("      %s\n", m.Sentence(corpus[m.DocID]))
		}
	}
	return ew.err
}

// span formats a fact's mention and span: "10家" [3,6).
func span(f *schema.Fact) string {
	return fmt.Sprintf("%s [%d,%d)", strconv.Quote(f.Mention), f.Start, f.End)
}

// countsJSON is how Counts is written by WriteJSON.
type countsJSON struct {
	DocID     string             `json:"doc_id,omitempty"`
	Gold      int                `json:"gold"`
	Optional  int                `json:"optional"`
	Predicted int                `json:"predicted"`
	Paired    int                `json:"paired"`
	Neutral   int                `json:"neutral"`
	Detection Scores             `json:"detection"`
	Strict    Scores             `json:"strict"`
	Full      Scores             `json:"full"`
	Accuracy  map[string]float64 `json:"accuracy"`
}

func (c Counts) json() countsJSON {
	acc := map[string]float64{}
	for _, f := range Fields {
		acc[f] = c.Accuracy(f)
	}
	return countsJSON{
		DocID: c.DocID, Gold: c.Gold, Optional: c.Optional, Predicted: c.Predicted,
		Paired: c.Paired, Neutral: c.Neutral,
		Detection: c.Detection(), Strict: c.Strict(), Full: c.Full(), Accuracy: acc,
	}
}

// mistakeJSON is how a Mistake is written by WriteJSON.
type mistakeJSON struct {
	DocID    string       `json:"doc_id"`
	Gold     *Gold        `json:"gold,omitempty"`
	Pred     *schema.Fact `json:"predicted,omitempty"`
	Diffs    []FieldDiff  `json:"diffs,omitempty"`
	Sentence string       `json:"sentence"`
}

// WriteJSON writes the figures as one JSON object on one line: documents,
// ignored_documents, ignored_facts, overall and per_document (gold,
// optional, predicted, paired, neutral, detection/strict/full precision,
// recall and f1, accuracy per field). When n > 0 it adds up to n missed,
// spurious and wrong rows, each with its sentence.
func (r *Report) WriteJSON(w io.Writer, n int, corpus Corpus) error {
	out := struct {
		Documents        int           `json:"documents"`
		IgnoredDocuments int           `json:"ignored_documents"`
		IgnoredFacts     int           `json:"ignored_facts"`
		Overall          countsJSON    `json:"overall"`
		PerDocument      []countsJSON  `json:"per_document"`
		Missed           []mistakeJSON `json:"missed,omitempty"`
		Spurious         []mistakeJSON `json:"spurious,omitempty"`
		Wrong            []mistakeJSON `json:"wrong,omitempty"`
	}{
		Documents:        len(r.Docs),
		IgnoredDocuments: r.IgnoredDocs,
		IgnoredFacts:     r.IgnoredFacts,
		Overall:          r.Overall.json(),
		PerDocument:      []countsJSON{},
	}
	for _, d := range r.Docs {
		out.PerDocument = append(out.PerDocument, d.json())
	}
	list := func(ms []Mistake) []mistakeJSON {
		var out []mistakeJSON
		for _, m := range ms[:min(n, len(ms))] {
			out = append(out, mistakeJSON{m.DocID, m.Gold, m.Pred, m.Diffs, m.Sentence(corpus[m.DocID])})
		}
		return out
	}
	if n > 0 {
		out.Missed, out.Spurious, out.Wrong = list(r.Missed), list(r.Spurious), list(r.Wrong)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	return nil
}

func itoa(n int) string     { return strconv.Itoa(n) }
func ftoa(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

// writeTable writes rows as aligned columns two spaces apart: the first
// column left-aligned, the others right-aligned. Cells are ASCII.
func writeTable(ew *errWriter, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], len(cell))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, cell := range row {
			if i == 0 {
				fmt.Fprintf(&b, "%-*s", widths[i], cell)
			} else {
				fmt.Fprintf(&b, "  %*s", widths[i], cell)
			}
		}
		ew.printf("%s\n", strings.TrimRight(b.String(), " "))
	}
}

// errWriter keeps the first write error so that a report can be written
// without checking every line.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err != nil {
		e.err = fmt.Errorf("eval: %w", err)
	}
	return n, err
}

func (e *errWriter) printf(format string, args ...any) {
	fmt.Fprintf(e, format, args...)
}
