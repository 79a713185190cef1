// Package batch runs the extractor over many documents: a worker pool that
// loads, decodes and extracts each document in isolation, and an ordered
// collector that streams the rows to the output tables.
//
// Results are written in input order whatever the number of workers, so
// the output is byte-identical for -j 1 and -j N. A document that fails
// (bad encoding, binary content, a panic in a rule) becomes a row of the
// errors table and never costs the others their results. Output files are
// written under temporary names in the output directory and renamed into
// place only when complete.
package batch
