package match

import (
	"math"
	"slices"
)

// Comparison is one attribute's evidence in a result: its level, the
// level's weight, the two values and what decided the level.
type Comparison struct {
	Attribute string  `json:"attribute"`
	Level     Level   `json:"level"`
	Weight    float64 `json:"weight"`
	Offer     string  `json:"offer,omitempty"`
	Listing   string  `json:"listing,omitempty"`
	Evidence  string  `json:"evidence,omitempty"`
	// Veto is set when this level makes the records different items.
	Veto bool `json:"veto,omitempty"`
}

// Scored is one offer-listing pair after every comparison.
type Scored struct {
	Listing     *Item
	Comparisons []Comparison
	// Prior is the config's prior weight; Total is Prior plus every
	// comparison's weight.
	Prior, Total float64
	// Probability is 2^Total / (1 + 2^Total), or 0 when vetoed.
	Probability float64
	// Vetoes names the attributes whose level vetoes the pair.
	Vetoes []string
	// Reviews are the reasons this pair needs a person even when it is the
	// same product (LevelSpec.Review).
	Reviews []string
	// Conflicting names the attributes whose stated conflict stands against
	// a level that identifies the item (a shared GTIN): the pair is not
	// vetoed, but a person should look.
	Conflicting []string
	// Closeness is the probability from every attribute but the vetoed ones:
	// how close the listing came apart from its mismatches.
	Closeness float64
	// Similarity sums the comparisons' raw similarities: it orders
	// candidates whose levels tie.
	Similarity float64
	// Standing is the weight of the pair's standing among the offer's
	// other candidates (the rank comparison, Scorer.Stand), included in
	// Total; 0 until Stand.
	Standing float64
}

// own is the pair's total on its own evidence, without its standing.
func (s *Scored) own() float64 { return s.Total - s.Standing }

// Scorer scores offer-listing pairs under a config. It is safe for
// concurrent use.
type Scorer struct {
	cfg   *Config
	env   *Env
	attrs []Attribute
	// backs maps an attribute to the (attribute, level) pairs that back its
	// veto (LevelSpec.Backs).
	backs map[string][]attrLevel
	// levels holds, per attribute in order, what each of its levels weighs
	// under cfg: one scan of a few levels per comparison, where Weigh would
	// make four map lookups.
	levels [][]levelInfo
	// rank and known are the indexes of the rank and known attributes
	// among attrs (Stand, Know).
	rank, known int
	// none is what a level no attribute declares weighs: nothing.
	none levelInfo
}

// levelInfo is one level of one attribute under the scorer's config.
type levelInfo struct {
	level      Level
	weight     float64
	veto       bool
	identifies bool
	review     string
}

// attrLevel names one level of one attribute.
type attrLevel struct {
	attr  string
	level Level
}

// NewScorer returns a scorer for cfg, which must pass Validate (every
// level weighed); idf may be nil (all title keys weigh the same).
func NewScorer(cfg *Config, idf func(string) float64) *Scorer {
	s := &Scorer{cfg: cfg, env: &Env{IDF: idf, Image: cfg.Image, Words: cfg.Words, BrandAliases: cfg.BrandAliases, Departments: cfg.Departments}, attrs: attributes, backs: map[string][]attrLevel{},
		rank:  slices.IndexFunc(attributes, func(a Attribute) bool { return a.Name == "rank" }),
		known: slices.IndexFunc(attributes, func(a Attribute) bool { return a.Name == "known" })}
	for _, a := range attributes {
		m := make([]levelInfo, 0, len(a.Levels))
		for _, l := range a.Levels {
			m = append(m, levelInfo{level: l.Level, weight: cfg.Weights[a.Name][l.Level], veto: cfg.vetoes(a.Name, l.Level), identifies: l.Identifies, review: l.Review})
			if l.Backs != "" {
				s.backs[l.Backs] = append(s.backs[l.Backs], attrLevel{a.Name, l.Level})
			}
		}
		s.levels = append(s.levels, m)
	}
	return s
}

// Config returns the config the scorer weighs by.
func (s *Scorer) Config() *Config { return s.cfg }

// WithAllWords returns a scorer whose words comparison reports every title
// word, not only the learned ones: for tune to learn word weights from.
func (s *Scorer) WithAllWords() *Scorer {
	c := *s
	env := *s.env
	env.AllWords = true
	c.env = &env
	return &c
}

// Score compares offer and listing on every attribute and adds up the
// evidence.
func (s *Scorer) Score(offer, listing *Item) Scored {
	// The outcomes live as long as the call: on the stack, not the heap
	// (a scored pair allocates what it returns, no more).
	var buf [maxAttributes]Outcome
	return s.Weigh(listing, s.compareInto(buf[:0], offer, listing))
}

// maxAttributes bounds the attributes a scored pair's outcomes are kept
// for on the stack (Score); TestScoreStaysOnTheStack holds the table to it
// (a 25th attribute past a bound of 24 had sent every pair's outcomes to
// the heap: 7% slower bulk matching).
const maxAttributes = 32

// Compare runs every comparison of offer and listing, in the order of
// Attributes.
func (s *Scorer) Compare(offer, listing *Item) []Outcome {
	return s.compareInto(make([]Outcome, 0, len(s.attrs)), offer, listing)
}

// compareInto is Compare appending to outs.
func (s *Scorer) compareInto(outs []Outcome, offer, listing *Item) []Outcome {
	for _, a := range s.attrs {
		outs = append(outs, a.Compare(offer, listing, s.env))
	}
	return outs
}

// Weigh adds up the weights of comparison outcomes (from Compare, possibly
// under another config) into a score for listing.
func (s *Scorer) Weigh(listing *Item, outs []Outcome) Scored {
	sc := Scored{Listing: listing, Prior: s.cfg.Prior, Total: s.cfg.Prior, Comparisons: make([]Comparison, 0, len(outs))}
	identified := false
	for i := range outs {
		identified = identified || s.level(i, &outs[i]).identifies
	}
	vetoed := 0.0
	for i := range outs {
		o := &outs[i]
		attr := o.Attribute
		info := s.level(i, o)
		w := info.weight
		evidence := o.Evidence
		if len(o.Hits) > 0 {
			sum, shown := wordsWeight(o.Hits, s.cfg.Words, s.env, s.cfg.WordsLimit)
			w += sum
			evidence = shown
		}
		cmp := Comparison{Attribute: attr, Level: o.Level, Weight: w, Offer: o.A, Listing: o.B, Evidence: evidence}
		if r := info.review; r != "" && !slices.Contains(sc.Reviews, r) {
			sc.Reviews = append(sc.Reviews, r)
		}
		switch {
		case !info.veto:
		case identified && o.Stated:
			// A stated conflict against the item's own identifier: for a
			// person to settle.
			sc.Conflicting = append(sc.Conflicting, attr)
		case identified:
			// A soft conflict (an abbreviation, a brand owner, a value read
			// from a title) does not overrule the identifier; its weight
			// still counts.
		default:
			cmp.Veto = true
			sc.Vetoes = append(sc.Vetoes, attr)
			vetoed += w
		}
		sc.Total += w
		sc.Similarity += o.Similarity
		sc.Comparisons = append(sc.Comparisons, cmp)
	}
	// A level that backs a vetoing attribute (an image in another color
	// backs a color conflict) is part of that mismatch, not a separate one.
	for _, v := range sc.Vetoes {
		for _, b := range s.backs[v] {
			for _, c := range sc.Comparisons {
				if c.Attribute == b.attr && c.Level == b.level {
					vetoed += c.Weight
				}
			}
		}
	}
	sc.Closeness = Probability(sc.Total - vetoed)
	if len(sc.Vetoes) == 0 {
		sc.Probability = Probability(sc.Total)
	}
	return sc
}

// level returns what outcome o of the i-th comparison weighs (nothing for
// a level the attribute does not declare, which a valid config cannot
// weigh); outcomes out of the attributes' order are looked up by name.
func (s *Scorer) level(i int, o *Outcome) *levelInfo {
	if i >= len(s.attrs) || s.attrs[i].Name != o.Attribute {
		i = slices.IndexFunc(s.attrs, func(a Attribute) bool { return a.Name == o.Attribute })
		if i < 0 {
			return &s.none
		}
	}
	for j := range s.levels[i] {
		if l := &s.levels[i][j]; l.level == o.Level {
			return l
		}
	}
	return &s.none
}

// Log2Odds is Probability's inverse: the total (log2 odds) of probability
// p, -Inf at 0 and +Inf at 1.
func Log2Odds(p float64) float64 {
	if p <= 0 {
		return math.Inf(-1)
	}
	if p >= 1 {
		return math.Inf(1)
	}
	return math.Log2(p / (1 - p))
}

// Probability turns a log2-odds weight into a probability in [0,1].
func Probability(weight float64) float64 {
	if weight > 60 {
		return 1
	}
	if weight < -60 {
		return 0
	}
	o := math.Exp2(weight)
	return o / (1 + o)
}
