package review

import (
	"slices"
	"testing"

	"github.com/followmatch/followmatch/match"
)

func TestQueue(t *testing.T) {
	cfg := match.DefaultConfig()
	cfg.MatchThreshold, cfg.ReviewThreshold = 0.9, 0.5
	results := []match.Result{
		{OfferID: "far-yes", Decision: match.Eligible, ListingID: "L1", Probability: 0.99999},
		{OfferID: "near-yes", Decision: match.Eligible, ListingID: "L2", Probability: 0.93},
		{OfferID: "review", Decision: match.Review, ListingID: "L3", Probability: 0.7, Reasons: []string{"ambiguous"}},
		{OfferID: "near-no", Decision: match.NoMatch, Nearest: &match.Nearest{ListingID: "L4", Probability: 0.3, Mismatches: []string{"size"}}},
		{OfferID: "far-no", Decision: match.NoMatch, Nearest: &match.Nearest{ListingID: "L5", Probability: 0.0001}},
		{OfferID: "none", Decision: match.NoMatch, Reasons: []string{"no_candidate"}},
		{OfferID: "err", Decision: match.Error, Error: "row 3: bad"},
		{OfferID: "runner", Decision: match.Eligible, ListingID: "L6", Probability: 0.99999,
			Alternatives: []match.Alternative{{ListingID: "L7", Probability: 0.99999}}},
		{OfferID: "vetoed-runner", Decision: match.Eligible, ListingID: "L8", Probability: 0.99999,
			Alternatives: []match.Alternative{{ListingID: "L9", Probability: 0.99998, Mismatches: []string{"color"}}}},
	}
	q := Queue(results, cfg)
	var got []string
	for _, it := range q {
		got = append(got, it.Offer)
	}
	// A review first; then the runner-up tie (0 nats apart), then the
	// eligible at 0.93 (0.39 nats from 0.9), then the no_match at 0.3
	// (0.85 nats from 0.5).
	want := []string{"review", "runner", "near-yes", "near-no"}
	if !slices.Equal(got, want) {
		t.Fatalf("queue %v, want %v", got, want)
	}
	tests := []struct {
		offer, listing, why string
		reason              string
	}{
		{"review", "L3", "review: ambiguous", "a review says its reason"},
		{"runner", "L6", "eligible, but listing L7 is nearly as likely", "disagreement names the runner-up"},
		{"near-no", "L4", "no_match near a threshold", "a no_match shows its nearest listing"},
	}
	for _, tt := range tests {
		i := slices.IndexFunc(q, func(it Item) bool { return it.Offer == tt.offer })
		if q[i].Listing != tt.listing || q[i].Why != tt.why {
			t.Errorf("%s: listing %s, why %q; want %s, %q (%s)", tt.offer, q[i].Listing, q[i].Why, tt.listing, tt.why, tt.reason)
		}
	}
}
