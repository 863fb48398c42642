package eval

import (
	"math"
	"sort"

	"github.com/followmatch/followmatch/match"
)

// Uncertain returns up to n of the pairs not in done, the most informative
// first for a person to label, as an active learner orders them (dedupe's
// uncertainty sampling): those whose total under cfg is nearest the match
// threshold, where a label moves the fitted weights most. A vetoed pair
// counts as certain. The pairs' labels are not read.
func (e *Evaluator) Uncertain(pairs []Pair, cfg *match.Config, n int, done map[Pair]bool) []Pair {
	scores := Weigh(pairs, e.Compare(pairs, cfg), cfg)
	at := logit(cfg.MatchThreshold)
	type ranked struct {
		p    Pair
		dist float64
	}
	var rs []ranked
	for i, s := range scores {
		if done[pairs[i]] {
			continue
		}
		d := math.Abs(s.Total - at)
		if s.Vetoed {
			d = math.Inf(1)
		}
		rs = append(rs, ranked{pairs[i], d})
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].dist < rs[j].dist })
	out := make([]Pair, 0, min(n, len(rs)))
	for _, r := range rs[:min(n, len(rs))] {
		out = append(out, r.p)
	}
	return out
}

// ActiveLabels simulates a person labeling budget pairs of pool in batches
// of batch, each batch the most uncertain under the config tuned on the
// labels so far (the defaults at first), labels read from the pairs; it
// returns the labeled pairs and the config tuned on all of them (its
// thresholds chosen on the same labels: a person has no others).
func (e *Evaluator) ActiveLabels(pool []Pair, base *match.Config, budget, batch int) ([]Pair, *match.Config) {
	cfg := base
	done := map[Pair]bool{}
	var labeled []Pair
	for len(labeled) < budget {
		next := e.Uncertain(pool, cfg, min(batch, budget-len(labeled)), done)
		if len(next) == 0 {
			break
		}
		for _, p := range next {
			done[p] = true
		}
		labeled = append(labeled, next...)
		cfg = e.TuneOnLabels(pool, labeled, base, cfg)
	}
	return labeled, cfg
}

// TuneOnLabels fits on a person's labels, each counted LabelWeight times,
// and the pool's unlabeled pairs that cfg decides confidently (probability
// under 2% or over 98%: far from the labels' boundary, what the labels do
// not show), labeled as cfg decides them; thresholds and choices go by the
// person's labels alone. Title words are not learned: a few hundred
// labels overfit them.
func (e *Evaluator) TuneOnLabels(pool, labeled []Pair, base, cfg *match.Config) *match.Config {
	done := map[[2]string]bool{}
	var train []Pair
	for _, p := range labeled {
		done[[2]string{p.A, p.B}] = true
		for range LabelWeight {
			train = append(train, p)
		}
	}
	scores := Weigh(pool, e.Compare(pool, cfg), cfg)
	for i, s := range scores {
		p := pool[i]
		if done[[2]string{p.A, p.B}] {
			continue
		}
		switch prob := match.Probability(s.Total); {
		case s.Vetoed || prob < 0.02:
			train = append(train, Pair{A: p.A, B: p.B, Match: false})
		case prob > 0.98:
			train = append(train, Pair{A: p.A, B: p.B, Match: true})
		}
	}
	out, _ := TunePooled([]TuneSet{{E: e, Train: train, Valid: labeled}}, base, false)
	return out
}
