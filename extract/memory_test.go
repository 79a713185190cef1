package extract

import (
	"runtime"
	"strings"
	"testing"

	"github.com/gwrfacts/gwr/schema"
)

// heapGrowth extracts d with x after warming x up on warm and returns
// the facts and how much the live heap grew, at most, over the heap
// before: the live heap is taken after each chunk is read (through the
// chunkRead hook: two full collections, then HeapAlloc) and once at the end.
// Taken at the same points of the work every time, the figure does not
// depend on the machine's speed or load, unlike samples taken while a
// concurrent collection runs. The warm-up should hold the text's kinds
// of numbers: the extractor compiles each rule's pattern the first time
// a position needs it, which is the extractor's state, not the
// document's.
func heapGrowth(x *Extractor, warm, d Document) ([]schema.Fact, int64) {
	live := func() uint64 {
		// two collections: what sync.Pools cache (regexp2's runners, some
		// 100 KB each, the segmenter's tag caches) outlives the first in
		// the pools' victim caches, and is not the document's
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	x.chunkRead = nil
	x.Extract(warm)
	before := live()
	var top uint64
	x.chunkRead = func() { top = max(top, live()) }
	facts := x.Extract(d)
	x.chunkRead = nil
	top = max(top, live())
	return facts, int64(top) - int64(before)
}

// TestDocumentMemoryBounded extracts a document of 2 MB (the bundled and
// development reports repeated, once as lines and once as one line) and
// requires the live heap, taken after each chunk is read, to grow by at
// most 3 bytes per byte of text: what it grows by is its facts (about 1.3
// bytes per byte of report text, their rows and the sentences their
// indicators are cut from) and one chunk's working set. It measures
// 1.6-1.7 bytes per byte; read whole (chunkBytes 1 << 30), as before
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
		facts, grew := heapGrowth(&x, Document{ID: "warm", Text: unit, PlanYear: 2024}, d)
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
