package segment

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// TestLoadOutOfDescriptors loads the dictionaries in a child process whose
// file descriptors are all taken at one point of the load (loadHook), as
// the goroutines that read the inputs and write the tables of a run may
// take them: once the files are on disk ("placed"), the load ends with an
// error naming the dictionary and the cause; just before cppjieba opens
// them ("construct"), it loads all the same (handOver). Never does
// cppjieba abort the process, as it did on both before newJieba. The
// points are set by the hook, not by timing: each case fails every time
// without the fix.
func TestLoadOutOfDescriptors(t *testing.T) {
	for _, point := range []string{"placed", "construct"} {
		t.Run(point, func(t *testing.T) {
			if point == "construct" && !ownFileTables() {
				t.Skip("unshare(CLONE_FILES) is refused here: handOver cannot keep the descriptor for cppjieba")
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestLoadOutOfDescriptorsChild$", "-test.v", "-test.count=1")
			cmd.Env = append(os.Environ(), "GWR_TEST_TAKE_FDS_AT="+point, "XDG_CACHE_HOME="+t.TempDir())
			out, err := cmd.CombinedOutput()
			switch {
			case crashed(string(out)):
				// Go reports cppjieba's abort (SIGABRT) with the
				// goroutines' stacks and exit status 2
				t.Fatalf("the load with every descriptor taken at %q crashed the process (%v):\n%s", point, err, out)
			case err != nil:
				t.Fatalf("the load with every descriptor taken at %q: %v\n%s", point, err, out)
			case !strings.Contains(string(out), "--- PASS: TestLoadOutOfDescriptorsChild"):
				t.Fatalf("the child did not run its test:\n%s", out)
			}
		})
	}
}

// TestLoadOutOfDescriptorsChild is TestLoadOutOfDescriptors' child: every
// file descriptor is taken at the point of load that GWR_TEST_TAKE_FDS_AT
// names (loadHook), and it checks what load does then.
func TestLoadOutOfDescriptorsChild(t *testing.T) {
	point := os.Getenv("GWR_TEST_TAKE_FDS_AT")
	if point == "" {
		t.Skip("the child of TestLoadOutOfDescriptors")
	}
	// a low limit, so that taking every descriptor is quick
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	lim.Cur = min(lim.Cur, 256)
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	x, err := load()
	if f, err := os.Open(os.DevNull); !errors.Is(err, syscall.EMFILE) {
		f.Close()
		t.Fatalf("a descriptor left after the load (%v): none was taken at %q", err, point)
	}
	switch point {
	case "placed":
		if err == nil {
			t.Fatalf("load with no descriptor left succeeded")
		}
		if msg := err.Error(); !strings.Contains(msg, "jieba.dict.utf8") || !strings.Contains(msg, syscall.EMFILE.Error()) {
			t.Errorf("load with no descriptor left: %q, want the dictionary's name and %q", msg, syscall.EMFILE.Error())
		}
	case "construct":
		if err != nil {
			t.Fatalf("load with the descriptors taken after newJieba opened the files: %v", err)
		}
		var words []string
		for _, tok := range x.Segment("地区生产总值增长6.5%左右") {
			words = append(words, tok.Text)
		}
		if got, want := strings.Join(words, "/"), "地区生产总值/增长/6.5/%/左右"; got != want {
			t.Errorf("Segment = %s, want %s", got, want)
		}
		x.j.Free()
	default:
		t.Fatalf("GWR_TEST_TAKE_FDS_AT=%s: no such point", point)
	}
}

// crashed reports whether out, a Go process's output, holds the report of
// a crash: a fatal signal or an unrecovered panic, with the goroutines'
// stacks.
func crashed(out string) bool {
	return strings.Contains(out, "SIGABRT") || strings.Contains(out, "\ngoroutine ")
}

// ownFileTables reports whether a thread may have a file table of its own
// here (handOver).
func ownFileTables() bool {
	var err error
	done := make(chan struct{})
	onOwnThread(func() {
		defer close(done)
		err = syscall.Unshare(syscall.CLONE_FILES)
	})
	<-done
	return err == nil
}
