package match

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// dimension names what a quantity measures.
type dimension string

// The dimensions quantities are converted into, each with one base unit.
const (
	dimVolume   dimension = "volume"   // milliliters
	dimMass     dimension = "mass"     // grams
	dimLength   dimension = "length"   // millimeters
	dimDataSize dimension = "data"     // bytes
	dimPower    dimension = "power"    // watts
	dimCharge   dimension = "charge"   // milliampere-hours
	dimVoltage  dimension = "voltage"  // volts
	dimApparent dimension = "rating"   // volt-amperes (a UPS: "1500VA")
	dimCount    dimension = "count"    // units inside one item ("24 count")
	dimPotency  dimension = "potency"  // international units ("2000 IU")
	dimApparel  dimension = "apparel"  // letter sizes, ranked XS=1 .. 5XL
	dimNumbered dimension = "numbered" // a bare numeric size ("10", "10.5")
	// dimWaistInseam is a trouser size: waist*1000 + inseam ("32x30").
	dimWaistInseam dimension = "waist x inseam"
	// dimFrame is dimensions written without a unit ("36 x 48"), their
	// numbers sorted and packed in thousands.
	dimFrame dimension = "dimensions"
	// dimTire is a tire size ("225/65R17", "LT265/70R17"): width, aspect
	// and rim packed (tireSize), a light-truck size apart from the
	// passenger one.
	dimTire dimension = "tire size"
)

// quantity is a number with a unit, converted to its dimension's base unit.
type quantity struct {
	Dim   dimension
	Value float64
	// Ounce marks a mass read from a bare "oz", which may be a fluid ounce.
	Ounce bool
	// Low is the low end of a range ("18-200mm"), 0 for a single value.
	Low float64
	// Text is the phrase it was read from.
	Text string
}

func (q quantity) String() string {
	return q.Text
}

type unitDef struct {
	dim    dimension
	factor float64
}

var units = map[string]unitDef{
	"ml": {dimVolume, 1}, "milliliter": {dimVolume, 1}, "milliliters": {dimVolume, 1}, "millilitre": {dimVolume, 1}, "millilitres": {dimVolume, 1},
	"cl": {dimVolume, 10}, "dl": {dimVolume, 100},
	"l": {dimVolume, 1000}, "liter": {dimVolume, 1000}, "liters": {dimVolume, 1000}, "litre": {dimVolume, 1000}, "litres": {dimVolume, 1000}, "ltr": {dimVolume, 1000},
	"fl oz": {dimVolume, 29.5735}, "floz": {dimVolume, 29.5735}, "fluid ounce": {dimVolume, 29.5735}, "fluid ounces": {dimVolume, 29.5735},
	"gallon": {dimVolume, 3785.41}, "gallons": {dimVolume, 3785.41}, "gal": {dimVolume, 3785.41},
	"gl": {dimVolume, 3785.41},
	"qt": {dimVolume, 946.353}, "quart": {dimVolume, 946.353}, "quarts": {dimVolume, 946.353},
	"pt": {dimVolume, 473.176}, "pint": {dimVolume, 473.176}, "pints": {dimVolume, 473.176},
	"cu ft": {dimVolume, 28316.8}, "cubic feet": {dimVolume, 28316.8}, "cubic foot": {dimVolume, 28316.8}, "cf": {dimVolume, 28316.8},
	"oz": {dimMass, 28.3495}, "ounce": {dimMass, 28.3495}, "ounces": {dimMass, 28.3495},
	"lb": {dimMass, 453.592}, "lbs": {dimMass, 453.592}, "pound": {dimMass, 453.592}, "pounds": {dimMass, 453.592},
	"mcg": {dimMass, 0.000001}, "mg": {dimMass, 0.001}, "g": {dimMass, 1}, "gr": {dimMass, 1}, "gram": {dimMass, 1}, "grams": {dimMass, 1},
	"kg": {dimMass, 1000}, "kilogram": {dimMass, 1000}, "kilograms": {dimMass, 1000}, "kgs": {dimMass, 1000},
	"mm": {dimLength, 1}, "cm": {dimLength, 10}, "m": {dimLength, 1000}, "meter": {dimLength, 1000}, "meters": {dimLength, 1000}, "metre": {dimLength, 1000},
	"in": {dimLength, 25.4}, "inch": {dimLength, 25.4}, "inches": {dimLength, 25.4}, "\"": {dimLength, 25.4},
	"yd": {dimLength, 914.4}, "yds": {dimLength, 914.4}, "yard": {dimLength, 914.4}, "yards": {dimLength, 914.4},
	"ft": {dimLength, 304.8}, "foot": {dimLength, 304.8}, "feet": {dimLength, 304.8},
	"kb": {dimDataSize, 1e3}, "mb": {dimDataSize, 1e6}, "gb": {dimDataSize, 1e9}, "tb": {dimDataSize, 1e12},
	"w": {dimPower, 1}, "watt": {dimPower, 1}, "watts": {dimPower, 1}, "kw": {dimPower, 1000},
	"mah": {dimCharge, 1}, "ah": {dimCharge, 1000},
	"va": {dimApparent, 1}, "kva": {dimApparent, 1000},
	"v": {dimVoltage, 1}, "volt": {dimVoltage, 1}, "volts": {dimVoltage, 1},
	"iu":    {dimPotency, 1},
	"count": {dimCount, 1}, "ct": {dimCount, 1}, "pc": {dimCount, 1}, "pcs": {dimCount, 1}, "pieces": {dimCount, 1}, "piece": {dimCount, 1}, "sheets": {dimCount, 1},
	"doses": {dimCount, 1}, "dose": {dimCount, 1},
}

// A quantity is a number, optionally a range ("10-20 oz"), and a unit, on
// folded text, followed by the end of the text or a character that is no
// letter or digit a-z0-9: the pattern in quantity_test.go (quantityPattern),
// which FuzzQuantityMatches holds this scanner to, group for group. Written
// by hand because the regexp's backtracker, tried at every number of every
// title, was a tenth of preparing a listing.

// unitTok is one piece of a unit's spelling: a literal, optional or not,
// or a run of spaces (\s*).
type unitTok struct {
	lit    string
	opt    bool
	spaces bool
}

// quantityUnits are the unit spellings in the pattern's order (the first
// that fits, followed by a boundary, wins).
var quantityUnits = func() [][]unitTok {
	l := func(s string) unitTok { return unitTok{lit: s} }
	o := func(s string) unitTok { return unitTok{lit: s, opt: true} }
	sp := unitTok{spaces: true}
	word := func(s string) []unitTok { return []unitTok{l(s)} }
	plural := func(s string) []unitTok { return []unitTok{l(s), o("s")} }
	var u [][]unitTok
	u = append(u, []unitTok{l("cu"), o("."), sp, l("ft"), o(".")}, word("cubic feet"), word("cubic foot"), word("cf"), plural("quart"), word("qt"),
		[]unitTok{l("fl"), o("."), sp, l("oz")}, plural("fluid ounce"), plural("milliliter"), plural("millilitre"), plural("liter"), plural("litre"),
		word("ltr"), word("ml"), word("cl"), word("dl"), word("l"), plural("gallon"), word("gal"), word("gl"), plural("pint"), plural("ounce"), word("oz"),
		plural("pound"), plural("lb"), plural("kilogram"), plural("kg"), word("kg"), word("mcg"), word("mg"), plural("gram"), word("gr"), word("g"),
		word("mm"), word("cm"), plural("meter"), word("metre"), word("m"), []unitTok{l("inch"), o("es")}, word("in"), word(`"`),
		word("feet"), word("foot"), word("ft"), plural("yard"), word("yds"), word("yd"), word("kb"), word("mb"), word("gb"), word("tb"), plural("watt"), word("kw"), word("w"),
		word("kva"), word("va"), word("mah"), word("ah"), plural("volt"), word("v"), word("iu"), word("count"), word("ct"), word("pc"), word("pcs"), plural("piece"), word("sheets"), plural("dose"))
	return u
}()

// isSpaceRE is the regexp \s: tab, newline, form feed, carriage return, space.
func isSpaceRE(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func skipSpaces(s string, i int) int {
	for i < len(s) && isSpaceRE(s[i]) {
		i++
	}
	return i
}

// numberEnd returns the end of \d+(?:[.,]\d+)? at i, or -1.
func numberEnd(s string, i int) int {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j == i {
		return -1
	}
	if j+1 < len(s) && (s[j] == '.' || s[j] == ',') && isDigit(s[j+1]) {
		j += 2
		for j < len(s) && isDigit(s[j]) {
			j++
		}
	}
	return j
}

// unitEnds calls yield with each end of toks matched at i, in the order
// the regexp tries them, until yield returns true.
func unitEnds(s string, i int, toks []unitTok, yield func(int) bool) bool {
	if len(toks) == 0 {
		return yield(i)
	}
	t := toks[0]
	switch {
	case t.spaces:
		return unitEnds(s, skipSpaces(s, i), toks[1:], yield)
	case strings.HasPrefix(s[i:], t.lit):
		if unitEnds(s, i+len(t.lit), toks[1:], yield) {
			return true
		}
	}
	return t.opt && unitEnds(s, i, toks[1:], yield)
}

// boundaryEnd returns where the boundary after a unit ending at u ends:
// the end of the text, or past one rune that is no a-z0-9; -1 otherwise.
// A unit that is a mark (10") needs none: 29"x2.50 is 29 inches by 2.5.
func boundaryEnd(s string, u int) int {
	if u == len(s) || u > 0 && s[u-1] == '"' {
		return u
	}
	if c := s[u]; c >= 'a' && c <= 'z' || isDigit(c) {
		return -1
	}
	_, n := utf8.DecodeRuneInString(s[u:])
	return u + n
}

// quantityAt returns the submatch indexes of a quantity starting at p, as
// the anchored pattern's FindStringSubmatchIndex gives them (absolute), or
// nil.
func quantityAt(s string, p int) []int {
	for _, withRange := range [2]bool{true, false} {
		lo, loEnd, i := -1, -1, p
		if withRange {
			e := numberEnd(s, p)
			if e < 0 {
				return nil
			}
			j := skipSpaces(s, e)
			switch {
			case j < len(s) && s[j] == '-':
				j++
			case strings.HasPrefix(s[j:], "–"):
				j += len("–")
			default:
				continue
			}
			lo, loEnd, i = p, e, skipSpaces(s, j)
		}
		e := numberEnd(s, i)
		if e < 0 {
			continue
		}
		u0 := skipSpaces(s, e)
		var m []int
		for _, toks := range quantityUnits {
			if unitEnds(s, u0, toks, func(u int) bool {
				if end := boundaryEnd(s, u); end >= 0 {
					m = []int{p, end, lo, loEnd, i, e, u0, u}
					return true
				}
				return false
			}) {
				return m
			}
		}
	}
	return nil
}

// quantityMatches returns what the pattern's FindAllStringSubmatchIndex
// does, trying a quantity only where a run of digits starts: every match
// starts at a digit, and one that fails at the start of a run of digits
// fails inside it too (the same digits and the same text follow).
func quantityMatches(low string) [][]int {
	var out [][]int
	for p := 0; p < len(low); p++ {
		if !isDigit(low[p]) || p > 0 && isDigit(low[p-1]) {
			continue
		}
		m := quantityAt(low, p)
		if m == nil {
			continue
		}
		out = append(out, m)
		p = m[1] - 1 // the loop steps past the match
	}
	return out
}

// doubleQuoteRE finds two apostrophes written for an inch mark after a
// number.
var doubleQuoteRE = regexp.MustCompile(`(\d)\s*''`)

// footMarkRE finds a foot mark right after a number: an apostrophe or a
// prime then no letter or digit ("10' cable", "20′"), or then the inches
// ("6'6\""). One a space apart is no mark: a file that lost its double
// quotes writes inches so ("5-1/2 ' woofers", "30 ' flat panel"), and a
// quote opens so ("40 'T-Race'").
var footMarkRE = regexp.MustCompile(`(\d)['′](?:(\d+(?:\.\d+)?\s*(?:"|”|″|''))|([^a-zA-Z0-9'′]|$))`)

// footMarks writes foot marks as "ft" ("10' cable" is ten feet, "6'6\"" six
// feet six inches); an apostrophe before a letter is no mark ("90's").
func footMarks(s string) string {
	return footMarkRE.ReplaceAllString(s, "$1 ft $2$3")
}

// parseQuantities returns every quantity with a unit in s ("500 ml",
// "0.5L", "16 oz", "1TB", "10 inch").
// leadingZero writes a decimal written from its point with a zero before it
// (".60mm" is "0.60mm", as a guitar pick's or a pen's is written), so that
// it reads as one number; a point after a letter, digit or point is left,
// and one a space apart from a digit ("94 .5 mm", a number cut in two).
func leadingZero(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '.' || !isDigit(s[i+1]) || i > 0 && (isAlnum(s[i-1]) || s[i-1] == '.') {
			continue
		}
		if i > 1 && s[i-1] == ' ' && isDigit(s[i-2]) {
			continue // "4.5-94 .5 mm": a number a stray space cut, not two
		}
		if last == 0 {
			b.Grow(len(s) + 2)
		}
		b.WriteString(s[last:i])
		b.WriteByte('0')
		last = i
	}
	if last == 0 && (len(s) == 0 || s[0] != '.') {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func parseQuantities(s string) []quantity {
	low := leadingZero(unitSpelling(spellOctets(strings.ToLower(fold(s)))))
	if strings.Contains(low, "''") {
		low = doubleQuoteRE.ReplaceAllString(low, `$1"`) // 29'' is 29": two apostrophes for an inch mark
	}
	low = spellFeet(low)
	var out []quantity
	if strings.Contains(low, "/") {
		out, low = tireSizes(low)
	}
	for _, m := range quantityMatches(low) {
		start := m[4] // the number
		if m[2] >= 0 {
			start = m[2] // the range's low end
		}
		// The number must not continue a code ("A1263" is not read as "3 ...").
		if start > 0 {
			prev := low[start-1]
			multiplied := prev == 'x' && start > 1 && isDigit(low[start-2]) // "6x330ml": six of 330 ml
			if (prev >= 'a' && prev <= 'z') && !multiplied || prev == '.' || prev == '-' && start > 1 && isAlnum(low[start-2]) && !isDigit(low[start-2]) {
				continue
			}
			if prev == '/' && start > 1 && low[start-2] == 'f' && (start == 2 || !isAlnum(low[start-3])) {
				continue // "f/2.0L": an aperture and the maker's lens series, no 2 liters
			}
		}
		num, err := strconv.ParseFloat(strings.ReplaceAll(low[m[4]:m[5]], ",", "."), 64)
		if err != nil {
			continue
		}
		unit := strings.Join(strings.Fields(strings.ReplaceAll(low[m[6]:m[7]], ".", " ")), " ")
		switch {
		case unit == "fl oz" || unit == "floz" || strings.HasPrefix(unit, "fluid"):
			unit = "fl oz"
		case unit == "cu ft" || unit == "cuft":
			unit = "cu ft"
		}
		def, ok := units[unit]
		if !ok {
			continue
		}
		if unit == "in" && inOneAfter(low[m[7]:]) {
			continue // "3-in-1", "2 in 1": a combination, not inches
		}
		if rest := low[m[7]:]; strings.HasPrefix(rest, "/s") || strings.HasPrefix(rest, "/ s") || strings.HasPrefix(rest, " per s") {
			continue // "150/70 MB/s": a rate, not a capacity
		}
		q := quantity{
			Dim:   def.dim,
			Value: num * def.factor,
			Ounce: unit == "oz" || strings.HasPrefix(unit, "ounce"),
			Text:  strings.TrimSpace(low[start:m[7]]),
		}
		if m[2] >= 0 {
			if lo, err := strconv.ParseFloat(strings.ReplaceAll(low[m[2]:m[3]], ",", "."), 64); err == nil {
				q.Low = lo * def.factor
			}
		}
		out = append(out, q)
	}
	out = append(out, crossDimensions(low, out)...)
	out = append(out, unitCounts(low)...)
	return append(out, featureCounts(low)...)
}

// inOneAfter reports whether rest, the text after a number's "in", ends
// the phrase "N in 1" ("3-in-1 printer", "2 in 1 laptop", "5in1"): a one,
// after spaces or a hyphen, that no digit, point or letter continues.
func inOneAfter(rest string) bool {
	i := 0
	for i < len(rest) && (rest[i] == ' ' || rest[i] == '-') && i < 2 {
		i++
	}
	if i == len(rest) || rest[i] != '1' {
		return false
	}
	return i+1 == len(rest) || !isAlnum(rest[i+1]) && rest[i+1] != '.' && rest[i+1] != ','
}

// crossRE finds two lengths written as one ("29 x 2.40\"", "29\"x2.4",
// "14 x 5.5 in"), a unit after either number.
var crossRE = regexp.MustCompile(`(\d+(?:\.\d+)?)\s*("|in\b|inch(?:es)?\b|cm\b|mm\b)?\s*[x×]\s*(\d+(?:\.\d+)?)\s*("|in\b|inch(?:es)?\b|cm\b|mm\b)?`)

// crossDimensions returns the length of a cross ("A x B unit", "A unit x
// B") that states its unit only once, in that unit, when the parsed
// quantities read lack it: a 29 x 2.40" tire is 29" and 2.4", as its
// 29"x2.4 listing is. Only the larger number first: "3 x 120mm" is three
// fans of 120 mm, not a 3 mm fan.
func crossDimensions(low string, read []quantity) []quantity {
	if !strings.ContainsAny(low, "x×") {
		return nil
	}
	var out []quantity
	for _, m := range crossRE.FindAllStringSubmatchIndex(low, -1) {
		if m[4] >= 0 == (m[8] >= 0) || m[2] > 0 && isAlnum(low[m[2]-1]) {
			continue // no unit, or one on both (each read already); or inside a code
		}
		first, _ := strconv.ParseFloat(low[m[2]:m[3]], 64)
		second, _ := strconv.ParseFloat(low[m[6]:m[7]], 64)
		if first < second {
			continue
		}
		unit, bare := "", ""
		if m[4] >= 0 {
			unit, bare = low[m[4]:m[5]], low[m[6]:m[7]]
			if e := m[7]; e < len(low) && (low[e] >= 'a' && low[e] <= 'z') {
				continue // "29\"x2.4mm": the second is another kind of number
			}
		} else {
			unit, bare = low[m[8]:m[9]], low[m[2]:m[3]]
		}
		def, ok := units[unit]
		if !ok {
			continue
		}
		v, err := strconv.ParseFloat(bare, 64)
		if err != nil || v == 0 {
			continue
		}
		q := quantity{Dim: def.dim, Value: v * def.factor, Text: bare + unit}
		if !slices.ContainsFunc(read, func(r quantity) bool { return r.Dim == q.Dim && sameQuantity(r.Value, q.Value) }) {
			out = append(out, q)
		}
	}
	return out
}

// The parts an item counts that tell its versions apart, each a dimension
// of its own: a 16-port switch is not a 24-port one, a 2-slice toaster not
// a 4-slice one.
const (
	dimPorts    dimension = "ports"
	dimOutlets  dimension = "outlets"
	dimChannels dimension = "channels"
	dimBurners  dimension = "burners"
	dimSlices   dimension = "slices"
	dimShelves  dimension = "shelves"
	dimDrawers  dimension = "drawers"
	dimSpeeds   dimension = "speeds"
	dimCups     dimension = "cups"
)

// featureDims maps the parts' words, singular and plural, to their
// dimensions.
var featureDims = map[string]dimension{
	"port": dimPorts, "ports": dimPorts, "outlet": dimOutlets, "outlets": dimOutlets,
	"channel": dimChannels, "channels": dimChannels, "burner": dimBurners, "burners": dimBurners,
	"slice": dimSlices, "slices": dimSlices, "shelf": dimShelves, "shelves": dimShelves,
	"drawer": dimDrawers, "drawers": dimDrawers, "speed": dimSpeeds, "speeds": dimSpeeds, "cup": dimCups, "cups": dimCups,
}

// featureCounts returns the counts of featureDims' parts in folded text
// ("16 port", "4-slice", "12cup"): a number of one to three digits
// starting a word, a space, a hyphen or nothing, the part ending a word.
func featureCounts(low string) []quantity {
	var out []quantity
	for i := 0; i < len(low); i++ {
		j, ok := wordNumber(low, i, ".,/")
		if !ok {
			continue
		}
		k := j
		if k < len(low) && (low[k] == ' ' || low[k] == '-') {
			k++
		}
		w, end := nextWord(low, k)
		if d, ok := featureDims[w]; ok && j-i <= 3 && (end == len(low) || !isAlnum(low[end])) {
			if n, _ := strconv.ParseFloat(low[i:j], 64); n > 0 {
				out = append(out, quantity{Dim: d, Value: n, Text: low[i:end]})
			}
		}
		i = j
	}
	return out
}

// unitCountWords are the units a title counts its contents in besides
// "count" and "pieces" ("12 Mega Rolls", "100 Softgels", "200 Pairs"; the
// pairs also glued, "12PR"), singular and plural. Not bars, sticks, pads or
// filters: a sound bar, a memory stick, a mouse pad, a lens filter (with
// them, tuned F1 fell 1.3 on WDC Block).
var unitCountWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"roll", "pod", "softgel", "sftgl", "tablet", "capsule", "caplet", "wipe", "diaper", "liner", "packet", "sachet", "exposure", "photo", "shot", "print", "pair", "pr"} {
		m[w], m[w+"s"] = true, true
	}
	return m
}()

// unitCountSizeWords may stand between a count and its unit ("12 mega
// rolls").
var unitCountSizeWords = map[string]bool{"mega": true, "double": true, "triple": true, "family": true, "giant": true,
	"jumbo": true, "super": true, "big": true, "regular": true, "huge": true, "xl": true}

// unitCounts returns the counts of unitCountWords in folded text ("12 mega
// rolls", "100 softgels"): a number of one to four digits starting a word,
// a space, a size word or none, the unit ending a word.
func unitCounts(low string) []quantity {
	var out []quantity
	for i := 0; i < len(low); i++ {
		j, ok := wordNumber(low, i, ".,/-")
		if !ok {
			continue
		}
		if j-i <= 4 && strings.HasPrefix(low[j:], "pr") {
			// "12PR", "200PRS": pairs glued to their number.
			end := j + 2
			if end < len(low) && low[end] == 's' {
				end++
			}
			if end == len(low) || !isAlnum(low[end]) {
				if n, _ := strconv.ParseFloat(low[i:j], 64); n > 0 {
					out = append(out, quantity{Dim: dimCount, Value: n, Text: low[i:end]})
				}
				i = j
				continue
			}
		}
		if j-i > 4 || j >= len(low) || low[j] != ' ' {
			i = j
			continue
		}
		w, end := nextWord(low, j+1)
		if unitCountSizeWords[w] && end < len(low) && low[end] == ' ' {
			w, end = nextWord(low, end+1)
		}
		if unitCountWords[w] && (end == len(low) || !isAlnum(low[end])) {
			n, _ := strconv.ParseFloat(low[i:j], 64)
			if n > 0 {
				out = append(out, quantity{Dim: dimCount, Value: n, Text: low[i:end]})
			}
		}
		i = j
	}
	return out
}

// wordNumber reports whether a run of digits starts a word at i (not after
// a letter, a digit or one of the bytes in after: "1.5", "3/4") and
// returns where it ends.
func wordNumber(low string, i int, after string) (int, bool) {
	if !isDigit(low[i]) || i > 0 && (isAlnum(low[i-1]) || strings.IndexByte(after, low[i-1]) >= 0) {
		return i, false
	}
	j := i
	for j < len(low) && isDigit(low[j]) {
		j++
	}
	return j, true
}

// nextWord returns the run of a-z letters at i and where it ends.
func nextWord(s string, i int) (string, int) {
	j := i
	for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
		j++
	}
	return s[i:j], j
}

// fractionRE finds a fraction of a unit, with the whole number before it
// ("3/8", "1-1/2", "1 1/2"), starting a word; a whole of one or two digits
// ("Provincial 211 1/2PT" is a color number and half a pint).
var fractionRE = regexp.MustCompile(`(?:^|[^0-9a-z./])(?:(\d{1,2})[ -])?(\d{1,2})/(\d{1,2})(?:$|[^0-9/])`)

// fractionValue returns the value of a fractionRE match g in low ("3/8" is
// 0.375, "1-1/2" 1.5) and where it starts; false when it names no fraction
// ("12/12", twelve of twelve).
func fractionValue(low string, g []int) (float64, int, bool) {
	n, _ := strconv.Atoi(low[g[4]:g[5]])
	if !fraction(n, low[g[6]:g[7]]) {
		return 0, 0, false
	}
	d, _ := strconv.Atoi(low[g[6]:g[7]])
	v, start := float64(n)/float64(d), g[4]
	if g[2] >= 0 {
		w, _ := strconv.Atoi(low[g[2]:g[3]])
		v, start = v+float64(w), g[2]
	}
	return v, start, true
}

// unitSpelling rewrites folded text for reading quantities: a fraction of
// a unit as a decimal ("3/8 in" -> "0.375 in", "1-1/2 in" -> "1.5 in"; not
// "12/12 oz", twelve of 12 oz), and a hyphen between a number and the word
// after it as a space ("10-inch", "5-gallon"; not "3-in-1", where the word
// goes on).
func unitSpelling(low string) string {
	if hasFraction(low) {
		var b strings.Builder
		last := 0
		for _, g := range fractionRE.FindAllStringSubmatchIndex(low, -1) {
			v, start, ok := fractionValue(low, g)
			if !ok {
				continue
			}
			b.WriteString(low[last:start])
			b.WriteString(strconv.FormatFloat(v, 'f', -1, 64))
			last = g[7]
		}
		if last > 0 {
			b.WriteString(low[last:])
			low = b.String()
		}
	}
	var b []byte // a copy of low, once a hyphen is to go
	for i := strings.IndexByte(low, '-'); i > 0 && i+1 < len(low); {
		if isDigit(low[i-1]) && low[i+1] >= 'a' && low[i+1] <= 'z' {
			_, j := nextWord(low, i+1)
			if j == len(low) || !isAlnum(low[j]) && low[j] != '-' {
				if b == nil {
					b = []byte(low)
				}
				b[i] = ' '
			}
		}
		k := strings.IndexByte(low[i+1:], '-')
		if k < 0 {
			break
		}
		i += k + 1
	}
	if b == nil {
		return low
	}
	return string(b)
}

// hasFraction reports whether low has a digit, a slash and a digit.
func hasFraction(low string) bool {
	for i := strings.IndexByte(low, '/'); i >= 0; {
		if i > 0 && i+1 < len(low) && isDigit(low[i-1]) && isDigit(low[i+1]) {
			return true
		}
		k := strings.IndexByte(low[i+1:], '/')
		if k < 0 {
			return false
		}
		i += k + 1
	}
	return false
}

func isAlnum(b byte) bool { return isDigit(b) || (b >= 'a' && b <= 'z') }
func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// monthsRE reads a baby's size in months, normalized: "6 9 mo", "6 9
// months", "12 mos", "0 3m".
var monthsRE = regexp.MustCompile(`^(?:(\d{1,2}) (?:to )?)?(\d{1,2}) ?(?:m|mo|mos|month|months)$`)

// shoeWidthRE reads a shoe size and its width, normalized: "10.5m", "10.5
// d m", "10 d" (a man's standard width; "b" a woman's), "9 wide", "8.5 2e
// us".
var shoeWidthRE = regexp.MustCompile(`^(\d{1,2}(?:\.5)?) ?(m|d m|b m|d|b|medium|regular|w|wide|2e|ee|d w|4e|xw|extra wide|n|narrow)(?: us)?$`)

// shoeSystemRE reads a shoe size with its sizing system before or after it,
// normalized: "42 eu", "eur 42", "uk 8", "us 10.5".
var shoeSystemRE = regexp.MustCompile(`^(?:(eu|eur|uk|us) ?)?(\d{1,2}(?:\.5)?) ?(eu|eur|uk|us)?$`)

// ukSizeOffset sets UK shoe sizes apart from US and EU ones, which never
// share a number with them by chance.
const ukSizeOffset = 5000

// shoeWidths number the widths shoeWidthRE reads: 0 the standard width,
// the one a size without a width means.
var shoeWidths = map[string]float64{
	"m": 0, "d m": 0, "b m": 0, "d": 0, "b": 0, "medium": 0, "regular": 0,
	"w": 1, "wide": 1, "2e": 1, "ee": 1, "d w": 1,
	"4e": 2, "xw": 2, "extra wide": 2,
	"n": 3, "narrow": 3,
}

// apparelSizes ranks letter sizes; the keys are normalized.
var apparelSizes = map[string]float64{
	"xxs": 1, "2xs": 1, "xs": 2, "x small": 2, "extra small": 2,
	"s": 3, "small": 3, "sm": 3, "sml": 3, "m": 4, "medium": 4, "med": 4, "md": 4, "l": 5, "large": 5, "lg": 5, "lrg": 5,
	"xl": 6, "x large": 6, "extra large": 6, "xxl": 7, "2xl": 7, "xx large": 7,
	"xxxl": 8, "3xl": 8, "xxx large": 8, "4xl": 9, "5xl": 10,
	"xlg": 6, "2x": 7, "3x": 8, "4x": 9, "5x": 10,
}

// combinedSizeBase offsets a combined letter size ("L/XL", "2X/3X"): one
// item fitting two neighbor sizes, another size than either.
const combinedSizeBase = 10000

// combinedApparelSize reads two neighbor letter sizes written as one
// ("l xl" of "L/XL", "lg xl", "s m"), as combinedSizeBase plus both ranks.
func combinedApparelSize(n string) (float64, bool) {
	a, b, ok := strings.Cut(n, " ")
	if !ok {
		return 0, false
	}
	ra, oka := apparelSizes[a]
	rb, okb := apparelSizes[b]
	if !oka || !okb || rb != ra+1 {
		return 0, false
	}
	return combinedSizeBase + 100*ra + rb, true
}

// parseSize reads a variation size: a letter size ("XL", "Large"), a bare
// number ("10", "10.5", a shoe or ring size), or quantities with units.
func parseSize(s string) []quantity {
	n := Normalize(s)
	if n == "" {
		return nil
	}
	// "SZ 9.5", "Size L": the word says nothing.
	for _, p := range []string{"size ", "sz ", "sz"} {
		if rest, ok := strings.CutPrefix(n, p); ok && rest != "" && (p != "sz" || rest[0] >= '0' && rest[0] <= '9') {
			n = strings.TrimSpace(rest)
			s = n
			break
		}
	}
	if m := waistInseamRE.FindStringSubmatch(n); m != nil {
		// "32X30" = "32W x 30L" = "W32 L30"
		w, _ := strconv.Atoi(m[1] + m[3])
		l, _ := strconv.Atoi(m[2] + m[4])
		return []quantity{{Dim: dimWaistInseam, Value: float64(w*1000 + l), Text: s}}
	}
	if r, ok := apparelSizes[n]; ok {
		return []quantity{{Dim: dimApparel, Value: r, Text: s}}
	}
	if r, ok := combinedApparelSize(n); ok {
		// "L/XL" is "LG/XL", not "L" nor "M".
		return []quantity{{Dim: dimApparel, Value: r, Text: s}}
	}
	if r, ok := fittedApparelSize(n); ok {
		// "Large Tall", "Youth M": a letter size of another fit is
		// another size than the plain letter.
		return []quantity{{Dim: dimApparel, Value: r, Text: s}}
	}
	if n == "newborn" || n == "new born" {
		// A baby's first size, before "0-3 Months".
		return []quantity{{Dim: dimNumbered, Value: 0, Text: s}}
	}
	if m, w, ok := unisexShoeSize(n); ok {
		// "M10/W12" = "Men's 10 / Women's 12" = "12 Women/10 Men".
		return []quantity{{Dim: dimNumbered, Value: unisexValue(m, w), Text: s}}
	}
	if m := monthsRE.FindStringSubmatch(n); m != nil {
		// "6-9 MO", "6-9 Months", "12M": a baby's size, by its months.
		hi, _ := strconv.ParseFloat(m[2], 64)
		q := quantity{Dim: dimNumbered, Value: hi, Text: s}
		if m[1] != "" {
			q.Low, _ = strconv.ParseFloat(m[1], 64)
		}
		return []quantity{q}
	}
	if m := shoeWidthRE.FindStringSubmatch(n); m != nil {
		// "10.5M", "10.5 D(M)": a shoe size; a width other than the
		// standard one is another size ("10.5 W" is not "10.5").
		v, _ := strconv.ParseFloat(m[1], 64)
		return []quantity{{Dim: dimNumbered, Value: v + 1000*shoeWidths[m[2]], Text: s}}
	}
	if m := shoeSystemRE.FindStringSubmatch(n); m != nil {
		// "42 EU", "EU 42", "US 10": a shoe size of a sizing system; the
		// UK's is another number than the US's (UK 8 is a US man's 9).
		v, _ := strconv.ParseFloat(m[2], 64)
		if m[1] == "uk" || m[3] == "uk" {
			v += ukSizeOffset
		}
		return []quantity{{Dim: dimNumbered, Value: v, Text: s}}
	}
	if qs := parseQuantities(s); len(qs) > 0 {
		return qs
	}
	if t := strings.TrimSpace(s); len(t) > 2 && strings.EqualFold(t[len(t)-2:], "pt") && (isDigit(t[len(t)-3]) || t[len(t)-3] == ' ') {
		// "1/2 PT", "1PT": a size column's pint (in titles "Pt." is as
		// often a word: "pentru", "part").
		if qs := parseQuantities(t[:len(t)-2] + " pint"); len(qs) == 1 {
			qs[0].Text = s
			return qs
		}
	}
	if v, err := strconv.ParseFloat(n, 64); err == nil {
		return []quantity{{Dim: dimNumbered, Value: v, Text: s}}
	}
	if _, ok := units[n]; ok && len(n) >= 2 && n != "in" {
		// A size column's bare unit ("QT", "GAL"): one of it.
		if qs := parseQuantities("1 " + n); len(qs) == 1 {
			qs[0].Text = s
			return qs
		}
	}
	return nil
}

// apparelFits are the fits a letter size may name, each an offset of the
// sizes' ranks: a youth medium is not a medium.
var apparelFits = map[string]float64{"tall": 100, "youth": 200, "yth": 200, "boys": 200, "girls": 200, "kids": 200, "petite": 300, "big": 400}

// fittedApparelSize reads a letter size with its fit before or after it
// ("youth m", "large tall"), as its rank plus the fit's offset.
func fittedApparelSize(n string) (float64, bool) {
	first, rest, ok := strings.Cut(n, " ")
	if !ok {
		return 0, false
	}
	if off, ok := apparelFits[first]; ok {
		if r, ok := apparelSizes[rest]; ok {
			return r + off, true
		}
	}
	i := strings.LastIndexByte(n, ' ')
	if off, ok := apparelFits[n[i+1:]]; ok {
		if r, ok := apparelSizes[n[:i]]; ok {
			return r + off, true
		}
	}
	return 0, false
}

// unisexOffset sets a unisex shoe size (men's and women's sizes both
// stated) apart from other numbered sizes: unisexValue.
const unisexOffset = 3000

// unisexValue is the numbered value of a unisex size: unisexOffset, the
// men's size and the women's size in hundredths.
func unisexValue(men, women float64) float64 { return unisexOffset + men + women/100 }

// unisexNumbers returns the men's and the women's size a unisexValue v
// holds, nil when v is none; half sizes both ("M9.5/W11.5" is 3009.615),
// so each reading of the men's size that leaves a women's size of whole or
// half numbers.
func unisexNumbers(v float64) []float64 {
	if v < unisexOffset || v >= unisexOffset+100 {
		return nil
	}
	var out []float64
	for _, m := range []float64{math.Floor(v - unisexOffset), math.Floor(v-unisexOffset) + 0.5} {
		w := (v - unisexOffset - m) * 100
		if w > 0 && math.Abs(w*2-math.Round(w*2)) <= 1e-6 {
			out = append(out, m, math.Round(w*2)/2)
		}
	}
	return out
}

// The sizes of a unisex shoe, the gender before its number ("m10 w12",
// "mens 10 womens 12") or after it ("12 women 10 men").
var (
	mensBefore   = regexp.MustCompile(`\b(?:m|men|mens)\s?(\d{1,2}(?:\.5)?)\b`)
	womensBefore = regexp.MustCompile(`\b(?:w|women|womens|wmns)\s?(\d{1,2}(?:\.5)?)\b`)
	mensAfter    = regexp.MustCompile(`\b(\d{1,2}(?:\.5)?)\s?(?:m|men|mens)\b`)
	womensAfter  = regexp.MustCompile(`\b(\d{1,2}(?:\.5)?)\s?(?:w|women|womens|wmns)\b`)
)

// unisexShoeSize reads a shoe size stated for men and for women at once
// ("m10 w12", "mens 10 womens 12", "12 women 10 men"): a text that starts
// with a word names the gender before each number, one that starts with a
// number after it.
func unisexShoeSize(n string) (men, women float64, ok bool) {
	if n == "" {
		return 0, 0, false
	}
	mre, wre := mensBefore, womensBefore
	if isDigit(n[0]) {
		mre, wre = mensAfter, womensAfter
	}
	read := func(re *regexp.Regexp) (float64, bool) {
		m := re.FindStringSubmatch(n)
		if m == nil {
			return 0, false
		}
		v, err := strconv.ParseFloat(m[1], 64)
		return v, err == nil
	}
	men, okM := read(mre)
	women, okW := read(wre)
	return men, women, okM && okW
}

// packPatterns read a pack count from text; each has one number group, or a
// fixed count, and the words (or word parts) without which it cannot match.
var packPatterns = []struct {
	re    *regexp.Regexp
	fixed int
	needs []string
	// notAfterNumber: the match, which ends the text, is no pack when a
	// number stands right before it ("68 x 24" is a size, "Cola x 24" a
	// pack).
	notAfterNumber bool
	// notBeforeNumber: the match, which starts the text, is no pack when
	// a number starts the word after it ("2 x 1G SFP", "2 x 8GB": what one
	// item is made of, a switch's ports, a kit's modules).
	notBeforeNumber bool
}{
	// Not "pack of 1:64 scale" (a ratio is one word: packWords).
	{re: regexp.MustCompile(`\b(?:pack|pk|set|case|box|bundle|lot) of (\d+)(?:\s|$)`), needs: []string{"pack", "pk", "set", "case", "box", "bundle", "lot"}},
	// The number starts a word: "28pk" inside "rr-vtps-28pk-r1" is a code.
	{re: regexp.MustCompile(`(?:^|\s)(\d+)[ -]?(?:pack|pk|pks|packs|pc pack)(?:\s|$)`), needs: []string{"pack", "pk", "pks", "packs"}},
	// Not "N piece set": that is one set of N pieces, a size ("10 piece").
	{re: regexp.MustCompile(`(?:^|\s)(\d+)[ -]?(?:bottles|cans|units|jars|bags)(?:\s|$)`), needs: []string{"bottles", "cans", "units", "jars", "bags"}},
	// Not "N case": a case is also the product ("iPhone 15 Case", "Phone
	// 50 Case"); a case pack is written "case of N" or "N/CS".
	{re: regexp.MustCompile(`(?:^|\s)(\d+) (?:box|bx|carton|ctn)(?:\s|$)`), needs: []string{"box", "bx", "carton", "ctn"}},
	// "6 x 330 ml", "24x12oz": a multipack of a volume or a mass, anywhere
	// (not "8 x 10 in": a length is a size).
	{re: regexp.MustCompile(`(?:^|\s)(\d{1,3}) ?x ?\d+(?:\.\d+)? ?(?:ml|cl|dl|l|ltr|g|gr|kg|oz|fl oz|floz|lb|lbs)(?:\s|$)`), needs: []string{multiplyNeed}},
	// "x12", "6 x": one or two digits ("AMD X570" is a chipset).
	{re: regexp.MustCompile(`\bx ?(\d{1,2})$`), needs: []string{"x"}, notAfterNumber: true},
	{re: regexp.MustCompile(`^(\d{1,2}) ?x\b`), needs: []string{"x"}, notBeforeNumber: true},
	{re: regexp.MustCompile(`\btwin[ -]?pack\b|\bpack of two\b|\bdouble pack\b`), fixed: 2, needs: []string{"twin", "twinpack", "pack"}},
	{re: regexp.MustCompile(`\btriple[ -]?pack\b|\bpack of three\b`), fixed: 3, needs: []string{"triple", "triplepack", "pack"}},
	{re: regexp.MustCompile(`\bhalf[ -]dozen\b`), fixed: 6, needs: []string{"dozen"}},
	{re: regexp.MustCompile(`\bdozen\b`), fixed: 12, needs: []string{"dozen"}},
	{re: regexp.MustCompile(`(?:^|\s)(?:1 ?)?(?:dz|dzn|doz)(?:\s|$)`), fixed: 12, needs: []string{"dz", "dzn", "doz"}},
	{re: regexp.MustCompile(`\b(?:single|1)[ -]?(?:pack|unit|count bottle)\b|\bsingle\b`), fixed: 1, needs: []string{"single", "pack", "unit", "bottle"}},
}

// slashPacks read wholesale pack shorthand with a slash, on folded text.
var slashPacks = []*regexp.Regexp{
	// The count starts a word: "SA400S37/240G" is a part number.
	regexp.MustCompile(`(?:^|[^0-9a-z./])([0-9]{1,4})\s*/\s*([0-9]+)(?:\.[0-9]+)?\s*(?:fl\.?\s*oz|oz|ml|l|ltr|lb|lbs|g|gm|kg|ct|count|pk|in|ft)\b`),
	regexp.MustCompile(`\b(?:pk|pack|cs|case|bx|box|ctn)\s*/\s*([0-9]{1,4})\b`),
	regexp.MustCompile(`\b([0-9]{1,4})\s*/\s*(?:pk|pack|cs|case|bx|box|ctn)\b`),
}

// caseCount reports whether n is a count a case holds: a dozen or fewer,
// or a multiple of 4, 6, 10 or 25 (24, 36, 48, 100, 144, 2000), as case
// packs are; 622 or 311 are codes.
func caseCount(n int) bool {
	return n <= 12 || n%4 == 0 || n%6 == 0 || n%10 == 0 || n%25 == 0
}

// fraction reports whether n/den reads as a fraction of a unit ("1/2",
// "3/4", "5/8") rather than n units of den ("12/12", "6/8").
func fraction(n int, den string) bool {
	d, err := strconv.Atoi(den)
	if err != nil || d < 2 {
		return false // "1/0", "1/1" name no fraction
	}
	return n == 1 || n < d && n%2 == 1 && (d == 2 || d == 4 || d == 8 || d == 16 || d == 32)
}

// multiplyNeed is the need packMask sets for a number times a number
// ("6x330ml", "24 x 500"): no word of a title.
const multiplyNeed = "\x00multiply"

// packNeedBits numbers the words pack patterns need, for packMask.
var packNeedBits = func() map[string]uint64 {
	m := map[string]uint64{}
	for _, p := range packPatterns {
		for _, w := range p.needs {
			if _, ok := m[w]; !ok {
				m[w] = 1 << len(m)
			}
		}
	}
	return m
}()

// packMask returns the set of needed words found in words: each word, its
// hyphen-separated parts, those without leading digits ("6pack" -> "pack"),
// and "x" for "x12".
func packMask(words []string) uint64 {
	var mask uint64
	for i, w := range words {
		// A number times a number across words: "6 x 330ml", "6 x330ml",
		// "6x 330ml".
		before := i > 0 && isDigit(words[i-1][len(words[i-1])-1])
		after := i+1 < len(words) && isDigit(words[i+1][0])
		if w == "x" && before && after ||
			before && len(w) > 1 && w[0] == 'x' && isDigit(w[1]) ||
			after && len(w) > 1 && w[len(w)-1] == 'x' && isDigit(w[len(w)-2]) {
			mask |= packNeedBits[multiplyNeed]
		}
		for k := strings.IndexByte(w, 'x'); k > 0 && k+1 < len(w); {
			if isDigit(w[k-1]) && isDigit(w[k+1]) {
				mask |= packNeedBits[multiplyNeed]
				break
			}
			n := strings.IndexByte(w[k+1:], 'x')
			if n < 0 {
				break
			}
			k += n + 1
		}
		mask |= packNeedBits[w]
		for p := range strings.SplitSeq(w, "-") {
			mask |= packNeedBits[p] | packNeedBits[strings.TrimLeft(p, "0123456789")]
			if q := strings.TrimLeft(p, "0123456789"); strings.HasPrefix(q, "x") && len(q) > 1 && isDigit(q[1]) {
				mask |= packNeedBits["x"] // "x12", "6x330ml"
			}
		}
	}
	return mask
}

// needMask is the set of words pattern p needs.
func needMask(needs []string) uint64 {
	var m uint64
	for _, w := range needs {
		m |= packNeedBits[w]
	}
	return m
}

// PackCountIn returns the units per sellable item a packaging text states
// ("Pack of 6", "12 ct", "6/CS", "CS/12", "twin pack"), or 0 when it
// states none: a supplier's pack column holds such text as often as a
// number.
func PackCountIn(s string) int { return parsePackCount(s) }

// parsePackCount reads a pack count ("Pack of 6", "6-pack", "6 pk",
// "set of 6", "twin pack", "dozen", "2 x 500 ml") from s. It returns 0 when s
// states none.
func parsePackCount(s string) int {
	n, _ := packCount(s)
	return n
}

// packCount is parsePackCount, and the phrase the count was read from
// ("100/box", "pack of 6").
func packCount(s string) (int, string) {
	low := strings.ToLower(fold(s))
	if strings.IndexByte(low, '/') >= 0 {
		// Wholesale shorthand: "12/12OZ" (12 units of 12 oz), "PK/4",
		// "4/PK", "CS/12".
		for _, re := range slashPacks {
			if m := re.FindStringSubmatch(low); m != nil {
				n, err := strconv.Atoi(m[1])
				if len(m) > 2 && fraction(n, m[2]) {
					continue // "1/2 LB", "3/4 IN"
				}
				if len(m) > 2 && !caseCount(n) {
					continue // "622/8G": a sunglasses' color code, not 622 of 8 g
				}
				if err == nil && n > 0 && n <= 10000 {
					return n, m[0]
				}
			}
		}
	}
	words := packWords(low)
	mask := packMask(words)
	if mask == 0 {
		return 0, ""
	}
	low = strings.Join(words, " ")
	for _, p := range packPatterns {
		if mask&needMask(p.needs) == 0 {
			continue
		}
		m := p.re.FindStringSubmatch(low)
		if m == nil || p.notAfterNumber && lastWordIsNumber(strings.TrimSuffix(low, m[0])) ||
			p.notBeforeNumber && firstWordIsNumberLed(strings.TrimPrefix(low, m[0])) {
			continue
		}
		if p.fixed > 0 {
			return p.fixed, m[0]
		}
		n, err := strconv.Atoi(m[1])
		if err == nil && n > 0 && n <= 10000 {
			return n, m[0]
		}
	}
	return 0, ""
}

// firstWordIsNumberLed reports whether the first word of s starts with a
// digit ("1g", "8gb", "500").
func firstWordIsNumberLed(s string) bool {
	f := strings.Fields(s)
	return len(f) > 0 && isDigit(f[0][0])
}

// lastWordIsNumber reports whether the last word of s is a number
// ("8.5", "68").
func lastWordIsNumber(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	w := strings.ReplaceAll(f[len(f)-1], ".", "")
	return w != "" && isDigits(w)
}

// packWords splits lower-case text into the words pack patterns read:
// letters, digits and hyphens ("6-pack", "rr-vtps-28pk-r1"), a decimal
// point or comma between digits kept as a point ("8.5 x 11, 24 lb" is a
// sheet's size and a paper's weight, not 5 packs of 11 24 lb; "6x0,5l"),
// a colon between digits kept (a scale, "1:64", is no count).
func packWords(s string) []string {
	var words []string
	start := -1
	for i := 0; i <= len(s); i++ {
		var c byte
		if i < len(s) {
			c = s[i]
		}
		inWord := c >= 'a' && c <= 'z' || isDigit(c) || c == '-' ||
			(c == '.' || c == ',' || c == ':') && start >= 0 && isDigit(s[i-1]) && i+1 < len(s) && isDigit(s[i+1])
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			words = append(words, strings.ReplaceAll(s[start:i], ",", "."))
			start = -1
		}
	}
	return words
}

// sameOf compares two values of dimension d: sizes that are names, ranks
// or counts (letter sizes, numbered sizes, waist x inseam, bare dimensions,
// counted parts) agree only when equal; measures agree within 2%
// (sameQuantity).
func sameOf(d dimension, a, b float64) bool {
	switch d {
	case dimApparel, dimNumbered, dimWaistInseam, dimFrame, dimTire,
		dimPorts, dimOutlets, dimChannels, dimBurners, dimSlices, dimShelves, dimDrawers, dimSpeeds, dimCups:
		return a == b
	case dimDataSize:
		// A kilobyte is 1000 bytes or 1024 ("1 GB" / "1024 MB").
		return sameQuantity(a, b) || sameQuantity(a, b*1.024) || sameQuantity(b, a*1.024)
	}
	return sameQuantity(a, b)
}

// sameQuantity reports whether two values of one dimension agree within 2%
// (rounding on labels: 2.2 lb is 998 g, sold as 1 kg).
func sameQuantity(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 0.02*math.Max(math.Abs(a), math.Abs(b))
}

// compareQuantities compares two quantity sets dimension by dimension. It
// returns agree when every shared dimension has a value in common, conflict
// naming the first shared dimension (in dimensionOrder) without one, and
// shared = false when the
// sets share no dimension. A bare "oz" on one side is read as fluid ounces
// when the other side speaks only of volume.
func compareQuantities(a, b []quantity) (shared, agree bool, why string) {
	a, b = reconcileOunces(a, b), reconcileOunces(b, a)
	var buf [len(dimensionOrder)]dimension
	dims := buf[:0] // a's dimensions that b has too, in dimensionOrder
	for _, d := range dimensionOrder {
		if hasDim(a, d) && hasDim(b, d) {
			dims = append(dims, d)
		}
	}
	if len(dims) == 0 {
		return false, false, ""
	}
	var agreeing []string
	for _, d := range dims {
		va, vb := ofDim(a, d), ofDim(b, d)
		found := false
		for _, x := range va {
			for _, y := range vb {
				if sameOf(d, x.Value, y.Value) && (x.Low == 0 || y.Low == 0 || sameQuantity(x.Low, y.Low)) {
					found = true
					agreeing = append(agreeing, x.Text+" = "+y.Text)
					break
				}
			}
			if found {
				break
			}
		}
		if !found {
			return true, false, string(d) + ": " + texts(va) + " vs " + texts(vb)
		}
		// "16GB 256GB" against "8GB 256GB": one value shared, but each side
		// states another the other lacks (RAM beside storage).
		if xa, xb := unmatched(d, va, vb), unmatched(d, vb, va); len(xa) > 0 && len(xb) > 0 {
			return true, false, string(d) + ": " + texts(xa) + " vs " + texts(xb)
		}
	}
	slices.Sort(agreeing)
	return true, true, strings.Join(agreeing, ", ")
}

// unmatched returns the values of va (of dimension d) that no value of vb
// equals.
func unmatched(d dimension, va, vb []quantity) []quantity {
	var out []quantity
	for _, x := range va {
		found := false
		for _, y := range vb {
			if sameOf(d, x.Value, y.Value) && (x.Low == 0 || y.Low == 0 || sameQuantity(x.Low, y.Low)) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out
}

// tireSizeRE reads a tire size and its service description, lower case:
// "225/65r17 102h", "lt265/70r17 121/118s", "245/40zr19 98y", "p215/55 r17".
var tireSizeRE = regexp.MustCompile(`\b(p|lt|st)?(\d{3})/(\d{2})\s?z?rf?\s?(\d{2}(?:\.5)?)\b(?:\s*(\d{2,3}(?:/\d{2,3})?[a-z])\b)?`)

// tireSizes returns the tire sizes low states, and low with them and their
// service descriptions blanked: "91V" after a tire size is a load index and
// a speed rating, not 91 volts.
func tireSizes(low string) ([]quantity, string) {
	ms := tireSizeRE.FindAllStringSubmatchIndex(low, -1)
	if ms == nil {
		return nil, low
	}
	var out []quantity
	b := []byte(low)
	for _, m := range ms {
		w, _ := strconv.Atoi(low[m[4]:m[5]])
		a, _ := strconv.Atoi(low[m[6]:m[7]])
		rim, _ := strconv.ParseFloat(low[m[8]:m[9]], 64)
		lt := m[2] >= 0 && low[m[2]:m[3]] == "lt"
		out = append(out, quantity{Dim: dimTire, Value: tireSize(w, a, rim, lt), Text: strings.TrimSpace(low[m[0]:m[9]])})
		for i := m[0]; i < m[1]; i++ {
			b[i] = ' '
		}
	}
	return out, string(b)
}

// tireSize packs a tire size in one number: width, aspect ratio and rim,
// a light-truck size a quarter apart from the passenger one of the same
// numbers.
func tireSize(width, aspect int, rim float64, lt bool) float64 {
	v := float64(width)*1e5 + float64(aspect)*1e2 + rim
	if lt {
		v += 0.25
	}
	return v
}

// dimensionOrder is the order dimensions are compared and reported in.
var dimensionOrder = [...]dimension{dimVolume, dimMass, dimLength, dimDataSize, dimPower, dimCharge, dimVoltage, dimApparent, dimCount, dimPotency, dimApparel, dimNumbered, dimWaistInseam, dimFrame, dimTire,
	dimPorts, dimOutlets, dimChannels, dimBurners, dimSlices, dimShelves, dimDrawers, dimSpeeds, dimCups}

// waistInseamRE reads a trouser size, normalized: "32x30", "32w x 30l",
// "w32 l30".
var waistInseamRE = regexp.MustCompile(`^(?:(\d{2})\s*w?\s*x\s*(\d{2})\s*l?|w\s*(\d{2})\s*x?\s*l\s*(\d{2}))$`)

func hasDim(qs []quantity, d dimension) bool {
	for _, q := range qs {
		if q.Dim == d {
			return true
		}
	}
	return false
}

func ofDim(qs []quantity, d dimension) []quantity {
	var out []quantity
	for _, q := range qs {
		if q.Dim == d {
			out = append(out, q)
		}
	}
	return out
}

// reconcileOunces re-reads bare ounces in a as fluid ounces when a has no
// volume and b has volume but no mass.
func reconcileOunces(a, b []quantity) []quantity {
	if hasDim(a, dimVolume) || !hasDim(b, dimVolume) || hasDim(b, dimMass) {
		return a
	}
	out := make([]quantity, len(a))
	for i, q := range a {
		if q.Dim == dimMass && q.Ounce {
			q = quantity{Dim: dimVolume, Value: q.Value / 28.3495 * 29.5735, Text: q.Text}
		}
		out[i] = q
	}
	return out
}

func texts(qs []quantity) string {
	s := make([]string, len(qs))
	for i, q := range qs {
		s[i] = q.Text
	}
	return strings.Join(s, "/")
}
