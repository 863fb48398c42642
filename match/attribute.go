package match

import (
	"slices"

	"github.com/followmatch/followmatch/imagecmp"
)

// Attribute is one unit of evidence: how its feature is read from a record
// (once, by Prepare), how two features compare, the ordered levels a
// comparison lands in, each level's default weight and the reason for it,
// and which levels veto. Each attribute lives in its own file (color.go,
// size.go, ...); Attributes lists them.
type Attribute struct {
	// Name names the attribute in results and in the config's weights.
	Name string
	// Levels run from the strongest agreement to the strongest
	// disagreement; Missing is last.
	Levels []LevelSpec
	// Graded marks levels that are bands of one similarity (the title's):
	// a fit keeps their weights in the levels' order, a band never
	// weighing more than a more alike one.
	Graded bool
	// prepare reads the attribute's feature from it.Rec into it; nil when
	// the attribute only uses the shared features (title text, codes) or
	// the record itself.
	prepare func(it *Item, vs *Vocabularies)
	// encode writes what prepare read, and decode reads it back into an
	// item (codec.go): both or neither, with prepare.
	encode func(e *encoder, it *Item)
	decode func(d *decoder, it *Item, vs *Vocabularies)
	// compare compares two prepared items; the level it returns is the same
	// with the items swapped (A and B swap).
	compare func(a, b *Item, env *Env) Outcome
	// variant marks an attribute in which sibling listings differ (color,
	// size, pack, material): an offer that states none cannot choose
	// between two listings that differ in it.
	variant bool
	// wording marks an attribute that weighs the titles' words (title,
	// words, rare, containment): siblings' titles differ by the very variant
	// words an offer may leave out.
	wording bool
	// relative marks an attribute set from a pair's rivals, not compared
	// pair by pair (rank, known): it states nothing of the offer.
	relative bool
}

// LevelNames returns the attribute's levels in order.
func (a Attribute) LevelNames() []Level {
	out := make([]Level, len(a.Levels))
	for i, l := range a.Levels {
		out[i] = l.Level
	}
	return out
}

// Compare compares one attribute of two prepared items.
func (a Attribute) Compare(x, y *Item, env *Env) Outcome {
	o := a.compare(x, y, env)
	o.Attribute = a.Name
	return o
}

// spec returns the declaration of level l, if the attribute has it.
func (a Attribute) spec(l Level) (LevelSpec, bool) {
	for _, s := range a.Levels {
		if s.Level == l {
			return s, true
		}
	}
	return LevelSpec{}, false
}

// attributes is the fixed table of attributes, in the order results show
// them and Prepare reads them. It is never modified; Attributes hands out
// copies.
var attributes = []Attribute{
	gtinAttribute(), brandAttribute(), titleAttribute(), modelAttribute(),
	colorAttribute(), sizeAttribute(), materialAttribute(), packAttribute(),
	originAttribute(), categoryAttribute(), paramsAttribute(), imageAttribute(),
	conditionAttribute(), compatAttribute(), versionAttribute(), numbersAttribute(), measuresAttribute(), ageAttribute(),
	typeAttribute(), lineAttribute(), rareAttribute(), containmentAttribute(), describedAttribute(), wordsAttribute(), rankAttribute(),
	knownAttribute(),
}

// Attributes returns every attribute, in the order results show them.
func Attributes() []Attribute {
	out := slices.Clone(attributes)
	for i := range out {
		out[i].Levels = slices.Clone(out[i].Levels)
	}
	return out
}

// Env is what comparisons may consult beyond the two items.
type Env struct {
	// IDF weighs a normalized title key by its rarity; nil weighs all keys
	// 1.
	IDF func(key string) float64
	// Image holds the thresholds of the image verdict.
	Image imagecmp.Thresholds
	// Words are the learned title words (Config.Words): the words
	// comparison reports them; with AllWords it reports every title word,
	// for tune to learn from.
	Words    map[string]WordWeight
	AllWords bool
	// BrandAliases are the config's learned vendor names (Config.BrandAliases).
	BrandAliases map[string][]string
	// Departments are the config's learned supplier departments
	// (Config.Departments).
	Departments map[string][]string
}

// department returns the category roots the config says a supplier's
// department stands for.
func (e *Env) department(d string) ([]string, bool) {
	if e == nil {
		return nil, false
	}
	r, ok := e.Departments[d]
	return r, ok
}

// aliased reports whether the config names vendor key v as standing for
// brand key b.
func (e *Env) aliased(v, b string) bool {
	return e != nil && slices.Contains(e.BrandAliases[v], b)
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
	// Attribute names the attribute compared.
	Attribute string
	Level     Level
	A, B      string // the compared values of the first and second item
	Evidence  string
	// Similarity is the comparison's raw similarity in [0,1] where it has
	// one (title); it orders candidates that tie on their levels.
	Similarity float64
	// Stated marks a conflict between values both records state and the
	// comparison read with confidence (two quantities parsed from size
	// fields, two named colors): one that a shared GTIN does not overrule.
	Stated bool
	// Hits are the title words the words comparison found (words.go).
	Hits []WordHit
}

func missing(a, b string) Outcome { return Outcome{Level: Missing, A: a, B: b} }

// Source says where a feature value was read from: its own field, or, when
// the field is empty, the title, the description or the packaging text.
type Source uint8

// Sources of a feature value.
const (
	NoSource Source = iota
	FromField
	FromTitle
	FromDescription
	FromPackaging
)

// String names the source as results show it.
func (s Source) String() string {
	switch s {
	case FromField:
		return "field"
	case FromTitle:
		return "title"
	case FromDescription:
		return "description"
	case FromPackaging:
		return "packaging"
	}
	return ""
}

// shown is how a result shows a value read from s: a field as the record
// gives it, anything else as read with where it came from ("black (title)").
func (s Source) shown(field, read string) string {
	if s == FromField || s == NoSource {
		return field
	}
	return read + " (" + s.String() + ")"
}
