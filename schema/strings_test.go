package schema

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// TestStringBuilderLikeArrow checks that stringBuilder builds the arrays
// arrow-go's StringBuilder builds from the same values (empty strings,
// long ones that outgrow the room of the batch before), batch after batch.
func TestStringBuilderLikeArrow(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	ours := newStringBuilder()
	defer ours.Release()
	theirs := array.NewStringBuilder(memory.DefaultAllocator)
	defer theirs.Release()
	for batch := range 6 {
		for range []int{0, 70, 3, 200, 40, 1}[batch] {
			s := strings.Repeat("增长", rng.IntN(3+batch*batch*20))
			ours.Append(s)
			theirs.Append(s)
		}
		got, want := ours.NewArray(), theirs.NewArray()
		if !array.Equal(got, want) || got.NullN() != want.NullN() || got.Len() != want.Len() {
			t.Errorf("batch %d:\n got %v\nwant %v", batch, got, want)
		}
		got.Release()
		want.Release()
	}
}
