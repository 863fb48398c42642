package match

import (
	"math"
	"slices"
	"strconv"
)

// Levels of the described comparison: how much of one title, that the
// other's title lacks, the other's description names.
const (
	// AddsMuch: the other's description names 30% or more of the title's
	// weight.
	AddsMuch Level = "adds_much"
	// AddsSome: 15% to 30%.
	AddsSome Level = "adds_some"
	// AddsLittle: 5% to 15%.
	AddsLittle Level = "adds_little"
	// AddsNothing: under 5%: the description names what the titles already
	// share, or other things.
	AddsNothing Level = "adds_nothing"
)

// describedBands are the least share each level needs, in order.
var describedBands = []band{{AddsMuch, 0.3}, {AddsSome, 0.15}, {AddsLittle, 0.05}, {AddsNothing, 0}}

// describedTexts are the described evidence for each share in hundredths
// (shares are in [0,1]).
var describedTexts = hundredths(func(i int) string {
	return strconv.Itoa(i) + "% of a title named only in the other's description"
})

// maxDescribedKeys is how many distinct title keys of a description an
// item keeps, in the order the description names them (its opening names
// the product; a long one goes on to uses, specifications and care).
const maxDescribedKeys = 64

// maxDescribedTokens is how far into a description the keys are looked
// for: a description of thousands of words costs no more to read than one
// of a few hundred.
const maxDescribedTokens = 256

// describedValue is the described feature: the hashes (the low 32 bits of
// keyHash) of the description's title keys that its own title lacks,
// sorted.
type describedValue []uint32

// has reports whether the description names the key of hash h.
func (d describedValue) has(h uint64) bool {
	_, ok := slices.BinarySearch(d, uint32(h))
	return ok
}

// describedAttribute asks whether a record's description names what its
// title does not, and the other's title does: two shops write one item's
// title in two ways ("64GB Extreme Pro CFast 2.0 hukommelseskort" against
// "SanDisk Extreme Pro CFAST 2.0 VPG130 - 64GB") while each one's
// description names the product in full. Each title's words the other's
// title lacks are looked for in the other's description, by their weight
// (IDF, as the title comparison weighs them); the level is the larger
// share of the two titles'. On WDC Products' train pairs the share of
// matches rises with it (19% of pairs adding under 10%, 47% at 20-30%, 80%
// from 50%) within every band of title similarity; on Abt-Buy's, where a
// retailer's description repeats its title and lists features, it rises
// less (8% to 25%). Missing when neither record has a description, or
// there is nothing to look for (the titles share every word).
//
// How much a description names differs with how a catalog writes them:
// the hand-set weights are below what each benchmark shows, one catalog's
// tune fits them, and a pooled fit leaves them silent (eval's catalogOwn:
// fitted on Walmart-Amazon and WDC, whose pairs have descriptions where
// Walmart-Amazon's have none and four times the share of matches, it had
// learned that share, and left-out Abt-Buy fell 85.8 -> 78.9).
func describedAttribute() Attribute {
	return Attribute{
		Name:    "described",
		wording: true,
		Graded:  true,
		Levels: []LevelSpec{
			{Level: AddsMuch, Weight: 1.5, Direction: For, Why: "the other's description names much of what the titles do not share: the same item written two ways (hand-set under what both benchmarks with descriptions show, about 2 bits on Abt-Buy's train pairs and 3 on WDC's; tune refits it)"},
			{Level: AddsSome, Weight: 0.75, Direction: For, Why: "the description names some of it: half as much"},
			{Level: AddsLittle, Weight: 0.25, Why: "a little: a shared common word, as often as not"},
			{Level: AddsNothing, Weight: 0, Why: "nothing the titles do not share: a description of the same words, or of another item"},
			{Level: Missing},
		},
		prepare: func(it *Item, _ *Vocabularies) {
			if it.Rec.Description == "" {
				return
			}
			var d describedValue
			toks := it.descTokens()
			for _, k := range TitleKeys(toks[:min(len(toks), maxDescribedTokens)]) {
				if len(d) == maxDescribedKeys {
					break
				}
				h := keyHash(k)
				if !it.text.idx.hasHash(k, h) {
					d = append(d, uint32(h))
				}
			}
			slices.Sort(d)
			it.described = slices.Compact(d)
		},
		encode: func(e *encoder, it *Item) {
			e.count(len(it.described), it.described == nil)
			for _, h := range it.described {
				e.uint(uint64(h))
			}
		},
		decode: func(d *decoder, it *Item, _ *Vocabularies) {
			n, isNil := d.count(1)
			if isNil {
				return
			}
			it.described = make(describedValue, n)
			for i := range it.described {
				v := d.uint()
				if v > 1<<32-1 {
					d.fail()
				}
				it.described[i] = uint32(v)
			}
			if !slices.IsSorted(it.described) {
				d.fail()
			}
		},
		compare: compareDescribed,
	}
}

func compareDescribed(a, b *Item, env *Env) Outcome {
	if len(a.described) == 0 && len(b.described) == 0 || len(a.text.keys) == 0 || len(b.text.keys) == 0 {
		return missing("", "")
	}
	x, lookedX := describedShare(a, b, env)
	y, lookedY := describedShare(b, a, env)
	if !lookedX && !lookedY {
		// Every word one title lacks has no description to look in, or
		// the titles share every word: nothing to name.
		return missing("", "")
	}
	share := max(x, y)
	return Outcome{Level: bandOf(describedBands, share), Evidence: describedTexts[int(math.Round(100*share))]}
}

// describedShare is the share of x's title weight, in keys y's title lacks,
// that y's description names, and whether there was any to look for: y
// has a description, and x a key y's title lacks.
func describedShare(x, y *Item, env *Env) (float64, bool) {
	if len(y.described) == 0 {
		return 0, false
	}
	w := x.keyIDF(env)
	var named, all float64
	looked := false
	for i, k := range x.text.keys {
		all += w[i]
		h := x.text.idx.hash[i]
		if y.text.idx.hasHash(k, h) {
			continue
		}
		looked = true
		if y.described.has(h) {
			named += w[i]
		}
	}
	if all == 0 {
		return 0, false
	}
	return named / all, looked
}
