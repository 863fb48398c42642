package match

import (
	"context"
	"errors"
	"fmt"
	"time"

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
	// ImageBudget bounds the image work per offer.
	ImageBudget ImageBudget
	// Known are the config's known products, prepared (NewKnown); nil
	// when it names none.
	Known *Known
}

// ImageBudget bounds the image work for one record: a slow or unreadable
// image is neutral evidence, never a request past its deadline.
type ImageBudget struct {
	// Timeout bounds the time spent on one record's images (0: only the
	// caller's context bounds it).
	Timeout time.Duration
	// Max is how many of a record's images are read (0: all).
	Max int
}

// Fingerprint returns the record with the fingerprints of its images, read
// with fp within the budget, when it has images not read yet (no
// fingerprints and no image errors: a record read once, by a coordinator
// that sends it to workers, is not read again); otherwise the record
// itself. Images that cannot be read (or are past the
// budget) are named in ImageErrors: neutral evidence, not a failure. The
// record passed in is not modified.
func Fingerprint(ctx context.Context, fp Fingerprinter, r *Record, b ImageBudget) *Record {
	if fp == nil || len(r.Images) == 0 || len(r.Fingerprints) > 0 || len(r.ImageErrors) > 0 {
		return r
	}
	if b.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, b.Timeout)
		defer cancel()
	}
	c := *r
	c.Fingerprints, c.ImageErrors = nil, nil
	for i, ref := range r.Images {
		if b.Max > 0 && i >= b.Max {
			c.ImageErrors = append(c.ImageErrors, fmt.Sprintf("image %s: skipped: only the first %d images of a record are read", ref, b.Max))
			continue
		}
		if err := ctx.Err(); err != nil {
			c.ImageErrors = append(c.ImageErrors, fmt.Sprintf("image %s: skipped: out of time for this record's images", ref))
			continue
		}
		f, err := fp.Fingerprint(ctx, ref)
		if err != nil {
			c.ImageErrors = append(c.ImageErrors, err.Error())
			continue
		}
		c.Fingerprints = append(c.Fingerprints, f)
	}
	return &c
}

// Prepare fingerprints the offer's images (when it has none yet) and
// prepares it for scoring.
func (m *Matcher) Prepare(ctx context.Context, offer *Record) *Item {
	return Prepare(Fingerprint(ctx, m.Images, offer, m.ImageBudget), m.Vocab)
}

// Trace is one offer's way through the match path: the prepared offer, the
// candidates scored (best first) and the decision. Match, Explain and
// catalog-mode evaluation all read it.
type Trace struct {
	Offer *Item
	// Scored holds every candidate's score, in Rank's order.
	Scored []Scored
	Result Result
}

// Trace runs the match path for one offer: prepare, retrieve candidates (or
// take the named listing alone when listingID is set), score, decide.
func (m *Matcher) Trace(ctx context.Context, offer *Record, listingID string) (t *Trace, err error) {
	defer func() {
		// A panic below (a damaged index read mid-run) costs this offer an
		// error result, not the run.
		if p := recover(); p != nil {
			t, err = nil, fmt.Errorf("internal error (is the index damaged? rebuild it): %v", p)
		}
	}()
	it := m.Prepare(ctx, offer)
	var listings []*Item
	if listingID != "" {
		g, ok := m.Source.(ListingGetter)
		if !ok {
			return nil, errors.New("the candidate source cannot fetch a listing by id")
		}
		l, err := g.Listing(ctx, listingID)
		if err != nil {
			return nil, fmt.Errorf("listing %s: %w", listingID, err)
		}
		listings = []*Item{l}
	} else {
		var err error
		if listings, err = m.Source.Candidates(ctx, it, m.Scorer.cfg.Candidates); err != nil {
			return nil, fmt.Errorf("candidates: %w", err)
		}
	}
	scored := make([]Scored, len(listings))
	for i, l := range listings {
		scored[i] = m.Scorer.Score(it, l)
	}
	m.Scorer.Stand(scored) // each candidate against the others
	m.Scorer.Know(m.Known, it, scored)
	rankInPlace(scored) // scored is ours: no copy
	t = &Trace{Offer: it, Scored: scored}
	t.Result = decideRanked(it, t.Scored, m.Scorer.cfg, m.Rules)
	return t, nil
}

// Match decides one offer. Failures to retrieve candidates become an error
// result; the caller goes on with the next offer.
func (m *Matcher) Match(ctx context.Context, offer *Record) Result {
	t, err := m.Trace(ctx, offer, "")
	if err != nil {
		return ErrorResult(offer.ID, err)
	}
	return t.Result
}

// Anchors scores each offer's candidates and gathers the anchors among the
// offers' best candidates not vetoed (Config.Calibrated): what a catalog's
// run is calibrated by. The best, as the fit's anchors were read: an
// offer's code is shared by its item's accessories and siblings among its
// candidates too. Images are not read for it (an anchor's rest leaves the
// image comparison out). An offer whose candidates cannot be read is
// skipped; the run reports it.
func (m *Matcher) Anchors(ctx context.Context, offers []*Record) (Anchors, error) {
	c := *m
	c.Images = nil
	var a Anchors
	for _, o := range offers {
		if err := ctx.Err(); err != nil {
			return a, err
		}
		t, err := c.Trace(ctx, o, "")
		if err != nil {
			continue
		}
		for i := range t.Scored {
			if len(t.Scored[i].Vetoes) == 0 {
				a.Add(&t.Scored[i]) // ranked: the best not vetoed
				break
			}
		}
	}
	return a, nil
}

// WithSeller returns a matcher that decides for another seller under the
// same policy.
func (m *Matcher) WithSeller(s Seller) *Matcher {
	c := *m
	c.Rules = m.Rules.WithSeller(s)
	return &c
}

// Explanation is the decision for one offer with the evidence behind it:
// the waterfall of the listing shown (the decided one, or the nearest of a
// no_match, or the best candidate).
type Explanation struct {
	Result Result `json:"result"`
	// Waterfall is nil when no listing was scored.
	Waterfall *Waterfall `json:"waterfall,omitempty"`
}

// Waterfall adds the evidence for one offer-listing pair up from the prior
// to the total, one step per attribute, then the decision.
type Waterfall struct {
	ListingID string  `json:"listing_id"`
	Prior     float64 `json:"prior"`
	Steps     []Step  `json:"steps"`
	Total     float64 `json:"total"`
	// Probability is the total's probability before any veto.
	Probability float64 `json:"probability"`
	// Vetoes names the attributes that make the pair different items.
	Vetoes   []string `json:"vetoes,omitempty"`
	Decision Decision `json:"decision"`
	// Listing is the listing's record.
	Listing *Record `json:"-"`
}

// Step is one attribute's evidence in a waterfall and the running total
// after it.
type Step struct {
	Comparison
	Running float64 `json:"running_total"`
}

// Explain decides the offer against the named listing alone, or against its
// candidates when listingID is empty, and returns the waterfall of the
// listing shown.
func (m *Matcher) Explain(ctx context.Context, offer *Record, listingID string) (Explanation, error) {
	t, err := m.Trace(ctx, offer, listingID)
	if err != nil {
		return Explanation{}, fmt.Errorf("explain: %w", err)
	}
	return t.Explain(), nil
}

// Explain builds the explanation of a trace.
func (t *Trace) Explain() Explanation {
	ex := Explanation{Result: t.Result}
	show := t.Result.ListingID
	if show == "" && t.Result.Nearest != nil {
		show = t.Result.Nearest.ListingID
	}
	for i := range t.Scored {
		if s := &t.Scored[i]; s.Listing.Rec.ID == show || (show == "" && i == 0) {
			ex.Waterfall = s.waterfall(t.Result.Decision)
			break
		}
	}
	return ex
}

func (s *Scored) waterfall(d Decision) *Waterfall {
	w := &Waterfall{
		ListingID: s.Listing.Rec.ID, Listing: s.Listing.Rec, Prior: s.Prior, Total: s.Total,
		Probability: Probability(s.Total), Vetoes: s.Vetoes, Decision: d,
		Steps: make([]Step, len(s.Comparisons)),
	}
	run := s.Prior
	for i, c := range s.Comparisons {
		run += c.Weight
		w.Steps[i] = Step{Comparison: c, Running: run}
	}
	return w
}
