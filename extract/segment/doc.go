// Package segment splits Chinese text into words as gojieba does.
//
// The jieba dictionaries ship inside the binary (go:embed) together with the
// project's domain dictionary (indicators, units and verbs of government
// work reports, made from the lexicon and the unit table: see UserDict), so
// a copied binary works without the Go module cache.
//
// The cut is cppjieba's (the C++ library gojieba wraps: MixSegment, the
// maximum-probability route over the dictionary with the HMM for runs of
// single characters) done in Go over a trie read from the same
// dictionaries (cut.go), and the part-of-speech tags are those of
// cppjieba's PosTagger, read from the same trie: the words and tags of
// gojieba's Tag, without a call into C++ per string and without
// cppjieba's dictionary load. TestCutIsJiebas and TestTagsAreJiebas
// compare them with gojieba itself, which Jieba.Gojieba loads on demand:
// gojieba reads files, so its dictionaries are written once to a cache
// directory (os.UserCacheDir()/gwr/jieba-<key>, see cache.go), falling back
// to a temporary directory that is removed after loading when the cache
// cannot be written.
//
// A Token carries code-point offsets into the string it was cut from, in the
// style of bleve's analysis tokens, and jieba's part-of-speech tag.
package segment
