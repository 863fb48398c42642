package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/followmatch/followmatch"
	"github.com/followmatch/followmatch/index"
	"github.com/followmatch/followmatch/match"
)

// CatalogReport is how the real match path does on a split: every tableA
// record of the split matched against an index of tableB.
type CatalogReport struct {
	Dataset string `json:"dataset"`
	Split   string `json:"split"`
	Offers  int    `json:"offers"`
	// Positives are the split's matching pairs.
	Positives int `json:"positives"`
	K         int `json:"k"`
	// RecallAtK is the share of positive pairs whose listing is among the
	// offer's K candidates.
	RecallAtK float64 `json:"recall_at_k"`
	// Precision, recall and F1 of the top-1 same-item decisions
	// (eligible or blocked; review counts as no match). A predicted pair
	// labeled a match in another split is neither right nor wrong here.
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Counts
	// Unlabeled counts predicted pairs that no split labels either way; they
	// are counted as false positives (the strict reading) in FP.
	Unlabeled       int     `json:"unlabeled"`
	OffersPerSecond float64 `json:"offers_per_second"`
	IndexSeconds    float64 `json:"index_seconds"`
	// Calibration is how the offers' anchors moved the config's
	// thresholds (nil: the config has no calibration).
	Calibration *match.Shift `json:"calibration,omitempty"`
}

// Catalog indexes tableB into dir (a temporary directory when dir is
// empty), runs retrieval, scoring and the decision for every tableA record
// in pairs, and scores the top-1 decisions against the labels. truth holds
// every positive pair known (all splits), so a match labeled elsewhere is
// not counted as a false positive.
func (e *Evaluator) Catalog(ctx context.Context, split string, pairs []Pair, truth map[Pair]bool, cfg *match.Config, dir string, workers int) (CatalogReport, error) {
	rep := CatalogReport{Dataset: e.DS.Name, Split: split, K: cfg.Candidates}
	if dir == "" {
		tmp, err := os.MkdirTemp("", "followmatch-eval-")
		if err != nil {
			return rep, fmt.Errorf("eval: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = filepath.Join(tmp, "listings.idx")
	}
	start := time.Now()
	if err := e.buildIndex(dir); err != nil {
		return rep, err
	}
	rep.IndexSeconds = time.Since(start).Seconds()

	positives := map[string][]string{} // offer -> its matching listings in this split
	var offers []string
	seen := map[string]bool{}
	for _, p := range pairs {
		if !seen[p.A] {
			seen[p.A] = true
			offers = append(offers, p.A)
		}
		if p.Match {
			positives[p.A] = append(positives[p.A], p.B)
			rep.Positives++
		}
	}
	rep.Offers = len(offers)

	// The engine wired as `match` wires it: the same matcher, image step
	// included, so catalog mode measures what ships.
	eng, err := followmatch.Open(ctx, dir, followmatch.Options{Config: cfg, ReadOnly: true})
	if err != nil {
		return rep, err
	}
	defer eng.Close()
	if cfg.Calibration != nil {
		// As `match` does: the thresholds move by the offers' anchors first.
		recs := make([]*match.Record, len(offers))
		for i, a := range offers {
			recs[i] = e.DS.A[a]
		}
		moved, shift, err := eng.Calibrated(ctx, recs)
		if err != nil {
			return rep, err
		}
		eng, rep.Calibration = moved, &shift
	}
	type outcome struct {
		found  int    // positives among the candidates
		listed string // the same-item listing, if any
	}
	results := make([]outcome, len(offers))
	errs := make([]error, len(offers))
	start = time.Now()
	var wg sync.WaitGroup
	for w := range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(offers); i += max(workers, 1) {
				tr, err := eng.Trace(ctx, e.DS.A[offers[i]], "")
				if err != nil {
					errs[i] = err
					continue
				}
				ids := map[string]bool{}
				for _, s := range tr.Scored {
					ids[s.Listing.Rec.ID] = true
				}
				for _, b := range positives[offers[i]] {
					if ids[b] {
						results[i].found++
					}
				}
				if d := tr.Result.Decision; d == match.Eligible || d == match.Blocked {
					results[i].listed = tr.Result.ListingID
				}
			}
		}()
	}
	wg.Wait()
	rep.OffersPerSecond = float64(len(offers)) / time.Since(start).Seconds()
	for _, err := range errs {
		if err != nil {
			return rep, err
		}
	}
	found := 0
	for i, a := range offers {
		found += results[i].found
		pos := positives[a]
		hit := false
		if l := results[i].listed; l != "" {
			switch {
			case contains(pos, l):
				rep.TP++
				hit = true
			case truth[Pair{A: a, B: l, Match: true}]:
				// a match labeled in another split: not judged here
			default:
				rep.FP++
				if !truth[Pair{A: a, B: l}] {
					rep.Unlabeled++
				}
			}
		}
		rep.FN += len(pos)
		if hit {
			rep.FN--
		}
	}
	rep.RecallAtK = ratio(found, rep.Positives)
	rep.Precision, rep.Recall, rep.F1 = rep.Counts.Precision(), rep.Counts.Recall(), rep.Counts.F1()
	return rep, nil
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// buildIndex indexes tableB into a new index in dir.
func (e *Evaluator) buildIndex(dir string) error {
	ix, err := index.Create(dir, e.vocab)
	if err != nil {
		return err
	}
	w, err := ix.NewWriter(2000)
	if err != nil {
		ix.Close()
		return err
	}
	for _, id := range e.DS.BOrder {
		if err := w.Put(e.DS.B[id]); err != nil {
			ix.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		ix.Close()
		return err
	}
	return ix.Close()
}

// Truth collects every labeled pair of the named splits that exist:
// positives as Pair{Match: true}, negatives as Pair{Match: false}.
func (ds *Dataset) Truth(splits ...string) (map[Pair]bool, error) {
	truth := map[Pair]bool{}
	for _, s := range splits {
		if _, err := os.Stat(filepath.Join(ds.Dir, s+".csv")); err != nil && ds.splits[s] == nil {
			continue
		}
		pairs, err := ds.Split(s)
		if err != nil {
			return nil, err
		}
		for _, p := range pairs {
			truth[p] = true
		}
	}
	return truth, nil
}
