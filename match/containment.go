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
		Name:    "containment",
		wording: true,
		Levels: []LevelSpec{
			{Level: SameWords, Weight: 0, Direction: For, Why: "the same words: the title comparison says so already; 0 until tune fits it"},
			{Level: AllWithin, Weight: 0, Direction: For, Why: "one title within the other: the longer adds description, not another item"},
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
	// Past two words outside, the level is Partly: stop counting there.
	var bufA, bufB [2]string
	outA := outside(bufA[:0], &a.text, &b.text)
	outB := outside(bufB[:0], &b.text, &a.text)
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
		o.Evidence = "several words on each side only"
	}
	return o
}

// outside returns the keys of x that y lacks: not a key of y, not spelled
// as adjacent keys of y, not one typo away from one, and not one of two or
// three adjacent keys of x that y has as one ("coffee" of "coffee maker"
// against "coffeemaker"), appended to out up to its capacity.
func outside(out []string, x, y *titleText) []string {
	for i, k := range x.keys {
		if len(out) == cap(out) {
			break
		}
		h := x.idx.hash[i]
		if y.idx.hasHash(k, h) {
			continue
		}
		if _, ok := y.idx.joinedHash(k, h); ok || typo(k, y.keys) || inJoin(x.keys, i, &y.idx) {
			continue
		}
		out = append(out, k)
	}
	return out
}

// inJoin reports whether keys[i] with its neighbors, two or three adjacent
// keys written as one, is a key of y.
func inJoin(keys []string, i int, y *keyIndex) bool {
	for from := max(0, i-2); from <= i; from++ {
		h := fnvOffset
		for to := from; to < len(keys) && to < from+3; to++ {
			h = fnvAdd(h, keys[to])
			if to > from && to >= i && y.hasRun(keys[from:to+1], h) {
				return true
			}
		}
	}
	return false
}
