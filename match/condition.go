package match

// conditionValue is the condition an item is sold in, when it is not new:
// read from a "condition" parameter, else from the title or description
// (vocab/conditions.json). Nil terms: new, as marketplaces assume.
type conditionValue struct {
	terms []*term
	from  Source
}

// ReasonCondition: the offer is not new (refurbished, open box, used,
// damaged box) and the listing is, or the other way round.
const ReasonCondition = "condition"

// conditionAttribute compares the condition items are sold in. A
// refurbished or open-box offer is never the new listing's item to join:
// a person reviews it (ReasonCondition); it is not a veto, because the
// listing is the right product.
func conditionAttribute() Attribute {
	return Attribute{
		Name: "condition",
		Levels: []LevelSpec{
			{Level: Same, Weight: 0.5, Why: "both say the same condition (both refurbished)"},
			{Level: Conflict, Weight: -1, Review: ReasonCondition, Why: "not new against new: the same product, but not the item the listing sells; a person decides"},
			{Level: Missing},
		},
		prepare: func(it *Item, vs *Vocabularies) {
			c := &it.condition
			for k, v := range it.Rec.Params {
				if Normalize(k) == "condition" {
					if n := Normalize(v); n != "new" && n != "" {
						c.terms, c.from = vs.conditions.find(Tokens(v), false), FromField
						if len(c.terms) == 0 {
							c.terms = []*term{{Name: n, Family: n}}
						}
					}
					return
				}
			}
			if ts := vs.conditions.Find(it.text.tokens); len(ts) > 0 {
				c.terms, c.from = ts, FromTitle
			} else if it.Rec.Description != "" {
				if ts := proseConditions(vs.conditions.Find(it.descTokens())); len(ts) > 0 {
					c.terms, c.from = ts, FromDescription
				}
			}
		},
		encode: func(e *encoder, it *Item) {
			e.terms(it.condition.terms)
			e.uint(uint64(it.condition.from))
		},
		decode: func(d *decoder, it *Item, vs *Vocabularies) {
			it.condition = conditionValue{terms: d.terms(vs.conditions), from: d.source()}
		},
		compare: compareConditions,
	}
}

func (c *conditionValue) shown() string {
	if len(c.terms) == 0 {
		return ""
	}
	return c.from.shown(termNames(c.terms), termNames(c.terms))
}

func compareConditions(a, b *Item, _ *Env) Outcome {
	ca, cb := &a.condition, &b.condition
	av, bv := ca.shown(), cb.shown()
	switch {
	case len(ca.terms) == 0 && len(cb.terms) == 0:
		return missing(av, bv)
	case len(ca.terms) > 0 && len(cb.terms) > 0 && termNames(ca.terms) == termNames(cb.terms):
		return Outcome{Level: Same, A: av, B: bv}
	case len(ca.terms) == 0:
		return Outcome{Level: Conflict, A: "new", B: bv, Evidence: "new vs " + termNames(cb.terms)}
	case len(cb.terms) == 0:
		return Outcome{Level: Conflict, A: av, B: "new", Evidence: termNames(ca.terms) + " vs new"}
	}
	return Outcome{Level: Conflict, A: av, B: bv, Evidence: termNames(ca.terms) + " vs " + termNames(cb.terms)}
}

// proseConditions keeps the conditions a description may state, those not
// marked not_in_prose (vocab/conditions.json).
func proseConditions(ts []*term) []*term {
	out := ts[:0]
	for _, t := range ts {
		if !t.NotInProse {
			out = append(out, t)
		}
	}
	return out
}
