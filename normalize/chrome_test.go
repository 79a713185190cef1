package normalize

import (
	"strings"
	"testing"
)

// govPage is a saved government web page, shaped like the provincial
// portals': site header and menu, breadcrumb, the report, a sidebar and a
// footer, each chrome part holding numbers that are no facts.
const govPage = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>2025年政府工作报告_山东省人民政府</title>
<style>.nav{color:red}</style><script>var visits = 12345;</script></head>
<body class="header-fixed">
<div class="header"><div class="top-bar">今天是2025年1月21日 <a href="/">无障碍</a></div>
<img src="logo.png"><div class="search"><form><input name="q"></form></div></div>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zw">政务公开（3200条）</a></li></ul></nav>
<div id="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 第2页</div>
<div class="main-wrap">
 <div class="article">
  <div class="article-header"><h1>2025年山东省政府工作报告</h1><span>发布时间：2025-01-21 浏览次数：8812</span></div>
  <div id="UCAP-CONTENT" class="pages_content">
   <p>各位代表：</p>
   <p>全省生产总值增长5.7%，新增高新技术企业3000家以上。</p>
   <div class="table-wrap"><table><tr><td>粮食产量</td><td>1150亿斤</td></tr></table></div>
  </div>
  <div class="share-bar">分享到：微信 微博 <span>已有99人分享</span></div>
 </div>
 <aside class="right"><h3>热点</h3><p>第十四届人大第三次会议召开，代表500名。</p></aside>
 <div class="sidebar_list"><div><div>专题：新增就业110万人</div></div></div>
</div>
<div class="footer"><div>主办：山东省人民政府办公厅 鲁ICP备05023283号 <div>网站标识码3700000063</div></div></div>
<footer>版权所有 © 2025 访问量：100000次</footer>
</body></html>`

func TestCleanHTMLDropsChrome(t *testing.T) {
	got := string(Clean(govPage, Options{HTML: true}).Runes)
	for _, keep := range []string{"2025年山东省政府工作报告", "各位代表：", "全省生产总值增长5.7%，新增高新技术企业3000家以上。", "粮食产量", "1150亿斤", "发布时间：2025-01-21"} {
		if !strings.Contains(got, keep) {
			t.Errorf("Clean(page, HTML) drops %q; want it kept:\n%s", keep, got)
		}
	}
	for _, drop := range []string{"12345", "今天是", "首页", "3200条", "第2页", "99人", "代表500名", "110万人", "ICP备", "3700000063", "访问量", "100000"} {
		if strings.Contains(got, drop) {
			t.Errorf("Clean(page, HTML) keeps page chrome %q:\n%s", drop, got)
		}
	}
}

func TestIsChrome(t *testing.T) {
	for _, tc := range []struct {
		name, tag string
		want      bool
	}{
		{"nav", `<nav>`, true},
		{"footer", `<footer class="x">`, true},
		{"div", `<div class="footer">`, true},
		{"div", `<div id='top-nav' class="clearfix">`, true},
		{"ul", `<ul class=menu>`, true},
		{"div", `<div class="breadcrumbs">`, true},
		{"div", `<div class="article-header">`, false}, // the head of the article
		{"div", `<div id="UCAP-CONTENT">`, false},
		{"div", `<div class="navigator-content">`, false},
		{"div", `<div class="headline">`, false}, // a word, not a part of one
		{"body", `<body class="header-fixed">`, false},
		{"article", `<article class="footer">`, false},
		{"p", `<p>`, false},
	} {
		if got := isChrome(tc.name, []rune(tc.tag)); got != tc.want {
			t.Errorf("isChrome(%s) = %v; want %v", tc.tag, got, tc.want)
		}
	}
}

// TestCleanHTMLUnclosedChrome: a chrome element without its end tag is not
// dropped (the text after it would go with it), and many of them cost no
// more than a few scans of the page.
func TestCleanHTMLUnclosedChrome(t *testing.T) {
	page := "<body><div class=\"nav\">菜单<p>新增就业110万人。</p></body>"
	if got := string(Clean(page, Options{HTML: true}).Runes); !strings.Contains(got, "新增就业110万人。") {
		t.Errorf("Clean(unclosed nav) = %q; want the text after it kept", got)
	}
	many := "<body>" + strings.Repeat("<div class=nav><div>x", 5000) + "<p>增长5%。</p></body>"
	if got := string(Clean(many, Options{HTML: true}).Runes); !strings.Contains(got, "增长5%。") {
		t.Errorf("Clean(5000 unclosed navs) lost the text")
	}
}
