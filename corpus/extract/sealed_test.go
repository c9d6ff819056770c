package extract

import (
	"flag"
	"path/filepath"
	"testing"
)

var sealed = flag.Bool("sealed", false, "score the sealed sentence batches in testdata/sealed (only after a round of rule changes)")

// TestSealed scores the extractor on testdata/sealed: sentences in our own
// words written on 2026-12-03 by someone who did not tune the rules, kept
// away from rule tuning and scored once, after a round of rule changes, with
// -sealed. It is a measure of how the rules generalise to phrasing nobody
// tuned on; its score is reported in docs/accuracy.md as measured.
func TestSealed(t *testing.T) {
	if !*sealed {
		t.Skip("sealed batches are scored only on purpose: go test ./corpus/extract -run TestSealed -sealed -v")
	}
	files, err := filepath.Glob("testdata/sealed/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no sealed batches: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			logScores(t, "sealed "+filepath.Base(f), evaluate(t, New(), MustLoadGold(t, f)))
		})
	}
}
