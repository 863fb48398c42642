package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

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
	ix, err := e.buildIndex(dir)
	if err != nil {
		return rep, err
	}
	defer ix.Close()
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

	m := &match.Matcher{Scorer: match.NewScorer(cfg, ix.IDF), Source: ix, Rules: match.NewRules(match.Policy{}, match.Seller{}, e.vocab), Vocab: e.vocab}
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
				it := e.a[offers[i]]
				cands, err := ix.Candidates(ctx, it, cfg.Candidates)
				if err != nil {
					errs[i] = err
					continue
				}
				ids := map[string]bool{}
				scored := make([]match.Scored, 0, len(cands))
				for _, c := range cands {
					ids[c.Rec.ID] = true
					scored = append(scored, m.Scorer.Score(it, c))
				}
				for _, b := range positives[offers[i]] {
					if ids[b] {
						results[i].found++
					}
				}
				r := match.Decide(it, scored, cfg, m.Rules)
				if r.Decision == match.Eligible || r.Decision == match.Blocked {
					results[i].listed = r.ListingID
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

func (e *Evaluator) buildIndex(dir string) (*index.Index, error) {
	ix, err := index.Create(dir, e.vocab)
	if err != nil {
		return nil, err
	}
	w, err := ix.NewWriter(2000)
	if err != nil {
		ix.Close()
		return nil, err
	}
	for _, id := range e.DS.BOrder {
		if err := w.Put(e.DS.B[id]); err != nil {
			ix.Close()
			return nil, err
		}
	}
	if err := w.Flush(); err != nil {
		ix.Close()
		return nil, err
	}
	if err := ix.Close(); err != nil {
		return nil, err
	}
	return index.Open(dir, e.vocab, true)
}

// Truth collects every labeled pair of the named splits that exist:
// positives as Pair{Match: true}, negatives as Pair{Match: false}.
func (ds *Dataset) Truth(splits ...string) (map[Pair]bool, error) {
	truth := map[Pair]bool{}
	for _, s := range splits {
		if _, err := os.Stat(filepath.Join(ds.Dir, s+".csv")); err != nil {
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
