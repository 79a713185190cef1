package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/gwrfacts/gwr/golden/eval"
	"github.com/gwrfacts/gwr/golden/match"
)

func init() {
	register("eval", command{"score extracted facts against gold labels", runEval})
}

const evalUsage = "usage: gwr eval --gold DIR [--corpus DIR] [--errors N] [--json] PRED"

// runEval scores PRED, a facts file or a directory written by gwr extract,
// against the gold labels of --gold. See package golden/eval for the rules.
func runEval(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("eval", flag.ContinueOnError)
	goldDir := flags.String("gold", "", "directory of gold label files `DIR`/<doc_id>.jsonl (required)")
	corpusDir := flags.String("corpus", "corpus", "directory of the documents `DIR`/<doc_id>.txt, to show mistakes in their sentence")
	nErrors := flags.Int("errors", 0, "list up to `N` missed, N spurious and N wrong rows")
	asJSON := flags.Bool("json", false, "print the metrics as one JSON object")
	pos, err := parseInterspersed(flags, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, evalUsage+"\n\nScores PRED (a facts file, or a directory written by gwr extract) against gold labels.\n\nFlags:")
		flags.SetOutput(stdout)
		flags.PrintDefaults()
		return 0
	}
	switch {
	case err != nil:
	case *goldDir == "":
		err = errors.New("--gold is required")
	case len(pos) != 1:
		err = fmt.Errorf("want one PRED argument, got %d", len(pos))
	case *nErrors < 0:
		err = errors.New("--errors must not be negative")
	}
	if err != nil {
		fmt.Fprintf(stderr, "gwr eval: %v (%s)\n", err, evalUsage)
		return 2
	}

	gold, err := eval.ReadGold(*goldDir)
	if err != nil {
		fmt.Fprintf(stderr, "gwr eval: %v\n", err)
		return 2
	}
	pred, err := readFacts(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "gwr eval: %v\n", err)
		return 2
	}
	report := eval.Score(gold, pred)

	var corpus eval.Corpus
	if *nErrors > 0 {
		explicit := false
		flags.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "corpus" })
		if corpus, err = readCorpus(*corpusDir, report.Docs, explicit); err != nil {
			fmt.Fprintf(stderr, "gwr eval: %v\n", err)
			return 2
		}
	}
	if *asJSON {
		err = report.WriteJSON(stdout, *nErrors, corpus)
	} else if err = report.WriteText(stdout); err == nil && *nErrors > 0 {
		err = report.WriteMistakes(stdout, *nErrors, corpus)
	}
	if err != nil {
		fmt.Fprintf(stderr, "gwr eval: %v\n", err)
		return 2
	}
	return 0
}

// readCorpus reads dir/<doc_id>.txt for each scored document. A missing
// document is skipped; so is a missing dir, unless it was given explicitly.
func readCorpus(dir string, docs []eval.Counts, explicit bool) (eval.Corpus, error) {
	if _, err := os.Stat(dir); err != nil {
		if !explicit && errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("--corpus: %w", err)
	}
	corpus := eval.Corpus{}
	for _, d := range docs {
		text, err := match.ReadText(filepath.Join(dir, d.DocID+".txt"))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		corpus[d.DocID] = text
	}
	return corpus, nil
}
