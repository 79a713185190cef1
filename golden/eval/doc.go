// Package eval scores extracted facts against the hand-checked gold labels
// of golden/labels (see golden/LABELING.md).
//
// Gold and predicted facts of a document are paired one to one by span
// overlap (package golden/match). Only documents with gold labels are
// scored. A prediction paired with an optional gold row counts neither way,
// and an optional gold row left unpaired is not a miss. With the remaining,
// counted rows:
//
//   - detection: a true positive is a pair, a false positive an unpaired
//     prediction, a false negative an unpaired gold row;
//   - field accuracy: over the pairs, the share whose prediction gets value,
//     unit, bound, measure, kind, year or indicator right (see Agree);
//   - strict: a pair is a strict true positive when value, unit, bound,
//     measure and kind are all right; strict precision is strict true
//     positives over counted predictions, strict recall over counted gold;
//   - full: as strict, with the indicator right too.
//
// A ratio whose denominator is zero is reported as 0.
package eval
