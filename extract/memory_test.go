package extract

import (
	"runtime"
	"strings"
	"testing"
)

// liveHeapAtChunks returns a hook for Extractor.chunkRead that takes the
// live heap after each chunk is read (a full collection, then HeapAlloc)
// and a function that returns the largest. Taken at the same points of
// the work every time, the figure does not depend on the machine's speed
// or load, unlike samples taken while a concurrent collection runs.
func liveHeapAtChunks() (hook func(), peak func() uint64) {
	var top uint64
	hook = func() {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		top = max(top, m.HeapAlloc)
	}
	return hook, func() uint64 { hook(); return top }
}

// TestDocumentMemoryBounded extracts a document of 2 MB (the bundled and
// development reports repeated, once as lines and once as one line) and
// requires the live heap, taken after each chunk is read, to grow by at
// most 3 bytes per byte of text: what it grows by is its facts (about 1.3
// bytes per byte of report text, their rows and the sentences their
// indicators are cut from) and one chunk's working set. It measures
// 1.3-1.5 bytes per byte; read whole (chunkBytes 1 << 30), as before
// chunks, 4.4, the whole text's cleaned view being alive. The chunks are
// 64 KB here, so that a small document shows what 1 MB chunks do for a
// 50 MB one.
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
		x.chunkRead = nil
		x.Extract(Document{ID: "warm", Text: unit[:4096], PlanYear: 2024})
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		hook, peak := liveHeapAtChunks()
		x.chunkRead = hook
		facts := x.Extract(d)
		top := peak()
		grew := int64(top) - int64(before.HeapAlloc)
		perByte := float64(grew) / float64(len(text))
		t.Logf("one line %v: %d bytes, %d facts, live heap grew by at most %.1f MB: %.2f bytes per byte of text", oneLine, len(text), len(facts), float64(grew)/(1<<20), perByte)
		if perByte > 3 {
			t.Errorf("one line %v: the live heap grew by %.2f bytes per byte of text (%d bytes); want at most 3", oneLine, perByte, grew)
		}
		if len(facts) < 5000 {
			t.Errorf("one line %v: %d facts; want the facts of the repeated reports (over 5000)", oneLine, len(facts))
		}
	}
}
