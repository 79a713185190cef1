package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/gwrfacts/gwr/normalize"
)

// RulesHash identifies everything that decides a fact: the rules (every
// field), the lexicon as written, the unit table (every field of every
// base unit and multiplier), the bound words and the segmenter's user
// dictionary. It is stored with every output (Parquet metadata, the
// documents table) and --append refuses a directory written with another.
func RulesHash(rules []Rule, lexiconBytes, userDict []byte) string {
	h := sha256.New()
	for _, r := range rules {
		fmt.Fprintf(h, "%#v\n", r)
	}
	fmt.Fprintf(h, "lexicon %d\n", len(lexiconBytes))
	h.Write(lexiconBytes)
	fmt.Fprintf(h, "units %#v %#v\n", normalize.BaseUnits, normalize.Multipliers)
	fmt.Fprintln(h, normalize.BoundPattern(true), normalize.BoundPattern(false))
	fmt.Fprintf(h, "dict %d\n", len(userDict))
	h.Write(userDict)
	return hex.EncodeToString(h.Sum(nil))[:16]
}
