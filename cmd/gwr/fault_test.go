package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// faultFormats are written by the fault-injection runs: a columnar and a
// text format, whose tables must agree.
const faultFormats = "parquet,jsonl"

// faultCorpus writes n small reports into dir (the first paragraphs of
// the bundled reports under new names and with a line of their own, so
// that every one has a different SHA-256) and returns their SHA-256s.
func faultCorpus(t *testing.T, dir string, n, from int) map[string]bool {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	reports := bundledReports(t)
	sums := map[string]bool{}
	for i := 0; i < n; i++ {
		r := reports[(from+i)%len(reports)]
		text := string(r.data)
		if len(text) > 6000 {
			text = text[:runeStartAt(text, 6000)]
		}
		text += fmt.Sprintf("\n第%d份：新增企业%d家。\n", from+i, from+i+1)
		name := filepath.Join(dir, fmt.Sprintf("r%03d.txt", from+i))
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		sums[fmt.Sprintf("%x", sha256.Sum256([]byte(text)))] = true
	}
	return sums
}

// checkAgree reads dir's tables in both formats and checks what no fault
// may break: the two formats hold the same rows, each document once, no
// (doc_id, fact_id) twice, every fact's document in the documents table
// with that many facts. It returns the SHA-256s of the documents.
func checkAgree(t *testing.T, dir string) map[string]bool {
	t.Helper()
	got := readTables(t, dir)
	sums := map[string]bool{}
	ids := map[string]int32{}
	for _, d := range got.docs {
		if _, dup := ids[d.DocID]; dup {
			t.Errorf("%s: document %s twice", dir, d.DocID)
		}
		if sums[d.SHA256] {
			t.Errorf("%s: content %s twice", dir, d.SHA256[:12])
		}
		ids[d.DocID] = d.Facts
		sums[d.SHA256] = true
	}
	seen := map[string]bool{}
	count := map[string]int32{}
	for _, f := range got.facts {
		key := fmt.Sprintf("%s/%d", f.DocID, f.FactID)
		if seen[key] {
			t.Errorf("%s: fact (%s, %d) twice", dir, f.DocID, f.FactID)
		}
		seen[key] = true
		count[f.DocID]++
	}
	for id, n := range count {
		if want, ok := ids[id]; !ok || want != n {
			t.Errorf("%s: %d facts of %s; the documents table says %d (held: %v)", dir, n, id, want, ok)
		}
	}
	return sums
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// gwrCmd is gwr extract --append -o out over in, with extra environment.
func gwrCmd(bin, out string, env []string, in ...string) *exec.Cmd {
	cmd := exec.Command(bin, append([]string{"extract", "--append", "--quiet", "-o", out, "--format", faultFormats}, in...)...)
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

// TestFaults is the fault-injection suite: concurrent appends, SIGKILL at
// each commit step and at random moments, a failing rename, no file
// descriptors left. After each, no document is lost, none is there twice,
// the tables agree, and a failed run leaves the previous output intact.
func TestFaults(t *testing.T) {
	bin := buildGWR(t)
	dir := t.TempDir()
	inA, inB := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	wantA := faultCorpus(t, inA, 6, 0)
	wantB := faultCorpus(t, inB, 6, 6)
	all := map[string]bool{}
	for k := range wantA {
		all[k] = true
	}
	for k := range wantB {
		all[k] = true
	}

	t.Run("concurrent appends", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		var errA, errB bytes.Buffer
		a, b := gwrCmd(bin, out, nil, inA), gwrCmd(bin, out, nil, inB)
		a.Stderr, b.Stderr = &errA, &errB
		if err := a.Start(); err != nil {
			t.Fatal(err)
		}
		if err := b.Start(); err != nil {
			t.Fatal(err)
		}
		ea, eb := a.Wait(), b.Wait()
		if ea != nil || eb != nil {
			t.Fatalf("concurrent appends: %v, %v\n%s%s", ea, eb, errA.String(), errB.String())
		}
		if got := checkAgree(t, out); !sameSet(got, all) {
			t.Errorf("after two concurrent appends %s holds %d documents, want the %d of both", out, len(got), len(all))
		}
		if !strings.Contains(errA.String()+errB.String(), "waiting for it to finish") {
			t.Logf("the runs did not overlap (stderr %q %q)", errA.String(), errB.String())
		}
	})

	// A first append of A; then an append of B killed at a commit step:
	// the output is A's or A+B's, whole; a re-run makes it A+B.
	for _, step := range []string{"before-switch", "after-switch"} {
		t.Run("SIGKILL at "+step, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			if b, err := gwrCmd(bin, out, nil, inA).CombinedOutput(); err != nil {
				t.Fatalf("first append: %v\n%s", err, b)
			}
			err := gwrCmd(bin, out, []string{"GWR_TEST_CRASH_AT=" + step}, inB).Run()
			if ws, ok := exitSignal(err); !ok || ws != syscall.SIGKILL {
				t.Fatalf("append with GWR_TEST_CRASH_AT=%s: %v, want killed by SIGKILL", step, err)
			}
			got := checkAgree(t, out)
			switch {
			case step == "before-switch" && !sameSet(got, wantA):
				t.Errorf("killed before the switch: %d documents, want A's %d", len(got), len(wantA))
			case step == "after-switch" && !sameSet(got, all):
				t.Errorf("killed after the switch: %d documents, want A's and B's %d", len(got), len(all))
			}
			if b, err := gwrCmd(bin, out, nil, inA, inB).CombinedOutput(); err != nil {
				t.Fatalf("re-run: %v\n%s", err, b)
			}
			if got := checkAgree(t, out); !sameSet(got, all) {
				t.Errorf("after the re-run: %d documents, want %d", len(got), len(all))
			}
			if left := staleState(t, out); len(left) > 0 {
				t.Errorf("left after the re-run: %v", left)
			}
		})
	}

	t.Run("SIGKILL at random moments", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		rng := rand.New(rand.NewSource(16))
		for i := 0; i < 6; i++ {
			in := inA
			if i%2 == 1 {
				in = inB
			}
			cmd := gwrCmd(bin, out, nil, in)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Duration(rng.Intn(1500)) * time.Millisecond)
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			if _, err := os.Stat(filepath.Join(out, "facts.parquet")); err == nil {
				got := checkAgree(t, out)
				if !subset(got, all) {
					t.Errorf("after kill %d: documents that are not inputs", i)
				}
			}
		}
		if b, err := gwrCmd(bin, out, nil, inA, inB).CombinedOutput(); err != nil {
			t.Fatalf("final run: %v\n%s", err, b)
		}
		if got := checkAgree(t, out); !sameSet(got, all) {
			t.Errorf("after the final run: %d documents, want %d", len(got), len(all))
		}
	})

	t.Run("failing rename", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		if b, err := gwrCmd(bin, out, nil, inA).CombinedOutput(); err != nil {
			t.Fatalf("first append: %v\n%s", err, b)
		}
		before := hashDir(t, out)
		cmd := gwrCmd(bin, out, []string{"GWR_TEST_FAIL_AT=rename-current"}, inB)
		b, err := cmd.CombinedOutput()
		if cmd.ProcessState.ExitCode() != 2 {
			t.Errorf("append whose commit fails: %v, want exit status 2\n%s", err, b)
		}
		if after := hashDir(t, out); !equalMaps(before, after) {
			t.Errorf("a failed commit changed the output: %v -> %v", before, after)
		}
		if got := checkAgree(t, out); !sameSet(got, wantA) {
			t.Errorf("after a failed commit: %d documents, want A's %d", len(got), len(wantA))
		}
	})

	t.Run("EMFILE", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		if b, err := gwrCmd(bin, out, nil, inA).CombinedOutput(); err != nil {
			t.Fatalf("first append: %v\n%s", err, b)
		}
		before := hashDir(t, out)
		// No descriptors beyond what the start-up needs: every report
		// fails to open (or the output cannot be written).
		cmd := exec.Command("sh", "-c", `ulimit -n 14 && exec "$@"`, "sh", bin, "extract", "--quiet", "-o", out, "--format", faultFormats, inB)
		b, err := cmd.CombinedOutput()
		if err == nil {
			t.Fatalf("gwr extract with 14 file descriptors succeeded:\n%s", b)
		}
		if after := hashDir(t, out); !equalMaps(before, after) {
			t.Errorf("a run out of file descriptors (%v) changed the output:\n%s", err, b)
		}
		if got := checkAgree(t, out); !sameSet(got, wantA) {
			t.Errorf("after a run out of file descriptors: %d documents, want A's %d", len(got), len(wantA))
		}
	})
}

func subset(a, b map[string]bool) bool {
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// exitSignal returns the signal that ended a command, if one did.
func exitSignal(err error) (syscall.Signal, bool) {
	ee, ok := err.(*exec.ExitError)
	if !ok {
		return 0, false
	}
	ws, ok := ee.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() {
		return 0, false
	}
	return ws.Signal(), true
}

// staleState lists what dir/.gwr holds beyond the lock, the current link
// and the current generation, and hidden temporary files in dir.
func staleState(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for name, sum := range hashDir(t, dir) {
		if sum == "stale" || strings.HasPrefix(name, ".") && strings.Contains(name, "tmp") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}
