package match

import (
	"fmt"
	"slices"
	"strings"
)

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
		encode:  func(e *encoder, it *Item) { e.strs(it.category) },
		decode:  func(d *decoder, it *Item, _ *Vocabularies) { it.category = d.strs() },
		compare: compareCategories,
	}
}

// CategoryPath returns the item's category path, normalized, level by
// level.
func (it *Item) CategoryPath() []string { return it.category }

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

func compareCategories(a, b *Item, env *Env) Outcome {
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
	case (len(a.category) == 1) != (len(b.category) == 1):
		// A supplier's own department ("HBA", "PET") is another taxonomy:
		// no evidence against a marketplace path, unless it names a level
		// of it.
		one, path := a.category, b.category
		if len(path) == 1 {
			one, path = path, one
		}
		if slices.Contains(path, one[0]) {
			return Outcome{Level: Prefix, A: av, B: bv, Evidence: fmt.Sprintf("%q is a level of the other path", one[0])}
		}
		if roots, ok := env.department(one[0]); ok {
			if slices.Contains(roots, path[0]) {
				return Outcome{Level: Prefix, A: av, B: bv, Evidence: fmt.Sprintf("the supplier's %q stands for %q (config departments)", one[0], path[0])}
			}
			return Outcome{Level: Different, A: av, B: bv, Evidence: fmt.Sprintf("the supplier's %q stands for %s, not %q (config departments)", one[0], strings.Join(roots, ", "), path[0])}
		}
		return Outcome{Level: Missing, A: av, B: bv, Evidence: "a department of another taxonomy"}
	}
	return Outcome{Level: Different, A: av, B: bv}
}
