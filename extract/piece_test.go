package extract

import (
	"slices"
	"testing"
)

// TestPiece checks piece against phrase{}.add, its original: the same
// spans, an empty phrase that is not nil, and phrases that share no
// array, past the room in the analysis and across blocks.
func TestPiece(t *testing.T) {
	a := newAnalysis([]rune("全年新增城镇就业6.2万人"), "", nil, noTimeWords, false, "", nil)
	var got []phrase
	for k := 0; k < 3*pieceBlock; k++ {
		s, e := k%7, k%7+k%3 // some empty
		p, want := a.piece(s, e), phrase{}.add(s, e)
		if !slices.Equal(p, want) || (p == nil) != (want == nil) {
			t.Fatalf("piece(%d, %d) = %v (nil %v); want %v (nil %v)", s, e, p, p == nil, want, want == nil)
		}
		got = append(got, p)
	}
	// a phrase made from a piece never writes into another
	for k, p := range got {
		if len(p) == 0 {
			continue
		}
		before := slices.Clone(got)
		_ = p.add(p[0].end, p[0].end+1)   // merged with the last piece
		_ = append(p, span{100, 101})     // past the piece's capacity
		_ = p.add(p[0].end+5, p[0].end+6) // a piece of its own
		for j := range got {
			if !slices.Equal(got[j], before[j]) {
				t.Fatalf("adding to piece %d changed piece %d: %v, was %v", k, j, got[j], before[j])
			}
		}
	}
}

// TestGrow checks grow against add, its original, on runs of spans that
// touch, leave gaps and are empty.
func TestGrow(t *testing.T) {
	runs := [][]span{
		{},
		{{3, 3}},
		{{0, 2}, {2, 4}, {4, 5}},
		{{0, 2}, {3, 4}, {4, 6}, {8, 9}},
		{{5, 5}, {5, 7}, {7, 7}, {7, 8}, {9, 12}, {12, 13}, {20, 21}, {22, 23}},
	}
	for _, run := range runs {
		var got, want phrase
		for _, sp := range run {
			got, want = got.grow(sp.start, sp.end), want.add(sp.start, sp.end)
			if !slices.Equal(got, want) || (got == nil) != (want == nil) {
				t.Fatalf("grow over %v: %v (nil %v); add gives %v (nil %v)", run, got, got == nil, want, want == nil)
			}
		}
	}
}
