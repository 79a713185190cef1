package extract

// Looking ahead: the rules run over every sentence of a chunk before any
// fact of it is described, so that the clauses describe will segment can
// be segmented all at once. A call into jieba costs about as much as
// segmenting a dozen characters, and a clause of a fact is about that
// long: one call for many clauses (segment.All) halves the time spent
// segmenting, with the same tokens.

import (
	"slices"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/extract/segment"
)

// ahead is what lookAhead found of the sentences of a chunk.
type ahead struct {
	qs   [][]quantity     // the quantities of each sentence
	strs []string         // each sentence with quantities as a string
	toks [][]clauseTokens // the clauses describe will segment first, segmented
	stop int              // the sentence over the rules' work limit, or len(qs)
	err  error            // that sentence's error
}

// lookAhead matches the sentences of a chunk (text its cleaned runes) in
// order, as runChunk would, up to one over the rules' work limit, and
// segments the clause describe will ask for first for each quantity
// (describedClause; one per clause start, as segmentClause does).
func (x *Extractor) lookAhead(text []rune, sents []sentence, work *ruleWork) *ahead {
	ah := &ahead{qs: make([][]quantity, len(sents)), strs: make([]string, len(sents)), toks: make([][]clauseTokens, len(sents)), stop: len(sents)}
	var parts []string
	type ref struct{ sent, clause int }
	var refs []ref
	for i, s := range sents {
		qs, err := x.match(text[s.start:s.end], nil, work)
		ah.qs[i] = qs
		if err != nil {
			ah.stop, ah.err = i, err
			break
		}
		if len(qs) == 0 {
			continue
		}
		a := &analysis{s: text[s.start:s.end], qs: qs}
		str := string(a.s)
		ah.strs[i] = str
		var starts []int
		for k := range qs {
			cs, ce := a.describedClause(&qs[k])
			if ce <= cs || slices.Contains(starts, cs) {
				continue
			}
			starts = append(starts, cs)
			refs = append(refs, ref{i, len(ah.toks[i])})
			ah.toks[i] = append(ah.toks[i], clauseTokens{cs: cs, ce: ce})
			from := utf8Len(a.s[:cs])
			parts = append(parts, str[from:from+utf8Len(a.s[cs:ce])])
		}
	}
	for n, toks := range segment.All(x.seg, parts) {
		ah.toks[refs[n].sent][refs[n].clause].toks = toks
	}
	return ah
}

// utf8Len returns the length in bytes of string(s).
func utf8Len(s []rune) int {
	n := 0
	for _, r := range s {
		l := utf8.RuneLen(r)
		if l < 0 {
			l = utf8.RuneLen(utf8.RuneError) // string() writes U+FFFD
		}
		n += l
	}
	return n
}

// sentence hands over what was found of sentence i: its quantities, the
// clauses segmented for it, the sentence as a string if it has
// quantities ("" if not) and, for the sentence over the work limit, the
// error.
func (ah *ahead) sentence(i int) ([]quantity, []clauseTokens, string, error) {
	qs, toks, str := ah.qs[i], ah.toks[i], ah.strs[i]
	ah.qs[i], ah.toks[i], ah.strs[i] = nil, nil, ""
	if i == ah.stop {
		return qs, nil, "", ah.err
	}
	return qs, toks, str, nil
}
