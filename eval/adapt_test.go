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
