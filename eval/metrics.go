package eval

import (
	"github.com/followmatch/followmatch/match"
	"math"
	"sort"
)

// Counts are the confusion counts of a binary decision.
type Counts struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
	TN int `json:"tn"`
}

// Precision is TP / (TP + FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN), 0 when there are no positives.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scored is a labeled pair's score: its total (log2 odds) and whether a
// veto made it a non-match.
type Scored struct {
	Total  float64
	Vetoed bool
	Match  bool // the label
}

// scoredOf is a labeled pair's score as evaluation sees it.
func scoredOf(sc match.Scored, label bool) Scored {
	return Scored{Total: sc.Total, Vetoed: len(sc.Vetoes) > 0, Match: label}
}

// predicted reports whether the pair is judged a match at a threshold on
// the total.
func (s Scored) predicted(threshold float64) bool { return !s.Vetoed && s.Total >= threshold }

// CountAt counts decisions at a threshold on the total.
func CountAt(scores []Scored, threshold float64) Counts {
	var c Counts
	for _, s := range scores {
		switch p := s.predicted(threshold); {
		case p && s.Match:
			c.TP++
		case p && !s.Match:
			c.FP++
		case !p && s.Match:
			c.FN++
		default:
			c.TN++
		}
	}
	return c
}

// BestThreshold returns the threshold on the total that maximizes F1, and
// its counts. Among equal F1 it prefers the midpoint between the two totals
// around the cut, so a threshold chosen on one split generalizes.
func BestThreshold(scores []Scored) (float64, Counts) {
	var live []Scored
	positives := 0
	for _, s := range scores {
		if s.Match {
			positives++
		}
		if !s.Vetoed {
			live = append(live, s)
		}
	}
	sort.Slice(live, func(i, j int) bool { return live[i].Total > live[j].Total })
	best := math.Inf(1)
	bestC := Counts{FN: positives, TN: len(scores) - positives}
	bestF := -1.0
	var c Counts
	c.FN, c.TN = positives, len(scores)-positives
	for i, s := range live {
		if s.Match {
			c.TP++
			c.FN--
		} else {
			c.FP++
			c.TN--
		}
		// Cut only between distinct totals.
		if i+1 < len(live) && live[i+1].Total == s.Total {
			continue
		}
		if f := c.F1(); f > bestF {
			bestF, bestC = f, c
			if i+1 < len(live) {
				best = (s.Total + live[i+1].Total) / 2
			} else {
				best = s.Total - 1
			}
		}
	}
	return best, bestC
}

// SmoothBestThreshold returns the threshold on the total where F1, averaged
// over the thresholds within width bits of it, is highest, and that average.
// F1 over thresholds is a jagged curve on a few hundred matches: its highest
// point is as much the split's chance as the weights' merit, and a choice
// between two configs by it follows the chance (WDC Products' seen and
// half-seen fits share their train and valid pairs, and differ only by the
// test records' words in the title IDF: their weights within a few
// hundredths of a bit, their thresholds at totals of 1.2 and -0.9).
// Averaged, a broad top outweighs a spike.
// Thresholds are taken every tenth of a bit.
func SmoothBestThreshold(scores []Scored, width float64) (float64, float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range scores {
		if !s.Vetoed {
			lo, hi = math.Min(lo, s.Total), math.Max(hi, s.Total)
		}
	}
	if math.IsInf(lo, 1) {
		return 0, 0
	}
	const step = 0.1
	var ts, fs []float64
	for t := math.Floor(lo/step)*step - step; t <= hi+step; t += step {
		ts, fs = append(ts, t), append(fs, CountAt(scores, t).F1())
	}
	k := int(math.Round(width / step))
	bestT, bestF := 0.0, -1.0
	for i := range ts {
		sum, n := 0.0, 0
		for j := max(0, i-k); j <= min(len(fs)-1, i+k); j++ {
			sum += fs[j]
			n++
		}
		if f := sum / float64(n); f > bestF {
			bestT, bestF = ts[i], f
		}
	}
	return bestT, bestF
}

// RecallThreshold returns the highest threshold on the total at which
// recall reaches at least target.
func RecallThreshold(scores []Scored, target float64) float64 {
	var pos []float64
	all := 0
	for _, s := range scores {
		if s.Match {
			all++
			if !s.Vetoed {
				pos = append(pos, s.Total)
			}
		}
	}
	if len(pos) == 0 {
		return math.Inf(-1)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(pos)))
	need := int(math.Ceil(target * float64(all)))
	if need > len(pos) {
		need = len(pos)
	}
	if need < 1 {
		need = 1
	}
	return pos[need-1]
}
