package hugepages

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestMain: with HUGEPAGES_TEST_CHILD=exec the test binary is the child of
// TestNewStart and reports what it finds instead of running the tests.
func TestMain(m *testing.M) {
	if os.Getenv("HUGEPAGES_TEST_CHILD") == "exec" {
		fmt.Print(newStartReport())
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// newStartReport says whether the process was started again (the
// environment it was started with, /proc/self/environ, holds the
// tunable and the marker), what GLIBC_TUNABLES and the marker are now,
// and the process's name.
func newStartReport() string {
	start, _ := os.ReadFile("/proc/self/environ")
	vars := bytes.Split(start, []byte{0})
	again := slices.ContainsFunc(vars, func(v []byte) bool { return string(v) == "GLIBC_TUNABLES=glibc.malloc.hugetlb=1" }) &&
		slices.ContainsFunc(vars, func(v []byte) bool { return string(v) == marker+"=" })
	v, set := os.LookupEnv("GLIBC_TUNABLES")
	_, marked := os.LookupEnv(marker)
	comm, _ := os.ReadFile("/proc/self/comm")
	return fmt.Sprintf("again=%v tunables=%q set=%v marked=%v comm=%s", again, v, set, marked, strings.TrimSpace(string(comm)))
}

// TestNewStart: the test binary, which links package hugepages and so its
// C constructor, started with the command "extract" is started again
// with the tunable where the kernel's mode is "madvise", and not
// elsewhere; either way its GLIBC_TUNABLES is as it was (unset) once the
// packages have initialized, and its name is the binary's, not "exe"
// (/proc/self/exe, which the new start runs).
func TestNewStart(t *testing.T) {
	mode, _ := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	for _, tt := range []struct {
		command string
		again   bool
	}{
		{"extract", bytes.Contains(mode, []byte("[madvise]"))},
		{"version", false},
	} {
		cmd := exec.Command(os.Args[0], tt.command, "corpus")
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "GLIBC_TUNABLES=") && !strings.HasPrefix(kv, marker+"=") {
				cmd.Env = append(cmd.Env, kv)
			}
		}
		cmd.Env = append(cmd.Env, "HUGEPAGES_TEST_CHILD=exec")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v", tt.command, err)
		}
		name := os.Args[0][strings.LastIndexByte(os.Args[0], '/')+1:]
		want := fmt.Sprintf("again=%v tunables=\"\" set=false marked=false comm=%s", tt.again, name[:min(len(name), 15)])
		if string(out) != want {
			t.Errorf("%s (kernel mode %q): %s; want %s", tt.command, strings.TrimSpace(string(mode)), out, want)
		}
	}
}

// TestCommands: the C side starts again the commands Commands names.
func TestCommands(t *testing.T) {
	got := cCommands()
	slices.Sort(got)
	if want := slices.Sorted(maps.Keys(Commands)); !slices.Equal(got, want) {
		t.Errorf("gwrHPCommands = %q; Commands %q", got, want)
	}
}

// TestEnv: a command that segments is started again with
// glibc.malloc.hugetlb=1 added to GLIBC_TUNABLES, and the old value in the
// marker, when the kernel gives huge pages on request ("madvise"), and only
// then; the environment's other variables and tunables are kept, and a
// GLIBC_TUNABLES that sets the tunable already (a user's choice) is left
// alone, as is a process started again (the marker there, whatever became
// of GLIBC_TUNABLES).
func TestEnv(t *testing.T) {
	const madvise = "always [madvise] never\n"
	tests := []struct {
		name    string
		args    []string
		environ []string
		mode    string
		want    []string // nil: not started again
	}{
		{"extract", []string{"extract", "-o", "out", "corpus"}, []string{"HOME=/root", "LANG=C"}, madvise,
			[]string{"GLIBC_TUNABLES=glibc.malloc.hugetlb=1", "GWR_HUGEPAGES_TUNABLES=", "HOME=/root", "LANG=C"}},
		{"explain", []string{"explain", "r.txt"}, nil, madvise, []string{"GLIBC_TUNABLES=glibc.malloc.hugetlb=1", "GWR_HUGEPAGES_TUNABLES="}},
		{"review", []string{"review", "corpus"}, nil, madvise, []string{"GLIBC_TUNABLES=glibc.malloc.hugetlb=1", "GWR_HUGEPAGES_TUNABLES="}},
		{"show", []string{"show", "r.txt"}, nil, madvise, []string{"GLIBC_TUNABLES=glibc.malloc.hugetlb=1", "GWR_HUGEPAGES_TUNABLES="}},
		{"other tunables kept", []string{"extract", "corpus"}, []string{"A=1", "GLIBC_TUNABLES=glibc.malloc.check=0", "B=2"}, madvise,
			[]string{"GLIBC_TUNABLES=glibc.malloc.check=0:glibc.malloc.hugetlb=1", "GWR_HUGEPAGES_TUNABLES==glibc.malloc.check=0", "A=1", "B=2"}},
		{"empty tunables", []string{"extract", "corpus"}, []string{"GLIBC_TUNABLES="}, madvise,
			[]string{"GLIBC_TUNABLES=glibc.malloc.hugetlb=1", "GWR_HUGEPAGES_TUNABLES=="}},
		{"started again", []string{"extract", "corpus"}, []string{"GLIBC_TUNABLES=glibc.malloc.check=0", "GWR_HUGEPAGES_TUNABLES="}, madvise, nil},
		{"started again, tunables dropped", []string{"extract", "corpus"}, []string{"GWR_HUGEPAGES_TUNABLES="}, madvise, nil},
		{"set already", []string{"extract", "corpus"}, []string{"GLIBC_TUNABLES=glibc.malloc.hugetlb=1"}, madvise, nil},
		{"turned off", []string{"extract", "corpus"}, []string{"GLIBC_TUNABLES=glibc.malloc.check=0:glibc.malloc.hugetlb=0"}, madvise, nil},
		{"always", []string{"extract", "corpus"}, nil, "[always] madvise never\n", nil},
		{"never", []string{"extract", "corpus"}, nil, "always madvise [never]\n", nil},
		{"no mode", []string{"extract", "corpus"}, nil, "", nil},
		{"version", []string{"version"}, nil, madvise, nil},
		{"diff", []string{"diff", "a", "b"}, nil, madvise, nil},
		{"no command", nil, nil, madvise, nil},
	}
	for _, tt := range tests {
		got, ok := env(tt.args, tt.environ, []byte(tt.mode))
		if ok != (tt.want != nil) || !slices.Equal(got, tt.want) {
			t.Errorf("%s: env(%q, %q, %q) = %q, %v; want %q, %v", tt.name, tt.args, tt.environ, tt.mode, got, ok, tt.want, tt.want != nil)
		}
	}
}

// TestSelfStarted: the test binary, started as go test starts it, is the
// program its first argument names.
func TestSelfStarted(t *testing.T) {
	if !selfStarted() {
		t.Errorf("selfStarted() = false for %s, started by go test", os.Args[0])
	}
}

// TestSelfStartedNot: a process whose first argument names another
// program (as under a tool that runs gwr itself) is not self-started.
func TestSelfStartedNot(t *testing.T) {
	if os.Getenv("HUGEPAGES_TEST_CHILD") == "self" {
		fmt.Print(selfStarted())
		os.Exit(0)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSelfStartedNot$")
	cmd.Args[0] = "/bin/sh"
	cmd.Env = append(os.Environ(), "HUGEPAGES_TEST_CHILD=self")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != "false" {
		t.Errorf("selfStarted() = %s with argv[0] /bin/sh; want false", out)
	}
}

// TestStartedAgain: a process started again (the marker in its
// environment) puts GLIBC_TUNABLES back as it was, set or not, and removes
// the marker, before main runs, so that the programs it starts get the
// environment it got.
func TestStartedAgain(t *testing.T) {
	if os.Getenv("HUGEPAGES_TEST_CHILD") == "env" {
		v, set := os.LookupEnv("GLIBC_TUNABLES")
		_, marked := os.LookupEnv(marker)
		fmt.Printf("%q %v %v", v, set, marked)
		os.Exit(0)
	}
	tests := []struct{ marker, want string }{
		{"", `"" false false`},
		{"=", `"" true false`},
		{"=glibc.malloc.check=0", `"glibc.malloc.check=0" true false`},
	}
	for _, tt := range tests {
		cmd := exec.Command(os.Args[0], "-test.run=^TestStartedAgain$")
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "GLIBC_TUNABLES=") && !strings.HasPrefix(kv, marker+"=") {
				cmd.Env = append(cmd.Env, kv)
			}
		}
		cmd.Env = append(cmd.Env, "HUGEPAGES_TEST_CHILD=env", "GLIBC_TUNABLES=glibc.malloc.hugetlb=1", marker+"="+tt.marker)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != tt.want {
			t.Errorf("started again with %s=%q: GLIBC_TUNABLES, set, marker = %s; want %s", marker, tt.marker, out, tt.want)
		}
	}
}
