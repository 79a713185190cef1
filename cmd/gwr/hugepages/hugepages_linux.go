package hugepages

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"syscall"
)

func init() { start(os.Args[1:]) }

// tunable is the glibc tunable start sets.
const tunable = "glibc.malloc.hugetlb"

// marker is the variable a process started again finds in its
// environment: the GLIBC_TUNABLES it was started with ("=" and the value,
// or "" when it had none). It stops a second start, and lets the new
// process give GLIBC_TUNABLES its old value, so that what gwr runs in turn
// (pdftotext) gets the environment gwr got.
const marker = "GWR_HUGEPAGES_TUNABLES"

// start starts the process again, as it was started, with
// glibc.malloc.hugetlb=1 added to GLIBC_TUNABLES, when env says so. It
// returns when it does not, or cannot: the run then goes on as it would
// have. In the process started again it puts GLIBC_TUNABLES back as it was
// (glibc has read it by then) and removes the marker.
func start(args []string) {
	if old, ok := os.LookupEnv(marker); ok {
		os.Unsetenv(marker)
		if v, set := strings.CutPrefix(old, "="); set {
			os.Setenv("GLIBC_TUNABLES", v)
		} else {
			os.Unsetenv("GLIBC_TUNABLES")
		}
		return
	}
	if len(args) == 0 || !Commands[args[0]] {
		return // before reading the kernel's mode: most commands stop here
	}
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil {
		return
	}
	e, ok := env(args, os.Environ(), mode)
	if !ok || !selfStarted() {
		return
	}
	// /proc/self/exe is this very program, even if its file has been
	// replaced or removed since selfStarted looked
	_ = syscall.Exec("/proc/self/exe", os.Args, e)
}

// selfStarted reports whether the program running is the one its first
// argument names, as the shell found it: not so under a tool that runs
// it itself (valgrind, an explicit ld.so), whose own program is then
// /proc/self/exe; starting that again would leave the tool.
func selfStarted() bool {
	self, err := os.Stat("/proc/self/exe")
	if err != nil {
		return false
	}
	path, err := exec.LookPath(os.Args[0])
	if err != nil {
		return false
	}
	named, err := os.Stat(path)
	return err == nil && os.SameFile(self, named)
}

// env returns environ with glibc.malloc.hugetlb=1 added to GLIBC_TUNABLES
// (its other tunables kept) and the marker set to its old value, and true,
// when the command of args is one of Commands, the kernel's transparent
// huge page mode (thpMode, the content of
// /sys/kernel/mm/transparent_hugepage/enabled) is "madvise", GLIBC_TUNABLES
// does not set glibc.malloc.hugetlb already, and the marker is not there
// (the process is not one started again).
func env(args, environ []string, thpMode []byte) ([]string, bool) {
	if len(args) == 0 || !Commands[args[0]] || !bytes.Contains(thpMode, []byte("[madvise]")) {
		return nil, false
	}
	tunables, old := tunable+"=1", ""
	e := make([]string, 2, len(environ)+2)
	for _, kv := range environ {
		if strings.HasPrefix(kv, marker+"=") {
			return nil, false
		}
		if v, ok := strings.CutPrefix(kv, "GLIBC_TUNABLES="); ok {
			if strings.Contains(v, tunable+"=") {
				return nil, false
			}
			if v != "" {
				tunables = v + ":" + tunables
			}
			old = "=" + v
			continue
		}
		e = append(e, kv)
	}
	e[0] = "GLIBC_TUNABLES=" + tunables
	e[1] = marker + "=" + old
	return e, true
}
