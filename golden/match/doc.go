// Package match pairs the facts of two extractions of the same document and
// shows a fact in its sentence. It is shared by golden/eval, which pairs
// predictions with gold labels, and golden/factdiff, which pairs two runs of
// the pipeline.
//
// Pairing is one to one and greedy on span overlap: of all (a, b) pairs
// whose [start, end) code-point spans intersect, the one with the largest
// intersection is taken first, then the next largest among facts not yet
// paired, and so on. Ties go to the smaller start in a, then the smaller
// start in b, then the smaller indexes, so the result never depends on map
// order or sort stability.
package match
