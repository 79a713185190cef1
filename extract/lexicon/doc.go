// Package lexicon is the one word list of the extractor: every word of the
// genre (cue verbs, hedges, time words, heading words, the words that trim
// an indicator, the names the segmenter must keep whole) is one row of
// lexicon.tsv with its roles and, for a cue, its sign.
//
// Everything else is derived from the rows: the cue lists and word sets
// package extract decides with ([Lexicon.Words], [Lexicon.Is]), the
// segmenter's user dictionary ([Lexicon.UserDict], which adds the written
// units of the normalize unit table) and the part of the rules hash that
// covers words ([Lexicon.Bytes]). Adding a word is adding a row.
package lexicon
