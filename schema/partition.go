package schema

import (
	"fmt"
	"strconv"
	"strings"
)

// HiveNull is the partition value Hive, Spark, DuckDB and Arrow use for a
// null or empty partition column.
const HiveNull = "__HIVE_DEFAULT_PARTITION__"

// PartitionPath returns the Hive-style directory of a year and an
// administrative level, "year=2024/level=county", with "/" as separator
// whatever the platform. A nil year or an empty level is HiveNull.
// Characters that cannot stand in a path segment are %-escaped as Hive does.
func PartitionPath(year *int32, level string) string {
	y := HiveNull
	if year != nil {
		y = strconv.Itoa(int(*year))
	}
	l := HiveNull
	if level != "" {
		l = hiveEscape(level)
	}
	return "year=" + y + "/level=" + l
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
