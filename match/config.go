package match

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/followmatch/followmatch/imagecmp"
)

// Config holds the scoring weights, vetoes and decision thresholds. It is
// data: DefaultConfig gives hand-set weights, DecodeConfig reads a JSON file
// over them (as written by `followmatch tune`), rejecting unknown keys.
type Config struct {
	// Prior is the weight (log2 odds) that a candidate is the same item
	// before any comparison.
	Prior float64 `json:"prior"`
	// MatchThreshold is the probability from which the best listing is the
	// same item; ReviewThreshold the probability from which it is worth a
	// human look (0.5 by default: a review is "probably the same item", as
	// the SPEC has it, not "possibly").
	MatchThreshold  float64 `json:"match_threshold"`
	ReviewThreshold float64 `json:"review_threshold"`
	// Candidates is how many listings retrieval returns per offer (top K).
	Candidates int `json:"candidates"`
	// NearestThreshold is the probability a vetoed listing must reach from
	// its other attributes to be named as the nearest listing of a
	// no_match.
	NearestThreshold float64 `json:"nearest_threshold"`
	// AmbiguityMargin is the weight (in bits) within which two listings
	// count as equally good.
	AmbiguityMargin float64 `json:"ambiguity_margin"`
	// Weights maps attribute -> level -> weight, log2(m/u). Every level but
	// Missing (which weighs 0) needs one.
	Weights map[string]map[Level]float64 `json:"weights"`
	// Vetoes maps attribute -> levels that make two records different
	// sellable items whatever the rest says.
	Vetoes map[string][]Level `json:"vetoes"`
	// Image holds the image verdict thresholds.
	Image imagecmp.Thresholds `json:"image"`
	// Words are title words with learned weights (tune --words): what each
	// says in both titles and in one only. Given, they replace the
	// defaults' (none) whole.
	Words map[string]WordWeight `json:"words,omitempty"`
	// WordsLimit is the most, in bits, that the learned title words add or
	// take together. A word's weight corrects what the other comparisons
	// made of it on the train pairs ("ef" only in one title: +3.5, where a
	// lens title without its mount was still the lens), and summed over
	// two unrelated titles the corrections alone reach +13 bits.
	WordsLimit float64 `json:"words_limit"`
	// BrandAliases maps a supplier's vendor name to the listing brands it
	// stands for (a brand owner, a holding, a distributor's own spelling),
	// as brand keys: lower case, letters and digits only ("nestlepurina":
	// ["friskies", "purinaone"]). tune --offers learns them from offers
	// linked to listings by their GTIN; a brand comparison the map covers
	// is an owner, not a conflict.
	BrandAliases map[string][]string `json:"brand_aliases,omitempty"`
	// Departments maps a supplier's own department ("PET", "HBA") to the
	// first levels of the listing category paths it stands for ("pet
	// supplies"), normalized. tune --offers learns them from offers linked
	// to listings by their GTIN; a department the map names agrees with
	// those paths and disagrees with others.
	Departments map[string][]string `json:"departments,omitempty"`
	// Abbreviations are a supplier's own short words and what they stand
	// for ("hdphn": "headphones"), normalized, beside the built-in ones
	// (vocab/abbreviations.json); they are expanded in offer titles.
	// tune --offers learns them from offers linked by their GTIN.
	Abbreviations map[string]string `json:"abbreviations,omitempty"`
	// Known are the products a person's labeled pairs name (tune keeps
	// its train pairs' when they help on valid): a record the matcher
	// would match to one of a product's records is of that product, and
	// the known comparison weighs two records of one product or of two
	// (known.go).
	Known []KnownProduct `json:"known_products,omitempty"`
	// Calibration, set by a pooled fit, lets the thresholds move to the
	// catalog being decided (Calibrated); a catalog's own tune and the
	// built-in defaults have none.
	Calibration *Calibration `json:"calibration,omitempty"`
}

// DefaultConfig returns the defaults: the weights and vetoes each
// attribute declares (see its file for why each weight is what it is).
func DefaultConfig() *Config {
	cfg := &Config{
		Prior:            -4,
		MatchThreshold:   0.7,
		ReviewThreshold:  0.5,
		Candidates:       20,
		NearestThreshold: 0.05,
		AmbiguityMargin:  1,
		WordsLimit:       5,
		Weights:          map[string]map[Level]float64{},
		Vetoes:           map[string][]Level{},
		Image:            imagecmp.DefaultThresholds(),
	}
	for _, a := range attributes {
		w := map[Level]float64{}
		for _, l := range a.Levels {
			if l.Level != Missing {
				w[l.Level] = l.Weight
			}
			if l.Veto {
				cfg.Vetoes[a.Name] = append(cfg.Vetoes[a.Name], l.Level)
			}
		}
		cfg.Weights[a.Name] = w
	}
	return cfg
}

// DecodeConfig reads a JSON config over the defaults: keys present replace
// the default value (weights level by level; vetoes, when given, as a
// whole), unknown keys are an error, and the result is validated.
func DecodeConfig(r io.Reader) (*Config, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	cfg := DefaultConfig()
	weights, vetoes := cfg.Weights, cfg.Vetoes
	// Decoding into a non-nil map would merge: weights merge on purpose
	// (below), vetoes given replace the defaults whole.
	cfg.Weights, cfg.Vetoes = nil, nil
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(cfg); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	if dec.More() {
		return nil, errors.New("config: more than one JSON value")
	}
	for attr, levels := range cfg.Weights {
		if weights[attr] == nil {
			weights[attr] = map[Level]float64{}
		}
		for lvl, w := range levels {
			weights[attr][lvl] = w
		}
	}
	cfg.Weights = weights
	if cfg.Vetoes == nil {
		cfg.Vetoes = vetoes
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// Validate reports the first problem with the config: an unknown attribute
// or level, a level without a weight, a weight that is not a finite number
// or is set on Missing, a veto on Missing, thresholds out of order.
func (c *Config) Validate() error {
	for _, short := range slices.Sorted(maps.Keys(c.Abbreviations)) {
		long := c.Abbreviations[short]
		if toks := Tokens(short); len(toks) != 1 || toks[0] != short {
			return fmt.Errorf("config: abbreviations: %q is not one normalized word", short)
		}
		if Normalize(long) != long || long == "" {
			return fmt.Errorf("config: abbreviations.%s: %q is not normalized words (want %q)", short, long, Normalize(long))
		}
	}
	for _, d := range slices.Sorted(maps.Keys(c.Departments)) {
		if Normalize(d) != d || d == "" || len(c.Departments[d]) == 0 {
			return fmt.Errorf("config: departments: %q: want a normalized department (%q) and the category roots it stands for", d, Normalize(d))
		}
		for _, r := range c.Departments[d] {
			if Normalize(r) != r || r == "" {
				return fmt.Errorf("config: departments.%s: %q is no normalized category root (want %q)", d, r, Normalize(r))
			}
		}
	}
	for _, v := range slices.Sorted(maps.Keys(c.BrandAliases)) {
		if BrandKeyOf(v) != v || v == "" {
			return fmt.Errorf("config: brand_aliases: %q is no brand key (want %q: lower case, letters and digits)", v, BrandKeyOf(v))
		}
		for _, b := range c.BrandAliases[v] {
			if BrandKeyOf(b) != b || b == "" {
				return fmt.Errorf("config: brand_aliases.%s: %q is no brand key (want %q)", v, b, BrandKeyOf(b))
			}
		}
	}
	for i, p := range c.Known {
		if len(p) == 0 {
			return fmt.Errorf("config: known_products[%d]: a product without records", i)
		}
		for j, r := range p {
			if r.Title == "" {
				return fmt.Errorf("config: known_products[%d][%d] (id %q): a record without a title", i, j, r.ID)
			}
		}
	}
	if err := c.Calibration.validate(); err != nil {
		return err
	}
	if !(c.WordsLimit > 0) || math.IsInf(c.WordsLimit, 0) {
		return fmt.Errorf("config: words_limit %v: want a positive number of bits", c.WordsLimit)
	}
	known := map[string]Attribute{}
	for _, a := range attributes {
		known[a.Name] = a
	}
	for _, attr := range sortedKeys(c.Weights) {
		a, ok := known[attr]
		if !ok {
			return fmt.Errorf("config: weights: unknown attribute %q (known: %v)", attr, sortedKeys(known))
		}
		for _, lvl := range slices.Sorted(maps.Keys(c.Weights[attr])) {
			w := c.Weights[attr][lvl]
			if _, ok := a.spec(lvl); !ok {
				return fmt.Errorf("config: weights.%s: unknown level %q (levels: %v)", attr, lvl, a.LevelNames())
			}
			if math.IsNaN(w) || math.IsInf(w, 0) {
				return fmt.Errorf("config: weights.%s.%s is not a finite number", attr, lvl)
			}
			if lvl == Missing && w != 0 {
				return fmt.Errorf("config: weights.%s.missing must be 0: a missing value is neutral", attr)
			}
		}
	}
	for _, a := range attributes {
		for _, l := range a.Levels {
			if _, ok := c.Weights[a.Name][l.Level]; !ok && l.Level != Missing {
				return fmt.Errorf("config: weights.%s.%s is not set: every level needs a weight", a.Name, l.Level)
			}
		}
	}
	for _, attr := range sortedKeys(c.Vetoes) {
		a, ok := known[attr]
		if !ok {
			return fmt.Errorf("config: vetoes: unknown attribute %q", attr)
		}
		for _, lvl := range c.Vetoes[attr] {
			if _, ok := a.spec(lvl); !ok || lvl == Missing {
				return fmt.Errorf("config: vetoes.%s: level %q cannot veto (levels: %v)", attr, lvl, a.LevelNames())
			}
		}
	}
	if math.IsNaN(c.Prior) || math.IsInf(c.Prior, 0) {
		return errors.New("config: prior is not a finite number")
	}
	if !(c.ReviewThreshold > 0 && c.ReviewThreshold <= c.MatchThreshold && c.MatchThreshold < 1) {
		return fmt.Errorf("config: want 0 < review_threshold (%v) <= match_threshold (%v) < 1", c.ReviewThreshold, c.MatchThreshold)
	}
	if !(c.NearestThreshold >= 0 && c.NearestThreshold <= 1) {
		return fmt.Errorf("config: nearest_threshold %v is not in 0..1", c.NearestThreshold)
	}
	if c.Candidates < 1 || c.Candidates > 1000 {
		return fmt.Errorf("config: candidates %d is not in 1..1000", c.Candidates)
	}
	if c.AmbiguityMargin < 0 || math.IsNaN(c.AmbiguityMargin) {
		return fmt.Errorf("config: ambiguity_margin %v is negative", c.AmbiguityMargin)
	}
	for _, w := range sortedKeys(c.Words) {
		ww := c.Words[w]
		if w == "" || w != Normalize(w) || strings.ContainsAny(w, " ") {
			return fmt.Errorf("config: words: %q is not one normalized title word", w)
		}
		if math.IsNaN(ww.Both) || math.IsInf(ww.Both, 0) || math.IsNaN(ww.One) || math.IsInf(ww.One, 0) {
			return fmt.Errorf("config: words.%s: weights must be finite numbers", w)
		}
	}
	if err := c.Image.Validate(); err != nil {
		return fmt.Errorf("config: image: %w", err)
	}
	return nil
}

// Encode writes the config as indented JSON.
func (c *Config) Encode(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(c)
}

func (c *Config) vetoes(attr string, level Level) bool {
	return slices.Contains(c.Vetoes[attr], level)
}
