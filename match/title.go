package match

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/agnivade/levenshtein"
)

// titleText is the shared title feature: the title's normalized tokens (in
// which brand, color, material, size and pack count are looked for) and its
// keys, the terms titles are compared and retrieved on.
type titleText struct {
	tokens []string // normalized title tokens, in order
	keys   []string // TitleKeys of the tokens, distinct, in order
	idx    keyIndex // the keys, and adjacent keys joined
	lead   int      // the index of the first word token (leadOf), -1 when none
}

// readTitle reads the title feature, abbreviations expanded, a leading
// abbreviation of the record's own brand written as the brand (spellBrand),
// and its size column's abbreviation written as the size (spellSize).
func readTitle(title, brand, size string, vs *Vocabularies) titleText {
	t := titleText{tokens: spellSize(spellBrand(vs.expand(Tokens(spellInchMarks(spellFeet(spellOctets(spellPlus(title)))))), brand, vs), size, vs)}
	t.keys = TitleKeys(t.tokens)
	t.idx = newKeyIndex(t.keys)
	t.lead = leadOf(t.tokens)
	return t
}

// spellBrand writes a title's first word as the record's brand when it is a
// supplier's abbreviation of it ("LEV 15A DUPLEX RCPT" by "LEVITON MFG CO",
// "SQD HOMELINE" by "Square D", "SW 14/2 NM-B" by "SOUTHWIRE CO"): two to
// four letters, the brand's first letter, its letters in the brand's order.
// A word of the vocabularies is left as it is.
func spellBrand(toks []string, brand string, vs *Vocabularies) []string {
	if brand == "" || len(toks) == 0 {
		return toks
	}
	w := toks[0]
	if len(w) < 2 || len(w) > 4 || !isWord(w) {
		return toks
	}
	bt := vs.brandName(Tokens(brand))
	key := strings.Join(bt, "")
	if len(bt) == 0 || w == key || w == bt[0] || !abbreviates(w, key) || vs.namesNoBrand(w) || slices.Contains(toks[1:], bt[0]) {
		return toks
	}
	return append(slices.Clone(bt), toks[1:]...)
}

// spellSize writes the record's size column as the size it names where the
// title repeats it ("UTOPIA BED PILLOW 2PK KG WHT" with a size column of
// KG: king, not kilograms). Only a one-word column, and not after a number
// ("RICE 1 KG" is a kilogram whatever the column says).
func spellSize(toks []string, size string, vs *Vocabularies) []string {
	n := Normalize(size)
	if n == "" || strings.IndexByte(n, ' ') >= 0 {
		return toks
	}
	name, ok := vs.sizes.Named(n)
	if !ok || name == n {
		return toks
	}
	var out []string
	last := 0
	for i, t := range toks {
		if t != n || i > 0 && isNumber(toks[i-1]) {
			continue
		}
		out = append(out, toks[last:i]...)
		out = append(out, strings.Fields(name)...)
		last = i + 1
	}
	if out == nil {
		return toks
	}
	return append(out, toks[last:]...)
}

// TitleKeys returns the distinct title keys (see TitleKeys), in order: the
// terms the title comparison and retrieval use.
func (it *Item) TitleKeys() []string { return it.text.keys }

// The title similarity bands below Exact.
const (
	T90 Level = "t90"
	T80 Level = "t80"
	T70 Level = "t70"
	T60 Level = "t60"
	T50 Level = "t50"
	T40 Level = "t40"
	T30 Level = "t30"
	T20 Level = "t20"
)

// similarityTexts are the title evidence for each similarity in
// hundredths, written once instead of for every pair.
var similarityTexts = hundredths(func(i int) string {
	return "similarity " + strconv.FormatFloat(float64(i)/100, 'f', 2, 64)
})

// similarityEvidence is the title evidence for similarity sim in [0,1]:
// "similarity 0.74".
func similarityEvidence(sim float64) string {
	i := int(math.Round(sim * 100))
	if i < 0 || i > 100 {
		return "similarity " + strconv.FormatFloat(sim, 'f', 2, 64)
	}
	return similarityTexts[i]
}

// titleBands are the lowest similarity of each title level, strongest
// first: fine enough that ranking candidates rarely ties.
var titleBands = []band{
	{Exact, 0.95}, {T90, 0.9}, {T80, 0.8}, {T70, 0.7}, {T60, 0.6},
	{T50, 0.5}, {T40, 0.4}, {T30, 0.3}, {T20, 0.2}, {Different, 0},
}

// titleAttribute measures title agreement as an IDF-weighted soft Dice
// coefficient of the title keys (see titleSimilarity), so agreeing on a
// rare word counts more than agreeing on "black"; short titles also get a
// character edit similarity. The similarity lands in a band of 0.1.
func titleAttribute() Attribute {
	why := "hand-set: rises with the band, crossing 0 near half the title's weight shared; tune refits it"
	return Attribute{
		Name:    "title",
		wording: true,
		Graded:  true,
		Levels: []LevelSpec{
			{Level: Exact, Weight: 6.5, Why: "the same words (>= 0.95): strong, but a shop's titles repeat across variants"},
			{Level: T90, Weight: 5.5, Why: why, Direction: Either}, {Level: T80, Weight: 4, Why: why, Direction: Either},
			{Level: T70, Weight: 2.5, Why: why, Direction: Either}, {Level: T60, Weight: 1.5, Why: why, Direction: Either},
			{Level: T50, Weight: 0.5, Why: why, Direction: Either}, {Level: T40, Weight: -1, Why: why, Direction: Either},
			{Level: T30, Weight: -2, Why: why, Direction: Either}, {Level: T20, Weight: -3, Why: why},
			{Level: Different, Weight: -4, Why: "under 0.2 shared: another product, unless codes say otherwise"},
			{Level: Missing},
		},
		compare: compareTitles,
	}
}

func compareTitles(a, b *Item, env *Env) Outcome {
	av, bv := a.Rec.Title, b.Rec.Title
	if len(a.text.keys) == 0 || len(b.text.keys) == 0 {
		return missing(av, bv)
	}
	wa, wb := a.keyIDF(env), b.keyIDF(env)
	if a.codes.pieceAt != nil || b.codes.pieceAt != nil {
		// A code is as rare as a word gets, and would outweigh every word
		// of the title: the model comparison weighs codes, the title
		// counts them as ordinary words.
		wa, wb = capPieces(a, b, wa), capPieces(b, a, wb)
	}
	sim := softDice(&a.text.idx, &b.text.idx, wa, wb)
	if len(av) <= 40 && len(bv) <= 40 && digitsAgree(&a.text, &b.text) {
		// Character edits forgive typos in words; a changed digit ("Studio
		// 61" / "Studio 31") is another product, as in softDice.
		sim = max(sim, Similarity(strings.Join(a.text.keys, " "), strings.Join(b.text.keys, " ")))
	}
	o := Outcome{A: av, B: bv, Evidence: similarityEvidence(sim), Similarity: sim}
	o.Level = bandOf(titleBands, sim)
	return o
}

// digitsAgree reports whether the keys with digits of one title are all in
// the other (as keys, adjacent keys joined, "sh 230" has "sh230", or the
// same number, "16.0" is "16"): a title may add a part number, but one
// whose numbers differ from the other's ("Studio 61" / "Studio 31") names
// another product.
func digitsAgree(a, b *titleText) bool {
	has := func(from, t *titleText) bool {
		for _, k := range from.keys {
			if !strings.ContainsAny(k, "0123456789") || t.idx.has(k) {
				continue
			}
			if _, joined := t.idx.joined(k); joined || hasNumber(t.keys, k) {
				continue
			}
			return false
		}
		return true
	}
	return has(a, b) || has(b, a)
}

// hasNumber reports whether keys hold the number k in another spelling
// (only a decimal point or a leading zero can make one).
func hasNumber(keys []string, k string) bool {
	if !isDecimal(k) {
		return false
	}
	odd := func(s string) bool { return s[0] == '0' || strings.IndexByte(s, '.') >= 0 }
	var v float64
	parsed := false
	for _, o := range keys {
		if o == k || !isDecimal(o) || !odd(o) && !odd(k) {
			continue
		}
		if !parsed {
			v, _ = strconv.ParseFloat(k, 64)
			parsed = true
		}
		if w, err := strconv.ParseFloat(o, 64); err == nil && w == v {
			return true
		}
	}
	return false
}

// isDecimal reports whether k is digits with at most one decimal point.
func isDecimal(k string) bool {
	dots := 0
	for i := 0; i < len(k); i++ {
		switch c := k[i]; {
		case c == '.':
			dots++
		case c < '0' || c > '9':
			return false
		}
	}
	return k != "" && dots <= 1 && k != "."
}

// pieceWeight is the most a code's piece weighs in a title: the IDF of a
// word in 1% of titles, 1 + ln(100).
const pieceWeight = 5.605170185988092

// titleSimilarity is the mean of a weighted soft Dice coefficient (the
// weight of the keys of each side that the other side has, over the weight
// of all keys) and the overlap coefficient (the share of the lighter title's
// weight that the other has), in [0,1]. A key counts as had when the other side has it,
// spells it as two or three adjacent keys ("coffee maker" / "coffeemaker"),
// or has it with one typo (keys of five or more characters, same digits).
// weight must be positive.
func titleSimilarity(a, b []string, weight func(string) float64) float64 {
	x, y := newKeyIndex(a), newKeyIndex(b)
	return softDice(&x, &y, weights(a, weight), weights(b, weight))
}

// weights returns weight of each key.
func weights(keys []string, weight func(string) float64) []float64 {
	w := make([]float64, len(keys))
	for i, k := range keys {
		w[i] = weight(k)
	}
	return w
}

// capPieces returns w, the weights of x's title keys, with the keys that
// are code pieces of x or of other weighing pieceWeight at most (a copy
// when one is capped).
func capPieces(x, other *Item, w []float64) []float64 {
	out := w // the item's cached weights: copied before the first change
	for i, k := range x.text.keys {
		if w[i] > pieceWeight && (x.pieceKey(i) || other.pieceHash(k, x.text.idx.hash[i])) {
			if &out[0] == &w[0] {
				out = slices.Clone(w)
			}
			out[i] = pieceWeight
		}
	}
	return out
}

// softDice is titleSimilarity on indexed keys and their weights (wa, wb:
// one per key).
func softDice(x, y *keyIndex, wa, wb []float64) float64 {
	a, b := x.keys, y.keys
	var bufA, bufB [64]bool // titles rarely have more keys: no allocation
	hadA, hadB := bufA[:0], bufB[:0]
	if len(a) > len(bufA) {
		hadA = make([]bool, 0, len(a))
	}
	if len(b) > len(bufB) {
		hadB = make([]bool, 0, len(b))
	}
	hadA, hadB = hadA[:len(a)], hadB[:len(b)]
	mark := func(x *keyIndex, had []bool, other *keyIndex, otherHad []bool) {
		for i, t := range x.keys {
			if other.hasHash(t, x.hash[i]) {
				had[i] = true
			} else if sp, ok := other.joinedHash(t, x.hash[i]); ok {
				// The other side spells t as adjacent keys: those keys are had too.
				had[i] = true
				for j := sp.from; j < sp.from+sp.n; j++ {
					otherHad[j] = true
				}
			} else if typo(t, other.keys) {
				had[i] = true
			} else if j := cutShort(t, other.keys); j >= 0 {
				// A supplier's word cut short ("COND" of "conditioner"):
				// both are had.
				had[i], otherHad[j] = true, true
			}
		}
	}
	mark(x, hadA, y, hadB)
	mark(y, hadB, x, hadA)
	var hadSumA, allA, hadSumB, allB float64
	for i, w := range wa {
		allA += w
		if hadA[i] {
			hadSumA += w
		}
	}
	for i, w := range wb {
		allB += w
		if hadB[i] {
			hadSumB += w
		}
	}
	switch {
	case allA+allB == 0:
		return 1
	case allA == 0 || allB == 0:
		return 0
	}
	dice := (hadSumA + hadSumB) / (allA + allB)
	// The better-covered side's share: a supplier's short title inside a
	// listing's long one is agreement, not difference.
	overlap := max(hadSumA/allA, hadSumB/allB)
	return (dice + overlap) / 2
}

// cutShort returns the index of the key that t shortens, or -1: t is four
// letters or more and starts the key ("cond" of "conditioner", "choc" of
// "chocolate"), or three consonants or more spelling the key's in order
// ("ntg" of "neutrogena", "crmy" of "creamy"), the key two letters longer
// at least.
func cutShort(t string, keys []string) int {
	if len(t) < 3 || !isWord(t) {
		return -1
	}
	skeleton := !strings.ContainsAny(t, "aeiou")
	if len(t) < 4 && !skeleton {
		return -1
	}
	for j, u := range keys {
		if len(u) < len(t)+2 {
			continue
		}
		if len(t) >= 4 && strings.HasPrefix(u, t) || skeleton && Shortens(t, u) {
			return j
		}
	}
	return -1
}

// typo reports whether keys has t with one edit (keys of five or more
// characters, same digits).
func typo(t string, keys []string) bool {
	if len(t) < 5 {
		return false
	}
	for _, u := range keys {
		if len(u) < 5 || u[0] != t[0] || len(u)-len(t) > 1 || len(t)-len(u) > 1 {
			continue
		}
		if sameRunes(u, t, isDigit) && oneEdit(t, u) {
			return true
		}
	}
	return false
}

// oneEdit reports whether t and u are one edit apart (Levenshtein distance
// 1), in place for ASCII.
func oneEdit(t, u string) bool {
	if !isPlainASCII(t) || !isPlainASCII(u) {
		return levenshtein.ComputeDistance(t, u) == 1
	}
	if len(t) > len(u) {
		t, u = u, t
	}
	if len(u)-len(t) > 1 {
		return false
	}
	i := 0
	for i < len(t) && t[i] == u[i] {
		i++
	}
	if len(t) == len(u) {
		// One substitution: the rest agrees after it.
		return i < len(t) && t[i+1:] == u[i+1:]
	}
	// One insertion into t.
	return t[i:] == u[i+1:]
}

// span is a run of adjacent keys.
type span struct{ from, n int }
