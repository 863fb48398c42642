package match

import "strings"

// categoryAttribute compares category paths ("A > B > C") level by level.
func categoryAttribute() Attribute {
	return Attribute{
		Name: "category",
		Levels: []LevelSpec{
			{Level: Exact, Weight: 1, Why: "the same path: most candidates share it already"},
			{Level: Prefix, Weight: 0.5, Why: "one path is coarser: no disagreement"},
			{Level: Sibling, Weight: -0.5, Why: "a neighboring branch: often a catalog's own filing"},
			{Level: Different, Weight: -2, Why: "another department: against, never a veto (taxonomies differ)"},
			{Level: Missing},
		},
		prepare: func(it *Item, _ *Vocabularies) { it.category = categoryPath(it.Rec.Category) },
		compare: compareCategories,
	}
}

// categoryPath normalizes a category path "A > B > C" into its levels.
func categoryPath(c string) []string {
	var out []string
	for level := range strings.SplitSeq(c, ">") {
		if n := Normalize(level); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func compareCategories(a, b *Item, _ *Env) Outcome {
	av, bv := a.Rec.Category, b.Rec.Category
	if len(a.category) == 0 || len(b.category) == 0 {
		return missing(av, bv)
	}
	n := 0
	for n < len(a.category) && n < len(b.category) && a.category[n] == b.category[n] {
		n++
	}
	switch {
	case n == len(a.category) && n == len(b.category):
		return Outcome{Level: Exact, A: av, B: bv}
	case n == len(a.category) || n == len(b.category):
		return Outcome{Level: Prefix, A: av, B: bv, Evidence: "one path contains the other"}
	case n > 0:
		return Outcome{Level: Sibling, A: av, B: bv, Evidence: "shared " + strings.Join(a.category[:n], " > ")}
	}
	return Outcome{Level: Different, A: av, B: bv}
}
