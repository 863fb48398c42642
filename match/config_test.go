package match

import (
	"slices"
	"strings"
	"testing"
)

func TestDecodeConfig(t *testing.T) {
	tests := []struct {
		in, wantErr, reason string
	}{
		{`{}`, "", "empty config keeps the defaults"},
		{`{"weights": {"gtin": {"exact": 15}}, "match_threshold": 0.9}`, "", "overrides merge level by level"},
		{`{"wieghts": {}}`, "unknown field", "a misspelled key is refused"},
		{`{"weights": {"colour": {"exact": 1}}}`, "unknown attribute", "unknown attribute"},
		{`{"weights": {"gtin": {"same": 1}}}`, "unknown level", "unknown level"},
		{`{"weights": {"gtin": {"missing": 1}}}`, "must be 0", "missing is neutral"},
		{`{"match_threshold": 0.4, "review_threshold": 0.6}`, "review_threshold", "thresholds out of order"},
		{`{"vetoes": {"title": ["exact"]}}`, "", "any known level may veto"},
		{`{"vetoes": {}}`, "", "vetoes given replace the defaults: none"},
		{`{"vetoes": {"gtin": ["missing"]}}`, "cannot veto", "missing never vetoes"},
		{`{"candidates": 0}`, "candidates", "K must be positive"},
		{`{} {}`, "more than one", "trailing data"},
	}
	for _, tt := range tests {
		cfg, err := DecodeConfig(strings.NewReader(tt.in))
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("DecodeConfig(%s): %v (%s)", tt.in, err, tt.reason)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("DecodeConfig(%s) = %v, want error containing %q (%s)", tt.in, err, tt.wantErr, tt.reason)
		}
		if tt.wantErr == "" && err == nil && strings.Contains(tt.in, "15") {
			if cfg.Weights["gtin"]["exact"] != 15 || cfg.Weights["gtin"]["conflict"] != DefaultConfig().Weights["gtin"]["conflict"] {
				t.Errorf("override did not merge: %v", cfg.Weights["gtin"])
			}
		}
	}
}

func TestDefaultConfigRoundTrip(t *testing.T) {
	var b strings.Builder
	if err := DefaultConfig().Encode(&b); err != nil {
		t.Fatal(err)
	}
	cfg, err := DecodeConfig(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("the default config does not load back: %v", err)
	}
	if cfg.Prior != DefaultConfig().Prior || len(cfg.Weights) != len(DefaultConfig().Weights) {
		t.Errorf("round trip changed the config")
	}
}

func TestProbability(t *testing.T) {
	for _, tt := range []struct{ w, want float64 }{{0, 0.5}, {1, 2.0 / 3}, {-1, 1.0 / 3}, {100, 1}, {-100, 0}} {
		if got := Probability(tt.w); got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("Probability(%v) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestDecodeConfigVetoesReplace(t *testing.T) {
	cfg, err := DecodeConfig(strings.NewReader(`{"vetoes": {"color": ["conflict"]}}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Vetoes) != 1 || cfg.vetoes("brand", Conflict) {
		t.Errorf("vetoes = %v: a config's vetoes must replace the defaults, not add to them", cfg.Vetoes)
	}
	cfg, _ = DecodeConfig(strings.NewReader(`{}`))
	if !cfg.vetoes("brand", Conflict) {
		t.Error("a config without vetoes keeps the default vetoes")
	}
}

// TestValidateWantsEveryWeight: a level without a weight is a config error,
// not a silent 0.
func TestValidateWantsEveryWeight(t *testing.T) {
	cfg := DefaultConfig()
	delete(cfg.Weights["color"], Family)
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "weights.color.family is not set") {
		t.Errorf("Validate without color.family = %v, want the level named", err)
	}
	cfg = DefaultConfig()
	delete(cfg.Weights, "title")
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "weights.title.") {
		t.Errorf("Validate without title weights = %v, want an error naming title", err)
	}
	if err := DefaultConfig().Validate(); err != nil {
		t.Errorf("the default config: %v", err)
	}
}

// TestDefaultConfigFromAttributes: the defaults are what each attribute
// declares, every level but Missing has a stated reason, Missing weighs 0
// and never vetoes, and a level that backs another attribute's veto names
// an attribute that has a veto.
func TestDefaultConfigFromAttributes(t *testing.T) {
	cfg := DefaultConfig()
	names := map[string]bool{}
	for _, a := range Attributes() {
		names[a.Name] = true
	}
	for _, a := range Attributes() {
		if len(a.Levels) == 0 || a.Levels[len(a.Levels)-1].Level != Missing {
			t.Errorf("%s: levels must end with missing", a.Name)
		}
		for _, l := range a.Levels {
			if l.Level == Missing {
				if l.Weight != 0 || l.Veto || l.Backs != "" {
					t.Errorf("%s.missing: %+v, want neutral", a.Name, l)
				}
				continue
			}
			if l.Why == "" {
				t.Errorf("%s.%s: no reason for the default weight", a.Name, l.Level)
			}
			if w, ok := cfg.Weights[a.Name][l.Level]; !ok || w != l.Weight {
				t.Errorf("%s.%s: default config weighs %v (set %v), the attribute declares %v", a.Name, l.Level, w, ok, l.Weight)
			}
			if l.Veto != cfg.vetoes(a.Name, l.Level) {
				t.Errorf("%s.%s: veto %v declared, %v in the default config", a.Name, l.Level, l.Veto, !l.Veto)
			}
			if l.Backs != "" && (!names[l.Backs] || len(cfg.Vetoes[l.Backs]) == 0) {
				t.Errorf("%s.%s backs %q, which is no attribute with a veto", a.Name, l.Level, l.Backs)
			}
		}
	}
}

func TestConfigAbbreviationsValidated(t *testing.T) {
	tests := []struct {
		words  map[string]string
		ok     bool
		reason string
	}{
		{map[string]string{"hdpzn": "headphones"}, true, "one short word, normalized words"},
		{map[string]string{"HDPZN": "headphones"}, false, "the short word must be normalized"},
		{map[string]string{"hd pzn": "headphones"}, false, "one word only"},
		{map[string]string{"hdpzn": ""}, false, "it must stand for something"},
	}
	for _, tt := range tests {
		cfg := DefaultConfig()
		cfg.Abbreviations = tt.words
		if err := cfg.Validate(); (err == nil) != tt.ok {
			t.Errorf("Validate(%v) = %v, want ok %v (%s)", tt.words, err, tt.ok, tt.reason)
		}
	}
}

func TestWithAbbreviations(t *testing.T) {
	vs := testVocab(t)
	more := vs.WithAbbreviations(map[string]string{"hdpzn": "headphones"})
	got := Prepare(&Record{Title: "SONY WRLSS HDPZN"}, more).TitleKeys()
	if !slices.Contains(got, "headphone") && !slices.Contains(got, "headphones") {
		t.Errorf("keys %v: want hdphn expanded", got)
	}
	if keys := Prepare(&Record{Title: "SONY HDPZN"}, vs).TitleKeys(); slices.Contains(keys, "headphones") || slices.Contains(keys, "headphone") {
		t.Errorf("the built-in vocabularies changed: %v", keys)
	}
}

// TestDirectionsAgreeWithWeights: a level declared to count for a match
// does not weigh against one by hand, nor one declared against for one: the
// hand-set weight and the direction a fit keeps say the same.
func TestDirectionsAgreeWithWeights(t *testing.T) {
	for _, a := range Attributes() {
		for _, l := range a.Levels {
			if l.Direction == ByWeight || l.Direction == Either {
				continue
			}
			if l.Sign()*l.Weight < 0 {
				t.Errorf("%s %s: direction %d but hand-set weight %v", a.Name, l.Level, l.Direction, l.Weight)
			}
		}
	}
}

// TestGradedLevelsSigned: in a graded attribute the levels that count for
// a match come before those that count against, so that zeroing a wrong
// sign keeps the bands in order.
func TestGradedLevelsSigned(t *testing.T) {
	for _, a := range Attributes() {
		if !a.Graded {
			continue
		}
		var signs []float64
		for _, l := range a.Levels {
			if l.Level != Missing && l.Sign() != 0 {
				signs = append(signs, l.Sign())
			}
		}
		if !slices.IsSortedFunc(signs, func(x, y float64) int { return int(y - x) }) {
			t.Errorf("%s: level signs %v: a level for a match after one against", a.Name, signs)
		}
	}
}
