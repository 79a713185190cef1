// Package extract finds the numeric facts of a government work report.
//
// The pipeline, wired in Extractor.run (extract.go), is:
//
//  1. normalize.Clean gives a cleaned view of the raw text (width folded,
//     markup dropped) with a map back to the original code points;
//  2. sentences are split on the view (sentence.go) and each heading line
//     updates the section context that decides kind and year (context.go);
//  3. the rules of rules.go, regexp2 patterns kept as data, find the
//     candidate quantities of a sentence; reject rules claim dates, ordinals,
//     names and thresholds first. Rules run only in windows around numbers,
//     and at each position only those that can start with its character
//     (ruleSet);
//  4. each match is read (value, unit, bound) with the normalize tables
//     and checked for plausibility (quantity.go, plausible.go); a candidate
//     that fails says why;
//  5. describe (describe.go) asks the questions about each quantity in
//     turn, over the stage data of analysis.go (the sentence, its
//     quantities, the jieba segmentation of their clauses): the cue
//     (cue.go), the indicator (indicator.go, trim.go; kept as a phrase of
//     spans; a first choice that is no name - empty, a fragment, a time
//     word, a word that names nothing alone, a place alone - falls back to
//     the next name the sentence gives, and a sentence that names nothing
//     carries the previous sentence's: SPEC 2), the measure (measure.go), the sign (sign.go), the hedge
//     (hedge.go), kind and year (context.go). Each answer comes with the
//     name of the decision that gave it (Decision); distributive lists are
//     paired up last (list.go: 分别 gives each number its own item's name);
//  6. spans are mapped back to the original text once, at the end (row.go).
//
// Every word the questions look for comes from the lexicon
// (extract/lexicon, lexicon.go), every unit from the normalize unit table.
// Explain runs the same pipeline and reports every candidate: the fact it
// became with its decisions, or why it was dropped.
//
// Extract never fails: odd input yields fewer facts. The one error
// ExtractChecked reports is a text over the rules' work limit
// (ErrRuleWork), counted in code points read, never in time.
package extract
