package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"

	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/extract/taxonomy"
	"github.com/gwrfacts/gwr/normalize"
	"github.com/gwrfacts/gwr/schema"
)

// Document is the input of Extract: a decoded report.
type Document struct {
	ID       string
	Text     string // the document text: offsets of the facts point into it
	HTML     bool   // strip tags before matching
	PlanYear int    // the year the report plans for; 0 if unknown
}

// Extractor holds the compiled rules and the segmenter. It is safe for
// concurrent use.
type Extractor struct {
	rules *ruleSet
	seg   segment.Segmenter
	tax   *taxonomy.Taxonomy // assigns facts their indicator_code
	base  string             // hash of the rules alone
	hash  string             // base and the taxonomy
}

// DefaultRulesHash is the RulesHash of Rules with the embedded lexicon and
// segmenter dictionary, combined with the embedded indicator taxonomy
// (HashWithTaxonomy): what New's extractor reports.
func DefaultRulesHash() string {
	return HashWithTaxonomy(RulesHash(Rules, lex.Bytes(), segment.UserDict()), taxonomy.Default())
}

// New compiles the rule set. seg segments sentences; pass segment.Default().
func New(seg segment.Segmenter) (*Extractor, error) {
	return NewWithRules(seg, Rules)
}

// NewWithRules compiles another rule set than Rules: for tests and for
// comparing rule sets (gwr diff of two runs).
func NewWithRules(seg segment.Segmenter, rules []Rule) (*Extractor, error) {
	compiled, err := compileRules(rules)
	if err != nil {
		return nil, err
	}
	base := RulesHash(rules, lex.Bytes(), segment.UserDict())
	tax := taxonomy.Default()
	return &Extractor{rules: compiled, seg: seg, tax: tax, base: base, hash: HashWithTaxonomy(base, tax)}, nil
}

// WithTaxonomy returns an extractor that assigns indicator codes from t
// instead of the default taxonomy (gwr extract --indicators FILE).
func (x *Extractor) WithTaxonomy(t *taxonomy.Taxonomy) *Extractor {
	y := *x
	y.tax, y.hash = t, HashWithTaxonomy(x.base, t)
	return &y
}

// HashWithTaxonomy combines a rules hash (RulesHash) with the hash of the
// taxonomy that assigns indicator codes: what the extractor's RulesHash
// reports and the output's metadata records.
func HashWithTaxonomy(rulesHash string, t *taxonomy.Taxonomy) string {
	h := sha256.Sum256([]byte(rulesHash + "\x00" + t.Hash()))
	return hex.EncodeToString(h[:])[:16]
}

// RulesHash identifies the rule set the extractor runs, with its taxonomy.
func (x *Extractor) RulesHash() string { return x.hash }

// Extract returns the facts of one document, ordered by start, numbered
// from 1. A document over the rules' work limit (see ExtractChecked) gives
// the facts found before the limit.
func (x *Extractor) Extract(d Document) []schema.Fact {
	facts, _ := x.ExtractChecked(d)
	return facts
}

// The work of the rules on one document is bounded by its length, and
// counted, not timed, so that the same text always gives the same result
// on any machine and under any load. One unit is one code point a rule
// may read: each position where some rule can start (see ruleSet.matchAt)
// costs the code points from it to the end of its window, the most a
// pattern linear in its window reads (TestRulesAreLinear). A document may
// use RuleWorkPerCodePoint units for each code point of its cleaned text,
// plus RuleWorkBase. Reports use about 1 for each (at most 2.3 on the
// bundled, extra, national and development texts); a text of dense digits
// and characters that rules start with (1一1一…, 1“““…) would use up to
// 300, the length of a window.
const (
	RuleWorkPerCodePoint = 16
	RuleWorkBase         = 1 << 16
)

// ErrRuleWork is returned (wrapped, with the figures) by ExtractChecked
// when the rules would do more work on a document than RuleWorkPerCodePoint
// and RuleWorkBase allow: extraction stops there, and a batch records the
// document as failed.
var ErrRuleWork = errors.New("extract: over the rules' work limit")

// ruleWork counts the work of the rules on one document.
type ruleWork struct {
	used, limit int64
	codePoints  int
}

func newRuleWork(codePoints int) *ruleWork {
	return &ruleWork{limit: RuleWorkPerCodePoint*int64(codePoints) + RuleWorkBase, codePoints: codePoints}
}

// spend adds n units, or reports the limit passed.
func (w *ruleWork) spend(n int) error {
	w.used += int64(n)
	if w.used > w.limit {
		return fmt.Errorf("%w: the rules would read more than %d code points (%d for each of the text's %d, plus %d): dense digits and rule characters, not a report?",
			ErrRuleWork, w.limit, RuleWorkPerCodePoint, w.codePoints, RuleWorkBase)
	}
	return nil
}

// ExtractChecked is Extract that also reports a document over the rules'
// work limit (ErrRuleWork).
func (x *Extractor) ExtractChecked(d Document) ([]schema.Fact, error) {
	facts, _, err := x.run(d, nil)
	return facts, err
}

// Layout is what Extract found of a report's structure.
type Layout struct {
	// PlanStart is the offset (code points into the document text) of the
	// sentence where the plan part starts, the text having turned to this
	// year's work (SPEC section 6); -1 when the text never turns.
	PlanStart int
}

// PlanStartColumn is PlanStart as the documents table writes it: nil when
// the text never turns to a plan.
func (l Layout) PlanStartColumn() *int32 {
	if l.PlanStart < 0 {
		return nil
	}
	ps := int32(l.PlanStart)
	return &ps
}

// ExtractLayout is ExtractChecked that also returns the report's layout.
func (x *Extractor) ExtractLayout(d Document) ([]schema.Fact, Layout, error) {
	return x.run(d, nil)
}

// run extracts the facts and the layout of d; with ex not nil, it also
// records every candidate and what became of it (see Explain).
func (x *Extractor) run(d Document, ex *explainer) ([]schema.Fact, Layout, error) {
	var overLimit error
	view := normalize.Clean(d.Text, normalize.Options{HTML: d.HTML})
	text := view.Runes
	work := newRuleWork(len(text))
	orig := newOrigText(d.Text)
	var facts []schema.Fact
	sents := splitSentences(text)
	lay := findLayout(text, sents, d.PlanYear)
	out := Layout{PlanStart: -1}
	p := part{sec: sectionNone}
	if lay.planStart >= 0 {
		// the text before the turn reviews the past, whatever its headings say
		p = part{sec: sectionReview, spanYears: lay.spanYears}
		out.PlanStart = view.Orig(sents[lay.planStart].start)
	}
	ch := noChain
	lastName := "" // the last indicator named, for a sentence that leaves it out
	// the last sentence that ended with 。 (with those chained to it) up to
	// its first figure, as text[lastFrom:lastTo]: the time it sets for its
	// figures. A sentence opening with 其中 details them and shares that
	// time (SPEC section 6).
	chainFrom, chainFirst, lastFrom, lastTo := -1, -1, -1, -1
	for i, s := range sents {
		// the sentence as a string, made only where it is read
		str, made := "", false
		sentence := func() string {
			if !made {
				str, made = string(text[s.start:s.end]), true
			}
			return str
		}
		if i == lay.planStart {
			p = part{sec: sectionPlan}
		}
		if s.heading {
			ch, lastName = noChain, ""
			chainFrom, chainFirst, lastFrom = -1, -1, -1
			if i >= lay.planStart {
				if h := classifyHeading(sentence(), d.PlanYear); h != sectionNone {
					p = part{sec: h}
					if h == sectionReview {
						p.spanYears = reviewSpan(sentence(), d.PlanYear)
					}
				}
			}
		}
		if p.spanYears > 0 && !s.heading && startsParagraph(text, s) {
			p.paraYear = paragraphYear(sentence(), d.PlanYear)
		}
		var drops *[]drop
		if ex != nil {
			drops = new([]drop)
		}
		qs, err := x.match(text[s.start:s.end], drops, work)
		if ex != nil {
			ex.sentence(view, orig, s.span, text[s.start:s.end], qs, *drops)
		}
		if err != nil {
			// over the work limit: the rest of the text is not read
			overLimit = err
			break
		}
		before := ch // the sentences this one is chained to
		if chainFrom < 0 {
			chainFrom = s.start
		}
		if len(before.text) == 0 && lastFrom >= 0 && opensWith(text[s.start:s.end], "其中") {
			// 工农业总产值在一九五七年达到了…。其中，工业总产值达到了【X】: the
			// detail of the sentence before, of its time
			t := string(text[lastFrom:lastTo])
			before = chain{text: t, words: findTimeWords(t)}
			chainFrom = lastFrom
		}
		if chainFirst < 0 && len(qs) > 0 {
			chainFirst = s.start + qs[0].start
			for _, q := range qs[1:] {
				chainFirst = min(chainFirst, s.start+q.start)
			}
		}
		semicolon := text[s.end-1] == '；' || text[s.end-1] == ';'
		var own timeWords
		if semicolon || len(qs) > 0 {
			own = findTimeWords(sentence())
		}
		if semicolon {
			ch = before.add(sentence(), own)
		} else {
			ch = noChain
			lastFrom, lastTo = chainFrom, s.end
			if chainFirst >= 0 {
				lastTo = chainFirst
			}
			chainFrom, chainFirst = -1, -1
		}
		if len(qs) == 0 {
			continue
		}
		an := newAnalysis(text[s.start:s.end], sentence(), before.words.then(len(before.text), own), x.seg)
		an.qs = qs
		var sf []*fact
		var prev *fact
		for i := range qs {
			f := an.describe(&qs[i], prev, p, before.text, d.PlanYear)
			sf = append(sf, f)
			prev = f
		}
		an.distribute(sf)
		lastName = carryName(sf, lastName)
		pairYears(sf, p, an.s, d.PlanYear)
		for _, f := range sf {
			facts = append(facts, f.row(d, orig, view, s.span))
			if ex != nil {
				ex.fact(facts[len(facts)-1], f)
			}
		}
	}
	sort.SliceStable(facts, func(i, j int) bool { return facts[i].Start < facts[j].Start })
	for i := range facts {
		facts[i].FactID = int32(i + 1)
	}
	x.tax.AssignFacts(facts)
	if ex != nil {
		ex.number(facts)
	}
	return facts, out, overLimit
}

// opensWith reports whether the sentence s starts with word, after
// blanks.
func opensWith(s []rune, word string) bool {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\u3000' || s[0] == '\t' || s[0] == '\n') {
		s = s[1:]
	}
	w := []rune(word)
	if len(s) < len(w) {
		return false
	}
	for i, r := range w {
		if s[i] != r {
			return false
		}
	}
	return true
}
