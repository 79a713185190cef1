package schema

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// appendFloat appends v in the shortest decimal form that reads back to the
// same float64, never in exponent notation: 342000000, 6.5, -3, 99.99.
// NaN and infinities have no JSON form and are an error.
func appendFloat(dst []byte, v float64, column string) ([]byte, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return dst, fmt.Errorf("schema: column %s: %v cannot be written as text", column, v)
	}
	return strconv.AppendFloat(dst, v, 'f', -1, 64), nil
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string. Non-ASCII text is written as
// UTF-8, not \u escapes, and < > & are left alone; only the quote, the
// backslash, control characters and U+2028/U+2029 (which break JavaScript)
// are escaped. Invalid UTF-8 becomes U+FFFD, as encoding/json does.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, "\ufffd"...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// jsonlWriter writes one JSON object per line, keys in column order.
type jsonlWriter struct {
	t    *Table
	w    *bufio.Writer
	keys [][]byte // `"name":` for each column, with the separating comma
	line []byte
}

func newJSONLWriter(t *Table, w io.Writer) *jsonlWriter {
	jw := &jsonlWriter{t: t, w: bufio.NewWriterSize(w, 1<<16)}
	for i, c := range t.Columns {
		var k []byte
		if i > 0 {
			k = append(k, ',')
		}
		k = appendJSONString(k, c.Name)
		jw.keys = append(jw.keys, append(k, ':'))
	}
	return jw
}

func (jw *jsonlWriter) Write(rows any) error {
	v, err := jw.t.rowSlice(rows)
	if err != nil {
		return err
	}
	for r := 0; r < v.Len(); r++ {
		row := v.Index(r)
		b := append(jw.line[:0], '{')
		for i, c := range jw.t.cols {
			b = append(b, jw.keys[i]...)
			f := row.Field(c.field)
			switch c.kind {
			case kindString:
				b = appendJSONString(b, f.String())
			case kindInt32:
				b = strconv.AppendInt(b, f.Int(), 10)
			case kindNullInt32:
				if f.IsNil() {
					b = append(b, "null"...)
				} else {
					b = strconv.AppendInt(b, f.Elem().Int(), 10)
				}
			case kindFloat64:
				if b, err = appendFloat(b, f.Float(), jw.t.Columns[i].Name); err != nil {
					return err
				}
			case kindNullString, kindNullFloat64, kindNullBool:
				switch {
				case f.IsNil():
					b = append(b, "null"...)
				case c.kind == kindNullString:
					b = appendJSONString(b, f.Elem().String())
				case c.kind == kindNullBool:
					b = strconv.AppendBool(b, f.Elem().Bool())
				default:
					if b, err = appendFloat(b, f.Elem().Float(), jw.t.Columns[i].Name); err != nil {
						return err
					}
				}
			}
		}
		b = append(b, '}', '\n')
		jw.line = b
		if _, err := jw.w.Write(b); err != nil {
			return fmt.Errorf("schema: writing %s jsonl: %w", jw.t.Name, err)
		}
	}
	return nil
}

func (jw *jsonlWriter) Close() error {
	if err := jw.w.Flush(); err != nil {
		return fmt.Errorf("schema: writing %s jsonl: %w", jw.t.Name, err)
	}
	return nil
}

// csvFormulaStarts are the first characters that make a spreadsheet read
// a cell as a formula (=, +, -, @; tab and carriage return are stripped
// by some before they look), and the quote that marks a neutralised cell.
const csvFormulaStarts = "=+-@\t\r'"

// neutralize returns a text cell as the CSV holds it: a cell starting with
// one of csvFormulaStarts gets a leading ' (OWASP's advice against formula
// injection: "=HYPERLINK(…)" in a report's text is shown, not run).
// unneutralize undoes it, so every string reads back as written.
func neutralize(s string) string {
	if s != "" && strings.IndexByte(csvFormulaStarts, s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// unneutralize is the inverse of neutralize.
func unneutralize(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.IndexByte(csvFormulaStarts, s[1]) >= 0 {
		return s[1:]
	}
	return s
}

// csvWriter writes a UTF-8 byte-order mark, a header row of column names,
// then one record per row; a null is an empty field. The mark is what makes
// Excel read the file as UTF-8 instead of the local code page (mojibake for
// every Chinese character); DuckDB, pandas and this package's reader skip
// it, Python's csv module needs encoding="utf-8-sig".
type csvWriter struct {
	t      *Table
	w      *csv.Writer
	record []string
	buf    []byte
}

// utf8BOM starts every CSV file gwr writes.
const utf8BOM = "\ufeff"

func newCSVWriter(t *Table, w io.Writer) (*csvWriter, error) {
	cw := &csvWriter{t: t, w: csv.NewWriter(w), record: make([]string, len(t.Columns))}
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return nil, fmt.Errorf("schema: writing %s csv: %w", t.Name, err)
	}
	if err := cw.w.Write(t.ColumnNames()); err != nil {
		return nil, fmt.Errorf("schema: writing %s csv: %w", t.Name, err)
	}
	return cw, nil
}

func (cw *csvWriter) Write(rows any) error {
	v, err := cw.t.rowSlice(rows)
	if err != nil {
		return err
	}
	for r := 0; r < v.Len(); r++ {
		row := v.Index(r)
		for i, c := range cw.t.cols {
			cw.record[i], err = cw.formatCell(row.Field(c.field), c.kind, i)
			if err != nil {
				return err
			}
		}
		if err := cw.w.Write(cw.record); err != nil {
			return fmt.Errorf("schema: writing %s csv: %w", cw.t.Name, err)
		}
	}
	return nil
}

func (cw *csvWriter) formatCell(f reflect.Value, kind valueKind, i int) (string, error) {
	switch kind {
	case kindString:
		return neutralize(f.String()), nil
	case kindInt32:
		return strconv.FormatInt(f.Int(), 10), nil
	case kindNullInt32:
		if f.IsNil() {
			return "", nil
		}
		return strconv.FormatInt(f.Elem().Int(), 10), nil
	case kindNullString, kindNullFloat64, kindNullBool:
		if f.IsNil() {
			return "", nil
		}
		switch kind {
		case kindNullString:
			return neutralize(f.Elem().String()), nil
		case kindNullBool:
			return strconv.FormatBool(f.Elem().Bool()), nil
		}
		f = f.Elem()
	}
	b, err := appendFloat(cw.buf[:0], f.Float(), cw.t.Columns[i].Name)
	cw.buf = b
	return string(b), err
}

func (cw *csvWriter) Close() error {
	cw.w.Flush()
	if err := cw.w.Error(); err != nil {
		return fmt.Errorf("schema: writing %s csv: %w", cw.t.Name, err)
	}
	return nil
}
