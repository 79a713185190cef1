package segment

import (
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yanyiwu/gojieba"

	"github.com/gwrfacts/gwr/extract/lexicon"
)

//go:embed dict/*.utf8
var dicts embed.FS

// userDict is the name of the user dictionary among dictFiles: it is not a
// file of dict/ but made from the lexicon and the unit table.
const userDict = "user.dict.utf8"

// dictFiles are the five files gojieba.NewJieba takes, in its order: main
// dictionary, HMM model, user dictionary, IDF table, stop words. The IDF
// table and stop words serve keyword extraction, which we do not use, so
// they are one-line stand-ins (cppjieba rejects empty files).
var dictFiles = []string{"jieba.dict.utf8", "hmm_model.utf8", "user.dict.utf8", "idf.utf8", "stop_words.utf8"}

// Token is one word of a segmented string.
type Token struct {
	Text       string
	Start, End int    // code-point offsets into the segmented string
	POS        string // jieba part-of-speech tag: "n", "v", "m", "x" …
}

// Segmenter cuts a string into tokens. Each call returns a new slice,
// which the caller may change.
type Segmenter interface {
	Segment(s string) []Token
}

// Jieba is a Segmenter backed by one gojieba instance. It is safe for
// concurrent use.
type Jieba struct {
	j *gojieba.Jieba
}

var (
	shared     *Jieba
	sharedErr  error
	sharedOnce sync.Once
)

// Default returns the process-wide Jieba, loading the embedded dictionaries
// on first use (about 0.45 CPU-seconds); a call made while another loads
// them waits for that load.
func Default() (*Jieba, error) {
	sharedOnce.Do(func() { shared, sharedErr = load() })
	return shared, sharedErr
}

// Preload starts loading Default's dictionaries in the background, so that
// a command can read, clean and match its first documents meanwhile; Lazy
// segments with them once they are there.
func Preload() { go Default() }

// Lazy returns a Segmenter that segments with Default, waiting for its
// dictionaries on first use. If they cannot be loaded, Segment panics with
// the error; a caller that uses Lazy checks Default's error before it
// trusts the results.
func Lazy() Segmenter { return lazy{} }

type lazy struct{}

func (lazy) Segment(s string) []Token {
	j, err := Default()
	if err != nil {
		panic(err)
	}
	return j.Segment(s)
}

func (lazy) SegmentAll(parts []string) [][]Token {
	j, err := Default()
	if err != nil {
		panic(err)
	}
	return j.SegmentAll(parts)
}

func load() (*Jieba, error) {
	dir, err := os.MkdirTemp("", "gwr-jieba-")
	if err != nil {
		return nil, fmt.Errorf("segment: %w", err)
	}
	defer os.RemoveAll(dir)
	paths := make([]string, len(dictFiles))
	for i, name := range dictFiles {
		b, err := dicts.ReadFile("dict/" + name)
		if name == userDict {
			b, err = UserDict(), nil
		}
		if err != nil {
			return nil, fmt.Errorf("segment: embedded dictionary %s: %w", name, err)
		}
		paths[i] = filepath.Join(dir, name)
		if err := os.WriteFile(paths[i], b, 0o600); err != nil {
			return nil, fmt.Errorf("segment: %w", err)
		}
	}
	return &Jieba{j: gojieba.NewJieba(paths...)}, nil
}

// UserDict returns the domain dictionary jieba loads: the lexicon's words
// with a segmenter entry and the unit table's (lexicon.Lexicon.UserDict).
// It is hashed into the rule-set version.
func UserDict() []byte { return lexicon.Default().UserDict() }

// Segment cuts s into words with their part-of-speech tags. gojieba returns
// nothing useful for invalid UTF-8 and stops at NUL, so such input is
// repaired first (each bad byte becomes U+FFFD, NUL becomes a space); the
// offsets stay valid for the code points of s as Go ranges over them.
func (x *Jieba) Segment(s string) []Token {
	if s == "" {
		return nil
	}
	if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		s = repair(s)
	}
	tagged := x.j.Tag(s)
	toks := make([]Token, 0, len(tagged))
	pos := 0
	for _, t := range tagged {
		i := strings.LastIndexByte(t, '/')
		if i < 0 {
			continue
		}
		word := t[:i]
		n := utf8.RuneCountInString(word)
		toks = append(toks, Token{Text: word, Start: pos, End: pos + n, POS: t[i+1:]})
		pos += n
	}
	return toks
}

// Batch is a Segmenter that also segments many strings in one go, each
// exactly as Segment would (Jieba does, in few calls into jieba).
type Batch interface {
	Segmenter
	SegmentAll(parts []string) [][]Token
}

// All returns the segmentation of each of parts, as seg.Segment would give
// it: with one SegmentAll if seg is a Batch, else one Segment each.
func All(seg Segmenter, parts []string) [][]Token {
	if b, ok := seg.(Batch); ok {
		return b.SegmentAll(parts)
	}
	out := make([][]Token, len(parts))
	for i, p := range parts {
		out[i] = seg.Segment(p)
	}
	return out
}

// batchSep joins the parts SegmentAll hands to jieba in one string. It is
// one of cppjieba's separators (SPECIAL_SEPARATORS: space, tab, newline,
// ，and 。): cppjieba's PreFilter cuts the text at every separator and
// segments and tags each piece on its own (MixSegment::Cut; the DAG, the
// dynamic programming and the HMM see only the piece, and a word's tag
// only the word), and each separator is a one-character word. So the
// words of "A，B" are those of A, then ，, then those of B: one call does
// the work of two, without the cost of each call into jieba (about 4 µs).
const batchSep = "，"

// batchBytes bounds the text of one call of SegmentAll.
const batchBytes = 32 << 10

// SegmentAll returns Segment(p) for each of parts, in as few calls into
// jieba as batchBytes allows (see batchSep). Should the words of a call
// not fall apart at the separators as they must, each part of it is
// segmented on its own instead. Each part's slice may be changed and
// appended to by the caller.
func (x *Jieba) SegmentAll(parts []string) [][]Token {
	out := make([][]Token, len(parts))
	var b strings.Builder
	for from := 0; from < len(parts); {
		b.Reset()
		to := from
		for to < len(parts) && (to == from || b.Len()+len(parts[to]) < batchBytes) {
			p := parts[to]
			if !utf8.ValidString(p) || strings.IndexByte(p, 0) >= 0 {
				p = repair(p)
			}
			b.WriteString(p)
			b.WriteString(batchSep)
			to++
		}
		if !splitBatch(x.Segment(b.String()), parts[from:to], out[from:to]) {
			for i := from; i < to; i++ {
				out[i] = x.Segment(parts[i])
			}
		}
		from = to
	}
	return out
}

// splitBatch deals the tokens of the parts joined by batchSep (each part
// followed by it) out to the parts, with offsets into each part, and
// reports whether they fell apart at the separators as they must.
func splitBatch(toks []Token, parts []string, out [][]Token) bool {
	k, base := 0, 0 // the part and the offset of its start in the joined text
	for i := 0; i < len(parts); i++ {
		n := utf8.RuneCountInString(parts[i])
		j := k
		for j < len(toks) && toks[j].End <= base+n {
			if toks[j].Start < base {
				return false
			}
			j++
		}
		if j == len(toks) || toks[j].Start != base+n || toks[j].End != base+n+1 || toks[j].Text != batchSep {
			return false // a word across the separator, or no separator word
		}
		if j > k {
			own := toks[k:j:j] // capped: an append by the caller copies
			for t := range own {
				own[t].Start -= base
				own[t].End -= base
			}
			out[i] = own
		} else {
			out[i] = nil
		}
		k, base = j+1, base+n+1
	}
	return k == len(toks)
}

// repair replaces each invalid byte with U+FFFD and each NUL with a space,
// keeping one code point per code point of s as range sees them.
func repair(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == 0 {
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}
