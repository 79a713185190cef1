package segment

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"strings"
)

// The part-of-speech half of jieba's tagging, done in Go.
//
// gojieba's Tag cuts a string (cppjieba's MixSegment with the HMM) and then,
// for every word, decodes it again, looks it up in the dictionary trie
// (PosTagger::LookupTag) and hands back a C string "word/tag" that Go
// copies. Tokenize(s, DefaultMode, true) makes the same cut and returns
// only byte offsets, so Segment asks for that and looks the tags up here:
// about a third less CPU for the same tokens on the clauses of the bench
// corpus, jieba being the largest stage of extracting.
//
// The lookup is cppjieba's, rule for rule:
//   - the dictionary trie holds every word of the main dictionary, then of
//     the user dictionary, a later entry of a word replacing an earlier one
//     (Trie::InsertNode); its tag is the last field of the entry's line
//     (main dictionary: "word freq tag"; user dictionary: "word",
//     "word tag" or "word freq tag", split at every space as limonp::Split
//     does, other lines leaving no word);
//   - a word found with a tag that is not empty has that tag; any other
//     word is tagged by specialRule (PosTagger::SpecialRule).
//
// The main dictionary's words are in a hash table made once and embedded
// (dict/jieba.pos.slots and dict/jieba.pos.tags, written by
// `go test ./extract/segment -run TestPosTableFiles -update`), so that a
// run does not spend 0.1-0.2 CPU-seconds building it; the user
// dictionary, made from the lexicon, is a map read before it.
// TestPosTableFiles checks that the embedded table is the main
// dictionary's; TestTagsAreJiebas compares Segment with gojieba's Tag on
// every line of the bundled reports and the development set, on every
// dictionary word and on random strings.

// mainDict is jieba's main dictionary, one "word freq tag" per line.
//
//go:embed dict/jieba.dict.utf8
var mainDict string

// posSlots and posTagNames are the hash table of mainDict's words (see
// posTable).
var (
	//go:embed dict/jieba.pos.slots
	posSlots string
	//go:embed dict/jieba.pos.tags
	posTagNames string
)

// posTable maps the words of jieba's dictionaries to their tags.
//
// The main dictionary's words are in an open-addressing hash table with
// linear probing, FNV-1a hashes and a power-of-two number of slots of 16
// bytes: bytes 0-11 the word itself when it has at most 12 bytes (four
// Chinese characters), else the little-endian offset of the word in
// mainDict in bytes 0-3; byte 12 the word's length in bytes (0: an empty
// slot); byte 13 the index of its tag in tags (1 for the first tag of the
// tags' file, 0 for none); bytes 14-15 the top 16 bits of its hash,
// little-endian. A lookup so reads one slot for most words, not a slot and
// then the word elsewhere (each a cache miss in a table of megabytes).
type posTable struct {
	words string            // the text long words' offsets point into (mainDict)
	slots string            // the slots, 16 bytes each
	tags  []string          // tag names by index; tags[0] is ""
	user  map[string]string // the user dictionary's words and tags, read first
}

// slotSize is the size of a slot of posTable, and slotInline the longest
// word a slot holds itself.
const slotSize, slotInline = 16, 12

// defaultPosTable returns the table of the embedded main dictionary with
// the user dictionary userDict over it.
func defaultPosTable(userDict []byte) *posTable {
	return &posTable{words: mainDict, slots: posSlots, tags: append([]string{""}, strings.Fields(posTagNames)...), user: userWords(userDict)}
}

// userWords reads a user dictionary as cppjieba does (see above): each
// word's tag, "" for a word without one, a later line of a word replacing
// an earlier one.
func userWords(dict []byte) map[string]string {
	m := map[string]string{}
	var fields []string
	for _, line := range strings.Split(string(dict), "\n") {
		switch fields = splitSpaces(fields[:0], line); len(fields) {
		case 1:
			m[fields[0]] = ""
		case 2, 3:
			m[fields[0]] = fields[len(fields)-1]
		}
	}
	delete(m, "") // an empty word is no word
	return m
}

// splitSpaces appends to out the fields of s split at each space, as
// limonp::Split(s, res, " ") does: a field between two spaces is empty, a
// space at the end starts no field.
func splitSpaces(out []string, s string) []string {
	start := 0
	for start < len(s) {
		i := start
		for i < len(s) && s[i] != ' ' {
			i++
		}
		out = append(out, s[start:i])
		start = i + 1
	}
	return out
}

// fnv1a is the 64-bit FNV-1a hash of s.
func fnv1a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// slotTag returns the tag index of word in the main dictionary's table
// (0 when it has none) and whether the table holds the word.
func (t *posTable) slotTag(word string) (uint8, bool) {
	mask := uint64(len(t.slots)/slotSize - 1)
	h := fnv1a(word)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[slotSize*i : slotSize*i+slotSize]
		n := int(s[12])
		if n == 0 {
			return 0, false
		}
		if n == len(word) && uint16(s[14])|uint16(s[15])<<8 == uint16(h>>48) && slotWord(t.words, s, n) == word {
			return s[13], true
		}
	}
}

// slotWord returns the word of slot s, of n bytes.
func slotWord(words, s string, n int) string {
	if n <= slotInline {
		return s[:n]
	}
	off := int(s[0]) | int(s[1])<<8 | int(s[2])<<16 | int(s[3])<<24
	return words[off : off+n]
}

// tag returns jieba's part-of-speech tag of a word it cut.
func (t *posTable) tag(word string) string {
	if tag, ok := t.user[word]; ok {
		if tag != "" {
			return tag
		}
		return specialRule(word)
	}
	if ti, _ := t.slotTag(word); ti != 0 {
		return t.tags[ti]
	}
	return specialRule(word)
}

// buildPosTable makes the slots and the tag names (one a line) of a main
// dictionary: the content of dict/jieba.pos.slots and dict/jieba.pos.tags.
func buildPosTable(dict string) (slots []byte, tagNames string, err error) {
	lines := strings.Count(dict, "\n") + 1
	size := 1
	for size < lines+lines/2 {
		size *= 2
	}
	slots = make([]byte, slotSize*size)
	tags := map[string]uint8{}
	var names []string
	var fields []string
	for at := 0; at < len(dict); {
		line := dict[at:]
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		off := at
		at += len(line) + 1
		if fields = splitSpaces(fields[:0], line); len(fields) != 3 {
			return nil, "", fmt.Errorf("segment: main dictionary line %q has %d fields, want 3", line, len(fields))
		}
		word, tag := fields[0], fields[2]
		if word == "" {
			continue // an empty word is no word
		}
		ti, ok := tags[tag]
		if !ok && tag != "" {
			if len(names) == 255 {
				return nil, "", fmt.Errorf("segment: more than 255 tags in the main dictionary")
			}
			names = append(names, tag)
			ti = uint8(len(names))
			tags[tag] = ti
		}
		if len(word) > 255 || off > 1<<32-1 {
			return nil, "", fmt.Errorf("segment: main dictionary line %q does not fit the tag table", line)
		}
		mask := uint64(size - 1)
		h := fnv1a(word)
		for i := h & mask; ; i = (i + 1) & mask {
			s := slots[slotSize*i : slotSize*i+slotSize]
			if n := int(s[12]); n == 0 {
				if len(word) <= slotInline {
					copy(s, word)
				} else {
					binary.LittleEndian.PutUint32(s, uint32(off))
				}
				s[12] = uint8(len(word))
				binary.LittleEndian.PutUint16(s[14:], uint16(h>>48))
			} else if n != len(word) || slotWord(dict, string(s), n) != word {
				continue
			}
			s[13] = ti // a later line of a word replaces its tag
			break
		}
	}
	return slots, strings.Join(names, "\n") + "\n", nil
}

// specialRule is cppjieba's PosTagger::SpecialRule, the tag of a word
// without one in the dictionary: counting ASCII code points among the
// first ones, while fewer than half of all (integer division) are counted,
// "x" when none is ASCII, "m" when all those counted are digits, else
// "eng". A word of one code point is therefore always "x".
func specialRule(word string) string {
	n := 0
	for range word {
		n++
	}
	m, eng, i := 0, 0, 0
	for _, r := range word {
		if i >= n || eng >= n/2 {
			break
		}
		i++
		if r < 0x80 {
			eng++
			if '0' <= r && r <= '9' {
				m++
			}
		}
	}
	switch {
	case eng == 0:
		return "x"
	case m == eng:
		return "m"
	}
	return "eng"
}
