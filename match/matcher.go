package match

import (
	"context"
	"errors"
	"fmt"

	"github.com/followmatch/followmatch/imagecmp"
)

// CandidateSource retrieves the listings worth scoring against an offer:
// at most k of the best, plus every listing that shares one of its GTINs.
type CandidateSource interface {
	Candidates(ctx context.Context, offer *Item, k int) ([]*Item, error)
}

// ListingGetter fetches one listing by id; it returns ErrNotFound when
// there is none.
type ListingGetter interface {
	Listing(ctx context.Context, id string) (*Item, error)
}

// ErrNotFound reports a listing id that is not in the catalog.
var ErrNotFound = errors.New("listing not found")

// Fingerprinter reads an image reference (file path or URL) and
// fingerprints it.
type Fingerprinter interface {
	Fingerprint(ctx context.Context, ref string) (imagecmp.Fingerprint, error)
}

// Matcher decides offers against a catalog. Its fields are read-only once
// it is in use, so one Matcher serves concurrent calls.
type Matcher struct {
	Scorer *Scorer
	Source CandidateSource
	Rules  *Rules
	Vocab  *Vocabularies
	// Images fingerprints offer images; nil leaves offers without image
	// evidence unless their records carry fingerprints.
	Images Fingerprinter
}

// Prepare fingerprints the offer's images (when it has none yet) and
// prepares it for scoring. Unreadable images become ImageErrors: neutral
// evidence, not a failure.
func (m *Matcher) Prepare(ctx context.Context, offer *Record) *Item {
	if m.Images != nil && len(offer.Images) > 0 && len(offer.Fingerprints) == 0 {
		r := *offer
		r.ImageErrors = nil
		for _, ref := range offer.Images {
			fp, err := m.Images.Fingerprint(ctx, ref)
			if err != nil {
				r.ImageErrors = append(r.ImageErrors, err.Error())
				continue
			}
			r.Fingerprints = append(r.Fingerprints, fp)
		}
		offer = &r
	}
	return Prepare(offer, m.Vocab)
}

// Match decides one offer. Failures to retrieve candidates become an error
// result; the caller goes on with the next offer.
func (m *Matcher) Match(ctx context.Context, offer *Record) Result {
	it := m.Prepare(ctx, offer)
	listings, err := m.Source.Candidates(ctx, it, m.Scorer.cfg.Candidates)
	if err != nil {
		return ErrorResult(offer.ID, fmt.Errorf("candidates: %w", err))
	}
	return Decide(it, m.scoreAll(it, listings), m.Scorer.cfg, m.Rules)
}

// scoreAll scores the offer against each listing.
func (m *Matcher) scoreAll(offer *Item, listings []*Item) []Scored {
	scored := make([]Scored, 0, len(listings))
	for _, l := range listings {
		scored = append(scored, m.Scorer.Score(offer, l))
	}
	return scored
}

// Explanation is the decision for one offer-listing pair with the full
// score behind it.
type Explanation struct {
	Result Result
	Scored *Scored // nil when no listing was scored
}

// Explain decides the offer against the named listing alone, or against its
// candidates when listingID is empty, and returns the score of the listing
// shown.
func (m *Matcher) Explain(ctx context.Context, offer *Record, listingID string) (Explanation, error) {
	it := m.Prepare(ctx, offer)
	var listings []*Item
	if listingID != "" {
		g, ok := m.Source.(ListingGetter)
		if !ok {
			return Explanation{}, errors.New("explain: the candidate source cannot fetch a listing by id")
		}
		l, err := g.Listing(ctx, listingID)
		if err != nil {
			return Explanation{}, fmt.Errorf("explain: listing %s: %w", listingID, err)
		}
		listings = []*Item{l}
	} else {
		var err error
		listings, err = m.Source.Candidates(ctx, it, m.Scorer.cfg.Candidates)
		if err != nil {
			return Explanation{}, fmt.Errorf("explain: candidates: %w", err)
		}
	}
	scored := m.scoreAll(it, listings)
	res := Decide(it, scored, m.Scorer.cfg, m.Rules)
	ex := Explanation{Result: res}
	show := res.ListingID
	if show == "" && res.Nearest != nil {
		show = res.Nearest.ListingID
	}
	for i := range scored {
		if scored[i].Listing.Rec.ID == show || (show == "" && i == 0) {
			ex.Scored = &scored[i]
			break
		}
	}
	return ex, nil
}
