package eval

import (
	"math"
	"slices"

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
	c.Calibration = nil // a correction instead of the anchors'
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

// SplitThreshold adapts cfg's match threshold to a catalog's pairs without
// their labels: each offer's best pair not vetoed (what a matcher decides
// on) falls in one of two heaps, the offers whose item is among their pairs
// and the rest, and the threshold goes where Otsu's method puts the cut
// between the heaps (the most variance between them). It returns cfg with
// that threshold (the review threshold kept at most it) and the share of
// the total variance between the heaps (2/pi for one normal heap, near 1
// for two apart). On all pairs instead of each offer's best, the heap of
// near misses drew the cut (left out, Walmart-Amazon 47.8).
func SplitThreshold(e *Evaluator, pairs []Pair, cfg *match.Config) (*match.Config, float64) {
	scores := Weigh(pairs, e.Compare(pairs, cfg), cfg)
	best := map[string]float64{}
	for i, s := range scores {
		if s.Vetoed {
			continue
		}
		if b, ok := best[pairs[i].A]; !ok || s.Total > b {
			best[pairs[i].A] = s.Total
		}
	}
	ts := make([]float64, 0, len(best))
	for _, t := range best {
		ts = append(ts, t)
	}
	c := *cfg
	c.Calibration = nil // a correction instead of the anchors'
	cut, ok := otsuCut(ts)
	if !ok {
		return &c, 0
	}
	c.MatchThreshold = match.Probability(cut)
	c.ReviewThreshold = min(c.ReviewThreshold, c.MatchThreshold)
	return &c, separation(ts, cut)
}

// separation is the share of the variance of ts that lies between the two
// groups cut splits it into.
func separation(ts []float64, cut float64) float64 {
	var mean float64
	for _, t := range ts {
		mean += t
	}
	mean /= float64(len(ts))
	var total, lo, hi float64
	var nl, nh int
	for _, t := range ts {
		total += (t - mean) * (t - mean)
		if t < cut {
			lo, nl = lo+t, nl+1
		} else {
			hi, nh = hi+t, nh+1
		}
	}
	if nl == 0 || nh == 0 || total == 0 {
		return 0
	}
	lo, hi = lo/float64(nl), hi/float64(nh)
	n := float64(len(ts))
	return float64(nl) * float64(nh) / (n * n) * (hi - lo) * (hi - lo) / (total / n)
}

// otsuCut returns the value that splits ts into the two groups of most
// variance between them (Otsu's method), midway between the groups'
// nearest members; false when ts holds fewer than two distinct values.
func otsuCut(ts []float64) (float64, bool) {
	ts = slices.Sorted(slices.Values(ts))
	n := float64(len(ts))
	var total float64
	for _, t := range ts {
		total += t
	}
	best, cut, found := -1.0, 0.0, false
	var sumLow float64
	for i := 0; i < len(ts)-1; i++ {
		sumLow += ts[i]
		if ts[i] == ts[i+1] {
			continue
		}
		wl := float64(i+1) / n
		ml := sumLow / float64(i+1)
		mh := (total - sumLow) / (n - float64(i+1))
		if v := wl * (1 - wl) * (ml - mh) * (ml - mh); v > best {
			best, cut, found = v, (ts[i]+ts[i+1])/2, true
		}
	}
	return cut, found
}
