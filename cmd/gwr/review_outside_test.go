package main

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/gwrfacts/gwr/cmd/gwr/review"
	"github.com/gwrfacts/gwr/schema"
)

// TestReviewReadsOnlyItsInputs: a crafted tables directory cannot make
// review or show embed a file that is not the document's text: a path
// whose content has another SHA-256, a table without hashes and without
// facts, a doc_id climbing out of --corpus.
func TestReviewReadsOnlyItsInputs(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.txt")
	const text = "机密内容，不属于任何报告。"
	if err := os.WriteFile(secret, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(text))
	corpusDir := filepath.Join(dir, "corpus")
	if err := os.Mkdir(corpusDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		s        sourceFlags
		id, sha  string
		wantText bool
	}{
		{"the file the table names, by content", sourceFlags{}, "secret", hex.EncodeToString(sum[:]), true},
		{"another SHA-256", sourceFlags{}, "secret", "00" + hex.EncodeToString(sum[1:]), false},
		{"no hash, no facts", sourceFlags{}, "secret", "", false},
		{"doc_id out of --corpus", sourceFlags{corpusDir: corpusDir}, "../secret", hex.EncodeToString(sum[:]), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := review.Document{ID: tc.id, Row: &schema.Document{DocID: tc.id, Path: secret, SHA256: tc.sha}}
			var warnings []string
			tc.s.maxBytes = 1 << 20
			tc.s.attachText(&d, dir, func(w string) { warnings = append(warnings, w) })
			if d.HasText != tc.wantText {
				t.Errorf("text attached: %v, want %v (warnings %q)", d.HasText, tc.wantText, warnings)
			}
		})
	}
}
