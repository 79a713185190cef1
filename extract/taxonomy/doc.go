// Package taxonomy maps the indicator phrases of facts to codes a
// researcher can group by: 地区生产总值, 生产总值, 经济 and GDP growing by a
// percentage are all gdp_growth; the same phrases in 亿元 are gdp.
//
// The taxonomy is data: indicators.tsv, embedded in the binary, one row
// per code with its Chinese and English names, the measures and units it
// takes, the direction in which it is better (for the panel's met column),
// a regular expression over the indicator phrase and a note. A code is
// assigned when the whole phrase, with scope words (全省, 我市, 今年) and
// rate words (增长, 实际, 分别) removed, matches a row's expression and the
// fact's measure and unit are among the row's: no code rather than a
// doubtful one. Load extends the embedded table with a researcher's file
// of the same format (gwr extract --indicators FILE).
package taxonomy
