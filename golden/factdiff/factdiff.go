package factdiff

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/gwrfacts/gwr/golden/match"
	"github.com/gwrfacts/gwr/schema"
)

// Op is the kind of a difference.
type Op string

// The kinds of difference.
const (
	Added   Op = "+"
	Removed Op = "-"
	Changed Op = "~"
)

// Change is one column of a changed fact. Old and New hold the column's
// values as they are written in JSON: a string, an int32 or float64 number,
// or nil for a null year.
type Change struct {
	Field string `json:"field"`
	Old   any    `json:"old"`
	New   any    `json:"new"`
}

// String formats the change for people: `value_low 10 -> 100`,
// `unit "count" -> "percent"`, `year null -> 2023`.
func (c Change) String() string {
	return c.Field + " " + formatValue(c.Old) + " -> " + formatValue(c.New)
}

// Diff is one added, removed or changed fact.
type Diff struct {
	DocID string `json:"doc_id"`
	Op    Op     `json:"op"`
	// Old is the fact on the old side; nil when Op is Added.
	Old *schema.Fact `json:"old"`
	// New is the fact on the new side; nil when Op is Removed.
	New *schema.Fact `json:"new"`
	// Changes lists the columns that differ, in column order; empty unless
	// Op is Changed.
	Changes []Change `json:"changes"`
}

// Fact returns the fact the difference is about: the new one, or the old
// one for a removed fact.
func (d Diff) Fact() *schema.Fact {
	if d.New != nil {
		return d.New
	}
	return d.Old
}

// Result is the outcome of Compare.
type Result struct {
	// Diffs holds the differences by doc_id, then by position in the
	// document.
	Diffs []Diff
	// Documents counts the documents of either side.
	Documents int
}

// Summary counts the differences of a Result.
type Summary struct {
	Added   int `json:"added"`
	Removed int `json:"removed"`
	Changed int `json:"changed"`
	// DocumentsChanged counts the documents with at least one difference,
	// Documents those of either side.
	DocumentsChanged int `json:"documents_changed"`
	Documents        int `json:"documents"`
}

// String formats the summary as `+12 -3 ~5 facts in 4 of 200 documents`.
func (s Summary) String() string {
	return fmt.Sprintf("+%d -%d ~%d facts in %d of %d documents",
		s.Added, s.Removed, s.Changed, s.DocumentsChanged, s.Documents)
}

// Empty reports whether the two sides were equal.
func (r Result) Empty() bool { return len(r.Diffs) == 0 }

// Summary counts the differences.
func (r Result) Summary() Summary {
	s := Summary{Documents: r.Documents}
	for i, d := range r.Diffs {
		switch d.Op {
		case Added:
			s.Added++
		case Removed:
			s.Removed++
		case Changed:
			s.Changed++
		}
		if i == 0 || r.Diffs[i-1].DocID != d.DocID {
			s.DocumentsChanged++
		}
	}
	return s
}

// Compare compares the facts of old and new, document by document.
func Compare(old, new []schema.Fact) Result {
	oldBy, newBy := byDoc(old), byDoc(new)
	ids := make([]string, 0, len(oldBy)+len(newBy))
	for id := range oldBy {
		ids = append(ids, id)
	}
	for id := range newBy {
		if _, ok := oldBy[id]; !ok {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	r := Result{Documents: len(ids)}
	for _, id := range ids {
		r.Diffs = append(r.Diffs, compareDoc(id, oldBy[id], newBy[id])...)
	}
	return r
}

func byDoc(facts []schema.Fact) map[string][]schema.Fact {
	m := map[string][]schema.Fact{}
	for _, f := range facts {
		m[f.DocID] = append(m[f.DocID], f)
	}
	return m
}

// opOrder orders the differences found at one position.
var opOrder = map[Op]int{Removed: 0, Changed: 1, Added: 2}

func compareDoc(id string, old, new []schema.Fact) []Diff {
	var diffs []Diff
	pairedNew := make([]bool, len(new))
	pairedOld := make([]bool, len(old))
	for _, p := range match.Pairs(old, new) {
		pairedOld[p.A], pairedNew[p.B] = true, true
		if ch := Changes(old[p.A], new[p.B]); len(ch) > 0 {
			diffs = append(diffs, Diff{DocID: id, Op: Changed, Old: &old[p.A], New: &new[p.B], Changes: ch})
		}
	}
	for i := range old {
		if !pairedOld[i] {
			diffs = append(diffs, Diff{DocID: id, Op: Removed, Old: &old[i]})
		}
	}
	for j := range new {
		if !pairedNew[j] {
			diffs = append(diffs, Diff{DocID: id, Op: Added, New: &new[j]})
		}
	}
	slices.SortStableFunc(diffs, func(a, b Diff) int {
		fa, fb := a.Fact(), b.Fact()
		return cmp.Or(
			cmp.Compare(fa.Start, fb.Start),
			cmp.Compare(opOrder[a.Op], opOrder[b.Op]),
			cmp.Compare(fa.End, fb.End),
		)
	})
	return diffs
}

// factType is the type whose columns Changes compares.
var factType = reflect.TypeFor[schema.Fact]()

// Changes lists the columns of old and new that differ, in column order.
// Every column of schema.Fact is compared except fact_id, which numbers
// the rows and changes whenever a fact is added before it. Numbers are
// compared exactly.
func Changes(old, new schema.Fact) []Change {
	var changes []Change
	ov, nv := reflect.ValueOf(old), reflect.ValueOf(new)
	for i := range factType.NumField() {
		name, _, _ := strings.Cut(factType.Field(i).Tag.Get("json"), ",")
		if name == "fact_id" || name == "-" {
			continue
		}
		if name == "" {
			name = factType.Field(i).Name
		}
		a, b := plain(ov.Field(i)), plain(nv.Field(i))
		if !same(a, b) {
			changes = append(changes, Change{Field: name, Old: a, New: b})
		}
	}
	return changes
}

// plain returns the value of a column, with a pointer followed and a nil
// pointer as nil.
func plain(v reflect.Value) any {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	return v.Interface()
}

func same(a, b any) bool {
	if x, ok := a.(float64); ok {
		if y, ok := b.(float64); ok && math.IsNaN(x) && math.IsNaN(y) {
			return true
		}
	}
	return reflect.DeepEqual(a, b)
}
