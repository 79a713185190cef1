package batch

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/extract"
	"github.com/gwrfacts/gwr/schema"
)

// Options control a Run.
type Options struct {
	Jobs   int            // workers; 0 means all cores
	Corpus corpus.Options // decoding and metadata options
	// Progress, if set, is called after each document with the counts so
	// far; it runs on the collector goroutine.
	Progress func(Stats)
	// Skip, if set, is asked about each loaded document's SHA-256 (hex of
	// the raw bytes); a document it accepts is left out of the output and
	// counted in Stats.Skipped. It is called from the workers, concurrently.
	Skip func(sha256 string) bool
	// InFlightBytes bounds the documents in flight (being read and
	// extracted, or done and waiting for the ones before them and for
	// their rows to be handed to the sink) by their size on disk (an
	// archive member's uncompressed size): a document starts only while
	// the sizes of those in flight and its own stay within it, or when
	// none is in flight (a document larger than the bound runs alone).
	// 0 means InFlightBytesPerJob for each worker; at most windowDocs
	// documents per worker are in flight in any case.
	InFlightBytes int64
}

// windowDocs is the most documents in flight per worker. Besides those
// being extracted, the window holds the documents done and waiting for
// those before them, and those prepared while the segmenter's
// dictionaries load: enough for a worker to go on while the collector
// writes a row group of the facts table (tenths of a second, tens of
// documents) and to prepare the documents of the load's time. The bytes
// bound (InFlightBytes) holds as well.
const windowDocs = 256

// InFlightBytesPerJob is the default of Options.InFlightBytes for each
// worker. A document costs about 8 bytes of heap per byte of text while
// it is prepared and waits to be finished (its cleaned text is 12 bytes
// per character with the offsets of each into the original), and about
// 2.5 bytes per byte while its rows wait; so 8 MB in flight with -j 2
// hold about 70 MB of heap at the peak, where 32 MB held 120-135 MB
// (GODEBUG=gctrace=1 over the bench corpus) and made the collector run
// every few megabytes allocated under the memory limit of gwr extract.
// That is still far more than the workers need to go on while the
// dictionaries load or the collector writes a row group: reports of a few
// hundred KB never meet it, and a document larger than the bound is
// extracted alone.
const InFlightBytesPerJob = 4 << 20

// Stats counts what a run has done.
type Stats struct {
	Total   int           // inputs given to Run
	Docs    int           // inputs done and written: a document row or an error row each
	Skipped int           // inputs done and left out by Options.Skip
	Facts   int           // facts written
	Errors  int           // error rows written (inputs that failed)
	Bytes   int64         // text of the written documents, in bytes of the decoded UTF-8 text
	Elapsed time.Duration // since Run started
}

// Result is one document's outcome: its row and facts, or an error row.
type Result struct {
	Doc   *schema.Document
	Facts []schema.Fact
	Err   *schema.ErrorRow
	// Text is the document's text, which offsets point into, and
	// OwnText whether it is not simply the file at Doc.Path decoded (a
	// Word file, a PDF, an archive member) and so worth keeping beside
	// the tables.
	Text    string
	OwnText bool
	// Left is the number of the run's inputs after this one (set by Run).
	Left int

	skipped bool // left out by Options.Skip: not given to the sink
}

// Sink receives results in input order.
type Sink interface {
	Add(r Result) error
}

// Run extracts every input and hands the results to sink in input order.
// It stops early, returning ctx.Err(), when ctx is cancelled; results
// already given to sink stay valid.
//
// When the extractor's segmenter cannot be made ready (its dictionaries
// do not load: no file descriptors left, no directory to write them to),
// Run returns that error (Extractor.SegmenterErr) before it gives sink
// any result: no document can be extracted, and the failure is the run's,
// not an error row of each document.
func Run(ctx context.Context, inputs []corpus.Input, x *extract.Extractor, opt Options, sink Sink) (Stats, error) {
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	start := time.Now()
	stats := Stats{Total: len(inputs)}

	type done struct {
		job
		r Result
		n int64
	}
	// window bounds the documents in flight, by count and by size, and so
	// the memory held by the workers and the reorder buffer, whatever the
	// corpus and its documents' sizes. Documents start in input order, so
	// the one the collector waits for is always started (or nothing is in
	// flight and it may start).
	limit := opt.InFlightBytes
	if limit <= 0 {
		limit = InFlightBytesPerJob * int64(jobs)
	}
	window := newWindow(windowDocs*jobs, limit)
	// work holds every job the window admits, so that a worker done with
	// a document takes the next at once, even while the feeder waits to
	// be scheduled or for the size of the next input (a stat).
	work := make(chan job, windowDocs*jobs)
	// results holds every document the window admits, so that a worker
	// never waits for the collector: while the collector writes a row
	// group of the facts table, the workers go on with the next
	// documents instead of idling (the window still bounds them).
	results := make(chan done, windowDocs*jobs)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	go func() {
		defer close(work)
		for i := range inputs {
			size := inputSize(inputs[i])
			if err := window.acquire(ctx, size); err != nil {
				return
			}
			select {
			case work <- job{i, size}:
			case <-ctx.Done():
				return
			}
		}
	}()
	// Each worker reads documents up to their first segmentation
	// (prepareGroup) and then finishes them. While the segmenter's dictionaries
	// load, a worker keeps the documents it has prepared and takes the
	// next: the time of the load goes to reading, cleaning and matching
	// the first documents rather than to waiting. It finishes those it
	// kept, in the order it took them, as soon as the dictionaries are
	// there, or when it has nothing more to do. Once they are there, it
	// still prepares a group of documents (up to groupDocs and groupBytes,
	// while the next is there to take) before it finishes them (flush).
	// It takes the documents of a group first and then prepares them
	// together, stage by stage (prepareGroup).
	ready := x.SegmenterReady()
	// segOK is closed once the segmenter is ready and did not fail: the
	// workers finish no document before, and none after it failed.
	segOK, segDone := make(chan struct{}), make(chan struct{})
	var segErr error // set before segDone is closed
	go func() {
		defer close(segDone)
		select {
		case <-ready:
		case <-ctx.Done():
			return
		}
		if segErr = x.SegmenterErr(); segErr != nil {
			cancel()
			return
		}
		close(segOK)
	}()
	for w := 0; w < jobs; w++ {
		go func() {
			var kept []staged
			var taken []job // taken and not prepared yet
			var takenBytes int64
			// prepareTaken prepares the documents taken, together.
			prepareTaken := func() {
				kept = append(kept, prepareGroup(taken, inputs, x, opt)...)
				taken, takenBytes = taken[:0], 0
			}
			send := func(s staged) bool {
				r, n := s.finish(x)
				select {
				case results <- done{s.job, r, n}:
					return true
				case <-ctx.Done():
					return false
				}
			}
			flush := func() bool {
				select {
				case <-segOK:
				case <-ctx.Done():
					return false
				}
				for len(kept) > 0 {
					g := groupOf(kept)
					segmentAhead(x, kept[:g])
					for k, s := range kept[:g] {
						kept[k] = staged{}
						if !send(s) {
							return false
						}
					}
					kept = kept[g:]
				}
				kept = nil
				return true
			}
			for {
				var j job
				var ok bool
				if len(kept) == 0 && len(taken) == 0 {
					j, ok = <-work
				} else {
					select {
					case j, ok = <-work: // the next is there: prepare it too
					default:
						if len(taken) > 0 {
							prepareTaken()
							continue
						}
						// nothing to take now: finish the kept documents
						// as soon as the dictionaries are there
						select {
						case j, ok = <-work:
						case <-segOK:
							if !flush() {
								return
							}
							continue
						case <-ctx.Done():
							return
						}
					}
				}
				if !ok {
					prepareTaken()
					flush()
					return
				}
				if ctx.Err() != nil {
					return // the jobs still queued are not wanted
				}
				taken = append(taken, j)
				takenBytes += j.size
				if len(taken) < groupDocs && takenBytes < groupBytes {
					continue
				}
				// a whole group taken: prepare it, and finish what is kept
				// unless the dictionaries are still loading
				prepareTaken()
				select {
				case <-segOK:
					if !flush() {
						return
					}
				default:
				}
			}
		}()
	}

	pending := map[int]done{}
	next := 0
	for next < len(inputs) {
		select {
		case <-ctx.Done():
			stats.Elapsed = time.Since(start)
			if <-segDone; segErr != nil {
				return stats, segErr
			}
			return stats, ctx.Err()
		case d := <-results:
			pending[d.i] = d
		}
		for {
			d, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			d.r.Left = len(inputs) - next
			if d.r.skipped {
				stats.Skipped++
			} else {
				if err := sink.Add(d.r); err != nil {
					stats.Elapsed = time.Since(start)
					return stats, err
				}
				stats.Docs++
				stats.Bytes += d.n
				stats.Facts += len(d.r.Facts)
				if d.r.Err != nil {
					stats.Errors++
				}
			}
			// Only now, with its rows handed over, does the document
			// leave the window: released before Add, the next one
			// could load while the sink still holds these rows (two
			// 50 MB documents at once, and TestRunInFlightBytes saw
			// two in flight when the collector was slow to call Add).
			window.release(d.size)
			stats.Elapsed = time.Since(start)
			if opt.Progress != nil {
				opt.Progress(stats)
			}
		}
	}
	stats.Elapsed = time.Since(start)
	return stats, nil
}

// inputSize is the size of an input for the window: an archive member's
// uncompressed size, a file's size, 0 when it is not known (standard
// input, an input that cannot be looked at).
func inputSize(in corpus.Input) int64 {
	if in.Member != "" || in.Path == corpus.StdinPath || in.Err != nil {
		return in.Size
	}
	info, err := os.Stat(in.Path)
	if err != nil || !info.Mode().IsRegular() {
		return 0
	}
	return info.Size()
}

// window admits documents while fewer than docs are in flight and their
// sizes stay within bytes, or when none is in flight.
type window struct {
	mu          sync.Mutex
	wake        chan struct{} // closed and replaced on each release
	docs, n     int
	bytes, used int64
}

func newWindow(docs int, bytes int64) *window {
	return &window{wake: make(chan struct{}), docs: docs, bytes: bytes}
}

// acquire waits until a document of size may start, or ctx is done.
func (w *window) acquire(ctx context.Context, size int64) error {
	for {
		w.mu.Lock()
		if w.n == 0 || w.n < w.docs && w.used+size <= w.bytes {
			w.n++
			w.used += size
			w.mu.Unlock()
			return nil
		}
		wake := w.wake
		w.mu.Unlock()
		select {
		case <-wake:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// release ends a document of size started by acquire.
func (w *window) release(size int64) {
	w.mu.Lock()
	w.n--
	w.used -= size
	close(w.wake)
	w.wake = make(chan struct{})
	w.mu.Unlock()
}

// job is one input given to a worker: its index and the size it holds in
// the window.
type job struct {
	i    int
	size int64 // reserved in the window
}

// staged is a document prepared by a worker (prepareGroup): loaded and
// read up to its first segmentation, or already done (r set: an error row,
// or left out by Options.Skip).
type staged struct {
	job
	in  corpus.Input
	doc *corpus.Document
	p   *extract.Prepared
	r   *Result
}

// prepareGroup loads the documents of jobs and reads each up to its first
// segmentation, a stage at a time over all of them: each loaded
// (corpus.Load), then each read (extract.Extractor.Read: cleaned, its
// sentences and layout found), then each matched by the rules
// (extract.Prepared.Match). A stage run over several documents in a row
// finds what it reads (its tables, the rules) in the processor's caches.
// A document that fails, or whose stage panics, is an error row of its
// own; the others go on.
func prepareGroup(jobs []job, inputs []corpus.Input, x *extract.Extractor, opt Options) []staged {
	group := make([]staged, len(jobs))
	for k, j := range jobs {
		group[k] = staged{job: j, in: inputs[j.i]}
		group[k].step("load", func(s *staged) { s.load(opt) })
	}
	for k := range group {
		group[k].step("extract", func(s *staged) {
			d := s.doc
			s.p = x.Read(extract.Document{ID: d.ID, Text: d.Text, HTML: d.HTML, PlanYear: d.Meta.Year})
		})
	}
	for k := range group {
		group[k].step("extract", func(s *staged) { s.p.Match() })
	}
	return group
}

// step runs one stage of prepareGroup for s, unless s is already done (an
// error row, or left out). It never panics: a panic in the stage becomes
// an error row of s alone, named after stage.
func (s *staged) step(stage string, f func(*staged)) {
	if s.r != nil {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			s.r, s.doc, s.p = panicRow(s.in, stage, p), nil, nil
		}
	}()
	f(s)
}

// load loads the document of s, which is done when it cannot be loaded
// (an error row) or Options.Skip leaves it out.
func (s *staged) load(opt Options) {
	doc, err := corpus.Load(s.in, opt.Corpus)
	if err != nil {
		s.r = &Result{Err: &schema.ErrorRow{DocID: s.in.ID, Path: s.in.Path, Stage: "load", Message: err.Error()}}
		return
	}
	if opt.Skip != nil && opt.Skip(doc.SHA256) {
		s.r = &Result{skipped: true}
		return
	}
	s.doc = doc
}

// groupDocs and groupBytes bound a group of documents a worker prepares
// before it finishes them: their first segmentation is done together
// (extract.Extractor.SegmentAhead), the clauses of several documents cut
// back to back while jieba's dictionary is in the processor's caches, and
// each stage of the work runs over several documents in a row, and a
// worker hands the collector a run of results at once rather than waking
// it for each. On the bench corpus (reports of about 50 KB) a run of
// `gwr extract -j 2` took 15-20% less CPU time than with one document at
// a time, and a third of the context switches (bench/ab.sh); groups of 6
// and of 48 did as well as 16. Bytes are of the inputs' sizes (job.size).
const (
	groupDocs  = 16
	groupBytes = 1 << 20
)

// groupOf returns the number of documents of kept, from the first, that
// make the first group: up to groupDocs and groupBytes, one at least.
func groupOf(kept []staged) int {
	var size int64
	for g, s := range kept {
		size += s.size
		if g == groupDocs || (g > 0 && size > groupBytes) {
			return g
		}
	}
	return len(kept)
}

// segmentAhead does the first segmentation of the documents of group
// prepared for extraction, together (extract.Extractor.SegmentAhead).
func segmentAhead(x *extract.Extractor, group []staged) {
	ps := make([]*extract.Prepared, 0, len(group))
	for _, s := range group {
		if s.r == nil && s.p != nil {
			ps = append(ps, s.p)
		}
	}
	x.SegmentAhead(ps)
}

// finish extracts a prepared document and returns its result and the
// bytes of its text. It never panics, as step.
func (s staged) finish(x *extract.Extractor) (r Result, n int64) {
	if s.r != nil {
		return *s.r, 0
	}
	in, doc := s.in, s.doc
	defer func() {
		if p := recover(); p != nil {
			r, n = *panicRow(in, "extract", p), 0
		}
	}()
	facts, lay, err := s.p.Finish()
	if err != nil {
		return Result{Err: &schema.ErrorRow{DocID: in.ID, Path: in.Path, Stage: "extract", Message: fmt.Sprintf("%s: %v", corpus.SafeName(in.Path), err)}}, 0
	}
	row := doc.Row(len(facts), lay.Chars)
	row.PlanStart = lay.PlanStartColumn()
	own := doc.Member != "" || (doc.Format != corpus.FormatText && doc.Format != corpus.FormatHTML)
	return Result{Doc: &row, Facts: facts, Text: doc.Text, OwnText: own}, int64(len(doc.Text))
}

// panicRow is the error row of a document whose stage panicked with p.
func panicRow(in corpus.Input, stage string, p any) *Result {
	return &Result{Err: &schema.ErrorRow{DocID: in.ID, Path: in.Path, Stage: stage,
		Message: fmt.Sprintf("internal error (please report): %v\n%s", p, firstLines(debug.Stack(), 12))}}
}

func firstLines(b []byte, n int) string {
	lines := 0
	for i, c := range b {
		if c == '\n' {
			lines++
			if lines == n {
				return string(b[:i])
			}
		}
	}
	return string(b)
}
