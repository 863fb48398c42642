package match

import "strings"

// originValue is the country of origin as given and the country it names.
type originValue struct {
	raw     string
	country *term
}

// originAttribute compares countries of origin through the country list
// (vocab/countries.json: PRC = CN = China).
func originAttribute() Attribute {
	return Attribute{
		Name: "origin",
		Levels: []LevelSpec{
			{Level: Exact, Weight: 0.5, Why: "most goods of a kind come from few countries: weak evidence"},
			{Level: Synonym, Weight: 0.5, Why: "the same country named otherwise: as exact"},
			{Level: Conflict, Weight: -3, Veto: true, Why: "the SPEC's same item has one origin"},
			{Level: Missing},
		},
		prepare: func(it *Item, vs *Vocabularies) {
			it.origin.raw = strings.TrimSpace(it.Rec.Origin)
			if it.origin.raw != "" {
				if t, ok := vs.countries.Lookup(strings.TrimPrefix(Normalize(it.Rec.Origin), "made in ")); ok {
					it.origin.country = t
				}
			}
		},
		encode: func(e *encoder, it *Item) {
			e.str(it.origin.raw)
			e.term(it.origin.country)
		},
		decode: func(d *decoder, it *Item, vs *Vocabularies) {
			it.origin.raw = d.str()
			it.origin.country = d.term(vs.countries)
		},
		compare: compareOrigins,
	}
}

func compareOrigins(a, b *Item, _ *Env) Outcome {
	av, bv := a.origin.raw, b.origin.raw
	if av == "" || bv == "" {
		return missing(av, bv)
	}
	if Normalize(av) == Normalize(bv) {
		return Outcome{Level: Exact, A: av, B: bv}
	}
	if a.origin.country != nil && a.origin.country == b.origin.country {
		return Outcome{Level: Synonym, A: av, B: bv, Evidence: a.origin.country.Name}
	}
	return Outcome{Level: Conflict, A: av, B: bv}
}
