package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReviewRefuses: the review command's mistakes a user makes, each
// with the exit status and a message that says what to do.
func TestReviewRefuses(t *testing.T) {
	dir := t.TempDir()
	results := filepath.Join(dir, "results.jsonl")
	os.WriteFile(results, []byte(`{"offer_id":"X","decision":"review","listing_id":"L","probability":0.7,"reasons":["ambiguous"]}`+"\n"), 0o644)
	notResults := filepath.Join(dir, "results.csv")
	os.WriteFile(notResults, []byte("offer_id,decision\nX,review\n"), 0o644)
	offers := filepath.Join(demo, "offers.csv")
	tests := []struct {
		args   []string
		code   int
		want   string
		reason string
	}{
		{[]string{"review", "--offers", offers}, 2, "--results", "no results file"},
		{[]string{"review", "--results", results}, 2, "--offers", "no offers file"},
		{[]string{"review", "--results", results, "--offers", offers, "--addr", "0.0.0.0:8090"}, 2, "not a loopback address", "the page writes the user's files: loopback only"},
		{[]string{"review", "--results", results, "--offers", offers, "--order", "random"}, 2, "--order", "an unknown order"},
		{[]string{"review", "--results", notResults, "--offers", offers}, 1, "line 1: not a result", "a CSV run's output is named with its line"},
		{[]string{"review", "--results", results, "--offers", offers, "--map", demoMap(t), "--index", buildDemoIndex(t)}, 1, "none of the queued offers", "results of another offers file"},
	}
	for _, tt := range tests {
		code, _, stderr := cli(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q (%s)", tt.args[1:], code, stderr, tt.code, tt.want, tt.reason)
		}
	}
}
