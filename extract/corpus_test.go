package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/normalize"
)

// loadReports reads every report of dirs with its metadata.
func loadReports(t testing.TB, dirs []string) []Document {
	t.Helper()
	inputs, err := corpus.Discover(dirs)
	if err != nil {
		t.Fatal(err)
	}
	var docs []Document
	for _, in := range inputs {
		d, err := corpus.Load(in, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, Document{ID: d.ID, Text: d.Text, HTML: d.HTML, PlanYear: d.Meta.Year})
	}
	if len(docs) == 0 {
		t.Fatalf("no reports in %v", dirs)
	}
	return docs
}

// corpusDocs loads the bundled reports.
func corpusDocs(t testing.TB) []Document {
	t.Helper()
	return loadReports(t, []string{"../corpus"})
}

// readDocs reads the files matching pattern, in name order, as reports for
// 2024, stopping once limit bytes are read (limit < 0: all of them).
func readDocs(t testing.TB, pattern string, limit int64) []Document {
	t.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil || len(paths) == 0 {
		t.Fatalf("no files match %s (%v)", pattern, err)
	}
	var docs []Document
	var read int64
	for _, p := range paths {
		if limit >= 0 && read >= limit {
			break
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		read += int64(len(b))
		docs = append(docs, Document{ID: filepath.Base(p), Text: string(b), PlanYear: 2024})
	}
	return docs
}

// devDocs loads the reports of the development set.
func devDocs(t testing.TB) []Document { return readDocs(t, "../golden/dev/texts/*.txt", -1) }

// textDocs makes documents of texts.
func textDocs(texts ...string) []Document {
	var docs []Document
	for _, s := range texts {
		docs = append(docs, Document{ID: "t", Text: s})
	}
	return docs
}

// sentencesOf returns the sentences of docs as Extract sees them: cleaned
// and split.
func sentencesOf(docs []Document) [][]rune {
	var out [][]rune
	for _, d := range docs {
		v := normalize.Clean(d.Text, normalize.Options{HTML: d.HTML})
		for _, s := range splitSentences(v.Runes) {
			out = append(out, v.Runes[s.start:s.end])
		}
	}
	return out
}

// eachQuantity calls fn for each quantity x matches in each of sents, in
// order, with the analysis of its sentence (segmenting with seg, no time
// words, no hedge): the quantities are a.qs, and q points into it.
func eachQuantity(x *Extractor, sents [][]rune, seg segment.Segmenter, fn func(s []rune, a *analysis, q *quantity)) {
	for _, s := range sents {
		qs, _ := x.match(s, nil, newRuleWork(len(s)))
		if len(qs) == 0 {
			continue
		}
		str, off := runeText(s)
		a := newAnalysis(s, str, off, noTimeWords, false, str, seg)
		a.qs = qs
		for k := range qs {
			fn(s, a, &qs[k])
		}
	}
}
