package match

import (
	"strings"
	"testing"
)

// knownCassettes are two sibling products a person labeled: two shops'
// records each.
func knownCassettes() []KnownProduct {
	return []KnownProduct{
		{{ID: "k1", Brand: "Shimano", Title: "Shimano Deore XT CS-M8000 11-speed cassette 11-46T"}, {ID: "k2", Title: "XT M8000 11 Speed Cassette 11-46"}},
		{{ID: "k3", Brand: "Shimano", Title: "Shimano Deore XT CS-M8100 12-speed cassette 10-51T"}, {ID: "k4", Title: "XT M8100 12 Speed Cassette 10-51"}},
	}
}

// TestKnownPlace: a record is of the known product whose record the
// matcher would match it to, and of none when it is like none of them
// (a product the labels never saw).
func TestKnownPlace(t *testing.T) {
	vs := testVocab(t)
	k := NewKnown(knownCassettes(), vs)
	s := NewScorer(DefaultConfig(), nil)
	tests := []struct {
		title     string
		asListing bool
		want      int
		reason    string
	}{
		{"Shimano XT CS-M8000 Cassette 11-46T 11-fach", false, 0, "the M8000's code and range: the first product"},
		{"Shimano XT CS-M8100 Cassette 10-51T 12-fach", true, 1, "the M8100's, as a listing too"},
		{"Canon EF 50mm f/1.8 STM Lens", false, -1, "like no labeled product: unplaced"},
		{"", false, -1, "no title: unplaced"},
	}
	for _, tt := range tests {
		p := k.Place(s, Prepare(&Record{Title: tt.title}, vs), tt.asListing)
		if p.Product != tt.want {
			t.Errorf("%q: product %d (like %q, %+.1f bits), want %d (%s)", tt.title, p.Product, p.Like, p.Total, tt.want, tt.reason)
		}
	}
	var none *Known
	if p := none.Place(s, Prepare(&Record{Title: "XT M8000"}, vs), false); p.Product != -1 {
		t.Errorf("nil Known placed a record: %+v", p)
	}
}

// TestKnownOutcome: two placed records of one product are the same
// product, of two other products; an unplaced one says nothing.
func TestKnownOutcome(t *testing.T) {
	at := func(p int) Placement { return Placement{Product: p, Total: 5, Like: "a known title"} }
	tests := []struct {
		a, b   Placement
		want   Level
		reason string
	}{
		{at(3), at(3), SameProduct, "both like product 3"},
		{at(3), at(4), OtherProducts, "like two products the labels tell apart"},
		{at(3), at(-1), Missing, "the listing like none: a product the labels never saw"},
		{at(-1), at(-1), Missing, "neither placed"},
	}
	for _, tt := range tests {
		o := KnownOutcome(tt.a, tt.b)
		if o.Level != tt.want {
			t.Errorf("%d, %d: %s, want %s (%s)", tt.a.Product, tt.b.Product, o.Level, tt.want, tt.reason)
		}
		if o.Attribute != "known" {
			t.Errorf("outcome names %q, want known", o.Attribute)
		}
	}
}

// TestKnow: under a config that weighs the known levels, a matcher's
// candidate of the offer's labeled product gains the weight and its
// sibling loses it, with the titles they were like shown; a config that
// weighs neither (the defaults) changes nothing.
func TestKnow(t *testing.T) {
	vs := testVocab(t)
	k := NewKnown(knownCassettes(), vs)
	offer := Prepare(&Record{ID: "o", Title: "Shimano XT CS-M8000 Kassette 11-46T"}, vs)
	listings := []*Item{
		Prepare(&Record{ID: "l1", Brand: "Shimano", Title: "Shimano Deore XT M8000 11-speed cassette, 11-46T"}, vs),
		Prepare(&Record{ID: "l2", Brand: "Shimano", Title: "Shimano Deore XT M8100 12-speed cassette, 10-51T"}, vs),
	}
	score := func(cfg *Config) []Scored {
		s := NewScorer(cfg, nil)
		out := make([]Scored, len(listings))
		for i, l := range listings {
			out[i] = s.Score(offer, l)
		}
		s.Know(k, offer, out)
		return out
	}
	plain := score(DefaultConfig())
	cfg := DefaultConfig()
	cfg.Weights["known"] = map[Level]float64{SameProduct: 3, OtherProducts: -2}
	got := score(cfg)
	want := []struct {
		level Level
		delta float64
	}{{SameProduct, 3}, {OtherProducts, -2}}
	for i, w := range want {
		c := got[i].Comparisons[len(got[i].Comparisons)-1]
		if len(got[i].Vetoes) > 0 {
			// A vetoed candidate is another item already: not placed.
			if i == 0 || c.Level != Missing {
				t.Errorf("listing %d: vetoed by %v, known %s", i, got[i].Vetoes, c.Level)
			}
			continue
		}
		if c.Attribute != "known" || c.Level != w.level || c.Weight != w.delta {
			t.Errorf("listing %d: %+v, want known %s at %v", i, c, w.level, w.delta)
		}
		if d := got[i].Total - plain[i].Total; d != w.delta {
			t.Errorf("listing %d: total moved %v, want %v", i, d, w.delta)
		}
		if !strings.Contains(c.Evidence, "labeled product") || c.Offer == "" || c.Listing == "" {
			t.Errorf("listing %d: evidence %q (%q | %q), want the known titles and why", i, c.Evidence, c.Offer, c.Listing)
		}
		if plain[i].Comparisons[len(plain[i].Comparisons)-1].Level != Missing {
			t.Errorf("listing %d: the defaults set the known level", i)
		}
	}
}

// TestKnownValidate: a known product without records, or a record without
// a title, fails the config's load.
func TestKnownValidate(t *testing.T) {
	tests := []struct {
		json   string
		want   string
		reason string
	}{
		{`{"known_products": [[]]}`, "without records", "an empty product"},
		{`{"known_products": [[{"id": "x", "brand": "Acme"}]]}`, "without a title", "a record the matcher cannot place against"},
		{`{"known_products": [[{"id": "x", "title": "Acme Anvil"}]]}`, "", "a product of one record"},
	}
	for _, tt := range tests {
		_, err := DecodeConfig(strings.NewReader(tt.json))
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v, want no error (%s)", tt.json, err, tt.reason)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: %v, want an error with %q (%s)", tt.json, err, tt.want, tt.reason)
		}
	}
}

// TestKnownListingReplaced: a listing's cached placement follows its title
// when the catalog rewrites it under the same id.
func TestKnownListingReplaced(t *testing.T) {
	vs := testVocab(t)
	k := NewKnown(knownCassettes(), vs)
	s := NewScorer(DefaultConfig(), nil)
	first := k.placeListing(s, Prepare(&Record{ID: "L", Title: "Shimano XT CS-M8000 Cassette 11-46T"}, vs))
	again := k.placeListing(s, Prepare(&Record{ID: "L", Title: "Canon EF 50mm f/1.8 STM Lens"}, vs))
	if first.Product != 0 || again.Product != -1 {
		t.Errorf("placements %d then %d, want 0 (the M8000) then -1 (rewritten as a lens)", first.Product, again.Product)
	}
}

// TestScoreStaysOnTheStack: a scored pair's outcomes fit the stack buffer
// Score keeps them in (maxAttributes): one attribute more than it holds
// sends every pair's outcomes to the heap.
func TestScoreStaysOnTheStack(t *testing.T) {
	if len(attributes) > maxAttributes {
		t.Fatalf("%d attributes, more than maxAttributes (%d): raise it", len(attributes), maxAttributes)
	}
	vs := testVocab(t)
	s := NewScorer(DefaultConfig(), nil)
	a := Prepare(&Record{Brand: "Duracell", Title: "Duracell Coppertop AA Alkaline Batteries, 8 Count"}, vs)
	b := Prepare(&Record{Brand: "Duracell", Title: "DURACELL COPPERTOP AA 8CT"}, vs)
	// What a scored pair returns: its comparisons (one slice) and the
	// strings of a few evidence lines.
	allocs := testing.AllocsPerRun(50, func() { s.Score(a, b) })
	withOne := func() float64 {
		big := make([]Outcome, 0, len(attributes)-1)
		return testing.AllocsPerRun(50, func() { s.Weigh(b, s.compareInto(big[:0], a, b)) })
	}()
	if allocs >= withOne {
		t.Errorf("Score allocates %v per pair, as many as with a buffer one outcome short (%v): its outcomes went to the heap", allocs, withOne)
	}
}
