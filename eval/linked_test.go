package eval

import (
	"testing"

	"github.com/followmatch/followmatch/match"
)

// TestLinkedDataset: a GTIN that names one candidate makes a match, the
// candidates of another GTIN non-matches; an offer whose GTIN names none
// or several listings gives no pairs.
func TestLinkedDataset(t *testing.T) {
	scored := func(id string, gtin match.Level) match.Scored {
		return match.Scored{Listing: &match.Item{Rec: &match.Record{ID: id}}, Comparisons: []match.Comparison{{Attribute: "gtin", Level: gtin}}}
	}
	linked := []Linked{
		{Offer: &match.Record{ID: "o1"}, Scored: []match.Scored{scored("L1", match.Exact), scored("L2", match.Conflict), scored("L3", match.Missing)}},
		{Offer: &match.Record{ID: "o2"}, Scored: []match.Scored{scored("L1", match.Conflict), scored("L2", match.Conflict)}},
		{Offer: &match.Record{ID: "o3"}, Scored: []match.Scored{scored("L4", match.Exact), scored("L5", match.Exact)}},
	}
	ds, c := LinkedDataset("t", linked)
	if c != (LinkedCounts{Offers: 3, WithGTIN: 1, Positives: 1, Negatives: 1}) {
		t.Errorf("counts %+v, want 3 offers, 1 linked, 1 match, 1 non-match (L3 has no GTIN: no label)", c)
	}
	var pairs []Pair
	for _, s := range []string{"train", "valid", "test"} {
		p, err := ds.Split(s)
		if err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, p...)
	}
	want := map[Pair]bool{{A: "o1", B: "L1", Match: true}: true, {A: "o1", B: "L2", Match: false}: true}
	if len(pairs) != len(want) {
		t.Fatalf("pairs %v, want %v", pairs, want)
	}
	for _, p := range pairs {
		if !want[p] {
			t.Errorf("unexpected pair %+v", p)
		}
	}
	if ds.A["o1"] == nil || ds.B["L1"] == nil || ds.B["L2"] == nil || ds.A["o2"] != nil {
		t.Errorf("records: offers %v listings %v; want o1 and L1, L2 only", ds.A, ds.B)
	}
}
