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
// linear probing, FNV-1a hashes and a power-of-two number of slots, each
// slot 8 bytes, little-endian: bits 0-31 the offset of the word in
// mainDict, 32-47 the top 16 bits of its hash, 48-55 its length in bytes
// (0: an empty slot), 56-63 the index of its tag in tags (1 for the first
// tag of tags' file, 0 for none).
type posTable struct {
	words string            // the text the slots point into (mainDict)
	slots string            // the slots, 8 bytes each
	tags  []string          // tag names by index; tags[0] is ""
	user  map[string]string // the user dictionary's words and tags, read first
}

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

// slot returns the value of the slot of word: 0 if the main dictionary
// does not hold it.
func (t *posTable) slot(word string) uint64 {
	mask := uint64(len(t.slots)/8 - 1)
	h := fnv1a(word)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[8*i : 8*i+8]
		v := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		n := v >> 48 & 0xff
		if n == 0 {
			return 0
		}
		if v>>32&0xffff == h>>48 && n == uint64(len(word)) && t.words[uint32(v):uint32(v)+uint32(n)] == word {
			return v
		}
	}
}

// tag returns jieba's part-of-speech tag of a word it cut.
func (t *posTable) tag(word string) string {
	if tag, ok := t.user[word]; ok {
		if tag != "" {
			return tag
		}
		return specialRule(word)
	}
	if ti := t.slot(word) >> 56; ti != 0 {
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
	slots = make([]byte, 8*size)
	tags := map[string]uint64{}
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
			names = append(names, tag)
			ti = uint64(len(names))
			tags[tag] = ti
		}
		if len(word) > 255 || off > 1<<32-1 || ti > 255 {
			return nil, "", fmt.Errorf("segment: main dictionary line %q does not fit the tag table", line)
		}
		mask := uint64(size - 1)
		h := fnv1a(word)
		for i := h & mask; ; i = (i + 1) & mask {
			v := binary.LittleEndian.Uint64(slots[8*i:])
			n := v >> 48 & 0xff
			if n != 0 && (v>>32&0xffff != h>>48 || n != uint64(len(word)) || dict[uint32(v):uint32(v)+uint32(n)] != word) {
				continue
			}
			if n == 0 {
				v = uint64(off) | h>>48<<32 | uint64(len(word))<<48
			}
			binary.LittleEndian.PutUint64(slots[8*i:], v&^(0xff<<56)|ti<<56) // a later line of a word replaces its tag
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
