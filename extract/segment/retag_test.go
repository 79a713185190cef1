package segment

import (
	"bufio"
	"strconv"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/extract/lexicon"
)

// TestRetag checks the lexicon's tag corrections (role retag): each word
// is in jieba's dictionary with the frequency its entry repeats and
// another tag, so that the user dictionary changes the word's tag and
// nothing of the segmentation; and the segmenter gives the new tag.
func TestRetag(t *testing.T) {
	type entry struct {
		freq int
		tag  string
	}
	dict := map[string]entry{}
	sc := bufio.NewScanner(strings.NewReader(mainDict))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 3 {
			n, _ := strconv.Atoi(f[1])
			dict[f[0]] = entry{n, f[2]}
		}
	}
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range lexicon.Default().Entries() {
		if !e.Roles.Has(lexicon.Retag) {
			continue
		}
		n++
		d, ok := dict[e.Word]
		switch {
		case !ok:
			t.Errorf("line %d: %s is not in jieba's dictionary: a new word is a word row, no retag", e.Line, e.Word)
		case d.freq != e.Freq:
			t.Errorf("line %d: %s has frequency %d, jieba's dictionary %d: a retag keeps the frequency (the segmentation)", e.Line, e.Word, e.Freq, d.freq)
		case d.tag == e.Tag:
			t.Errorf("line %d: %s is tagged %s in jieba's dictionary already", e.Line, e.Word, e.Tag)
		}
		toks := x.Segment("新建" + e.Word + "。")
		if len(toks) < 2 || toks[1].Text != e.Word || toks[1].POS != e.Tag {
			t.Errorf("Segment(新建%s。) = %v; want %s tagged %s", e.Word, toks, e.Word, e.Tag)
		}
	}
	if n == 0 {
		t.Error("no retag rows in the lexicon")
	}
}
