package extract

import (
	"fmt"
	"html"
	"os"
	"reflect"
	"strings"
	"testing"
)

// htmlPage wraps a plain report in the markup of a government web page:
// a head with a style and scripts (holding 。, </p> and line breaks in
// strings), navigation and a footer with numbers (page chrome), comments,
// and the report's lines as paragraphs of several kinds chosen by the
// line's number: <p> with source line breaks and entities (&ldquo;
// &nbsp; &#12290;), lines hard-wrapped with <br>, table rows, list items
// and headings, with comments and inline tags between and inside them.
func htmlPage(title, text string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + html.EscapeString(title) + "</title>\n")
	b.WriteString("<style>\np { margin: 0 }\n.x:after { content: \"。</p>\" }\n</style>\n")
	b.WriteString("<script>\nvar s = \"2024年增长5%。</p><p>下一段\";\nif (a < b && c > d) { x = '<div>'; }\n</script>\n</head>\n<body>\n")
	b.WriteString("<div class=\"top-nav\"><ul><li><a href=\"/\">首页</a></li><li>访问量：12345</li></ul></div>\n")
	b.WriteString("<div class=\"content\">\n<!-- 正文 开始 <p>注释里的段落 2024年增长10%。</p> -->\n")
	lines := strings.Split(strings.ReplaceAll(text, "\r", ""), "\n")
	for i, line := range lines {
		esc := html.EscapeString(line)
		switch i % 7 {
		case 0:
			b.WriteString("<p style=\"text-indent:2em\">" + strings.Replace(esc, "“", "&ldquo;", 1) + "</p>\n")
		case 1:
			// source line breaks inside a paragraph are spaces
			b.WriteString("<p>\n    " + strings.Join(splitEvery(esc, 50), "\n    ") + "\n</p>\n")
		case 2:
			b.WriteString("<div><span>" + strings.Join(splitEvery(line, 37), "</span><br>\n<span>") + "</span></div>\n")
		case 3:
			b.WriteString("<table><tbody><tr><td>" + strings.Replace(esc, "。", "&#12290;", 1) + "</td></tr></tbody></table>\n")
		case 4:
			b.WriteString("<ul><li>" + strings.Replace(esc, "　", "&nbsp;", 1) + "</li></ul><!-- li " + fmt.Sprint(i) + " -->\n")
		case 5:
			if len([]rune(line)) < 30 {
				b.WriteString("<h3>" + esc + "</h3>\n")
			} else {
				b.WriteString("<p><b>" + esc + "</b></p>\n")
			}
		default:
			b.WriteString("<script>document.write('<p>" + fmt.Sprint(i) + "</p>');</script>" + esc + "<br>\n")
		}
	}
	b.WriteString("<!-- 正文 结束 -->\n</div>\n<footer><p>版权所有 京ICP备05070218号</p></footer>\n</body>\n</html>\n")
	return b.String()
}

// splitEvery cuts s into pieces of n code points.
func splitEvery(s string, n int) []string {
	r := []rune(s)
	var out []string
	for len(r) > n {
		out = append(out, string(r[:n]))
		r = r[n:]
	}
	return append(out, string(r))
}

// htmlDocs returns the HTML pages to test chunks on: the repository's
// pages and the reports wrapped in markup (htmlPage) and as one paragraph.
func htmlDocs(t *testing.T) []Document {
	var docs []Document
	for _, p := range []string{"../cmd/gwr/review/assets/page.html", "../cmd/gwr/panel/assets/page.html"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, Document{ID: p, Text: string(b), HTML: true, PlanYear: 2024})
	}
	plain := append(corpusDocs(t), devDocs(t)...)
	national := readDocs(t, "../corpus/testdata/national/national_china_*.txt", -1)
	for i := 0; i < len(national); i += 6 {
		plain = append(plain, national[i])
	}
	for _, d := range plain {
		d.ID += " (html)"
		one := d
		d.Text = htmlPage(d.ID, d.Text)
		d.HTML = true
		// the report as one paragraph: its line breaks are only source
		// line breaks, so its cleaned text is one line
		one.ID += " (one html paragraph)"
		one.Text = "<html><body><div class=\"content\">\n" + html.EscapeString(one.Text) + "\n</div></body></html>"
		one.HTML = true
		docs = append(docs, d, one)
	}
	return docs
}

// TestHTMLChunksEqualWhole reads HTML pages in small chunks (4 KB and
// 512 bytes instead of 1 MB) and requires the facts, the layout and the
// error of reading them whole, and for three pages the explained
// candidates; most pages must be cut, and many times.
func TestHTMLChunksEqualWhole(t *testing.T) {
	whole := *newExtractor(t)
	whole.chunkBytes = 1 << 40
	docs := htmlDocs(t)
	for _, size := range []int{4096, 512} {
		small := whole
		small.chunkBytes = size
		cut, cuts, mid := 0, 0, 0
		for _, d := range docs {
			cs := chunksOf(d.Text, size, true)
			if len(cs) > 1 {
				cut++
				cuts += len(cs) - 1
			}
			for i, c := range cs {
				if i > 0 && (c.start != cs[i-1].end || c.hard) {
					t.Errorf("%s: chunk %d %+v after %+v", d.ID, i, c, cs[i-1])
				}
				if c.midLine {
					mid++
				}
			}
			checkChunkedEqualsWhole(t, &whole, &small, d, len(cs), size)
		}
		t.Logf("chunks of %d bytes: %d of %d pages cut, %d cuts, %d inside a line", size, cut, len(docs), cuts, mid)
		if cut < len(docs)-8 || cuts < 5*len(docs) || mid < 50 {
			t.Errorf("chunks of %d bytes: %d of %d pages cut, %d cuts, %d inside a line; want all but 8 pages cut, 5 cuts a page, 50 inside a line", size, cut, len(docs), cuts, mid)
		}
	}
	small := whole
	small.chunkBytes = 4096
	for _, d := range docs[2:5] {
		want, _ := whole.Explain(d)
		got, _ := small.Explain(d)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Explain in chunks differs from Explain of the whole page", d.ID)
		}
	}
}

// TestHTMLDocumentMemoryBounded is TestDocumentMemoryBounded for a 2 MB
// HTML page (the reports wrapped in markup, htmlPage, and as one
// paragraph, whose cleaned text is one line): the live heap, taken after
// each chunk of 64 KB is read, may grow by at most 3 bytes per byte of the
// page. It measures 1.49 and 1.32; read whole (chunkBytes 1 << 30), as
// before HTML pages were cut, 5.34 for the first, and the test fails.
func TestHTMLDocumentMemoryBounded(t *testing.T) {
	x := *newExtractor(t)
	var pages, texts []string
	for _, d := range append(corpusDocs(t), devDocs(t)...) {
		pages = append(pages, htmlPage(d.ID, d.Text))
		texts = append(texts, d.Text)
	}
	units := map[string]string{
		"markup":        strings.Join(pages, "\n"),
		"one paragraph": "<html><body><div>\n" + html.EscapeString(strings.Join(texts, "\n")),
	}
	for _, form := range []string{"markup", "one paragraph"} {
		unit := units[form]
		const size = 2 << 20
		text := strings.Repeat(unit, size/len(unit)+1)[:size]
		d := Document{ID: "big", Text: text, HTML: true, PlanYear: 2024}
		x.chunkBytes = 64 << 10
		if n := len(chunksOf(text, x.chunkBytes, true)); n < 16 {
			t.Fatalf("%s: %d chunks of a %d-byte page; want at least 16", form, n, len(text))
		}
		facts, grew := heapGrowth(&x, Document{ID: "warm", Text: unit, HTML: true, PlanYear: 2024}, d)
		perByte := float64(grew) / float64(len(text))
		t.Logf("%s: %d bytes, %d facts, live heap grew by at most %.1f MB: %.2f bytes per byte of page", form, len(text), len(facts), float64(grew)/(1<<20), perByte)
		if perByte > 3 {
			t.Errorf("%s: the live heap grew by %.2f bytes per byte of the page (%d bytes); want at most 3", form, perByte, grew)
		}
		if len(facts) < 3000 {
			t.Errorf("%s: %d facts; want the facts of the repeated reports (over 3000)", form, len(facts))
		}
	}
}
