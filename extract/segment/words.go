package segment

/*
#include <stdlib.h>

// gwrWord is gojieba's Word (its jieba.h): the byte offset and length of
// a word in the text cut. Cut is gojieba's C function, compiled into the
// gojieba package, which its Go method Jieba.Cut calls.
typedef struct {
	size_t offset;
	size_t len;
} gwrWord;

gwrWord* Cut(void* handle, const char* sentence, int is_hmm_used);
*/
import "C"

import (
	"runtime"
	"unsafe"
)

// word is a word jieba cut, read in place in the array cppjieba made.
type word C.gwrWord

// span returns the word's byte offsets in the text cut.
func (w *word) span() (start, end int) { return int(w.offset), int(w.offset + w.len) }

// in returns the word in s, the text cut.
func (w *word) in(s string) string { return s[w.offset : w.offset+w.len] }

// cut returns the words jieba cuts s into, in order: those of gojieba's
// Cut(s, true), whose strings are s[start:end] for each word's span, the
// cut of Tokenize(s, DefaultMode, true) (both call cppjieba's Jieba::Cut).
// The words follow one another and cover s, each separator (cppjieba's
// PreFilter) a word of its own, so a word starts where the one before it
// ends (TestCutIsTokenize). It calls gojieba's C function Cut as its Go
// method does, with the same instance, but reads the words where C wrote
// them: gojieba's Cut made a string of each in a slice grown by append,
// 100 MB allocated over the 50 MB bench corpus. The slice is C memory,
// which the caller hands back with freeWords once it has read it.
func (x *Jieba) cut(s string) []word {
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	// the instance is the first field of gojieba's Jieba, a C pointer
	// (gojieba.Jieba.Cut hands it to C.Cut)
	first := C.Cut(*(*unsafe.Pointer)(unsafe.Pointer(x.j)), cs, 1)
	runtime.KeepAlive(x.j) // its finalizer would free the instance
	if first == nil {
		return nil
	}
	n := 0
	for p := (*word)(first); p.len != 0; p = (*word)(unsafe.Add(unsafe.Pointer(p), unsafe.Sizeof(*p))) {
		n++
	}
	if n == 0 {
		C.free(unsafe.Pointer(first)) // freeWords could not tell it from an empty slice
		return nil
	}
	return unsafe.Slice((*word)(first), n)
}

// freeWords hands back the words of a cut (none: nothing to hand back).
func freeWords(ws []word) {
	if len(ws) > 0 {
		C.free(unsafe.Pointer(unsafe.SliceData(ws)))
	}
}
