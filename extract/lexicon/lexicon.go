package lexicon

import (
	"bytes"
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gwrfacts/gwr/normalize"
)

// Role is one use of a word (Level, Delta, …); a word has a set of them,
// its [Roles]. To add a role, add its constant before numRoles and its name
// to roleNames: the set has room for 64*roleWords roles, and the build fails
// (at roomForRoles) when a new role does not fit, so grow roleWords then.
type Role uint8

// The roles of a word. The names in lexicon.tsv are those of roleNames.
const (
	Level           Role = iota // cue: the number is the level the indicator reaches (达到, 控制在)
	Delta                       // cue: an amount added, built, done or removed (新增, 拆除)
	Growth                      // cue: a relative change when a percentage follows (增长, 下降)
	Change                      // a verb of change: money after it is a delta whatever the indicator (增加, 节约)
	FromTo                      // 由A【提高】到B: makes A the starting point of a change
	GrowthNext                  // 、【增长】6%: a growth rate follows the previous number, a stock
	CompoundCue                 // a cue found inside a longer token: 城镇【新增】就业
	Hedge                       // makes the figure an intention: 力争, 确保
	Plan                        // in a review sentence, looks ahead: the figure is a target
	Past                        // outside a review, looks back: the figure is a result
	Comparison                  // sets up a comparison only (比去年): not a time of the figure
	MultiYear                   // the figure covers several years: year is null
	ReviewHeading               // a heading with it opens a review part
	PlanHeading                 // a heading with it opens a plan part
	MoneyLevel                  // in an indicator, money is a level: a statistic or a total (总投资, 收入)
	MoneyAction                 // as a cue, money is a delta: money moved by an action (投资, 发放)
	MoneyActionNoun             // in an indicator, money is a delta (到位, 融资)
	LevelNoun                   // in an indicator, a number is a level: a stock, share or statistic (保有量, 率)
	GrowthNoun                  // in an indicator, a percentage is a growth rate (增速)
	TrimPrefix                  // dropped from the front of an indicator
	TrimSuffix                  // dropped from the end of an indicator
	NotName                     // after a number, names nothing (新台阶)
	NounStop                    // ends the noun phrase after a number (和, 等)
	Word                        // a segmenter entry only: a name jieba must keep whole
	LastYear                    // in a review of several years, makes the figure one of the last year (去年利润增长23.5%)
	Done                        // outside a review, describes a change already made: a result (已由15.3%降到12%)
	TimeOnly                    // a time word left behind by an ellipsis (上半年): never an indicator (SPEC 2)
	RateName                    // ends an indicator that is a rate or share: its percentage is a level (率, 占比)
	Stock                       // in an indicator, names a standing total: its number is a level (保有量)
	SpanHeading                 // in a review heading, makes it a review of several years (过去五年, 十四五)
	Planned                     // between a past year and its figure, makes it that year's plan (计划为)
	LastYearBase                // ends the text before last year's level a change starts from (比上年的)
	Realized                    // after a planned word, makes the figure the result reached (计划为X，实际达到Y)
	Intent                      // after a span of past years, turns the sentence to a plan (从1953年到1980年…，六五计划期间要求…)
	NotAlone                    // alone, names nothing: never the whole indicator (实际, 基本, 即) (SPEC 2)
	OneCharName                 // a name of one character that is an indicator (钢, 煤, 电)
	Place                       // a place unit or place alone: never the whole indicator (县, 村, 乡镇) (SPEC 2)
	GenericHead                 // a head that names no figure alone (投资, 资金): takes the name of the thing counted before it
	NotTime                     // holds a time or hedge word but is none: 人均预期寿命, 好于预期
	Pair                        // A=B+C: before 分别, A names two things, B and C (城乡=城镇+农村)
	ScaleHead                   // the size of what was named right before, in the same unit (转移支付增加1.5万亿元、【规模】9.8万亿元)
	ListHead                    // a head a list writes once, after its last item, for every item (二氧化硫、氮氧化物【排放】分别下降)
	BareHead                    // a later list item that is only it takes the first item's modifier (生产安全事故起数、【死亡人数】)
	ListPrefix                  // a list's first item starting with it lends its modifier to every item (【单位】国内生产总值能耗、二氧化碳排放量)
	Predicate                   // after a counted noun, starts what is said of the things counted: the name is that and the noun (597家企业【实现】差别化配置)
	Status                      // after a counted noun, a step of the work (竣工, 投产): with cue words only, the predicate is the count's cue and the noun its name (9个项目竣工投产)
	PlainNoun                   // a noun that alone tells no count apart (项目, 任务): it keeps the words written before the number (制度型开放试点33项【任务】) or the verb before it (实施帮扶【项目】)
	WholeSet                    // between a counted noun and its predicate, says it holds for all of them: the noun alone names the count (72项任务【全部】完成)
	StockCount                  // a measure word of things that stand (家, 所): a count in it right after its name, with no verb, is a stock (专精特新企业767【家】)
	Statistic                   // cue: its number is the year's value of a statistic, a level, though the verb names an action (【接待】游客9亿人次)
	Reach                       // level cue: a state reached (社会保险【覆盖】9亿人), but as the list item right after an amount added, how far that action reaches, a delta (建设片区1598个、【覆盖】村庄1.5万个)
	Benefit                     // cue: its number counts those an action benefited (惠及): the name is the action, the cue and who (育儿补贴制度惠及婴幼儿)
	Retag                       // a word jieba's dictionary tags wrongly for the genre (举措 as a verb): its segmenter entry repeats the dictionary's frequency with the right tag, so only the tag changes
	DoneHeading                 // in a heading's last clause, after what it is said of, reports it done: a review heading (自身建设【全面加强】, 行政效能【实现新】提高)
	Causative                   // in a heading, before a DoneHeading word, makes it an aim: a plan heading (【推动】高质量发展取得新成效)
	YearBase                    // right before a year, makes it the base of a comparison, not the figure's time (【比】2020年翻一番)
	GapBase                     // right before a year and the figure, makes the figure the gap to that year's, not that year's (【快于】2024年1.8个百分点)
	Category                    // a noun naming a class of units (项目, 企业, 产业集群, 自然村): a threshold right before it, or before 的 and it, is part of the class's name, no fact (SPEC 4: 亿元以上项目, 超50亿元产业集群, 年产值10亿元以上的…产业集群)
	MemberCount                 // a measure word of the members of a class, not of the class (户, 人): 20户以上自然村 is a threshold, 5个以上园区 a count
	GrowthAfter                 // right after a percentage (or after its 的), names it a growth rate: 6%左右的【增长】目标, 保持15%以上【增长】
	CountNoun                   // names how many things there are (数量, 总数): before a bound word (突破, 超过), the count is a stock, not things an earlier verb did
	ActionCount                 // a measure word of actions done (次): a small count in Chinese numerals in it is a figure when a policy action follows (两次下调政策利率)
	Action                      // a verb of a policy action counted in times (下调, 降息): right after a count of the action-count role, makes it a figure
	Achieve                     // level cue of an achievement (突破, 达成): right before its number, the level reached (突破230家); with an object of its own before a count, an action, and the count is of things done (突破关键核心技术22项)

	Passive // a predicate whose object is what was done to the things counted (受到表彰, 得到改造): followed by actions alone, with no doer, the predicate is the count's cue

	numRoles // the number of roles: keep it last
)

// roleWords is the number of 64-bit words of a [Roles] set.
const roleWords = 2

// roomForRoles fails to compile (a negative array length) when the roles
// outnumber the bits of a Roles set: grow roleWords.
var _ [64*roleWords - int(numRoles)]struct{}

// Roles is a set of roles: a fixed-size bit set, the bit of a Role its
// number. The zero value is the empty set; sets compare with ==.
type Roles struct{ bits [roleWords]uint64 }

// RolesOf returns the set of the roles rs.
func RolesOf(rs ...Role) Roles {
	var s Roles
	for _, r := range rs {
		s = s.With(r)
	}
	return s
}

// Has reports whether r is in the set.
func (s Roles) Has(r Role) bool { return s.bits[r>>6]&(1<<(r&63)) != 0 }

// HasAny reports whether one of the roles rs is in the set.
func (s Roles) HasAny(rs ...Role) bool {
	for _, r := range rs {
		if s.Has(r) {
			return true
		}
	}
	return false
}

// With returns the set with r added.
func (s Roles) With(r Role) Roles {
	s.bits[r>>6] |= 1 << (r & 63)
	return s
}

// Without returns the set with the roles rs removed.
func (s Roles) Without(rs ...Role) Roles {
	for _, r := range rs {
		s.bits[r>>6] &^= 1 << (r & 63)
	}
	return s
}

// Union returns the roles in s or t.
func (s Roles) Union(t Roles) Roles {
	for i := range s.bits {
		s.bits[i] |= t.bits[i]
	}
	return s
}

// IsEmpty reports whether the set has no role.
func (s Roles) IsEmpty() bool { return s == Roles{} }

// Cue is the three cue roles.
var Cue = []Role{Level, Delta, Growth}

// roleNames are the names of the roles in lexicon.tsv.
var roleNames = map[string]Role{
	"level": Level, "delta": Delta, "growth": Growth, "change": Change, "from-to": FromTo,
	"growth-next": GrowthNext, "compound-cue": CompoundCue, "hedge": Hedge,
	"plan": Plan, "past": Past, "comparison": Comparison, "multiyear": MultiYear,
	"review-heading": ReviewHeading, "plan-heading": PlanHeading,
	"money-level": MoneyLevel, "money-action": MoneyAction, "money-action-noun": MoneyActionNoun,
	"level-noun": LevelNoun, "growth-noun": GrowthNoun,
	"trim-prefix": TrimPrefix, "trim-suffix": TrimSuffix,
	"not-name": NotName, "noun-stop": NounStop, "word": Word,
	"last-year": LastYear, "done": Done,
	"time-only": TimeOnly, "rate-name": RateName, "stock": Stock, "span-heading": SpanHeading,
	"planned": Planned, "last-year-base": LastYearBase,
	"realized": Realized, "intent": Intent, "not-time": NotTime,
	"not-alone": NotAlone, "one-char-name": OneCharName, "place": Place, "generic-head": GenericHead, "pair": Pair, "scale-head": ScaleHead,
	"list-head": ListHead, "bare-head": BareHead, "list-prefix": ListPrefix,
	"predicate": Predicate, "whole-set": WholeSet, "status": Status, "stock-count": StockCount, "plain-noun": PlainNoun,
	"statistic": Statistic, "reach": Reach, "benefit": Benefit,
	"retag":        Retag,
	"done-heading": DoneHeading, "causative": Causative, "year-base": YearBase, "gap-base": GapBase,
	"category": Category, "member-count": MemberCount, "growth-after": GrowthAfter, "count-noun": CountNoun,
	"action-count": ActionCount, "action": Action, "achieve": Achieve,
	"passive": Passive,
}

// String returns the role's name, as lexicon.tsv writes it.
func (r Role) String() string {
	for name, role := range roleNames {
		if role == r {
			return name
		}
	}
	return "role(" + strconv.Itoa(int(r)) + ")"
}

// String returns the names of the roles, sorted and space-separated, as
// lexicon.tsv writes them.
func (s Roles) String() string {
	var names []string
	for name, r := range roleNames {
		if s.Has(r) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return strings.Join(names, " ")
}

// Entry is one row of the lexicon.
type Entry struct {
	Word  string
	Roles Roles
	Sign  int    // -1 for a removal or fall, +1 for another cue, 0 for a word that is no cue
	Freq  int    // jieba frequency in the segmenter's user dictionary; 0: not in it
	Tag   string // jieba part-of-speech tag of the user-dictionary entry
	Line  int    // line of lexicon.tsv
}

// Lexicon is a parsed lexicon: its rows in file order.
type Lexicon struct {
	entries []Entry
	byWord  map[string]int
	raw     []byte
}

//go:embed lexicon.tsv
var embedded []byte

var defaultLexicon = func() *Lexicon {
	l, err := Parse(embedded)
	if err != nil {
		panic(err) // TestDefault parses the same bytes
	}
	return l
}()

// Default returns the lexicon of lexicon.tsv, parsed once.
func Default() *Lexicon { return defaultLexicon }

// Parse reads a lexicon in the format of lexicon.tsv: one row a line,
// word, roles, sign and segmenter entry separated by tabs; blank lines and
// lines starting with # are comments. A word listed twice, an unknown role
// and a sign on a word that is no cue are errors naming the line.
func Parse(data []byte) (*Lexicon, error) {
	l := &Lexicon{byWord: map[string]int{}, raw: data}
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e, err := parseRow(line)
		if err != nil {
			return nil, fmt.Errorf("lexicon: line %d: %w", n+1, err)
		}
		e.Line = n + 1
		if prev, ok := l.byWord[e.Word]; ok {
			return nil, fmt.Errorf("lexicon: line %d: %q is already the row of line %d", n+1, e.Word, l.entries[prev].Line)
		}
		l.byWord[e.Word] = len(l.entries)
		l.entries = append(l.entries, e)
	}
	return l, nil
}

func parseRow(line string) (Entry, error) {
	f := strings.Split(line, "\t")
	if len(f) != 4 {
		return Entry{}, fmt.Errorf("%d fields; want 4 (word, roles, sign, segmenter entry)", len(f))
	}
	e := Entry{Word: f[0]}
	if e.Word == "" || !utf8.ValidString(e.Word) || strings.TrimSpace(e.Word) != e.Word {
		return e, fmt.Errorf("bad word %q", e.Word)
	}
	for _, name := range strings.Fields(f[1]) {
		r, ok := roleNames[name]
		if !ok {
			return e, fmt.Errorf("%s: unknown role %q", e.Word, name)
		}
		e.Roles = e.Roles.With(r)
	}
	if e.Roles.IsEmpty() {
		return e, fmt.Errorf("%s: no role", e.Word)
	}
	if _, _, _, ok := SplitPair(e.Word); e.Roles.Has(Pair) != ok {
		return e, fmt.Errorf("%s: a pair is written A=B+C, and only a pair", e.Word)
	}
	switch f[2] {
	case "+":
		e.Sign = 1
	case "-":
		e.Sign = -1
	case "":
	default:
		return e, fmt.Errorf("%s: sign %q; want +, - or empty", e.Word, f[2])
	}
	if (e.Sign != 0) != e.Roles.HasAny(Cue...) {
		return e, fmt.Errorf("%s: a cue has a sign (+ or -), another word none", e.Word)
	}
	if e.Roles.Has(Retag) && f[3] == "" {
		return e, fmt.Errorf("%s: a retag row has a segmenter entry (the dictionary's frequency, the right tag)", e.Word)
	}
	if d := strings.Fields(f[3]); len(d) > 0 {
		n, err := strconv.Atoi(d[0])
		if len(d) != 2 || err != nil || n <= 0 {
			return e, fmt.Errorf("%s: segmenter entry %q; want frequency and tag (2000 n)", e.Word, f[3])
		}
		e.Freq, e.Tag = n, d[1]
	}
	return e, nil
}

// Entries returns the rows, in file order.
func (l *Lexicon) Entries() []Entry { return l.entries }

// Lookup returns the row of word.
func (l *Lexicon) Lookup(word string) (Entry, bool) {
	i, ok := l.byWord[word]
	if !ok {
		return Entry{}, false
	}
	return l.entries[i], true
}

// Roles returns the roles of word, none if it is no word of the
// lexicon: one look-up for several questions about one word.
func (l *Lexicon) Roles(word string) Roles {
	if i, ok := l.byWord[word]; ok {
		return l.entries[i].Roles
	}
	return Roles{}
}

// Is reports whether word has one of the roles rs.
func (l *Lexicon) Is(word string, rs ...Role) bool {
	i, ok := l.byWord[word]
	return ok && l.entries[i].Roles.HasAny(rs...)
}

// Words returns the words with one of the roles rs, in file order.
func (l *Lexicon) Words(rs ...Role) []string {
	var out []string
	for _, e := range l.entries {
		if e.Roles.HasAny(rs...) {
			out = append(out, e.Word)
		}
	}
	return out
}

// Decreases returns the cue words with sign -1, in file order.
func (l *Lexicon) Decreases() []string {
	var out []string
	for _, e := range l.entries {
		if e.Sign < 0 {
			out = append(out, e.Word)
		}
	}
	return out
}

// Set returns the words with one of the roles rs, as a set.
func (l *Lexicon) Set(rs ...Role) map[string]bool {
	set := map[string]bool{}
	for _, w := range l.Words(rs...) {
		set[w] = true
	}
	return set
}

// Bytes returns the lexicon as read: what the rules hash covers.
func (l *Lexicon) Bytes() []byte { return l.raw }

// UserDict returns jieba's user dictionary ("word frequency tag" a line):
// the rows with a segmenter entry, then the unit entries of the normalize
// unit table ([normalize.SegmenterUnits]).
func (l *Lexicon) UserDict() []byte {
	var b bytes.Buffer
	for _, e := range l.entries {
		if e.Freq > 0 {
			fmt.Fprintf(&b, "%s %d %s\n", e.Word, e.Freq, e.Tag)
		}
	}
	for _, u := range normalize.SegmenterUnits() {
		fmt.Fprintf(&b, "%s %d %s\n", u.Text, u.Freq, u.Tag)
	}
	return b.Bytes()
}

// SplitPair splits the word of a pair row, A=B+C (城乡=城镇+农村), into
// its three names; ok is false for any other word.
func SplitPair(word string) (a, b, c string, ok bool) {
	a, bc, ok1 := strings.Cut(word, "=")
	b, c, ok2 := strings.Cut(bc, "+")
	if !ok1 || !ok2 || a == "" || b == "" || c == "" {
		return "", "", "", false
	}
	return a, b, c, true
}
