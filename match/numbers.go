package match

import (
	"slices"
	"strconv"
	"strings"

	"github.com/agnivade/levenshtein"
)

// numbersValue is the numbers feature: the bare numbers of a title, those
// that name the product ("Studio 61", "Flex 58", "Series 7") rather than
// measure it. A number with a unit is a size ("12 oz" is the key "12oz"),
// a piece of a code is the model comparison's, a model year the version
// comparison's, the pack count and a size read from the title their own
// attributes'.
type numbersValue struct {
	nums []string // distinct, in title order
	text string   // as results show them
	// names maps a number to the word before it, the name it numbers
	// ("one" of "One 64"), when that is a word.
	names map[string]string
	// short are the title's short model numbers ("t5": "t" -> "5"), by
	// their letters (shortModelNumber): compared only with the other
	// title's of the same letters.
	short map[string][]string
	// catalog are the title's catalog numbers, bare runs of five to eight
	// digits ("Elixir 16002"): a maker's item number, or a shop's.
	catalog []string
}

// Levels of the numbers comparison (at Contained, every number of one
// title is in the other, which names more).
const (
	// OneSide: only one title names a number (numbers) or a tier (version).
	OneSide Level = "one_side"
	// Renamed: the titles share a number but name it differently ("Pro 64"
	// / "One 64"), each with a word the other title lacks.
	Renamed Level = "renamed"
	// Renumbered: one name numbered differently ("Pro 97" / "Pro 98",
	// "Series 7" / "Series 8"): two members of one line.
	Renumbered Level = "renumbered"
)

// numbersAttribute compares the bare numbers of two titles: the same
// product line with another number is another product ("Flex 58" is not
// "Flex 39", "Series 7" not "Series 8"), and a title that names a number
// against one that names none may be another member of the line.
func numbersAttribute() Attribute {
	return Attribute{
		Name: "numbers",
		Levels: []LevelSpec{
			{Level: Same, Weight: 0.5, Why: "both titles name the same numbers: usually one product line member"},
			{Level: Contained, Weight: 0, Why: "one title adds a number: a spec or part number as often as another product"},
			{Level: Renamed, Weight: -3, Why: "one number named by two different words (\"Pro 64\" / \"One 64\"): two lines that share a number"},
			{Level: OneSide, Weight: 0, Why: "only one title names a number: shops drop numbers as often as a sibling adds one"},
			{Level: Renumbered, Weight: -6, Veto: true, Why: "one name numbered differently (\"Pro 97\" / \"Pro 98\"): another member of the same line"},
			{Level: Conflict, Weight: -4, Why: "each title names a number the other lacks: another member of the line (not a veto: titles carry incidental numbers)"},
			{Level: Missing},
		},
		prepare: func(it *Item, vs *Vocabularies) {
			it.numbers = readNumbers(it, vs)
		},
		encode: func(e *encoder, it *Item) {
			n := &it.numbers
			e.strs(n.nums)
			e.str(n.text)
			e.strMap(n.names)
			e.strsMap(n.short)
			e.strs(n.catalog)
		},
		decode: func(d *decoder, it *Item, _ *Vocabularies) {
			n := &it.numbers
			n.nums, n.text, n.names, n.short, n.catalog = d.strs(), d.str(), d.strMap(), d.strsMap(), d.strs()
		},
		compare: compareNumbers,
	}
}

// readNumbers reads the bare numbers of the item's title; the codes, pack and
// size features must be read already (attributes prepare in order). A
// product line's number is a whole number of one to four digits: decimals
// are specs ("2.7 in", "f/5.6"), runs of five to eight digits catalog
// numbers (kept apart, for neighborNumbers), longer ones GTINs, a number
// before a unit or another number a measure or a range
// ("10 megapixels", "70-300mm").
func readNumbers(it *Item, vs *Vocabularies) numbersValue {
	var v numbersValue
	toks := it.text.tokens
	for i, t := range toks {
		if prefix, num, ok := vs.specToken(t); ok {
			// "ddr4", "win10", "cs3": a version or spec number, named by
			// its prefix.
			n, _ := strconv.Atoi(num)
			v.add(strconv.Itoa(n), prefix)
			continue
		}
		if isInOne(t) {
			v.add(t, "") // "3in1": which combination, as a product's number
			continue
		}
		if len(t) <= 2 && isDigits(t) && i+2 < len(toks) && toks[i+1] == "in" && (toks[i+2] == "1" || toks[i+2] == "one") {
			v.add(t+"in1", "") // "3 in 1", "3-in-1": the same combination
			continue
		}
		if t == "1" && i > 1 && toks[i-1] == "in" && len(toks[i-2]) <= 2 && isDigits(toks[i-2]) {
			continue // the 1 of "3 in 1"
		}
		if n, ok := initialNumber(toks, i); ok && !vs.namesNoBrand(t) {
			// "Floater F05" is the Floater 05 (a word of the vocabularies,
			// the A19 of "Ambiance A19", a bulb's shape, is no number).
			v.add(n, singular(toks[i-1]))
			continue
		}
		if l, n, ok := shortModelNumber(t); ok && !vs.namesNoBrand(t) {
			// "Portable SSD T5" against "T7": a short model number, too
			// short for a code, named by its letters.
			if v.short == nil {
				v.short = map[string][]string{}
			}
			v.short[l] = appendUnique(v.short[l], n)
			continue
		}
		if len(t) >= minCatalog && len(t) <= maxCatalog && isDigits(t) && !codeDigits(&it.codes, t) && !unitAfter(toks, i) {
			v.catalog = appendUnique(v.catalog, t)
			continue
		}
		if len(t) > 4 || !isDigits(t) || codeDigits(&it.codes, t) {
			continue
		}
		named := i > 0 && len(toks[i-1]) >= 3 && isWord(toks[i-1]) && !stopWords[toks[i-1]] && !isColor(vs, toks[i-1]) && !isType(vs, toks[i-1])
		if i+1 < len(toks) && (measureWords[toks[i+1]] || unitKeys[toks[i+1]] != "" || isDigit(toks[i+1][0]) && !isInOne(toks[i+1])) &&
			!(named && namedBefore(toks[i+1:])) {
			continue
		}
		if i+2 < len(toks) && countAdjectives[toks[i+1]] && (measureWords[toks[i+2]] || unitKeys[toks[i+2]] != "") {
			continue // "12 Mega Rolls", "6 Double Rolls"
		}
		if i > 0 && (countWords[toks[i-1]] || isDecimal(toks[i-1])) {
			continue // "f/4", "x 2", "size 9", "12 14"
		}
		n, _ := strconv.Atoi(t)
		if len(t) == 4 && n >= 1990 && n <= 2039 {
			continue // a model year: the version comparison's
		}
		if n == 0 || it.pack.n > 1 && !it.pack.counted && n == it.pack.n || it.size.from == FromTitle && sizeHas(it.size.q, float64(n)) {
			continue
		}
		name := ""
		if named {
			name = singular(toks[i-1])
		}
		v.add(strconv.Itoa(n), name) // "07" is 7
	}
	v.text = strings.Join(v.nums, " ")
	return v
}

// initialNumber reads toks[i] as the number of the word before it when it
// is that word's initial and a zero-padded number of two or three digits
// ("Floater F05", a lure's size as its maker writes it; the listing's
// "Floater 05"): the number without leading zeros. Unpadded, the letter is a
// model's ("Mouse M705", "Headset H390", "Intel i7": read so, a sibling's
// code had vetoed as another number of the word, and a refit lost 2.2 F1 on
// WDC Block).
func initialNumber(toks []string, i int) (string, bool) {
	t := toks[i]
	if i == 0 || len(t) < 3 || len(t) > 4 || t[0] < 'a' || t[0] > 'z' || t[1] != '0' || !isDigits(t[1:]) {
		return "", false
	}
	w := toks[i-1]
	if len(w) < 3 || !isWord(w) || w[0] != t[0] {
		return "", false
	}
	n, err := strconv.Atoi(t[1:])
	if err != nil || n == 0 {
		return "", false
	}
	return strconv.Itoa(n), true
}

// shortModelNumber splits a short model number written as one or two letters and
// one or two digits ("t5", "s10", "g7"), too short to be read as a code,
// into its letters and its number without leading zeros. Not x (a count,
// "x2") nor f (an aperture, "f4").
func shortModelNumber(t string) (letters, num string, ok bool) {
	l, d, ok := lettersDigits(t)
	if !ok || len(l) > 2 || len(d) > 2 || l == "x" || l == "f" {
		return "", "", false
	}
	n, err := strconv.Atoi(d)
	if err != nil || n == 0 {
		return "", "", false
	}
	return l, strconv.Itoa(n), true
}

// lettersDigits splits a token of letters then digits and nothing else
// ("gtx1660") into the two; ok is false for any other token.
func lettersDigits(t string) (letters, digits string, ok bool) {
	i := strings.IndexFunc(t, func(r rune) bool { return r < 'a' || r > 'z' })
	if i < 1 || i == len(t) || !isDigits(t[i:]) {
		return "", "", false
	}
	return t[:i], t[i:], true
}

// isInOne reports whether a token is a combination written as one word
// ("3in1", "2in1"): no number, and no measure of the number before it.
func isInOne(t string) bool {
	n := strings.Index(t, "in1")
	return (n == 1 || n == 2) && n+3 == len(t) && isDigits(t[:n])
}

// add notes the number key, and the word that names it when it is the
// first name seen for it ("" for none).
func (v *numbersValue) add(key, name string) {
	v.nums = appendUnique(v.nums, key)
	if name == "" {
		return
	}
	if v.names == nil {
		v.names = map[string]string{}
	}
	if _, ok := v.names[key]; !ok {
		v.names[key] = name
	}
}

// namedBefore reports whether the tokens after a named number ("Classic
// 98") leave it a name: a container in the singular ("Classic 98 Bottle",
// where "24 Bottles" counts), or another number with its own unit
// ("Edge 52 8 count").
func namedBefore(rest []string) bool {
	switch {
	case containerWords[rest[0]]:
		return true
	case isDigits(rest[0]) && len(rest) > 1 && (unitKeys[rest[1]] != "" || measureWords[rest[1]]):
		return true
	case gluedUnit(rest[0]) != rest[0]: // "8count"
		return true
	}
	return false
}

// containerWords are the singular containers that, after a named number,
// say what the product is rather than how many.
var containerWords = map[string]bool{"bottle": true, "can": true, "bag": true, "jar": true, "tube": true, "box": true}

// measureWords are words that make the number before them a measure, a
// count or a spec rather than a name (beside the size units of unitKeys).
var measureWords = map[string]bool{
	"megapixel": true, "megapixels": true, "mp": true, "hz": true, "khz": true, "mhz": true, "ghz": true,
	"rpm": true, "channel": true, "channels": true, "ch": true, "cu": true, "cubic": true, "sq": true,
	"mph": true, "btu": true, "amp": true, "amps": true, "ah": true, "db": true, "bit": true, "bits": true,
	"yd": true, "yds": true, "yard": true, "yards": true, "gal": true, "gallon": true, "gallons": true,
	"cup": true, "cups": true, "sheet": true, "sheets": true, "page": true, "pages": true, "port": true, "ports": true,
	"speed": true, "speeds": true, "x": true, "hour": true, "hours": true, "hr": true, "hrs": true,
	"min": true, "minute": true, "minutes": true, "day": true, "days": true, "year": true, "years": true,
	"yr": true, "month": true, "months": true, "person": true, "people": true, "player": true, "players": true,
	"user": true, "users": true, "serving": true, "servings": true, "degree": true, "degrees": true,
	"lumen": true, "lumens": true, "psi": true, "gpm": true, "cc": true, "fl": true, "ohm": true, "ohms": true,
	"tablet": true, "tablets": true, "capsule": true, "capsules": true, "roll": true, "rolls": true,
	"f": true, "size": true, "sz": true, "no": true, "number": true, "qty": true, "gauge": true, "ga": true,
	"kw": true, "hp": true, "kwh": true, "wh": true, "lbs": true, "tier": true, "layer": true, "ply": true,
	"way": true, "shelf": true, "drawer": true, "door": true, "burner": true, "slice": true, "quart": true,
	"seater": true, "device": true, "devices": true, "bottle": true, "bottles": true, "can": true, "cans": true, "bag": true, "bags": true,
	"iu": true, "mcg": true, "softgel": true, "softgels": true, "caplet": true, "caplets": true, "gummies": true, "pod": true, "pods": true,
	// Specs of parts and electronics: "4-pin", "97 CFM", "37 dBA", "82 mic", "12 core", "6 outlets".
	"pin": true, "pins": true, "cfm": true, "dba": true, "mic": true, "core": true, "cores": true, "thread": true,
	"threads": true, "outlet": true, "outlets": true, "button": true, "buttons": true, "key": true, "keys": true,
	"led": true, "leds": true, "piece": true, "pieces": true, "pc": true, "pcs": true, "nm": true,
	"cycle": true, "cycles": true, "setting": true, "settings": true, "program": true, "programs": true,
}

// countWords make the number after them a measure or a count ("f/4", "x 2",
// "size 9", "qty 6"); after other words a number may be a name ("Bottle
// 31", "Series 7", "No 5").
var countWords = map[string]bool{
	"f": true, "x": true, "size": true, "sz": true, "qty": true, "gauge": true, "ga": true,
	"pk": true, "pack": true, "ch": true, "channel": true, "ply": true, "tier": true,
}

// spelledAlike reports whether two name words are one word mistyped or
// cut short ("acive" / "active", "trav" / "travel").
func spelledAlike(x, y string) bool {
	if len(x) >= 3 && len(y) >= 3 && (strings.HasPrefix(x, y) || strings.HasPrefix(y, x)) {
		return true
	}
	return len(x) >= 4 && len(y) >= 4 && levenshtein.ComputeDistance(x, y) <= 1
}

// codeDigits reports whether t is a whole run of digits of one of the codes
// ("120" of "dscw120"; not "60" of "sd60344").
func codeDigits(c *codeSet, t string) bool {
	for x := range c.all {
		for i := strings.Index(x, t); i >= 0; {
			end := i + len(t)
			if (i == 0 || !isDigit(x[i-1])) && (end == len(x) || !isDigit(x[end])) {
				return true
			}
			j := strings.Index(x[i+1:], t)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return false
}

// isColor reports whether the word names a color: "Blue 120" and "Red 120"
// are one product in two colors, for the color comparison to tell.
func isColor(vs *Vocabularies, w string) bool {
	_, ok := vs.colors.Lookup(w)
	return ok
}

// isType reports whether the word names a kind of product: "Paper 12" and
// "Bottle 31" say what, not which line.
func isType(vs *Vocabularies, w string) bool {
	_, ok := vs.types.Lookup(w)
	return ok
}

// countAdjectives sit between a count and its unit ("12 Mega Rolls").
var countAdjectives = map[string]bool{"mega": true, "double": true, "triple": true, "family": true, "giant": true,
	"jumbo": true, "big": true, "super": true, "huge": true, "regular": true, "extra": true, "xl": true, "single": true}

// isWord reports whether t is a word of two or more letters.
func isWord(t string) bool {
	if len(t) < 2 {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < 'a' || t[i] > 'z' {
			return false
		}
	}
	return true
}

// sizeHas reports whether a quantity of qs has the value n.
func sizeHas(qs []quantity, n float64) bool {
	for _, q := range qs {
		if q.Value == n {
			return true
		}
	}
	return false
}

func compareNumbers(a, b *Item, _ *Env) Outcome {
	na, nb := a.numbers.nums, b.numbers.nums
	av, bv := a.numbers.text, b.numbers.text
	if x, y, ok := neighborNumbers(a.numbers.catalog, b.numbers.catalog); ok {
		return Outcome{Level: Renumbered, A: x, B: y, Evidence: x + " vs " + y + ": neighbor catalog numbers"}
	}
	if (len(na) == 0) == (len(nb) == 0) {
		// Short model numbers decide where both titles name bare numbers
		// or neither does; one title's numbers alone say one_side.
		if o, ok := shortRenumbered(&a.numbers, &b.numbers); ok {
			return o
		}
	}
	switch {
	case len(na) == 0 && len(nb) == 0:
		return missing(av, bv)
	case len(na) == 0 || len(nb) == 0:
		return Outcome{Level: OneSide, A: av, B: bv}
	}
	aInB, bInA := subset(na, nb), subset(nb, na)
	if aInB || bInA {
		for _, n := range na {
			x, y := a.numbers.names[n], b.numbers.names[n]
			if x != "" && y != "" && x != y && !a.text.idx.has(y) && !b.text.idx.has(x) && !spelledAlike(x, y) {
				return Outcome{Level: Renamed, A: av, B: bv, Evidence: x + " " + n + " vs " + y + " " + n}
			}
		}
	}
	switch {
	case aInB && bInA:
		return Outcome{Level: Same, A: av, B: bv}
	case aInB || bInA:
		return Outcome{Level: Contained, A: av, B: bv}
	}
	for _, n := range na {
		x := a.numbers.names[n]
		if x == "" || slices.Contains(nb, n) || leadsOrBrand(a, x) || leadsOrBrand(b, x) {
			continue
		}
		for _, m := range nb {
			if b.numbers.names[m] == x && !slices.Contains(na, m) {
				return Outcome{Level: Renumbered, A: av, B: bv, Evidence: x + " " + n + " vs " + x + " " + m}
			}
		}
	}
	return Outcome{Level: Conflict, A: av, B: bv, Evidence: av + " vs " + bv}
}

// The lengths of a catalog number, in digits: longer runs are GTINs (the
// GTIN comparison's), shorter ones a line's number.
const (
	minCatalog = 5
	maxCatalog = 8
)

// neighborNumbers reports two catalog numbers, one of each title, that are
// one maker's numbering of two items: the titles share none, and these two
// have one length, one first digit and at most two other digits ("16002" /
// "16052", an Elixir set's gauges). On the four benchmarks' train and valid
// pairs, 161 pairs named neighbor numbers so and none was one item; a
// shop's own number beside a maker's shares no such shape.
func neighborNumbers(a, b []string) (x, y string, ok bool) {
	if len(a) == 0 || len(b) == 0 {
		return "", "", false
	}
	for _, x := range a {
		if slices.Contains(b, x) {
			return "", "", false
		}
	}
	for _, x := range a {
		for _, y := range b {
			if len(x) == len(y) && x[0] == y[0] && digitsApart(x, y) <= 2 {
				return x, y, true
			}
		}
	}
	return "", "", false
}

// digitsApart counts the places where two numbers of one length differ.
func digitsApart(x, y string) int {
	n := 0
	for i := 0; i < len(x); i++ {
		if x[i] != y[i] {
			n++
		}
	}
	return n
}

// shortRenumbered reports two titles' short model numbers of the same
// letters that share no number ("T5" / "T7", "S9" / "S10"): another member
// of the line.
func shortRenumbered(a, b *numbersValue) (Outcome, bool) {
	if len(a.short) == 0 || len(b.short) == 0 {
		return Outcome{}, false
	}
	first := "" // the first letters in order that conflict: the same outcome every run
	for l, x := range a.short {
		y := b.short[l]
		if len(y) > 0 && (first == "" || l < first) && !slices.ContainsFunc(x, func(n string) bool { return slices.Contains(y, n) }) {
			first = l
		}
	}
	if first == "" {
		return Outcome{}, false
	}
	x, y := first+a.short[first][0], first+b.short[first][0]
	return Outcome{Level: Renumbered, A: x, B: y, Evidence: x + " vs " + y}, true
}

// leadsOrBrand reports whether w is the item's brand or its title's first
// word, most often the brand: "Samsung 40" is a brand and a size as often
// as a line and its number.
func leadsOrBrand(it *Item, w string) bool {
	toks := it.text.tokens
	return len(toks) > 0 && toks[0] == w || slices.Contains(it.brand.words, w)
}

// subset reports whether every string of xs is in ys.
func subset(xs, ys []string) bool {
	for _, x := range xs {
		if !slices.Contains(ys, x) {
			return false
		}
	}
	return true
}
