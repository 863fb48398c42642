package eval

import (
	"testing"

	"github.com/followmatch/followmatch/match"
)

// TestEvaluateCalibrates: a config with a calibration moves its thresholds
// by the anchors among each offer's best pair, labels unread.
func TestEvaluateCalibrates(t *testing.T) {
	vs, err := match.LoadVocabularies()
	if err != nil {
		t.Fatal(err)
	}
	r := func(id, title, model string) *match.Record { return &match.Record{ID: id, Title: title, Model: model} }
	ds := &Dataset{Name: "t",
		A: map[string]*match.Record{
			"a1": r("a1", "Acme Hose Reel HR-3100", ""), "a2": r("a2", "Acme Hose Reel HR-3200", ""),
			"a3": r("a3", "Acme Hose Reel HR-3300", ""), "a4": r("a4", "Acme reel small", ""),
		},
		B: map[string]*match.Record{
			"b1": r("b1", "Acme Garden Hose Reel with Bracket", "HR-3100"), "b2": r("b2", "Acme Garden Hose Reel with Bracket", "HR-3200"),
			"b3": r("b3", "Acme Garden Hose Reel with Bracket", "HR-3300"), "b1kit": r("b1kit", "Acme Bracket Kit for Hose Reel HR-3100", "HR-3100K"),
		},
	}
	ds.BOrder = []string{"b1", "b2", "b3", "b1kit"}
	e := NewEvaluator(ds, vs)
	pairs := []Pair{
		{A: "a1", B: "b1", Match: true}, {A: "a1", B: "b1kit"},
		{A: "a2", B: "b2", Match: true}, {A: "a3", B: "b3", Match: true},
		{A: "a4", B: "b1"},
	}
	base := match.DefaultConfig()
	if rep := e.Evaluate("test", pairs, base); rep.Calibration != nil {
		t.Fatalf("a config without calibration: want no move, got %+v", rep.Calibration)
	}
	cfg := *base
	cfg.Calibration = &match.Calibration{AnchorRest: 20, MinAnchors: 3, MaxShift: 2}
	rep := e.Evaluate("test", pairs, &cfg)
	sh := rep.Calibration
	if sh == nil || !sh.Applied || sh.Anchors != 3 || sh.Bits != -2 {
		t.Fatalf("calibration %+v: want 3 anchors (a1's best pair only, not its kit's; a4 shares no code) and the move bounded at -2 bits", sh)
	}
	if want := match.Probability(match.Log2Odds(base.MatchThreshold) - 2); rep.MatchThreshold != want {
		t.Errorf("report at threshold %v, want the moved one %v", rep.MatchThreshold, want)
	}
	cfg.Calibration.MinAnchors = 4
	if rep := e.Evaluate("test", pairs, &cfg); rep.Calibration == nil || rep.Calibration.Applied || rep.MatchThreshold != base.MatchThreshold {
		t.Errorf("3 anchors where 4 are needed: want the thresholds as configured, got %+v at %v", rep.Calibration, rep.MatchThreshold)
	}
}
