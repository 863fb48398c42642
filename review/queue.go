// Package review serves the review page: the decisions of a run worth a
// person's look, one card at a time (offer and listing side by side, the
// evidence as bars), each answer appended to a labels file that tune reads,
// and a re-tune that shows how the queue's decisions change.
package review

import (
	"fmt"
	"sort"

	"github.com/followmatch/followmatch/eval"
	"github.com/followmatch/followmatch/match"
)

// Band is how near, in log-odds (nats), a decision's probability must be to
// the match or the review threshold for an eligible, blocked or no_match
// decision to be queued: 3 nats is odds 20 times higher or lower.
const Band = 3.0

// Item is one decision in the queue: the offer and the listing a person is
// asked about.
type Item struct {
	Offer       string         `json:"offer_id"`
	Listing     string         `json:"listing_id"`
	Decision    match.Decision `json:"decision"`
	Probability float64        `json:"probability"`
	// Why says why the decision is worth a look.
	Why string `json:"why"`
	// dist orders the queue (eval.Distance): the smaller, the more a label
	// tells.
	dist  float64
	group int
}

// Queue returns the decisions of results worth a person's look: every
// review, and the eligible, blocked and no_match decisions within Band of
// a threshold of cfg. They come in order (eval.Distance, nearest the
// match threshold first; with eval.OrderReviewFirst the reviews before the
// rest), as benchmarks/active measures what labels given in that order
// buy. A result with no listing to show (no candidate) and an error are
// left out.
func Queue(results []match.Result, cfg *match.Config, order eval.Order) []Item {
	var out []Item
	for _, r := range results {
		listing, p := shown(r)
		if listing == "" || r.Decision == match.Error {
			continue
		}
		it := Item{Offer: r.OfferID, Listing: listing, Decision: r.Decision, Probability: p, dist: eval.Distance(p, cfg)}
		switch {
		case r.Decision == match.Review:
			it.Why = "review"
			if len(r.Reasons) > 0 {
				it.Why = fmt.Sprintf("review: %s", r.Reasons[0])
			}
		case it.dist <= Band:
			it.Why = fmt.Sprintf("%s near the match threshold", r.Decision)
		case eval.Nats(p, cfg.ReviewThreshold) <= Band:
			it.Why = fmt.Sprintf("%s near the review threshold", r.Decision)
		default:
			continue
		}
		if order == eval.OrderReviewFirst && r.Decision != match.Review {
			it.group = 1
		}
		out = append(out, it)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.group != b.group {
			return a.group < b.group
		}
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		return a.Offer < b.Offer
	})
	return out
}

// shown returns the listing a person is asked about and the pair's
// probability: the decided listing, else the nearest of a no_match, else
// the best alternative.
func shown(r match.Result) (string, float64) {
	switch {
	case r.ListingID != "":
		return r.ListingID, r.Probability
	case r.Nearest != nil && r.Nearest.ListingID != "":
		return r.Nearest.ListingID, r.Nearest.Probability
	case len(r.Alternatives) > 0:
		return r.Alternatives[0].ListingID, r.Alternatives[0].Probability
	}
	return "", 0
}
