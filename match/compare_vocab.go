package match

import "strings"

// vocabComparison compares two attribute values that name vocabulary terms
// (colors, materials): equal text, the same term through a synonym, the same
// family, or a conflict. A value read from a title (the field was empty)
// counts the same as a field: "Silver" in one title against a "Black" field
// is a color conflict.
func vocabComparison(fa, fb string, ta, tb []*term, rawA, rawB string) Outcome {
	if fa == "" && len(ta) == 0 || fb == "" && len(tb) == 0 {
		return missing(rawA, rawB)
	}
	if fa != "" && fa == fb {
		return Outcome{Level: Exact, A: rawA, B: rawB}
	}
	if len(ta) == 0 || len(tb) == 0 {
		// At least one value is outside the vocabulary.
		if fa != "" && fb != "" {
			return Outcome{Level: Conflict, A: rawA, B: rawB, Evidence: "different values"}
		}
		return missing(rawA, rawB)
	}
	var names, families []string
	for _, x := range ta {
		for _, y := range tb {
			if x == y {
				names = append(names, x.Name)
			} else if x.Family == y.Family {
				families = append(families, x.Family)
			}
		}
	}
	switch {
	case len(names) > 0 && len(ta) == len(tb) && len(names) == len(ta):
		return Outcome{Level: Synonym, A: rawA, B: rawB, Evidence: strings.Join(names, ", ")}
	case len(names) > 0 || len(families) > 0:
		return Outcome{Level: Family, A: rawA, B: rawB, Evidence: "family " + strings.Join(append(names, families...), ", ")}
	}
	return Outcome{Level: Conflict, A: rawA, B: rawB, Evidence: termNames(ta) + " vs " + termNames(tb)}
}

func termNames(ts []*term) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.Name
	}
	return strings.Join(s, "+")
}

// displayed returns the field, or the terms read from the title.
func displayed(field string, ts []*term, fromTitle bool) string {
	if fromTitle {
		return termNames(ts) + " (title)"
	}
	return field
}

// colorComparator compares colors through the color vocabulary.
type colorComparator struct{}

func (colorComparator) Attribute() string { return "color" }
func (colorComparator) Levels() []string {
	return []string{Exact, Synonym, Family, Conflict, Missing}
}

func (colorComparator) Compare(a, b *Item, _ *Env) Outcome {
	return vocabComparison(a.colorField, b.colorField, a.colors, b.colors,
		displayed(a.Rec.Color, a.colors, a.colorTitle), displayed(b.Rec.Color, b.colors, b.colorTitle))
}

// materialComparator compares materials through the material vocabulary.
type materialComparator struct{}

func (materialComparator) Attribute() string { return "material" }
func (materialComparator) Levels() []string {
	return []string{Exact, Synonym, Family, Conflict, Missing}
}

func (materialComparator) Compare(a, b *Item, _ *Env) Outcome {
	return vocabComparison(a.matField, b.matField, a.materials, b.materials,
		displayed(a.Rec.Material, a.materials, a.matTitle), displayed(b.Rec.Material, b.materials, b.matTitle))
}

// originComparator compares countries of origin through the country list
// (PRC = CN = China).
type originComparator struct{}

func (originComparator) Attribute() string { return "origin" }
func (originComparator) Levels() []string  { return []string{Exact, Synonym, Conflict, Missing} }

func (originComparator) Compare(a, b *Item, _ *Env) Outcome {
	av, bv := a.originRaw, b.originRaw
	if av == "" || bv == "" {
		return missing(av, bv)
	}
	if Normalize(av) == Normalize(bv) {
		return Outcome{Level: Exact, A: av, B: bv}
	}
	if a.origin != nil && a.origin == b.origin {
		return Outcome{Level: Synonym, A: av, B: bv, Evidence: a.origin.Name}
	}
	return Outcome{Level: Conflict, A: av, B: bv}
}
