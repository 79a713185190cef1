// Command gen builds the synthetic corpus that bench/run.sh measures gwr
// on: many reports of about 50 KB, each the opening of one of the bundled
// reports (title, session line, 各位代表：, so that its year and level are
// inferred as for a real report) followed by paragraphs drawn from all of
// them, with every number that is not a date multiplied by a random factor
// between 0.5 and 1.5 (same count of decimals).
//
// Usage:
//
//	go run ./bench/gen [-mb 50] [-o bench/data/50mb] [-seed 1] [corpus/*.txt …]
//
// The output depends only on the flags and the source files: the same
// arguments give the same bytes. The directory is emptied of *.txt files
// first; a file named .complete is written last, holding the arguments,
// so that a script can tell a finished corpus from an interrupted one.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

func main() {
	mb := flag.Int("mb", 50, "corpus size in MB (1e6 bytes)")
	out := flag.String("o", "", "output `DIR` (default bench/data/<mb>mb)")
	seed := flag.Uint64("seed", 1, "seed of the random generator")
	docKB := flag.Int("doc-kb", 50, "size of one document in KB (1e3 bytes)")
	flag.Parse()
	if *out == "" {
		*out = filepath.Join("bench", "data", fmt.Sprintf("%dmb", *mb))
	}
	sources := flag.Args()
	if len(sources) == 0 {
		var err error
		if sources, err = filepath.Glob(filepath.Join("corpus", "*.txt")); err != nil || len(sources) == 0 {
			fail(fmt.Errorf("no corpus/*.txt here: run from the repository root or name the source files"))
		}
	}
	sort.Strings(sources)
	if err := generate(sources, *out, int64(*mb)*1e6, *docKB*1000, *seed); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "gen: %v\n", err)
	os.Exit(1)
}

// source is one bundled report cut into its opening and its paragraphs.
type source struct {
	head  string   // the lines up to and including the one that opens with 各位代表
	paras []string // the non-empty lines after it
}

func load(path string) (source, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return source{}, err
	}
	lines := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	cut := 0
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "各位代表") {
			cut = i + 1
			break
		}
	}
	if cut == 0 { // no salutation: keep the first five lines as the opening
		cut = min(5, len(lines))
	}
	s := source{head: strings.Join(lines[:cut], "\n") + "\n"}
	for _, l := range lines[cut:] {
		if strings.TrimSpace(l) != "" {
			s.paras = append(s.paras, l)
		}
	}
	if len(s.paras) == 0 {
		return s, fmt.Errorf("%s: no paragraphs after the opening", path)
	}
	return s, nil
}

// number matches an Arabic number; dateAfter, what follows a date's parts.
var (
	number    = regexp.MustCompile(`[0-9]+(?:\.[0-9]+)?`)
	dateAfter = []string{"年", "月", "日", "号", "时", "—", "-"}
)

// perturb multiplies every number of s that is not part of a date by a
// factor in [0.5, 1.5), keeping its count of decimals.
func perturb(s string, r *rand.Rand) string {
	var b strings.Builder
	last := 0
	for _, m := range number.FindAllStringIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		last = m[1]
		num, rest := s[m[0]:m[1]], s[m[1]:]
		f := 0.5 + r.Float64()
		if isDate(num, rest) {
			b.WriteString(num)
			continue
		}
		dec := 0
		if i := strings.IndexByte(num, '.'); i >= 0 {
			dec = len(num) - i - 1
		}
		v, _ := strconv.ParseFloat(num, 64)
		v *= f
		if dec == 0 && v < 1 {
			v = 1
		}
		b.WriteString(strconv.FormatFloat(v, 'f', dec, 64))
	}
	b.WriteString(s[last:])
	return b.String()
}

func isDate(num, rest string) bool {
	for _, a := range dateAfter {
		if strings.HasPrefix(rest, a) {
			return true
		}
	}
	return len(num) == 4 && (num[:2] == "19" || num[:2] == "20")
}

func generate(paths []string, dir string, total int64, docBytes int, seed uint64) error {
	var srcs []source
	for _, p := range paths {
		s, err := load(p)
		if err != nil {
			return err
		}
		srcs = append(srcs, s)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	os.Remove(filepath.Join(dir, ".complete"))
	old, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, p := range old {
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	var written int64
	for i := 0; written < total; i++ {
		src := srcs[i%len(srcs)]
		var b strings.Builder
		b.WriteString(src.head)
		for b.Len() < docBytes && written+int64(b.Len()) < total {
			s := srcs[r.IntN(len(srcs))]
			b.WriteString("\n")
			b.WriteString(perturb(s.paras[r.IntN(len(s.paras))], r))
			b.WriteString("\n")
		}
		name := filepath.Join(dir, fmt.Sprintf("doc_%06d.txt", i))
		if err := writeFile(name, b.String()); err != nil {
			return err
		}
		written += int64(b.Len())
	}
	stamp := fmt.Sprintf("bytes=%d doc_bytes=%d seed=%d sources=%s\n", total, docBytes, seed, strings.Join(paths, ","))
	return os.WriteFile(filepath.Join(dir, ".complete"), []byte(stamp), 0o644)
}

func writeFile(name, text string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	w.WriteString(text)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
