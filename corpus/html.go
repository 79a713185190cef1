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
	tags := 0 // counted one at a time: a large page holds millions
	for at := 0; ; tags++ {
		t := htmlTag.FindStringIndex(text[at:])
		if t == nil {
			break
		}
		if strings.EqualFold(text[at+t[0]:at+t[1]-1], "<body") {
			return true
		}
		at += t[1]
	}
	return tags >= minHTMLTags && tags*htmlBytesPerTag >= len(text)
}

// htmlToText is the text of an HTML page as the extractor sees it
// (normalize.Clean with HTML set: the one HTML-to-text of the project),
// for metadata inference, cleaned in pieces of about 1 MB
// (normalize.CleanHTMLText) so that a large page costs its text, not the
// whole page's cleaned view.
func htmlToText(s string) string {
	return normalize.CleanHTMLText(s, 1<<20)
}
