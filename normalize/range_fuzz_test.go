package normalize

import "testing"

// FuzzParseRange: ParseRange never panics; a range it reads has both ends
// in order, and written back as plain numbers ("lo~hi") it reads the same.
// Seeds are in testdata/fuzz/FuzzParseRange.
func FuzzParseRange(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		lo, hi, err := ParseRange(s)
		if err != nil {
			if lo != nil || hi != nil {
				t.Fatalf("ParseRange(%q) = %v, %v with error %v", s, lo, hi, err)
			}
			return
		}
		if lo == nil || hi == nil {
			t.Fatalf("ParseRange(%q) = %v, %v without an error", s, lo, hi)
		}
		if lo.Cmp(hi) > 0 {
			t.Fatalf("ParseRange(%q) = %s, %s; ends out of order", s, lo.RatString(), hi.RatString())
		}
		text := FormatNumber(lo) + "~" + FormatNumber(hi)
		lo2, hi2, err := ParseRange(text)
		if err != nil {
			t.Fatalf("ParseRange(%q) = %s, %s; written back as %q it does not read: %v", s, lo.RatString(), hi.RatString(), text, err)
		}
		if FormatNumber(lo2) != FormatNumber(lo) || FormatNumber(hi2) != FormatNumber(hi) {
			t.Fatalf("ParseRange(%q) = %s, %s; written back as %q it reads %s, %s", s, lo.RatString(), hi.RatString(), text, lo2.RatString(), hi2.RatString())
		}
	})
}
