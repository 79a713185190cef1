// Package batch runs the extractor over many documents: a worker pool that
// loads, decodes and extracts each document in isolation (Run), and an
// ordered collector that streams the rows to the output tables (Output).
//
// Results are written in input order whatever the number of workers, so
// the output is byte-identical for -j 1 and -j N. A document that fails
// (bad encoding, binary content, a panic in a rule) becomes a row of the
// errors table and never costs the others their results. A worker
// takes a small group of documents (up to 16 and 1 MB), prepares them a
// stage at a time (each loaded, then each cleaned, then each matched by
// the rules) and finishes them after their first segmentation done
// together (extract.Extractor.SegmentAhead): each stage runs over several
// documents in a row, which costs less CPU time. Memory does not
// grow with the corpus nor with its largest documents: at most 256
// documents per worker are in flight, and no more of them than fit in
// Options.InFlightBytes (a larger document runs alone); the writers hold
// at most one Parquet row group (schema.BatchRows rows) per file, or
// CreateOptions.BufferBytes of rows for a partitioned output.
//
// Every table of a run is written into a new generation directory and
// committed by one rename (see Snapshot), so a run that fails or is killed
// leaves the directory as it was. An Output can append to
// what a directory holds (CreateOptions.Append, with Options.Skip set to
// Output.Has so that documents already there are not extracted again) and
// can write Hive-style partitions (PartitionBy). Shard picks a
// deterministic share of the inputs, so that machines can split a corpus.
//
// Open is the one reader of what Output writes: a directory in either
// layout and any format, or one table file, as a Dataset of facts,
// documents and errors. Every command that reads gwr's tables (show, diff,
// eval, review, panel) goes through it, so that only this package knows
// the layout.
package batch
