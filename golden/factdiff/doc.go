// Package factdiff compares two fact tables, such as the output of two runs
// of the pipeline, document by document.
//
// The facts of each document are paired one to one by span overlap
// (package golden/match). A pair that differs in any column but fact_id is
// a changed fact, even when its mention or span moved; an unpaired fact is
// added or removed. A document present on one side only has all its facts
// added or removed. Compare does the work; the Result it returns writes
// itself as text for people or as JSON lines for scripts, and is what the
// golden regression test checks.
package factdiff
