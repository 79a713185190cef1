package main

import (
	"bytes"
	"os"
	"strings"
	"syscall"
)

// The segmenter's dictionaries (cppjieba, through gojieba) are some 190 MB
// of small allocations from the C library's malloc, built at start-up and
// then walked word by word for every cut. In 4 KB pages that is most of a
// run's page faults (88k of the 125k of gwr extract over the 50 MB bench
// corpus, 88k for one report alone) and of its TLB misses. glibc backs
// the memory malloc maps with transparent huge pages only when asked, by
// its tunable glibc.malloc.hugetlb=1, which it reads from the environment
// once, as the process starts. So a command that segments starts itself
// again with the tunable set (hugePages), before it does anything else,
// on a kernel that gives huge pages to the memory that asks for them
// (/sys/kernel/mm/transparent_hugepage/enabled is "madvise"; with
// "always" the memory has them already, with "never" asking does nothing).
//
// Measured on the 2-core development host (bench/data/50mb, 9 interleaved
// runs of each, /usr/bin/time): page faults 125k -> 66k, CPU 3.83 -> 3.60
// s (median), peak RSS unchanged (313-314 MB); one report from a fresh
// process (the dictionaries' load), CPU 0.49 -> 0.36 s.
//
// GLIBC_TUNABLES that sets glibc.malloc.hugetlb already (to 0, say, to
// turn this off) is left as it is, and so is a process started again.

// segments names the commands that load the segmenter's dictionaries.
var segments = map[string]bool{"extract": true, "explain": true, "review": true, "show": true}

// hugeTunable is the glibc tunable hugePages sets.
const hugeTunable = "glibc.malloc.hugetlb"

// hugePages starts the process again, as it was started, with
// glibc.malloc.hugetlb=1 added to GLIBC_TUNABLES, when hugeEnv says so. It
// returns when it does not, or cannot: the run then goes on as it would
// have.
func hugePages(args []string) {
	if len(args) == 0 || !segments[args[0]] {
		return // before reading the kernel's mode: most commands stop here
	}
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil {
		return
	}
	if env, ok := hugeEnv(args, os.Environ(), mode); ok {
		// /proc/self/exe is this very program, even if its file has
		// been replaced or removed since it started
		_ = syscall.Exec("/proc/self/exe", os.Args, env)
	}
}

// hugeEnv returns environ with glibc.malloc.hugetlb=1 added to
// GLIBC_TUNABLES (its other tunables kept), and true, when the command of
// args segments, the kernel's transparent huge page mode (thpMode, the
// content of /sys/kernel/mm/transparent_hugepage/enabled) is "madvise",
// and GLIBC_TUNABLES does not set glibc.malloc.hugetlb already.
func hugeEnv(args, environ []string, thpMode []byte) ([]string, bool) {
	if len(args) == 0 || !segments[args[0]] || !bytes.Contains(thpMode, []byte("[madvise]")) {
		return nil, false
	}
	tunables := hugeTunable + "=1"
	env := make([]string, 1, len(environ)+1)
	for _, kv := range environ {
		if old, ok := strings.CutPrefix(kv, "GLIBC_TUNABLES="); ok {
			if strings.Contains(old, hugeTunable+"=") {
				return nil, false
			}
			if old != "" {
				tunables = old + ":" + tunables
			}
			continue
		}
		env = append(env, kv)
	}
	env[0] = "GLIBC_TUNABLES=" + tunables
	return env, true
}
