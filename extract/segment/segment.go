package segment

import (
	"embed"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yanyiwu/gojieba"

	"github.com/gwrfacts/gwr/extract/lexicon"
)

// dicts holds the dictionaries other than the main one (mainDict, pos.go).
//
//go:embed dict/hmm_model.utf8 dict/idf.utf8 dict/stop_words.utf8
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

// EachSegmenter is a Segmenter that can also cut several strings in one
// go, as Segment would cut each.
type EachSegmenter interface {
	Segmenter
	SegmentEach(parts []string) [][]Token
}

// Each returns Segment(p) for each p of parts: with one SegmentEach call
// when seg is an EachSegmenter, else with one Segment call each.
func Each(seg Segmenter, parts []string) [][]Token {
	if e, ok := seg.(EachSegmenter); ok {
		return e.SegmentEach(parts)
	}
	out := make([][]Token, len(parts))
	for i, p := range parts {
		out[i] = seg.Segment(p)
	}
	return out
}

// Jieba is a Segmenter that cuts as gojieba does (cut.go: cppjieba's cut
// done in Go). It is safe for concurrent use.
type Jieba struct {
	cut   *cutter
	files []dictFile // the dictionaries gojieba loads (Gojieba)

	ref     *gojieba.Jieba // the gojieba instance of Gojieba
	pos     *posTable      // the tags of the dictionaries' words (see pos.go)
	refErr  error
	refOnce sync.Once
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

func (lazy) SegmentEach(parts []string) [][]Token {
	j, err := Default()
	if err != nil {
		panic(err)
	}
	return j.SegmentEach(parts)
}

// load reads the dictionaries and the HMM model into the Go cutter
// (cut.go); gojieba itself is loaded only when Gojieba asks for it.
func load() (*Jieba, error) {
	files, err := dictSet()
	if err != nil {
		return nil, err
	}
	var userData, hmm []byte
	for _, f := range files {
		switch f.name {
		case userDict:
			userData = f.data
		case dictFiles[1]:
			hmm = f.data
		}
	}
	c, err := newCutter(mainDict, userData, string(hmm))
	if err != nil {
		return nil, err
	}
	return &Jieba{cut: c, files: files}, nil
}

// Gojieba returns a gojieba instance loaded with the same dictionaries
// and the tag table of its words (pos.go): the reference the Go cut is
// compared with. It places the dictionaries on disk (placeDicts: the
// cache, else a temporary directory) and loads them once.
func (x *Jieba) Gojieba() (*gojieba.Jieba, error) {
	x.refOnce.Do(func() {
		var userData []byte
		for _, f := range x.files {
			if f.name == userDict {
				userData = f.data
			}
		}
		paths, done, err := placeDicts(x.files)
		if err != nil {
			x.refErr = err
			return
		}
		defer done()
		x.ref, x.pos = gojieba.NewJieba(paths...), defaultPosTable(userData)
	})
	return x.ref, x.refErr
}

// UserDict returns the domain dictionary jieba loads: the lexicon's words
// with a segmenter entry and the unit table's (lexicon.Lexicon.UserDict).
// It is hashed into the rule-set version.
func UserDict() []byte { return lexicon.Default().UserDict() }

// Segment cuts s into words with their part-of-speech tags, the words
// and tags of gojieba's Tag (cut.go). A token's Text is a slice of s.
// gojieba returns nothing useful for invalid UTF-8 and stops at NUL, so
// such input is repaired first (each bad byte becomes U+FFFD, NUL becomes
// a space); the offsets stay valid for the code points of s as Go ranges
// over them.
func (x *Jieba) Segment(s string) []Token {
	if s == "" {
		return nil
	}
	if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		s = repair(s)
	}
	return x.cut.segment(s, make([]Token, 0, len(s)/4+1))
}

// SegmentEach returns Segment(p) for each p of parts. The slices
// returned share one array, each with its capacity cut to its length:
// appending to one does not write over the next.
func (x *Jieba) SegmentEach(parts []string) [][]Token {
	out := make([][]Token, len(parts))
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	toks := make([]Token, 0, n/4+1)
	ends := make([]int, len(parts))
	for i, p := range parts {
		if p != "" {
			if !utf8.ValidString(p) || strings.IndexByte(p, 0) >= 0 {
				p = repair(p)
			}
			toks = x.cut.segment(p, toks)
		}
		ends[i] = len(toks)
	}
	from := 0
	for i, e := range ends {
		if e > from {
			out[i] = toks[from:e:e]
		}
		from = e
	}
	return out
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
