package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"runtime/trace"
	"sort"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/extract/batch"
	"github.com/gwrfacts/gwr/extract/segment"
	"github.com/gwrfacts/gwr/schema"
)

func init() {
	register("extract", command{"extract the facts of reports into Parquet, Arrow, JSONL or CSV tables", runExtract})
}

// extractMemoryLimit is the soft limit of the Go heap during gwr extract,
// unless GOMEMLIMIT sets another. The heap live at any time is about 100
// MB whatever the corpus (a Parquet row group of facts, the documents in
// flight); without a limit the collector lets the heap grow to twice that
// before it runs, and returns freed memory to the system slowly. With it,
// the peak RSS over 50 MB of reports falls from 344 to 302 MB (the
// dictionaries of the segmenter, outside the Go heap, take 190 MB) at the
// same CPU time. A larger live heap (a very large document) only makes
// the collector run more often.
const extractMemoryLimit = 160 << 20

// extractGCPercent is the collector's GOGC during gwr extract, unless GOGC
// sets another. With the default 100 the collector ran whenever the heap
// had doubled over a live heap of 50-80 MB, 107-108 times over the 50 MB
// bench corpus; with 200, 55-58 times (GODEBUG=gctrace=1). Since the live
// heap fell to about 40 MB (session 29), 200 ran it 25 times, at a heap of
// 110-120 MB; with 400 the heap grows to extractMemoryLimit first, 18
// times: 7% fewer instructions per document (GOMAXPROCS=1 valgrind
// --tool=cachegrind over the first 100 files of the bench corpus, 5.91 ->
// 5.68 billion) for a peak RSS of 313-326 MB instead of 303-310, since
// extractMemoryLimit caps the heap as before.
const extractGCPercent = 400

// prefaultBytes is the part of the Go heap gwr extract faults in at
// once (prefaultHeap): 80% of extractMemoryLimit, to which the heap grows
// over the 50 MB bench corpus (peak RSS 310-320 MB, 190 MB of it the
// dictionaries).
const prefaultBytes = extractMemoryLimit / 5 * 4

// prefaultInputs is how many inputs make a run whose heap grows to the
// memory limit (about 5 MB of reports), for which gwr extract faults the
// heap in at once: a run of a few reports does not need the memory.
const prefaultInputs = 100

// coreForLoading leaves a core to the loading of the segmenter's
// dictionaries until ready is closed: cppjieba loads them on a thread of
// its own, outside Go's scheduler, for about a third of a second on the
// 2-core development host, and every document waits for them before it
// is finished, while the workers' goroutines could keep every core busy
// reading, cleaning and matching the first documents meanwhile. So Go's
// code runs on one core fewer (GOMAXPROCS) until the dictionaries are
// there, unless it has one core only, the run has fewer workers than
// cores (jobs; 0 is one a core: a core is free for the load already), or
// another call lends one already (runs in one process: tests). It returns
// the function that waits for the core to be given back, and ends the
// loan early when the dictionaries are not there yet (a run that returns
// before). Given back, GOMAXPROCS is Go's default again
// (runtime.SetDefaultGOMAXPROCS, which follows the CPU limit as it
// changes), or what the GOMAXPROCS variable sets.
//
// gwr extract -j 2 on bench/data/50mb (the other processes of the host
// held off, 16 interleaved runs each): wall 1.950 -> 1.905 s median, CPU
// 3.13 -> 3.10 s; bench/ab.sh, 11 rounds: 1.026 times the MB/s, 0.990
// the MB per CPU-second.
func coreForLoading(ready <-chan struct{}, jobs int) (end func()) {
	select {
	case <-ready:
		return func() {}
	default:
	}
	n := runtime.GOMAXPROCS(0)
	if n == 1 || jobs != 0 && jobs < n || !coreLent.CompareAndSwap(false, true) {
		return func() {}
	}
	runtime.GOMAXPROCS(n - 1)
	done, back := make(chan struct{}), make(chan struct{})
	go func() {
		select {
		case <-ready:
		case <-done:
		}
		if os.Getenv("GOMAXPROCS") == "" {
			runtime.SetDefaultGOMAXPROCS()
		} else {
			runtime.GOMAXPROCS(n)
		}
		coreLent.Store(false)
		close(back)
	}()
	return func() {
		close(done)
		<-back
	}
}

// coreLent is set while coreForLoading lends a core.
var coreLent atomic.Bool

// maxJobs is the most workers -j accepts: far more than any machine has
// cores, few enough that the in-flight buffers (4 results a worker; the
// documents in flight are bounded by their bytes too) fit in memory.
const maxJobs = 1024

const extractUsage = "usage: gwr extract [flags] INPUT...   (INPUT: a file, a zip archive, a directory walked for *.txt, *.htm(l), *.docx, *.pdf and *.zip, or - for stdin)"

func runExtract(args []string, stdout, stderr io.Writer) int {
	start := time.Now() // the summary's time includes the start-up
	flags := flag.NewFlagSet("extract", flag.ContinueOnError)
	out := flags.String("o", "out", "output `DIR`")
	formats := flags.String("format", "parquet", "comma list of output formats: parquet, arrow, jsonl, csv")
	jobs := flags.Int("j", 0, "worker count (0: all cores)")
	quiet := flags.Bool("quiet", false, "no progress and no summary on stderr")
	var read readFlags
	read.register(flags)
	appendTo := flags.Bool("append", false, "add to the tables in DIR: skip inputs whose sha256 is in DIR's documents table, keep every row DIR holds")
	partitionBy := flags.String("partition-by", "", "write Hive-style partitioned tables, DIR/documents/doc_year=Y/level=L/part-<hash>.<ext>, DIR/facts/doc_year=Y/level=L/… and DIR/errors/…; `KEYS`: year, level or year,level")
	shard := flags.String("shard", "", "process shard `I/N` of the inputs only: those whose doc_id hashes (FNV-1a 64) to I modulo N, I counted from 0")
	cpuProfile := flags.String("cpuprofile", "", "write a CPU profile of the run to `FILE` (for go tool pprof)")
	traceFile := flags.String("trace", "", "write an execution trace of the run to `FILE` (for go tool trace)")
	textDir := flags.String("text-dir", "", "write the text of each document not read from a plain .txt or .html file (Word, PDF, archive members), which start and end point into, to `TDIR`/<doc_id>.txt (default DIR/texts)")
	pos, err := parseInterspersed(flags, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, extractUsage+"\n\nWrites DIR/facts.<ext>, DIR/documents.<ext> and DIR/errors.<ext> for each format\n"+
			"(with --partition-by: DIR/facts/, DIR/documents/ and DIR/errors/ of part files).\n\nFlags:")
		flags.SetOutput(stdout)
		flags.PrintDefaults()
		return 0
	}
	if err == nil && len(pos) == 0 {
		err = errors.New("no INPUT given")
	}
	if err != nil {
		fmt.Fprintf(stderr, "gwr extract: %v (%s)\n", err, extractUsage)
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "gwr extract: %v\n", err)
		return 2
	}
	if *jobs < 0 || *jobs > maxJobs {
		fmt.Fprintf(stderr, "gwr extract: -j %d: want 0 (all cores) up to %d workers\n", *jobs, maxJobs)
		return 2
	}
	copt, err := read.options()
	if err != nil {
		return fail(err)
	}
	for _, r := range []struct {
		path  string
		start func(io.Writer) error
		stop  func()
	}{
		{*cpuProfile, pprof.StartCPUProfile, pprof.StopCPUProfile},
		{*traceFile, trace.Start, trace.Stop},
	} {
		stop, err := record(r.path, r.start, r.stop)
		if err != nil {
			return fail(err)
		}
		defer stop()
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(extractMemoryLimit))
	}
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(extractGCPercent))
	}
	// Signals are caught from here on, so that one during the start-up
	// (loading the dictionaries takes a moment) also ends in the message
	// and status of an interrupted run.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if p := os.Getenv("GWR_TEST_SIGNALS_READY"); p != "" {
		// a test hook: the file says signals are caught from now on
		os.WriteFile(p, nil, 0o644)
	}
	interrupted := func(done, total int) int {
		fmt.Fprintf(stderr, "gwr extract: interrupted after %d of %d documents; %s left as it was\n", done, total, *out)
		return 130
	}
	inputs, err := corpus.Discover(pos)
	if err != nil {
		return fail(err)
	}
	if unmatched := unmatchedManifest(copt.Manifest, inputs); len(unmatched) > 0 {
		fmt.Fprintf(stderr, "gwr extract: %s: %d doc_id(s) match no input, their rows are not used: %s\n",
			read.manifest, len(unmatched), strings.Join(unmatched, ", "))
	}
	if *shard != "" {
		i, n, err := batch.ParseShard(*shard)
		if err != nil {
			return fail(err)
		}
		inputs = batch.Shard(inputs, i, n)
	}
	var partition []string
	if *partitionBy != "" {
		partition = strings.Split(*partitionBy, ",")
	}
	if len(inputs) >= prefaultInputs && debug.SetMemoryLimit(-1) >= extractMemoryLimit {
		// the heap will grow to the limit: its memory at once, in huge
		// pages where the dictionaries get them too, else its 4 KB pages
		// faulted in at once (prefaultHeap); an error leaves them to
		// fault in one at a time, as before
		_ = prefaultHeap(prefaultBytes, segment.HugePages())
	}
	// the dictionaries load while the output is set up and the first
	// documents are read, cleaned and matched
	x, err := read.extractorLoading()
	if err != nil {
		return fail(err)
	}
	defer coreForLoading(x.SegmenterReady(), *jobs)()
	paths := make([]string, len(inputs))
	for i, in := range inputs {
		paths[i] = in.Path
	}
	output, err := batch.Create(*out, strings.Split(*formats, ","), schema.Meta{ToolVersion: Version, RulesHash: x.RulesHash()},
		batch.CreateOptions{Append: *appendTo, Inputs: paths, PartitionBy: partition, Wait: ctx,
			Waiting: func(holder string) {
				fmt.Fprintf(stderr, "gwr extract: %s is being written by another gwr run (%s); waiting for it to finish\n", *out, holder)
			}})
	if err != nil {
		if ctx.Err() != nil {
			return interrupted(0, len(inputs))
		}
		return fail(err)
	}
	opt := batch.Options{Jobs: *jobs, Corpus: copt}
	if *appendTo {
		opt.Skip = output.Has
		output.UniqueIDs(inputs)
	}
	if ctx.Err() != nil {
		output.Abort()
		return interrupted(0, len(inputs))
	}
	bar := newProgress(stderr, len(inputs), *quiet)
	// the texts go into the run's generation, committed with the tables,
	// unless --text-dir names another place
	if *textDir == "" {
		*textDir = output.TextDir()
	}
	texts := &textSink{Sink: output, dir: *textDir}
	sink := reportingSink{Sink: texts, stderr: stderr}
	opt.Progress = bar.update
	stats, err := batch.Run(ctx, inputs, x, opt, sink)
	bar.finish()
	if err == nil {
		err = segmenterErr() // the documents' results are void without the dictionaries
	}
	if err != nil {
		texts.abort()
		output.Abort()
		if ctx.Err() != nil {
			return interrupted(stats.Docs+stats.Skipped, stats.Total)
		}
		return fail(err)
	}
	stats.Elapsed = time.Since(start) // the whole command, start-up included
	switch {
	case *appendTo && stats.Docs == 0:
		texts.abort()
		output.Abort() // nothing new: leave every file as it was
	case stats.Docs > 0 && stats.Errors == stats.Docs && output.HasPrevious():
		// every input failed (a full disk, no file descriptors left, the
		// wrong directory): the tables of the run before are worth more
		// than a table of errors
		texts.abort()
		output.Abort()
		if !*quiet {
			fmt.Fprintln(stderr, summary(stats, *out))
		}
		fmt.Fprintf(stderr, "gwr extract: every input failed; %s left as it was\n", *out)
		return 1
	default:
		// The texts are in place before the tables' commit: in the run's
		// generation, committed with the tables; in a --text-dir outside
		// DIR, named before the commit, so that a kill between the two
		// leaves texts of documents not committed (written again by the
		// next run), never committed documents without their texts.
		if err := texts.commit(); err != nil {
			texts.abort()
			output.Abort()
			return fail(err)
		}
		if err := output.Commit(); err != nil {
			return fail(err)
		}
	}
	if !*quiet {
		fmt.Fprintln(stderr, summary(stats, *out))
	}
	if stats.Errors > 0 {
		return 1
	}
	return 0
}

// knownEncoding reports whether corpus.Decode knows the encoding name ("" is
// detection): a name it does not know fails on every input, while each
// known one decodes one of these (ASCII, UTF-16 with either byte-order
// mark).
func knownEncoding(name string) bool {
	for _, probe := range []string{"a", "\xff\xfea\x00", "\xfe\xff\x00a"} {
		if _, _, err := corpus.Decode([]byte(probe), name); err == nil {
			return true
		}
	}
	return false
}

// unmatchedManifest returns the doc_ids of man that no input has, sorted:
// a typing error in a manifest must not pass unnoticed. Inputs are those
// found before sharding, so that the rows of other shards count as matched.
func unmatchedManifest(man corpus.Manifest, inputs []corpus.Input) []string {
	if len(man) == 0 {
		return nil
	}
	have := make(map[string]bool, len(inputs))
	for _, in := range inputs {
		have[in.ID] = true
	}
	var out []string
	for id := range man {
		if !have[id] {
			out = append(out, fmt.Sprintf("%q", id))
		}
	}
	sort.Strings(out)
	return out
}

// summary is the line printed at the end of a run; its time is the wall
// time of the whole command, start-up included.
func summary(s batch.Stats, out string) string {
	skipped := ""
	if s.Skipped > 0 {
		skipped = fmt.Sprintf(" (%d already in %s, skipped)", s.Skipped, out)
	}
	return fmt.Sprintf("gwr extract: %d documents%s, %d facts, %d errors, %.1f MB in %.2fs (%.1f MB/s) -> %s",
		s.Docs-s.Errors, skipped, s.Facts, s.Errors, float64(s.Bytes)/1e6, s.Elapsed.Seconds(),
		float64(s.Bytes)/1e6/max(s.Elapsed.Seconds(), 1e-9), out)
}

// reportingSink reports each failed document on stderr as it passes.
type reportingSink struct {
	batch.Sink
	stderr io.Writer
}

func (s reportingSink) Add(r batch.Result) error {
	if r.Err != nil {
		fmt.Fprintf(s.stderr, "gwr extract: %s\n", failure(r.Err))
	}
	return s.Sink.Add(r)
}

// reason returns the first line of an error row's message without its
// package prefix and without the path the line starts with already.
func reason(path, msg string) string {
	msg = plainMessage(firstLine(msg))
	for _, p := range []string{path, "<stdin>"} {
		if rest, ok := strings.CutPrefix(msg, p+": "); ok {
			return rest
		}
	}
	return msg
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// record starts a recorder (a CPU profile, a runtime trace) writing to
// path, if path is not empty, and returns the function that stops it and
// closes the file.
func record(path string, start func(io.Writer) error, stop func()) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := start(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		stop()
		f.Close()
	}, nil
}
