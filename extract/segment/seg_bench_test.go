package segment

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yanyiwu/gojieba"

	"github.com/gwrfacts/gwr/internal/stagesdir"
)

// bundledReports returns the texts of the bundled reports (corpus/*.txt)
// and their size in bytes, the input of the benchmarks below.
func bundledReports(b *testing.B) (texts []string, n int64) {
	paths, _ := filepath.Glob("../../corpus/*.txt")
	for _, p := range paths {
		t, _ := os.ReadFile(p)
		texts = append(texts, string(t))
		n += int64(len(t))
	}
	return texts, n
}

func BenchmarkSegment(b *testing.B) {
	texts, n := bundledReports(b)
	x, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			x.Segment(t)
		}
	}
}

// BenchmarkSegmentTagTable compares Segment (gojieba's Tokenize and the
// tag table of pos.go) with gojieba's Tag on the clauses of the bundled
// reports (their text cut at ，。；、：), the input Extract gives jieba:
//
//	go test -run - -bench SegmentTagTable ./extract/segment
func BenchmarkSegmentTagTable(b *testing.B) {
	clauses, n := bundledClauses(b)
	x, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, bb := range []struct {
		name string
		seg  func(string) []Token
	}{{"table", x.Segment}, {"tag", func(s string) []Token { return tagSegment(x, s) }}} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(n)
			for i := 0; i < b.N; i++ {
				for _, c := range clauses {
					bb.seg(c)
				}
			}
		})
	}
}

// BenchmarkSegmentEach compares cutting the clauses of the bundled reports
// one Segment call each with SegmentEach over runs of them (a sentence's
// clauses are a run of 2, a chunk's a run of hundreds):
//
//	go test -run - -bench SegmentEach ./extract/segment
func BenchmarkSegmentEach(b *testing.B) {
	clauses, n := bundledClauses(b)
	x, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("segment", func(b *testing.B) {
		b.SetBytes(n)
		for i := 0; i < b.N; i++ {
			for _, c := range clauses {
				x.Segment(c)
			}
		}
	})
	for _, run := range []int{2, 8, 1000} {
		b.Run(fmt.Sprintf("each%d", run), func(b *testing.B) {
			b.SetBytes(n)
			for i := 0; i < b.N; i++ {
				for k := 0; k < len(clauses); k += run {
					x.SegmentEach(clauses[k:min(k+run, len(clauses))])
				}
			}
		})
	}
}

// bundledClauses returns the clauses of the bundled reports (their text cut
// at ，。；、： and line ends), the input Extract gives jieba, and the byte
// count of the reports.
func bundledClauses(b *testing.B) ([]string, int64) {
	texts, n := bundledReports(b)
	var clauses []string
	for _, t := range texts {
		clauses = append(clauses, strings.FieldsFunc(t, isClauseCut)...)
	}
	return clauses, n
}

// BenchmarkTagWords times looking up the tags of the words jieba cuts the
// clauses of the bundled reports into, in their order, through a worker's
// tag cache (the cache warm, as it is after the first report):
//
//	go test -run - -bench TagWords -cpu 1 ./extract/segment
//
// With GWR_STAGES_DIR set, the clauses are those of the first 5 MB of the
// *.txt files of that directory, as in extract's BenchmarkStages.
func BenchmarkTagWords(b *testing.B) {
	clauses, n := bundledClauses(b)
	if os.Getenv("GWR_STAGES_DIR") != "" {
		clauses, n = nil, 0
		for _, f := range stagesdir.Files(b, 5e6) {
			clauses = append(clauses, strings.FieldsFunc(f.Text, isClauseCut)...)
			n += int64(len(f.Text))
		}
	}
	x, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var words []string
	for _, c := range clauses {
		for _, w := range x.j.Tokenize(c, gojieba.DefaultMode, true) {
			words = append(words, w.Str)
		}
	}
	c := x.tagCache()
	tagAll := func() {
		for _, w := range words {
			c.tag(x.pos, w)
		}
	}
	tagAll()
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		tagAll()
	}
}

// isClauseCut reports whether bundledClauses cuts the text at r.
func isClauseCut(r rune) bool { return strings.ContainsRune("，。；、：\n", r) }
