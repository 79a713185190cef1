package hugepages

import (
	"os"
	"slices"
	"testing"
)

// TestEnv: a command that segments is started again with
// glibc.malloc.hugetlb=1 added to GLIBC_TUNABLES when the kernel gives huge
// pages on request ("madvise"), and only then; the environment's other
// variables and tunables are kept, and a GLIBC_TUNABLES that sets the
// tunable already (a process started again, or a user's choice) is left
// alone.
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
			[]string{"GLIBC_TUNABLES=glibc.malloc.hugetlb=1", "HOME=/root", "LANG=C"}},
		{"explain", []string{"explain", "r.txt"}, nil, madvise, []string{"GLIBC_TUNABLES=glibc.malloc.hugetlb=1"}},
		{"review", []string{"review", "corpus"}, nil, madvise, []string{"GLIBC_TUNABLES=glibc.malloc.hugetlb=1"}},
		{"show", []string{"show", "r.txt"}, nil, madvise, []string{"GLIBC_TUNABLES=glibc.malloc.hugetlb=1"}},
		{"other tunables kept", []string{"extract", "corpus"}, []string{"A=1", "GLIBC_TUNABLES=glibc.malloc.check=0", "B=2"}, madvise,
			[]string{"GLIBC_TUNABLES=glibc.malloc.check=0:glibc.malloc.hugetlb=1", "A=1", "B=2"}},
		{"empty tunables", []string{"extract", "corpus"}, []string{"GLIBC_TUNABLES="}, madvise,
			[]string{"GLIBC_TUNABLES=glibc.malloc.hugetlb=1"}},
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
