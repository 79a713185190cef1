package schema

import (
	"fmt"
	"math/rand/v2"
	"reflect"
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
	// 增长率 and 增加率 share a slot of the builder's cache (dictSlot)
	values := []string{"", "增长", "亿元", "2024", "地区生产总值", "percent", "增长率", "增加率"}
	if dictSlot("增长率") != dictSlot("增加率") {
		t.Fatal("增长率 and 增加率 in different slots: the test misses the cache's evictions")
	}
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

// TestDictAppenderLikeStringAppender checks that a batch whose string
// columns without nulls are appended by dictAppender (as newBatch makes
// them for a parquetWriter) holds the same arrays and counts the same
// bytes as one whose every string column goes through cellAppender.
func TestDictAppenderLikeStringAppender(t *testing.T) {
	facts := randomFacts(3000, 11)
	fast := newBatch(FactsTable, FactsTable.ArrowSchema(Meta{}), true)
	defer fast.release()
	slow := newBatch(FactsTable, FactsTable.ArrowSchema(Meta{}), true)
	defer slow.release()
	direct := 0
	for i, c := range slow.cols {
		if d, ok := c.(*dictBuilder); ok && slow.t.cols[i].kind == kindString {
			slow.cells[i] = cellAppender(slow.t.cols[i], nil, d.Append, d.AppendNull)
			direct++
		}
	}
	if direct == 0 {
		t.Fatal("no string column without nulls: dictAppender untested")
	}
	for _, b := range []*batch{fast, slow} {
		if err := b.writeRows(reflect.ValueOf(facts), func() error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	if fast.rows != slow.rows || fast.bytes != slow.bytes {
		t.Errorf("rows, bytes: got %d, %d; want %d, %d", fast.rows, fast.bytes, slow.rows, slow.bytes)
	}
	got, want := fast.arrays(true), slow.arrays(true)
	for i := range got {
		if !array.Equal(got[i], want[i]) {
			t.Errorf("column %s differs", FactsTable.Columns[i].Name)
		}
		got[i].Release()
		want[i].Release()
	}
}

// TestDictCopies checks the dictionary's copies of its values (copyValue)
// over many blocks: after values of lengths from 0 to past dictCopyBlock,
// each new to the dictionary, every value of the dictionary must still be
// the one appended (no copy written over by a later one), round after
// round of a reset.
func TestDictCopies(t *testing.T) {
	d := newDictBuilder(typeDict)
	var want []string
	buf := make([]byte, dictCopyBlock+10)
	lengths := []int{0, 1, 3, 7, 100, 255, 256, 257, 1000, 5000, dictCopyBlock - 1, dictCopyBlock, dictCopyBlock + 10}
	for round := range 3 {
		want = want[:0]
		for k := range 400 {
			n := lengths[k%len(lengths)]
			for i := range buf[:n] {
				buf[i] = byte('a' + (i+k+round)%26)
			}
			v := fmt.Sprintf("%d-%d:%s", round, k, buf[:n]) // new to the dictionary
			d.Append(v)
			want = append(want, v)
		}
		if !reflect.DeepEqual(d.values, want) {
			t.Fatalf("round %d: the dictionary's values differ from those appended", round)
		}
		d.reset()
	}
}
