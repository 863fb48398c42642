package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/followmatch/followmatch/match"
)

func TestReadLabels(t *testing.T) {
	tests := []struct {
		name, csv string
		want      int
		err       string
		reason    string
	}{
		{"good", "offer_id,listing_id,label\nS1,L1,1\nS2,L9,0\n", 2, "", "two labels"},
		{"columns in any order", "label,listing_id,offer_id\n1,L1,S1\n", 1, "", "read by header"},
		{"bad label", "offer_id,listing_id,label\nS1,L1,yes\n", 0, "row 2, field label", "only 1 or 0"},
		{"missing listing", "offer_id,listing_id,label\nS1,,1\n", 0, "row 2, field listing_id: missing", "a label names both"},
		{"no label column", "offer_id,listing_id\nS1,L1\n", 0, "no label column", "the header says what is missing"},
	}
	for _, tt := range tests {
		p := filepath.Join(t.TempDir(), "labels.csv")
		if err := os.WriteFile(p, []byte(tt.csv), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadLabels(p)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: err %v, want one naming %q (%s)", tt.name, err, tt.err, tt.reason)
		case tt.err == "" && (err != nil || len(got) != tt.want):
			t.Errorf("%s: %d labels, err %v; want %d (%s)", tt.name, len(got), err, tt.want, tt.reason)
		}
	}
	if _, err := ReadLabels(filepath.Join(t.TempDir(), "none.csv")); err == nil {
		t.Error("a missing labels file is no error")
	}
}

// TestAddLabels: a label replaces the free pair of the same offer and
// listing, weighs LabelWeight pairs in train, and one naming an unknown
// record is reported, not used.
func TestAddLabels(t *testing.T) {
	ds := &Dataset{A: map[string]*match.Record{"o1": {ID: "o1"}}, B: map[string]*match.Record{"L1": {ID: "L1"}},
		splits: map[string][]Pair{"train": {{A: "o1", B: "L1", Match: true}}, "valid": {}, "test": {}}}
	extra := map[string]*match.Record{"o2": {ID: "o2"}, "L2": {ID: "L2"}}
	lookup := func(id string) *match.Record { return extra[id] }
	used, unknown := ds.AddLabels([]Pair{{A: "o1", B: "L1", Match: false}, {A: "o2", B: "L2", Match: true}, {A: "o3", B: "L1", Match: true}}, lookup, lookup)
	if used != 2 || len(unknown) != 1 || unknown[0].A != "o3" {
		t.Fatalf("used %d, unknown %v; want 2 used and o3 unknown", used, unknown)
	}
	train, _ := ds.Split("train")
	counts := map[Pair]int{}
	for _, p := range train {
		counts[p]++
	}
	if counts[Pair{A: "o1", B: "L1", Match: true}] != 0 || counts[Pair{A: "o1", B: "L1", Match: false}] != LabelWeight || counts[Pair{A: "o2", B: "L2", Match: true}] != LabelWeight {
		t.Errorf("train %v: want the person's label in place of the free pair, %d times each", counts, LabelWeight)
	}
}
