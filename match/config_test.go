package match

import (
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
