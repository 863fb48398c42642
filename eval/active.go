package eval

import (
	"fmt"
	"math"
	"sort"

	"github.com/followmatch/followmatch/match"
)

// Order is an order in which a person is asked about pairs.
type Order string

// The orders of the review page's queue (review --order).
const (
	// OrderUncertain asks about the pairs nearest the match threshold
	// first (Distance), whatever their decision.
	OrderUncertain Order = "uncertain"
	// OrderReviewFirst asks about the review decisions first (here, the
	// pairs whose probability lies between the review and the match
	// threshold), then the others, each group by Distance.
	OrderReviewFirst Order = "review-first"
)

// ParseOrder reads an order's name.
func ParseOrder(s string) (Order, error) {
	switch o := Order(s); o {
	case OrderUncertain, OrderReviewFirst:
		return o, nil
	}
	return "", fmt.Errorf("order %q: want %s or %s", s, OrderReviewFirst, OrderUncertain)
}

// Distance is how far a pair's probability p lies from cfg's match
// threshold, in log-odds (nats): the smaller, the more a person's label on
// it moves the fitted weights, as an active learner's uncertainty sampling
// orders its questions (dedupe's). Measured on Walmart-Amazon and Abt-Buy
// (benchmarks/active), nearness to the review threshold and disagreement
// between an offer's two likeliest listings made worse questions: pairs of
// two duplicate listings, both certain.
func Distance(p float64, cfg *match.Config) float64 {
	return Nats(p, cfg.MatchThreshold)
}

// Nats is how far apart two probabilities are in log-odds (nats), each
// kept within 1e-9 of 0 and 1.
func Nats(p, q float64) float64 {
	return math.Abs(logitP(p) - logitP(q))
}

// logitP is the log-odds of p, p kept within 1e-9 of 0 and 1.
func logitP(p float64) float64 {
	p = math.Min(math.Max(p, 1e-9), 1-1e-9)
	return math.Log(p / (1 - p))
}

// Uncertain returns up to n of the pairs not in done, the most informative
// first for a person to label, in the review page's order. A vetoed pair
// counts as certain. The pairs' labels are not read.
func (e *Evaluator) Uncertain(pairs []Pair, cfg *match.Config, n int, done map[Pair]bool, order Order) []Pair {
	scores := Weigh(pairs, e.Compare(pairs, cfg), cfg)
	type ranked struct {
		p     Pair
		group int
		dist  float64
	}
	var rs []ranked
	for i, s := range scores {
		if done[pairs[i]] {
			continue
		}
		r := ranked{p: pairs[i], dist: math.Inf(1), group: 1}
		if !s.Vetoed {
			p := match.Probability(s.Total)
			r.dist = Distance(p, cfg)
			if order == OrderUncertain || p >= cfg.ReviewThreshold && p < cfg.MatchThreshold {
				r.group = 0
			}
		}
		rs = append(rs, r)
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].group != rs[j].group {
			return rs[i].group < rs[j].group
		}
		return rs[i].dist < rs[j].dist
	})
	out := make([]Pair, 0, min(n, len(rs)))
	for _, r := range rs[:min(n, len(rs))] {
		out = append(out, r.p)
	}
	return out
}

// ActiveLabels simulates a person labeling budget pairs of pool in batches
// of batch, each batch the first in order under the config tuned on the
// labels so far (the defaults at first), labels read from the pairs; it
// returns the labeled pairs and the config tuned on all of them (its
// thresholds chosen on the same labels: a person has no others).
func (e *Evaluator) ActiveLabels(pool []Pair, base *match.Config, budget, batch int, order Order) ([]Pair, *match.Config) {
	cfg := base
	done := map[Pair]bool{}
	var labeled []Pair
	for len(labeled) < budget {
		next := e.Uncertain(pool, cfg, min(batch, budget-len(labeled)), done, order)
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
	out, _ := TunePooled([]TuneSet{{E: e, Train: train, Valid: labeled, Rivals: pool}}, base, false)
	return out
}
