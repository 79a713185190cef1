// Package golden holds the project's regression truth and its tests.
//
//   - labels/: hand-checked facts of the bundled corpus (LABELING.md says
//     how they were decided); `gwr eval` scores the pipeline against them.
//   - dev/: a held-out development set (texts and labels) from other
//     reports, to check that rules generalise.
//   - holdout/: a held-out test set (texts and labels) that no rule is
//     written or tuned against; `make holdout` scores it (holdout/README.md).
//   - expected/: the pipeline's own output for every bundled document,
//     frozen. TestGolden fails on any difference and prints it fact by
//     fact; `make golden` (go test ./golden -run TestGolden -update)
//     accepts the new output.
//   - schema.txt: the Arrow schema of the three tables as read back from
//     Parquet.
//
// The sub-packages eval, factdiff and match implement scoring and
// comparison.
package golden
