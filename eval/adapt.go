package eval

import (
	"math"

	"github.com/followmatch/followmatch/match"
)

// AdaptPrior adapts cfg to a catalog's pairs without their labels: it
// estimates by EM (Saerens, Latinne and Decaestecker 2002, "Adjusting the
// outputs of a classifier to new a priori probabilities") the share of
// matches among pairs, from their scores under cfg, which was fitted where
// matches made trainShare of the pairs, and returns cfg with its prior
// moved by the difference in log-odds, and the share estimated. The pairs'
// labels are not read. A config fitted on other catalogs over- or
// underestimates matches on a new one; this corrects the part of that
// which is the share of matches (not a change in what the evidence says).
func AdaptPrior(e *Evaluator, pairs []Pair, cfg *match.Config, trainShare float64) (*match.Config, float64) {
	scores := Weigh(pairs, e.Compare(pairs, cfg), cfg)
	ps := make([]float64, 0, len(scores))
	for _, s := range scores {
		if s.Vetoed {
			ps = append(ps, 0)
			continue
		}
		ps = append(ps, match.Probability(s.Total))
	}
	share := trainShare
	for it := 0; it < 100; it++ {
		a, b := share/trainShare, (1-share)/(1-trainShare)
		sum := 0.0
		for _, p := range ps {
			sum += a * p / (a*p + b*(1-p))
		}
		next := sum / float64(len(ps))
		if math.Abs(next-share) < 1e-6 {
			share = next
			break
		}
		share = next
	}
	c := *cfg
	c.Prior += math.Log2(share/(1-share)) - math.Log2(trainShare/(1-trainShare))
	return &c, share
}

// PositiveShare is the share of matches among the train pairs of sets, the
// share a config fitted on them was fitted at.
func PositiveShare(sets []TuneSet) float64 {
	n, pos := 0, 0
	for _, s := range sets {
		for _, p := range s.Train {
			n++
			if p.Match {
				pos++
			}
		}
	}
	return float64(pos) / float64(n)
}
