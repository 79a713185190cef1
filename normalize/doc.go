// Package normalize turns the surface forms of a government work report into
// values the extractor can compare: a cleaned view of the text with a map
// back to the original offsets, exact numbers, units and bound words.
//
// The package has four small parts, each in its own file:
//
//   - clean.go: [Clean] folds full-width characters, dashes, tildes and
//     spaces, removes markdown emphasis markers, joins hard-wrapped lines and
//     (optionally) strips HTML. It returns a [View] whose every rune maps back
//     to a code-point offset in the original text, which is never modified.
//   - number.go: [ParseNumber] reads Arabic, full-width,
//     Chinese and mixed numerals ("4779", "1,202.7", "三千九百五十", "3.42亿")
//     into exact *big.Rat values. [Float] converts for the output column only.
//   - unit.go: one two-way unit table (SPEC section 5), built from
//     [Multipliers] and [BaseUnits]. [LookupUnit] reads units,
//     [Format] writes a value back with its conventional unit.
//   - bound.go: the bound words of SPEC section 4 ([BoundWords]).
//
// Nothing here returns a float before the output column, and every regular
// expression fragment is in regexp2 (.NET) syntax for the extractor's rules.
package normalize
