package eval

import (
	"math"
	"testing"

	"github.com/followmatch/followmatch/match"
)

// TestAdaptPrior: where the scores tell matches apart, EM finds the share
// of matches among unlabeled pairs (a third here) from whatever share the
// config was fitted at, and moves the prior toward it.
func TestAdaptPrior(t *testing.T) {
	ev := load(t, writeDataset(t, 60))
	test, err := ev.DS.Split("test")
	if err != nil {
		t.Fatal(err)
	}
	base := match.DefaultConfig()
	tests := []struct {
		trainShare float64
		up         bool
		reason     string
	}{
		{0.05, true, "fitted where matches were rare: more of them here, the prior rises"},
		{0.9, false, "fitted where nearly every pair matched: the prior falls"},
	}
	for _, tt := range tests {
		cfg, share := AdaptPrior(ev, test, base, tt.trainShare)
		if math.Abs(share-1.0/3) > 0.05 {
			t.Errorf("from %.2f: share %.3f, want about 1/3 (%s)", tt.trainShare, share, tt.reason)
		}
		if rose := cfg.Prior > base.Prior; rose != tt.up {
			t.Errorf("from %.2f: prior %.2f -> %.2f, want it to rise: %v (%s)", tt.trainShare, base.Prior, cfg.Prior, tt.up, tt.reason)
		}
	}
	if base.Prior != match.DefaultConfig().Prior {
		t.Error("AdaptPrior changed the config it was given")
	}
}

// TestOtsuCut: the cut falls between two heaps of totals, wherever they
// lie and however unequal their sizes.
func TestOtsuCut(t *testing.T) {
	tests := []struct {
		ts     []float64
		lo, hi float64 // the cut must lie in (lo, hi)
		ok     bool
		reason string
	}{
		{[]float64{-6, -5, -5.5, -4, 7, 8, 6.5}, -4, 6.5, true, "two heaps: between them"},
		{[]float64{-9, -8.5, -8, -8.2, -7.9, -8.8, -8.1, 3, 3.5}, -7.9, 3, true, "a small heap of matches far above"},
		{[]float64{1, 1, 1}, 0, 0, false, "one value: no cut"},
		{nil, 0, 0, false, "no pairs"},
	}
	for _, tt := range tests {
		cut, ok := otsuCut(tt.ts)
		if ok != tt.ok || ok && (cut <= tt.lo || cut >= tt.hi) {
			t.Errorf("%v: cut %.2f, %v; want in (%.1f, %.1f), %v (%s)", tt.ts, cut, ok, tt.lo, tt.hi, tt.ok, tt.reason)
		}
	}
}

// TestSeparation: the share of variance between the heaps a cut makes is
// near 1 for two heaps far apart, 3/4 for an even spread cut in its middle,
// and 0 when the cut leaves one side empty.
func TestSeparation(t *testing.T) {
	even := make([]float64, 1000)
	for i := range even {
		even[i] = float64(i)
	}
	tests := []struct {
		name   string
		ts     []float64
		cut    float64
		want   float64
		reason string
	}{
		{"two heaps", []float64{-10, -10.5, -9.5, 10, 10.5, 9.5}, 0, 0.997, "the variance is almost all between them"},
		{"an even spread", even, 499.5, 0.75, "a uniform spread cut in half"},
		{"one side empty", []float64{1, 2, 3}, 10, 0, "no second heap"},
	}
	for _, tt := range tests {
		if got := separation(tt.ts, tt.cut); math.Abs(got-tt.want) > 0.005 {
			t.Errorf("%s: %.4f, want %.3f (%s)", tt.name, got, tt.want, tt.reason)
		}
	}
}
