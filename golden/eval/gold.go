package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/gwrfacts/gwr/schema"
)

// Gold is one row of a gold label file: the SPEC columns of a fact plus
// the labeller's Optional flag and Note.
type Gold struct {
	schema.Fact
	// Optional is true where a careful annotator could go either way on
	// whether the number is a fact at all.
	Optional bool `json:"optional"`
	// Note says why a hard row was decided as it was.
	Note string `json:"note"`
}

// goldExtra holds the columns of a gold row that schema.Fact lacks. Gold
// rows are decoded twice, into schema.Fact and into goldExtra, so that a
// JSON method added to schema.Fact one day cannot hide these two.
type goldExtra struct {
	Optional bool   `json:"optional"`
	Note     string `json:"note"`
}

// ReadGold reads every *.jsonl file of dir, one gold row per line (blank
// lines are skipped), in file-name order. A row without a doc_id takes the
// file name up to its first dot, so both 000_x.jsonl and 000_x.part2.jsonl
// label document 000_x.
func ReadGold(dir string) ([]Gold, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	if len(files) == 0 {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("eval: gold: %w", err)
		}
		return nil, fmt.Errorf("eval: gold: no *.jsonl files in %s", dir)
	}
	var gold []Gold
	for _, path := range files {
		rows, err := readGoldFile(path)
		if err != nil {
			return nil, err
		}
		gold = append(gold, rows...)
	}
	return gold, nil
}

func readGoldFile(path string) ([]Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: gold: %w", err)
	}
	defer f.Close()
	docID, _, _ := strings.Cut(filepath.Base(path), ".")
	var rows []Gold
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var g Gold
		var extra goldExtra
		if err := json.Unmarshal(b, &g.Fact); err != nil {
			return nil, fmt.Errorf("eval: gold %s:%d: %w", path, line, err)
		}
		if err := json.Unmarshal(b, &extra); err != nil {
			return nil, fmt.Errorf("eval: gold %s:%d: %w", path, line, err)
		}
		g.Optional, g.Note = extra.Optional, extra.Note
		if g.DocID == "" {
			g.DocID = docID
		}
		rows = append(rows, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: gold %s: %w", path, err)
	}
	return rows, nil
}
