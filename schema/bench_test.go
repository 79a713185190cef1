package schema

import (
	"io"
	"os"
	"reflect"
	"testing"
)

// benchWrite writes b.N batches of 1000 facts in format and reports rows/s
// and output bytes per row.
func benchWrite(b *testing.B, format string) {
	facts := randomFacts(1000, 99)
	cw := &countingWriter{}
	w, err := NewWriter(format, FactsTable, Meta{ToolVersion: "bench"}, cw)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := w.Write(facts); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	rows := float64(b.N * len(facts))
	b.ReportMetric(rows/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(cw.n)/rows, "B/row")
}

type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return io.Discard.Write(p)
}

func BenchmarkWriteParquetFacts(b *testing.B) { benchWrite(b, FormatParquet) }
func BenchmarkWriteArrowFacts(b *testing.B)   { benchWrite(b, FormatArrow) }
func BenchmarkWriteJSONL(b *testing.B)        { benchWrite(b, FormatJSONL) }
func BenchmarkWriteCSVFacts(b *testing.B)     { benchWrite(b, FormatCSV) }

func BenchmarkReadParquetFacts(b *testing.B) {
	path := writeFile(b, b.TempDir(), "facts.parquet", FactsTable, randomFacts(100000, 5), 1000, BatchRows)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		facts, err := ReadFacts(path)
		if err != nil {
			b.Fatal(err)
		}
		if len(facts) != 100000 {
			b.Fatalf("read %d facts, want 100000", len(facts))
		}
	}
	b.ReportMetric(float64(b.N*100000)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkAppendFacts appends facts to the Arrow builders of a batch (the
// first half of the columnar writers, before any encoding), 1000 a time,
// emptying the batch every BatchRows/8 rows.
func BenchmarkAppendFacts(b *testing.B) {
	facts := randomFacts(1000, 99)
	bt := newBatch(FactsTable, FactsTable.ArrowSchema(Meta{}), false)
	defer bt.release()
	v := reflect.ValueOf(facts)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := bt.writeRows(v, func() error { return nil }); err != nil {
			b.Fatal(err)
		}
		if bt.rows >= BatchRows/8 {
			bt.take(true).Release()
		}
	}
	b.ReportMetric(float64(b.N*len(facts))/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkWriteParquetRealFacts writes the facts of a real run (the
// facts.parquet named by GWR_BENCH_FACTS, e.g. gwr's output for the 50 MB
// bench corpus) in batches of one document, as batch.Output does, and
// reports CPU per run and output bytes. Skipped when GWR_BENCH_FACTS is unset.
func BenchmarkWriteParquetRealFacts(b *testing.B) {
	path := os.Getenv("GWR_BENCH_FACTS")
	if path == "" {
		b.Skip("GWR_BENCH_FACTS unset")
	}
	facts, err := realFacts(path)
	if err != nil {
		b.Fatal(err)
	}
	var docs [][]Fact
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
	var n int64
	for i := 0; i < b.N; i++ {
		cw := &countingWriter{}
		w, err := NewWriter(FormatParquet, FactsTable, Meta{ToolVersion: "bench"}, cw)
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			if err := w.Write(d); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		n = cw.n
	}
	b.ReportMetric(float64(n), "bytes")
	b.ReportMetric(float64(len(facts)), "facts")
}

// realRead holds the facts realFacts read and the file they came from.
var realRead struct {
	path  string
	facts []Fact
}

// realFacts reads the facts of the Parquet file at path once: the testing
// package runs a benchmark more than once, and a profile or instruction
// count of BenchmarkWriteParquetRealFacts should hold its writing, not the
// reading again and again.
func realFacts(path string) ([]Fact, error) {
	if realRead.path != path {
		facts, err := ReadFacts(path)
		if err != nil {
			return nil, err
		}
		realRead.path, realRead.facts = path, facts
	}
	return realRead.facts, nil
}
