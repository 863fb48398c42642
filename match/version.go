package match

import (
	"fmt"
	"slices"
	"strings"
)

// versionValue is what a title says of the version of its product, facet
// by facet: plug, region, platform, edition, flavor, scent, configuration
// (vocab/versions.json), generation ("Gen 2", "3rd generation"), model
// year ("2024"), and the numbered part of a run: volume, numbered edition
// and anniversary (numberedPart).
type versionValue struct {
	facets map[string][]string // facet -> values named, in order
	text   string              // as results show it
	// numbered: a number followed by a roman numeral ("Sport 34 II") -> the
	// numeral's generation; tiered: a number followed by a tier's word
	// ("iPhone 15 Plus", "Mavic 2 Pro") -> the tier; plain: numbers with
	// neither after them.
	numbered map[string]string
	tiered   map[string]string
	plain    []string
	// rules are the vocabularies' facet rules (shared, read only).
	rules map[string]facetRule
	// oneSide are the one_side facets named, sorted.
	oneSide []string
	// facetOrder, numberedOrder, tieredOrder and shortOrder are the keys of
	// facets, numbered, tiered and short, sorted once when the value is read
	// (or decoded), not on every pair.
	facetOrder, numberedOrder, tieredOrder, shortOrder []string
	// short are the values named by a short form only ("COPPERTOP D 8PK":
	// battery "d cell"), by facet: read against a title that names a value
	// of the facet, not alone (versions.json: abbreviations).
	short map[string][]string
	// shortWord are the facets of short that a word names ("classic",
	// "ocean"), not a letter or two ("D", "WW"): the same word on both
	// sides is the same value.
	shortWord []string
}

// order sorts the keys of the value's maps (facetOrder, numberedOrder,
// tieredOrder, shortOrder).
func (v *versionValue) order() {
	v.facetOrder, v.numberedOrder, v.shortOrder = sortedKeys(v.facets), sortedKeys(v.numbered), sortedKeys(v.short)
	v.tieredOrder = sortedKeys(v.tiered)
}

// GenerationOneSide is the version level where one title names a
// generation and the other none (OneSide: a tier).
const GenerationOneSide Level = "generation_one_side"

// VariantOneSide is the version level where one title names a value of a
// one_side facet other than the tier (a bundle) and the other none.
const VariantOneSide Level = "variant_one_side"

// romans are the generation numerals read after a word.
var romans = map[string]string{"ii": "2", "iii": "3", "iv": "4", "vi": "6", "vii": "7", "viii": "8"}

// versionAttribute compares versions stated only in words: a UK-plug
// kettle is not the US one, the PS5 game not the Xbox one, Gen 2 not Gen 3,
// vanilla not chocolate. Two records that both name a value of one facet
// and share none are different items.
func versionAttribute() Attribute {
	return Attribute{
		Name: "version",
		Levels: []LevelSpec{
			{Level: Same, Weight: 1, Why: "both name the same version in a facet"},
			{Level: Conflict, Weight: -4, Veto: true, Why: "another plug, region, platform, edition, generation, year, flavor or scent is another item"},
			{Level: OneSide, Weight: -1.5, Why: "a tier named by one side only (\"15 Pro\" / \"15\"): another model of the line more often than a shop's extra word"},
			{Level: VariantOneSide, Weight: -2.5, Why: "a bundle (a one_side facet other than a tier) named by one side only: another item (in Walmart-Amazon's train pairs 1 match in 52)"},
			{Level: GenerationOneSide, Weight: -0.5, Direction: Either, Why: "a generation named by one side only (\"Max 12 II\" / \"Max 12\"): shops add \"2nd generation\" to the same item about as often as a later model goes unnamed (Abt-Buy and Walmart-Amazon train pairs)"},
			{Level: Missing},
		},
		prepare: func(it *Item, vs *Vocabularies) {
			toks := it.text.tokens
			add := func(facet, value string) {
				if it.version.facets == nil {
					it.version.facets = map[string][]string{}
				}
				for _, v := range it.version.facets[facet] {
					if v == value {
						return
					}
				}
				it.version.facets[facet] = append(it.version.facets[facet], value)
				if r := vs.facetRules[facet]; r.oneSide && value != r.plain && !slices.Contains(it.version.oneSide, facet) {
					it.version.oneSide = append(it.version.oneSide, facet)
				}
			}
			it.version.rules = vs.facetRules
			// A brand's own words name no version ("Tripp Lite", "Max
			// Factor").
			named := toks
			if len(it.brand.words) > 0 {
				named = make([]string, 0, len(toks))
				for _, t := range toks {
					if !slices.Contains(it.brand.words, t) {
						named = append(named, t)
					}
				}
			}
			vs.versions.scan(named, func(fvs []facetValue) {
				for _, fv := range fvs {
					add(fv.facet, fv.value)
				}
			}, nil)
			for _, t := range named {
				for _, fv := range vs.versionShort[t] {
					if it.version.short == nil {
						it.version.short = map[string][]string{}
					}
					if !slices.Contains(it.version.short[fv.facet], fv.value) {
						it.version.short[fv.facet] = append(it.version.short[fv.facet], fv.value)
					}
					if len(t) >= 3 && !slices.Contains(it.version.shortWord, fv.facet) {
						it.version.shortWord = append(it.version.shortWord, fv.facet)
					}
				}
			}
			tier := vs.facetRules["tier"]
			for i, t := range toks {
				if g := generation(toks, i); g != "" {
					add("generation", g)
				}
				if f, n := numberedPart(toks, i); f != "" {
					add(f, n)
				}
				if r, ok := romans[t]; ok && i > 0 && !isNumber(toks[i-1]) {
					// "Mark II", "Pro III": a generation stated as a
					// numeral.
					add("generation", r)
				}
				if n, afterNumber, numeral := modelNumberAt(toks, i, vs); n != "" {
					after := next(toks, i)
					if afterNumber && tier.onlyAfterNumber(after) && apart(fold(it.Rec.Title), t, after) {
						afterNumber = false // "(HG701) XT": the groupset's XT
					}
					it.version.noteNumber(n, after, tier, afterNumber, numeral)
				}
				if len(t) == 4 && isDigits(t) && t >= "2000" && t <= "2039" && !unitAfter(toks, i) {
					add("year", t)
					if i+1 < len(toks) && (toks[i+1] == "edition" || toks[i+1] == "ed") {
						// "2018 Edition": a year's edition, which a
						// title naming none is not.
						add("edition", t+" edition")
					}
				}
			}
			slices.Sort(it.version.oneSide)
			it.version.order()
			it.version.text = it.version.shown()
		},
		encode: func(e *encoder, it *Item) {
			v := &it.version
			e.strsMap(v.facets)
			e.str(v.text)
			e.strMap(v.numbered)
			e.strMap(v.tiered)
			e.strs(v.plain)
			e.strs(v.oneSide)
			e.strsMap(v.short)
			e.strs(v.shortWord)
		},
		decode: func(d *decoder, it *Item, vs *Vocabularies) {
			v := &it.version
			v.facets = d.strsMap()
			v.text, v.numbered, v.tiered = d.str(), d.strMap(), d.strMap()
			v.plain, v.oneSide = d.strs(), d.strs()
			v.short, v.shortWord = d.strsMap(), d.strs()
			v.rules = vs.facetRules
			v.order()
		},
		compare: compareVersions,
	}
}

// modelNumberAt reads toks[i] as a model's number that a tier or a numeral
// after it may name: a bare number, not a measure's ("iPhone 15 Plus"); a
// short model number ("Galaxy S9 Plus"); or the number a line's letters run
// into ("GTX1660 Super", keyed "1660", as the spaced "GTX 1660" writes it).
// It returns the number's key, or "", whether a tier's after_number words
// count after it (after a bare or a run-in number: "1660 Super"; not after
// a short one: "CN-HG95-Super-Narrow" is a chain's kind), and whether a
// numeral after it names a generation ("Sport 34 II").
func modelNumberAt(toks []string, i int, vs *Vocabularies) (key string, afterNumber, numeral bool) {
	t := toks[i]
	if n := lineNumber(t); n != "" && !vs.namesNoBrand(t) {
		return n, true, false
	}
	if unitAfter(toks, i) {
		return "", false, false
	}
	if isNumber(t) {
		return t, true, true
	}
	if _, _, ok := shortModelNumber(t); ok && !vs.namesNoBrand(t) {
		return t, false, true
	}
	return "", false, false
}

// noteNumber notes model number n (modelNumberAt) by what the word after it
// names: a generation as a numeral (numbered), a tier (tiered), or nothing
// (plain).
func (v *versionValue) noteNumber(n, after string, tier facetRule, afterNumber, numeral bool) {
	if r := romans[after]; numeral && r != "" {
		if v.numbered == nil {
			v.numbered = map[string]string{}
		}
		v.numbered[n] = r
	} else if t := tier.tierAfter(after, afterNumber); t != "" {
		if v.tiered == nil {
			v.tiered = map[string]string{}
		}
		v.tiered[n] = t
	} else {
		v.plain = append(v.plain, n)
	}
}

// lineNumber returns the number of a token that is a line's two to four
// letters run into a number of three or four digits ("gtx1660", "rx5500",
// "ml140"), or "".
func lineNumber(t string) string {
	l, d, ok := lettersDigits(t)
	if !ok || len(l) < 2 || len(l) > 4 || len(d) < 3 || len(d) > 4 || d[0] == '0' {
		return ""
	}
	return d
}

// next returns the token after toks[i], or "".
func next(toks []string, i int) string {
	if i+1 < len(toks) {
		return toks[i+1]
	}
	return ""
}

// apart reports whether text (folded) writes word w after token t only
// across a closing bracket, a slash or a comma ("Shimano - (HG701) XT / Ultegra
// chain", where XT names the groupset, not a tier of the HG701): an
// after_number word names a tier only written right after its number. A
// token the text spells otherwise is not apart.
func apart(text, t, w string) bool {
	if w == "" {
		return false
	}
	found := false
	for from := 0; from < len(text); {
		j := strings.Index(text[from:], t)
		if j < 0 {
			break
		}
		start := from + j
		end := start + len(t)
		from = start + 1
		if start > 0 && isAlnum(text[start-1]) || end < len(text) && isAlnum(text[end]) {
			continue
		}
		gap := end
		for gap < len(text) && !isAlnum(text[gap]) {
			gap++
		}
		if !strings.HasPrefix(text[gap:], w) || gap+len(w) < len(text) && isAlnum(text[gap+len(w)]) {
			continue
		}
		if !strings.ContainsAny(text[end:gap], ")]}/,;|") {
			return false
		}
		found = true
	}
	return found
}

// generation reads "gen 2", "gen2", "2nd gen", "2nd generation",
// "generation 2", "MkII", "Mk 2" at toks[i] ("Mark II" is read as a
// numeral after a word; "Mark 2" is not read: a Memory Stick "Mark 2" is
// no later model of the plain one).
func generation(toks []string, i int) string {
	t, after := toks[i], next(toks, i)
	switch {
	case (t == "gen" || t == "generation") && isNumber(after):
		return after
	case strings.HasPrefix(t, "gen") && isNumber(t[3:]):
		return t[3:]
	case strings.HasPrefix(t, "mk") && markNumber(t[2:]) != "":
		// "MkII", "MKIII", "Mk2": a mark written as one word (not
		// "MK270", a keyboard combo's model).
		return markNumber(t[2:])
	case t == "mk" && markNumber(after) != "":
		return markNumber(after)
	case (after == "gen" || after == "generation") && ordinal(t) != "":
		return ordinal(t)
	}
	return ""
}

// numberWords are the numbers a volume or book is named by in words
// ("Book One").
var numberWords = map[string]string{"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12"}

// numberedPart returns the facet and number of a numbered part of a run
// that toks[i] begins: a volume or book of a series ("Vol. 2", "Book
// One", "BK 1"), a numbered edition ("11th Edition", "12TH ED") or an
// anniversary edition ("30th Anniversary"); "", "" when it begins none.
// Numbers are written without leading zeros ("VOL 01" is volume 1).
func numberedPart(toks []string, i int) (facet, n string) {
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1]
	}
	switch t := toks[i]; {
	case t == "volume" || t == "book" || t == "bk":
		if v, ok := numberWords[next]; ok {
			return "volume", v
		}
		if len(next) <= 3 && isDigits(next) && (i+2 >= len(toks) || !unitAfter(toks, i+1)) {
			if v := strings.TrimLeft(next, "0"); v != "" {
				return "volume", v
			}
		}
	case ordinal(t) != "" && (next == "edition" || next == "ed" || next == "edn"):
		return "edition number", strings.TrimLeft(ordinal(t), "0")
	case ordinal(t) != "" && (next == "anniversary" || next == "anniv"):
		return "anniversary", strings.TrimLeft(ordinal(t), "0")
	}
	return "", ""
}

// markNumber returns the number of a mark written as one digit or a roman
// numeral ("2", "ii" -> "2", "v" -> "5"), or "".
func markNumber(n string) string {
	switch {
	case len(n) == 1 && isDigit(n[0]):
		return n
	case n == "i":
		return "1"
	case n == "v":
		return "5"
	}
	return romans[n]
}

// ordinal returns the number of "2nd", "3rd", "4th", or "".
func ordinal(t string) string {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if n, ok := strings.CutSuffix(t, suf); ok && isNumber(n) {
			return n
		}
	}
	return ""
}

// unitAfter reports whether the token after toks[i] is a unit or a
// measure ("2000 mah", "2000 IU").
func unitAfter(toks []string, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	_, ok := unitKeys[toks[i+1]]
	return ok || measureWords[toks[i+1]]
}

// oneSideFacet returns a facet flagged one_side that x names and y does
// not, unless x's words for it are y's brand (a title's "Tripp Lite"
// against the brand field), or "".
func oneSideFacet(x *versionValue, y *Item) string {
	for _, f := range x.oneSide {
		if len(y.version.facets[f]) > 0 {
			continue
		}
		for _, t := range x.facets[f] {
			brandWord := slices.ContainsFunc(x.rules[f].words[t], func(w string) bool { return slices.Contains(y.brand.words, w) })
			if !brandWord && !spelledOut(t, y.text.tokens) {
				return f
			}
		}
	}
	return ""
}

// spelledOut reports whether a one-word value is the start of a longer word
// of toks, by three letters or more: the word it shortens ("max" of
// "Maximum Strength", "pro" of "Professional"; not "plus" of "plush").
func spelledOut(v string, toks []string) bool {
	if strings.ContainsRune(v, ' ') {
		return false
	}
	for _, t := range toks {
		if len(t) >= len(v)+3 && strings.HasPrefix(t, v) {
			return true
		}
	}
	return false
}

// blend reports whether a facet's values combine in one item (a flavor of
// peanut butter and chocolate, a scent of lemon and lime) rather than
// exclude each other.
func blend(facet string) bool { return facet == "flavor" || facet == "scent" }

// unmatchedValue returns a value of xs that agrees with none of ys, or "".
func unmatchedValue(facet string, xs, ys []string) string {
	for _, x := range xs {
		if !slices.ContainsFunc(ys, func(y string) bool { return sameFacetValue(facet, x, y) }) {
			return x
		}
	}
	return ""
}

// sameFacetValue reports whether two values of a facet agree: the same,
// or, for a flavor or scent, the words of one within the other ("lemon
// lime" and the "lemon" of "Lemon & Lime Blossom"): a blend named in part
// is no other flavor. (A tier named in part is another tier: "Pro" is not
// "Pro Max".)
func sameFacetValue(facet, x, y string) bool {
	if x == y {
		return true
	}
	if !blend(facet) {
		return false
	}
	if len(x) > len(y) {
		x, y = y, x
	}
	return strings.Contains(y, x) && within(x, y)
}

// sharesValue reports whether a value of xs and one of ys agree
// (sameFacetValue).
func sharesValue(facet string, xs, ys []string) bool {
	return slices.ContainsFunc(xs, func(x string) bool {
		return slices.ContainsFunc(ys, func(y string) bool { return sameFacetValue(facet, x, y) })
	})
}

// genOneSide reports whether x names a generation, in any form, and y none.
func genOneSide(x, y *versionValue) bool {
	return x.hasGeneration() && !y.hasGeneration()
}

// hasGeneration reports whether the title names a generation in any form.
func (v *versionValue) hasGeneration() bool {
	return len(v.facets["generation"]) > 0 || len(v.numbered) > 0
}

func (v *versionValue) shown() string {
	var parts []string
	for _, f := range v.facetOrder {
		parts = append(parts, f+"="+strings.Join(v.facets[f], "/"))
	}
	return strings.Join(parts, ", ")
}

func compareVersions(a, b *Item, _ *Env) Outcome {
	va, vb := &a.version, &b.version
	av, bv := va.text, vb.text
	same, extra := false, ""
	oneMore, oneMoreFacet := "", "" // a one_side facet's value one side adds
	// A value named by a short form only ("COPPERTOP D 8PK", "Lysol Spring
	// Waterfall") against a title that names another value of its facet,
	// in full ("AA Alkaline Batteries") or short ("Ocean Fresh"), is
	// another item; against the same value named by a word, the same.
	// Against a title naming none it says nothing: the word is too often
	// something else ("Planet Ocean", "UAP-AC-Lite", "Romeo Zero") to be a
	// value one side adds.
	for i, p := range [2][2]*versionValue{{va, vb}, {vb, va}} {
		for _, f := range p[0].shortOrder {
			if len(p[0].facets[f]) > 0 {
				continue // named in full: the facet loop compares it
			}
			xs, ys := p[0].short[f], p[1].facets[f]
			if len(ys) == 0 {
				if i == 1 {
					continue // short against short: compared once, from a
				}
				ys = p[1].short[f]
			}
			if len(ys) == 0 {
				continue
			}
			if !sharesValue(f, xs, ys) {
				return Outcome{Level: Conflict, A: av, B: bv, Evidence: fmt.Sprintf("%s: %s vs %s", f, strings.Join(xs, "/"), strings.Join(ys, "/"))}
			}
			// The same value: named by a word on the short side (and on
			// the other, when short too), not by a letter ("Vitamin C").
			word := slices.Contains(p[0].shortWord, f) && (len(p[1].facets[f]) > 0 || slices.Contains(p[1].shortWord, f))
			same = same || word && !va.rules[f].conflictOnly
		}
	}
	for _, f := range va.facetOrder {
		xs, ys := va.facets[f], vb.facets[f]
		if len(ys) == 0 {
			continue
		}
		if !sharesValue(f, xs, ys) {
			return Outcome{Level: Conflict, A: av, B: bv, Evidence: fmt.Sprintf("%s: %s vs %s", f, strings.Join(xs, "/"), strings.Join(ys, "/"))}
		}
		if blend(f) && extra == "" {
			if x := unmatchedValue(f, xs, ys); x != "" {
				extra = f + " " + x
			} else if y := unmatchedValue(f, ys, xs); y != "" {
				extra = f + " " + y
			}
		}
		if va.rules[f].oneSide {
			// "Glass Elite ... 15 Pro" against "Glass Elite ... 15 Pro
			// Max": a shared "elite" does not make "pro" and "pro max"
			// one tier.
			x, y := unmatchedValue(f, xs, ys), unmatchedValue(f, ys, xs)
			if x != "" && y != "" {
				return Outcome{Level: Conflict, A: av, B: bv, Evidence: fmt.Sprintf("%s: %s vs %s", f, x, y)}
			}
			// "Glass Elite ... 15 Pro" against "Glass Elite ... 15": the
			// shared "elite" leaves "pro" on one side only.
			if v := x + y; v != "" && v != va.rules[f].plain && oneMore == "" {
				oneMore, oneMoreFacet = v, f
			}
		}
		same = same || !va.rules[f].conflictOnly
	}
	// "iPhone 15 Plus" against an "iPhone 15" with no tier after the
	// number: another model of the line, not a shop's extra word.
	for _, p := range [2][2]*versionValue{{va, vb}, {vb, va}} {
		for _, n := range p[0].tieredOrder {
			t := p[0].tiered[n]
			if slices.Contains(p[1].plain, n) && p[1].tiered[n] == "" && !slices.Contains(p[1].facets["tier"], t) {
				return Outcome{Level: Conflict, A: av, B: bv, Evidence: fmt.Sprintf("tier: %s %s vs %s", n, t, n)}
			}
			if u := p[1].tiered[n]; u != "" && u != t {
				// "Galaxy S24+" against "Galaxy S24 Ultra": two tiers
				// after one number, whatever else the titles share
				// ("Ultra Hybrid", a case's line).
				return Outcome{Level: Conflict, A: av, B: bv, Evidence: fmt.Sprintf("tier: %s %s vs %s %s", n, t, n, u)}
			}
		}
	}
	if extra != "" {
		// "Peanut Butter Dark Chocolate" against "Dark Chocolate": one
		// more flavor is another recipe.
		return Outcome{Level: VariantOneSide, A: av, B: bv, Evidence: extra + ": named on one side only"}
	}
	if oneMore != "" {
		l := VariantOneSide
		if oneMoreFacet == "tier" {
			l = OneSide
		}
		return Outcome{Level: l, A: av, B: bv, Evidence: fmt.Sprintf("a %s %s on one side only, beside one both name", oneMoreFacet, oneMore)}
	}
	// "Sport 34 II" against a "Sport 34" with no numeral: the first of the
	// line. (A numeral after a word alone, "SATA II", is left alone: read as
	// a generation it cost 0.6 F1 on Walmart-Amazon.)
	for _, p := range [2][2]*versionValue{{va, vb}, {vb, va}} {
		for _, n := range p[0].numberedOrder {
			gen := p[0].numbered[n]
			if slices.Contains(p[1].facets["generation"], gen) {
				same = true // "Biz 2400 II" against "Biz 2400 Mark II"
				continue
			}
			if slices.Contains(p[1].plain, n) && p[1].numbered[n] == "" {
				return Outcome{Level: Conflict, A: av, B: bv, Evidence: fmt.Sprintf("generation: %s %s vs %s", n, gen, n)}
			}
		}
	}
	if genOneSide(va, vb) || genOneSide(vb, va) {
		// A later model names its generation; the first of a line often
		// names none.
		return Outcome{Level: GenerationOneSide, A: av, B: bv, Evidence: "a generation on one side only"}
	}
	for _, p := range [2][2]*Item{{a, b}, {b, a}} {
		// "iPhone 15 Pro" is not the "iPhone 15", the console bundle not
		// the console.
		if f := oneSideFacet(&p[0].version, p[1]); f != "" {
			l := VariantOneSide
			if f == "tier" {
				l = OneSide
			}
			return Outcome{Level: l, A: av, B: bv, Evidence: f + ": named on one side only"}
		}
	}
	if same {
		return Outcome{Level: Same, A: av, B: bv}
	}
	return missing(av, bv)
}
