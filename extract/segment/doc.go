// Package segment splits Chinese text into words with gojieba.
//
// The jieba dictionaries ship inside the binary (go:embed) together with the
// project's domain dictionary (indicators, units and verbs of government
// work reports, made from the lexicon and the unit table: see UserDict), so
// a copied binary works without the Go
// module cache. They are written once to a private temporary directory,
// loaded by one gojieba instance shared by the whole process, and removed.
//
// A Token carries code-point offsets into the string it was cut from, in the
// style of bleve's analysis tokens.
package segment
