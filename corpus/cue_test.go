package corpus

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestIndexIsStringsIndex checks index and count against strings.Index and
// strings.Count: the keys InferMeta looks for, and pieces cut at random
// (whole characters or not) out of the reports of testdata.
func TestIndexIsStringsIndex(t *testing.T) {
	files, err := filepath.Glob("testdata/extra/*")
	if err != nil || len(files) < 10 {
		t.Fatalf("testdata/extra: %d files, %v; want at least 10", len(files), err)
	}
	texts := []string{"", "a", "aa", "aaa", "长长长", "届人民代表大会届人大", "人民政府人民"}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, text := range texts {
		keys := []string{"a", "aa", "长", "主席", "届人民代表大会", "届人大", "人民政府", "政府工作报告", "各位代表", "全县", "全市", "国务院", "\n\n"}
		for range 100 {
			if len(text) == 0 {
				break
			}
			i := rng.IntN(len(text))
			keys = append(keys, text[i:min(len(text), i+1+rng.IntN(12))])
		}
		for _, key := range keys {
			if got, want := index(text, key), strings.Index(text, key); got != want {
				t.Fatalf("index(text of %d bytes, %q) = %d, want %d", len(text), key, got, want)
			}
			if got, want := count(text, key), strings.Count(text, key); got != want {
				t.Fatalf("count(text of %d bytes, %q) = %d, want %d", len(text), key, got, want)
			}
		}
	}
}

// TestUTF8Prefix checks utf8Prefix's count of the valid prefix and of its
// multi-byte sequences against decoding rune by rune.
func TestUTF8Prefix(t *testing.T) {
	for _, s := range []string{"", "abc", "增长6.5%", "𝑥é增", "增长\xff增", "abc\xe5\xa2", "\xc0\x80", "\xed\xa0\x80x", "é\xf4\x90\x80\x80"} {
		valid, multi := 0, 0
		for valid < len(s) {
			r, size := utf8.DecodeRuneInString(s[valid:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			if size > 1 {
				multi++
			}
			valid += size
		}
		if v, m := utf8Prefix([]byte(s)); v != valid || m != multi {
			t.Errorf("utf8Prefix(%q) = %d, %d; want %d, %d", s, v, m, valid, multi)
		}
	}
}
