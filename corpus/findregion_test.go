package corpus

import (
	"iter"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// regionTexts are real reports (the bundled ones, testdata and the golden
// texts: the same on every host), pieces of
// them cut at random, with session lines and heads of government put in,
// and random strings of the characters findRegion looks at.
func regionTexts(t *testing.T) []string {
	t.Helper()
	texts := metaTexts(t)
	var files []string
	for _, glob := range []string{"testdata/extra/*", "testdata/national/*.txt", "testdata/provinces2026/*.txt", "../golden/dev/texts/*.txt",
		"../golden/holdout/texts/*.txt"} {
		f, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f...)
	}
	if len(files) < 40 {
		t.Fatalf("%d report files, want at least 40", len(files))
	}
	texts = appendFiles(t, texts, files)
	rng := rand.New(rand.NewPCG(3, 4))
	inserts := []string{"淄川区第十九届人民代表大会", "保定市十六届人大", "高唐县第十八届人大", "届人大", "届人民代表大会", "第届人大",
		"高唐县县长", "西藏自治区代理主席", "易县人民政府", "高唐县2023年政府工作报告", "张店区张店区", "桓台县", "\xe5\xb1", "届人"}
	n := len(texts)
	for _, text := range texts[:n] {
		if text == "" {
			continue
		}
		for range 4 {
			i := rng.IntN(len(text))
			j := i + rng.IntN(len(text)-i)
			piece := text[i:j]
			for range rng.IntN(4) {
				k := rng.IntN(len(piece) + 1)
				piece = piece[:k] + inserts[rng.IntN(len(inserts))] + piece[k:]
			}
			texts = append(texts, piece)
		}
	}
	alphabet := []rune("届人民代表大会第一二三四五六七八九十区县市省州旗盟自治长主席政府工作报告年月日在的淄川张店桓台高唐易保定。，\n 12")
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(80) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// sessionAnchorPlain is sessionAnchor as it was written first: a look
// for each key.
func sessionAnchorPlain(text string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for _, key := range []string{"届人民代表大会", "届人大"} {
			for k := range occurrences(text, key) {
				if start, ok := sessionStart(text, k); ok && !yield(start) {
					return
				}
			}
		}
	}
}

// findRegionPlain is findRegion as it was written first: every unit
// counted (by strings.Count), the text's characters counted whole.
func findRegionPlain(text string) (unit, bool) {
	groups := []anchorGroup{{Anchors: []anchor{sessionAnchorPlain}, MinMentions: 1}, regionAnchors[1]}
	for _, group := range groups {
		var best unit
		bestCount := 0
		seen := map[string]bool{}
		for _, a := range group.Anchors {
			for end := range a(text) {
				u, ok := parseUnit(nameBefore(text, end))
				if !ok || seen[u.name] {
					continue
				}
				seen[u.name] = true
				stem := strings.TrimSuffix(u.name, u.suffix)
				if utf8.RuneCountInString(stem) < 2 {
					stem = u.name
				}
				if n := strings.Count(text, stem); n > bestCount {
					best, bestCount = u, n
				}
			}
		}
		if bestCount >= group.MinMentions && (group.RunesPerMention == 0 || bestCount*group.RunesPerMention >= utf8.RuneCountInString(text)) {
			return best, true
		}
	}
	return unit{}, false
}

// TestFindRegionPlain checks findRegion (one look for 届, the only unit
// of the session group taken uncounted, the characters counted only as
// far as needed) against findRegionPlain, and that the session group
// matches regionAnchors' first.
func TestFindRegionPlain(t *testing.T) {
	if len(regionAnchors[0].Anchors) != 1 || regionAnchors[0].MinMentions != 1 || regionAnchors[0].RunesPerMention != 0 {
		t.Fatalf("regionAnchors[0] = %+v, not the session group findRegionPlain has", regionAnchors[0])
	}
	found := 0
	for _, text := range regionTexts(t) {
		var got, want []int
		for k := range sessionAnchor(text) {
			got = append(got, k)
		}
		for k := range sessionAnchorPlain(text) {
			want = append(want, k)
		}
		if !equalInts(got, want) {
			t.Fatalf("sessionAnchor(%.80q) = %v, want %v", text, got, want)
		}
		gu, gok := findRegion(text)
		wu, wok := findRegionPlain(text)
		if gu != wu || gok != wok {
			t.Fatalf("findRegion(%.80q) = %+v, %v; want %+v, %v", text, gu, gok, wu, wok)
		}
		if gok {
			found++
		}
	}
	if found < 50 {
		t.Errorf("a region in only %d texts: the test sees too few", found)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRunesAtMost checks runesAtMost against utf8.RuneCountInString on
// reports, pieces of them cut anywhere (mid-character too) and random
// bytes, at bounds around the true count.
func TestRunesAtMost(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	texts := []string{"", "a", "长", "\xe5", "\xe5\xb1", "\xb1\xb1a", "a\xe5\xb1\x8a\xe5"}
	for _, text := range metaTexts(t) {
		texts = append(texts, text)
		if text != "" {
			i := rng.IntN(len(text))
			texts = append(texts, text[i:i+rng.IntN(len(text)-i)])
		}
	}
	for range 2000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = []byte{'a', 0xe5, 0xb1, 0x8a, 0xf0, 0x9f, 0x98, 0x80, 0xc3, 0xff}[rng.IntN(10)]
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		n := utf8.RuneCountInString(text)
		for _, limit := range []int{0, 1, 2, n / 3, n / 2, n - 2, n - 1, n, n + 1, len(text), rng.IntN(len(text) + 1)} {
			if limit < 0 {
				continue
			}
			if got, want := runesAtMost(text, limit), n <= limit; got != want {
				t.Fatalf("runesAtMost(%.60q, %d) = %v, want %v (%d characters)", text, limit, got, want, n)
			}
		}
	}
}
