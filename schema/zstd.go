package schema

import (
	"sync"

	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/klauspost/compress/zstd"
)

// zstdLevel is the zstd level of every Parquet page gwr writes: 1,
// zstd's fastest (klauspost/compress's SpeedFastest). Against arrow-go's
// default (3, SpeedDefault) writing the facts of the 50 MB bench corpus
// took 2.54 G instructions instead of 2.75 G (cachegrind of
// BenchmarkWriteParquetRealFacts, GOGC=off), for a file 2.1% larger
// (5.06 -> 5.17 MB).
const zstdLevel = 1

// zstdCodec is arrow-go's zstd codec, except that the encoders of
// zstdLevel, which compress every page gwr writes, are kept for the life
// of the process. arrow-go keeps them in a sync.Pool, which the
// garbage collector empties: during a run, whose heap is collected many
// times a second, most pages made a new encoder, with its 1 MB of match
// tables and, for a page of more than one 128 KB block, 8 MB of history
// (zstd's ensureHist). The encoders take arrow-go's options, so the bytes
// written are the same.
type zstdCodec struct {
	compress.Codec // arrow-go's: decoding, bounds, the other levels

	mu   sync.Mutex
	idle []*zstd.Encoder
}

// The codec replaces arrow-go's for Parquet files of every table.
func init() {
	c, err := compress.GetCodec(compress.Codecs.Zstd)
	if err != nil {
		panic(err) // arrow-go registers zstd in its init
	}
	compress.RegisterCodec(compress.Codecs.Zstd, &zstdCodec{Codec: c})
}

// EncodeLevel compresses src into dst[:0] as arrow-go does, through an
// idle encoder for zstdLevel.
func (z *zstdCodec) EncodeLevel(dst, src []byte, level int) []byte {
	if level != zstdLevel {
		return z.Codec.EncodeLevel(dst, src, level)
	}
	enc := z.get()
	defer z.put(enc)
	return enc.EncodeAll(src, dst[:0])
}

// get returns an idle encoder, or a new one with the options of arrow-go's
// encoder pool (compress.zstdEncoderPool) at zstdLevel.
func (z *zstdCodec) get() *zstd.Encoder {
	z.mu.Lock()
	if n := len(z.idle); n > 0 {
		enc := z.idle[n-1]
		z.idle = z.idle[:n-1]
		z.mu.Unlock()
		return enc
	}
	z.mu.Unlock()
	enc, err := zstd.NewWriter(nil, zstd.WithZeroFrames(true), zstd.WithEncoderLevel(zstd.EncoderLevelFromZstd(zstdLevel)),
		zstd.WithEncoderConcurrency(1), zstd.WithAllLitEntropyCompression(true))
	if err != nil {
		panic(err) // only for invalid options
	}
	return enc
}

// put makes enc idle again. There are never more idle encoders than pages
// compressed at once.
func (z *zstdCodec) put(enc *zstd.Encoder) {
	z.mu.Lock()
	z.idle = append(z.idle, enc)
	z.mu.Unlock()
}
