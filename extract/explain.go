package extract

// Explain: every numeric candidate of a text and what became of it.

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/gwrfacts/gwr/normalize"
	"github.com/gwrfacts/gwr/schema"
)

// Candidate is one number of a document and what became of it: a fact,
// with the decisions that described it, or dropped, with the reason.
type Candidate struct {
	Start, End int          // code-point offsets into the document text
	Text       string       // the document text [Start, End)
	Rule       string       // the rule that matched it; "" when none did
	Fact       *schema.Fact // the fact it became; nil when dropped
	Decisions  []Decision   // for a fact: each question's answer, in the order asked
	Dropped    string       // for a dropped candidate: why
}

// Explain extracts d like ExtractChecked and returns, in text order, every
// candidate the rules saw (a match of a rule, or a run of digits no rule
// matched) and what became of it, in the style of go/scanner's error list.
// The facts are exactly ExtractChecked's.
func (x *Extractor) Explain(d Document) ([]Candidate, error) {
	ex := &explainer{}
	_, _, err := x.run(d, ex)
	sort.SliceStable(ex.out, func(i, j int) bool {
		a, b := ex.out[i], ex.out[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.Fact != nil && b.Fact == nil
	})
	return ex.out, err
}

// explainer collects the candidates of one run.
type explainer struct {
	out []Candidate
	// the facts of the current sentence, in the order described, waiting
	// for their fact_id
	pending []int
	// base is the offset (code points) in the document of the chunk
	// being read (chunk.go)
	base int
}

// sentence records the dropped candidates of a sentence and the digit runs
// that no rule matched at all.
func (ex *explainer) sentence(view *normalize.View, orig *origText, sent span, s []rune, qs []quantity, drops []drop) {
	add := func(sp span, rule, why string) {
		cs, ce := view.OrigSpan(sent.start+sp.start, sent.start+sp.end)
		ex.out = append(ex.out, Candidate{Start: ex.base + cs, End: ex.base + ce, Text: orig.slice(cs, ce), Rule: rule, Dropped: why})
	}
	covered := func(i int) bool {
		for _, q := range qs {
			if q.start <= i && i < q.end {
				return true
			}
		}
		for _, d := range drops {
			if d.start <= i && i < d.end {
				return true
			}
		}
		return false
	}
	for _, d := range drops {
		add(d.span, d.rule, d.why)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		j := i
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || (s[j] == '.' || s[j] == ',') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
			j++
		}
		if !covered(i) {
			add(span{i, j}, "", "no rule matched: a number without a unit the table knows, or inside a word")
		}
		i = j
	}
}

// fact records a fact as described, with a copy of its decisions: the
// fact itself is written over by the facts of a later sentence
// (analysis.newFact).
func (ex *explainer) fact(row schema.Fact, f *fact) {
	r := row
	ex.out = append(ex.out, Candidate{Start: int(row.Start), End: int(row.End), Text: row.Mention, Rule: row.Rule, Fact: &r, Decisions: slices.Clone(f.decisions)})
}

// number gives the recorded facts their final form: the fact_id of the
// sorted list and what was added after describing them (indicator_code).
func (ex *explainer) number(facts []schema.Fact) {
	at := map[[2]int32]int{}
	for i, f := range facts {
		at[[2]int32{f.Start, f.End}] = i
	}
	for _, c := range ex.out {
		if c.Fact != nil {
			*c.Fact = facts[at[[2]int32{c.Fact.Start, c.Fact.End}]]
		}
	}
}

// String describes the candidate on one line: "12万吨: fact 1 (rule point):
// delta -120000 t; cue 压降 [first-cue] …" or "2024年: dropped (rule
// reject-date): …".
func (c Candidate) String() string {
	if c.Fact == nil {
		rule := ""
		if c.Rule != "" {
			rule = " (rule " + c.Rule + ")"
		}
		return fmt.Sprintf("%s: dropped%s: %s", c.Text, rule, c.Dropped)
	}
	f := c.Fact
	var b strings.Builder
	fmt.Fprintf(&b, "%s: fact %d (rule %s): %s %s %s %s", c.Text, f.FactID, f.Rule, f.Measure, value(f), f.Unit, f.Bound)
	for _, d := range c.Decisions {
		fmt.Fprintf(&b, "; %s %s [%s]", d.Question, answer(f, d.Question), d.Name)
	}
	return b.String()
}

func value(f *schema.Fact) string {
	if f.ValueLow == f.ValueHigh {
		return fmt.Sprint(f.ValueLow)
	}
	return fmt.Sprintf("%v..%v", f.ValueLow, f.ValueHigh)
}

// answer is the fact's answer to question q, as written in String.
func answer(f *schema.Fact, q Question) string {
	or := func(s string) string {
		if s == "" {
			return `""`
		}
		return s
	}
	switch q {
	case AskCue:
		return or(f.Cue)
	case AskIndicator:
		return or(f.Indicator)
	case AskMeasure:
		return string(f.Measure)
	case AskSign:
		if f.ValueLow < 0 || f.ValueHigh < 0 {
			return "-"
		}
		return "+"
	case AskHedge:
		return or(f.Hedge)
	case AskTime:
		if f.Year == nil {
			return string(f.Kind) + " year null"
		}
		return fmt.Sprintf("%s %d", f.Kind, *f.Year)
	}
	return ""
}
