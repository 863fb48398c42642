package match

import (
	"fmt"
	"math"
	"strconv"
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
	w := make(map[Level]float64, len(standingBands))
	for _, b := range standingBands {
		w[b.level] = b.profile * scale
	}
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
	for i, t := range totals {
		as[i] = t
		if vetoed[i] {
			as[i] = math.Min(t, vetoedTotal)
		}
	}
	byOffer, byListing := bestTwo(as, offers), bestTwo(as, listings)
	out := make([]Outcome, len(totals))
	for i, t := range as {
		var parts []string
		sum, n := 0.0, 0
		for _, side := range []struct {
			best map[string]*[2]float64
			key  string
			name string
		}{{byOffer, offers[i], "the offer's"}, {byListing, listings[i], "the listing's"}} {
			r, ok := rival(side.best[side.key], t)
			if !ok {
				continue
			}
			m := clampMargin(t - r)
			sum, n = sum+m, n+1
			parts = append(parts, fmt.Sprintf("%+.1f bits against %s best rival", m, side.name))
		}
		if n == 0 || vetoed[i] {
			out[i] = Outcome{Attribute: "rank", Level: Missing}
			continue
		}
		out[i] = Outcome{Attribute: "rank", Level: standingLevel(sum / float64(n)), Evidence: strings.Join(parts, "; ")}
	}
	return out
}

// vetoedTotal is the most a vetoed pair counts as a rival: far behind any
// pair that is not vetoed.
const vetoedTotal = -30

// clampMargin bounds a margin to ±30 bits.
func clampMargin(m float64) float64 { return math.Max(-30, math.Min(30, m)) }

// standingLevel is the band of a margin.
func standingLevel(m float64) Level {
	for _, b := range standingBands {
		if m >= b.from {
			return b.level
		}
	}
	return FarBehind
}

// bestTwo returns, for each key, the two highest totals among the pairs of
// that key (the second -Inf when there is one pair), and how many pairs.
func bestTwo(totals []float64, keys []string) map[string]*[2]float64 {
	best := map[string]*[2]float64{}
	count := map[string]int{}
	for i, k := range keys {
		t := totals[i]
		count[k]++
		b := best[k]
		if b == nil {
			best[k] = &[2]float64{t, math.Inf(-1)}
			continue
		}
		switch {
		case t > b[0]:
			b[0], b[1] = t, b[0]
		case t > b[1]:
			b[1] = t
		}
	}
	for k, n := range count {
		if n < 2 {
			delete(best, k)
		}
	}
	return best
}

// rival is the best total among a key's pairs other than one of total t:
// the second best when t is the best. ok is false when the key has no
// other pair.
func rival(b *[2]float64, t float64) (float64, bool) {
	if b == nil {
		return 0, false
	}
	r := b[0]
	if t >= b[0] {
		r = b[1]
	}
	return r, !math.IsInf(r, -1)
}

// Stand sets the standing of each of one offer's scored candidates against
// the others (the matcher's candidates have one offer; a listing's other
// offers are not known one offer at a time), adding its weight to the
// candidate's total and probability. Candidates scored without a standing
// (its comparison missing) are expected.
func (s *Scorer) Stand(scored []Scored) {
	if len(scored) < 2 {
		return
	}
	ri := -1
	for i, a := range s.attrs {
		if a.Name == "rank" {
			ri = i
		}
	}
	if ri < 0 {
		return
	}
	totals := make([]float64, len(scored))
	vetoed := make([]bool, len(scored))
	offers := make([]string, len(scored))
	listings := make([]string, len(scored))
	for i := range scored {
		totals[i], vetoed[i] = scored[i].Total, len(scored[i].Vetoes) > 0
		listings[i] = strconv.Itoa(i)
	}
	for i, o := range Standings(totals, vetoed, offers, listings) {
		sc := &scored[i]
		if o.Level == Missing || ri >= len(sc.Comparisons) || sc.Comparisons[ri].Attribute != "rank" {
			continue
		}
		w := s.levels[ri][o.Level].weight
		sc.Comparisons[ri].Level, sc.Comparisons[ri].Weight, sc.Comparisons[ri].Evidence = o.Level, w, o.Evidence
		sc.Total += w
		sc.Standing = w
		sc.Closeness = Probability(Log2Odds(sc.Closeness) + w)
		if len(sc.Vetoes) == 0 {
			sc.Probability = Probability(sc.Total)
		}
	}
}
