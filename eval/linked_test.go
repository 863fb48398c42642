package eval

import (
	"errors"
	"fmt"
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

// TestLearnAbbreviations: a short word of offer titles that no listing has
// and that spells one word the listing adds is learned when seen twice; a
// word listings have is never an abbreviation.
func TestLearnAbbreviations(t *testing.T) {
	vs, err := match.LoadVocabularies()
	if err != nil {
		t.Fatal(err)
	}
	ds := &Dataset{A: map[string]*match.Record{}, B: map[string]*match.Record{}, splits: map[string][]Pair{}}
	var pairs []Pair
	for i, titles := range [][2]string{
		{"ACME TRVLR MUG 16OZ", "Acme Traveler Mug 16 oz"},
		{"ACME TRVLR BOTTLE", "Acme Traveler Bottle"},
		{"ACME MUG BLACK", "Acme Mug Black Steel"},
		{"ACME ONCE MUG", "Acme Mug Ounce"}, // "once" is seen once: no evidence
	} {
		a, b := fmt.Sprintf("o%d", i), fmt.Sprintf("l%d", i)
		ds.A[a] = &match.Record{ID: a, Title: titles[0]}
		ds.B[b] = &match.Record{ID: b, Title: titles[1]}
		ds.BOrder = append(ds.BOrder, b)
		pairs = append(pairs, Pair{A: a, B: b, Match: true})
	}
	ev := NewEvaluator(ds, vs)
	words, counts := ev.LearnAbbreviations(pairs, 2)
	if len(words) != 1 || words["trvlr"] != "traveler" || len(counts) != 1 || counts[0].Pairs != 2 {
		t.Errorf("learned %v (%v), want only trvlr -> traveler from 2 pairs", words, counts)
	}
}

// TestSelfTuneTooFew: a fit on fewer than MinLinked links says so.
func TestSelfTuneTooFew(t *testing.T) {
	vs, err := match.LoadVocabularies()
	if err != nil {
		t.Fatal(err)
	}
	one := []Linked{{Offer: &match.Record{ID: "o1"}, Scored: []match.Scored{{Listing: &match.Item{Rec: &match.Record{ID: "L1"}},
		Comparisons: []match.Comparison{{Attribute: "gtin", Level: match.Exact}}}}}}
	_, rep, err := SelfTune("t", one, nil, nil, nil, vs, match.DefaultConfig())
	if !errors.Is(err, ErrTooFewLinked) || rep.Linked.Positives != 1 {
		t.Errorf("err %v, linked %+v; want ErrTooFewLinked after 1 link", err, rep.Linked)
	}
}
