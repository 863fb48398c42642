package eval

import (
	"math"
	"testing"

	"github.com/followmatch/followmatch/match"
)

// TestBoostLearnsInteraction: depth-2 trees fit what no sum of per-feature
// weights can: a match when exactly one of two levels is present (XOR; in
// unequal numbers, so that the greedy root split sees a gain).
func TestBoostLearnsInteraction(t *testing.T) {
	var xs [][]int
	var ys, ws []float64
	cases := []struct {
		x []int
		y float64
		n int
	}{{nil, 0, 30}, {[]int{0}, 1, 40}, {[]int{1}, 1, 10}, {[]int{0, 1}, 0, 20}}
	for _, c := range cases {
		for range c.n {
			xs, ys, ws = append(xs, c.x), append(ys, c.y), append(ws, 1)
		}
	}
	base, trees := boost(xs, ys, ws, 2, TreeOptions{Rounds: 200, Rate: 0.3, Lambda: 1})
	for _, c := range cases {
		m := base
		for _, tr := range trees {
			m += tr.value(c.x)
		}
		p := 1 / (1 + math.Exp(-m))
		if math.Abs(p-c.y) > 0.1 {
			t.Errorf("features %v: probability %.2f, want %.0f (an interaction of two levels)", c.x, p, c.y)
		}
	}
	if len(trees) < 2 {
		t.Errorf("%d trees fitted, want the rounds to go on while they lower the loss", len(trees))
	}
}

func TestTreesIgnoreStanding(t *testing.T) {
	tr := &Trees{}
	x := tr.encode([]match.Outcome{
		{Attribute: "rank", Level: match.AheadBoth},
		{Attribute: "title", Level: "t50"},
	}, map[Feature]int{}, true)
	if len(x) != 1 || len(tr.Features) != 1 || tr.Features[0].Attribute != "title" {
		t.Errorf("features %v, want the title's level only: a pair's standing in a batch is no feature (a matcher's candidates never stand ahead on both sides)", tr.Features)
	}
}
