package match

import (
	"errors"
	"fmt"
	"math"
)

// Calibration lets a config fitted on other catalogs (a pooled default)
// move its thresholds to the catalog it decides, by that catalog's anchors:
// each offer's best candidate not vetoed, where the two share a model code
// or a GTIN, its surest matches, which exist whatever share of its offers
// is listed. What the rest of the evidence says on them (the title, the
// brand, the numbers: all but the code, the GTIN and the picture) measures
// how much the catalog's records agree where they are one item: web shops'
// titles of one product share less of their wording than two retailers'
// feeds do. The thresholds move by the difference from the catalogs the
// config was fitted on (Calibrated). Labels are never read.
type Calibration struct {
	// AnchorRest is the mean weight, in bits, of the anchors of the
	// catalogs the config was fitted on, their prior, model, gtin and
	// image weights taken out (each catalog weighing the same).
	AnchorRest float64 `json:"anchor_rest"`
	// MinAnchors is the fewest anchors a catalog needs for its thresholds
	// to move: the mean of fewer swings too far by chance.
	MinAnchors int `json:"min_anchors"`
	// MaxShift bounds the move, in bits, either way.
	MaxShift float64 `json:"max_shift"`
}

// DefaultMinAnchors and DefaultMaxShift are a new Calibration's bounds. An
// anchor's rest spreads by about three bits around the mean (the
// benchmarks' valid anchors, under their pooled fit), so the mean of 30 is
// within about half a bit; a move beyond 4 bits says more about a
// catalog's anchors being odd than about its wording.
const (
	DefaultMinAnchors = 30
	DefaultMaxShift   = 4.0
)

// validate reports a calibration that cannot move thresholds sensibly.
func (c *Calibration) validate() error {
	if c == nil {
		return nil
	}
	if math.IsNaN(c.AnchorRest) || math.IsInf(c.AnchorRest, 0) {
		return errors.New("config: calibration.anchor_rest is not a finite number")
	}
	if c.MinAnchors < 1 {
		return fmt.Errorf("config: calibration.min_anchors %d: want 1 or more", c.MinAnchors)
	}
	if !(c.MaxShift > 0) || math.IsInf(c.MaxShift, 0) {
		return fmt.Errorf("config: calibration.max_shift %v: want a positive number of bits", c.MaxShift)
	}
	return nil
}

// Anchors gathers a catalog's anchor pairs (Add: each offer's best
// candidate not vetoed, as Matcher.Anchors reads them) for Calibrated.
type Anchors struct {
	// N is the number of anchors, Sum their rests' sum (bits).
	N   int
	Sum float64
}

// AnchorRest returns a scored pair's total without its prior, model, gtin
// and image weights, and whether the pair is an anchor: it shares a model
// code (SharesCode) or a GTIN, and nothing vetoes it. The picture is left
// out with the codes: the catalogs a config is fitted on seldom have
// pictures, and a catalog's anchors would otherwise count its pictures as
// agreeing wording.
func AnchorRest(s *Scored) (float64, bool) {
	if len(s.Vetoes) > 0 {
		return 0, false
	}
	rest, anchor := s.Total-s.Prior, false
	for _, c := range s.Comparisons {
		switch c.Attribute {
		case "model":
			anchor = anchor || SharesCode(c.Level)
			rest -= c.Weight
		case "gtin":
			anchor = anchor || c.Level == Exact
			rest -= c.Weight
		case "image":
			rest -= c.Weight
		}
	}
	return rest, anchor
}

// Add counts s when it is an anchor.
func (a *Anchors) Add(s *Scored) {
	if rest, ok := AnchorRest(s); ok {
		a.N++
		a.Sum += rest
	}
}

// Mean is the anchors' mean rest, 0 when there are none.
func (a Anchors) Mean() float64 {
	if a.N == 0 {
		return 0
	}
	return a.Sum / float64(a.N)
}

// Shift is how a catalog's anchors moved a config's thresholds.
type Shift struct {
	Anchors int     `json:"anchors"`
	Rest    float64 `json:"anchor_rest"` // their mean rest, bits
	Bits    float64 `json:"bits"`        // the move of both thresholds
	// Applied is false when the config has no calibration or the catalog
	// too few anchors.
	Applied bool `json:"applied"`
}

// String says what the shift did, for a run's summary.
func (s Shift) String() string {
	if !s.Applied {
		return fmt.Sprintf("thresholds as configured (%d anchors)", s.Anchors)
	}
	return fmt.Sprintf("thresholds moved %+.2f bits by %d anchors (their evidence beside the code: %.2f bits)", s.Bits, s.Anchors, s.Rest)
}

// Calibrated returns the config with its match and review thresholds moved
// by the catalog's anchors a, and the move: the anchors' mean rest less
// the config's Calibration.AnchorRest, within MaxShift. A catalog whose
// matches carry less evidence besides their codes than the fitted
// catalogs' gets lower thresholds, one whose carry more higher ones. It
// returns c itself when c has no Calibration or a has fewer than
// MinAnchors.
func (c *Config) Calibrated(a Anchors) (*Config, Shift) {
	sh := Shift{Anchors: a.N, Rest: a.Mean()}
	cal := c.Calibration
	if cal == nil || a.N < cal.MinAnchors {
		return c, sh
	}
	sh.Bits = math.Max(-cal.MaxShift, math.Min(cal.MaxShift, sh.Rest-cal.AnchorRest))
	sh.Applied = true
	out := *c
	out.Calibration = nil // moved once: calibrated again, it would move again
	out.MatchThreshold = moved(c.MatchThreshold, sh.Bits)
	out.ReviewThreshold = min(moved(c.ReviewThreshold, sh.Bits), out.MatchThreshold)
	return &out, sh
}

// moved is the probability p with its log-odds moved by bits, kept inside
// (0, 1) as a threshold must be.
func moved(p, bits float64) float64 {
	return math.Max(1e-9, math.Min(Probability(Log2Odds(p)+bits), 1-1e-12))
}
