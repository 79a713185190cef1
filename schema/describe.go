package schema

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// elided replaces metadata values that change with every release, so that
// Describe's text stays the same across versions.
const elided = "<…>"

// Describe renders s as deterministic text for golden files: one line per
// field, "name: type" with " nullable" appended for nullable fields, then
// "metadata:" and one line per key/value pair, sorted by key, the value
// quoted as a Go string. The values of gwr.tool_version and gwr.rules_hash
// are shown as <…>; keys starting with "ARROW:" (the serialized schema
// Parquet carries) are left out.
func Describe(s *arrow.Schema) string {
	var b strings.Builder
	for _, f := range s.Fields() {
		fmt.Fprintf(&b, "%s: %s", f.Name, f.Type)
		if f.Nullable {
			b.WriteString(" nullable")
		}
		b.WriteByte('\n')
	}
	md := s.Metadata()
	type kv struct{ k, v string }
	var pairs []kv
	for i, k := range md.Keys() {
		if strings.HasPrefix(k, "ARROW:") {
			continue
		}
		v := strconv.Quote(md.Values()[i])
		if k == KeyToolVersion || k == KeyRulesHash {
			v = elided
		}
		pairs = append(pairs, kv{k, v})
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].k < pairs[j].k })
	if len(pairs) > 0 {
		b.WriteString("metadata:\n")
	}
	for _, p := range pairs {
		fmt.Fprintf(&b, "  %s = %s\n", p.k, p.v)
	}
	return b.String()
}
