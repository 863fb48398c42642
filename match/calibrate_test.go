package match

import (
	"math"
	"strings"
	"testing"
)

func TestAnchorRest(t *testing.T) {
	cmp := func(attr string, l Level, w float64) Comparison {
		return Comparison{Attribute: attr, Level: l, Weight: w}
	}
	cases := []struct {
		name     string
		s        Scored
		wantRest float64
		want     bool
		why      string
	}{
		{"shared code", Scored{Prior: -3, Total: -3 + 7 + 2 - 1, Comparisons: []Comparison{cmp("model", Exact, 7), cmp("title", "t80", 2), cmp("brand", Conflict, -1)}},
			1, true, "the rest is the title and the brand: the code, the anchor's own evidence, is out"},
		{"shared short code", Scored{Prior: -3, Total: -3 + 4 + 3, Comparisons: []Comparison{cmp("model", ShortExact, 4), cmp("title", "t90", 3)}},
			3, true, "every level that shares a code anchors"},
		{"shared gtin", Scored{Prior: -3, Total: -3 + 12 + 2.5 + 1, Comparisons: []Comparison{cmp("gtin", Exact, 12), cmp("image", Same, 2.5), cmp("title", "t70", 1)}},
			1, true, "a GTIN anchors; the picture is left out with it"},
		{"code and gtin", Scored{Prior: -3, Total: -3 + 12 + 7 + 2, Comparisons: []Comparison{cmp("gtin", Exact, 12), cmp("model", LongExact, 7), cmp("title", "t80", 2)}},
			2, true, "both identifiers out"},
		{"vetoed", Scored{Prior: -3, Total: -3 + 7 - 5, Vetoes: []string{"size"}, Comparisons: []Comparison{cmp("model", Exact, 7), cmp("size", Conflict, -5)}},
			0, false, "a vetoed pair is no sure match"},
		{"no code shared", Scored{Prior: -3, Total: -3 - 2.5 + 3, Comparisons: []Comparison{cmp("model", Different, -2.5), cmp("title", "t90", 3)}},
			3, false, "different codes are no anchor"},
		{"gtin conflict", Scored{Prior: -3, Total: -3 - 5, Comparisons: []Comparison{cmp("gtin", Conflict, -5)}},
			0, false, "only an exact GTIN anchors"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rest, ok := AnchorRest(&c.s)
			if ok != c.want || ok && math.Abs(rest-c.wantRest) > 1e-9 {
				t.Errorf("AnchorRest = %v, %v; want %v, %v (%s)", rest, ok, c.wantRest, c.want, c.why)
			}
		})
	}
}

func TestCalibrated(t *testing.T) {
	base := DefaultConfig()
	base.MatchThreshold, base.ReviewThreshold = 0.5, 0.2
	with := func(rest float64, min int, maxShift float64) *Config {
		c := *base
		c.Calibration = &Calibration{AnchorRest: rest, MinAnchors: min, MaxShift: maxShift}
		return &c
	}
	anchors := func(n int, mean float64) Anchors { return Anchors{N: n, Sum: float64(n) * mean} }
	cases := []struct {
		name     string
		cfg      *Config
		a        Anchors
		wantBits float64
		applied  bool
		why      string
	}{
		{"no calibration", base, anchors(100, 0), 0, false, "a config without one decides at its thresholds"},
		{"too few anchors", with(3, 30, 4), anchors(29, 0), 0, false, "the mean of 29 anchors swings too far"},
		{"wording agrees less", with(3.5, 30, 4), anchors(100, 1), -2.5, true, "anchors with 2.5 bits less beside their codes: thresholds 2.5 bits lower"},
		{"wording agrees more", with(3.5, 30, 4), anchors(40, 4.5), 1, true, "a catalog whose records agree more gets stricter"},
		{"bounded", with(3.5, 30, 2), anchors(100, -3), -2, true, "the move stops at max_shift"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, sh := c.cfg.Calibrated(c.a)
			if sh.Applied != c.applied || math.Abs(sh.Bits-c.wantBits) > 1e-9 || sh.Anchors != c.a.N {
				t.Fatalf("shift %+v, want %v bits applied=%v (%s)", sh, c.wantBits, c.applied, c.why)
			}
			if !c.applied {
				if got != c.cfg {
					t.Errorf("not applied, yet a new config (%s)", c.why)
				}
				return
			}
			if d := Log2Odds(got.MatchThreshold) - Log2Odds(c.cfg.MatchThreshold); math.Abs(d-c.wantBits) > 1e-6 {
				t.Errorf("match threshold moved %v bits, want %v (%s)", d, c.wantBits, c.why)
			}
			if d := Log2Odds(got.ReviewThreshold) - Log2Odds(c.cfg.ReviewThreshold); math.Abs(d-c.wantBits) > 1e-6 {
				t.Errorf("review threshold moved %v bits, want %v (%s)", d, c.wantBits, c.why)
			}
			if got.Calibration != nil {
				t.Error("a calibrated config keeps its calibration: calibrated again, it would move again")
			}
			if c.cfg.MatchThreshold != 0.5 || c.cfg.Calibration == nil {
				t.Error("Calibrated changed the config it was called on")
			}
			if err := got.Validate(); err != nil {
				t.Errorf("calibrated config invalid: %v", err)
			}
		})
	}
}

func TestCalibrationValidated(t *testing.T) {
	cases := []struct {
		name, json, want string
	}{
		{"no anchors needed", `{"calibration": {"anchor_rest": 3, "min_anchors": 0, "max_shift": 4}}`, "min_anchors"},
		{"no move allowed", `{"calibration": {"anchor_rest": 3, "min_anchors": 30, "max_shift": 0}}`, "max_shift"},
		{"unknown key", `{"calibration": {"anchor_rest": 3, "min_anchors": 30, "max_shift": 4, "bits": 1}}`, "unknown field"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := DecodeConfig(strings.NewReader(c.json))
			if err == nil {
				err = cfg.Validate()
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one naming %q", err, c.want)
			}
		})
	}
	cfg, err := DecodeConfig(strings.NewReader(`{"calibration": {"anchor_rest": 3.25, "min_anchors": 30, "max_shift": 4}}`))
	if err != nil || cfg.Validate() != nil || cfg.Calibration == nil || cfg.Calibration.AnchorRest != 3.25 {
		t.Fatalf("a valid calibration: %v, %+v", err, cfg)
	}
}
