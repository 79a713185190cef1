package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"

	"github.com/gwrfacts/gwr/normalize"
)

// RulesHash identifies everything that decides a fact: the rules (every
// field, and the placeholders their patterns expand), the lexicon as written, the unit table (every field of every
// base unit and multiplier), the bound words and the segmenter's user
// dictionary. It is stored with every output (Parquet metadata, the
// documents table) and --append refuses a directory written with another.
func RulesHash(rules []Rule, lexiconBytes, userDict []byte) string {
	return rulesHashWith(rules, placeholders(), lexiconBytes, userDict)
}

// rulesHashWith is RulesHash with the placeholders ph expanded in the
// patterns: {NUM}, {CN}, the quick tests ahead are part of the rules.
func rulesHashWith(rules []Rule, ph map[string]string, lexiconBytes, userDict []byte) string {
	h := sha256.New()
	for _, r := range rules {
		fmt.Fprintf(h, "%#v\n", r)
	}
	keys := make([]string, 0, len(ph))
	for k := range ph {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(h, "placeholder %s %s\n", k, ph[k])
	}
	fmt.Fprintf(h, "lexicon %d\n", len(lexiconBytes))
	h.Write(lexiconBytes)
	fmt.Fprintf(h, "units %#v %#v\n", normalize.BaseUnits, normalize.Multipliers)
	fmt.Fprintln(h, normalize.BoundPattern(true), normalize.BoundPattern(false))
	fmt.Fprintf(h, "dict %d\n", len(userDict))
	h.Write(userDict)
	return hex.EncodeToString(h.Sum(nil))[:16]
}
