package match

import (
	"fmt"
	"math"
	"strings"
)

// The standing levels: how a pair's evidence compares with that of the
// other pairs of its offer and of its listing.
const (
	Ahead          Level = "ahead"
	Tied           Level = "tied"
	SlightlyBehind Level = "slightly_behind"
	Behind         Level = "behind"
	FarBehind      Level = "far_behind"
	// AheadBoth: ahead of every rival on both sides, the offer's other
	// listings and the listing's other offers (a batch of pairs only).
	AheadBoth Level = "ahead_both"
)

// standingBands are the margins (bits) at which the standing levels begin,
// from the strongest: a margin of 1.5 bits or more is ahead, and so on.
var standingBands = []struct {
	from  float64
	level Level
	// profile is the level's weight at a scale of 1 (StandingWeights):
	// about half the band's middle margin, capped, behind; nothing ahead.
	profile float64
}{
	{1.5, Ahead, 0}, {-1.5, Tied, 0}, {-4, SlightlyBehind, -1.25}, {-8, Behind, -3}, {math.Inf(-1), FarBehind, -5},
}

// rankAttribute is the pair's standing among its rivals: the offer's other
// candidate listings and, in a batch of pairs, the listing's other offers.
// Two listings of one product line share brand, line and most words with an
// offer, and each pair alone looks alike; the one well behind another
// candidate of the same offer is a sibling, not the item. The margin is
// measured in the same bits as the evidence, so it means the same in a
// catalog of terse titles and in one of long titles, where the evidence's
// own level does not. Only being behind weighs: being ahead of the other
// candidates says nothing when the offer's item may not be listed at all
// (the best of a stranger's candidates is still a stranger); measured, a
// weight for being ahead raised F1 on benchmarks that give every offer a
// match and lost it, left out, on one that does not (RESULTS.md).
//
// It is not compared pair by pair: Scorer.Stand (a matcher's candidates)
// and Standings (a batch of pairs) set it once every pair is scored; until
// then, and for a pair without rivals, it is missing. The hand-set weights
// are 0: tune fits its scale (StandingWeights) on valid pairs.
func rankAttribute() Attribute {
	return Attribute{
		Name:     "rank",
		Graded:   true,
		relative: true,
		Levels: []LevelSpec{
			{Level: AheadBoth, Weight: 0, Direction: For, Why: "the best listing for its offer and the best offer for its listing, each by 1.5 bits or more: silent unless tune finds it says more on one dataset's valid pairs (where each offer's candidates hold its item); a matcher's candidates have one offer and never reach it"},
			{Level: Ahead, Weight: 0, Direction: For, Why: "1.5 bits or more ahead of every rival: no evidence, the item may not be listed"},
			{Level: Tied, Weight: 0, Direction: Either, Why: "within 1.5 bits of its best rival"},
			{Level: SlightlyBehind, Weight: 0, Direction: Against, Why: "1.5 to 4 bits behind a rival: silent until tune fits the scale"},
			{Level: Behind, Weight: 0, Direction: Against, Why: "4 to 8 bits behind a rival: likely its sibling"},
			{Level: FarBehind, Weight: 0, Direction: Against, Why: "8 bits or more behind a rival"},
			{Level: Missing},
		},
		compare: func(_, _ *Item, _ *Env) Outcome { return missing("", "") },
	}
}

// StandingWeights returns the rank levels' weights at a scale: each band's
// profile (0 ahead and tied, down to -5 far behind) times scale. Tune
// chooses the scale on valid pairs.
func StandingWeights(scale float64) map[Level]float64 {
	w := make(map[Level]float64, len(standingBands)+1)
	for _, b := range standingBands {
		w[b.level] = b.profile * scale
	}
	w[AheadBoth] = 0 // weighed apart (tune), never by the profile
	return w
}

// Standings returns the rank outcome of each of a batch of scored pairs:
// pair i's total (bits, without its standing) against the best total of
// the other pairs of its offer (offers[i]) and of its listing
// (listings[i]). A vetoed pair is a rival at vetoedTotal at most, and has
// no standing of its own. With rivals on both sides the margin is the mean
// of the two; with none, the outcome is missing.
func Standings(totals []float64, vetoed []bool, offers, listings []string) []Outcome {
	as := make([]float64, len(totals)) // what each pair is as a rival
	byOffer, byListing := map[string]*rivalry{}, map[string]*rivalry{}
	for i, t := range totals {
		as[i] = asRival(t, vetoed[i])
		for _, side := range [2]struct {
			m   map[string]*rivalry
			key string
		}{{byOffer, offers[i]}, {byListing, listings[i]}} {
			r := side.m[side.key]
			if r == nil {
				r = &rivalry{}
				side.m[side.key] = r
			}
			r.add(as[i])
		}
	}
	out := make([]Outcome, len(totals))
	for i, t := range as {
		if vetoed[i] {
			out[i] = Outcome{Attribute: "rank", Level: Missing}
			continue
		}
		out[i] = standingOf(t, byOffer[offers[i]], byListing[listings[i]])
	}
	return out
}

// vetoedTotal is the most a vetoed pair counts as a rival: far behind any
// pair that is not vetoed.
const vetoedTotal = -30

// asRival is what a pair of total t counts as to its rivals.
func asRival(t float64, vetoed bool) float64 {
	if vetoed {
		return math.Min(t, vetoedTotal)
	}
	return t
}

// rivalry holds the two highest totals among the pairs of one offer (or
// one listing) and how many pairs there are.
type rivalry struct {
	top [2]float64
	n   int
}

func (r *rivalry) add(t float64) {
	switch {
	case r.n == 0 || t > r.top[0]:
		r.top[0], r.top[1] = t, r.top[0]
	case r.n == 1 || t > r.top[1]:
		r.top[1] = t
	}
	r.n++
}

// against returns the best total among the pairs other than one of total
// t (the second best when t is the best); ok is false when there is no
// other pair (r nil, or t's alone).
func (r *rivalry) against(t float64) (float64, bool) {
	if r == nil || r.n < 2 {
		return 0, false
	}
	if t >= r.top[0] {
		return r.top[1], true
	}
	return r.top[0], true
}

// standingOf is the rank outcome of a pair of total t against the best
// rival of its offer's pairs and of its listing's (either nil): the band
// of the mean margin, missing without rivals.
func standingOf(t float64, offer, listing *rivalry) Outcome {
	var parts []string
	sum, n := 0.0, 0
	least := math.Inf(1) // the smaller margin of the two sides
	for _, side := range [2]struct {
		r    *rivalry
		name string
	}{{offer, "the offer's"}, {listing, "the listing's"}} {
		r, ok := side.r.against(t)
		if !ok {
			continue
		}
		m := math.Max(-30, math.Min(30, t-r))
		sum, n = sum+m, n+1
		least = math.Min(least, m)
		if m == 30 {
			// A vetoed rival counts 30 bits behind at most (asRival).
			parts = append(parts, fmt.Sprintf("%s rivals all vetoed or 30 bits behind", side.name))
			continue
		}
		parts = append(parts, fmt.Sprintf("%+.1f bits against %s best rival", m, side.name))
	}
	if n == 0 {
		return Outcome{Attribute: "rank", Level: Missing}
	}
	lvl := standingLevel(sum / float64(n))
	if n == 2 && least >= standingBands[0].from {
		lvl = AheadBoth // ahead on each side, so in the mean too
	}
	return Outcome{Attribute: "rank", Level: lvl, Evidence: strings.Join(parts, "; ")}
}

// standingLevel is the band of a margin.
func standingLevel(m float64) Level {
	for _, b := range standingBands {
		if m >= b.from {
			return b.level
		}
	}
	return FarBehind
}

// Stand sets the standing of each of one offer's scored candidates against
// the others (the matcher's candidates have one offer; a listing's other
// offers are not known one offer at a time), adding its weight to the
// candidate's total and probability. The candidates are expected scored
// without a standing (its comparison missing).
func (s *Scorer) Stand(scored []Scored) {
	ri := s.rank
	if len(scored) < 2 || ri < 0 {
		return
	}
	var offer rivalry
	for i := range scored {
		offer.add(asRival(scored[i].Total, len(scored[i].Vetoes) > 0))
	}
	for i := range scored {
		sc := &scored[i]
		if len(sc.Vetoes) > 0 || ri >= len(sc.Comparisons) || sc.Comparisons[ri].Attribute != "rank" {
			continue
		}
		o := standingOf(sc.Total, &offer, nil)
		if o.Level == Missing {
			continue
		}
		w := s.level(ri, &o).weight
		c := &sc.Comparisons[ri]
		c.Level, c.Weight, c.Evidence = o.Level, w, o.Evidence
		sc.Total += w
		sc.Standing = w
		// Not vetoed: its closeness is its probability (Weigh).
		sc.Probability = Probability(sc.Total)
		sc.Closeness = sc.Probability
	}
}
