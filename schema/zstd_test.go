package schema

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/apache/arrow-go/v18/parquet/compress"
)

// TestZstdCodecSameBytes checks that the codec gwr registers compresses
// pages to the same bytes as arrow-go's own, for pages of one block, of
// several blocks and of more than a megabyte, and reads them back.
func TestZstdCodecSameBytes(t *testing.T) {
	c, err := compress.GetCodec(compress.Codecs.Zstd)
	if err != nil {
		t.Fatal(err)
	}
	z, ok := c.(*zstdCodec)
	if !ok {
		t.Fatalf("registered zstd codec is %T, want *zstdCodec", c)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"地区生产总值", "增长", "5.2%", "一般公共预算收入", "亿元", "，", "。", "城乡居民人均可支配收入"}
	for _, size := range []int{0, 100, 64 << 10, 300 << 10, 1<<20 + 12345} {
		var src bytes.Buffer
		for src.Len() < size {
			src.WriteString(words[rng.IntN(len(words))])
		}
		page := src.Bytes()[:size]
		for _, level := range []int{zstdLevel, compress.DefaultCompressionLevel, 3} {
			t.Run(fmt.Sprintf("%d/%d", size, level), func(t *testing.T) {
				for range 2 { // the second time through an idle encoder
					got := z.EncodeLevel(make([]byte, 0, 16), page, level)
					want := z.Codec.EncodeLevel(nil, page, level)
					if !bytes.Equal(got, want) {
						t.Fatalf("%d bytes compressed to %d bytes, arrow-go's codec gives %d", size, len(got), len(want))
					}
					if back := z.Decode(nil, got); !bytes.Equal(back, page) {
						t.Fatalf("read back %d bytes, want %d", len(back), size)
					}
				}
			})
		}
	}
}
