package match

import (
	"github.com/followmatch/followmatch/imagecmp"
)

// Level names shared by several comparisons. Each comparison lists its own
// levels, in order from the strongest agreement to the strongest disagreement;
// Missing (one side has no value) is always last and always neutral.
const (
	Exact      = "exact"
	Alias      = "alias"
	Synonym    = "synonym"
	Equivalent = "equivalent"
	Variant    = "variant"
	InTitle    = "in_title"
	Close      = "close"
	Family     = "family"
	Prefix     = "prefix"
	Sibling    = "sibling"
	Agree      = "agree"
	Same       = "same"
	Similar    = "similar"
	Different  = "different"
	Conflict   = "conflict"
	Invalid    = "invalid"
	Missing    = "missing"
)

// Env is what comparisons may consult beyond the two items.
type Env struct {
	// IDF weighs a normalized title token by its rarity; nil weighs all
	// tokens 1.
	IDF func(token string) float64
	// Image holds the thresholds of the image verdict.
	Image imagecmp.Thresholds
}

func (e *Env) idf(tok string) float64 {
	if e == nil || e.IDF == nil {
		return 1
	}
	return e.IDF(tok)
}

// Outcome is the level one comparison lands in, with the values compared and
// the evidence behind the level (which code, which quantity).
type Outcome struct {
	// Attribute is set by Scorer.Compare; comparators leave it empty.
	Attribute string
	Level     string
	A, B      string // the compared values of the first and second item
	Evidence  string
	// Similarity is the comparison's raw similarity in [0,1] where it has
	// one (title); it orders candidates that tie on their levels.
	Similarity float64
}

// Comparator compares one attribute of two items. Compare is symmetric in
// its level: swapping the items swaps A and B and keeps the level.
type Comparator interface {
	// Attribute names the attribute, as in the config's weights.
	Attribute() string
	// Levels lists the levels from strongest agreement to Missing.
	Levels() []string
	Compare(a, b *Item, env *Env) Outcome
}

// Comparators returns the comparisons of every SPEC attribute, in the order
// results show them.
func Comparators() []Comparator {
	return []Comparator{
		gtinComparator{}, brandComparator{}, titleComparator{}, modelComparator{},
		colorComparator{}, sizeComparator{}, materialComparator{}, packComparator{},
		originComparator{}, categoryComparator{}, paramsComparator{}, imageComparator{},
	}
}

func missing(a, b string) Outcome { return Outcome{Level: Missing, A: a, B: b} }
