package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadResults(t *testing.T) {
	tests := []struct {
		name, text string
		want       int    // results read
		err        string // part of the error, "" for none
		reason     string
	}{
		{"two", `{"offer_id":"A","decision":"eligible","listing_id":"L1","probability":0.99,"reasons":[]}` + "\n\n" +
			`{"offer_id":"B","decision":"no_match","probability":0,"reasons":["no_candidate"]}` + "\n" +
			`{"offer_id":"","decision":"error","probability":0,"reasons":[],"error":"row 42, field id: missing"}` + "\n", 3, "", "blank lines are no results; a row without an id is an error result"},
		{"csv", "offer_id,decision\nA,eligible\n", 0, "line 1: not a result", "a CSV run's output is named, not misread"},
		{"no id", `{"decision":"review"}`, 0, "line 1: no offer_id", "a result needs its offer"},
		{"no decision", `{"offer_id":"A"}` + "\n", 0, "offer A: no decision", "a result needs its decision"},
	}
	for _, tt := range tests {
		path := filepath.Join(t.TempDir(), "r.jsonl")
		if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		rs, err := ReadResults(path)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), path) {
				t.Errorf("%s: error %v, want one naming %s and %q (%s)", tt.name, err, path, tt.err, tt.reason)
			}
			continue
		}
		if err != nil || len(rs) != tt.want {
			t.Errorf("%s: %d results, %v; want %d (%s)", tt.name, len(rs), err, tt.want, tt.reason)
		}
	}
	if _, err := ReadResults(filepath.Join(t.TempDir(), "none.jsonl")); err == nil {
		t.Error("a missing file reads without error")
	}
}
