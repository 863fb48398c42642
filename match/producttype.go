package match

import (
	"slices"
	"strings"
)

// typeValue is the product type feature: the types (vocab/types.json) the
// title names for the item itself, not for the product an accessory fits
// ("Charger for Laptop" is a charger).
type typeValue struct {
	terms []*term
	text  string
}

// typeAttribute compares what two items are: headphones are not a speaker,
// a water bottle not shampoo, whatever brand, line and size they share.
// Titles that name no type, or types of one family (a mug and a tumbler),
// say nothing.
func typeAttribute() Attribute {
	return Attribute{
		Name: "type",
		Levels: []LevelSpec{
			{Level: Same, Weight: 0, Direction: For, Why: "one kind of product: most candidates are, so agreement says nothing"},
			{Level: Family, Weight: 0, Why: "near kinds a shop may name one for the other (mug, tumbler)"},
			{Level: Conflict, Weight: -3, Why: "two kinds of product (not a veto: a title may name a type in passing, and the vocabulary is general)"},
			{Level: Missing},
		},
		prepare: func(it *Item, vs *Vocabularies) {
			toks := it.text.tokens
			// What comes after "for" is the product an accessory fits;
			// after "with", what comes in the box: the item is what the
			// title names before them, when it names a kind there.
			cut := len(toks)
			if it.compat.at > 0 {
				cut = it.compat.at
			}
			// After "without", what the box lacks ("CPU ... without
			// cooler"): never the item.
			if i := slices.IndexFunc(toks, func(t string) bool { return withoutWords[t] }); i > 0 {
				toks = toks[:i]
				cut = min(cut, i)
			}
			for i, t := range toks[:cut] {
				if i > 0 && withWords[t] {
					cut = i
					break
				}
			}
			// The brand's own words name no kind ("Case Logic", "RAM
			// Mount").
			start := 0
			if w := it.brand.words; len(w) > 0 && len(w) <= cut && slices.Equal(toks[:len(w)], w) {
				start = len(w)
			} else if n := vs.ownedLead(it.brand.company, toks[:cut]); n > 0 {
				// The brand column names the owner, the title leads with
				// its brand ("OLD SPICE" of PROCTER & GAMBLE).
				start = n
			}
			own := vs.types.Find(toks[start:cut])
			if len(own) == 0 && it.compat.at == 0 && cut < len(toks) {
				// Nothing named before "with": the whole title says.
				own = vs.types.Find(toks[start:])
			}
			it.ptype.terms = own
			names := make([]string, len(it.ptype.terms))
			for i, t := range it.ptype.terms {
				names[i] = t.Name
			}
			it.ptype.text = strings.Join(names, ", ")
		},
		encode: func(e *encoder, it *Item) {
			e.terms(it.ptype.terms)
			e.str(it.ptype.text)
		},
		decode: func(d *decoder, it *Item, vs *Vocabularies) {
			it.ptype = typeValue{terms: d.terms(vs.types), text: d.str()}
		},
		compare: compareTypes,
	}
}

// withoutWords introduce what does not come with the item ("Ryzen 9
// 3900XT without cooler").
var withoutWords = map[string]bool{"without": true, "ohne": true, "sans": true, "sin": true, "senza": true, "zonder": true}

// withWords introduce what comes with the item ("DVR kit with 1TB hard
// drive").
var withWords = map[string]bool{"with": true, "w": true, "includes": true, "including": true}

func compareTypes(a, b *Item, _ *Env) Outcome {
	ta, tb := a.ptype.terms, b.ptype.terms
	av, bv := a.ptype.text, b.ptype.text
	if len(ta) == 0 || len(tb) == 0 {
		return missing(av, bv)
	}
	family := false
	for _, x := range ta {
		for _, y := range tb {
			if x == y {
				return Outcome{Level: Same, A: av, B: bv}
			}
			family = family || x.Family == y.Family
		}
	}
	if family {
		return Outcome{Level: Family, A: av, B: bv}
	}
	if namesType(a, tb) || namesType(b, ta) {
		// A supplier's noun first: "TOWEL PAPER" is paper towels,
		// "BUTTER PEANUT" peanut butter.
		return Outcome{Level: Same, A: av, B: bv, Evidence: "the same words in another order"}
	}
	return Outcome{Level: Conflict, A: av, B: bv, Evidence: av + " vs " + bv}
}

// namesType reports whether it's title has every word of a name of one of
// the types (its name or a synonym) of two words or more, in any order
// ("CAMERA WEB" for a web camera).
func namesType(it *Item, types []*term) bool {
	for _, t := range types {
		for _, keys := range t.phraseKeys {
			all := true
			for _, k := range keys {
				all = all && it.text.idx.has(k)
			}
			if all {
				return true
			}
		}
	}
	return false
}
