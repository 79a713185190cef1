package schema

import (
	"fmt"
	"strconv"
	"strings"
)

// HiveNull is the partition value Hive, Spark, DuckDB and Arrow use for a
// null or empty partition column.
const HiveNull = "__HIVE_DEFAULT_PARTITION__"

// PartitionKeys are the columns a partitioned output can be partitioned
// by, in the order their directories nest: a document's plan year and
// administrative level. PartitionPathBy takes any of them, in this order.
var PartitionKeys = []string{"year", "level"}

// YearKey is the Hive key of the year partitions, in the documents and the
// facts tables alike. It is not "year": Hive readers (DuckDB without a
// word) replace a file's column with the directory key of the same name,
// which would give every fact its document's year, and the documents'
// year column the key's type (BIGINT) instead of its own (INTEGER). Under
// doc_year both tables keep their year columns and share a join key.
const YearKey = "doc_year"

// PartitionPath returns the Hive-style directory of a year and an
// administrative level, "doc_year=2024/level=county":
// PartitionPathBy(PartitionKeys, year, level).
func PartitionPath(year *int32, level string) string {
	return PartitionPathBy(PartitionKeys, year, level)
}

// PartitionPathBy returns the Hive-style directory of a document of the
// given year and level under partitioning by keys (a subset of
// PartitionKeys: "year" or "level"), "doc_year=2024/level=county", with
// "/" as separator whatever the platform. A nil year or an empty level is
// HiveNull. Characters that cannot stand in a path segment are %-escaped
// as Hive does. Keys other than year and level are ignored.
func PartitionPathBy(keys []string, year *int32, level string) string {
	var parts []string
	for _, k := range keys {
		switch k {
		case "year":
			y := HiveNull
			if year != nil {
				y = strconv.Itoa(int(*year))
			}
			parts = append(parts, YearKey+"="+y)
		case "level":
			l := HiveNull
			if level != "" {
				l = hiveEscape(level)
			}
			parts = append(parts, "level="+l)
		}
	}
	return strings.Join(parts, "/")
}

// hiveEscape %-escapes the characters Hive escapes in partition values.
func hiveEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || strings.IndexByte("\"#%'*/:=?\\{[]^", c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
