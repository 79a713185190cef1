package normalize

import (
	"testing"
	"unicode/utf8"
)

// Seed corpora live in testdata/fuzz/<FuzzName>/.

func FuzzClean(f *testing.F) {
	for _, c := range cleanCases {
		f.Add(c, false)
	}
	for _, page := range htmlBreakPages {
		f.Add(page, true)
	}
	f.Fuzz(func(t *testing.T, text string, html bool) {
		v := Clean(text, Options{HTML: html})
		checkView(t, text, v)
		checkSameClean(t, "fuzzed text", text, Options{HTML: html})
		if html {
			// cleaned in pieces cut at HTMLCuts, a page cleans as a whole
			if got := CleanHTMLText(text, 64); got != string(v.Runes) {
				t.Fatalf("CleanHTMLText(%+q, 64) = %+q, want Clean's %+q", text, got, string(v.Runes))
			}
		}
		if utf8.ValidString(text) && !utf8.ValidString(string(v.Runes)) {
			t.Fatalf("Clean(%+q) = %+q is not valid UTF-8", text, string(v.Runes))
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		if err != nil {
			return
		}
		// Re-formatted and re-parsed, the value is the same.
		text := FormatNumber(v)
		w, err := ParseNumber(text)
		if err != nil {
			t.Fatalf("ParseNumber(%q) = %s, formatted %q does not parse: %v", s, v.RatString(), text, err)
		}
		if w.Cmp(v) != 0 {
			t.Fatalf("ParseNumber(%q) = %s, formatted %q reads back as %s", s, v.RatString(), text, w.RatString())
		}
		// With a unit, through the unit table.
		for _, canonical := range []string{"CNY", "kW", "percent"} {
			q := Format(v, canonical, "")
			got, u, ok := parseQuantity(q)
			if !ok || got.Cmp(v) != 0 || u.Canonical != canonical {
				t.Fatalf("Format(%s, %s) = %q reads back as %v %+v %v", v.RatString(), canonical, q, got, u, ok)
			}
		}
	})
}
