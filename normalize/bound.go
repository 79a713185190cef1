package normalize

// BoundWord is a word that bounds a number (SPEC section 4).
type BoundWord struct {
	Word   string // "以上"
	Bound  string // one of schema.Bounds: "ge", "gt", "le", "lt", "approx"
	Before bool   // written before the number (不少于10家), else after it (10家以上)
}

// BoundWords are the bound words of SPEC section 4 with common variants.
// Words after the number may also stand between the number and its unit
// (300余张, 2万多名). 达 is not a bound word; 控制在 is a cue whose 以内 or
// 以下 comes after the number. A range (X-Y) is read by the extractor's range rule.
var BoundWords = []BoundWord{
	// ge: at least
	{"以上", "ge", false},
	{"及以上", "ge", false},
	{"或以上", "ge", false},
	{"或者更多", "ge", false}, // 增长10%或者更多一些 (1998)
	{"或更多", "ge", false},
	{"不少于", "ge", true},
	{"不低于", "ge", true},
	{"不小于", "ge", true},
	{"至少", "ge", true},
	{"最少", "ge", true},
	// gt: more than
	{"超过", "gt", true},
	{"突破", "gt", true},
	{"超", "gt", true},
	{"逾", "gt", true},
	{"多于", "gt", true},
	{"余", "gt", false},
	{"多", "gt", false},
	// le: at most
	{"以内", "le", false},
	{"之内", "le", false},
	{"以下", "le", false},
	{"及以下", "le", false},
	{"不超过", "le", true},
	{"不高于", "le", true},
	{"不大于", "le", true},
	{"不多于", "le", true},
	{"最多", "le", true},
	// lt: less than
	{"低于", "lt", true},
	{"不到", "lt", true},
	{"不足", "lt", true},
	{"少于", "lt", true},
	// approx
	{"左右", "approx", false},
	{"上下", "approx", false},
	{"前后", "approx", false},
	{"约", "approx", true},
	{"大约", "approx", true},
	{"近", "approx", true},
	{"接近", "approx", true},
	{"将近", "approx", true},
	{"约为", "approx", true},
}

// BoundPattern returns a regexp2 (.NET syntax) non-capturing group that
// alternates the bound words written before (before = true) or after the
// number, longest first and escaped: "(?:不少于|不低于|…|超|约)".
func BoundPattern(before bool) string {
	var ws []string
	for _, b := range BoundWords {
		if b.Before == before {
			ws = append(ws, b.Word)
		}
	}
	return alternation(ws)
}

// LookupBound returns the bound of word written before (before = true) or
// after the number; ok is false if it is not such a bound word.
func LookupBound(word string, before bool) (bound string, ok bool) {
	for _, b := range BoundWords {
		if b.Word == word && b.Before == before {
			return b.Bound, true
		}
	}
	return "", false
}
