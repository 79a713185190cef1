package taxonomy

import (
	"os"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

// BenchmarkAssignFacts assigns the codes of the facts of a real run (the
// facts.parquet named by GWR_BENCH_FACTS, e.g. gwr's output for the 50 MB
// bench corpus), one document at a time as extract does, with a new
// taxonomy (and so an empty memo) for every run. Skipped when
// GWR_BENCH_FACTS is unset.
func BenchmarkAssignFacts(b *testing.B) {
	path := os.Getenv("GWR_BENCH_FACTS")
	if path == "" {
		b.Skip("GWR_BENCH_FACTS unset")
	}
	facts, err := schema.ReadFacts(path)
	if err != nil {
		b.Fatal(err)
	}
	var docs [][]schema.Fact
	for i := 0; i < len(facts); {
		j := i
		for j < len(facts) && facts[j].DocID == facts[i].DocID {
			j++
		}
		docs = append(docs, facts[i:j])
		i = j
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		t := Default().Extend(&Taxonomy{})
		for _, d := range docs {
			t.AssignFacts(d)
		}
	}
	b.ReportMetric(float64(len(facts)), "facts")
	b.ReportMetric(float64(len(docs)), "docs")
}
