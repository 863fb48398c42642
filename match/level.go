package match

// Level is where one attribute comparison lands: an ordered, named band of
// agreement. Each attribute lists its levels from the strongest agreement to
// the strongest disagreement, with Missing (one side has no value) last and
// always weighing 0. A level's weight is data (Config.Weights).
type Level string

// Levels shared by several attributes. Levels that belong to one attribute
// are declared in its file (NotInTitle in brand.go, Contained and Base in
// model.go, the title bands in title.go, ColorConflict in image.go).
const (
	Exact      Level = "exact"
	Alias      Level = "alias"
	Synonym    Level = "synonym"
	Equivalent Level = "equivalent"
	Variant    Level = "variant"
	InTitle    Level = "in_title"
	Close      Level = "close"
	Family     Level = "family"
	Prefix     Level = "prefix"
	Sibling    Level = "sibling"
	Agree      Level = "agree"
	Same       Level = "same"
	Similar    Level = "similar"
	Different  Level = "different"
	Conflict   Level = "conflict"
	Invalid    Level = "invalid"
	Missing    Level = "missing"
)

// LevelSpec declares one level of an attribute: its default weight (log2
// m/u) and why it is set so, whether it vetoes by default, and which other
// attribute's veto it backs.
type LevelSpec struct {
	Level Level
	// Weight is the default weight, in bits; Missing weighs 0.
	Weight float64
	// Veto makes this level, by default, mean two different sellable items
	// whatever the other attributes say.
	Veto bool
	// Backs names an attribute whose veto this level is part of: when that
	// attribute vetoes a pair, this level's weight counts with the vetoed
	// mismatch, not as separate evidence (an image in another color backs
	// the color conflict).
	Backs string
	// Review, when set, is the reason a pair at this level goes to a
	// person instead of being eligible (a refurbished offer on a new
	// listing: ReasonCondition).
	Review string
	// Identifies marks a level that names the trade item itself (a shared
	// GTIN): soft conflicts do not veto a pair at it, and a stated one
	// makes the pair conflicting evidence for a person to review.
	Identifies bool
	// Why says where the default weight comes from.
	Why string
	// Direction is the way a fitted weight of this level may point.
	Direction Direction
}

// Direction is the way a level's evidence may point in a fitted config.
// That an agreement never counts against a match, nor a conflict for one,
// is a property of the comparison; how much each counts is the data's to
// say. A fit free to turn a sign learns how a benchmark's pairs were
// sampled (matches picked for their unlike titles, or non-matches for their
// like ones) and carries it to every catalog.
type Direction int8

// Directions.
const (
	// ByWeight points where the hand-set weight points; a level weighted
	// 0 by hand is free.
	ByWeight Direction = iota
	// For: never against a match.
	For
	// Against: never for a match.
	Against
	// Either: a hand-set judgement the data may turn (a model code's
	// color suffix: the same product line, maybe not the item).
	Either
)

// Sign returns the sign a fitted weight of the level keeps: 1, -1, or 0
// when it is free.
func (l LevelSpec) Sign() float64 {
	switch {
	case l.Direction == For || l.Direction == ByWeight && l.Weight > 0:
		return 1
	case l.Direction == Against || l.Direction == ByWeight && l.Weight < 0:
		return -1
	}
	return 0
}

// Decision is the verdict on one offer (see the SPEC).
type Decision string

// Decision values.
const (
	// Eligible: the same item, and the seller may join it.
	Eligible Decision = "eligible"
	// Blocked: the same item, but a marketplace rule forbids joining it.
	Blocked Decision = "blocked"
	// Review: possibly the same item, or two listings equally good.
	Review Decision = "review"
	// NoMatch: no listing is the same item.
	NoMatch Decision = "no_match"
	// Error: the offer could not be read or scored.
	Error Decision = "error"
)

// band is a level and the least measure (a similarity, a share) it needs.
type band struct {
	level Level
	min   float64
}

// bandOf returns the level of the first of bands (strongest first) whose
// least x reaches, or the last band's level.
func bandOf(bands []band, x float64) Level {
	for _, b := range bands {
		if x >= b.min {
			return b.level
		}
	}
	return bands[len(bands)-1].level
}

// hundredths returns text(i) for every share i in hundredths, 0 to 100:
// evidence written once, not for every pair.
func hundredths(text func(i int) string) (t [101]string) {
	for i := range t {
		t[i] = text(i)
	}
	return t
}
