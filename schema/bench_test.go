package schema

import (
	"io"
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
