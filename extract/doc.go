// Package extract finds the numeric facts of a government work report.
//
// The pipeline, wired in Extractor.Extract, is:
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
//  4. each quantity is read (value, unit, bound) with the normalize tables,
//     and its cue, measure, sign, indicator, hedge, kind and year are derived
//     from the words around it (attrs.go, lexicon.go), using the jieba
//     segmentation of the sentence for word boundaries;
//  5. spans are mapped back to the original text once, at the end.
//
// Extract never fails: odd input yields fewer facts, never an error.
package extract
