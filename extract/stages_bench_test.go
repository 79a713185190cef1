package extract

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/internal/stagesdir"
	"github.com/gwrfacts/gwr/normalize"
)

// BenchmarkStages times Extract and each of its stages over the bundled
// reports and the development set, each stage on exactly the input
// Extract gives it. MB/s is of report text (UTF-8 bytes of the documents)
// for every stage, so the seconds per MB of the stages add up to about
// those of extract:
//
//	clean    normalize.Clean of each document
//	rules    the regexp2 rule engine alone: the rules dispatched at each
//	         position of the windows around numbers
//	match    rules plus reading the matches into numbers and units
//	segment  gojieba tagging of the clauses Extract segments, in the
//	         runs it gives segment.Each and one by one
//	extract  everything, describing the facts and making rows included
//
//	go test -run - -bench Stages -cpu 1 ./extract
//
// With GWR_STAGES_DIR set, the documents are instead the first 5 MB of the
// *.txt files of that directory (a corpus of bench/gen, for instance):
//
//	GWR_STAGES_DIR=$PWD/bench/data/50mb go test -run - -bench Stages -cpu 1 ./extract
func BenchmarkStages(b *testing.B) {
	docs, size := stagesDocs(b)
	sents := sentencesOf(docs)
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	rec := &recorder{seg: seg}
	xr, err := New(rec)
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range docs {
		xr.Extract(d)
	}
	x := newExtractor(b)

	run := func(name string, f func()) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(size)
			for i := 0; i < b.N; i++ {
				f()
			}
		})
	}
	run("clean", func() {
		for _, d := range docs {
			normalize.Clean(d.Text, normalize.Options{HTML: d.HTML})
		}
	})
	run("rules", func() {
		for _, s := range sents {
			var gs gateScan
			for _, w := range appendWindows(nil, s) {
				ws := s[w.start:w.end]
				gs.reset(len(x.rules.rules))
				for at := 0; at < len(ws); at++ {
					first := x.rules.candidates(ws, at)
					if first == 0 {
						continue
					}
					if m, r, _ := x.rules.matchGated(first, ws, at, &gs, false); r != nil {
						at = m.end - 1
					}
				}
			}
		}
	})
	run("match", func() {
		for _, s := range sents {
			x.match(s, nil, newRuleWork(len(s)))
		}
	})
	run("segment", func() {
		for _, run := range rec.runs {
			segment.Each(seg, run)
		}
		for _, c := range rec.clauses {
			seg.Segment(c)
		}
	})
	run("extract", func() {
		for _, d := range docs {
			x.Extract(d)
		}
	})
	// extract with the segmentation of each clause read from memory: what
	// Extract costs besides gojieba (describing the facts, matching, rows)
	memo := &memoSegmenter{seg: seg, tokens: map[string][]segment.Token{}}
	xm, err := New(memo)
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range docs {
		xm.Extract(d)
	}
	run("extract-memo-segment", func() {
		for _, d := range docs {
			xm.Extract(d)
		}
	})
}

// stagesDocs returns the documents the stage benchmarks read and the
// bytes of their text: the bundled reports and the development set, or,
// with GWR_STAGES_DIR set, the first 5 MB of the *.txt files of that
// directory.
func stagesDocs(b *testing.B) ([]Document, int64) {
	var docs []Document
	if dir := os.Getenv("GWR_STAGES_DIR"); dir != "" {
		docs = readDocs(b, filepath.Join(dir, "*.txt"), 5e6)
	} else {
		docs = append(corpusDocs(b), devDocs(b)...)
	}
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	return docs, size
}

// memoSegmenter is a Segmenter that remembers the tokens of every clause
// it is asked for, and gives a copy of them (the caller owns the slice).
type memoSegmenter struct {
	seg    segment.Segmenter
	tokens map[string][]segment.Token
}

func (m *memoSegmenter) Segment(s string) []segment.Token {
	toks, ok := m.tokens[s]
	if !ok {
		toks = m.seg.Segment(s)
		m.tokens[s] = slices.Clone(toks)
	}
	return slices.Clone(toks)
}

// recorder is a Segmenter that keeps what it is asked to segment: the
// runs of clauses given to segment.Each and the clauses given one by one.
type recorder struct {
	seg     segment.Segmenter
	runs    [][]string
	clauses []string
}

func (r *recorder) Segment(s string) []segment.Token {
	r.clauses = append(r.clauses, s)
	return r.seg.Segment(s)
}

func (r *recorder) SegmentEach(parts []string) [][]segment.Token {
	r.runs = append(r.runs, parts)
	return segment.Each(r.seg, parts)
}

// BenchmarkDescribe times the attribute questions alone: describe of every
// quantity of every sentence, in order (each fact after the one before it),
// with the segmentation of the clauses read from memory, on the documents
// of BenchmarkStages: the clauses segmentAhead cuts (describedClauses)
// given to each sentence as runChunk gives them, a copy of their tokens
// each time (describe writes into them), and those describe segments
// itself read from memoSegmenter. The sentences are read without
// their part of the report or the sentences chained to them (no section,
// no chain), so the time questions take their plainest branches. MB/s is
// of report text, as in BenchmarkStages; cpu-ms/op is the process's CPU
// time (user and system, the garbage collector's included) per loop, the
// figure to compare on a shared machine:
//
//	GWR_STAGES_DIR=$PWD/bench/data/50mb go test -run - -bench Describe -cpu 1 ./extract
func BenchmarkDescribe(b *testing.B) { benchmarkDescribe(b, false) }

// BenchmarkDistribute is BenchmarkDescribe with the list steps after the
// questions (analysis.distribute of each sentence's facts), as runChunk
// takes them: distribute's time is the difference of the two.
func BenchmarkDistribute(b *testing.B) { benchmarkDescribe(b, true) }

func benchmarkDescribe(b *testing.B, distribute bool) {
	docs, size := stagesDocs(b)
	x := newExtractor(b)
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	memo := &memoSegmenter{seg: seg, tokens: map[string][]segment.Token{}}
	type described struct {
		s        []rune
		str      string
		words    timeWords
		hedged   bool
		masked   string
		qs       []quantity
		planYear int
		ahead    []clauseTokens // the clauses segmentAhead cuts, with their tokens
	}
	var sents []described
	for _, d := range docs {
		for _, s := range sentencesOf([]Document{d}) {
			qs, _ := x.match(s, nil, newRuleWork(len(s)))
			if len(qs) > 0 {
				carryListBound(qs, s)
				words, hedged, masked, _ := sentenceWords(string(s))
				ahead := (&analysis{s: s, qs: qs}).describedClauses(nil)
				for k := range ahead {
					ahead[k].toks = seg.Segment(string(s[ahead[k].start:ahead[k].end]))
				}
				sents = append(sents, described{s, string(s), words, hedged, masked, qs, d.PlanYear, ahead})
			}
		}
	}
	var facts []*fact
	an := new(analysis) // each sentence's in turn, as in runChunk
	describeAll := func() {
		for _, d := range sents {
			an.reset(d.s, d.str, runeOffsetsOf(d.s), d.words, d.hedged, d.masked, memo)
			an.qs = slices.Clone(d.qs)
			an.ahead = aheadCopy(d.ahead)
			var prev *fact
			facts = facts[:0]
			for i := range an.qs {
				prev = an.describe(&an.qs[i], prev, part{}, "", d.planYear)
				facts = append(facts, prev)
			}
			if distribute {
				an.distribute(facts)
			}
		}
	}
	describeAll() // the segmentation of every clause, into memo
	b.SetBytes(size)
	cpu0, ok := processCPU()
	for b.Loop() {
		describeAll()
	}
	if cpu1, _ := processCPU(); ok {
		b.ReportMetric((cpu1-cpu0)*1e3/float64(b.N), "cpu-ms/op") // with the garbage collector's work, whatever else the machine runs
	}
}

// aheadCopy returns a copy of clauses with their tokens, all in one array
// as SegmentEach gives them.
func aheadCopy(clauses []clauseTokens) []clauseTokens {
	n := 0
	for _, c := range clauses {
		n += len(c.toks)
	}
	toks := make([]segment.Token, 0, n)
	out := slices.Clone(clauses)
	for k, c := range out {
		from := len(toks)
		toks = append(toks, c.toks...)
		out[k].toks = toks[from:len(toks):len(toks)]
	}
	return out
}

// BenchmarkRead times what Extract does to read a report before its rules
// run, on the first 5 MB of the *.txt files of GWR_STAGES_DIR (skipped
// without it), each file one chunk: clean (normalize.Clean and the split
// into sentences), and origText, the map from code points to bytes that
// rows take their offsets from, with the slices of a fact every 200 code
// points (which make its marks up to the last).
//
//	GWR_STAGES_DIR=$PWD/bench/data/50mb go test -run - -bench Read -cpu 1 ./extract
func BenchmarkRead(b *testing.B) {
	b.Run("clean", func(b *testing.B) {
		stagesdir.Bench(b, 5e6, func(f stagesdir.File) {
			clean(Document{Text: f.Text}, chunk{end: len(f.Text)})
		})
	})
	b.Run("origText", func(b *testing.B) {
		files := stagesdir.Files(b, 5e6)
		views := make([]*normalize.View, len(files))
		size := 0
		for i, f := range files {
			views[i] = normalize.Clean(f.Text, normalize.Options{})
			size += len(f.Text)
		}
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for i, f := range files {
				o := newOrigText(f.Text, views[i])
				for at := 0; at+8 <= o.len(); at += 200 {
					o.slice(at, at+8)
				}
			}
		}
	})
}

// BenchmarkSegmentAhead times Extract over the documents of
// BenchmarkStages a group of documents at a time, as a worker of
// extract/batch runs them: each of the group prepared, their first
// segmentation done together (SegmentAhead), then each finished. A group
// of 1 is Extract one document at a time. Cut back to back, the clauses
// of several documents find jieba's dictionary in the processor's caches,
// where one document's cut comes after the rest of its work has pushed it
// out; how much that saves depends on what else shares the caches (a run
// of gwr extract -j 2 on the bench corpus: 15-20% of its CPU time, see
// extract/batch's groupDocs). group16-read-match prepares each group as
// extract/batch does: each document Read, then each matched
// (Prepared.Match):
//
//	GWR_STAGES_DIR=$PWD/bench/data/50mb go test -run - -bench SegmentAhead -cpu 1 ./extract
func BenchmarkSegmentAhead(b *testing.B) {
	docs, size := stagesDocs(b)
	x := newExtractor(b)
	for _, tc := range []struct {
		name  string
		group int
		read  bool // each of the group Read, then each matched
	}{{"group1", 1, false}, {"group4", 4, false}, {"group16", 16, false}, {"group16-read-match", 16, true}} {
		group, read := tc.group, tc.read
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(size)
			cpu0, ok := processCPU()
			for b.Loop() {
				for i := 0; i < len(docs); i += group {
					ps := make([]*Prepared, 0, group)
					for _, d := range docs[i:min(i+group, len(docs))] {
						if read {
							ps = append(ps, x.Read(d))
						} else {
							ps = append(ps, x.Prepare(d))
						}
					}
					if read {
						for _, p := range ps {
							p.Match()
						}
					}
					if group > 1 {
						x.SegmentAhead(ps)
					}
					for _, p := range ps {
						p.Finish()
					}
				}
			}
			if cpu1, _ := processCPU(); ok {
				b.ReportMetric((cpu1-cpu0)*1e3/float64(b.N), "cpu-ms/op")
			}
		})
	}
}
