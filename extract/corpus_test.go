package extract

import (
	"testing"

	"github.com/gwrfacts/gwr/corpus"
)

// corpusDocs loads the bundled reports.
func corpusDocs(t testing.TB) []Document {
	t.Helper()
	inputs, err := corpus.Discover([]string{"../corpus"})
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
	return docs
}
