package match

import (
	"fmt"
	"os"
	"strings"

	"github.com/gwrfacts/gwr/corpus"
	"github.com/gwrfacts/gwr/normalize"
)

// Open and Close mark a mention inside its sentence: 新增高新技术企业【10家以上】.
const (
	Open  = "【"
	Close = "】"
)

// maxSide is how many code points of context Sentence keeps on each side
// of the mention; a longer side is cut and shown with an ellipsis.
const maxSide = 80

// isSentenceEnd is normalize.IsSentenceEnd: the extractor's sentence end.
var isSentenceEnd = normalize.IsSentenceEnd

// Sentence returns the sentence of text that holds the span [start, end),
// with the span marked 【…】. The sentence runs from just after the nearest
// sentence end (。！？；!?; or a newline) before start to the nearest one at or
// after end, which is kept unless it is a newline; surrounding white space
// is trimmed. More than 80 code points of context on either side are cut to
// 80 and an ellipsis. A span outside text gives "".
func Sentence(text []rune, start, end int) string {
	if start < 0 || end < start || end > len(text) {
		return ""
	}
	lo := start
	for lo > 0 && !isSentenceEnd(text[lo-1]) {
		lo--
	}
	hi := end
	for hi < len(text) && !isSentenceEnd(text[hi]) {
		hi++
	}
	if hi < len(text) && text[hi] != '\n' {
		hi++
	}
	before := strings.TrimLeft(string(text[max(lo, start-maxSide):start]), " \t\r\n\u3000")
	if start-lo > maxSide {
		before = "…" + before
	}
	after := strings.TrimRight(string(text[end:min(hi, end+maxSide)]), " \t\r\n\u3000")
	if hi-end > maxSide {
		after += "…"
	}
	return before + Open + string(text[start:end]) + Close + after
}

// Mark returns sentence with the first occurrence of mention marked 【…】.
// It is for facts read without their document text, which carry the
// sentence but not the mention's place in it. When mention does not occur
// in sentence, the marked mention is appended after a space.
func Mark(sentence, mention string) string {
	if mention == "" {
		return sentence
	}
	i := strings.Index(sentence, mention)
	if i < 0 {
		if sentence == "" {
			return Open + mention + Close
		}
		return sentence + " " + Open + mention + Close
	}
	return sentence[:i] + Open + mention + Close + sentence[i+len(mention):]
}

// ReadText reads a document and returns its text as code points, decoded
// exactly as gwr extract decodes it (corpus.Decode: SPEC section 2), so
// that offsets of the facts point into it.
func ReadText(path string) ([]rune, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("match: %w", err)
	}
	text, _, err := corpus.Decode(b, "")
	if err != nil {
		return nil, fmt.Errorf("match: %s: %w", path, err)
	}
	return []rune(text), nil
}
