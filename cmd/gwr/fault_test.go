package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gwrfacts/gwr/extract/batch"
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

// gwrCmd is gwr extract --append -o out over in, in layout, with extra
// environment.
func gwrCmd(bin, out string, l faultLayout, env []string, in ...string) *exec.Cmd {
	args := append([]string{"extract", "--append", "--quiet", "-o", out, "--format", faultFormats}, l.flags...)
	cmd := exec.Command(bin, append(args, in...)...)
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

// faultLayout is an output layout the fault-injection suite runs in, with
// the commit steps (batch.commitStep) it kills gwr at.
type faultLayout struct {
	name  string
	flags []string
	steps []string
	kills int // SIGKILLs at random moments
	// fds is how many file descriptors the EMFILE run may open beyond
	// those open when it starts (GWR_TEST_FDS): fewer than the layout
	// needs at once whatever the timing, so the run fails every time.
	// Single files: the lock and the six table files, open from the
	// start, take them all and every input fails (or a table file does,
	// when the dictionaries' load holds one a moment); partitioned (one
	// table file open at a time): the lock takes the only one.
	fds int
}

var faultLayouts = []faultLayout{
	{"single files", nil, []string{"before-switch", "after-switch"}, 6, 7},
	{"partitioned", []string{"--partition-by", "year,level"}, []string{"parts-named", "before-switch", "after-switch"}, 4, 1},
}

// faultZip writes an archive of n more reports (numbered from from) into
// dir: its members are documents whose texts gwr keeps in DIR/texts, so
// the suite checks the texts too. It returns their SHA-256s.
func faultZip(t *testing.T, dir string, n, from int) map[string]bool {
	t.Helper()
	members := filepath.Join(t.TempDir(), "members")
	sums := faultCorpus(t, members, n, from)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	entries, err := os.ReadDir(members)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(members, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("z%03d.zip", from)), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return sums
}

// checkTexts checks the texts of dir's committed generation: one for each
// archive member among its documents, holding the mention of each of its
// facts at start:end, and none of a document the tables do not hold.
func checkTexts(t *testing.T, dir string) {
	t.Helper()
	got := readTables(t, dir)
	want := map[string]bool{}
	byDoc := factsByDoc(got.facts)
	for _, d := range got.docs {
		if d.Member == "" {
			continue
		}
		name := batch.TextFile(d.DocID)
		want[name] = true
		b, err := os.ReadFile(filepath.Join(batch.Snapshot(dir), batch.TextsDir, name))
		if err != nil {
			t.Errorf("%s: the text of %s: %v", dir, d.DocID, err)
			continue
		}
		checkOffsets(t, d.DocID, string(b), byDoc[d.DocID])
	}
	entries, _ := os.ReadDir(filepath.Join(batch.Snapshot(dir), batch.TextsDir))
	for _, e := range entries {
		if !want[e.Name()] {
			t.Errorf("%s: texts/%s, of no document in the tables", dir, e.Name())
		}
	}
	if len(want) == 0 && len(got.docs) > 0 {
		t.Errorf("%s: no document from an archive: the texts are not tested", dir)
	}
}

// TestFaults is the fault-injection suite, in both layouts (single files
// and partitioned), with archive members whose texts are committed with
// the tables: concurrent appends, SIGKILL at each commit step and at
// random moments, a failing rename, no file descriptors left. After each,
// no document is lost, none is there twice, the tables agree (and their
// texts), and a failed run leaves the previous output intact.
func TestFaults(t *testing.T) {
	bin := buildGWR(t)
	dir := t.TempDir()
	inA, inB := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	wantA := faultCorpus(t, inA, 5, 0)
	wantB := faultCorpus(t, inB, 5, 7)
	for k := range faultZip(t, inA, 2, 5) {
		wantA[k] = true
	}
	for k := range faultZip(t, inB, 2, 12) {
		wantB[k] = true
	}
	all := map[string]bool{}
	for k := range wantA {
		all[k] = true
	}
	for k := range wantB {
		all[k] = true
	}
	for _, l := range faultLayouts {
		t.Run(l.name, func(t *testing.T) { testFaults(t, bin, l, inA, inB, wantA, all) })
	}
}

func testFaults(t *testing.T, bin string, l faultLayout, inA, inB string, wantA, all map[string]bool) {
	t.Run("concurrent appends", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		var errA, errB bytes.Buffer
		a, b := gwrCmd(bin, out, l, nil, inA), gwrCmd(bin, out, l, nil, inB)
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
		checkTexts(t, out)
		if !strings.Contains(errA.String()+errB.String(), "waiting for it to finish") {
			t.Logf("the runs did not overlap (stderr %q %q)", errA.String(), errB.String())
		}
	})

	// A first append of A; then an append of B killed at a commit step:
	// the output is A's or A+B's, whole; a re-run makes it A+B.
	for _, step := range l.steps {
		t.Run("SIGKILL at "+step, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			if b, err := gwrCmd(bin, out, l, nil, inA).CombinedOutput(); err != nil {
				t.Fatalf("first append: %v\n%s", err, b)
			}
			err := gwrCmd(bin, out, l, []string{"GWR_TEST_CRASH_AT=" + step}, inB).Run()
			if ws, ok := exitSignal(err); !ok || ws != syscall.SIGKILL {
				t.Fatalf("append with GWR_TEST_CRASH_AT=%s: %v, want killed by SIGKILL", step, err)
			}
			got := checkAgree(t, out)
			checkTexts(t, out)
			switch {
			case step != "after-switch" && !sameSet(got, wantA):
				t.Errorf("killed at %s: %d documents, want A's %d", step, len(got), len(wantA))
			case step == "after-switch" && !sameSet(got, all):
				t.Errorf("killed after the switch: %d documents, want A's and B's %d", len(got), len(all))
			}
			if b, err := gwrCmd(bin, out, l, nil, inA, inB).CombinedOutput(); err != nil {
				t.Fatalf("re-run: %v\n%s", err, b)
			}
			if got := checkAgree(t, out); !sameSet(got, all) {
				t.Errorf("after the re-run: %d documents, want %d", len(got), len(all))
			}
			checkTexts(t, out)
			if left := staleState(t, out); len(left) > 0 {
				t.Errorf("left after the re-run: %v", left)
			}
		})
	}

	t.Run("SIGKILL at random moments", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		rng := rand.New(rand.NewSource(16))
		for i := 0; i < l.kills; i++ {
			in := inA
			if i%2 == 1 {
				in = inB
			}
			cmd := gwrCmd(bin, out, l, nil, in)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Duration(rng.Intn(1500)) * time.Millisecond)
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			if batch.Snapshot(out) != out {
				got := checkAgree(t, out)
				checkTexts(t, out)
				if !subset(got, all) {
					t.Errorf("after kill %d: documents that are not inputs", i)
				}
			}
		}
		if b, err := gwrCmd(bin, out, l, nil, inA, inB).CombinedOutput(); err != nil {
			t.Fatalf("final run: %v\n%s", err, b)
		}
		if got := checkAgree(t, out); !sameSet(got, all) {
			t.Errorf("after the final run: %d documents, want %d", len(got), len(all))
		}
		checkTexts(t, out)
		if left := staleState(t, out); len(left) > 0 {
			t.Errorf("left after the final run: %v", left)
		}
	})

	t.Run("failing rename", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "out")
		if b, err := gwrCmd(bin, out, l, nil, inA).CombinedOutput(); err != nil {
			t.Fatalf("first append: %v\n%s", err, b)
		}
		before := hashDir(t, out)
		cmd := gwrCmd(bin, out, l, []string{"GWR_TEST_FAIL_AT=rename-current"}, inB)
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
		checkTexts(t, out)
	})

	// out of file descriptors: with too few for the layout from the start
	// (fds), and with every one taken at a point of the dictionaries' load
	// (GWR_TEST_TAKE_FDS_AT, within 64 so that taking them is quick):
	// once the files are on disk, and just before cppjieba opens them,
	// which aborted the process when it found none (a crash that left a
	// generation directory behind). A run that fails in the load says so
	// in one line (dictErr), not as an internal error of each document.
	emfile := []struct{ name, fds, at string }{
		{"EMFILE", fmt.Sprint(l.fds), ""},
		{"EMFILE once the dictionaries are placed", "64", "placed"},
		{"EMFILE as jieba opens the dictionaries", "64", "construct"},
	}
	for _, e := range emfile {
		t.Run(e.name, func(t *testing.T) {
			if runtime.GOOS != "linux" {
				t.Skip("GWR_TEST_FDS is a Linux hook")
			}
			out := filepath.Join(t.TempDir(), "out")
			if b, err := gwrCmd(bin, out, l, nil, inA).CombinedOutput(); err != nil {
				t.Fatalf("first append: %v\n%s", err, b)
			}
			before := hashDir(t, out)
			// A plain run for single files, the run that replaced a good
			// output with an empty one; partitioned outputs take only
			// --append.
			args := append([]string{"extract", "--quiet", "-o", out, "--format", faultFormats}, l.flags...)
			if l.flags != nil {
				args = append(args, "--append")
			}
			cmd := exec.Command(bin, append(args, inB)...)
			cmd.Env = append(os.Environ(), "GWR_TEST_FDS="+e.fds, "GWR_TEST_TAKE_FDS_AT="+e.at)
			b, err := cmd.CombinedOutput()
			if e.at != "" && !crashed(string(b)) && !strings.Contains(string(b), "internal error") && !strings.Contains(string(b), "cannot load the dictionaries") {
				// Every descriptor was taken at that point, but files the
				// run had open then (an input being read, when the rules
				// compile before the dictionaries are placed) were closed
				// later, freeing theirs: the run may have loaded some
				// inputs (or all) and committed them. Its output must be
				// whole and never empty: A's (kept by an append) and some
				// of B's documents.
				got := checkAgree(t, out)
				if len(got) == 0 {
					t.Errorf("a run out of file descriptors at %s (%v) left an empty output:\n%s", e.at, err, b)
				}
				for k := range wantA {
					if l.flags != nil && !got[k] {
						t.Errorf("an append out of file descriptors at %s (%v) lost document %s", e.at, err, k)
					}
				}
				for k := range got {
					if !all[k] {
						t.Errorf("a run out of file descriptors at %s (%v) wrote document %s of neither A nor B", e.at, err, k)
					}
				}
				if err == nil {
					// all of B, its archives' members with their texts
					// (a run that failed on some inputs may hold none)
					checkTexts(t, out)
				}
				return
			}
			switch {
			case err == nil:
				t.Fatalf("gwr extract out of file descriptors succeeded:\n%s", b)
			case crashed(string(b)):
				t.Fatalf("gwr extract out of file descriptors crashed (%v):\n%s", err, b)
			case strings.Contains(string(b), "internal error"):
				t.Errorf("gwr extract out of file descriptors reported an internal error (%v):\n%s", err, b)
			case strings.Contains(string(b), "cannot load the dictionaries") && !dictErr.Match(b):
				t.Errorf("gwr extract out of file descriptors as the dictionaries load printed (%v)\n%s\nwant one line: %s", err, b, dictErr)
			}
			if after := hashDir(t, out); !equalMaps(before, after) {
				t.Errorf("a run out of file descriptors (%v) changed the output (%s):\n%s", err, mapDiff(before, after), b)
			}
			if got := checkAgree(t, out); !sameSet(got, wantA) {
				t.Errorf("after a run out of file descriptors: %d documents, want A's %d", len(got), len(wantA))
			}
			checkTexts(t, out)
		})
	}
}

// dictErr is what a run out of file descriptors prints when the
// dictionaries are what failed (which of the run's opens meets the limit
// first depends on the timing): one line naming them and the cause, with
// no document reported as failed before it (as an internal error each,
// once) and no summary.
var dictErr = regexp.MustCompile(`^gwr extract: cannot load the dictionaries: [^\n]*too many open files\n$`)

// crashed reports whether out, the output of a gwr run, holds the report
// of a crash: a fatal signal (as cppjieba's abort, which Go reports with
// exit status 2, the status of an error) or a panic, with the goroutines'
// stacks.
func crashed(out string) bool {
	return strings.Contains(out, "SIGABRT") || strings.Contains(out, "\ngoroutine ")
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

// mapDiff names the keys whose values differ between before and after,
// "+" for a key only after, "-" for one only before, "~" for a changed one.
func mapDiff(before, after map[string]string) string {
	var d []string
	for k, v := range after {
		if w, ok := before[k]; !ok {
			d = append(d, "+"+k)
		} else if w != v {
			d = append(d, "~"+k)
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok {
			d = append(d, "-"+k)
		}
	}
	sort.Strings(d)
	return strings.Join(d, " ")
}
