package extract

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
)

// liveHeapPeak tracks the largest live heap (bytes marked by a garbage
// collection) over the collections that run between start and stop: a
// finalizer re-armed at every collection reads it. With the collector
// running at every 5% of growth (debug.SetGCPercent(5)), the peak it sees
// is within a few percent of the true one, whatever the machine's speed.
type liveHeapPeak struct {
	mu   sync.Mutex
	max  uint64
	done bool
}

func (p *liveHeapPeak) start() {
	type sentinel struct{ _ [16]byte }
	var arm func(*sentinel)
	arm = func(s *sentinel) {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.done {
			return
		}
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(sample)
		p.max = max(p.max, sample[0].Value.Uint64())
		runtime.SetFinalizer(&sentinel{}, arm)
	}
	runtime.SetFinalizer(&sentinel{}, arm)
}

func (p *liveHeapPeak) stop() uint64 {
	runtime.GC()
	runtime.GC() // the finalizer of the collection before has run
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done = true
	return p.max
}

// TestDocumentMemoryBounded extracts a document of 2 MB (the bundled and
// development reports repeated, once as lines and once as one line) and
// requires the live heap to grow by at most 4 bytes per byte of text while
// it is read: what it grows by is its facts (about 1.3 bytes per byte of
// report text, their rows and the sentences their indicators are cut from;
// up to 2.25 times that while the slice of rows grows) and one chunk's
// working set (its cleaned view: 12 bytes per code point). It measures 2.6
// bytes per byte; read whole, as before chunks, 8.3. The chunks are 64 KB
// here, so that a small document shows what 1 MB chunks do for a 50 MB one.
func TestDocumentMemoryBounded(t *testing.T) {
	x := *newExtractor(t)
	x.chunkBytes = 64 << 10
	var texts []string
	for _, d := range append(corpusDocs(t), devDocs(t)...) {
		texts = append(texts, d.Text)
	}
	unit := strings.Join(texts, "\n")
	const size = 2 << 20
	for _, oneLine := range []bool{false, true} {
		text := unit
		if oneLine {
			text = strings.NewReplacer("\r", "", "\n", "").Replace(unit)
		}
		text = strings.Repeat(text, size/len(text)+1)[:size]
		text = strings.ToValidUTF8(text, "")
		d := Document{ID: "big", Text: text, PlanYear: 2024}
		x.Extract(Document{ID: "warm", Text: unit[:4096], PlanYear: 2024})
		old := debug.SetGCPercent(5)
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		var peak liveHeapPeak
		peak.start()
		facts := x.Extract(d)
		top := peak.stop()
		debug.SetGCPercent(old)
		grew := int64(top) - int64(before.HeapAlloc)
		perByte := float64(grew) / float64(len(text))
		t.Logf("one line %v: %d bytes, %d facts, live heap grew by at most %.1f MB: %.2f bytes per byte of text", oneLine, len(text), len(facts), float64(grew)/(1<<20), perByte)
		if perByte > 4 {
			t.Errorf("one line %v: the live heap grew by %.2f bytes per byte of text (%d bytes); want at most 4", oneLine, perByte, grew)
		}
		if len(facts) < 5000 {
			t.Errorf("one line %v: %d facts; want the facts of the repeated reports (over 5000)", oneLine, len(facts))
		}
	}
}
