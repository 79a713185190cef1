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

// Runes returns the length of t's text in code points, End - Start: what
// utf8.RuneCountInString(t.Text) counts, without counting.
func (t Token) Runes() int { return t.End - t.Start }

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

// EachValid is Each for parts the caller knows to be valid UTF-8, as a
// string converted from code points is (string([]rune) writes U+FFFD for
// one that is no valid rune): a Jieba (SegmentEachValid) then looks in
// each part for NUL only, rather than decoding it to check it too.
func EachValid(seg Segmenter, parts []string) [][]Token {
	if e, ok := seg.(interface{ SegmentEachValid([]string) [][]Token }); ok {
		return e.SegmentEachValid(parts)
	}
	return Each(seg, parts)
}

// Jieba is a Segmenter backed by one gojieba instance. It is safe for
// concurrent use.
type Jieba struct {
	j    *gojieba.Jieba
	pos  *posTable // the tags of the dictionaries' words (see pos.go)
	tags sync.Pool // *tagCache of pos's tags, one per call cutting at a time
}

var (
	shared      *Jieba
	sharedErr   error
	sharedOnce  sync.Once
	preloadOnce sync.Once
	loaded      = make(chan struct{}) // closed when Default's load has ended
)

// Default returns the process-wide Jieba, loading the embedded dictionaries
// on first use (about 0.45 CPU-seconds); a call made while another loads
// them waits for that load.
func Default() (*Jieba, error) {
	sharedOnce.Do(func() {
		defer close(loaded)
		shared, sharedErr = load()
	})
	return shared, sharedErr
}

// Preload starts loading Default's dictionaries in the background, so that
// a command can read, clean and match its first documents meanwhile; Lazy
// segments with them once they are there. Calls after the first do
// nothing.
func Preload() { preloadOnce.Do(func() { go Default() }) }

// Loaded returns a channel closed once Default's dictionaries are loaded
// (or failed to load), starting the load in the background if it has not
// started (Preload): until then a Lazy segmenter would wait.
func Loaded() <-chan struct{} {
	Preload()
	return loaded
}

// Lazy returns a Segmenter that segments with Default, waiting for its
// dictionaries on first use. If they cannot be loaded, Segment panics with
// the error; a caller that uses Lazy checks its Err (Default's error)
// before it trusts the results, as batch.Run does.
func Lazy() Segmenter { return lazy{} }

type lazy struct{}

// Ready is Loaded: Segment does not wait once it is closed.
func (lazy) Ready() <-chan struct{} { return Loaded() }

// Err is Default's error, once the load has ended (it waits for it): not
// nil when the dictionaries could not be loaded and Segment panics.
func (lazy) Err() error {
	_, err := Default()
	return err
}

func (lazy) Segment(s string) []Token { return mustDefault().Segment(s) }

func (lazy) SegmentEach(parts []string) [][]Token { return mustDefault().SegmentEach(parts) }

func (lazy) SegmentEachValid(parts []string) [][]Token {
	return mustDefault().SegmentEachValid(parts)
}

// mustDefault is Default for lazy's segmenting methods, which panic with
// its error (see Lazy).
func mustDefault() *Jieba {
	j, err := Default()
	if err != nil {
		panic(err)
	}
	return j
}

// load places the dictionaries on disk (placeDicts: the cache, else a
// temporary directory) and loads them into a new gojieba instance
// (newJieba, which returns an error where cppjieba would abort the
// process); the table of the words' tags (pos.go) reads the same
// dictionaries.
func load() (*Jieba, error) {
	files, err := dictSet()
	if err != nil {
		return nil, err
	}
	var userData []byte
	for _, f := range files {
		if f.name == userDict {
			userData = f.data
		}
	}
	paths, done, err := placeDicts(files)
	if err != nil {
		return nil, err
	}
	defer done()
	loadHook("placed")
	j, err := newJieba(paths)
	if err != nil {
		return nil, err
	}
	return &Jieba{j: j, pos: defaultPosTable(userData)}, nil
}

// UserDict returns the domain dictionary jieba loads: the lexicon's words
// with a segmenter entry and the unit table's (lexicon.Lexicon.UserDict).
// It is hashed into the rule-set version.
func UserDict() []byte { return lexicon.Default().UserDict() }

// Segment cuts s into words with their part-of-speech tags: the words and
// tags of gojieba's Tag, from its Cut (the same cut, as slices of s: see
// cut) and the tags' table (pos.go), which costs less than Tag's C string
// per word. A token's Text is a slice of s. gojieba returns nothing useful for
// invalid UTF-8 and stops at NUL, so such input is repaired first (each
// bad byte becomes U+FFFD, NUL becomes a space); the offsets stay valid
// for the code points of s as Go ranges over them.
func (x *Jieba) Segment(s string) []Token {
	if s == "" {
		return nil
	}
	if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		s = repair(s)
	}
	words := x.cut(s)
	defer freeWords(words)
	toks := make([]Token, len(words))
	tags := x.tagCache()
	defer x.tags.Put(tags)
	pos := 0
	for i := range words {
		w := words[i].in(s)
		n := runeCount(w)
		toks[i] = Token{Text: w, Start: pos, End: pos + n, POS: tags.tag(x.pos, w)}
		pos += n
	}
	return toks
}

// eachBytes bounds the text SegmentEach gives jieba in one call.
const eachBytes = 8 << 10

// SegmentEach returns Segment(p) for each p of parts, cutting them
// together, each followed by a newline, in as few calls into jieba as
// eachBytes allows: a call costs about as much as cutting a clause of ten
// characters. jieba cuts the text between two separators (space, tab,
// newline, ， and 。: cppjieba's PreFilter) on its own and makes each
// separator a word, so a part has the words it has alone and the newline
// after it is a word of its own (TestSegmentEach). The slices returned
// share one array, each with its capacity cut to its length: appending to
// one does not write over the next.
func (x *Jieba) SegmentEach(parts []string) [][]Token { return x.segmentEach(parts, false) }

// SegmentEachValid is SegmentEach for parts the caller knows to be valid
// UTF-8 (see EachValid): a part is not decoded to check it, which cost
// about 15 instructions a code point; it is still searched for NUL (one
// byte search), which is repaired.
func (x *Jieba) SegmentEachValid(parts []string) [][]Token { return x.segmentEach(parts, true) }

// segmentEach is SegmentEach, or SegmentEachValid when valid is true.
func (x *Jieba) segmentEach(parts []string, valid bool) [][]Token {
	out := make([][]Token, len(parts))
	var ends []int // the byte offset of the newline after each part
	for from := 0; from < len(parts); {
		// the parts of one call: one at least, then as many as fit
		to, size := from, 0
		for ; to < len(parts) && (to == from || size+len(parts[to]) < eachBytes); to++ {
			size += len(parts[to]) + 1
		}
		var b strings.Builder
		b.Grow(size) // the text in one allocation (more if a part needs repair)
		ends = ends[:0]
		for _, p := range parts[from:to] {
			if !valid && !utf8.ValidString(p) || strings.IndexByte(p, 0) >= 0 {
				p = repair(p)
			}
			b.WriteString(p)
			ends = append(ends, b.Len())
			b.WriteByte('\n')
		}
		x.cutJoined(b.String(), ends, out[from:to])
		from = to
	}
	return out
}

// cutJoined cuts text, made of the parts of out each followed by a
// newline at the offset ends gives, and gives each part its tokens.
func (x *Jieba) cutJoined(text string, ends []int, out [][]Token) {
	words := x.cut(text)
	defer freeWords(words)
	toks := make([]Token, 0, len(words))
	tags := x.tagCache()
	defer x.tags.Put(tags)
	k, first, pos := 0, 0, 0 // the part, its first token, the code point in it
	for i := range words {
		start, end := words[i].span()
		w := text[start:end]
		if k < len(ends) && start == ends[k] {
			if len(toks) > first {
				out[k] = toks[first:len(toks):len(toks)]
			}
			k, first, pos = k+1, len(toks), 0
			continue
		}
		n, tag := runeCount(w), tags.tag(x.pos, w)
		toks = toks[:len(toks)+1] // (a token a word at most: there is room)
		t := &toks[len(toks)-1]   // its fields written in place, not a Token copied in
		t.Text, t.Start, t.End, t.POS = w, pos, pos+n, tag
		pos += n
	}
}

// runeCount returns utf8.RuneCountInString(w) for w valid UTF-8 (a word
// jieba cut from text checked or repaired before): it steps from the first
// byte of a code point to the next by the length the first byte gives,
// one step a Chinese character, where RuneCountInString decodes each (a
// call into the runtime past ASCII) and a test of each byte took one step
// a byte.
func runeCount(w string) int {
	n := 0
	for i := 0; i < len(w); n++ {
		switch c := w[i]; {
		case c < utf8.RuneSelf:
			i++
		case c < 0xE0:
			i += 2
		case c < 0xF0:
			i += 3
		default:
			i += 4
		}
	}
	return n
}

// tagCache holds the tags of the words a worker met in the texts it cut
// before: most words come again (增长, 亿元, %) in every report, and a
// slot of a small table read again costs less than the tag table's slot,
// a cache miss in megabytes. It is direct-mapped: a word has one slot,
// picked by its hash, which keeps the last word met there, in the slot
// itself (no pointer to follow, nothing to allocate). Words longer than a
// slot holds (five Chinese characters and more) are not cached. It is one
// call's at a time (Jieba.tagCache).
type tagCache struct {
	slots [tagCacheSlots]tagSlot
}

// tagSlot is a word of a tagCache, of n bytes (0 in a slot not used yet:
// jieba cuts no empty word), and its tag.
type tagSlot struct {
	n    uint8
	word [tagSlotBytes]byte
	tag  string
}

// tagCacheSlots is the number of slots of a tagCache, a power of two, and
// tagSlotBytes the longest word a slot holds.
const tagCacheSlots, tagSlotBytes = 1 << 14, 15

// tagCache takes a tagCache from x.tags for one call, which puts it back
// after: the caches live on between calls, one per worker cutting at a
// time.
func (x *Jieba) tagCache() *tagCache {
	if c, ok := x.tags.Get().(*tagCache); ok {
		return c
	}
	return new(tagCache)
}

// tag returns t.tag(word), from the cache when the word is in its slot.
func (c *tagCache) tag(t *posTable, word string) string {
	if len(word) > tagSlotBytes {
		return t.tag(word)
	}
	s := &c.slots[fnv1a(word)&(tagCacheSlots-1)]
	if int(s.n) == len(word) && string(s.word[:len(word)]) == word {
		return s.tag
	}
	tag := t.tag(word)
	s.n, s.tag = uint8(copy(s.word[:], word)), tag
	return tag
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
