package hugepages

/*
#include <stdlib.h>
#include "start_linux.h"
*/
import "C"

import (
	"os"
	"strings"
	"unsafe"
)

// The new start itself is start_linux.c's: a C constructor, which runs
// before the Go runtime. What is left for Go is the process started
// again: init puts GLIBC_TUNABLES back as it was (glibc has read it by
// then) and removes the marker, so that what gwr runs in turn (pdftotext)
// gets the environment gwr got. It must be Go's doing: the runtime reads
// the environment from the process's start, not from the C library.
func init() { restore() }

// tunable is the glibc tunable the new start sets.
const tunable = "glibc.malloc.hugetlb"

// marker is the variable a process started again finds in its
// environment: the GLIBC_TUNABLES it was started with ("=" and the value,
// or "" when it had none). It stops a second start (a glibc that dropped
// the tunable cannot loop), and tells restore what to put back.
const marker = "GWR_HUGEPAGES_TUNABLES"

// restore, in a process started again, sets GLIBC_TUNABLES to the value
// the marker holds, or unsets it, and unsets the marker.
func restore() {
	old, ok := os.LookupEnv(marker)
	if !ok {
		return
	}
	os.Unsetenv(marker)
	if v, set := strings.CutPrefix(old, "="); set {
		os.Setenv("GLIBC_TUNABLES", v)
	} else {
		os.Unsetenv("GLIBC_TUNABLES")
	}
}

// env is gwrHPEnv for Go strings: the environment of the new start and
// true, or nil and false when the process is not to start again.
func env(args, environ []string, thpMode []byte) ([]string, bool) {
	cargs, freeArgs := cStrings(args)
	defer freeArgs()
	cenv, freeEnv := cStrings(environ)
	defer freeEnv()
	mode := C.CString(string(thpMode))
	defer C.free(unsafe.Pointer(mode))
	e := C.gwrHPEnv(C.int(len(args)), cargs, cenv, mode)
	if e == nil {
		return nil, false
	}
	defer C.gwrHPFree(e)
	return goStrings(e), true
}

// selfStarted reports whether the program running is the one its first
// argument names, as the shell found it: not so under a tool that runs it
// itself (valgrind, an explicit ld.so), whose own program is then
// /proc/self/exe; starting that again would leave the tool.
func selfStarted() bool {
	arg0 := C.CString(os.Args[0])
	defer C.free(unsafe.Pointer(arg0))
	return C.gwrHPSelfStarted(arg0) != 0
}

// cCommands returns the commands the C side starts again (gwrHPCommands).
func cCommands() []string { return goStrings((**C.char)(unsafe.Pointer(&C.gwrHPCommands))) }

// goStrings returns the strings of a, a NULL-terminated array of C
// strings, as Go strings (cStrings's reverse).
func goStrings(a **C.char) []string {
	var out []string
	for p := a; *p != nil; p = (**C.char)(unsafe.Add(unsafe.Pointer(p), unsafe.Sizeof(*p))) {
		out = append(out, C.GoString(*p))
	}
	return out
}

// cStrings returns ss as a NULL-terminated array of C strings and the
// function that frees them.
func cStrings(ss []string) (**C.char, func()) {
	a := (**C.char)(C.calloc(C.size_t(len(ss)+1), C.size_t(unsafe.Sizeof((*C.char)(nil)))))
	arr := unsafe.Slice(a, len(ss)+1)
	for i, s := range ss {
		arr[i] = C.CString(s)
	}
	return a, func() {
		for _, p := range arr {
			C.free(unsafe.Pointer(p))
		}
		C.free(unsafe.Pointer(a))
	}
}
