package batch

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/gwrfacts/gwr/corpus"
)

// ShardOf returns the shard, 0 to n-1, that the document with this ID
// belongs to among n: the 64-bit FNV-1a hash of the ID's UTF-8 bytes,
// modulo n. It depends on the ID alone, so every machine given the same
// corpus agrees on it, and a document keeps its shard when others are
// added.
func ShardOf(id string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(id))
	return int(h.Sum64() % uint64(n))
}

// Shard returns the inputs of shard i of n (see ShardOf), in their order.
func Shard(inputs []corpus.Input, i, n int) []corpus.Input {
	var out []corpus.Input
	for _, in := range inputs {
		if ShardOf(in.ID, n) == i {
			out = append(out, in)
		}
	}
	return out
}

// ParseShard reads a shard argument "I/N": shard I, counted from 0, of N.
func ParseShard(s string) (i, n int, err error) {
	a, b, ok := strings.Cut(s, "/")
	if ok {
		i, err = strconv.Atoi(a)
		if err == nil {
			n, err = strconv.Atoi(b)
		}
	}
	if !ok || err != nil || n < 1 || i < 0 || i >= n {
		return 0, 0, fmt.Errorf("batch: bad shard %q (want I/N with 0 <= I < N, as 0/4 … 3/4)", s)
	}
	return i, n, nil
}
