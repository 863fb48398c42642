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
	got := ev.Uncertain(train, cfg, len(train), nil)
	if len(got) != len(train) {
		t.Fatalf("%d pairs, want all %d", len(got), len(train))
	}
	scores := Weigh(got, ev.Compare(got, cfg), cfg)
	at := logit(cfg.MatchThreshold)
	prev := -1.0
	for i, s := range scores {
		d := math.Abs(s.Total - at)
		if s.Vetoed {
			d = math.Inf(1)
		}
		if d < prev {
			t.Fatalf("pair %d is %.2f bits from the threshold after one %.2f away: not most uncertain first", i, d, prev)
		}
		prev = d
	}
	done := map[Pair]bool{got[0]: true}
	if again := ev.Uncertain(train, cfg, 1, done); len(again) != 1 || again[0] == got[0] {
		t.Errorf("Uncertain asked %v again after it was labeled", got[0])
	}
	labeled, tuned := ev.ActiveLabels(train, cfg, 10, 5)
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
