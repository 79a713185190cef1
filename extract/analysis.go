package extract

// The stage data of the attribute questions: one sentence, its quantities and
// the segmentation of the clauses that hold them.

import (
	"slices"
	"sort"
	"unicode/utf8"
	"unsafe"

	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/schema"
)

// analysis is one sentence with the segmentation of the clauses that
// hold quantities, shared by the facts of the sentence. Only those clauses
// are segmented: jieba is the slowest stage, and the words that describe a
// fact lie in its clause.
type analysis struct {
	s              []rune
	str            string     // s as a string
	off            []int32    // off[i] is the byte offset in str of s[i]; off[len(s)] = len(str)
	qs             []quantity // the quantities of the sentence (loops read each in place, &a.qs[k]: a copy of each, 184 bytes, cost more than the tests)
	seg            segment.Segmenter
	toks           []segment.Token // tokens of the segmented clauses, in order, offsets into s
	done           [][2]int        // clause spans already segmented, [start, end)
	tokStart, tokE []bool          // token boundaries, indexed by offset into s
	bounds         []bool          // tokStart and tokE in one array (kept by reset)
	time           timeWords       // the time words of chain + the sentence (see describe)
	hedged         bool            // the sentence holds a hedge word
	ahead          []clauseTokens  // clauses segmented ahead of need (segmentAhead)
	tokRoom        []segment.Token // room for toks when clauses are merged into it, reused from sentence to sentence (see segmentClause, reset)
	trims          []trimmed       // the texts trimmed so far (see trimBounds)
	nouns          []nounAt        // nounAfter's answers since the tokens last changed (emptied by segmentClause)
	fragmentToks   []span          // fragment's buffer of tokens
	pieces         []span          // the phrases' one pieces (piece)
	tokRest        []span          // the free rest of the block tokens cuts its results from, kept by reset (see tokens)
	masked         string          // str with its not-time words masked (maskNotTime)
	planEnd        int             // 1 + the end of str's first plan word, -1 if none, 0 not known yet (planWordBefore)
	notes          int8            // whether str may hold a footnote mark (mayHoldNote): 1 yes, -1 no, 0 not known yet (dropNotes)
	hedges         []hedgeAt       // the hedge words of masked that start before byte hedgeScan (scanHedges)
	hedgeScan      int
	firstFrom      int    // 1 + the index in s of its first 由 or 从, -1 if none, 0 not known yet (fromBefore)
	factRoom       []fact // room for the facts describe makes (newFact), kept by reset

	// room for the first entries of done, trims, nouns and fragmentToks
	// in the analysis's own allocation (newAnalysis): most sentences need
	// no more, and each list would otherwise grow from nothing
	doneRoom  [4][2]int
	trimRoom  [8]trimmed
	nounRoom  [4]nounAt
	fragRoom  [8]span
	pieceRoom [16]span
}

// clauseTokens is the clause [start, end) of a sentence and its tokens,
// offsets into the clause.
type clauseTokens struct {
	start, end int
	toks       []segment.Token
}

// newAnalysis prepares the sentence s (str as a string, off the byte
// offsets of its code points in str: runeText); time holds the time words
// of the sentences it is chained to and its own (see ExtractChecked),
// hedged whether str holds a hedge word and masked str as maskNotTime
// returns it (both from sentenceWords).
func newAnalysis(s []rune, str string, off []int32, time timeWords, hedged bool, masked string, seg segment.Segmenter) *analysis {
	a := new(analysis)
	a.reset(s, str, off, time, hedged, masked, seg)
	return a
}

// reset prepares a for the sentence s as newAnalysis does, whatever
// sentence a held before: runChunk describes the sentences of a chunk one
// after the other with one analysis, each after the one before is done
// (its facts made rows), and the lists a has grown keep their room (the
// token bounds, tokRoom, hedges, and the lists of the rooms in a) rather
// than an analysis of 1.4 KB and its lists allocated for each sentence.
func (a *analysis) reset(s []rune, str string, off []int32, time timeWords, hedged bool, masked string, seg segment.Segmenter) {
	bounds, tokRoom, hedges, factRoom, tokRest := a.bounds, a.tokRoom, a.hedges, a.factRoom, a.tokRest
	n := 2 * (len(s) + 1) // tokStart and tokE in one allocation
	if cap(bounds) < n {
		bounds = make([]bool, n)
	} else {
		bounds = bounds[:n]
		clear(bounds)
	}
	*a = analysis{s: s, str: str, off: off, seg: seg, bounds: bounds, tokStart: bounds[:len(s)+1], tokE: bounds[len(s)+1:],
		time: time, hedged: hedged, masked: masked, tokRoom: tokRoom, hedges: hedges[:0], factRoom: factRoom[:0], tokRest: tokRest}
	a.done, a.trims, a.nouns, a.fragmentToks, a.pieces = a.doneRoom[:0], a.trimRoom[:0], a.nounRoom[:0], a.fragRoom[:0], a.pieceRoom[:0]
}

// newFact returns a new fact of q, in a.factRoom while it has room: the
// facts of a sentence live until the next sentence resets the analysis,
// which writes over them. When the room is full a larger one is made;
// the facts in the old one stay where they are.
func (a *analysis) newFact(q *quantity) *fact {
	if len(a.factRoom) == cap(a.factRoom) {
		a.factRoom = make([]fact, 0, max(4, 2*cap(a.factRoom)))
	}
	a.factRoom = append(a.factRoom, fact{q: q})
	return &a.factRoom[len(a.factRoom)-1]
}

// runeTexts returns, for each span sp of spans, string(text[sp.start:sp.end])
// and the byte offset in it of each of its code points, then its length
// (as ranging over the string gives them): the strings are slices of one
// string, the offsets of one array (each with its capacity cut to its
// length). A code point's offset is where the encoding of those before it
// has reached, in a buffer with room for three bytes each (most code
// points of a report), which becomes the string (unsafe.String: nothing
// writes to it after), not copied into one: one pass over the code
// points, where measuring them all first (utf8.RuneLen) took two.
func runeTexts(text []rune, spans []span) ([]string, [][]int32) {
	n := 0
	for _, sp := range spans {
		n += sp.end - sp.start + 1
	}
	strs, offs := make([]string, len(spans)), make([][]int32, len(spans))
	room := make([]int32, n)
	buf := make([]byte, 0, 3*(n-len(spans)))
	for k, sp := range spans {
		l := sp.end - sp.start + 1
		off := room[:l:l]
		room = room[l:]
		from := len(buf)
		for i, r := range text[sp.start:sp.end] {
			off[i] = int32(len(buf) - from)
			buf = utf8.AppendRune(buf, r) // as string(s) writes it: U+FFFD for no valid rune
		}
		off[l-1] = int32(len(buf) - from)
		offs[k] = off
	}
	all, at := unsafe.String(unsafe.SliceData(buf), len(buf)), 0
	for k, off := range offs {
		end := at + int(off[len(off)-1])
		strs[k], at = all[at:end], end
	}
	return strs, offs
}

// sub returns s[i:j] as a string, without copying.
func (a *analysis) sub(i, j int) string { return a.str[a.off[i]:a.off[j]] }

// segmentClause segments the clause [cs, ce) once. The tokens of all the
// clauses are kept ordered by start. A span from a start already segmented
// is segmented again only when it reaches further: a list item segmented
// alone (一般公共预算收入、) leaves the words after it (税收收入年均分别【增长】)
// to the whole span, whose new words fill the gap.
func (a *analysis) segmentClause(cs, ce int) {
	if ce <= cs || slices.ContainsFunc(a.done, func(d [2]int) bool { return d[0] == cs && d[1] >= ce }) {
		return
	}
	a.done = append(a.done, [2]int{cs, ce})
	toks := a.segment(cs, ce)
	a.nouns = a.nouns[:0] // new tokens can change any noun phrase (nounAfter)
	for i := range toks {
		t := &toks[i]
		t.Start += cs
		t.End += cs
		a.tokStart[t.Start], a.tokE[t.End] = true, true
	}
	if len(toks) == 0 {
		return
	}
	if a.toks == nil && len(a.ahead) < 2 {
		a.toks = toks // the first clause: its slice is ours (see Segmenter)
		return
	}
	if a.toks == nil {
		// room for all the clauses segmented ahead and one more: the
		// slice does not grow as each comes in. The room is tokRoom,
		// grown if need be: no sentence holds its tokens after it is
		// described, so the next one may write over them
		n := len(toks)
		for _, c := range a.ahead {
			n += len(c.toks)
		}
		a.toks = append(slices.Grow(a.tokRoom[:0], n), toks...)
		a.tokRoom = a.toks[:0]
		return
	}
	// clauses do not overlap: the new tokens go in one piece between the
	// tokens that end before them and those that start after them
	at := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].Start >= toks[0].Start })
	if (at == 0 || a.toks[at-1].End <= toks[0].Start) && (at == len(a.toks) || toks[len(toks)-1].End <= a.toks[at].Start) {
		a.toks = slices.Insert(a.toks, at, toks...)
		return
	}
	// a clause that overlaps words already there (it started at another
	// mark: 县（市、区）委书记…): only its words in the gaps go in, so that
	// no code point is covered twice
	for _, t := range toks {
		if !a.covered(t.Start, t.End) {
			a.toks = append(a.toks, t)
		}
	}
	sort.Slice(a.toks, func(i, j int) bool { return a.toks[i].Start < a.toks[j].Start })
}

// covered reports whether a token of the sentence overlaps [s, e).
func (a *analysis) covered(s, e int) bool {
	for _, t := range a.toks {
		if t.Start < e && s < t.End {
			return true
		}
	}
	return false
}

// segment returns the tokens of [cs, ce), offsets into it: those
// segmented ahead for exactly that span, else jieba's now.
func (a *analysis) segment(cs, ce int) []segment.Token {
	for _, c := range a.ahead {
		if c.start == cs && c.end == ce {
			return c.toks
		}
	}
	return a.seg.Segment(a.sub(cs, ce))
}

// describedClauses appends to out the spans describe segments for the
// quantities a.qs of the sentence a.s, in its order: for each quantity,
// from its list start to the end of its clause, each such span once (see
// segmentClause), and the clause after it when it is a sum named by its
// cue alone (objectClauseAhead). A quantity of that clause has the same
// span, left out the second time. It reads only a.s and a.qs: planAhead
// plans the sentences of a chunk with one analysis holding just them,
// which costs less than a new one of 1.4 KB cleared for each.
func (a *analysis) describedClauses(out []clauseTokens) []clauseTokens {
	qs := a.qs
	from := len(out)
	for k := range qs {
		q := &qs[k]
		cs, ce := a.listStart(q.start), a.clauseEnd(q.end)
		if ce > cs && !slices.ContainsFunc(out[from:], func(c clauseTokens) bool { return c.start == cs && c.end >= ce }) {
			out = append(out, clauseTokens{start: cs, end: ce})
		}
		if ns, ne, ok := a.objectClauseAhead(q, cs); ok {
			out = append(out, clauseTokens{start: ns, end: ne})
		}
	}
	return out
}

// objectClauseAhead returns the clause after q, whose clause starts at
// cs, when q is a sum of money that ends its clause at a comma with one
// or two characters before it in the clause, a cue alone (投资1亿元，
// 实施【城市品质提升行动】): the object of that clause names most such
// sums, and indicatorOf segments it (objectOfNextClause). Cut alone, when
// indicatorOf asks for it, a clause costs about four times what it costs
// cut with the others (segmentAhead), so describedClauses plans it: indicatorOf
// asks for 13 of the 15 clauses planned so on the bundled reports and the
// development set, 15782 of 15977 on the 50 MB bench corpus (for any sum
// at a comma, about one in ten on the reports).
func (a *analysis) objectClauseAhead(q *quantity, cs int) (start, end int, ok bool) {
	if before := q.start - cs; before < 1 || before > 2 || q.unit != schema.CNY && q.unit != schema.USD {
		return 0, 0, false
	}
	start, end, ok = a.nextClauseOf(q.end)
	return start, end, ok && end > start
}

// nextClauseOf returns the clause after the comma at position i, [i+1,
// its end), and false when i is no comma.
func (a *analysis) nextClauseOf(i int) (start, end int, ok bool) {
	if i >= len(a.s) || a.s[i] != '，' && a.s[i] != ',' {
		return 0, 0, false
	}
	return i + 1, a.clauseEnd(i + 1), true
}

// clauseStart returns the start of the clause holding position i.
func (a *analysis) clauseStart(i int) int { return clauseStartOf(a.s, i) }

// clauseEnd returns the end of the clause holding position i.
func (a *analysis) clauseEnd(i int) int {
	for i < len(a.s) && !isClauseMark(a.s[i]) {
		i++
	}
	return i
}

// listStart returns where the words describing a quantity at i may start:
// the clause start, extended back over list items (、) that hold no number
// of their own, so that a name list sharing one number (“瞪羚”企业、
// “专精特新”企业2家) and the cue before it stay in view.
func (a *analysis) listStart(i int) int {
	cs := a.clauseStart(i)
	for cs > 0 && a.s[cs-1] == '、' {
		prev := a.clauseStart(cs - 1)
		if a.hasQuantity(prev, cs-1) {
			break
		}
		cs = prev
	}
	return cs
}

// hasQuantity reports whether a quantity of the sentence overlaps [s, e).
func (a *analysis) hasQuantity(s, e int) bool {
	for k := range a.qs {
		q := &a.qs[k]
		if q.start < e && s < q.end {
			return true
		}
	}
	return false
}

// lastQuantityEnd returns the end of the last quantity of the sentence
// inside [s, e), or -1.
func (a *analysis) lastQuantityEnd(s, e int) int {
	end := -1
	for k := range a.qs {
		q := &a.qs[k]
		if q.start >= s && q.end <= e {
			end = q.end
		}
	}
	return end
}
