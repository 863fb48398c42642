package match

import (
	"fmt"
	"slices"
	"strings"

	"github.com/agnivade/levenshtein"
)

// Model levels of their own.
const (
	// Contained: a code found inside the other record's title or model
	// however it is spelled ("DAVIS50B" in "DAV-IS50 / B", or "TXSR606" in
	// "TXSR606B").
	Contained Level = "contained"
	// Base: a code whose base (its letter suffix dropped) is in the other
	// record, which names no suffix.
	Base Level = "base"
	// ShortExact: a shared code of at most shortCode letters and digits
	// ("H151", "T7891"): another item of the maker, an accessory or a
	// neighbor series shares one as often as not.
	ShortExact Level = "short_exact"
	// LongExact: a shared code of at least longCode letters and digits
	// ("CT2KIT102464BF160B", "T120.407.11.051.00"): two items share one by
	// mistake only.
	LongExact Level = "long_exact"
)

// The lengths, in letters and digits, below and above which a shared code
// says less and more than Exact: the chance that two items share a code by
// chance falls with its length. On the four benchmarks' train pairs a
// shared code of 4-5 names one item in 42-100% of pairs (under 80% on three
// of them), 6-8 in 86-99%, 9 or more in 98-100%.
const (
	shortCode = 5
	longCode  = 9
)

// codeLength is how many letters and digits code c has.
func codeLength(c string) int {
	n := 0
	for i := 0; i < len(c); i++ {
		if isAlnum(c[i]) {
			n++
		}
	}
	return n
}

// exactLevel is the level of a shared code c.
func exactLevel(c string) Level {
	switch n := codeLength(c); {
	case n <= shortCode:
		return ShortExact
	case n >= longCode:
		return LongExact
	}
	return Exact
}

// SharesCode reports whether a model comparison's level is a shared code,
// of whatever length.
func SharesCode(l Level) bool { return l == Exact || l == ShortExact || l == LongExact }

// minContained is the shortest code looked for inside another record's text.
const minContained = 5

// codePairOrder ranks the levels of two unequal codes, best first. Conflict
// outranks Different: a neighbor code is stronger evidence of a different
// item than an unrelated one.
var codePairOrder = []Level{Variant, Close, Conflict, SameForm, Different}

// SameForm is the level of two codes of one form, letters and digits in the
// same places, that share nothing else ("CA0080-03E" / "AW1150-07A").
const SameForm Level = "same_form"

// modelAttribute compares model codes (the shared code feature, codes.go).
// Each side offers its model field, or the code-like tokens of its title
// when the field is empty; a code equal to any code of the other side (model
// field or title) is exact. Otherwise the closest pair decides: a region or
// color suffix ("MQD83AM/A" vs "MQD83LL/A"), one edit with the same digits,
// or a neighbor code whose digits differ ("WH-1000XM4" vs "WH-1000XM5"),
// which is a different item.
func modelAttribute() Attribute {
	return Attribute{
		Name: "model",
		Levels: []LevelSpec{
			{Level: LongExact, Weight: 8, Why: "a shared long model code names the item"},
			{Level: Exact, Weight: 7, Why: "a shared model code nearly names the item"},
			{Level: ShortExact, Weight: 6, Why: "a shared short code: as often another item of the maker's (an accessory, a neighbor series)"},
			{Level: Contained, Weight: 4.5, Why: "a code spelled inside the other's text: as exact, less sure of the reading"},
			{Level: Base, Weight: 3, Why: "the same base code, one side silent on the suffix"},
			{Level: Variant, Weight: 0.5, Direction: Either, Why: "same base, another region or color suffix: the product line, maybe not the item"},
			{Level: Close, Weight: 1, Direction: Either, Why: "one edit, same digits: mostly a typo"},
			{Level: SameForm, Weight: -4.5, Why: "another code of one form (letters and digits in the same places): one maker's numbering naming another item, where unrelated codes are as often a shop's number beside the maker's"},
			{Level: Different, Weight: -3.5, Why: "unrelated codes: against, but codes read from titles are noisy"},
			{Level: Conflict, Weight: -6, Veto: true, Why: "a neighbor code with other digits is another model"},
			{Level: Missing},
		},
		compare: compareModels,
	}
}

func compareModels(a, b *Item, _ *Env) Outcome {
	ca, cb := &a.codes, &b.codes
	av, bv := ca.shown, cb.shown
	sa, sb := ca.primary(), cb.primary()
	// Exact: a primary code of one side among all codes of the other,
	// unless both sides also give that code with different suffixes
	// ("dvpfx820" on both, "dvpfx820r" against "dvpfx820w"): a variant.
	if c, ok := sharedCode(sa, cb.all, sb, ca.all); ok {
		if x, y, ev, clash := otherCodesClash(c, sa, sb, ca.all, cb.all); clash {
			// "CS-R8000 11-28T" / "CS-R9100 11-28T": the shared code is a
			// spec of both; their model codes are neighbors.
			return Outcome{Level: Conflict, A: av, B: bv, Evidence: fmt.Sprintf("%s (shared %s; %s vs %s)", ev, c, x, y)}
		}
		if x, y, clash := suffixClash(ca.all, cb.all, c); clash {
			return Outcome{Level: Variant, A: av, B: bv, Evidence: fmt.Sprintf("%s vs %s: same base %s, different suffix", x, y, c)}
		}
		return Outcome{Level: exactLevel(c), A: av, B: bv, Evidence: "code " + c}
	}
	// A code within the other's text; a model field of words ("Cosmopolitan
	// Electrol") in the other's title names a line, not the item.
	for _, pair := range [2][2]*codeSet{{ca, cb}, {cb, ca}} {
		for _, c := range pair[0].primary() {
			if (len(c) >= minContained || len(c) == 4 && c == pair[0].model) && hasDigit(c) && containsCode(pair[1].compactText, c) {
				if x, y, clash := suffixClash(ca.all, cb.all, c); clash {
					return Outcome{Level: Variant, A: av, B: bv, Evidence: fmt.Sprintf("%s vs %s: same base %s, different suffix", x, y, c)}
				}
				return Outcome{Level: Contained, A: av, B: bv, Evidence: c + " within the other's title or model"}
			}
		}
	}
	if len(sa) == 0 || len(sb) == 0 {
		if o, ok := baseInText(ca, cb, av, bv); ok {
			return o // "STYLUS1050SWB" against "Olympus Stylus 1050 SW ..."
		}
		return missing(av, bv)
	}
	// A code that leads the other's, written as its first piece ("U5269"
	// against "U5269-900", "DTIG4" against "DTIG4/16GB"): the same base,
	// the other adds a suffix.
	for _, pair := range [2][2]*Item{{a, b}, {b, a}} {
		for _, c := range pair[0].codes.primary() {
			if !hasDigit(c) || !pair[1].pieceHash(c, keyHash(c)) {
				continue
			}
			for _, x := range pair[1].codes.primary() {
				if len(x) > len(c) && strings.HasPrefix(x, c) {
					if y, z, clash := suffixClash(ca.all, cb.all, c); clash {
						// "B550" and "B550-F" against "B550-E": the side
						// with the bare base names its suffix too.
						return Outcome{Level: Variant, A: av, B: bv, Evidence: fmt.Sprintf("%s vs %s: same base %s, different suffix", y, z, c)}
					}
					return Outcome{Level: Base, A: av, B: bv, Evidence: fmt.Sprintf("%s leads %s", c, x)}
				}
				if len(c) >= 4 && len(x) > len(c) && strings.HasSuffix(x, c) && !hasDigit(x[:len(x)-len(c)]) {
					// "M786" against "RD-M786": a series prefix before it.
					return Outcome{Level: Base, A: av, B: bv, Evidence: fmt.Sprintf("%s ends %s", c, x)}
				}
				if len(c) >= 5 && len(x) > len(c) && strings.Contains(x, c) {
					// "HG701" against "CN-HG701-11": a piece of its own
					// between the maker's prefix and suffix.
					return Outcome{Level: Base, A: av, B: bv, Evidence: fmt.Sprintf("%s within %s", c, x)}
				}
			}
		}
	}
	best := Outcome{Level: Different, A: av, B: bv}
	rank := func(l Level) int { return slices.Index(codePairOrder, l) }
	var bx, by string // the closest pair, once one beats Different
	for _, x := range sa {
		for _, y := range sb {
			if lvl := compareCodes(x, y); rank(lvl) < rank(best.Level) {
				best.Level, bx, by = lvl, x, y
			}
		}
	}
	if bx != "" {
		best.Evidence = codesEvidence(best.Level, bx, by)
	}
	if best.Level != Variant {
		if o, ok := baseInText(ca, cb, av, bv); ok {
			return o
		}
	}
	// Two model fields that name neighbor codes are stated; codes read from
	// titles are not.
	best.Stated = best.Level == Conflict && ca.model != "" && cb.model != ""
	return best
}

// baseInText finds the base of a code (its suffix dropped) within the
// other's text: "G303DARK" against "... G303 series ...".
func baseInText(ca, cb *codeSet, av, bv string) (Outcome, bool) {
	for _, pair := range [2][2]*codeSet{{ca, cb}, {cb, ca}} {
		for _, c := range pair[0].primary() {
			if base := stripSuffix(c); base != c && len(base) >= 4 && hasDigit(base) && containsCode(pair[1].compactText, base) {
				return Outcome{Level: Base, A: av, B: bv, Evidence: fmt.Sprintf("%s (base of %s) within the other's title or model", base, c)}, true
			}
		}
	}
	return Outcome{}, false
}

// containsCode reports whether code occurs in text not followed by a digit
// ("th50pz85" is not in "th50pz850u": the digits go on).
func containsCode(text, code string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], code)
		if i < 0 {
			return false
		}
		end := from + i + len(code)
		if end == len(text) || !isDigit(text[end]) {
			return true
		}
		from += i + 1
	}
}

// otherCodesClash finds a code of each side, neither known to the other
// nor the head of the shared code ("SG500" and "SG500-52" of
// "SG500-52-K9-NA"), that are neighbor models (compareCodes: Conflict).
func otherCodesClash(shared string, sa, sb []string, aAll, bAll map[string]bool) (x, y, evidence string, clash bool) {
	for _, x := range sa {
		if bAll[x] || strings.HasPrefix(shared, x) {
			continue // known to the other, or the shared code's own head
		}
		for _, y := range sb {
			if aAll[y] || strings.HasPrefix(shared, y) {
				continue
			}
			if lvl := compareCodes(x, y); lvl == Conflict {
				return x, y, codesEvidence(lvl, x, y), true
			}
		}
	}
	return "", "", "", false
}

// sharedCode finds the longest primary code of one side among all codes of
// the other (the longest says most: exactLevel).
func sharedCode(sa []string, bAll map[string]bool, sb []string, aAll map[string]bool) (string, bool) {
	best, n := "", 0
	for _, side := range [2]struct {
		codes []string
		other map[string]bool
	}{{sa, bAll}, {sb, aAll}} {
		for _, c := range side.codes {
			if l := codeLength(c); l > n && side.other[c] {
				best, n = c, l
			}
		}
	}
	return best, best != ""
}

// suffixClash finds codes x (of a) and y (of b) that extend the shared code
// c with different letter suffixes, neither known to the other side.
func suffixClash(a, b map[string]bool, c string) (string, string, bool) {
	ext := func(x string) bool {
		return len(x) > len(c) && strings.HasPrefix(x, c) && !hasDigit(x[len(c):]) && len(x)-len(c) <= 3
	}
	for _, x := range sortedKeys(a) {
		if !ext(x) || b[x] {
			continue
		}
		for _, y := range sortedKeys(b) {
			if ext(y) && !a[y] && x != y {
				return x, y, true
			}
		}
	}
	return "", "", false
}

// partNumbersApart returns the two model fields when both items state one
// and one is the other's code with more written on (appended): half the
// time another model of the line, half a color or packing letter
// (Walmart-Amazon's train pairs: 3 of 6 one item), so the score leaves it
// to the model comparison's contained level and the decision to a person.
func partNumbersApart(offer, listing *Item) (string, string, bool) {
	x, y := offer.codes.model, listing.codes.model
	if x == "" || y == "" || x == y || !appended(offer, x, y) && !appended(listing, y, x) {
		return "", "", false
	}
	return offer.Rec.Model, listing.Rec.Model, true
}

// appended reports whether it's model field (compact: model) is the code c
// with up to three letters written on, no separator between ("P2722HE" of
// "P2722H", "D2000-9NECR" of "D2000-9NE"; not "MZ-V7S1T0B/AM", a region
// after a slash), or with a tier its title names ("ARCHER AX55 PRO" of
// "Archer AX55"). Such letters are as often a color or a size of the line
// as the same item (Walmart-Amazon's pairs with them on a hyphenated
// number: one item 7 times in 9; make dialect's: 5 unlisted colors and
// sizes eligible on their sibling): a person looks.
func appended(it *Item, model, c string) bool {
	ext, ok := strings.CutPrefix(model, c)
	if !ok || ext == "" || !hasDigit(c) {
		return false
	}
	if slices.Contains(it.version.facets["tier"], ext) {
		return true
	}
	if len(ext) > 3 || hasDigit(ext) {
		return false
	}
	// Written on: the field's last word ends with the letters and is more
	// than them ("D2000-9NECR"; not "MZ-V7S1T0B/AM").
	toks := Tokens(it.Rec.Model)
	return len(toks) > 0 && len(toks[len(toks)-1]) > len(ext) && strings.HasSuffix(toks[len(toks)-1], ext)
}

// sameShape reports whether two codes are the same letters with as many
// digits in the same places ("wfw9200" / "wfw8300").
func sameShape(x, y string) bool {
	return x != "" && !isDigits(x) && sameForm(x, y) && sameRunes(x, y, notDigit)
}

// compareCodes compares two compact codes that are not equal (its
// evidence: codesEvidence, written only for the pair that decides).
func compareCodes(x, y string) Level {
	bx, by := stripSuffix(x), stripSuffix(y)
	if bx == by && hasDigit(bx) && len(bx) >= 3 {
		return Variant
	}
	sameDigits := sameRunes(x, y, isDigit)
	d := levenshtein.ComputeDistance(x, y)
	if !hasDigit(x) && !hasDigit(y) && d == 1 {
		// Two model fields of letters ("XWF", "XWFE"): nothing is a
		// typo's digit; one letter more is another model.
		return Conflict
	}
	if sameDigits && d <= 1 {
		return Close
	}
	if !sameDigits && (sameRunes(x, y, notDigit) || d <= 2 || sameShape(bx, by)) {
		// The same letters around as many other digits, the suffixes
		// after the last digit aside ("wfw9200swh" / "wfw8300sw": a color
		// suffix each): another model of the line.
		return Conflict
	}
	if len(x) >= 6 && sameForm(x, y) {
		return SameForm
	}
	return Different
}

// codesEvidence says why two codes compare at level l (compareCodes).
func codesEvidence(l Level, x, y string) string {
	switch l {
	case Variant:
		return fmt.Sprintf("%s and %s share base %s", x, y, stripSuffix(x))
	case Close:
		return fmt.Sprintf("%s vs %s: one edit, same digits", x, y)
	case Conflict:
		return fmt.Sprintf("%s vs %s: digits %s vs %s", x, y, digitsOf(x), digitsOf(y))
	case SameForm:
		return fmt.Sprintf("%s vs %s: one form", x, y)
	}
	return fmt.Sprintf("%s vs %s", x, y)
}

// sameRunes reports whether the bytes of x and of y that keep selects are
// the same, in order (digitsOf(x) == digitsOf(y) without writing them).
func sameRunes(x, y string, keep func(byte) bool) bool {
	i, j := 0, 0
	for {
		for i < len(x) && !keep(x[i]) {
			i++
		}
		for j < len(y) && !keep(y[j]) {
			j++
		}
		if i == len(x) || j == len(y) {
			return i == len(x) && j == len(y)
		}
		if x[i] != y[j] {
			return false
		}
		i, j = i+1, j+1
	}
}

func notDigit(b byte) bool { return !isDigit(b) }

// sameForm reports whether two codes have letters and digits in the same
// places.
func sameForm(x, y string) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range len(x) {
		if isDigit(x[i]) != isDigit(y[i]) {
			return false
		}
	}
	return true
}
