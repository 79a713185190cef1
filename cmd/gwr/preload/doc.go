// Package preload starts loading the segmenter's dictionaries while the
// program is still initializing its packages, for the commands that load
// them (hugepages.Commands). Package main imports it for that effect
// alone.
//
// cppjieba's load (package segment) is what the first second of gwr
// extract waits for, and the packages initialized after segment (the
// extractor's rules and tables, Apache Arrow's kernels, gRPC) take some
// 35 ms on one core while the other idles. Started from this package's
// init function, which runs as soon as segment has been initialized
// (`GODEBUG=inittrace=1 gwr extract …`: segment at 22–31 ms of the
// process started again by package hugepages, main at about 70 ms), the load
// overlaps them. When package hugepages starts the process again, it
// does so before any Go code runs (a C constructor), so only the new
// process loads.
package preload
