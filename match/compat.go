package match

import (
	"maps"
	"slices"
)

// compatValue is what an accessory says it fits: the title keys after
// "for", "compatible with", "fits", "replacement for" ... when the phrase
// comes after the item's own words ("Case for iPhone 15"), and whether the
// title names a refill or replacement part.
type compatValue struct {
	fits []string // title keys of the product named after the phrase
	// head are the title keys before the phrase, the first (the brand,
	// mostly) left out: what the accessory is ("case", "formfit").
	head []string
	// generic: the phrase says the item stands in for the product named
	// ("compatible with", "replacement for"): a generic of the same kind.
	generic bool
	refill  bool
	// at is the index among the title tokens where the phrase starts, 0
	// when there is none.
	at int
}

// name notes the phrase of n tokens at toks[at] that introduces the product
// the item fits (or, generic, stands in for): the keys after it are what it
// fits, those before it (the first left out) what it is.
func (c *compatValue) name(toks []string, at, n int, generic bool) {
	c.fits = TitleKeys(toks[at+n:])
	c.head = TitleKeys(toks[1:at])
	c.generic = generic
	c.at = at
}

// compatPhrases introduce the product an accessory fits, as title tokens;
// "for" also in the languages shop titles come in (pour, para, voor, dla,
// pentru; not German "für", which folds to "fur", nor Italian "per", an
// English word too).
var compatPhrases = append([][]string{
	{"compatible", "with"}, {"compatible", "for"}, {"replacement", "for"}, {"designed", "for"},
	{"made", "for"}, {"works", "with"}, {"fit", "for"}, {"for", "use", "with"}, {"compatible", "avec"},
}, wordsOf(fitWords)...)

// fitWords introduce, on their own, the product an item fits or is for,
// in the languages shop titles come in ("Case for iPhone 15", "Funda para
// iPhone 15"): what follows names another product, not this item's brand
// or line. (Not German "für", which folds to the word "fur".)
var fitWords = map[string]bool{"for": true, "fits": true, "pour": true, "para": true, "voor": true, "dla": true, "pentru": true}

// wordsOf returns each word of a set as a phrase of one, sorted.
func wordsOf(set map[string]bool) [][]string {
	var out [][]string
	for _, w := range slices.Sorted(maps.Keys(set)) {
		out = append(out, []string{w})
	}
	return out
}

// standInWords say on their own that the item stands in for the product
// named after them (not followed by "with" or "for": those are
// compatPhrases).
var standInWords = map[string]bool{"compatible": true, "aftermarket": true}

// standInBrands are brand columns that name no maker, only that the item
// stands in for another's.
var standInBrands = map[string]bool{"compatible": true, "generic": true, "aftermarket": true, "unbranded": true}

// refillWords name a part for another product.
var refillWords = []string{"refill", "refills", "replacement", "replacements"}

// compatAttribute tells an accessory from the product it fits: "Case for
// Apple iPhone 15" is not the iPhone, refill pads are not the starter kit.
// The product named after "for" is not the item; the accessory maker's
// brand is the brand.
func compatAttribute() Attribute {
	return Attribute{
		Name: "compatibility",
		Levels: []LevelSpec{
			{Level: Conflict, Weight: -4, Veto: true, Why: "one record is an accessory, refill or part for the product the other is"},
			{Level: Missing},
		},
		prepare: func(it *Item, vs *Vocabularies) {
			toks := it.text.tokens
			// The phrase comes after the item's own name, two words at
			// least ("Endust for Electronics" is a product line).
			for i := 2; i < len(toks); i++ {
				for _, p := range compatPhrases {
					if i+len(p) < len(toks) && slices.Equal(toks[i:i+len(p)], p) {
						it.compat.name(toks, i, len(p), p[0] != "for" && p[0] != "designed" && p[0] != "made")
						break
					}
				}
				if it.compat.fits != nil {
					break
				}
			}
			if it.compat.fits == nil {
				// A word alone that says the item stands in for what
				// follows ("Premium compatible Canon CLI-221 ink"): a
				// third party's item.
				for i := 1; i+1 < len(toks); i++ {
					if standInWords[toks[i]] {
						it.compat.name(toks, i, 1, true)
						break
					}
				}
			}
			if it.compat.fits == nil && len(toks) > 1 && standInBrands[it.brand.key] {
				// "Compatible" or "Generic" in the brand column (its key,
				// read by the brand attribute, prepared first): a third
				// party's item standing in for the one its title names.
				it.compat.fits, it.compat.generic = TitleKeys(toks), true
			}
			// A refill or replacement part says so early in its title,
			// within four words of its brand ("Brita Replacement
			// Filters", "Softsoap Liquid Hand Soap Refill"), not in a
			// list of what comes with the product ("... 2 eraser refills").
			from := max(brandEnd(it, vs), 0)
			for _, t := range toks[min(len(toks), from):min(len(toks), from+4)] {
				if slices.Contains(refillWords, t) {
					it.compat.refill = true
				}
			}
		},
		encode: func(e *encoder, it *Item) {
			c := &it.compat
			e.strs(c.fits)
			e.strs(c.head)
			e.bool(c.generic)
			e.bool(c.refill)
			e.int(c.at)
		},
		decode: func(d *decoder, it *Item, _ *Vocabularies) {
			c := &it.compat
			c.fits, c.head = d.strs(), d.strs()
			c.generic, c.refill = d.bool(), d.bool()
			c.at = d.int()
		},
		compare: compareCompat,
	}
}

func compareCompat(a, b *Item, _ *Env) Outcome {
	for _, p := range [2][2]*Item{{a, b}, {b, a}} {
		acc, dev := p[0], p[1]
		if acc.compat.fits != nil && dev.compat.fits == nil {
			switch {
			case acc.compat.generic && covers(dev.text.keys, acc.compat.fits):
				// "Ink compatible with HP 64XL" against "HP 64XL Ink".
				return accessoryOf(a, b, acc == a, "stands in for the other")
			case !acc.compat.generic && covers(acc.compat.fits, dev.text.keys) && !sharesAny(acc.compat.head, dev.text.keys):
				return accessoryOf(a, b, acc == a, "fits the other")
			}
		}
		// A shared model code makes "Replacement Filter Cartridge C-4950"
		// and "FILTER CARTRIDGE C-4950" one part, written with and without
		// the word.
		if acc.compat.refill && !dev.compat.refill && dev.compat.fits == nil && covers(acc.text.keys, dev.text.keys) && namesMore(acc, dev) && !sharesIdentifier(acc, dev) {
			return accessoryOf(a, b, acc == a, "a refill or replacement part for the other")
		}
	}
	return missing("", "")
}

// namesMore reports whether the refill's title has a word the other's
// lacks besides the refill word itself: "Replacement Brush Heads" against
// "Brush Heads" is the same part written without it, "Pitcher Replacement
// Filters" against "Pitcher" a part for the product.
func namesMore(refill, other *Item) bool {
	for _, k := range refill.text.keys {
		if !slices.Contains(refillWords, k) && !slices.Contains(other.text.keys, k) {
			return true
		}
	}
	return false
}

// accessoryOf is the conflict of an accessory (the first item when
// aIsAccessory) and the product it is for.
func accessoryOf(a, b *Item, aIsAccessory bool, what string) Outcome {
	o := Outcome{Level: Conflict, A: "accessory", B: "product", Evidence: "the accessory " + what}
	if !aIsAccessory {
		o.A, o.B = o.B, o.A
	}
	return o
}

// sharesAny reports whether the product's keys hold a word of what the
// accessory is: then the other record is that accessory too, described
// without "for" ("Griffin iPod touch FormFit case").
func sharesAny(head, keys []string) bool {
	for _, k := range head {
		if slices.Contains(keys, k) {
			return true
		}
	}
	return false
}

// covers reports whether most (60% or more, two at least) of the product's
// title keys are among the keys the accessory names.
func covers(named, product []string) bool {
	n := 0
	for _, k := range product {
		if slices.Contains(named, k) {
			n++
		}
	}
	return n >= 2 && n*5 >= len(product)*3
}
