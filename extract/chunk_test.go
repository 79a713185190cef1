package extract

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/schema"
)

// TestChunksEqualWhole reads reports in small chunks (4 KB and 512 bytes
// instead of 1 MB) and requires the facts, the plan start and the
// explained candidates of reading them whole: as written (cut after line
// breaks), as one line without line breaks (cut after a 。 inside the
// line), and hard-wrapped every 37 characters (lines that cleaning
// joins). Only a hard cut (no sentence end in a chunk's length) may change
// facts: there are none at 4 KB; at 512 bytes the texts that need one are
// left out.
func TestChunksEqualWhole(t *testing.T) {
	whole := *newExtractor(t)
	whole.chunkBytes = 1 << 40
	docs := append(corpusDocs(t), devDocs(t)...)
	national := readDocs(t, "../corpus/testdata/national/national_china_*.txt", -1)
	for i := 0; i < len(national); i += 6 {
		docs = append(docs, national[i])
	}
	var texts []Document
	for _, d := range docs {
		oneLine, wrapped := d, d
		oneLine.ID += " (one line)"
		oneLine.Text = strings.NewReplacer("\r", "", "\n", "").Replace(d.Text)
		wrapped.ID += " (wrapped)"
		wrapped.Text = hardWrap(d.Text, 37)
		texts = append(texts, d, oneLine, wrapped)
	}
	const minCompared = 20
	for _, size := range []int{4096, 512} {
		small := whole
		small.chunkBytes = size
		cuts := map[bool]int{} // chunks starting inside a line, after a line break
		compared, hard := 0, 0
		for _, d := range texts {
			cs := chunksOf(d.Text, size, d.HTML)
			if hasHardCut(cs) {
				hard++
				if size == 4096 {
					t.Errorf("%s: a hard cut in chunks of %d bytes", d.ID, size)
				}
				continue
			}
			for _, c := range cs[1:] {
				cuts[c.midLine]++
			}
			compared++
			checkChunkedEqualsWhole(t, &whole, &small, d, len(cs), size)
		}
		t.Logf("chunks of %d bytes: %d texts compared (%d left out for a hard cut); cuts after a line break %d, inside a line %d",
			size, compared, hard, cuts[false], cuts[true])
		// The floor is a count, not a share of the texts: every dev text
		// with long lines adds three texts that 512-byte chunks cannot cut
		// softly, so a share would fail as the dev set grows.
		if compared < minCompared || cuts[false] < 50 || cuts[true] < 50 {
			t.Errorf("chunks of %d bytes: %d of %d texts compared, %d cuts after a line break, %d inside a line; want %d texts and 50 cuts of each kind",
				size, compared, len(texts), cuts[false], cuts[true], minCompared)
		}
	}
	small := whole
	small.chunkBytes = 4096
	for _, d := range docs[:3] {
		want, _ := whole.Explain(d)
		got, _ := small.Explain(d)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Explain in chunks differs from Explain of the whole text", d.ID)
		}
	}
}

func hasHardCut(cs []chunk) bool {
	for _, c := range cs {
		if c.hard {
			return true
		}
	}
	return false
}

// firstDiff describes the first fact of got that differs from want's, or
// the difference in number; "" when they are equal.
func firstDiff(got, want []schema.Fact) string {
	for i := range min(len(got), len(want)) {
		if !reflect.DeepEqual(got[i], want[i]) {
			return fmt.Sprintf("fact %d: got %+v, want %+v", i+1, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		return fmt.Sprintf("got %d facts, want %d", len(got), len(want))
	}
	return ""
}

// hardWrap breaks every line of text after each n characters, as a PDF's
// text layer does.
func hardWrap(text string, n int) string {
	var b strings.Builder
	col := 0
	for _, r := range text {
		if r == '\n' {
			col = -1
		} else if col == n {
			b.WriteByte('\n')
			col = 0
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}

// checkChunkedEqualsWhole requires d read by small (in n chunks of size
// bytes) to give the error, layout and facts of d read whole.
func checkChunkedEqualsWhole(t *testing.T, whole, small *Extractor, d Document, n, size int) {
	t.Helper()
	want, wantLay, wantErr := whole.ExtractLayout(d)
	got, gotLay, gotErr := small.ExtractLayout(d)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Errorf("%s in %d chunks of %d bytes: error %v, want %v", d.ID, n, size, gotErr, wantErr)
	}
	if gotLay != wantLay {
		t.Errorf("%s in %d chunks of %d bytes: layout %+v, want %+v", d.ID, n, size, gotLay, wantLay)
	}
	if chars := utf8.RuneCountInString(d.Text); wantLay.Chars != chars {
		t.Errorf("%s: layout Chars %d, want the %d code points of the text", d.ID, wantLay.Chars, chars)
	}
	if diff := firstDiff(got, want); diff != "" {
		t.Errorf("%s in %d chunks of %d bytes: %s", d.ID, n, size, diff)
	}
}

// TestLayoutChars: Layout.Chars is the text's length in code points as
// offsets count them, whatever cleaning folds, joins or drops, whole and
// in chunks.
func TestLayoutChars(t *testing.T) {
	texts := []Document{
		{ID: "crlf", Text: "各位代表：\r\n今年新增企业10家——比去年多2家。\r\n"},
		{ID: "invalid", Text: "新增\xe4\xb8企业\x8010家。\n\xff"},
		{ID: "markdown", Text: "**新增**企业 1 0家，\u200b增长5%。\n一九九八年。\n"},
		{ID: "html", Text: "<p>新增企业&nbsp;10家&amp;&#x4e07;个。</p>\n<p>增长5%</p>", HTML: true},
		{ID: "empty", Text: ""},
	}
	x := newExtractor(t)
	small := *x
	small.chunkBytes = 16
	for _, d := range texts {
		want := utf8.RuneCountInString(d.Text)
		for _, x := range []*Extractor{x, &small} {
			if _, lay, _ := x.ExtractLayout(d); lay.Chars != want {
				t.Errorf("%s (chunks of %d bytes): Chars %d, want %d", d.ID, x.chunkBytes, lay.Chars, want)
			}
		}
	}
}
