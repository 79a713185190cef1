package extract

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/normalize"
)

// runeOffsets returns the byte offset in s of each code point, then len(s):
// what runeTexts must give.
func runeOffsets(s string) []int32 {
	off := make([]int32, 0, len(s)/3+1)
	for i := range s {
		off = append(off, int32(i))
	}
	return append(off, int32(len(s)))
}

// origTextOf returns the origText of text as runChunk makes it, from the
// text's cleaned view.
func origTextOf(text string) *origText {
	return newOrigText(text, normalize.Clean(text, normalize.Options{}))
}

// TestOrigTextSlice checks origText's slices against slicing the text's
// code points: every span of short texts (1- to 4-byte characters, invalid
// bytes, U+FFFD written out), and spans of a report at random.
func TestOrigTextSlice(t *testing.T) {
	texts := []string{"", "a", "增", "a增b𝑥c", "\uFFFD", "a\uFFFDb", "a\xffb", "\xe5\xa2", "增长\xe5",
		strings.Repeat("增长6.5%，𝑥é", 7), "\xe0\x80\x80", "\xe0\xa0\x80", "\xed\xa0\x80", "\xed\x9f\xbf", "\xee\x80\x80",
		"\xef\xbf\xbf", "\xf4\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\xc0\x80", "\xc2\x80", "增\xe5\xa2长"}
	check := func(text string, i, j int) {
		t.Helper()
		if got, want := origTextOf(text).slice(i, j), string([]rune(text)[i:j]); got != want {
			t.Fatalf("newOrigText(%q).slice(%d, %d) = %q, want %q", text, i, j, got, want)
		}
	}
	for _, text := range texts {
		n := len([]rune(text))
		if got := origTextOf(text).len(); got != n {
			t.Fatalf("newOrigText(%q).len() = %d, want %d", text, got, n)
		}
		for i := 0; i <= n; i++ {
			for j := i; j <= n; j++ {
				check(text, i, j)
			}
		}
	}
	data, err := os.ReadFile("../corpus/000_905a9ba025aa535a.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	o, runes := origTextOf(text), []rune(text)
	if o.len() != len(runes) {
		t.Fatalf("len() = %d, want %d", o.len(), len(runes))
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		i := rng.IntN(len(runes) + 1)
		j := i + rng.IntN(min(len(runes)-i, 200)+1)
		if got, want := o.slice(i, j), string(runes[i:j]); got != want {
			t.Fatalf("slice(%d, %d) = %q, want %q", i, j, got, want)
		}
	}
}

// TestOrigTextValidates checks that newOrigText, told by the view whether
// the text is valid UTF-8, keeps the runes of exactly the texts
// utf8.ValidString refuses, and slices random texts of valid and invalid
// bytes as their code points.
func TestOrigTextValidates(t *testing.T) {
	pieces := []string{"a", "增", "é", "𝑥", "\uFFFD", "\x80", "\xbf", "\xc0", "\xc2", "\xe0", "\xe1", "\xec", "\xed", "\xee",
		"\xef", "\xf0", "\xf4", "\xf5", "\xff", "\xa0", "\x9f", "\x90", "\x8f"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 50000 {
		var b strings.Builder
		for j := rng.IntN(40); j > 0; j-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		o, runes := origTextOf(text), []rune(text)
		if (o.runes == nil) != utf8.ValidString(text) {
			t.Fatalf("newOrigText(%q) keeps runes: %v, want %v (utf8.ValidString %v)", text, o.runes != nil, !utf8.ValidString(text), utf8.ValidString(text))
		}
		if o.len() != len(runes) {
			t.Fatalf("newOrigText(%q).len() = %d, want %d", text, o.len(), len(runes))
		}
		i := rng.IntN(len(runes) + 1)
		j := i + rng.IntN(len(runes)-i+1)
		if got, want := o.slice(i, j), string(runes[i:j]); got != want {
			t.Fatalf("newOrigText(%q).slice(%d, %d) = %q, want %q", text, i, j, got, want)
		}
	}
}

// TestOrigTextSkip checks origText.skip, which counts the code points of
// eight bytes at a time, against a walk of one code point at a time
// (utf8.DecodeRuneInString), from every code point of the bundled reports
// and the development set that are valid UTF-8 over 0 to 40 code points,
// to the end of the text at most.
func TestOrigTextSkip(t *testing.T) {
	for _, d := range append(corpusDocs(t), devDocs(t)...) {
		if !utf8.ValidString(d.Text) {
			continue
		}
		o := &origText{text: d.Text}
		for at := range d.Text {
			want := at
			for k := 0; k <= 40; k++ {
				if got := o.skip(at, k); got != want {
					t.Fatalf("%s: skip(%d, %d) = %d, want %d", d.ID, at, k, got, want)
				}
				if want == len(d.Text) {
					break
				}
				_, n := utf8.DecodeRuneInString(d.Text[want:])
				want += n
			}
		}
	}
}

// BenchmarkOrigText times an origText over a bundled report, which
// runChunk makes of every chunk, with the slices of a fact every 200 code
// points (which make its marks up to the last):
//
//	go test -run - -bench OrigText ./extract
func BenchmarkOrigText(b *testing.B) {
	data, err := os.ReadFile("../corpus/000_905a9ba025aa535a.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	view := normalize.Clean(text, normalize.Options{})
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		o := newOrigText(text, view)
		for at := 0; at+8 <= o.len(); at += 200 {
			o.slice(at, at+8)
		}
	}
}

// TestRowQuickTests checks hasDigit against strings.ContainsAny(s,
// "0123456789") and trimSpaceQuick against strings.TrimSpace, on every
// sentence of the bundled reports and the development set as the
// original text writes it, each with blanks around it, and on random runs
// of digits, Chinese, blanks of one to three bytes and bytes that are no
// valid UTF-8.
func TestRowQuickTests(t *testing.T) {
	var texts []string
	for _, d := range append(corpusDocs(t), devDocs(t)...) {
		view := normalize.Clean(d.Text, normalize.Options{HTML: d.HTML})
		orig := newOrigText(d.Text, view)
		for _, s := range splitSentences(view.Runes) {
			ss, se := view.OrigSpan(s.start, s.end)
			w := orig.slice(ss, se)
			texts = append(texts, w, " "+w, w+"\n", "\u3000"+w+"\u00a0")
		}
	}
	pieces := []string{"增长", "7", "0", "9", "a", " ", "\t", "\u00a0", "\u0085", "\u2002", "\u3000", "\u3001", "\xe5", "\x80", "\xff", "：", "**"}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		var b strings.Builder
		for j := rng.IntN(6); j > 0; j-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	trimmed := 0
	for _, s := range texts {
		if got, want := hasDigit(s), strings.ContainsAny(s, "0123456789"); got != want {
			t.Errorf("hasDigit(%q) = %v, want %v", s, got, want)
		}
		got, want := trimSpaceQuick(s), strings.TrimSpace(s)
		if got != want {
			t.Errorf("trimSpaceQuick(%q) = %q, want %q", s, got, want)
		}
		if want != s {
			trimmed++
		}
	}
	if trimmed == 0 {
		t.Error("no text trimmed: the test would prove little")
	}
}
