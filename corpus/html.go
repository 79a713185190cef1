package corpus

import (
	"regexp"
	"strings"

	"github.com/gwrfacts/gwr/normalize"
)

// htmlTag matches the common tags of a web page's body.
var htmlTag = regexp.MustCompile(`(?i)<(?:body|p|div|br|span|table|tr|td|li|ul|h[1-6]|a|font|strong)[\s>/]`)

// htmlTagsPerByte: a text is HTML when it has at least minHTMLTags such tags
// and on average one per htmlBytesPerTag bytes or more.
const (
	minHTMLTags     = 3
	htmlBytesPerTag = 2000
)

// looksHTML reports whether text is an HTML page: it starts (after white
// space) with <!DOCTYPE html or <html, has a <body> tag, or has body tags
// (<p>, <div>, <br> …) densely.
func looksHTML(text string) bool {
	head := strings.TrimLeft(text, " \t\r\n\f\uFEFF")
	head = strings.ToLower(head[:min(len(head), 64)])
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") {
		return true
	}
	if strings.HasPrefix(head, "<?xml") && strings.Contains(strings.ToLower(text[:min(len(text), 1024)]), "<html") {
		return true
	}
	tags := htmlTag.FindAllStringIndex(text, -1)
	for _, t := range tags {
		if strings.EqualFold(text[t[0]:t[1]-1], "<body") {
			return true
		}
	}
	return len(tags) >= minHTMLTags && len(tags)*htmlBytesPerTag >= len(text)
}

// htmlToText is the text of an HTML page as the extractor sees it
// (normalize.Clean with HTML set: the one HTML-to-text of the project),
// for metadata inference.
func htmlToText(s string) string {
	return string(normalize.Clean(s, normalize.Options{HTML: true}).Runes)
}
