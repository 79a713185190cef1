// Package segment splits Chinese text into words with gojieba.
//
// The jieba dictionaries ship inside the binary (go:embed) together with the
// project's domain dictionary (indicators, units and verbs of government
// work reports, made from the lexicon and the unit table: see UserDict), so
// a copied binary works without the Go
// module cache. gojieba reads files, so they are written once to a cache
// directory (os.UserCacheDir()/gwr/jieba-<key>, see cache.go) and reused by
// every later run, falling back to a temporary directory that is removed
// after loading when the cache cannot be written. One gojieba instance is
// shared by the whole process.
//
// A Token carries code-point offsets into the string it was cut from, in the
// style of bleve's analysis tokens, and jieba's part-of-speech tag. The
// words come from gojieba's Tokenize and the tags from a hash table of the
// dictionaries' words (pos.go: the main dictionary's made once and
// embedded), exactly as gojieba's Tag would give them, for about two
// thirds of Tag's CPU time.
package segment
