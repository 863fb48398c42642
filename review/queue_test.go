package review

import (
	"slices"
	"testing"

	"github.com/followmatch/followmatch/eval"
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
		{OfferID: "tie", Decision: match.Eligible, ListingID: "L6", Probability: 0.99999,
			Alternatives: []match.Alternative{{ListingID: "L7", Probability: 0.99999}}},
	}
	orders := []struct {
		order  eval.Order
		want   []string
		reason string
	}{
		{eval.OrderReviewFirst, []string{"review", "near-yes", "near-no"},
			"the review first, then by distance to the match threshold: 0.93 is 0.39 nats from 0.9, 0.3 is 3.05"},
		{eval.OrderUncertain, []string{"near-yes", "review", "near-no"},
			"by distance alone: the review at 0.7 is 1.35 nats from 0.9"},
	}
	for _, tt := range orders {
		var got []string
		for _, it := range Queue(results, cfg, tt.order) {
			got = append(got, it.Offer)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: queue %v, want %v (%s); far, certain, listing-less and error results stay out", tt.order, got, tt.want, tt.reason)
		}
	}
	q := Queue(results, cfg, eval.OrderReviewFirst)
	items := []struct {
		offer, listing, why string
		reason              string
	}{
		{"review", "L3", "review: ambiguous", "a review says its reason"},
		{"near-yes", "L2", "eligible near the match threshold", "a decision says which threshold it is near"},
		{"near-no", "L4", "no_match near the review threshold", "a no_match shows its nearest listing"},
	}
	for _, tt := range items {
		i := slices.IndexFunc(q, func(it Item) bool { return it.Offer == tt.offer })
		if i < 0 || q[i].Listing != tt.listing || q[i].Why != tt.why {
			t.Errorf("%s: %+v; want listing %s, why %q (%s)", tt.offer, q, tt.listing, tt.why, tt.reason)
		}
	}
}
