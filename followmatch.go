// Package followmatch is the Go API of followmatch: open (or create) a
// listing index, keep it current, and decide offers against it with a
// scoring config, a marketplace policy and a seller.
//
// An Engine is safe for concurrent use: matches run in parallel with each
// other and with listing updates, and an update is visible to every match
// that starts after it returns.
//
//	e, err := followmatch.Open(ctx, "catalog.idx", followmatch.Options{Policy: policy, Seller: seller})
//	...
//	res := e.Match(ctx, &match.Record{ID: "SKU-1", Title: "...", GTINs: []string{"..."}})
//
// The records, results and rules are those of package match; files are
// read with package catalog.
package followmatch

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/followmatch/followmatch/imagecmp/imageload"
	"github.com/followmatch/followmatch/index"
	"github.com/followmatch/followmatch/match"
)

// Options configure an Engine. The zero value uses the default config, no
// marketplace rules, an empty seller and the user's image cache.
type Options struct {
	// Config holds the weights and thresholds (match.DefaultConfig when nil).
	Config *match.Config
	// Policy and Seller are the marketplace rules and the default seller.
	Policy match.Policy
	Seller match.Seller
	// ImageCacheDir caches fetched image fingerprints by URL; "" uses
	// imageload.DefaultCacheDir, "-" disables the cache.
	ImageCacheDir string
	// ReadOnly opens the index for matching only (several processes may
	// read one index); Upsert and Delete then fail.
	ReadOnly bool
	// ImageAccess says which image files and URLs offers and listings may
	// name. Its zero value, the safe one for a service, reads no local
	// file and fetches from public addresses only.
	ImageAccess imageload.Access
	// ImageFetches bounds the image URLs fetched at once (4 when 0).
	ImageFetches int
	// ImageBudget bounds the image work for one record (see
	// match.ImageBudget); unset, only the caller's context bounds it.
	ImageBudget match.ImageBudget
}

// Engine decides offers against one listing index.
type Engine struct {
	ix      *index.Index
	matcher *match.Matcher
	vocab   *match.Vocabularies // without the config's abbreviations
	// base is the engine whose index this one shares (WithConfig): writes
	// go through it, and closing this one leaves the index open.
	base *Engine
	// mu serializes writers; matches do not take it.
	mu     sync.Mutex
	closed bool
}

// ErrReadOnly is returned by writes to an engine opened ReadOnly.
var ErrReadOnly = errors.New("followmatch: engine is read-only")

// Open opens the index in dir, creating an empty one when dir holds none
// (unless ReadOnly).
func Open(ctx context.Context, dir string, opts Options) (*Engine, error) {
	vs, err := match.LoadVocabularies()
	if err != nil {
		return nil, err
	}
	var ix *index.Index
	switch {
	case index.Exists(dir) || opts.ReadOnly:
		// A missing index is index.Open's error, which says how to build one.
		ix, err = index.Open(dir, vs, opts.ReadOnly)
	default:
		ix, err = index.Create(dir, vs)
	}
	if err != nil {
		return nil, err
	}
	cfg := opts.Config
	if cfg == nil {
		cfg = match.DefaultConfig()
	} else if err := cfg.Validate(); err != nil {
		ix.Close()
		return nil, err
	}
	if err := opts.Policy.Validate(); err != nil {
		ix.Close()
		return nil, fmt.Errorf("followmatch: policy: %w", err)
	}
	cache := opts.ImageCacheDir
	switch cache {
	case "":
		cache = imageload.DefaultCacheDir()
	case "-":
		cache = ""
	}
	fetches := opts.ImageFetches
	if fetches <= 0 {
		fetches = 4
	}
	images := imageload.NewLoader(cache, fetches)
	images.Access = opts.ImageAccess
	return &Engine{
		ix:    ix,
		vocab: vs,
		matcher: &match.Matcher{
			Scorer:      match.NewScorer(cfg, ix.IDF),
			Source:      ix,
			Rules:       match.NewRules(opts.Policy, opts.Seller, vs),
			Vocab:       vs.WithAbbreviations(cfg.Abbreviations), // offers: the supplier's words
			Images:      images,
			ImageBudget: opts.ImageBudget,
			Known:       match.KnownOf(cfg, vs),
		},
	}, nil
}

// WithConfig returns an engine that decides with cfg (validated) and shares
// e's index, rules, seller and image loader: two configs compared on one
// catalog without opening the index twice (the review page's re-tune). It
// is usable while e is open; closing it leaves the index open.
func (e *Engine) WithConfig(cfg *match.Config) (*Engine, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	base := e
	if e.base != nil {
		base = e.base
	}
	m := *e.matcher
	m.Scorer = match.NewScorer(cfg, e.ix.IDF)
	m.Vocab = e.vocab.WithAbbreviations(cfg.Abbreviations)
	m.Known = match.KnownOf(cfg, e.vocab)
	return &Engine{ix: e.ix, matcher: &m, vocab: e.vocab, base: base}, nil
}

// Calibrated returns an engine whose thresholds the anchors among the
// offers' candidates moved (match.Config.Calibrated), sharing e's index as
// WithConfig does, and the move; e itself, and no move, when its config
// has no calibration or the offers too few anchors. The offers are a
// catalog's sample (a bulk run takes up to a few thousand, spread over its
// file): a pooled default moves to the catalog before deciding it. Single
// offers (Match, the HTTP service) are decided at the thresholds of the
// engine they are sent to.
func (e *Engine) Calibrated(ctx context.Context, offers []*match.Record) (*Engine, match.Shift, error) {
	cfg := e.matcher.Scorer.Config()
	if cfg.Calibration == nil {
		return e, match.Shift{}, nil
	}
	a, err := e.matcher.Anchors(ctx, offers)
	if err != nil {
		return nil, match.Shift{}, fmt.Errorf("followmatch: calibrate: %w", err)
	}
	c, shift := cfg.Calibrated(a)
	if !shift.Applied {
		return e, shift, nil
	}
	moved, err := e.WithConfig(c)
	if err != nil {
		return nil, match.Shift{}, fmt.Errorf("followmatch: calibrate: %w", err)
	}
	return moved, shift, nil
}

// WithRules returns an engine that decides under policy (validated) for
// seller and shares e's index, config and image loader, as WithConfig does.
func (e *Engine) WithRules(policy match.Policy, seller match.Seller) (*Engine, error) {
	if err := policy.Validate(); err != nil {
		return nil, fmt.Errorf("followmatch: policy: %w", err)
	}
	base := e
	if e.base != nil {
		base = e.base
	}
	m := *e.matcher
	m.Rules = match.NewRules(policy, seller, e.vocab)
	return &Engine{ix: e.ix, matcher: &m, vocab: e.vocab, base: base}, nil
}

// Close closes the index. Matches in flight must have returned.
func (e *Engine) Close() error {
	if e.base != nil {
		return nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil
	}
	e.closed = true
	return e.ix.Close()
}

// Interrupted reports whether the last process writing the index stopped
// before it finished: the index holds the batches committed until then.
func (e *Engine) Interrupted() bool { return e.ix.Interrupted() }

// Config returns the config the engine decides with.
func (e *Engine) Config() *match.Config { return e.matcher.Scorer.Config() }

// Count returns the number of listings.
func (e *Engine) Count() (uint64, error) { return e.ix.Count() }

// Match decides one offer for the engine's seller.
func (e *Engine) Match(ctx context.Context, offer *match.Record) match.Result {
	return e.matcher.Match(ctx, offer)
}

// MatchAs decides one offer for another seller.
func (e *Engine) MatchAs(ctx context.Context, offer *match.Record, seller match.Seller) match.Result {
	return e.matcher.WithSeller(seller).Match(ctx, offer)
}

// MatchStream decides every job from jobs with the given number of workers
// and calls emit with each result in input order (see match.Matcher.Run).
func (e *Engine) MatchStream(ctx context.Context, jobs <-chan match.Job, workers int, emit func(match.Result) error) error {
	return e.matcher.Run(ctx, jobs, workers, emit)
}

// Explain decides the offer against the named listing (or its best
// candidate when listingID is empty) and returns the full score.
func (e *Engine) Explain(ctx context.Context, offer *match.Record, listingID string) (match.Explanation, error) {
	return e.matcher.Explain(ctx, offer, listingID)
}

// Trace runs the match path for one offer and returns every step: the
// prepared offer, the scored candidates (best first) and the result (see
// match.Matcher.Trace). Evaluation reads it; Match and Explain are built on
// it.
func (e *Engine) Trace(ctx context.Context, offer *match.Record, listingID string) (*match.Trace, error) {
	return e.matcher.Trace(ctx, offer, listingID)
}

// Listing returns one listing's record, or match.ErrNotFound.
func (e *Engine) Listing(ctx context.Context, id string) (*match.Record, error) {
	it, err := e.ix.Listing(ctx, id)
	if err != nil {
		return nil, err
	}
	return it.Rec, nil
}

// Upsert adds or replaces listings, fingerprinting their images first
// unless a record carries fingerprints already (unreadable images are left
// out and named in the record's ImageErrors; see match.Fingerprint).
// The listings are visible to every match that starts after it returns.
func (e *Engine) Upsert(ctx context.Context, listings ...*match.Record) error {
	for _, l := range listings {
		if l == nil || l.ID == "" {
			return errors.New("followmatch: upsert: a listing needs an id")
		}
		*l = *match.Fingerprint(ctx, e.matcher.Images, l, e.matcher.ImageBudget)
	}
	return e.write(func(w *index.Writer) error {
		for _, l := range listings {
			if err := w.Put(l); err != nil {
				return err
			}
		}
		return nil
	})
}

// Delete removes listings by id; it reports how many existed.
func (e *Engine) Delete(ctx context.Context, ids ...string) (int, error) {
	n := 0
	err := e.write(func(w *index.Writer) error {
		for _, id := range ids {
			if _, err := e.ix.Listing(ctx, id); errors.Is(err, match.ErrNotFound) {
				continue
			} else if err != nil {
				return err
			}
			n++
			if err := w.Delete(id); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

func (e *Engine) write(fn func(*index.Writer) error) error {
	if e.base != nil {
		return e.base.write(fn)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return errors.New("followmatch: engine is closed")
	}
	w, err := e.ix.NewWriter(1000)
	if err != nil {
		if errors.Is(err, index.ErrReadOnly) {
			return ErrReadOnly
		}
		return err
	}
	if err := fn(w); err != nil {
		return err
	}
	return w.Flush()
}
