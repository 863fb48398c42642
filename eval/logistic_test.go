package eval

import (
	"math"
	"testing"

	"github.com/followmatch/followmatch/match"
)

func TestNonIncreasing(t *testing.T) {
	tests := []struct {
		in, want []float64
		reason   string
	}{
		{nil, []float64{}, "nothing to order"},
		{[]float64{3, 2, 1}, []float64{3, 2, 1}, "already in order: unchanged"},
		{[]float64{1, 3}, []float64{2, 2}, "one violation pools into its mean"},
		{[]float64{5, 1, 2, 3, 0}, []float64{5, 2, 2, 2, 0}, "a rising run pools whole"},
		{[]float64{0.41, 0.5, 0.45, 0.3}, []float64{0.455, 0.455, 0.45, 0.3}, "only the violators pool"},
	}
	for _, tt := range tests {
		got := nonIncreasing(tt.in)
		if len(got) != len(tt.want) {
			t.Fatalf("nonIncreasing(%v) = %v, want %v (%s)", tt.in, got, tt.want, tt.reason)
		}
		for i := range got {
			if math.Abs(got[i]-tt.want[i]) > 1e-9 {
				t.Errorf("nonIncreasing(%v) = %v, want %v (%s)", tt.in, got, tt.want, tt.reason)
				break
			}
		}
	}
}

// TestConstraintsKeepMeaning: projected weights keep every level's sign and
// the title bands' order, and weights that keep them are left alone.
func TestConstraintsKeepMeaning(t *testing.T) {
	c := levelConstraints()
	w := map[string]map[match.Level]float64{
		"title": {match.Exact: 3, match.T90: 1, match.T80: 2, match.T20: 0.7, match.Different: -2},
		"model": {match.Exact: -1, match.Conflict: 2, match.Variant: -1.1},
		"type":  {match.Same: -0.4, match.Family: -0.2},
		"color": {match.Exact: 1.5, match.Conflict: -4},
	}
	c.project(w)
	tests := []struct {
		attr   string
		level  match.Level
		want   float64
		reason string
	}{
		{"title", match.T90, 1.5, "a band weighing less than the band below pools with it"},
		{"title", match.T80, 1.5, "pooled with t90"},
		{"title", match.T20, 0, "the lowest band never counts for a match"},
		{"model", match.Exact, 0, "a shared code never counts against"},
		{"model", match.Conflict, 0, "a conflict never counts for"},
		{"model", match.Variant, -1.1, "a color suffix is the data's to weigh"},
		{"type", match.Same, 0, "one kind of product never counts against"},
		{"type", match.Family, -0.2, "a near kind is free"},
		{"color", match.Exact, 1.5, "kept: already right"},
		{"color", match.Conflict, -4, "kept: already right"},
	}
	for _, tt := range tests {
		if got := w[tt.attr][tt.level]; math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s %s = %v, want %v (%s)", tt.attr, tt.level, got, tt.want, tt.reason)
		}
	}
}

// TestFitKeepsSigns: a level whose pairs are mostly non-matches in the
// training data (as a benchmark's sampling can make an agreement) still
// does not weigh against a match after the fit.
func TestFitKeepsSigns(t *testing.T) {
	var pairs []Pair
	var outs [][]match.Outcome
	for i := range 400 {
		m := i%4 == 0
		lvl := match.Exact
		if m {
			lvl = match.Missing // matches rarely state a color here
		}
		pairs = append(pairs, Pair{Match: m})
		outs = append(outs, []match.Outcome{{Attribute: "color", Level: lvl}, {Attribute: "model", Level: map[bool]match.Level{true: match.Exact, false: match.Different}[m]}})
	}
	init := map[string]map[match.Level]float64{"color": {match.Exact: 1}, "model": {match.Exact: 5, match.Different: -3}}
	w, _ := fitLogistic(pairs, outs, init, levelConstraints(), -2, 0.001, 300)
	if w["color"][match.Exact] < 0 {
		t.Errorf("color exact fitted %v: an agreement counts against a match", w["color"][match.Exact])
	}
	free, _ := fitLogistic(pairs, outs, init, constraints{}, -2, 0.001, 300)
	if free["color"][match.Exact] >= 0 {
		t.Errorf("unconstrained color exact fitted %v: the test's data should pull it below 0", free["color"][match.Exact])
	}
}

func TestMeanBestThresholdNearEven(t *testing.T) {
	// Two datasets whose matches and non-matches any threshold between -4
	// and 4 bits separates: the mean F1 is flat there.
	a := []Scored{{Total: 5, Match: true}, {Total: 6, Match: true}, {Total: -5}, {Total: -6}}
	b := []Scored{{Total: 4, Match: true}, {Total: 7, Match: true}, {Total: -4}, {Total: -7}}
	th, f := meanBestThreshold([][]Scored{a, b}, nil)
	if f < 0.999 {
		t.Fatalf("mean F1 %v, want 1: every threshold between -4 and 4 separates both", f)
	}
	if math.Abs(th) > 0.05 {
		t.Errorf("threshold %v, want the one nearest an even chance (0) among the flat best, not an end of the plateau", th)
	}
}

func TestMeanBestThresholdBySource(t *testing.T) {
	// Three sets: a wants a threshold between 0.4 and 3 bits (non-matches
	// at 0.4 and 0.2), b and c (one source) between -3 and -1 (a match at
	// -1). Each set weighing the same, b and c outvote a; each source
	// weighing the same, the two sources tie, and the tie goes to the
	// threshold nearer 0, a's.
	a := []Scored{{Total: 5, Match: true}, {Total: 3, Match: true}, {Total: 0.4}, {Total: 0.2}}
	bc := []Scored{{Total: 5, Match: true}, {Total: -1, Match: true}, {Total: -3}, {Total: -5}}
	byWeight := func(w []float64) float64 {
		th, _ := meanBestThreshold([][]Scored{a, bc, bc}, w)
		return th
	}
	tests := []struct {
		name    string
		sets    []TuneSet
		wantNeg bool
		reason  string
	}{
		{"every set its own source", []TuneSet{{}, {}, {}}, true, "two sets against one: their threshold (below -1) wins"},
		{"two sets of one source", []TuneSet{{Source: "x"}, {Source: "wdc"}, {Source: "wdc"}}, false, "one source against one: the two plateaus tie on the mean, and a's is nearer 0"},
	}
	for _, tt := range tests {
		w := sourceWeights(tt.sets)
		sum := 0.0
		for _, x := range w {
			sum += x
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Errorf("%s: weights %v sum to %v, want 1", tt.name, w, sum)
		}
		if th := byWeight(w); (th < -1) != tt.wantNeg {
			t.Errorf("%s: threshold %v, want below -1 %v (%s)", tt.name, th, tt.wantNeg, tt.reason)
		}
	}
}

func TestStandingChoice(t *testing.T) {
	tests := []struct {
		name   string
		fs     []float64
		pooled bool
		want   int
		reason string
	}{
		{"one catalog, a scale beats none", []float64{0.85, 0.85, 0.85, 0.8532}, false, 3, "one catalog keeps the scale that beats no standing"},
		{"one catalog, none beats none", []float64{0.8535, 0.8535, 0.8532}, false, 0, "no standing unless a scale beats it"},
		{"pooled, a flat plateau", []float64{0.8535, 0.8535, 0.8535, 0.8535, 0.8535, 0.8532, 0.8519}, true, 3, "the middle of the scales within half a point: a tie is no reason to drop the standing"},
		{"pooled, one scale clearly best", []float64{0.80, 0.81, 0.86, 0.82}, true, 2, "only the best is within half a point"},
	}
	for _, tt := range tests {
		if got := standingChoice(tt.fs, tt.pooled); got != tt.want {
			t.Errorf("%s: standingChoice = %d, want %d (%s)", tt.name, got, tt.want, tt.reason)
		}
	}
}
