package schema

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// TestDictBuilderLikeArrow checks that dictBuilder builds the arrays
// arrow-go's BinaryDictionaryBuilder builds from the same values (runs of
// one value, values seen before, nulls, the empty string), batch after
// batch, keeping its dictionary or resetting it between batches.
func TestDictBuilderLikeArrow(t *testing.T) {
	dt := typeDict
	values := []string{"", "增长", "亿元", "2024", "地区生产总值", "percent"}
	for _, reset := range []bool{false, true} {
		t.Run(fmt.Sprint("reset=", reset), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(3, 4))
			ours := newDictBuilder(dt)
			defer ours.Release()
			theirs := array.NewDictionaryBuilder(memory.DefaultAllocator, dt).(*array.BinaryDictionaryBuilder)
			defer theirs.Release()
			for batch := range 4 {
				v := values[0]
				for range 50 + batch*30 {
					switch r := rng.IntN(10); {
					case r < 4: // the value before again
					case r < 5 && batch%2 == 1:
						ours.AppendNull()
						theirs.AppendNull()
						continue
					default:
						v = values[rng.IntN(len(values))]
					}
					ours.Append(v)
					if err := theirs.AppendString(v); err != nil {
						t.Fatal(err)
					}
				}
				got, want := ours.NewArray(), theirs.NewArray()
				if !array.Equal(got, want) || got.NullN() != want.NullN() {
					t.Errorf("batch %d:\n got %v\nwant %v", batch, got, want)
				}
				gd, wd := got.(*array.Dictionary).Dictionary(), want.(*array.Dictionary).Dictionary()
				if !array.Equal(gd, wd) {
					t.Errorf("batch %d: dictionary\n got %v\nwant %v", batch, gd, wd)
				}
				got.Release()
				want.Release()
				if reset {
					ours.reset()
					theirs.ResetFull()
				}
			}
		})
	}
}
