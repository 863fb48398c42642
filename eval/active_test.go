package eval

import (
	"math"
	"testing"

	"github.com/followmatch/followmatch/match"
)

// TestUncertain: the pairs nearest the match threshold come first, vetoed
// ones last, and pairs already labeled are not asked again.
func TestUncertain(t *testing.T) {
	ev := load(t, writeDataset(t, 40))
	train, err := ev.DS.Split("train")
	if err != nil {
		t.Fatal(err)
	}
	cfg := match.DefaultConfig()
	got := ev.Uncertain(train, cfg, len(train), nil, OrderUncertain)
	if len(got) != len(train) {
		t.Fatalf("%d pairs, want all %d", len(got), len(train))
	}
	scores := Weigh(got, ev.Compare(got, cfg), cfg)
	prev := -1.0
	for i, s := range scores {
		d := Distance(match.Probability(s.Total), cfg)
		if s.Vetoed {
			d = math.Inf(1)
		}
		if d < prev {
			t.Fatalf("pair %d is %.2f bits from the threshold after one %.2f away: not most uncertain first", i, d, prev)
		}
		prev = d
	}
	done := map[Pair]bool{got[0]: true}
	if again := ev.Uncertain(train, cfg, 1, done, OrderUncertain); len(again) != 1 || again[0] == got[0] {
		t.Errorf("Uncertain asked %v again after it was labeled", got[0])
	}
	// Review first: the pairs between the thresholds lead (here every
	// pair not vetoed: the synthetic pairs score alike), the vetoed after.
	cfg = match.DefaultConfig()
	cfg.ReviewThreshold, cfg.MatchThreshold = 0.5, 0.99999
	first := ev.Uncertain(train, cfg, len(train), nil, OrderReviewFirst)
	inBand := func(p Pair) bool {
		s := Weigh([]Pair{p}, ev.Compare([]Pair{p}, cfg), cfg)[0]
		prob := match.Probability(s.Total)
		return !s.Vetoed && prob >= cfg.ReviewThreshold && prob < cfg.MatchThreshold
	}
	band := 0
	for _, p := range train {
		if inBand(p) {
			band++
		}
	}
	if band == 0 {
		t.Fatal("the test dataset has no pair between the thresholds: the review-first case checks nothing")
	}
	for i, p := range first {
		if inBand(p) != (i < band) {
			t.Fatalf("review first: pair %d of %d (band of %d) in the band: %v", i, len(first), band, inBand(p))
		}
	}
	labeled, tuned := ev.ActiveLabels(train, cfg, 10, 5, OrderReviewFirst)
	seen := map[Pair]bool{}
	for _, p := range labeled {
		if seen[p] {
			t.Errorf("ActiveLabels asked %v twice", p)
		}
		seen[p] = true
	}
	if len(labeled) != 10 || tuned == nil {
		t.Errorf("ActiveLabels gave %d labels, want the budget of 10 and a config", len(labeled))
	}
}
