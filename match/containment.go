package match

import "fmt"

// Levels of the containment comparison.
const (
	// SameWords: each title's words are all in the other.
	SameWords Level = "same_words"
	// AllWithin: every word of one title is in the other, which adds some.
	AllWithin Level = "all_within"
	// AllButOne: one word of the title that is more within the other is
	// not in it.
	AllButOne Level = "all_but_one"
	// Partly: two words or more of each title are not in the other.
	Partly Level = "partly"
)

// containmentAttribute asks whether one title's words are all in the
// other: a supplier's short title within a listing's long one ("Brita
// Standard Filters 3 Pack" within "Brita Standard Replacement Filters for
// Pitchers and Dispensers, 3 Pack") is the same item dressed differently,
// while one word of the shorter title missing is the one that tells
// siblings apart ("Pro", "XL", "Decaf"). It counts words, not their weight:
// the title comparison weighs them. A word counts as within when the other
// has it, spells it as adjacent words, or has it with one typo.
func containmentAttribute() Attribute {
	return Attribute{
		Name: "containment",
		Levels: []LevelSpec{
			{Level: SameWords, Weight: 0, Why: "the same words: the title comparison says so already; 0 until tune fits it"},
			{Level: AllWithin, Weight: 0, Why: "one title within the other: the longer adds description, not another item"},
			{Level: AllButOne, Weight: 0, Why: "one word of the shorter title missing from the other: often what tells siblings apart"},
			{Level: Partly, Weight: 0, Why: "several words on each side only: the title comparison weighs how many"},
			{Level: Missing},
		},
		compare: compareContainment,
	}
}

func compareContainment(a, b *Item, _ *Env) Outcome {
	if len(a.text.keys) == 0 || len(b.text.keys) == 0 {
		return missing("", "")
	}
	outA := outside(&a.text, &b.text)
	outB := outside(&b.text, &a.text)
	fewer := min(len(outA), len(outB))
	o := Outcome{}
	switch {
	case len(outA) == 0 && len(outB) == 0:
		o.Level = SameWords
	case fewer == 0:
		o.Level = AllWithin
	case fewer == 1:
		o.Level = AllButOne
		if len(outA) == 1 {
			o.Evidence = fmt.Sprintf("%q not in the other", outA[0])
		} else {
			o.Evidence = fmt.Sprintf("%q not in the other", outB[0])
		}
	default:
		o.Level = Partly
		o.Evidence = fmt.Sprintf("%d and %d words on one side only", len(outA), len(outB))
	}
	return o
}

// outside returns the keys of x that y lacks: not a key of y, not spelled
// as adjacent keys of y, not one typo away from one.
func outside(x, y *titleText) []string {
	var out []string
	for _, k := range x.keys {
		if y.set[k] {
			continue
		}
		if _, ok := y.joins[k]; ok || typo(k, y.keys) || joinedIn(k, x, y) {
			continue
		}
		out = append(out, k)
	}
	return out
}

// joinedIn reports whether k is part of adjacent keys of x that y has as
// one key ("coffee" of "coffee maker" against "coffeemaker").
func joinedIn(k string, x, y *titleText) bool {
	for j, sp := range x.joins {
		if y.set[j] {
			for i := sp.from; i < sp.from+sp.n; i++ {
				if x.keys[i] == k {
					return true
				}
			}
		}
	}
	return false
}
