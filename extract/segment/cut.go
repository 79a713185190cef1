package segment

/*
#cgo LDFLAGS: -lm
#include <math.h>

// logRatios sets v[i] to log(v[i] / sum): cppjieba's word weights, with
// the C library's log that cppjieba calls, so that they are the same
// doubles bit for bit.
static void logRatios(double *v, int n, double sum) {
	for (int i = 0; i < n; i++) {
		v[i] = log(v[i] / sum);
	}
}
*/
import "C"

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// jieba's cut (cppjieba's MixSegment with the HMM, as gojieba's Tokenize
// runs it in DefaultMode), done in Go: the same words as cppjieba for
// every string, without a call into C++ per string nor cppjieba's
// dictionary load (about 0.5 CPU-seconds per run).
//
// cppjieba, step by step (MixSegment.hpp, MPSegment.hpp, HMMSegment.hpp,
// DictTrie.hpp, Trie.hpp, PreFilter.hpp of gojieba's copy):
//   - the text is cut at the separators space, tab, newline, ， and 。, each
//     separator a range of its own (PreFilter);
//   - in a range, the maximum-probability route over the dictionary words
//     (a trie of the main dictionary's words, then the user dictionary's,
//     a later entry replacing an earlier one's weight and tag): from the
//     last code point to the first, each position takes the first of its
//     candidates with the greatest weight + the route after it (strictly
//     greater replaces), the candidates being the code point alone (its
//     word's weight, or the smallest weight of the main dictionary when it
//     is no word) and then the longer words starting there, shortest first;
//   - words of one code point that are not a single code point of the user
//     dictionary are gathered in runs and cut by the HMM: ASCII letters
//     (then letters and digits), digits (then digits and dots) and other
//     ASCII code points are words as they come, the code points between
//     are cut by the Viterbi path of the B/E/M/S model (ties go to the
//     first state, the end to E when E >= S).
//
// The weights are log(freq / sum of the main dictionary's freqs), the
// user dictionary's words without a frequency taking the median weight of
// the main dictionary; they are computed by the C library's log, as
// cppjieba does. TestCutIsJiebas compares the cut with gojieba's Tokenize
// on every line of the bundled reports, the development set, the
// dictionaries' words and random strings.

// minDouble is cppjieba's MIN_DOUBLE.
const minDouble = -3.14e+100

// maxWordLen is cppjieba's MAX_WORD_LENGTH, in code points.
const maxWordLen = 512

// noWord marks a trie node that is no word.
var noWord = math.NaN()

// cutter holds what jieba's cut reads: the dictionary trie and the HMM.
type cutter struct {
	// the trie: node 0 is the root. Its children by a code point of the
	// BMP are in root (-1: none). A node with one child has it in kid (bits
	// 0-20 the rune, 21-41 the child; 0: no child); the edges (node, rune)
	// → child of nodes with more (kid manyKids) and the root's other
	// children are entries of an open-addressing table, one uint64 each:
	// bits 0-20 the rune, 21-41 node+1, 42-62 the child (0: an empty
	// entry).
	root  []int32
	kid   []uint64
	edges []uint64
	mask  uint64
	used  int

	weight []float64 // a node's word weight, NaN if it is no word
	tag    []uint8   // a node's tag (index into tags) when it is a word
	tags   []string

	minWeight  float64
	userSingle map[rune]bool // the user dictionary's words of one code point

	start [4]float64
	trans [4][4]float64
	emit  map[rune]*[4]float64 // a code point's emission weights, minDouble where a state has none

	scratch sync.Pool // *cutScratch
}

// cutScratch is the memory one cut works in.
type cutScratch struct {
	runes  []rune
	offs   []int // byte offset of each code point, and the end
	route  []float64
	best   []int32
	node   []int32 // the trie node of each position's best word, -1 if none
	mp     []int32 // the MP words' lengths in code points
	words  []int32 // the cut: word ends in code points
	nodes  []int32 // the trie node of each word of the cut, -1 if not known
	weight []float64
	path   []int8
	status []int8
}

const (
	edgeBits = 21
	edgeMask = 1<<edgeBits - 1
	edgeKey  = 1<<(2*edgeBits) - 1
	maxNodes = edgeMask - 1
)

func edgeHash(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> 24 }

// manyKids marks in kid a node whose children are in the edge table.
const manyKids = 1 << 63

// child returns the child of node by r, or -1.
func (c *cutter) child(node int32, r rune) int32 {
	if node == 0 {
		if uint32(r) < uint32(len(c.root)) {
			return c.root[r]
		}
	} else {
		switch k := c.kid[node]; {
		case k == 0:
			return -1
		case k&manyKids == 0:
			if rune(k&edgeMask) == r {
				return int32(k >> edgeBits)
			}
			return -1
		}
	}
	k := uint64(node+1)<<edgeBits | uint64(uint32(r))
	for i := edgeHash(k) & c.mask; ; i = (i + 1) & c.mask {
		e := c.edges[i]
		if e&edgeKey == k {
			return int32(e >> (2 * edgeBits))
		}
		if e == 0 {
			return -1
		}
	}
}

// insert returns the child of node by r, made if it is not there.
func (c *cutter) insert(node int32, r rune) (int32, error) {
	if n := c.child(node, r); n >= 0 {
		return n, nil
	}
	n := int32(len(c.weight))
	if n > maxNodes || r > edgeMask {
		return 0, fmt.Errorf("segment: the dictionaries do not fit the trie (%d nodes, code point %U)", n, r)
	}
	c.weight = append(c.weight, noWord)
	c.tag = append(c.tag, 0)
	c.kid = append(c.kid, 0)
	if node == 0 && uint32(r) < uint32(len(c.root)) {
		c.root[r] = n
		return n, nil
	}
	if node != 0 {
		switch k := c.kid[node]; {
		case k == 0:
			c.kid[node] = uint64(n)<<edgeBits | uint64(uint32(r))
			return n, nil
		case k&manyKids == 0:
			// a second child: both go to the table
			c.kid[node] = manyKids
			c.edge(node, rune(k&edgeMask), int32(k>>edgeBits))
		}
	}
	c.edge(node, r, n)
	return n, nil
}

// edge enters node's child n by r in the edge table.
func (c *cutter) edge(node int32, r rune, n int32) {
	if 4*(c.used+1) > 3*len(c.edges) {
		c.grow()
	}
	c.put(uint64(n)<<(2*edgeBits) | uint64(node+1)<<edgeBits | uint64(uint32(r)))
}

// put enters the edge e, not yet in the table.
func (c *cutter) put(e uint64) {
	for i := edgeHash(e&edgeKey) & c.mask; ; i = (i + 1) & c.mask {
		if c.edges[i] == 0 {
			c.edges[i] = e
			c.used++
			return
		}
	}
}

// grow doubles the edge table.
func (c *cutter) grow() {
	old := c.edges
	c.edges = make([]uint64, max(1024, 2*len(old)))
	c.mask, c.used = uint64(len(c.edges)-1), 0
	for _, e := range old {
		if e != 0 {
			c.put(e)
		}
	}
}

// newCutter reads the main dictionary (lines "word freq tag"), the user
// dictionary and the HMM model as cppjieba does (DictTrie, HMMModel).
func newCutter(main string, user []byte, hmm string) (*cutter, error) {
	lines := strings.Count(main, "\n") + 1
	c := &cutter{userSingle: map[rune]bool{}, root: make([]int32, 0x10000)}
	for i := range c.root {
		c.root[i] = -1
	}
	size := 1024
	for size < lines*2 {
		size *= 2
	}
	c.edges, c.mask = make([]uint64, size), uint64(size-1)
	c.weight = make([]float64, 1, lines*3/2)
	c.weight[0] = noWord
	c.tag = make([]uint8, 1, lines*3/2)
	c.kid = make([]uint64, 1, lines*3/2)
	tagIndex := map[string]uint8{}
	// enter inserts word with tag and returns its node; its weight is
	// set later, in the same order.
	enter := func(word, tag string) (int32, error) {
		node := int32(0)
		for _, r := range word {
			var err error
			if node, err = c.insert(node, r); err != nil {
				return 0, err
			}
		}
		if tag == "" {
			tag = specialRule(word)
		}
		ti, ok := tagIndex[tag]
		if !ok {
			if len(c.tags) == 256 {
				return 0, fmt.Errorf("segment: more than 256 tags in the dictionaries")
			}
			ti = uint8(len(c.tags))
			c.tags = append(c.tags, tag)
			tagIndex[tag] = ti
		}
		c.tag[node] = ti
		return node, nil
	}

	freqs := make([]float64, 0, lines)
	nodes := make([]int32, 0, lines) // the node of each line's word, -1 for an empty word
	var fields []string
	for at := 0; at < len(main); {
		line := main[at:]
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		at += len(line) + 1
		if fields = splitSpaces(fields[:0], line); len(fields) != 3 {
			return nil, fmt.Errorf("segment: main dictionary line %q has %d fields, want 3", line, len(fields))
		}
		node := int32(-1)
		if fields[0] != "" {
			var err error
			if node, err = enter(fields[0], fields[2]); err != nil {
				return nil, err
			}
		}
		nodes = append(nodes, node)
		freqs = append(freqs, atof(fields[1]))
	}
	if len(freqs) == 0 {
		return nil, fmt.Errorf("segment: empty main dictionary")
	}
	sum := 0.0
	for _, f := range freqs {
		sum += f
	}
	C.logRatios((*C.double)(unsafe.Pointer(&freqs[0])), C.int(len(freqs)), C.double(sum))
	for i, n := range nodes {
		if n >= 0 {
			if math.IsNaN(freqs[i]) {
				return nil, fmt.Errorf("segment: main dictionary line %d has a negative frequency", i+1)
			}
			c.weight[n] = freqs[i]
		}
	}
	sorted := append([]float64(nil), freqs...)
	sort.Float64s(sorted)
	median := sorted[len(sorted)/2]
	c.minWeight = sorted[0]

	// the user dictionary: "word", "word tag" or "word freq tag"
	var userFreqs []float64
	var zero []bool // the user entries without a frequency
	nodes = nodes[:0]
	for _, line := range strings.Split(string(user), "\n") {
		if line == "" {
			continue
		}
		var word, tag string
		f := 0
		switch fields = splitSpaces(fields[:0], line); len(fields) {
		case 1:
			word = fields[0]
		case 2:
			word, tag = fields[0], fields[1]
		case 3:
			word, tag, f = fields[0], fields[2], atoi(fields[1])
		default:
			continue
		}
		if utf8.RuneCountInString(word) == 1 {
			r, _ := utf8.DecodeRuneInString(word)
			c.userSingle[r] = true
		}
		if word == "" {
			continue
		}
		node, err := enter(word, tag)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, node)
		userFreqs = append(userFreqs, float64(f))
		zero = append(zero, f == 0)
	}
	if len(userFreqs) > 0 {
		C.logRatios((*C.double)(unsafe.Pointer(&userFreqs[0])), C.int(len(userFreqs)), C.double(sum))
	}
	for i, n := range nodes {
		if zero[i] {
			c.weight[n] = median // a frequency of 0: the default weight
		} else {
			c.weight[n] = userFreqs[i]
		}
	}
	for i, n := range nodes {
		if math.IsNaN(c.weight[n]) {
			return nil, fmt.Errorf("segment: user dictionary word %d has a negative frequency", i+1)
		}
	}
	if err := c.readHMM(hmm); err != nil {
		return nil, err
	}
	c.scratch.New = func() any { return new(cutScratch) }
	return c, nil
}

// atof is C's atof for the frequencies of the main dictionary: the number
// at the start of s, 0 if there is none.
func atof(s string) float64 {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	for n := len(s); n > 0; n-- {
		if f, err := strconv.ParseFloat(s[:n], 64); err == nil {
			return f
		}
	}
	return 0
}

// atoi is C's atoi: an optional sign and the digits at the start of s.
func atoi(s string) int {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	n := 0
	for i := 0; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
		n = n*10 + int(s[i]-'0')
	}
	if neg {
		n = -n
	}
	return int(int32(n))
}

// readHMM reads cppjieba's HMM model: lines that are empty or start with
// # skipped (after trimming blanks), then the start weights, the 4×4
// transitions and the emissions of B, E, M and S ("字:weight,…").
func (c *cutter) readHMM(model string) error {
	var lines []string
	for _, l := range strings.Split(model, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	if len(lines) < 9 {
		return fmt.Errorf("segment: HMM model has %d lines, want 9", len(lines))
	}
	var f []string
	read := func(line string, to []float64) error {
		if f = splitOn(f[:0], line, " "); len(f) != 4 {
			return fmt.Errorf("segment: HMM model line %q has %d fields, want 4", line, len(f))
		}
		for j := range f {
			to[j] = atof(f[j])
		}
		return nil
	}
	if err := read(lines[0], c.start[:]); err != nil {
		return err
	}
	for i := range 4 {
		if err := read(lines[1+i], c.trans[i][:]); err != nil {
			return err
		}
	}
	c.emit = map[rune]*[4]float64{}
	var pair []string
	for y := range 4 {
		for _, item := range splitOn(f[:0], lines[5+y], ",") {
			if pair = splitOn(pair[:0], item, ":"); len(pair) != 2 || utf8.RuneCountInString(pair[0]) != 1 {
				return fmt.Errorf("segment: HMM emission %q", item)
			}
			r, _ := utf8.DecodeRuneInString(pair[0])
			e := c.emit[r]
			if e == nil {
				e = &[4]float64{minDouble, minDouble, minDouble, minDouble}
				c.emit[r] = e
			}
			e[y] = atof(pair[1])
		}
	}
	return nil
}

// splitOn appends the fields of s split at each sep to out, as
// limonp::Split does: a field between two seps is empty, a sep at the end
// starts no field.
func splitOn(out []string, s, sep string) []string {
	for len(s) > 0 {
		i := strings.Index(s, sep)
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+len(sep):]
	}
	return out
}

// isSeparator reports whether r is one of cppjieba's separators.
func isSeparator(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '，' || r == '。'
}

// segment cuts s, valid UTF-8 without NUL, into tokens (Text a slice of
// s, offsets in code points), appending them to toks.
func (c *cutter) segment(s string, toks []Token) []Token {
	sc := c.scratch.Get().(*cutScratch)
	defer c.scratch.Put(sc)
	sc.runes, sc.offs = sc.runes[:0], sc.offs[:0]
	for i, r := range s {
		sc.runes = append(sc.runes, r)
		sc.offs = append(sc.offs, i)
	}
	sc.offs = append(sc.offs, len(s))
	runes := sc.runes
	sc.words, sc.nodes = sc.words[:0], sc.nodes[:0]
	for a := 0; a < len(runes); {
		b := a
		if isSeparator(runes[a]) {
			b++
		} else {
			for b < len(runes) && !isSeparator(runes[b]) {
				b++
			}
		}
		c.cutRange(sc, a, b)
		a = b
	}
	from := 0
	for k, e := range sc.words {
		end := int(e)
		word := s[sc.offs[from]:sc.offs[end]]
		var tag string
		if n := sc.nodes[k]; n >= 0 {
			tag = c.tags[c.tag[n]]
		} else {
			tag = c.tagOf(runes[from:end], word)
		}
		toks = append(toks, Token{Text: word, Start: from, End: end, POS: tag})
		from = end
	}
	return toks
}

// tagOf is cppjieba's LookupTag: the tag of the word's trie node, else
// specialRule.
func (c *cutter) tagOf(runes []rune, word string) string {
	node := int32(0)
	for _, r := range runes {
		if node = c.child(node, r); node < 0 {
			return specialRule(word)
		}
	}
	if math.IsNaN(c.weight[node]) {
		return specialRule(word)
	}
	return c.tags[c.tag[node]]
}

// cutRange cuts the code points [a, b) of sc.runes, a range between
// separators or one separator, appending the words' ends to sc.words.
func (c *cutter) cutRange(sc *cutScratch, a, b int) {
	runes := sc.runes[a:b]
	n := len(runes)
	if cap(sc.route) < n+1 {
		sc.route = make([]float64, n+1)
		sc.best = make([]int32, n+1)
		sc.node = make([]int32, n+1)
	}
	route, best, bestNode := sc.route[:n+1], sc.best[:n+1], sc.node[:n+1]
	route[n] = 0
	for i := n - 1; i >= 0; i-- {
		w := minDouble
		bl, bn := int32(1), int32(-1)
		node := c.child(0, runes[i])
		{
			v := c.minWeight
			if node >= 0 && !math.IsNaN(c.weight[node]) {
				v = c.weight[node]
				bn = node
			}
			if val := route[i+1] + v; val > w {
				w = val
			}
		}
		for j := i + 1; node >= 0 && j < n && j-i+1 <= maxWordLen; j++ {
			if node = c.child(node, runes[j]); node < 0 {
				break
			}
			if v := c.weight[node]; !math.IsNaN(v) {
				if val := route[j+1] + v; val > w {
					w, bl, bn = val, int32(j-i+1), node
				}
			}
		}
		route[i], best[i], bestNode[i] = w, bl, bn
	}
	// the MP words, then the runs of single code points through the HMM
	mp := sc.mp[:0]
	for i := 0; i < n; i += int(best[i]) {
		mp = append(mp, best[i])
	}
	sc.mp = mp
	at := 0
	for k := 0; k < len(mp); k++ {
		if mp[k] > 1 || c.userSingle[runes[at]] {
			sc.nodes = append(sc.nodes, bestNode[at])
			at += int(mp[k])
			sc.words = append(sc.words, int32(a+at))
			continue
		}
		end := at
		for k < len(mp) && mp[k] == 1 && !c.userSingle[runes[end]] {
			end++
			k++
		}
		k--
		c.hmmCut(sc, a+at, a+end)
		at = end
	}
}

// hmmCut is HMMSegment::Cut of the code points [a, b) of sc.runes.
func (c *cutter) hmmCut(sc *cutScratch, a, b int) {
	runes := sc.runes
	left := a
	for right := a; right < b; {
		r := runes[right]
		if r >= 0x80 {
			right++
			continue
		}
		if left != right {
			c.viterbi(sc, left, right)
		}
		left = right
		switch {
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z':
			right++
			for right < b && ('a' <= runes[right] && runes[right] <= 'z' || 'A' <= runes[right] && runes[right] <= 'Z' || '0' <= runes[right] && runes[right] <= '9') {
				right++
			}
		case '0' <= r && r <= '9':
			right++
			for right < b && ('0' <= runes[right] && runes[right] <= '9' || runes[right] == '.') {
				right++
			}
		default:
			right++
		}
		sc.words = append(sc.words, int32(right))
		sc.nodes = append(sc.nodes, -1)
		left = right
	}
	if left != b {
		c.viterbi(sc, left, b)
	}
}

// The HMM's states.
const (
	stB = iota
	stE
	stM
	stS
)

// viterbi is HMMSegment::InternalCut of the code points [a, b) of
// sc.runes: the words end where the Viterbi path is in E or S.
func (c *cutter) viterbi(sc *cutScratch, a, b int) {
	runes := sc.runes[a:b]
	X := len(runes)
	if cap(sc.weight) < 4*X {
		sc.weight = make([]float64, 4*X)
		sc.path = make([]int8, 4*X)
		sc.status = make([]int8, X)
	}
	weight, path, status := sc.weight[:4*X], sc.path[:4*X], sc.status[:X]
	emitOf := func(r rune, y int) float64 {
		if e := c.emit[r]; e != nil {
			return e[y]
		}
		return minDouble
	}
	for y := range 4 {
		weight[y*X] = c.start[y] + emitOf(runes[0], y)
		path[y*X] = -1
	}
	for x := 1; x < X; x++ {
		e := c.emit[runes[x]]
		for y := range 4 {
			now := x + y*X
			weight[now] = minDouble
			path[now] = stE
			em := minDouble
			if e != nil {
				em = e[y]
			}
			for py := range 4 {
				if tmp := weight[x-1+py*X] + c.trans[py][y] + em; tmp > weight[now] {
					weight[now] = tmp
					path[now] = int8(py)
				}
			}
		}
	}
	stat := int8(stS)
	if weight[X-1+stE*X] >= weight[X-1+stS*X] {
		stat = stE
	}
	for x := X - 1; x >= 0; x-- {
		status[x] = stat
		if x > 0 {
			stat = path[x+int(stat)*X]
		}
	}
	for x := range X {
		if status[x]%2 == 1 {
			sc.words = append(sc.words, int32(a+x+1))
			sc.nodes = append(sc.nodes, -1)
		}
	}
}
