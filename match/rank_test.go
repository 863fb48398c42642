package match

import (
	"context"
	"math"
	"slices"
	"testing"
)

// TestStandings: a pair's standing is its margin over the best other pair
// of its offer and of its listing, in bands.
func TestStandings(t *testing.T) {
	tests := []struct {
		name     string
		totals   []float64
		vetoed   []bool
		offers   []string
		listings []string
		want     []Level
		reason   string
	}{
		{"one offer, two listings", []float64{9, 2}, []bool{false, false}, []string{"o", "o"}, []string{"a", "b"},
			[]Level{Ahead, Behind}, "7 bits apart: the leader ahead, the other behind"},
		{"alone", []float64{9}, []bool{false}, []string{"o"}, []string{"a"},
			[]Level{Missing}, "no rival: no standing"},
		{"a tie", []float64{5, 4}, []bool{false, false}, []string{"o", "o"}, []string{"a", "b"},
			[]Level{Tied, Tied}, "within 1.5 bits"},
		{"a vetoed rival", []float64{1, 12}, []bool{false, true}, []string{"o", "o"}, []string{"a", "b"},
			[]Level{Ahead, Missing}, "a vetoed listing counts as a rival far behind, however alike; it has no standing itself"},
		{"both sides", []float64{6, 2, 7}, []bool{false, false, false}, []string{"o", "o", "p"}, []string{"a", "b", "a"},
			[]Level{Ahead, SlightlyBehind, Tied}, "pair 0 is 4 ahead of its offer's rival and 1 behind its listing's: 1.5 in the mean; pair 2 has only its listing's rival, 1 behind"},
		{"best on both sides", []float64{9, 2, 3}, []bool{false, false, false}, []string{"o", "o", "p"}, []string{"a", "b", "a"},
			[]Level{AheadBoth, Behind, Behind}, "pair 0 is 7 ahead of its offer's rival and 6 ahead of its listing's: the best listing for its offer and the best offer for its listing"},
		{"far ahead on one side, behind on the other", []float64{20, 0, 25}, []bool{false, false, false}, []string{"o", "o", "p"}, []string{"a", "b", "a"},
			[]Level{Ahead, FarBehind, Ahead}, "pair 0: +20 and -5, ahead in the mean but not the best offer for its listing; pair 2 has only its listing's rival"},
		{"far apart", []float64{20, -5}, []bool{false, false}, []string{"o", "o"}, []string{"a", "b"},
			[]Level{Ahead, FarBehind}, "25 bits"},
	}
	for _, tt := range tests {
		got := Standings(tt.totals, tt.vetoed, tt.offers, tt.listings)
		for i, o := range got {
			if o.Level != tt.want[i] {
				t.Errorf("%s: pair %d = %s (%s), want %s (%s)", tt.name, i, o.Level, o.Evidence, tt.want[i], tt.reason)
			}
		}
	}
}

// TestStandingWeights: the profile keeps its order at any scale, and a
// scale of 0 is silent.
func TestStandingWeights(t *testing.T) {
	for _, scale := range []float64{0, 0.5, 2} {
		w := StandingWeights(scale)
		order := []Level{Ahead, Tied, SlightlyBehind, Behind, FarBehind}
		for i := 1; i < len(order); i++ {
			if w[order[i]] > w[order[i-1]] {
				t.Errorf("scale %v: %s weighs %v, more than %s's %v", scale, order[i], w[order[i]], order[i-1], w[order[i-1]])
			}
		}
		if scale == 0 && w[FarBehind] != 0 {
			t.Errorf("scale 0: %v, want all 0", w)
		}
		if w[Ahead] != 0 {
			t.Errorf("scale %v: ahead weighs %v, want 0 (the offer's item may not be listed)", scale, w[Ahead])
		}
	}
}

// TestStand: a matcher's candidates stand against each other; the one far
// behind loses its weight from the total and the probability, the leader
// keeps its own, and a default config (scale 0) changes nothing.
func TestStand(t *testing.T) {
	vs := testVocab(t)
	offer := Prepare(&Record{Title: "Zenfy Ultra 17 Yoga Mat Blue"}, vs)
	same := Prepare(&Record{Title: "Zenfy Ultra 17 Yoga Mat, Blue"}, vs)
	other := Prepare(&Record{Title: "Zenfy Travel Mat"}, vs)
	cfg := DefaultConfig()
	cfg.Weights["rank"] = StandingWeights(1)
	s := NewScorer(cfg, nil)
	scored := []Scored{s.Score(offer, same), s.Score(offer, other)}
	before := []float64{scored[0].Total, scored[1].Total}
	s.Stand(scored)
	for i, want := range []Level{Ahead, FarBehind} {
		var c *Comparison
		for j := range scored[i].Comparisons {
			if scored[i].Comparisons[j].Attribute == "rank" {
				c = &scored[i].Comparisons[j]
			}
		}
		if c == nil || c.Level != want {
			t.Fatalf("candidate %d: rank %+v, want %s (totals %v)", i, c, want, before)
		}
		if got := scored[i].Total - before[i]; math.Abs(got-c.Weight) > 1e-9 || (i == 1) != (c.Weight < 0) {
			t.Errorf("candidate %d: total moved %v, rank weight %v: want the sibling's weight negative, the leader's 0", i, got, c.Weight)
		}
		if len(scored[i].Vetoes) == 0 && math.Abs(scored[i].Probability-Probability(scored[i].Total)) > 1e-12 {
			t.Errorf("candidate %d: probability %v is not the total's %v", i, scored[i].Probability, Probability(scored[i].Total))
		}
	}
	// A rival that is vetoed is no measure of the margin: the explanation
	// says so instead of a clamped number.
	red := Prepare(&Record{Title: "Zenfy Ultra 17 Yoga Mat Red", Color: "Red"}, vs)
	withVeto := []Scored{s.Score(offer, same), s.Score(offer, red)}
	if len(withVeto[1].Vetoes) == 0 {
		t.Fatalf("the red mat is not vetoed: %+v", withVeto[1].Comparisons)
	}
	s.Stand(withVeto)
	for _, c := range withVeto[0].Comparisons {
		if c.Attribute == "rank" && c.Evidence != "the offer's rivals all vetoed or 30 bits behind" {
			t.Errorf("rank evidence against a vetoed rival: %q", c.Evidence)
		}
	}
	d := NewScorer(DefaultConfig(), nil)
	plain := []Scored{d.Score(offer, same), d.Score(offer, other)}
	totals := []float64{plain[0].Total, plain[1].Total}
	d.Stand(plain)
	if plain[0].Total != totals[0] || plain[1].Total != totals[1] {
		t.Errorf("default config: totals %v -> %v, want unchanged (the hand-set rank weights are 0)", totals, []float64{plain[0].Total, plain[1].Total})
	}
}

// TestStandingKeepsAmbiguity: a sibling listing that differs in a variant
// the offer leaves out stays a reason to ask the seller, however far its
// title stands behind: its standing is no evidence of which variant the
// offer is.
func TestStandingKeepsAmbiguity(t *testing.T) {
	m := newTestMatcher(t, Policy{}, Seller{}, watchGray, watchRed)
	cfg := DefaultConfig()
	cfg.Weights["rank"] = StandingWeights(2)
	m.Scorer = NewScorer(cfg, nil)
	tr, err := m.Trace(context.Background(), &Record{ID: "o", Brand: "Zenfy", Title: "ZENFY FLEX 32 SMART WATCH 40MM"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Scored) != 2 || tr.Scored[1].Standing >= 0 {
		t.Fatalf("the red sibling's standing %+v, want a weight against it (the test needs a sibling behind)", tr.Scored)
	}
	if r := tr.Result; r.Decision != Review || !slices.Contains(r.Reasons, ReasonAmbiguous) {
		t.Errorf("decision %s %v, want review ambiguous: the offer names no color", r.Decision, r.Reasons)
	}
}
