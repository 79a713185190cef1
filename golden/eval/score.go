package eval

import (
	"cmp"
	"slices"

	"github.com/gwrfacts/gwr/golden/match"
	"github.com/gwrfacts/gwr/schema"
)

// Counts holds the tallies of one document, or of all scored documents.
type Counts struct {
	// DocID is the document's id; "" for the overall counts.
	DocID string
	// Gold counts the non-optional gold rows, Optional the optional ones.
	Gold, Optional int
	// Predicted counts every prediction of the scored documents.
	Predicted int
	// Paired counts the pairs with a non-optional gold row: the true
	// positives. Neutral counts the predictions paired with an optional
	// gold row, which count neither way.
	Paired, Neutral int
	// Correct maps each of Fields to the number of Paired pairs that get
	// it right.
	Correct map[string]int
	// StrictTP and FullTP count the pairs right on StrictFields, and on
	// StrictFields plus the indicator.
	StrictTP, FullTP int
}

// Scores are precision, recall and their harmonic mean F1.
type Scores struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// ratio returns n/d, or 0 when d is 0.
func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

func scores(tp, predicted, gold int) Scores {
	s := Scores{Precision: ratio(tp, predicted), Recall: ratio(tp, gold)}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Counted returns the number of predictions that count: those not paired
// with an optional gold row.
func (c Counts) Counted() int { return c.Predicted - c.Neutral }

// Detection returns detection precision, recall and F1: true positives are
// the pairs, false positives the unpaired predictions, false negatives the
// unpaired non-optional gold rows.
func (c Counts) Detection() Scores { return scores(c.Paired, c.Counted(), c.Gold) }

// Strict returns precision, recall and F1 counting as true positives only
// the pairs right on StrictFields.
func (c Counts) Strict() Scores { return scores(c.StrictTP, c.Counted(), c.Gold) }

// Full returns precision, recall and F1 counting as true positives only
// the pairs right on StrictFields and the indicator.
func (c Counts) Full() Scores { return scores(c.FullTP, c.Counted(), c.Gold) }

// Accuracy returns the share of the pairs that get field right.
func (c Counts) Accuracy(field string) float64 { return ratio(c.Correct[field], c.Paired) }

func (c *Counts) add(d Counts) {
	c.Gold += d.Gold
	c.Optional += d.Optional
	c.Predicted += d.Predicted
	c.Paired += d.Paired
	c.Neutral += d.Neutral
	c.StrictTP += d.StrictTP
	c.FullTP += d.FullTP
	if c.Correct == nil {
		c.Correct = map[string]int{}
	}
	for f, n := range d.Correct {
		c.Correct[f] += n
	}
}

// Mistake is one counted row that the prediction got wrong.
type Mistake struct {
	DocID string
	// Gold is the gold row; nil for a spurious prediction.
	Gold *Gold
	// Pred is the prediction; nil for a missed gold row.
	Pred *schema.Fact
	// Diffs lists the Fields the prediction gets wrong; empty unless both
	// Gold and Pred are set.
	Diffs []FieldDiff
}

// Report is the result of Score.
type Report struct {
	// Overall sums Docs.
	Overall Counts
	// Docs holds one entry per scored document, by doc_id.
	Docs []Counts
	// IgnoredDocs and IgnoredFacts count the predicted documents without
	// gold labels, and their facts, which are not scored.
	IgnoredDocs, IgnoredFacts int
	// Missed lists the unpaired non-optional gold rows, Spurious the
	// unpaired predictions and Wrong the pairs that get at least one of
	// Fields wrong, each in doc_id then start order.
	Missed, Spurious, Wrong []Mistake
}

// Score scores pred against gold. Only the documents with at least one
// gold row, optional or not, are scored.
func Score(gold []Gold, pred []schema.Fact) *Report {
	goldBy := map[string][]Gold{}
	for _, g := range gold {
		goldBy[g.DocID] = append(goldBy[g.DocID], g)
	}
	predBy := map[string][]schema.Fact{}
	for _, p := range pred {
		predBy[p.DocID] = append(predBy[p.DocID], p)
	}
	r := &Report{Overall: Counts{Correct: map[string]int{}}}
	for id, ps := range predBy {
		if _, ok := goldBy[id]; !ok {
			r.IgnoredDocs++
			r.IgnoredFacts += len(ps)
		}
	}
	ids := make([]string, 0, len(goldBy))
	for id := range goldBy {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		c := r.scoreDoc(id, goldBy[id], predBy[id])
		r.Docs = append(r.Docs, c)
		r.Overall.add(c)
	}
	return r
}

// scoreDoc scores one document and appends its mistakes to r.
func (r *Report) scoreDoc(id string, gold []Gold, pred []schema.Fact) Counts {
	byStart := func(a, b schema.Fact) int { return cmp.Compare(a.Start, b.Start) }
	slices.SortStableFunc(gold, func(a, b Gold) int { return byStart(a.Fact, b.Fact) })
	slices.SortStableFunc(pred, byStart)

	goldFacts := make([]schema.Fact, len(gold))
	for i, g := range gold {
		goldFacts[i] = g.Fact
	}
	pairOf := make([]int, len(gold)) // index into pred, or -1
	for i := range pairOf {
		pairOf[i] = -1
	}
	paired := make([]bool, len(pred))
	for _, p := range match.Pairs(goldFacts, pred) {
		pairOf[p.A] = p.B
		paired[p.B] = true
	}

	c := Counts{DocID: id, Predicted: len(pred), Correct: map[string]int{}}
	for i := range gold {
		g := &gold[i]
		if g.Optional {
			c.Optional++
			if pairOf[i] >= 0 {
				c.Neutral++
			}
			continue
		}
		c.Gold++
		if pairOf[i] < 0 {
			r.Missed = append(r.Missed, Mistake{DocID: id, Gold: g})
			continue
		}
		p := &pred[pairOf[i]]
		c.Paired++
		for _, f := range Fields {
			if Agree(f, g.Fact, *p) {
				c.Correct[f]++
			}
		}
		strict := true
		for _, f := range StrictFields {
			strict = strict && Agree(f, g.Fact, *p)
		}
		if strict {
			c.StrictTP++
			if Agree("indicator", g.Fact, *p) {
				c.FullTP++
			}
		}
		if d := Diffs(g.Fact, *p); len(d) > 0 {
			r.Wrong = append(r.Wrong, Mistake{DocID: id, Gold: g, Pred: p, Diffs: d})
		}
	}
	for j := range pred {
		if !paired[j] {
			r.Spurious = append(r.Spurious, Mistake{DocID: id, Pred: &pred[j]})
		}
	}
	return c
}
