package normalize

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stripped is the text of page after Clean's HTML step.
func stripped(page string) string {
	return string(stripHTML(normalizeNewlines(fromText(page))).r)
}

// htmlBreakPages hold what a break must not be inside: tags spread over
// lines, comments (one unclosed), scripts and styles holding block tags,
// page chrome, entities and \r\n.
var htmlBreakPages = []string{
	"<html><head><style>p:after{content:'</p>'}</style><script>var a = '<p>x</p>'; if (a<b) {}</script></head>\r\n<body>" +
		"<nav><ul><li>首页</li><li>第1页</li></ul></nav>\r\n<div class=\"main content\"><p>一、2024年地区生产总值增长5%。</p>\r\n" +
		"<p\r\n class=x>二、&ldquo;十四五&rdquo;规划目标&#12290;</p><!-- <p>注释。</p> --><p>三、城镇新增就业11万人；</p>" +
		"<table><tr><td>四、粮食产量</td><td>1.2万吨。</td></tr></table><br>五、<b>居民</b>收入增长6%！<br/>\n" +
		"<div id=\"footer\"><p>京ICP备05070218号</p></div><p>Tom &amp; Jerry</p>\n<p>word\nword</p><p>&nbsp;六、完。</p></div></body></html>",
	"<p>甲。</p><!-- 未闭合的注释 <p>乙。</p><p>丙。</p>",
	"<p>甲。</p><script>var x = 1; <p>乙。</p><p>丙。</p>",
	"<p>甲。</p><p>乙。</p><div class=\"nav\"><p>丙。</p><p>丁。</p>",
	"<p>甲。</p><textarea><p>乙。</p></textarea><p>丙。</p>" + strings.Repeat("<p>一段话，2024年增长5%。</p>\n", 4),
	"<P>甲。</P><STYLE>p{}</STYLE><P>乙 <b>b</b>。</P>\r<P>丙。</P><DIV><![CDATA[ x ]]>丁。</DIV>",
}

// TestHTMLBreaksSplitStripped requires, at each break HTMLBreaks reports,
// that the HTML step of the two pieces read alone gives the text of the
// whole page, that this text has a line break just before the break, and
// that Last and Lines describe it; the pages hold what a break must not be
// inside: tags spread over lines, comments (one unclosed), scripts and
// styles holding block tags, page chrome, entities and \r\n.
func TestHTMLBreaksSplitStripped(t *testing.T) {
	for _, page := range htmlBreakPages {
		whole := stripped(page)
		n := 0
		HTMLBreaks(page, func(b HTMLBreak) bool {
			n++
			before, after := stripped(page[:b.At]), stripped(page[b.At:])
			if before+after != whole {
				t.Errorf("%q cut at %d (%q): pieces give %q + %q, want %q", page, b.At, page[b.At:min(len(page), b.At+12)], before, after, whole)
				return true
			}
			lines := strings.Count(before[len(strings.TrimRight(before, " \t\n")):], "\n")
			last, _ := lastRune(strings.TrimRight(before, " \t\n"))
			if !strings.HasSuffix(before, "\n") || lines != b.Lines || last != b.Last {
				t.Errorf("%q cut at %d: %+v; want the text before (%q) to end with a line break, Last %q, Lines %d", page, b.At, b, before, last, lines)
			}
			return true
		})
		if n == 0 {
			t.Errorf("%q: no break; want some", page)
		}
	}
}

func lastRune(s string) (rune, int) {
	r := []rune(s)
	if len(r) == 0 {
		return 0, 0
	}
	return r[len(r)-1], 1
}

// TestHTMLBreaksSkipsMarkup requires breaks only at paragraphs (the first
// after <p>, with Last 0), none inside a comment, a script,
// page chrome or a tag, and false from a page with more unclosed chrome
// elements than Clean takes for chrome.
func TestHTMLBreaksSkipsMarkup(t *testing.T) {
	page := "<p>甲。</p><!-- <p>a。</p>b --><script>\n<p>c。</p>d</script><nav><p>e。</p>f</nav><p\n>乙。</p>"
	var got []string
	ok := HTMLBreaks(page, func(b HTMLBreak) bool {
		got = append(got, page[b.At:b.At+3])
		return true
	})
	if want := []string{"甲", "乙"}; !ok || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("breaks at %q (%v); want %q (true)", got, ok, want)
	}
	unclosed := strings.Repeat("<p>甲。</p><nav>", maxChromeMisses)
	if HTMLBreaks(unclosed, func(HTMLBreak) bool { return true }) {
		t.Errorf("%d unclosed <nav>: true; want false (the page read whole)", maxChromeMisses)
	}
	if !HTMLBreaks(strings.Repeat("<p>甲。</p><nav>", maxChromeMisses-1), func(HTMLBreak) bool { return true }) {
		t.Errorf("%d unclosed <nav>: false; want true", maxChromeMisses-1)
	}
}

// TestHTMLCutsCleanAsWhole wraps the bundled and development reports in
// markup (paragraphs, line breaks in the source, <br> in hard-wrapped
// lines, tables, comments, scripts and entities, and as one paragraph
// whose cleaned text is one line) and requires that
// cleaning the pages in pieces cut at HTMLCuts of 4 KB and 512 bytes gives
// the cleaned text of the whole page, and that the pages are cut.
func TestHTMLCutsCleanAsWhole(t *testing.T) {
	paths, _ := filepath.Glob("../corpus/*.txt")
	dev, _ := filepath.Glob("../golden/dev/texts/*.txt")
	paths = append(paths, dev...)
	if len(paths) < 10 {
		t.Fatalf("%d reports; want the bundled and development reports", len(paths))
	}
	var pages, names []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var w strings.Builder
		w.WriteString("<html><head><script>var a = '<p>甲。</p>';</script></head><body><nav>第1页 共3页</nav>\n")
		for i, line := range strings.Split(string(b), "\n") {
			e := html.EscapeString(strings.TrimRight(line, "\r"))
			switch i % 5 {
			case 0:
				w.WriteString("<p>" + strings.Replace(e, "“", "&ldquo;", 1) + "</p>\r\n")
			case 1:
				r := []rune(e)
				for len(r) > 40 {
					w.WriteString(string(r[:40]) + "\n   ")
					r = r[40:]
				}
				w.WriteString(string(r) + "<br>\n")
			case 2:
				r := []rune(line)
				for len(r) > 37 {
					w.WriteString(html.EscapeString(string(r[:37])) + "<br>")
					r = r[37:]
				}
				w.WriteString(html.EscapeString(string(r)) + "<br>\n")
			case 3:
				w.WriteString("<table><tr><td>" + e + "</td></tr></table><!-- " + e[:min(len(e), 9)] + " -->\n")
			default:
				w.WriteString("<div><span>" + e + "</span></div><script>x = '</div>';</script>\n")
			}
		}
		w.WriteString("<footer>京ICP备05070218号</footer></body></html>")
		pages = append(pages, w.String(), "<div>"+html.EscapeString(string(b))+"</div>")
		names = append(names, p, p+" (one paragraph)")
	}
	for _, size := range []int{4096, 512} {
		cuts, mid := 0, 0
		for i, page := range pages {
			for _, c := range HTMLCuts(page, size) {
				cuts++
				if c.Mid {
					mid++
				}
			}
			want := string(Clean(page, Options{HTML: true}).Runes)
			if got := CleanHTMLText(page, size); got != want {
				k := 0
				for k < min(len(got), len(want)) && got[k] == want[k] {
					k++
				}
				t.Errorf("%s in pieces of %d bytes: cleaned text differs at byte %d: got %q, want %q", names[i], size, k, got[max(0, k-40):min(len(got), k+40)], want[max(0, k-40):min(len(want), k+40)])
			}
		}
		t.Logf("pieces of %d bytes: %d pages, %d cuts, %d inside a line", size, len(pages), cuts, mid)
		if cuts < 3*len(pages) || mid < 30 {
			t.Errorf("pieces of %d bytes: %d cuts in %d pages, %d inside a line; want at least 3 a page and 30 inside a line", size, cuts, len(pages), mid)
		}
	}
}
