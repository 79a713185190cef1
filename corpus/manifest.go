package corpus

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/gwrfacts/gwr/schema"
)

// Manifest gives known metadata by document ID. Its entries override what
// InferMeta guesses, field by field: an empty Region, Level or DocType or
// a zero Year leaves the inferred value.
type Manifest map[string]Meta

// Apply returns m with the manifest's entry for id laid over it.
func (man Manifest) Apply(id string, m Meta) Meta {
	e, ok := man[id]
	if !ok {
		return m
	}
	if e.Region != "" {
		m.Region = e.Region
	}
	if e.Level != "" {
		m.Level = e.Level
	}
	if e.Year != 0 {
		m.Year = e.Year
	}
	if e.DocType != "" {
		m.DocType = e.DocType
	}
	return m
}

// manifestColumns are the keys of a manifest entry; doc_id is required.
var manifestColumns = []string{"doc_id", "region", "level", "year", "doc_type"}

// MaxManifestBytes is the largest manifest LoadManifest reads: 64 MB, a
// manifest of about a million documents.
const MaxManifestBytes = 64 << 20

// LoadManifest reads a manifest file. Formats:
//
//   - CSV (or TSV, by a .tsv name or a tab in the header) with a header
//     row naming the columns doc_id, region, level, year and optionally
//     doc_type, in any order;
//   - JSON: an array of objects with those keys, or JSON Lines (one object
//     per line). year may be a number or a string.
//
// A name ending in .json, .jsonl or .ndjson is JSON; otherwise a file whose
// first character is '[' or '{' is JSON, anything else CSV. The file may be
// UTF-8 (with or without BOM), GB18030 or UTF-16, as Decode detects.
// Columns and keys other than the five are ignored. Empty fields do not
// override. A missing doc_id, a duplicate doc_id, a level not in
// schema.Levels, a doc_type not in schema.DocTypes or a year that is not a
// whole number between 1949 and 2100 is an error naming the file and line.
func LoadManifest(path string) (Manifest, error) {
	raw, err := readLimited(path, MaxManifestBytes, nil)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, &FileError{Path: path, Reason: fmt.Sprintf("manifest is over %d bytes: not a manifest of doc_ids", MaxManifestBytes), Kind: ErrManifest}
		}
		return nil, err
	}
	text, _, err := Decode(raw, "")
	if err != nil {
		return nil, withPath(err, path)
	}
	ext := strings.ToLower(filepath.Ext(path))
	first := strings.TrimLeft(text, " \t\r\n")
	var man Manifest
	switch {
	case ext == ".json" || ext == ".jsonl" || ext == ".ndjson" ||
		strings.HasPrefix(first, "[") || strings.HasPrefix(first, "{"):
		man, err = parseJSONManifest(text)
	default:
		tsv := ext == ".tsv"
		if line, _, _ := strings.Cut(first, "\n"); strings.Contains(line, "\t") && !strings.Contains(line, ",") {
			tsv = true
		}
		man, err = parseCSVManifest(text, tsv)
	}
	if err != nil {
		return nil, &FileError{Path: path, Reason: err.Error(), Kind: ErrManifest}
	}
	return man, nil
}

// manifestError is a problem at one place (line or record) of a manifest.
type manifestError struct {
	where string
	msg   string
}

func (e *manifestError) Error() string { return e.where + ": " + e.msg }

func parseCSVManifest(text string, tsv bool) (Manifest, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	if tsv {
		r.Comma = '\t'
		r.LazyQuotes = true
	} else {
		// Not with tabs: it would swallow empty fields.
		r.TrimLeadingSpace = true
	}
	header, err := r.Read()
	if err == io.EOF {
		return nil, errors.New("no header row")
	}
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if slices.Contains(manifestColumns, h) {
			if _, dup := col[h]; dup {
				return nil, fmt.Errorf("line 1: column %q twice", h)
			}
			col[h] = i
		}
	}
	if _, ok := col["doc_id"]; !ok {
		return nil, fmt.Errorf("line 1: header has no doc_id column (want %s)", strings.Join(manifestColumns, ","))
	}
	man := Manifest{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return man, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		for i, f := range rec {
			if strings.ContainsAny(f, "\r\n") {
				// only a quote can make a field span lines: in a TSV it
				// is one left open, which would swallow the rows after it
				l, _ := r.FieldPos(i)
				return nil, &manifestError{where: "line " + strconv.Itoa(l), msg: "a field spans lines (a quote that is never closed?): the rows after it would be lost"}
			}
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		field := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		err = man.add(field("doc_id"), field("region"), field("level"), field("year"), field("doc_type"))
		if err != nil {
			return nil, &manifestError{where: "line " + strconv.Itoa(line), msg: err.Error()}
		}
	}
}

// jsonEntry is one manifest object; Year accepts a number or a string.
type jsonEntry struct {
	DocID   string          `json:"doc_id"`
	Region  string          `json:"region"`
	Level   string          `json:"level"`
	Year    json.RawMessage `json:"year"`
	DocType string          `json:"doc_type"`
}

func parseJSONManifest(text string) (Manifest, error) {
	var entries []jsonEntry
	dec := json.NewDecoder(strings.NewReader(text))
	if strings.HasPrefix(strings.TrimLeft(text, " \t\r\n"), "[") {
		if err := dec.Decode(&entries); err != nil {
			return nil, err
		}
		if _, err := dec.Token(); err != io.EOF {
			return nil, errors.New("text after the JSON array")
		}
	} else {
		for {
			var e jsonEntry
			err := dec.Decode(&e)
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, &manifestError{where: "record " + strconv.Itoa(len(entries)+1), msg: err.Error()}
			}
			entries = append(entries, e)
		}
	}
	man := Manifest{}
	for i, e := range entries {
		year := string(bytes.Trim(e.Year, `"`))
		if year == "null" {
			year = ""
		}
		if err := man.add(strings.TrimSpace(e.DocID), strings.TrimSpace(e.Region), strings.TrimSpace(e.Level), strings.TrimSpace(year), strings.TrimSpace(e.DocType)); err != nil {
			return nil, &manifestError{where: "record " + strconv.Itoa(i+1), msg: err.Error()}
		}
	}
	return man, nil
}

// add checks one entry and adds it.
func (man Manifest) add(id, region, level, year, docType string) error {
	if id == "" {
		return errors.New("empty doc_id")
	}
	if _, dup := man[id]; dup {
		return fmt.Errorf("doc_id %q twice", id)
	}
	if level != "" && !slices.Contains(schema.Levels, level) {
		return fmt.Errorf("unknown level %q (want one of %s)", level, strings.Join(schema.Levels[:len(schema.Levels)-1], ", "))
	}
	if docType != "" && !slices.Contains(schema.DocTypes, docType) {
		return fmt.Errorf("unknown doc_type %q (want one of %s)", docType, strings.Join(schema.DocTypes, ", "))
	}
	m := Meta{Region: region, Level: level, DocType: docType}
	if year != "" {
		y, err := strconv.Atoi(year)
		if err != nil || y < 1949 || y > 2100 {
			return fmt.Errorf("bad year %q (want a year such as 2023)", year)
		}
		m.Year = y
	}
	man[id] = m
	return nil
}
