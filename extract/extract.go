package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
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
	// chunkBytes is the size of the pieces a large document is read in
	// (chunk.go); 0 means defaultChunkBytes. Tests set it lower.
	chunkBytes int
	// chunkRead, when not nil, is called after each chunk is read, in the
	// layout pass and in the facts pass: a test's hook to take the live
	// heap at points that do not depend on the machine's speed.
	chunkRead func()
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
	// Chars is the length of the document text in code points, as
	// offsets count them: counted as the text is cleaned.
	Chars int
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
	return x.prepare(d, ex).Finish()
}

// Prepared is a document read up to the point where extraction first
// needs the segmenter: cleaned, its layout found and, when it is one
// chunk, its sentences matched by the rules. A batch prepares documents
// while the segmenter's dictionaries load, and finishes them once they
// are there (SegmenterReady). Finish gives what ExtractLayout would have.
type Prepared struct {
	x      *Extractor
	d      Document
	ex     *explainer
	chunks []chunk
	lay    layout
	out    Layout
	work   *ruleWork
	st     *runState
	kept   *cleanChunk     // the only chunk, cleaned once
	found  []matched       // the rules' matches of kept, when kept is set
	over   error           // matchAll's error for kept
	done   bool            // kept matched (found and over set): Match did its work
	ahead  []sentenceAhead // kept's first segmentation, when SegmentAhead did it
}

// closed is a channel that is always closed.
var closed = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// SegmenterReady returns a channel closed once the extractor's segmenter
// can cut without waiting (segment.Lazy's dictionaries are loaded);
// closed already for a segmenter that never waits.
func (x *Extractor) SegmenterReady() <-chan struct{} {
	if r, ok := x.seg.(interface{ Ready() <-chan struct{} }); ok {
		return r.Ready()
	}
	return closed
}

// SegmenterErr returns the error of a segmenter that could not be made
// ready (segment.Lazy whose dictionaries did not load), waiting for it to
// be ready or fail; nil for a segmenter that cannot fail. When it is not
// nil every segmentation panics: no document can be extracted, and the
// error is the run's, not a document's.
func (x *Extractor) SegmenterErr() error {
	if e, ok := x.seg.(interface{ Err() error }); ok {
		return e.Err()
	}
	return nil
}

// Prepare does the work of ExtractLayout that comes before the first
// segmentation; Finish does the rest. It is Read and then Match.
func (x *Extractor) Prepare(d Document) *Prepared { return x.prepare(d, nil) }

// Read does the first part of Prepare: d cleaned, split into sentences and
// its layout found. Match does the second, the rules run over its
// sentences. A worker of extract/batch reads a group of documents and then
// matches them, each stage over several documents in a row, where the
// processor's caches still hold what the stage reads (its tables, the
// rules): Prepare of one document after another costs more
// (BenchmarkSegmentAhead). Finish and SegmentAhead match a document Read
// left unmatched.
func (x *Extractor) Read(d Document) *Prepared { return x.read(d, nil) }

// prepare reads d up to its first segmentation (see Prepared).
func (x *Extractor) prepare(d Document, ex *explainer) *Prepared {
	p := x.read(d, ex)
	p.Match()
	return p
}

// read does the part of prepare before the rules run (see Read). A large
// document is read a chunk at a time (chunk.go): first for its layout, up
// to the turn to the plan, then, in Finish, for its facts.
func (x *Extractor) read(d Document, ex *explainer) *Prepared {
	chunks := chunksOf(d.Text, x.chunkBytes, d.HTML)
	scan := layoutScan{planYear: d.PlanYear}
	// kept is the only chunk, cleaned once. The views of a document read
	// in chunks are left to the collector, not released (View.Release):
	// scan.first holds slices of earlier chunks' runes until scan.result,
	// which a later Clean reusing their arrays would write over.
	var kept *cleanChunk
	cleaned := 0 // code points of the cleaned text, for the rules' work limit
	chars := 0   // code points of the text
	for ci, c := range chunks {
		cc := clean(d, c)
		if len(chunks) == 1 {
			kept = cc
		}
		cleaned += len(cc.view.Runes)
		chars = c.base + cc.view.Orig(len(cc.view.Runes))
		for i, s := range cc.sents {
			if scan.lay.turns {
				break
			}
			// the name inside a book title broken over lines is no heading
			heading := s.heading && !inBookTitle(cc.view.Runes, s.start, s.end)
			scan.add(layoutSentence{at: pos{ci, i}, text: cc.view.Runes[s.start:s.end], heading: heading, orig: c.base + cc.view.Orig(s.start)})
		}
		if x.chunkRead != nil {
			x.chunkRead()
		}
	}
	p := &Prepared{x: x, d: d, ex: ex, chunks: chunks, lay: scan.result(), kept: kept}
	p.work = newRuleWork(cleaned)
	p.out = Layout{PlanStart: -1, Chars: chars}
	p.st = newRunState()
	if p.lay.turns {
		// the text before the turn reviews the past, whatever its headings say
		p.st.p = part{sec: sectionReview, spanYears: p.lay.spanYears}
		p.out.PlanStart = p.lay.planOrig
	}
	return p
}

// Match runs the rules over the sentences of a document Read left
// unmatched; it does nothing for one already matched, or read in chunks
// (Finish matches each chunk as it reads it again).
func (p *Prepared) Match() {
	if p.kept != nil && !p.done {
		p.found, p.over = p.match(p.kept)
		p.done = true
	}
}

// match runs the rules over the sentences of cc (matchAll), first
// pointing the explainer, if any, at cc's offset in the document.
func (p *Prepared) match(cc *cleanChunk) ([]matched, error) {
	if p.ex != nil {
		p.ex.base = cc.base
	}
	return p.x.matchAll(cc.view.Runes, cc.sents, p.ex != nil, p.work)
}

// Finish extracts the facts of a prepared document, segmenting what it
// needs, and returns them with the layout, as ExtractLayout does.
func (p *Prepared) Finish() ([]schema.Fact, Layout, error) {
	p.Match()
	x, d, ex := p.x, p.d, p.ex
	var overLimit error
	var facts []schema.Fact
	for ci, c := range p.chunks {
		cc, found, over, ahead := p.kept, p.found, p.over, p.ahead
		if cc == nil {
			cc = clean(d, c)
			found, over = p.match(cc)
		}
		p.kept, p.found, p.over, p.ahead = nil, nil, nil, nil
		facts, overLimit = x.runChunk(d, cc, ci, p.lay, p.st, found, ahead, over, ex, facts)
		cc.view.Release() // nothing holds its runes now: runChunk copied what it keeps
		if x.chunkRead != nil {
			x.chunkRead()
		}
		if overLimit != nil {
			break // the rest of the text is not read
		}
	}
	for i := range facts {
		facts[i].FactID = int32(i + 1)
	}
	x.tax.AssignFacts(facts)
	if ex != nil {
		ex.number(facts)
	}
	return facts, p.out, overLimit
}

// cleanChunk is a chunk of a document cleaned: its view and its sentences.
type cleanChunk struct {
	chunk
	view  *normalize.View
	sents []sentence
}

func clean(d Document, c chunk) *cleanChunk {
	view := normalize.Clean(d.Text[c.start:c.end], normalize.Options{HTML: d.HTML})
	return &cleanChunk{chunk: c, view: view, sents: splitSentences(view.Runes)}
}

// runState is what carries from one sentence to the next, and so from one
// chunk to the next: the part of the report, the chain of sentences joined
// by semicolons, the last indicator named and the last sentence's text up
// to its first figure. Positions in the cleaned text (chainFrom,
// chainFirst, lastFrom, lastTo; -1 when unset) count from the start of the
// document's cleaned text; the runes of earlier chunks from the first of
// them on are kept in carry.
type runState struct {
	p                                       part
	ch                                      chain
	lastName                                string
	chainFrom, chainFirst, lastFrom, lastTo int
	base                                    int    // where the chunk being read starts in the cleaned text
	carry                                   []rune // the cleaned text of earlier chunks from carryFrom on
	carryFrom                               int
}

func newRunState() *runState {
	return &runState{p: part{sec: sectionNone}, ch: noChain, chainFrom: -1, chainFirst: -1, lastFrom: -1, lastTo: -1}
}

// text returns the cleaned text [from, to) of the document: from carry,
// text (the chunk being read) or both.
func (st *runState) text(text []rune, from, to int) string {
	if from >= st.base {
		return string(text[from-st.base : to-st.base])
	}
	if to <= st.base {
		return string(st.carry[from-st.carryFrom : to-st.carryFrom])
	}
	return string(st.carry[from-st.carryFrom:]) + string(text[:to-st.base])
}

// next moves on to the chunk after the one whose cleaned text is text:
// the runes still needed from it are carried over.
func (st *runState) next(text []rune) {
	from := st.base + len(text)
	for _, p := range []int{st.chainFrom, st.chainFirst, st.lastFrom} {
		if p >= 0 {
			from = min(from, p)
		}
	}
	var carry []rune
	if from < st.base {
		carry = append(carry, st.carry[from-st.carryFrom:]...)
	}
	carry = append(carry, text[max(0, from-st.base):]...)
	st.carry, st.carryFrom = carry, from
	st.base += len(text)
}

// runChunk appends to facts those of one chunk (index ci), ordered by
// start, with their offsets in the document text; found and overLimit are
// matchAll's result for the chunk, and ahead its first segmentation when
// SegmentAhead did it (nil: runChunk does it). Over the rules' work limit,
// it stops and returns the error.
func (x *Extractor) runChunk(d Document, cc *cleanChunk, ci int, lay layout, st *runState, found []matched, ahead []sentenceAhead, overLimit error, ex *explainer, facts []schema.Fact) ([]schema.Fact, error) {
	view, text, g := cc.view, cc.view.Runes, st.base
	orig := newOrigText(d.Text[cc.start:cc.end], view)
	from := len(facts)
	// room for a fact of each quantity found: append does not copy the
	// rows again and again as the slice grows
	facts = slices.Grow(facts, quantities(found))
	if ahead == nil {
		ahead = x.segmentAhead(text, cc.sents, found)
	}
	an := new(analysis) // each sentence's in turn (analysis.reset)
	for i, s := range cc.sents {
		at := pos{ci, i}
		// the sentence as a string, made only where it is read (by
		// segmentAhead for a sentence with quantities)
		str, made := "", false
		if i < len(ahead) && ahead[i].off != nil {
			str, made = ahead[i].str, true
		}
		sentence := func() string {
			if !made {
				str, made = string(text[s.start:s.end]), true
			}
			return str
		}
		// the paragraph this sentence opens (paragraphOpening), made once:
		// up to three questions read it, and it may be a long line
		para, paraMade := "", false
		paragraph := func() string {
			if !paraMade {
				para, paraMade = paragraphOpening(text, s), true
			}
			return para
		}
		if lay.turns && at == lay.plan {
			st.p = part{sec: sectionPlan, planSpan: lay.planSpan}
		}
		if s.heading {
			st.ch, st.lastName = noChain, ""
			st.chainFrom, st.chainFirst, st.lastFrom = -1, -1, -1
			if !lay.turns || !at.before(lay.plan) {
				h := classifyHeading(sentence(), d.PlanYear)
				switch {
				case lay.turns && at == lay.plan:
				case h == sectionNone && spanHeading(sentence(), d.PlanYear):
					// a section of the plan part that reviews the period just
					// ended (（二）“十五”期间国民经济和社会发展主要情况): until
					// the next heading
					st.p = part{sec: sectionReview, spanYears: 5, back: &part{sec: sectionPlan, planSpan: st.p.planSpan}}
				case h != sectionNone:
					st.p = part{sec: h}
					switch h {
					case sectionReview:
						st.p.spanYears = reviewSpan(sentence(), d.PlanYear)
					case sectionPlan:
						st.p.planSpan = plansPeriod(sentence(), d.PlanYear)
					}
				case st.p.back != nil:
					st.p = *st.p.back
				}
			} else if st.p.sec == sectionReview && spanHeading(sentence(), d.PlanYear) {
				// a later heading of the review part that reviews the five-year
				// period (二、“十三五”时期主要成就和“十四五”时期主要目标任务)
				st.p.spanYears, st.p.paraYear, st.p.paraSpan = 5, 0, false
			}
		}
		if !s.heading && st.p.sec == sectionPlan && startsParagraph(text, s, cc.midLine) {
			// a paragraph of the plan part that reviews the period just
			// ended (“十四五”时期，…; 这五年，…): until the next heading
			// or a paragraph that turns to the targets
			if mayOpenSpan(text, s) && spanOpening(paragraph(), d.PlanYear) {
				st.p = part{sec: sectionReview, spanYears: 5, back: &part{sec: sectionPlan, planSpan: st.p.planSpan}}
			}
		} else if !s.heading && st.p.back != nil && startsParagraph(text, s, cc.midLine) {
			if para := paragraph(); periodTurn(para, d.PlanYear) || isTurn(para, false, d.PlanYear) {
				st.p = *st.p.back
			}
		}
		if !s.heading && (st.p.sec == sectionReview || st.p.spanYears > 0) && startsParagraph(text, s, cc.midLine) {
			// a paragraph of a one-year review may open the review of the
			// five-year period (2015年是“十二五”收官之年。过去五年，…); a
			// paragraph of one year (刚刚过去的2020年, 这一年) ends it
			opens := st.p.sec == sectionReview && mayOpenSpan(text, s) && spanOpening(paragraph(), d.PlanYear)
			py := 0
			if !opens && mayOpenYear(text, s) {
				py = paragraphYear(paragraph(), d.PlanYear)
			}
			switch {
			case opens && st.p.spanYears == 0:
				st.p.spanYears, st.p.paraSpan = 5, true
			case st.p.paraSpan && py > 0:
				st.p.spanYears, st.p.paraSpan = 0, false
			}
			// in a review of several years, the year a paragraph opens
			// with (刚刚过去的2025年，…) holds for the paragraphs after it
			// until one opens the period again (过去五年，…)
			switch {
			case st.p.spanYears == 0 || opens:
				st.p.paraYear = 0
			case py > 0:
				st.p.paraYear = py
			}
		}
		qs := found[i].qs
		if ex != nil {
			ex.sentence(view, orig, s.span, text[s.start:s.end], qs, *found[i].drops)
		}
		if i == len(found)-1 && overLimit != nil {
			break // over the work limit: the rest of the text is not read
		}
		before := st.ch // the sentences this one is chained to
		// the last sentence that ended with 。 (with those chained to it) up
		// to its first figure, as st.text(lastFrom, lastTo): the time it
		// sets for its figures. A sentence opening with 其中 details them
		// and shares that time (SPEC section 6), and so does one opening
		// with 届时 (到2020年…。届时，经济总量超过【90万亿元】: 2020).
		if st.chainFrom < 0 {
			st.chainFrom = g + s.start
		}
		if len(before.text) == 0 && st.lastFrom >= 0 && (opensWith(text[s.start:s.end], "其中") || opensWith(text[s.start:s.end], "届时")) {
			// 工农业总产值在一九五七年达到了…。其中，工业总产值达到了【X】: the
			// detail of the sentence before, of its time
			t := st.text(text, st.lastFrom, st.lastTo)
			before = chain{text: t, words: findTimeWords(t)}
			st.chainFrom = st.lastFrom
		}
		if st.chainFirst < 0 && len(qs) > 0 {
			st.chainFirst = g + s.start + qs[0].start
			for _, q := range qs[1:] {
				st.chainFirst = min(st.chainFirst, g+s.start+q.start)
			}
		}
		semicolon := text[s.end-1] == '；' || text[s.end-1] == ';'
		var own timeWords
		var hedged bool
		var masked string
		var planEnd int
		switch {
		case i < len(ahead) && ahead[i].off != nil:
			// (its code points at hand, with their offsets in str)
			own, hedged, masked, planEnd = sentenceWordsOf(text[s.start:s.end], ahead[i].off, str)
		case semicolon || len(qs) > 0:
			own, hedged, masked, planEnd = sentenceWords(sentence())
		}
		if semicolon {
			st.ch = before.add(sentence(), own)
		} else {
			st.ch = noChain
			st.lastFrom, st.lastTo = st.chainFrom, g+s.end
			if st.chainFirst >= 0 {
				st.lastTo = st.chainFirst
			}
			st.chainFrom, st.chainFirst = -1, -1
		}
		if len(qs) == 0 {
			continue
		}
		an.reset(text[s.start:s.end], str, ahead[i].off, before.words.then(len(before.text), own), hedged, masked, x.seg)
		an.knowPlanWord(planEnd)
		carryListBound(qs, an.s)
		an.qs, an.ahead = qs, ahead[i].clauses
		sf := make([]*fact, 0, len(qs))
		var prev *fact
		for i := range qs {
			f := an.describe(&qs[i], prev, st.p, before.text, d.PlanYear)
			sf = append(sf, f)
			prev = f
		}
		an.distribute(sf)
		st.lastName = carryName(sf, st.lastName)
		pairYears(sf, st.p, an.s, d.PlanYear, before.text)
		written := sentenceText(orig, view, s.span)
		for _, f := range sf {
			row := f.row(d, orig, view, s.span, written)
			row.Start += int32(cc.base)
			row.End += int32(cc.base)
			facts = append(facts, row)
			if ex != nil {
				ex.fact(row, f)
			}
		}
	}
	st.next(text)
	own := facts[from:]
	sort.SliceStable(own, func(i, j int) bool { return own[i].Start < own[j].Start })
	return facts, overLimit
}

// matched is what match found in a sentence: its quantities and, for
// the explainer, the candidates it dropped.
type matched struct {
	qs    []quantity
	drops *[]drop
}

// quantities returns the number of quantities found in all.
func quantities(all []matched) int {
	n := 0
	for _, m := range all {
		n += len(m.qs)
	}
	return n
}

// matchAll matches the sentences of a chunk in order, up to the first
// that goes over the rules' work limit: that one is the last of the
// result, and the error is returned with it.
func (x *Extractor) matchAll(text []rune, sents []sentence, explain bool, work *ruleWork) ([]matched, error) {
	found := make([]matched, 0, len(sents))
	for _, s := range sents {
		var drops *[]drop
		if explain {
			drops = new([]drop)
		}
		qs, err := x.match(text[s.start:s.end], drops, work)
		found = append(found, matched{qs, drops})
		if err != nil {
			return found, err
		}
	}
	return found, nil
}

// sentenceAhead is a sentence of a chunk with quantities as segmentAhead
// prepares it for describing: its text as a string and the byte offset in
// it of each of its code points (runeTexts), and the clauses describe
// segments first, with their tokens.
type sentenceAhead struct {
	str     string
	off     []int32
	clauses []clauseTokens
}

// segmentAhead segments the clauses that describe will segment first for
// the quantities of the sentences (describedClauses), all of the chunk in
// a few calls into jieba rather than one each, and returns them by
// sentence (see analysis.segment) with the sentence's text: a clause's
// text is a slice of its sentence's, which describing reads anyway. A
// sentence without quantities has the zero sentenceAhead.
func (x *Extractor) segmentAhead(text []rune, sents []sentence, found []matched) []sentenceAhead {
	plan, parts := planAhead(text, sents, found, nil)
	return plan.fill(segment.EachValid(x.seg, parts))
}

// aheadPlan is what segmentAhead cuts for a chunk, before the cut: the
// sentences' texts and their clauses without tokens.
type aheadPlan struct {
	ahead []sentenceAhead
	all   []clauseTokens // the clauses of every sentence, in order
	first []int          // the clauses of sentence i are all[first[i]:first[i+1]]
}

// planAhead returns the plan of segmentAhead for the sentences of a chunk
// and appends the text of each of its clauses to parts: a slice of its
// sentence's text (runeTexts), valid UTF-8 as a string made from code
// points is (segment.EachValid).
func planAhead(text []rune, sents []sentence, found []matched, parts []string) (aheadPlan, []string) {
	pl := aheadPlan{
		ahead: make([]sentenceAhead, len(found)),
		all:   make([]clauseTokens, 0, clauseRoom(found)),
		first: make([]int, len(found)+1),
	}
	parts = slices.Grow(parts, cap(pl.all))
	strs, offs := runeTexts(text, withQuantities(sents, found)) // the chunk's at once
	k := 0
	var an analysis // each sentence's s and qs in turn (describedClauses)
	for i, m := range found {
		pl.first[i] = len(pl.all)
		if len(m.qs) == 0 {
			continue
		}
		s := sents[i].span
		str, off := strs[k], offs[k]
		k++
		pl.ahead[i].str, pl.ahead[i].off = str, off
		an.s, an.qs = text[s.start:s.end], m.qs
		pl.all = an.describedClauses(pl.all)
		for _, c := range pl.all[pl.first[i]:] {
			parts = append(parts, str[off[c.start]:off[c.end]])
		}
	}
	pl.first[len(found)] = len(pl.all)
	return pl, parts
}

// clauseRoom returns the most clauses describedClauses can plan for the
// quantities of found: a quantity adds a clause or none, a sum of money
// sometimes two (objectClauseAhead). With room for one a quantity, the
// plan outgrew it in most documents of the 50 MB bench corpus (15 MB of
// arrays grown by append).
func clauseRoom(found []matched) int {
	n := 0
	for _, m := range found {
		for i := range m.qs {
			n++
			if u := m.qs[i].unit; u == schema.CNY || u == schema.USD {
				n++
			}
		}
	}
	return n
}

// withQuantities returns the spans of the sentences that hold quantities,
// in order: sents[i] holds found[i].qs.
func withQuantities(sents []sentence, found []matched) []span {
	n := 0
	for _, m := range found {
		if len(m.qs) > 0 {
			n++
		}
	}
	spans := make([]span, 0, n)
	for i, m := range found {
		if len(m.qs) > 0 {
			spans = append(spans, sents[i].span)
		}
	}
	return spans
}

// fill gives the clauses of the plan their tokens, toks[k] those of the
// k-th clause, and returns the sentences with their clauses.
func (pl aheadPlan) fill(toks [][]segment.Token) []sentenceAhead {
	for k, t := range toks {
		pl.all[k].toks = t
	}
	for i := range pl.ahead {
		pl.ahead[i].clauses = pl.all[pl.first[i]:pl.first[i+1]:pl.first[i+1]]
	}
	return pl.ahead
}

// SegmentAhead does, for Finish, the first segmentation of each of ps
// that is one chunk (most reports), all of them in as few calls into the
// segmenter as it allows: a worker of extract/batch prepares a group of
// documents, segments them together and then finishes each, so that each
// stage runs over several documents in a row (BenchmarkSegmentAhead).
// It matches first a document Read left unmatched (Match). Finish gives
// the same facts with or without it. A panic (a segmenter whose
// dictionaries did not load) is left to Finish to meet for its document:
// SegmentAhead then does nothing.
func (x *Extractor) SegmentAhead(ps []*Prepared) {
	defer func() { _ = recover() }()
	var parts []string
	plans := make([]aheadPlan, len(ps))
	from := make([]int, len(ps)+1) // the parts of ps[i] are parts[from[i]:from[i+1]]
	for i, p := range ps {
		from[i] = len(parts)
		if p.kept != nil && p.ahead == nil {
			p.Match()
			plans[i], parts = planAhead(p.kept.view.Runes, p.kept.sents, p.found, parts)
		}
	}
	from[len(ps)] = len(parts)
	toks := segment.EachValid(x.seg, parts)
	for i, p := range ps {
		if plans[i].first != nil {
			p.ahead = plans[i].fill(toks[from[i]:from[i+1]])
		}
	}
}

// opensWith reports whether the sentence s starts with word, after
// blanks.
func opensWith(s []rune, word string) bool {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\u3000' || s[0] == '\t' || s[0] == '\n') {
		s = s[1:]
	}
	_, ok := cutRunes(s, word)
	return ok
}
