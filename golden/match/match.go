package match

import (
	"cmp"
	"slices"

	"github.com/gwrfacts/gwr/schema"
)

// Pair is one pairing: A indexes the first slice given to Pairs, B the
// second.
type Pair struct {
	A, B int
}

// Overlap returns the number of code points shared by the spans
// [a.Start, a.End) and [b.Start, b.End); 0 when they do not intersect.
func Overlap(a, b schema.Fact) int {
	lo := max(a.Start, b.Start)
	hi := min(a.End, b.End)
	if hi <= lo {
		return 0
	}
	return int(hi - lo)
}

// Pairs pairs the facts of a with those of b one to one, largest overlap
// first (see the package comment). Only facts whose spans overlap are
// paired. The facts are assumed to belong to one document; DocID is not
// looked at. The pairs are returned sorted by A.
func Pairs(a, b []schema.Fact) []Pair {
	type candidate struct {
		Pair
		overlap int
	}
	var cands []candidate
	for i := range a {
		for j := range b {
			if n := Overlap(a[i], b[j]); n > 0 {
				cands = append(cands, candidate{Pair{i, j}, n})
			}
		}
	}
	slices.SortFunc(cands, func(x, y candidate) int {
		return cmp.Or(
			cmp.Compare(y.overlap, x.overlap),
			cmp.Compare(a[x.A].Start, a[y.A].Start),
			cmp.Compare(b[x.B].Start, b[y.B].Start),
			cmp.Compare(x.A, y.A),
			cmp.Compare(x.B, y.B),
		)
	})
	usedA := make([]bool, len(a))
	usedB := make([]bool, len(b))
	var pairs []Pair
	for _, c := range cands {
		if usedA[c.A] || usedB[c.B] {
			continue
		}
		usedA[c.A], usedB[c.B] = true, true
		pairs = append(pairs, c.Pair)
	}
	slices.SortFunc(pairs, func(x, y Pair) int { return cmp.Compare(x.A, y.A) })
	return pairs
}
