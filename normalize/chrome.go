package normalize

import (
	"regexp"
	"strings"
)

// Page chrome: the parts of a saved web page around its text (site
// navigation, headers, footers, sidebars, breadcrumbs, share bars), which
// hold no facts (SPEC section 7) but do hold numbers: 京ICP备05070218号,
// 访问量：12345, 第1页. stripHTML drops a chrome element whole, as it drops
// a script.
//
// An element is chrome when it is a <nav>, <header>, <footer> or <aside>,
// or when its id or class names chrome: one of chromeWords as a word of it
// (words split at anything but letters and digits: "top-nav", "footer_2",
// "breadcrumb"). The page's <html>, <body>, <main> and <article> elements
// are never chrome, nor is an element whose id or class also names content
// (contentWords: "article-header" is the head of the article).
var (
	chromeTags  = map[string]bool{"nav": true, "header": true, "footer": true, "aside": true}
	neverChrome = map[string]bool{"html": true, "body": true, "main": true, "article": true, "head": true, "script": true, "style": true}
	chromeWords = map[string]bool{
		"nav": true, "navbar": true, "navigation": true, "menu": true, "submenu": true, "mainmenu": true,
		"header": true, "footer": true, "foot": true, "bottom": true, "sidebar": true, "aside": true,
		"breadcrumb": true, "breadcrumbs": true, "crumb": true, "crumbs": true, "location": true, "position": true,
		"toolbar": true, "share": true, "copyright": true, "banner": true, "topbar": true, "login": true,
		"friendlink": true, "friendlinks": true, "skip": true, "search": true,
	}
	contentWords = map[string]bool{
		"content": true, "article": true, "main": true, "text": true, "zoom": true, "detail": true,
		"body": true, "con": true, "editor": true, "trs": true, "ucap": true,
	}
	chromeAttr = regexp.MustCompile(`(?i)\b(?:id|class)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`)
	attrWord   = regexp.MustCompile(`[A-Za-z]+|[0-9]+`)
)

// maxChromeMisses bounds the chrome elements of one page whose end tag is
// not found (each costs a scan to the end of the page); after that, no more
// elements are taken for chrome.
const maxChromeMisses = 16

// isChrome reports whether the start tag body r[i:end] (from '<' to '>')
// of the element name opens page chrome.
func isChrome(name string, tag []rune) bool {
	if neverChrome[name] {
		return false
	}
	if chromeTags[name] {
		return true
	}
	chrome := false
	for _, m := range chromeAttr.FindAllStringSubmatch(string(tag), -1) {
		value := m[1] + m[2] + m[3]
		for _, w := range attrWord.FindAllString(strings.ToLower(value), -1) {
			if contentWords[w] {
				return false
			}
			chrome = chrome || chromeWords[w]
		}
	}
	return chrome
}

// chromeEnd returns, when the tag r[i:end] opens a page chrome element,
// the index just past the element's end tag; otherwise end.
func (t *tagScanner) chromeEnd(i, end int) int {
	r := t.r
	if r[i+1] == '/' || r[i+1] == '!' || r[i+1] == '?' || r[end-2] == '/' {
		return end
	}
	name := tagName(r[i+1 : end])
	if t.chromeMisses >= maxChromeMisses || !isChrome(name, r[i:end]) {
		return end
	}
	open, close := "<"+name, "</"+name
	depth := 1
	for k := end; k < len(r); {
		o := t.findTag(k, open)
		c := t.findTag(k, close)
		switch {
		case c < 0:
			t.chromeMisses++
			return end
		case o >= 0 && o < c:
			depth++
			k = o + len(open)
		default:
			depth--
			gt := c + len(close)
			for gt < len(r) && r[gt] != '>' {
				gt++
			}
			if depth == 0 {
				return min(gt+1, len(r))
			}
			k = gt
		}
	}
	t.chromeMisses++
	return end
}

// findTag returns the index of the first "<name" or "</name" (p) at or
// after from that is followed by a character ending the name, or -1.
func (t *tagScanner) findTag(from int, p string) int {
	for {
		if m, ok := t.chromeMissing[p]; ok && from >= m {
			return -1
		}
		k := indexFold(t.r, from, p)
		if k < 0 {
			if t.chromeMissing == nil {
				t.chromeMissing = map[string]int{}
			}
			t.chromeMissing[p] = from // none at or after from
			return -1
		}
		if e := k + len(p); e >= len(t.r) || !isASCIILetter(t.r[e]) && !isDigit(t.r[e]) {
			return k
		}
		from = k + 1
	}
}
