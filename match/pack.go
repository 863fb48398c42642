package match

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// packValue is the pack count (units per sellable item): stated in
// pack_count, or read from the packaging text or the title; 0 when none is
// stated.
type packValue struct {
	n    int
	from Source
	// readable: the record states a count or has the text (title or
	// packaging) that would state one; only then does silence mean a
	// single.
	readable bool
	// boxed: the count is a title's count per box ("100/Box", "25 box"):
	// what the box holds, which a title that states no count may sell too.
	boxed bool
	// pair: the title states no count and calls the item a pair ("PR",
	// "Pair", "1 Pair"): two units sold as one, so a pack of two elsewhere
	// and another pair are the same item, a single is not.
	pair bool
	// counted: the count is a kind sold by the unit's stated count ("AA
	// Batteries, 8 Count"; types.json: counted), which the size compares
	// too: here it only tells a pack stated otherwise apart.
	counted bool
}

// packAttribute compares pack counts. A side whose title and packaging
// state no count is a single when the other side states one: a 2-pack offer
// against a plain listing is a different item.
func packAttribute() Attribute {
	return Attribute{
		Name:    "pack_count",
		variant: true,
		Levels: []LevelSpec{
			{Level: Exact, Weight: 1, Why: "most items are singles: agreement says little"},
			{Level: Conflict, Weight: -8, Veto: true, Why: "a 2-pack is not the single: the strongest soft veto"},
			{Level: Missing},
		},
		prepare: func(it *Item, vs *Vocabularies) {
			r, p := it.Rec, &it.pack
			switch {
			case r.PackCount > 0:
				p.n, p.from = r.PackCount, FromField
			case r.Packaging != "":
				if p.n = parsePackCount(r.Packaging); p.n > 0 {
					p.from = FromPackaging
				}
			}
			if p.n == 0 {
				var phrase string
				if p.n, phrase = packCount(r.Title); p.n > 0 {
					p.from, p.boxed = FromTitle, perBox(phrase)
				}
			} else if p.n == 1 && p.from == FromField {
				// A pack column of 1 counts sellable units: the unit is
				// the pack its title names as one ("BATTERY 2PK", pack 1);
				// not "250 labels" or "10X" (contents, a grade).
				if n, phrase := packCount(r.Title); n > 1 && namesPack(phrase) {
					p.n, p.from = n, FromTitle
				}
			}
			if p.n == 0 {
				// A kind sold by the unit states its pack as a count
				// ("Duracell 9V Battery, 2 Count": two batteries, not one).
				if c := statedCount(it); c > 0 && countedKind(it, vs) {
					p.n, p.from, p.counted = c, it.size.from, true
				}
			}
			p.readable = p.n > 0 || r.Title != "" || r.Packaging != ""
			p.pair = p.n == 0 && namesPair(it.text.tokens)
		},
		encode: func(e *encoder, it *Item) {
			e.int(it.pack.n)
			e.uint(uint64(it.pack.from))
			e.bool(it.pack.readable)
			e.bool(it.pack.boxed)
			e.bool(it.pack.pair)
			e.bool(it.pack.counted)
		},
		decode: func(d *decoder, it *Item, _ *Vocabularies) {
			it.pack = packValue{n: d.int(), from: d.source(), readable: d.bool(), boxed: d.bool(), pair: d.bool(), counted: d.bool()}
		},
		compare: comparePacks,
	}
}

func (p *packValue) shown() string {
	if p.n == 0 {
		return ""
	}
	n := strconv.Itoa(p.n)
	return p.from.shown(n, n)
}

func comparePacks(a, b *Item, _ *Env) Outcome {
	av, bv := a.pack.shown(), b.pack.shown()
	pa, pb := max(a.pack.n, 1), max(b.pack.n, 1)
	// A pair is two per item: the same as another pair or a pack of two,
	// not a stated single or another count; against a title that states
	// no count, no evidence (speaker adapters, earrings and socks are sold
	// in pairs whether a title says so or not).
	if a.pack.pair {
		av, pa = "pair", 2
	}
	if b.pack.pair {
		bv, pb = "pair", 2
	}
	switch {
	case (a.pack.pair || b.pack.pair) && pa == pb:
		return Outcome{Level: Exact, A: av, B: bv, Evidence: "a pair is 2 per item"}
	case a.pack.n == 0 && b.pack.n == 0, !a.pack.readable, !b.pack.readable:
		return missing(av, bv)
	case a.pack.counted || b.pack.counted:
		// A count of units the size compares already: it tells apart a
		// pack stated otherwise ("9V 1PK" against "9V Battery, 2 Count"),
		// and against a title stating none it says nothing (a supplier's
		// "AA BATT" leaves its count out).
		if a.pack.n == 0 || b.pack.n == 0 || pa == pb {
			return Outcome{Level: Missing, A: av, B: bv, Evidence: "a count of units, which the size compares"}
		}
	case pa == pb:
		return Outcome{Level: Exact, A: av, B: bv, Evidence: fmt.Sprintf("%d per item", pa)}
	case a.pack.n == 0 && b.pack.boxed, b.pack.n == 0 && a.pack.boxed:
		// "File Folders, 100/Box" against "File Folders": the box of 100
		// on both sides as often as not.
		return Outcome{Level: Missing, A: av, B: bv, Evidence: fmt.Sprintf("%d per box against no count", max(pa, pb))}
	case a.pack.n == 0 && statedCount(a) == pb && (statedCount(b) == 0 || statedCount(b) == pb),
		b.pack.n == 0 && statedCount(b) == pa && (statedCount(a) == 0 || statedCount(a) == pa):
		// "12PK" against "12 Count": one package of twelve, said two ways;
		// also where the pack's side says its count twice (a pack column of
		// 60 and "60CT" in its title).
		return Outcome{Level: Missing, A: av, B: bv, Evidence: fmt.Sprintf("a %d-pack against a count of %d", max(pa, pb), max(pa, pb))}
	}
	return Outcome{Level: Conflict, A: av, B: bv, Evidence: fmt.Sprintf("%d vs %d per item", pa, pb), Stated: a.pack.n > 0 && b.pack.n > 0}
}

// statedCount is the count an item's size states ("84 Count"), or where
// its size field states another size, the count its title states ("Size 9,
// 12 Pairs"); 0 when none.
func statedCount(it *Item) int {
	if n := countOf(it.size.q); n > 0 {
		return n
	}
	return countOf(it.size.titleQ)
}

// countedKind reports whether the item's title names a kind sold by the
// unit (types.json: counted).
func countedKind(it *Item, vs *Vocabularies) bool {
	if vs == nil {
		return false
	}
	return slices.ContainsFunc(vs.types.Find(it.text.tokens), func(t *term) bool { return t.Counted })
}

// namesPair reports whether title tokens call the item a pair: "pair" or
// "pr" with no count of two or more before it ("Dumbbells, Pair", "SOCK
// PR", "1 Pair"; not "10 Pair Pack", "6PR").
func namesPair(toks []string) bool {
	for i, t := range toks {
		if t != "pair" && t != "pr" {
			continue
		}
		if i == 0 || !isDigits(toks[i-1]) || toks[i-1] == "1" {
			return true
		}
	}
	return false
}

// countOf returns the count ("12 count", "12 ct") among quantities, or 0.
func countOf(qs []quantity) int {
	for _, q := range qs {
		if q.Dim == dimCount && q.Value >= 2 && q.Value == float64(int(q.Value)) {
			return int(q.Value)
		}
	}
	return 0
}

// namesPack reports whether the phrase a count was read from names a pack
// of units ("2pk", "4-pack", "pack of 6", "twin pack"), not a count of
// contents ("250/pk": 250 to the pack), a box or a case.
func namesPack(phrase string) bool {
	if strings.IndexByte(phrase, '/') >= 0 {
		return false
	}
	return slices.ContainsFunc(letterWords(phrase), func(w string) bool {
		switch w {
		case "pack", "packs", "pk", "pks", "twin", "twinpack", "triple", "triplepack":
			return true
		}
		return false
	})
}

// letterWords splits a lower-case phrase into its runs of letters.
func letterWords(phrase string) []string {
	return strings.FieldsFunc(phrase, func(r rune) bool { return r < 'a' || r > 'z' })
}

// perBox reports whether the phrase a count was read from counts per box
// ("100/box", "25 box", "box of 12", "bx/50").
func perBox(phrase string) bool {
	ws := letterWords(phrase)
	return slices.Contains(ws, "box") || slices.Contains(ws, "bx")
}
